/**
 * Pyodide's wasm compiled while the snapshot is still on its way, in the browser.
 *
 * Pyodide compiles the wasm only when it instantiates it (`WebAssembly.instantiateStreaming`
 * inside Emscripten's module factory), and it instantiates only once the snapshot has come and
 * been read. In a CDP trace of a warm boot the wasm's bytes had all arrived 540 ms before its
 * compile began, which then took 100–180 ms more on the boot's path. Here the compile starts as
 * soon as the response does (`compileStreaming`, which streams and uses the browser's code cache
 * as instantiateStreaming would), and Pyodide's instantiateStreaming of that very response is
 * answered with the compiled module, instantiated with Pyodide's own imports.
 *
 * It leans on Pyodide's private way of instantiating (that it passes the response of its fetch
 * of the wasm to instantiateStreaming), so anything else is left to the browser's own function:
 * another response, a second instantiation, and a compile that failed (the wasm is then fetched
 * again and instantiated as Pyodide would have).
 */

export interface WasmAhead {
  /** Puts the browser's own instantiateStreaming back (after the boot). */
  readonly release: () => void;
}

type InstantiateStreaming = typeof WebAssembly.instantiateStreaming;

/**
 * Starts compiling the wasm from `response` (Pyodide's fetch of it then gets the same response:
 * bootDownloads.ts, prefetch) and answers Pyodide's instantiation of it with the compiled module.
 * `refetch` fetches the wasm again, for a compile that failed.
 */
export function compileWasmAhead(response: Promise<Response>, refetch: () => Promise<Response>): WasmAhead {
  const original: InstantiateStreaming = WebAssembly.instantiateStreaming;
  const browsers: InstantiateStreaming = (source, imports) => original.call(WebAssembly, source, imports);
  const compiled = response.then((r) => WebAssembly.compileStreaming(r));
  // Heard where it is used; a boot that never gets there leaves it unheard.
  compiled.catch(() => undefined);
  let claimed = false;
  const instantiateStreaming: InstantiateStreaming = async (source, imports) => {
    const given = await source;
    const ours = await response.catch(() => null);
    if (claimed || given !== ours) return browsers(given, imports);
    claimed = true;
    let module: WebAssembly.Module;
    try {
      module = await compiled;
    } catch {
      // The compile failed (a host's wrong content type, a broken download): do what Pyodide
      // would have done with a fresh response, and let it fail or not there.
      return browsers(refetch(), imports);
    }
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
  WebAssembly.instantiateStreaming = instantiateStreaming;
  return {
    release: () => {
      if (WebAssembly.instantiateStreaming === instantiateStreaming) WebAssembly.instantiateStreaming = original;
    },
  };
}
