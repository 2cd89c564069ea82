/**
 * The heap as the snapshot keeps it (snapshotBoot.ts, makeEngineSnapshot): its free memory made
 * zeros just before Pyodide copies it.
 *
 * Pyodide's CPython is built `--without-pymalloc`, so every Python object is a chunk of
 * Emscripten's dlmalloc. A booted engine's heap (11.5 MB from `__heap_base` to the break) has
 * 2.6 MB of free chunks still holding what the boot's imports left in them (compiled code,
 * sources read and dropped), and the 10 MB C stack holds the frames of those imports below the
 * stack pointer. Both are bytes nobody will read again, yet they cost the snapshot file
 * (snapshotFile.ts) as much as live objects: zeroed, a page that is all free drops out of the
 * file and a page partly free is mostly zeros, which brotli takes to nothing. Measured on the
 * engine of 6032880: 2,856 → 2,347 pages kept, 11.72 → 9.62 MB raw, 2.99 → 2.52 MB brotli (README).
 *
 * Nothing a program can see changes: no chunk is allocated, moved or freed (the allocator's own
 * words in each free chunk, its size and list links, are kept), so an engine restored from this
 * snapshot has the very objects at the very addresses of one restored from a snapshot made
 * without it; only bytes no live object holds become zeros. Every boot that makes a snapshot
 * (the build, the CLI's first boot, a page's own-snapshot fallback) does it, so all of them stay
 * identical too (test/engine/snapshotBoot.test.ts).
 *
 * This reads Emscripten's private exports and dlmalloc's chunk layout: this module is the one
 * place that does. When any of it is not as expected (an export gone, a walk that does not land
 * on the break or whose free bytes are not the allocator's own count), nothing is touched and
 * the snapshot is made as it is, only bigger.
 */
import type { PyodideInterface } from 'pyodide';

/** The exports of Pyodide's Emscripten module this reads (`pyodide._module`; private API). */
interface AllocatorExports {
  readonly HEAPU8: Uint8Array;
  /** Where dlmalloc's one segment starts (a wasm global, or its value). */
  readonly ___heap_base: number | { readonly value: number };
  /** `sbrk(0)`: the break, where the segment ends. */
  readonly _sbrk: (increment: number) => number;
  /** dlmalloc's `mallinfo()`, its struct returned through the pointer (wasm32's ABI). */
  readonly _mallinfo: (into: number) => void;
  readonly stackSave: () => number;
  readonly stackAlloc: (bytes: number) => number;
  readonly stackRestore: (sp: number) => void;
  /** The C stack's lowest address (it grows down to it). */
  readonly _emscripten_stack_get_end: () => number;
  /** The stack pointer now: from JavaScript, with no C frame live, everything below it is unused. */
  readonly _emscripten_stack_get_current: () => number;
}

/** What tidying did, or why it left the heap as it was (for the build's log and the tests). */
export type HeapTidy =
  | {
      readonly kind: 'tidied';
      /** Free chunks, and bytes of them made zeros. */
      readonly freeChunks: number;
      readonly freeBytesZeroed: number;
      /** Bytes of the unused stack made zeros. */
      readonly stackBytesZeroed: number;
    }
  | { readonly kind: 'left'; readonly why: string };

// dlmalloc's chunk, 32-bit: `prev_foot` (u32), `head` (u32: size | PINUSE | CINUSE), then the
// payload. A free chunk's payload starts with its list links `fd`, `bk`; one of 256 bytes or more
// sits in a tree and also has `child[2]`, `parent`, `index`. Its size is repeated in the next
// chunk's `prev_foot`, which lies past its end. So all but its first 32 bytes are unused.
const CINUSE = 2;
const SIZE_MASK = ~7;
const MIN_CHUNK = 16;
const KEPT_OF_FREE_CHUNK = 32;
/** `fordblks`, the free bytes (the top chunk included), is the 9th word of `struct mallinfo`. */
const MALLINFO_WORDS = 10;
const MALLINFO_FREE = 8;

export type FreeChunkWalk =
  | { readonly ok: true; readonly freeChunks: number; readonly freeBytesZeroed: number }
  | { readonly ok: false; readonly why: string };

