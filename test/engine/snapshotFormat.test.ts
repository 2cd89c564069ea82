/**
 * The snapshot container (src/engine/snapshotFile.ts) on made-up heaps, and the reading of a wasm
 * module's initial memory (src/engine/wasmMemory.ts) on modules built here byte by byte: a heap
 * stored against the initial memory is read back byte for byte, a page equal to it takes no room,
 * and a file read against any other initial memory is refused. (The real heap and the real wasm:
 * test/engine/snapshotBoot.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { encodeSnapshot, readSnapshot, snapshotFileBytes, snapshotFileName } from '../../src/engine/snapshotFile';
import { initialMemoryOf, WasmFormatError, type InitialMemory } from '../../src/engine/wasmMemory';

const PAGE = 4096;
const HEADER = 32;
const made = { pyodideVersion: '9.9.9', engineHash: 'e'.repeat(64), stdlib: 's'.repeat(64) };

/** A deterministic noise byte (no Math.random: a failure must be the same every run). */
const noise = (i: number): number => (Math.imul(i + 1, 2654435761) >>> 24) & 0xff;

/** A Pyodide-shaped snapshot: its header length in the second word, then `heapPages` pages of heap. */
function pyodideSnapshot(heapBytes: number, fill: (heap: Uint8Array) => void): Uint8Array {
  const snapshot = new Uint8Array(HEADER + heapBytes);
  new DataView(snapshot.buffer).setUint32(0, 0x12345678, true);
  new DataView(snapshot.buffer).setUint32(4, HEADER, true);
  snapshot.fill(9, 8, HEADER);
  fill(snapshot.subarray(HEADER));
  return snapshot;
}

/** An initial memory of 2.5 pages of noise (its end not on a page or a word). */
const memory: InitialMemory = { bytes: Uint8Array.from({ length: 2.5 * PAGE + 3 }, (_, i) => noise(i)), segments: 1 };

function heapLike(heap: Uint8Array): void {
  heap.set(memory.bytes);
  heap[10] = (heap[10] ?? 0) ^ 0xff; // page 0: one byte changed
  // page 1: as it started (left out of the file)
  heap.fill(0, 2 * PAGE, 3 * PAGE); // page 2: the initial memory's bytes zeroed
  for (let i = 5 * PAGE; i < 6 * PAGE; i++) heap[i] = noise(i * 7); // page 5: past the initial memory
  heap[heap.length - 1] = 42; // the last, short page
}

describe('the snapshot container, against the initial memory', () => {
  const heapBytes = 7 * PAGE + 100;
  const original = pyodideSnapshot(heapBytes, heapLike);
  const file = encodeSnapshot(original, made, memory);

  it('reads back exactly the bytes it was made from', () => {
    const read = readSnapshot(file, made, memory);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Buffer.from(read.pyodideSnapshot).equals(Buffer.from(original))).toBe(true);
    expect(read.meta).toMatchObject({ heapBytes: original.length, headerBytes: HEADER });
  });

  it('keeps only the pages that differ from the initial memory (zeros past it)', () => {
    const read = readSnapshot(file, made, memory);
    // Pages 0, 2, 5 and the short last one (7); page 1 is the initial memory, 3, 4 and 6 are zeros.
    expect(read.ok && read.meta.pages).toBe(4);
    expect(snapshotFileBytes(file)).toBe(file.length);
    expect(file.length).toBeLessThan(HEADER + 4 * PAGE + 1024);
  });

  it('stores a page that changed in one byte as zeros but that byte', () => {
    const read = readSnapshot(file, made, memory);
    if (!read.ok) throw new Error('unreadable');
    // The first kept page is page 0: after the header and the index table of 4.
    const headBytes = file.length - read.meta.bodyBytes;
    const page0 = file.subarray(headBytes + HEADER + 4 * 4, headBytes + HEADER + 4 * 4 + PAGE);
    expect(page0.filter((b) => b !== 0)).toEqual(Uint8Array.of(0xff));
  });

  it('is refused against another initial memory, and when damaged', () => {
    const other = memory.bytes.slice();
    other[5] = (other[5] ?? 0) ^ 1;
    expect(readSnapshot(file, made, { bytes: other, segments: 1 })).toMatchObject({ ok: false, refusal: { kind: 'initial-memory' } });
    expect(readSnapshot(file, made, { bytes: memory.bytes.subarray(0, PAGE), segments: 1 })).toMatchObject({ ok: false, refusal: { kind: 'initial-memory' } });
    const flipped = file.slice();
    flipped[flipped.length - 200] = (flipped[flipped.length - 200] ?? 0) ^ 4;
    expect(readSnapshot(flipped, made, memory)).toMatchObject({ ok: false, refusal: { kind: 'damaged', what: 'checksum' } });
    expect(readSnapshot(file, { ...made, stdlib: 't'.repeat(64) }, memory)).toMatchObject({ ok: false, refusal: { kind: 'stdlib' } });
  });

  it('refuses a file of the earlier format (no initial memory in it) as not one of its own', () => {
    const earlier = file.slice();
    earlier[7] = 1;
    expect(readSnapshot(earlier, made, memory)).toEqual({ ok: false, refusal: { kind: 'not-a-snapshot' } });
    expect(snapshotFileBytes(earlier)).toBeNull();
  });

  it('is named by the Pyodide version, the engine and the standard library', () => {
    expect(snapshotFileName(made)).toBe(`engine-9.9.9-${'e'.repeat(16)}-ssssssss.snap`);
    expect(snapshotFileName({ ...made, stdlib: 't'.repeat(64) })).not.toBe(snapshotFileName(made));
  });
});

