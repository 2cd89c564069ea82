/**
 * The heap's free memory made zeros before the snapshot (src/engine/snapshotHeap.ts): only the
 * bytes no chunk in use holds, and only when the walk over dlmalloc's chunks agrees with the
 * allocator's own count; and on a real booted engine, the snapshot file keeps fewer pages while
 * the engine still runs. That a restored engine is the same to a program is
 * test/engine/snapshotBoot.test.ts's part.
 */
import { describe, expect, it } from 'vitest';
import type { PyodideInterface } from 'pyodide';
import { attachEngine, prepareEngine } from '../../src/engine/engine';
import { loadNodePyodide, nodeInitialMemory, readPythonFiles } from '../../src/engine/node';
import { encodeSnapshot } from '../../src/engine/snapshotFile';
import { tidyHeapForSnapshot, zeroFreeChunks } from '../../src/engine/snapshotHeap';
import { DEFAULT_RUN_OPTIONS } from '../../src/protocol/trace';

const PINUSE = 1;
const CINUSE = 2;

/** A dlmalloc segment at offset 8 of a heap full of 0xab: chunks of the given sizes, in use or free. */
function segment(chunks: ReadonlyArray<readonly [number, 'used' | 'free']>): { heap: Uint8Array; start: number; end: number; free: number } {
  const start = 8;
  const end = start + chunks.reduce((sum, [size]) => sum + size, 0);
  const heap = new Uint8Array(end + 16).fill(0xab);
  const view = new DataView(heap.buffer);
  let at = start;
  let free = 0;
  for (const [size, state] of chunks) {
    view.setUint32(at + 4, size | PINUSE | (state === 'used' ? CINUSE : 0), true);
    if (state === 'free') free += size;
    at += size;
  }
  return { heap, start, end, free };
}

const zeros = (bytes: Uint8Array): boolean => bytes.every((b) => b === 0);

describe('zeroFreeChunks', () => {
  it('zeroes each free chunk but its header and list links, and leaves chunks in use alone', () => {
    const s = segment([
      [48, 'used'],
      [64, 'free'],
      [32, 'free'],
      [24, 'used'],
      [512, 'free'],
      [16, 'used'],
      [4096, 'free'],
    ]);
    const before = s.heap.slice();
    const walk = zeroFreeChunks(s.heap, s.start, s.end, s.free);
    expect(walk).toEqual({ ok: true, freeChunks: 4, freeBytesZeroed: 64 - 32 + 512 - 32 + 4096 - 32 });
    const at = (offset: number, length: number) => s.heap.subarray(s.start + offset, s.start + offset + length);
    const was = (offset: number, length: number) => before.subarray(s.start + offset, s.start + offset + length);
    // In use: untouched, every byte.
    expect(at(0, 48)).toEqual(was(0, 48));
    expect(at(144, 24)).toEqual(was(144, 24));
    expect(at(680, 16)).toEqual(was(680, 16));
    // Free: the first 32 bytes kept (prev_foot, head, fd, bk, the tree's links), the rest zeros.
    expect(at(48, 32)).toEqual(was(48, 32));
    expect(zeros(at(80, 32))).toBe(true);
    // A free chunk of 32 bytes has nothing past its links.
    expect(at(112, 32)).toEqual(was(112, 32));
    expect(at(168, 32)).toEqual(was(168, 32));
    expect(zeros(at(200, 480))).toBe(true);
    expect(at(696, 32)).toEqual(was(696, 32));
    expect(zeros(at(728, 4064))).toBe(true);
    // Outside the segment: untouched.
    expect(s.heap.subarray(0, s.start)).toEqual(before.subarray(0, s.start));
    expect(s.heap.subarray(s.end)).toEqual(before.subarray(s.end));
  });

  it('touches nothing when the free bytes walked are not the allocator count', () => {
    const s = segment([
      [64, 'used'],
      [128, 'free'],
    ]);
    const before = s.heap.slice();
    const walk = zeroFreeChunks(s.heap, s.start, s.end, s.free + 8);
    expect(walk.ok).toBe(false);
    expect(s.heap).toEqual(before);
  });

  it('touches nothing when the walk does not land on the break, or meets a chunk that cannot be', () => {
    const s = segment([
      [64, 'free'],
      [128, 'free'],
    ]);
    const before = s.heap.slice();
    expect(zeroFreeChunks(s.heap, s.start, s.end - 8, s.free).ok).toBe(false);
    expect(s.heap).toEqual(before);
    new DataView(s.heap.buffer).setUint32(s.start + 64 + 4, 8 | PINUSE, true);
    const damaged = s.heap.slice();
    expect(zeroFreeChunks(s.heap, s.start, s.end, s.free).ok).toBe(false);
    expect(s.heap).toEqual(damaged);
  });
});

describe('tidyHeapForSnapshot on a booted engine', () => {
  const identity = { pyodideVersion: 'test', engineHash: 'test', stdlib: 'test' };
  const pagesOf = (file: Uint8Array): number => {
    const length = new DataView(file.buffer, file.byteOffset).getUint32(8, true);
    return (JSON.parse(new TextDecoder().decode(file.subarray(12, 12 + length))) as { pages: number }).pages;
  };
  const snapshotOf = (pyodide: PyodideInterface): Uint8Array =>
    encodeSnapshot((pyodide as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot(), identity, nodeInitialMemory());

  it('zeroes megabytes of free chunks and the unused stack: the file keeps fewer pages, and the engine still runs', async () => {
    const pyodide = await loadNodePyodide({ _makeSnapshot: true });
    const files = readPythonFiles();
    prepareEngine(pyodide, files);
    const untidy = pagesOf(snapshotOf(pyodide));
    const tidy = tidyHeapForSnapshot(pyodide);
    expect(tidy.kind, JSON.stringify(tidy)).toBe('tidied');
    if (tidy.kind !== 'tidied') return;
    expect(tidy.freeChunks).toBeGreaterThan(100);
    expect(tidy.freeBytesZeroed).toBeGreaterThan(1_000_000);
    expect(tidy.stackBytesZeroed).toBeGreaterThan(1_000_000);
    const tidied = pagesOf(snapshotOf(pyodide));
    expect(tidied).toBeLessThan(untidy * 0.9);
    // The allocator and the interpreter go on as before: a program runs, allocating and freeing.
    const engine = attachEngine(pyodide, files, false);
    const result = engine.run('import asyncio\nasync def main():\n    print(sum(range(10**5)), [str(i) * 50 for i in range(3)][2][:3])\nasyncio.run(main())\n', DEFAULT_RUN_OPTIONS);
    expect(result.kind === 'trace' ? result.trace.stdout : result.kind).toBe('4999950000 222\n');
  }, 120_000);
});
