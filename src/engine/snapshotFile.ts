/**
 * The engine snapshot's file: Pyodide's memory snapshot of a booted engine (Loopscope's package
 * imported), in a container that says what it was made from, so a host can refuse one that does
 * not fit before handing it to Pyodide's private restore.
 *
 * Pyodide's snapshot is a header (its own: a JSON of JavaScript references, `headerBytes` long,
 * a multiple of 16) and then the whole wasm heap (30 MB). Of the heap, half is pages of zeros,
 * and most of what the wasm's data segments put there at start (3.8 MB: CPython's static types,
 * strings and tables) is unchanged by the boot. The client downloads the wasm anyway, so the file
 * stores each 4 KiB heap page XOR the wasm's initial memory (wasmMemory.ts; zeros past its end):
 * a page equal to it is left out, a page that changed a little is mostly zeros, which brotli
 * takes to almost nothing. The reader lays out the initial memory again from the wasm it has,
 * XORs the kept pages back in, and has exactly the bytes Pyodide made.
 *
 * Layout (little-endian):
 *   8 bytes   MAGIC (its last byte the format's version)
 *   u32       length of the metadata JSON (UTF-8), then the JSON (SnapshotMeta)
 *   padding   to a multiple of 4
 *   bytes     Pyodide's header, as it is (headerBytes)
 *   u32 × n   the indices of the heap pages kept (PAGE_BYTES each)
 *   bytes     those pages XOR the initial memory, one after another (the heap's last may be short)
 *   padding   to a multiple of 4
 *
 * Checksums over the body and over the initial memory it was made against catch a damaged file
 * and a wasm that is not the one it was made with: the bytes rebuilt are a function of the two.
 */
import type { InitialMemory } from './wasmMemory';

const MAGIC = [0x4c, 0x53, 0x53, 0x4e, 0x41, 0x50, 0x00, 0x02]; // "LSSNAP\0\x02"
const PAGE_BYTES = 4096;

/** What a snapshot was made from: a host uses it only when all of it matches its own. */
export interface SnapshotMeta {
  /** Pyodide's version (`version` of pyodide.mjs); Pyodide also checks its build id itself. */
  readonly pyodideVersion: string;
  /** engineHash() of the Python files and the boot script the snapshot was made with. */
  readonly engineHash: string;
  /**
   * SHA-256 (hex) of the standard library zip the engine booted with (storedStdlib.node.ts): zipimport
   * keeps where each module sits in that file in the heap, so a restore needs that very file.
   */
  readonly stdlib: string;
  /** Length of Pyodide's snapshot (its header plus the whole heap). */
  readonly heapBytes: number;
  /** Length of Pyodide's own header, before the heap. */
  readonly headerBytes: number;
  /** How many heap pages are kept. */
  readonly pages: number;
  /** checksum() of the header, the index table and the kept pages. */
  readonly checksum: number;
  /** Length and checksum() of the initial memory the pages were XORed with. */
  readonly initialMemory: { readonly bytes: number; readonly checksum: number };
  /**
   * Length of everything after the head (padded to 4): with the head, the file's length, so a
   * download can say how much of it has come from its first bytes.
   */
  readonly bodyBytes: number;
}

/** What a snapshot is made from, and what a host checks it against. */
export type SnapshotIdentity = Pick<SnapshotMeta, 'pyodideVersion' | 'engineHash' | 'stdlib'>;

/**
 * The file name of a snapshot, from what it is made of: a hashed asset name, the same in every
 * build of the same engine on the same standard library.
 */
export function snapshotFileName(identity: SnapshotIdentity): string {
  return `engine-${identity.pyodideVersion}-${identity.engineHash.slice(0, 16)}-${identity.stdlib.slice(0, 8)}.snap`;
}

/**
 * SHA-256 (hex) of the engine's Python files, in name order, and of the boot script that imports
 * them: any change to either makes another snapshot name and refuses an old snapshot.
 */
export async function engineHash(files: Readonly<Record<string, string>>, bootScript: string): Promise<string> {
  const parts = [bootScript, ...Object.keys(files).sort().flatMap((name) => [name, files[name] ?? ''])];
  const bytes = new TextEncoder().encode(parts.join('\0'));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** FNV-1a over 32-bit words, then the trailing bytes: cheap enough for megabytes at every boot, enough to catch damage. */
function checksum(bytes: Uint8Array): number {
  const words = Math.floor(bytes.length / 4);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const view = new Uint32Array(aligned.buffer, aligned.byteOffset, words);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words; i++) hash = Math.imul(hash ^ (view[i] ?? 0), 0x01000193);
  for (let i = words * 4; i < bytes.length; i++) hash = Math.imul(hash ^ (aligned[i] ?? 0), 0x01000193);
  return hash >>> 0;
}

const align4 = (n: number): number => (n + 3) & ~3;

