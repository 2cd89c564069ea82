/**
 * Python's standard library as a zip of stored (uncompressed) entries, made in Node from
 * Pyodide's `python_stdlib.zip` (deflated file by file), for the build and the CLI.
 *
 * Why: a zip deflated per file cannot be compressed again (brotli gains nothing on 2.55 MB),
 * while the same files stored let the HTTP brotli see across files: 9.7 MB stored are 1.6 MB of
 * brotli at quality 11, a first visit 0.96 MB lighter. zipimport reads a stored entry as it is (no
 * inflating at import), and what it reads is the same source: imports, `linecache` and
 * tracebacks are unchanged. The zip lives in MEMFS, which is JavaScript memory, not the wasm heap,
 * so the engine's memory limit is untouched.
 *
 * The rewrite is deterministic (the same entries, names, times, attributes and CRCs, in the same
 * order), so a build and a CLI make the same bytes; the snapshot records their SHA-256
 * (SnapshotMeta.stdlib), as zipimport keeps each module's offset in this file in the heap.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';

/** Bumped when the rewrite changes: the cached file's name carries it. */
export const STORED_STDLIB_FORMAT = 1;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;

/** A zip Node could not rewrite (damaged, or using zip features Pyodide's does not: ZIP64, encryption). */
export class StdlibZipError extends Error {}

interface Entry {
  readonly name: Uint8Array;
  readonly versionMadeBy: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly data: Uint8Array;
}

function readEntries(zip: Uint8Array): Entry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65535 bytes).
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new StdlibZipError('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) throw new StdlibZipError(`central directory entry ${i}`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedBytes = view.getUint32(at + 20, true);
    const bytes = view.getUint32(at + 24, true);
    const nameBytes = view.getUint16(at + 28, true);
    const extraBytes = view.getUint16(at + 30, true);
    const commentBytes = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const name = zip.slice(at + 46, at + 46 + nameBytes);
    if ((flags & 1) !== 0) throw new StdlibZipError('an encrypted entry');
    if (compressedBytes === 0xffffffff || bytes === 0xffffffff || localAt === 0xffffffff) throw new StdlibZipError('a ZIP64 entry');
    if (localAt + 30 > zip.length || view.getUint32(localAt, true) !== LOCAL) throw new StdlibZipError(`local header of entry ${i}`);
    const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    const raw = zip.subarray(dataAt, dataAt + compressedBytes);
    let data: Uint8Array;
    if (method === STORED) data = raw;
    else if (method === DEFLATED) data = inflateRawSync(raw);
    else throw new StdlibZipError(`compression method ${method}`);
    if (data.length !== bytes || crc32(data) !== crc) throw new StdlibZipError(`entry ${new TextDecoder().decode(name)} does not match its CRC`);
    entries.push({
      name,
      versionMadeBy: view.getUint16(at + 4, true),
      // Bit 3 (sizes in a data descriptor) does not apply to what is written below.
      flags: flags & ~0x0008,
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc,
      internalAttributes: view.getUint16(at + 36, true),
      externalAttributes: view.getUint32(at + 38, true),
      data,
    });
    at += 46 + nameBytes + extraBytes + commentBytes;
  }
  return entries;
}

/** The same zip, every entry stored: same names, order, times, attributes and CRCs; no extra fields or comments. */
export function storeStdlib(zip: Uint8Array): Uint8Array {
  const entries = readEntries(zip);
  const localBytes = entries.reduce((sum, e) => sum + 30 + e.name.length + e.data.length, 0);
  const centralBytes = entries.reduce((sum, e) => sum + 46 + e.name.length, 0);
  const out = new Uint8Array(localBytes + centralBytes + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, 10, true); // version needed: 1.0, stored
    view.setUint16(at + 6, e.flags, true);
    view.setUint16(at + 8, STORED, true);
    view.setUint16(at + 10, e.time, true);
    view.setUint16(at + 12, e.date, true);
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.data.length, true);
    view.setUint32(at + 22, e.data.length, true);
    view.setUint16(at + 26, e.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    at += 30 + e.name.length + e.data.length;
  }
  const centralAt = at;
  entries.forEach((e, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, e.versionMadeBy, true);
    view.setUint16(at + 6, 10, true);
    view.setUint16(at + 8, e.flags, true);
    view.setUint16(at + 10, STORED, true);
    view.setUint16(at + 12, e.time, true);
    view.setUint16(at + 14, e.date, true);
    view.setUint32(at + 16, e.crc, true);
    view.setUint32(at + 20, e.data.length, true);
    view.setUint32(at + 24, e.data.length, true);
    view.setUint16(at + 28, e.name.length, true);
    // extra, comment, disk number: none
    view.setUint16(at + 36, e.internalAttributes, true);
    view.setUint32(at + 38, e.externalAttributes, true);
    view.setUint32(at + 42, offsets[i] ?? 0, true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  });
  view.setUint32(at, END_OF_CENTRAL, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralAt, true);
  view.setUint32(at + 16, centralAt, true);
  return out;
}

/** Each entry's name and content, as stored or after inflating (for the tests). */
export function stdlibEntries(zip: Uint8Array): { readonly name: string; readonly data: Uint8Array }[] {
  return readEntries(zip).map((e) => ({ name: new TextDecoder().decode(e.name), data: e.data }));
}

// ---- The stored zip on disk, for Node (the CLI, the tests, the build) ----------------------

export interface StdlibFile {
  /** Where it is: what loadPyodide's `stdLibURL` takes in Node. */
  readonly path: string;
  /** stdlibHash() of it (SnapshotMeta.stdlib). */
  readonly hash: string;
}

/** Written whole, then renamed: a reader never sees half a file. */
function writeWhole(file: string, bytes: Uint8Array | string): void {
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
}

/**
 * The stored zip of `sourceZip` (Pyodide's), kept in `cacheDir` under a name that says which
 * Pyodide and which rewrite made it; made (in a second or so) when it is not there. Its SHA-256
 * is kept beside it (`.sha256`, written after the zip), so a boot that finds both reads neither
 * the 9.7 MB nor hashes them: Pyodide reads the zip itself. Where the cache cannot be written (a
 * read-only home) it is made in the system's temporary folder instead.
 */
export function storedStdlibFile(sourceZip: string, cacheDir: string, pyodideVersion: string): StdlibFile {
  const name = `python_stdlib-${pyodideVersion}.stored${STORED_STDLIB_FORMAT}.zip`;
  for (const dir of [cacheDir, path.join(tmpdir(), 'loopscope')]) {
    const file = path.join(dir, name);
    try {
      const hash = readFileSync(`${file}.sha256`, 'utf8');
      if (/^[0-9a-f]{64}$/.test(hash) && existsSync(file)) return { path: file, hash };
    } catch {
      // Not made yet (or made before the hash was kept beside it): made, or hashed, below.
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      bytes = storeStdlib(readFileSync(sourceZip));
      try {
        mkdirSync(dir, { recursive: true });
        writeWhole(file, bytes);
      } catch {
        continue;
      }
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    try {
      writeWhole(`${file}.sha256`, hash);
    } catch {
      // Only the next boot is slower: it hashes the zip again.
    }
    return { path: file, hash };
  }
  throw new StdlibZipError(`no folder to write ${name} in`);
}
