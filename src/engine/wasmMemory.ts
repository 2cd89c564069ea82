/**
 * The memory a WebAssembly module starts with: its active data segments laid out at their
 * offsets, zeros elsewhere. Pyodide's wasm puts 3.2 MB of C data there (CPython's static types,
 * strings, tables), and most of it is still the same after the engine has booted, so the engine
 * snapshot (snapshotFile.ts) stores its heap against this instead of shipping those bytes a
 * second time: the client downloads the wasm anyway.
 *
 * Only the module's own binary format is read (the data section, id 11; the spec's "active"
 * segments with a constant `i32.const` offset on memory 0), nothing of Pyodide's.
 */

/** The initial memory, up to the end of its last data segment (everything past it starts as zeros). */
export interface InitialMemory {
  readonly bytes: Uint8Array;
  /** How many data segments were laid out. */
  readonly segments: number;
}

/** Why a module's initial memory could not be read. Never from a valid wasm of Pyodide's kind. */
export class WasmFormatError extends Error {}

const DATA_SECTION = 11;
const I32_CONST = 0x41;
const END = 0x0b;

/** Reads a module's data segments, and lays them out. Throws WasmFormatError on anything else. */
export function initialMemoryOf(wasm: Uint8Array): InitialMemory {
  let at = 0;
  const fail = (what: string): never => {
    throw new WasmFormatError(`${what} at byte ${at}`);
  };
  const byte = (): number => (at < wasm.length ? (wasm[at++] ?? 0) : fail('cut short'));
  const u32 = (): number => {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
    }
    return fail('LEB128 too long');
  };
  const i32 = (): number => {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = byte();
      result |= (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) !== 0 && shift < 35);
    if (shift < 32 && (b & 0x40) !== 0) result |= -1 << shift;
    return result;
  };

  if (wasm.length < 8 || wasm[0] !== 0x00 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) fail('not a wasm module');
  at = 8;
  while (at < wasm.length) {
    const id = byte();
    const size = u32();
    const end = at + size;
    if (end > wasm.length) fail('section cut short');
    if (id !== DATA_SECTION) {
      at = end;
      continue;
    }
    const count = u32();
    const placed: { offset: number; start: number; length: number }[] = [];
    for (let i = 0; i < count; i++) {
      const mode = u32();
      if (mode === 1) {
        // Passive: copied by the module's own code later, not part of the initial memory.
        const length = u32();
        at += length;
        continue;
      }
      if (mode === 2 && u32() !== 0) fail('a data segment of another memory');
      if (mode !== 0 && mode !== 2) fail(`data segment mode ${mode}`);
      if (byte() !== I32_CONST) fail('a data segment offset that is not a constant');
      const offset = i32() >>> 0;
      if (byte() !== END) fail('a data segment offset expression');
      const length = u32();
      if (at + length > end) fail('data segment cut short');
      placed.push({ offset, start: at, length });
      at += length;
    }
    const top = placed.reduce((max, s) => Math.max(max, s.offset + s.length), 0);
    const bytes = new Uint8Array(top);
    // In order: a later segment over an earlier one wins, as instantiation does it.
    for (const s of placed) bytes.set(wasm.subarray(s.start, s.start + s.length), s.offset);
    return { bytes, segments: placed.length };
  }
  return { bytes: new Uint8Array(0), segments: 0 };
}
