/**
 * wasmAhead.ts: Pyodide's instantiation of the wasm is answered with the module compiled ahead,
 * instantiated with Pyodide's own imports; anything else goes to the browser's own function.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileWasmAhead, type WasmAhead } from './wasmAhead';

/** A module that imports env.f (i32 -> i32) and exports g(x) = f(x), built byte by byte. */
const WASM = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f, // type 0: (i32) -> i32
  0x02, 0x09, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x01, 0x66, 0x00, 0x00, // import env.f: type 0
  0x03, 0x02, 0x01, 0x00, // function 1: type 0
  0x07, 0x05, 0x01, 0x01, 0x67, 0x00, 0x01, // export g = function 1
  0x0a, 0x08, 0x01, 0x06, 0x00, 0x20, 0x00, 0x10, 0x00, 0x0b, // g: local.get 0; call 0
]);

const wasmResponse = (type = 'application/wasm') => new Response(WASM, { headers: { 'Content-Type': type } });
const imports = (add: number) => ({ env: { f: (x: number) => x + add } });
const g = (instance: WebAssembly.Instance) => (instance.exports['g'] as (x: number) => number)(41);

let ahead: WasmAhead | null = null;
const original = WebAssembly.instantiateStreaming;
afterEach(() => {
  ahead?.release();
  ahead = null;
  WebAssembly.instantiateStreaming = original;
});

describe('compileWasmAhead', () => {
  it("answers the instantiation of its response with the module compiled ahead and the caller's imports", async () => {
    const response = wasmResponse();
    const compile = vi.spyOn(WebAssembly, 'compileStreaming');
    const refetch = vi.fn(() => Promise.resolve(wasmResponse()));
    ahead = compileWasmAhead(Promise.resolve(response), refetch);
    expect(compile).toHaveBeenCalledTimes(0); // the compile starts once the response is there
    await Promise.resolve();
    const { module, instance } = await WebAssembly.instantiateStreaming(Promise.resolve(response), imports(1));
    expect(compile).toHaveBeenCalledTimes(1);
    expect(module).toBeInstanceOf(WebAssembly.Module);
    expect(g(instance)).toBe(42);
    expect(refetch).not.toHaveBeenCalled();
    compile.mockRestore();
  });

  it('leaves another response, and a second instantiation, to the browser', async () => {
    const response = wasmResponse();
    ahead = compileWasmAhead(Promise.resolve(response), () => Promise.resolve(wasmResponse()));
    expect(g((await WebAssembly.instantiateStreaming(Promise.resolve(response), imports(1))).instance)).toBe(42);
    // The body of `response` was compiled ahead: its second use would fail if it were taken again.
    await expect(WebAssembly.instantiateStreaming(Promise.resolve(response), imports(2))).rejects.toThrow();
    expect(g((await WebAssembly.instantiateStreaming(wasmResponse(), imports(2))).instance)).toBe(43);
  });

  it('fetches the wasm again when the compile ahead failed', async () => {
    const wrongType = wasmResponse('text/plain'); // streaming compiles refuse it
    const refetch = vi.fn(() => Promise.resolve(wasmResponse()));
    ahead = compileWasmAhead(Promise.resolve(wrongType), refetch);
    const { instance } = await WebAssembly.instantiateStreaming(Promise.resolve(wrongType), imports(1));
    expect(refetch).toHaveBeenCalledTimes(1);
    expect(g(instance)).toBe(42);
  });

  it('puts the browser\'s own function back when released', () => {
    ahead = compileWasmAhead(Promise.resolve(wasmResponse()), () => Promise.resolve(wasmResponse()));
    expect(WebAssembly.instantiateStreaming).not.toBe(original);
    ahead.release();
    expect(WebAssembly.instantiateStreaming).toBe(original);
  });
});
