/**
 * The engine snapshot's file: Pyodide's memory snapshot of a booted engine (Loopscope's package
 * imported), in a container that says what it was made from, so a host can refuse one that does
 * not fit before handing it to Pyodide's private restore.
 *
 * Layout (little-endian):
 *   8 bytes   MAGIC
 *   u32       length of the metadata JSON (UTF-8), then the JSON (SnapshotMeta)
 *   padding   to a multiple of 4
 *   u32 × n   the indices of the pages kept (PAGE_BYTES each)
 *   bytes     those pages, one after another (the last one of the heap may be short)
 *
 * Half of a booted heap is pages of zeros: only the other pages are kept (15 of 30 MB), and the
 * reader puts them back into a zero-filled buffer of the heap's full length, which is exactly
 * the snapshot Pyodide made. A checksum over the kept bytes catches a damaged file.
 */

const MAGIC = [0x4c, 0x53, 0x53, 0x4e, 0x41, 0x50, 0x00, 0x01]; // "LSSNAP\0\x01"
const PAGE_BYTES = 4096;

/** What a snapshot was made from: a host uses it only when both match its own. */
export interface SnapshotMeta {
  /** Pyodide's version (`version` of pyodide.mjs); Pyodide also checks its build id itself. */
  readonly pyodideVersion: string;
  /** engineHash() of the Python files and the boot script the snapshot was made with. */
  readonly engineHash: string;
  /** Length of Pyodide's snapshot (its header plus the whole heap). */
  readonly heapBytes: number;
  /** How many pages are kept. */
  readonly pages: number;
  /** checksum() of the index table and the kept pages. */
  readonly checksum: number;
  /**
   * Length of the index table and the pages (padded to 4): with the head, the file's length, so a
   * download can say how much of it has come from its first bytes. Absent in files made before it.
   */
  readonly bodyBytes?: number;
}

/** The file name of a snapshot, from what it is made of: a hashed asset name, the same in every build of the same engine. */
export function snapshotFileName(pyodideVersion: string, engineHash: string): string {
  return `engine-${pyodideVersion}-${engineHash.slice(0, 16)}.snap`;
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

/** FNV-1a over 32-bit words: cheap enough for 15 MB at every boot (a few ms), enough to catch damage. */
function checksum(words: Uint32Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ (words[i] ?? 0), 0x01000193);
  return hash >>> 0;
}

const align4 = (n: number): number => (n + 3) & ~3;