/** Pyodide's header length, from its snapshot's second word (its own format: magic, header length, …). */
function pyodideHeaderBytes(pyodideSnapshot: Uint8Array): number {
  if (pyodideSnapshot.length < 8) throw new Error('not a Pyodide snapshot: too short');
  const headerBytes = new DataView(pyodideSnapshot.buffer, pyodideSnapshot.byteOffset, 8).getUint32(4, true);
  if (headerBytes % 16 !== 0 || headerBytes > pyodideSnapshot.length) throw new Error(`not a Pyodide snapshot: header of ${headerBytes} bytes`);
  return headerBytes;
}

/** `into[at…] ^= from`, by words where both are 4-aligned (always, in this file's layout), then bytes. */
function xorInto(into: Uint8Array, at: number, from: Uint8Array): void {
  const words = (into.byteOffset + at) % 4 === 0 && from.byteOffset % 4 === 0 ? Math.floor(from.length / 4) : 0;
  if (words > 0) {
    const a = new Uint32Array(into.buffer, into.byteOffset + at, words);
    const b = new Uint32Array(from.buffer, from.byteOffset, words);
    for (let i = 0; i < words; i++) a[i] = (a[i] ?? 0) ^ (b[i] ?? 0);
  }
  for (let i = words * 4; i < from.length; i++) into[at + i] = (into[at + i] ?? 0) ^ (from[i] ?? 0);
}

/** Pyodide's snapshot (makeMemorySnapshot()) in our container, its heap against the wasm's initial memory. */
export function encodeSnapshot(pyodideSnapshot: Uint8Array, made: SnapshotIdentity, initialMemory: InitialMemory): Uint8Array {
  const headerBytes = pyodideHeaderBytes(pyodideSnapshot);
  const heap = pyodideSnapshot.subarray(headerBytes);
  const base = initialMemory.bytes.subarray(0, Math.min(initialMemory.bytes.length, heap.length));
  const pageCount = Math.ceil(heap.length / PAGE_BYTES);
  const pageAt = (page: number): Uint8Array => heap.subarray(page * PAGE_BYTES, Math.min(heap.length, (page + 1) * PAGE_BYTES));
  const kept: number[] = [];
  for (let page = 0; page < pageCount; page++) {
    const start = page * PAGE_BYTES;
    const bytes = pageAt(page);
    if (bytes.some((b, i) => b !== (base[start + i] ?? 0))) kept.push(page);
  }
  const pagesBytes = kept.reduce((sum, page) => sum + pageAt(page).length, 0);
  const bodyBytes = align4(headerBytes + kept.length * 4 + pagesBytes);
  const body = new Uint8Array(bodyBytes);
  body.set(pyodideSnapshot.subarray(0, headerBytes));
  new Uint32Array(body.buffer, headerBytes, kept.length).set(kept);
  let at = headerBytes + kept.length * 4;
  for (const page of kept) {
    const bytes = pageAt(page);
    body.set(bytes, at);
    // The stored page is the heap's XOR the initial memory there (zeros past its end).
    const start = page * PAGE_BYTES;
    if (start < base.length) xorInto(body, at, base.subarray(start, Math.min(base.length, start + bytes.length)));
    at += bytes.length;
  }
  const meta: SnapshotMeta = {
    pyodideVersion: made.pyodideVersion,
    engineHash: made.engineHash,
    stdlib: made.stdlib,
    heapBytes: pyodideSnapshot.length,
    headerBytes,
    pages: kept.length,
    checksum: checksum(body),
    initialMemory: { bytes: initialMemory.bytes.length, checksum: checksum(initialMemory.bytes) },
    bodyBytes,
  };
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const headBytes = align4(MAGIC.length + 4 + json.length);
  const file = new Uint8Array(headBytes + bodyBytes);
  file.set(MAGIC);
  new DataView(file.buffer).setUint32(MAGIC.length, json.length, true);
  file.set(json, MAGIC.length + 4);
  file.set(body, headBytes);
  return file;
}

/** The metadata in a file's first bytes, or why not (not there yet, not ours, or unreadable). */
function readHead(head: Uint8Array): { readonly meta: unknown; readonly headBytes: number } | 'not-a-snapshot' | 'cut-short' | 'unreadable' {
  if (head.length < MAGIC.length + 4 || MAGIC.some((b, i) => head[i] !== b)) return 'not-a-snapshot';
  const jsonLength = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(MAGIC.length, true);
  const headBytes = align4(MAGIC.length + 4 + jsonLength);
  if (head.length < MAGIC.length + 4 + jsonLength) return 'cut-short';
  try {
    return { meta: JSON.parse(new TextDecoder().decode(head.subarray(MAGIC.length + 4, MAGIC.length + 4 + jsonLength))), headBytes };
  } catch {
    return 'unreadable';
  }
}

/**
 * The whole file's length, read from its first bytes (the head: magic, metadata), or null when
 * they are not all there yet or are not a snapshot's of this format.
 */
export function snapshotFileBytes(head: Uint8Array): number | null {
  const read = readHead(head);
  if (typeof read === 'string' || !isMeta(read.meta)) return null;
  return read.headBytes + read.meta.bodyBytes;
}