// ---- wasm modules made here --------------------------------------------------------------

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
};
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const active = (offset: number, data: number[]): number[] => [0, 0x41, ...sleb(offset), 0x0b, ...leb(data.length), ...data];
const passive = (data: number[]): number[] => [1, ...leb(data.length), ...data];
const HEADER_BYTES = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
/** A module with one memory of one page and these data segments. */
const moduleWith = (segments: number[][]): Uint8Array =>
  Uint8Array.from([...HEADER_BYTES, ...section(5, [1, 0, 1]), ...section(11, [...leb(segments.length), ...segments.flat()])]);

describe("a wasm module's initial memory", () => {
  it('lays the active segments out at their offsets, a later one over an earlier one, passive ones left out', async () => {
    const wasm = moduleWith([active(4, [1, 2, 3]), passive([9, 9]), active(200, [7]), active(5, [5])]);
    const memory = initialMemoryOf(wasm);
    expect(memory.segments).toBe(3);
    expect(memory.bytes.length).toBe(201);
    expect([...memory.bytes.subarray(0, 8)]).toEqual([0, 0, 0, 0, 1, 5, 3, 0]);
    expect(memory.bytes[200]).toBe(7);
    // What the engine that instantiates it starts with (the module is valid).
    const instance = await WebAssembly.instantiate(Uint8Array.from([...HEADER_BYTES, ...section(5, [1, 0, 1]), ...section(7, [1, 1, 0x6d, 2, 0]), ...section(11, [...leb(3), ...active(4, [1, 2, 3]), ...active(200, [7]), ...active(5, [5])])]));
    const exported = instance.instance.exports['m'];
    if (!(exported instanceof WebAssembly.Memory)) throw new Error('no memory exported');
    expect(Buffer.from(new Uint8Array(exported.buffer, 0, 201)).equals(Buffer.from(memory.bytes))).toBe(true);
  });

  it('is empty for a module without data, and refuses what is no module or a cut one', () => {
    expect(initialMemoryOf(Uint8Array.from([...HEADER_BYTES, ...section(5, [1, 0, 1])])).bytes.length).toBe(0);
    expect(() => initialMemoryOf(new TextEncoder().encode('<!doctype html>'))).toThrow(WasmFormatError);
    const wasm = moduleWith([active(4, [1, 2, 3])]);
    expect(() => initialMemoryOf(wasm.subarray(0, wasm.length - 2))).toThrow(WasmFormatError);
  });
});