/**
 * Zeroes the unused bytes of every free chunk of a dlmalloc segment [start, end), if a walk
 * over its chunks lands exactly on `end` and finds `freeBytes` free, as the allocator counts
 * them; otherwise touches nothing and says why.
 */
export function zeroFreeChunks(heap: Uint8Array, start: number, end: number, freeBytes: number): FreeChunkWalk {
  if (start % 8 !== 0 || end > heap.length || start > end) return { ok: false, why: `segment ${start}–${end} of a ${heap.length}-byte heap` };
  const words = new DataView(heap.buffer, heap.byteOffset, heap.byteLength);
  const free: Array<readonly [number, number]> = [];
  let freeSeen = 0;
  let at = start;
  while (at < end) {
    if (at + 8 > end) return { ok: false, why: `a chunk header cut at ${at}` };
    const head = words.getUint32(at + 4, true);
    const size = head & SIZE_MASK;
    if (size < MIN_CHUNK || at + size > end) return { ok: false, why: `a chunk of ${size} bytes at ${at}` };
    if ((head & CINUSE) === 0) {
      free.push([at, size]);
      freeSeen += size;
    }
    at += size;
  }
  if (at !== end) return { ok: false, why: `the walk ended at ${at}, not at the break ${end}` };
  if (freeSeen !== freeBytes) return { ok: false, why: `${freeSeen} free bytes walked, the allocator counts ${freeBytes}` };
  let zeroed = 0;
  for (const [chunk, size] of free) {
    if (size <= KEPT_OF_FREE_CHUNK) continue;
    heap.fill(0, chunk + KEPT_OF_FREE_CHUNK, chunk + size);
    zeroed += size - KEPT_OF_FREE_CHUNK;
  }
  return { ok: true, freeChunks: free.length, freeBytesZeroed: zeroed };
}

function allocatorOf(pyodide: PyodideInterface): AllocatorExports | string {
  const module = (pyodide as unknown as { readonly _module?: Partial<Record<keyof AllocatorExports, unknown>> })._module;
  if (module === undefined) return 'no _module';
  const functions = [
    '_sbrk',
    '_mallinfo',
    'stackSave',
    'stackAlloc',
    'stackRestore',
    '_emscripten_stack_get_end',
    '_emscripten_stack_get_current',
  ] as const;
  const missing: string[] = functions.filter((name) => typeof module[name] !== 'function');
  if (!(module.HEAPU8 instanceof Uint8Array)) missing.push('HEAPU8');
  if (module.___heap_base === undefined) missing.push('___heap_base');
  return missing.length > 0 ? `missing ${missing.join(', ')}` : (module as AllocatorExports);
}

/** dlmalloc's count of free bytes, read into the C stack (so the heap is not touched to ask). */
function freeBytesOf(allocator: AllocatorExports): number {
  const sp = allocator.stackSave();
  try {
    const into = allocator.stackAlloc(MALLINFO_WORDS * 4);
    allocator._mallinfo(into);
    return new DataView(allocator.HEAPU8.buffer).getUint32(into + MALLINFO_FREE * 4, true);
  } finally {
    allocator.stackRestore(sp);
  }
}

/**
 * Zeroes the free memory of a booted Pyodide (its free chunks, its unused C stack) just before
 * its snapshot is made. Call it from JavaScript with no Python running, right before
 * `makeMemorySnapshot()`.
 */
export function tidyHeapForSnapshot(pyodide: PyodideInterface): HeapTidy {
  const allocator = allocatorOf(pyodide);
  if (typeof allocator === 'string') return { kind: 'left', why: allocator };
  const base = allocator.___heap_base;
  const start = typeof base === 'number' ? base : base.value;
  const walk = zeroFreeChunks(allocator.HEAPU8, start, allocator._sbrk(0), freeBytesOf(allocator));
  if (!walk.ok) return { kind: 'left', why: walk.why };
  const stackEnd = allocator._emscripten_stack_get_end();
  const stackPointer = allocator._emscripten_stack_get_current();
  const stackBytesZeroed = stackPointer > stackEnd ? stackPointer - stackEnd : 0;
  allocator.HEAPU8.fill(0, stackEnd, stackEnd + stackBytesZeroed);
  return { kind: 'tidied', freeChunks: walk.freeChunks, freeBytesZeroed: walk.freeBytesZeroed, stackBytesZeroed };
}