/** Why a snapshot file was not used: facts for the developer console and the tests. */
export type SnapshotRefusal =
  | { readonly kind: 'not-a-snapshot' }
  | { readonly kind: 'pyodide-version'; readonly made: string; readonly running: string }
  | { readonly kind: 'engine-hash'; readonly made: string; readonly running: string }
  /** Made with another standard library zip than the one this host boots with. */
  | { readonly kind: 'stdlib'; readonly made: string; readonly running: string }
  /** The wasm's initial memory is not the one the snapshot was made against (or could not be read). */
  | { readonly kind: 'initial-memory'; readonly detail: string }
  | { readonly kind: 'damaged'; readonly what: string };

export type SnapshotRead =
  | { readonly ok: true; readonly meta: SnapshotMeta; readonly pyodideSnapshot: Uint8Array }
  | { readonly ok: false; readonly refusal: SnapshotRefusal };

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && Number(value) >= 0;

function isMeta(value: unknown): value is SnapshotMeta {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const memory = v['initialMemory'];
  return (
    typeof v['pyodideVersion'] === 'string' &&
    typeof v['engineHash'] === 'string' &&
    typeof v['stdlib'] === 'string' &&
    isCount(v['heapBytes']) &&
    isCount(v['headerBytes']) &&
    isCount(v['pages']) &&
    isCount(v['checksum']) &&
    isCount(v['bodyBytes']) &&
    typeof memory === 'object' &&
    memory !== null &&
    isCount((memory as Record<string, unknown>)['bytes']) &&
    isCount((memory as Record<string, unknown>)['checksum'])
  );
}

/**
 * Our container back to Pyodide's snapshot, if it was made from this Pyodide, this engine and
 * this standard library, against this initial memory, and is whole; otherwise why not. Never throws.
 */
export function readSnapshot(file: Uint8Array, running: SnapshotIdentity, initialMemory: InitialMemory): SnapshotRead {
  const refuse = (refusal: SnapshotRefusal): SnapshotRead => ({ ok: false, refusal });
  // Our own copy, 4-aligned, so the tables can be read as words whatever the caller's offset.
  const bytes = file.byteOffset % 4 === 0 ? file : file.slice();
  const head = readHead(bytes);
  if (head === 'not-a-snapshot') return refuse({ kind: 'not-a-snapshot' });
  if (head === 'cut-short') return refuse({ kind: 'damaged', what: 'metadata cut short' });
  if (head === 'unreadable') return refuse({ kind: 'damaged', what: 'metadata unreadable' });
  const meta = head.meta;
  if (!isMeta(meta)) return refuse({ kind: 'damaged', what: 'metadata fields' });
  for (const key of ['pyodideVersion', 'engineHash', 'stdlib'] as const) {
    if (meta[key] !== running[key]) {
      const kind = key === 'pyodideVersion' ? 'pyodide-version' : key === 'engineHash' ? 'engine-hash' : 'stdlib';
      return refuse({ kind, made: meta[key], running: running[key] });
    }
  }
  const memory = initialMemory.bytes;
  if (memory.length !== meta.initialMemory.bytes || checksum(memory) !== meta.initialMemory.checksum) {
    return refuse({ kind: 'initial-memory', detail: `made against ${meta.initialMemory.bytes} bytes, this wasm has ${memory.length}` });
  }
  const body = bytes.subarray(head.headBytes);
  const tableAt = meta.headerBytes;
  if (body.length !== meta.bodyBytes || meta.headerBytes % 16 !== 0 || body.length < tableAt + meta.pages * 4 || meta.headerBytes > meta.heapBytes) {
    return refuse({ kind: 'damaged', what: 'length' });
  }
  if (checksum(body) !== meta.checksum) return refuse({ kind: 'damaged', what: 'checksum' });

  const snapshot = new Uint8Array(meta.heapBytes);
  snapshot.set(body.subarray(0, meta.headerBytes));
  const heapBytes = meta.heapBytes - meta.headerBytes;
  // The initial memory first: a page left out is that; a kept page is XORed into it.
  snapshot.set(memory.subarray(0, Math.min(memory.length, heapBytes)), meta.headerBytes);
  const pages = new Uint32Array(body.buffer, body.byteOffset + tableAt, meta.pages);
  let at = tableAt + meta.pages * 4;
  for (const page of pages) {
    const length = Math.min(PAGE_BYTES, heapBytes - page * PAGE_BYTES);
    if (length <= 0 || at + length > body.length) return refuse({ kind: 'damaged', what: 'page table' });
    const stored = body.subarray(at, at + length);
    // Past the initial memory the heap started as zeros: the stored page is the page (a native copy).
    if (page * PAGE_BYTES >= memory.length) snapshot.set(stored, meta.headerBytes + page * PAGE_BYTES);
    else xorInto(snapshot, meta.headerBytes + page * PAGE_BYTES, stored);
    at += length;
  }
  if (align4(at) !== body.length) return refuse({ kind: 'damaged', what: 'length' });
  return { ok: true, meta, pyodideSnapshot: snapshot };
}