/** Pyodide's snapshot (makeMemorySnapshot()) in our container. */
export function encodeSnapshot(pyodideSnapshot: Uint8Array, made: Pick<SnapshotMeta, 'pyodideVersion' | 'engineHash'>): Uint8Array {
  const kept: number[] = [];
  for (let start = 0, page = 0; start < pyodideSnapshot.length; start += PAGE_BYTES, page++) {
    const bytes = pyodideSnapshot.subarray(start, start + PAGE_BYTES);
    if (bytes.some((b) => b !== 0)) kept.push(page);
  }
  const lastPage = Math.floor((pyodideSnapshot.length - 1) / PAGE_BYTES);
  const pageLength = (page: number): number => (page === lastPage ? pyodideSnapshot.length - page * PAGE_BYTES : PAGE_BYTES);
  const bodyBytes = align4(kept.length * 4 + kept.reduce((sum, page) => sum + pageLength(page), 0));
  const body = new Uint8Array(bodyBytes);
  new Uint32Array(body.buffer, 0, kept.length).set(kept);
  let at = kept.length * 4;
  for (const page of kept) {
    body.set(pyodideSnapshot.subarray(page * PAGE_BYTES, page * PAGE_BYTES + pageLength(page)), at);
    at += pageLength(page);
  }
  const meta: SnapshotMeta = {
    ...made,
    heapBytes: pyodideSnapshot.length,
    pages: kept.length,
    checksum: checksum(new Uint32Array(body.buffer)),
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

/**
 * The whole file's length, read from its first bytes (the head: magic, metadata), or null when
 * they are not all there yet, are not a snapshot's, or the file predates `bodyBytes`.
 */
export function snapshotFileBytes(head: Uint8Array): number | null {
  if (head.length < MAGIC.length + 4 || MAGIC.some((b, i) => head[i] !== b)) return null;
  const jsonLength = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(MAGIC.length, true);
  if (head.length < MAGIC.length + 4 + jsonLength) return null;
  try {
    const meta: unknown = JSON.parse(new TextDecoder().decode(head.subarray(MAGIC.length + 4, MAGIC.length + 4 + jsonLength)));
    if (typeof meta !== 'object' || meta === null || !('bodyBytes' in meta) || !Number.isSafeInteger(meta.bodyBytes)) return null;
    return align4(MAGIC.length + 4 + jsonLength) + Number(meta.bodyBytes);
  } catch {
    return null;
  }
}

/** Why a snapshot file was not used: facts for the developer console and the tests. */
export type SnapshotRefusal =
  | { readonly kind: 'not-a-snapshot' }
  | { readonly kind: 'pyodide-version'; readonly made: string; readonly running: string }
  | { readonly kind: 'engine-hash'; readonly made: string; readonly running: string }
  | { readonly kind: 'damaged'; readonly what: string };

export type SnapshotRead =
  | { readonly ok: true; readonly meta: SnapshotMeta; readonly pyodideSnapshot: Uint8Array }
  | { readonly ok: false; readonly refusal: SnapshotRefusal };

function isMeta(value: unknown): value is SnapshotMeta {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['pyodideVersion'] === 'string' &&
    typeof v['engineHash'] === 'string' &&
    Number.isSafeInteger(v['heapBytes']) &&
    Number.isSafeInteger(v['pages']) &&
    Number.isSafeInteger(v['checksum'])
  );
}

/**
 * Our container back to Pyodide's snapshot, if it was made from this Pyodide and this engine and
 * is whole; otherwise why not. Never throws.
 */
export function readSnapshot(file: Uint8Array, running: Pick<SnapshotMeta, 'pyodideVersion' | 'engineHash'>): SnapshotRead {
  const refuse = (refusal: SnapshotRefusal): SnapshotRead => ({ ok: false, refusal });
  if (file.length < MAGIC.length + 4 || MAGIC.some((b, i) => file[i] !== b)) return refuse({ kind: 'not-a-snapshot' });
  // Our own copy, 4-aligned, so the tables can be read as words whatever the caller's offset.
  const bytes = file.byteOffset % 4 === 0 ? file : file.slice();
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
  const headBytes = align4(MAGIC.length + 4 + jsonLength);
  if (headBytes > bytes.length) return refuse({ kind: 'damaged', what: 'metadata cut short' });
  let meta: unknown;
  try {
    meta = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + jsonLength)));
  } catch {
    return refuse({ kind: 'damaged', what: 'metadata unreadable' });
  }
  if (!isMeta(meta)) return refuse({ kind: 'damaged', what: 'metadata fields' });
  if (meta.pyodideVersion !== running.pyodideVersion) {
    return refuse({ kind: 'pyodide-version', made: meta.pyodideVersion, running: running.pyodideVersion });
  }
  if (meta.engineHash !== running.engineHash) return refuse({ kind: 'engine-hash', made: meta.engineHash, running: running.engineHash });
  const body = bytes.subarray(headBytes);
  if (body.length % 4 !== 0 || body.length < meta.pages * 4) return refuse({ kind: 'damaged', what: 'length' });
  if (checksum(new Uint32Array(body.buffer, body.byteOffset, body.length / 4)) !== meta.checksum) {
    return refuse({ kind: 'damaged', what: 'checksum' });
  }
  const heap = new Uint8Array(meta.heapBytes);
  const pages = new Uint32Array(body.buffer, body.byteOffset, meta.pages);
  let at = meta.pages * 4;
  for (const page of pages) {
    const length = Math.min(PAGE_BYTES, meta.heapBytes - page * PAGE_BYTES);
    if (length <= 0 || at + length > body.length) return refuse({ kind: 'damaged', what: 'page table' });
    heap.set(body.subarray(at, at + length), page * PAGE_BYTES);
    at += length;
  }
  if (align4(at) !== body.length) return refuse({ kind: 'damaged', what: 'length' });
  return { ok: true, meta, pyodideSnapshot: heap };
}
