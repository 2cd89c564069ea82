/**
 * Counting the bytes of a browser boot's downloads, so the page can show real progress on a slow
 * link (issue 14: 12.9 s of "Starting Python…" on 10 Mbit/s, with nothing moving).
 *
 * Pyodide fetches its wasm and standard library with the worker's global `fetch`; the boot fetches
 * the snapshot itself. A fetch that counts is put in place for the boot: it hands Pyodide a
 * Response whose body passes every chunk through a counter, with the headers (and so the
 * `application/wasm` type that streaming compilation needs) of the real one.
 *
 * The bytes counted are the decoded ones (what a body stream yields, whatever the transfer's
 * encoding), so the totals are decoded sizes too: Pyodide's from the build (the files ship with
 * the package), the snapshot's from its own first bytes (snapshotFileBytes), else an unencoded
 * response's Content-Length.
 *
 * Two more things the boot needs from the same downloads: the wasm's bytes (the snapshot's heap is
 * stored against the wasm's initial memory, snapshotFile.ts), kept from the counted clone rather
 * than downloaded again; and the wasm fetched at once, beside the snapshot (`prefetch`), because
 * reading the snapshot needs it while Pyodide asks for it only once it has the snapshot: Pyodide's
 * own fetch of that address then gets the response already under way.
 */
import type { BootDownload, BootFile, BootStage } from '../protocol/worker';
import { snapshotFileBytes } from './snapshotFile';

/** The files a boot waits for, in the order the page lists them. */
export const BOOT_FILES: readonly BootFile[] = ['wasm', 'stdlib', 'snapshot'];

/** At most one report this often while bytes arrive (a stage change or a finished file is reported at once). */
export const REPORT_EVERY_MS = 100;
/** The snapshot's head (magic and metadata) fits in far less: past this, its size is not in it. */
const SNAPSHOT_HEAD_MAX = 64 * 1024;

export type BootProgressListener = (stage: BootStage, downloads: readonly BootDownload[]) => void;

export interface BootDownloadsOptions {
  /** The real fetch. */
  readonly fetch: typeof fetch;
  /** Which boot file an address is, or null for any other (passed through uncounted). */
  readonly fileOf: (url: string) => BootFile | null;
  /** The decoded size of a file when the build knows it. */
  readonly knownBytes: (file: BootFile) => number | null;
  readonly onProgress: BootProgressListener;
  /** The files whose bytes the boot needs itself (the wasm, for its initial memory: snapshotFile.ts). */
  readonly keep?: readonly BootFile[];
  readonly now?: () => number;
}

export interface BootDownloads {
  /** A fetch that counts the boot files' bytes. */
  readonly fetch: typeof fetch;
  /** The current figures (a copy). */
  readonly downloads: () => readonly BootDownload[];
  /**
   * Starts fetching a boot file now, before the code that needs it asks: the next fetch of this
   * address gets this very response (so Pyodide's own fetch of the wasm does not download it
   * twice). Returns that response too (the boot compiles the wasm from it: wasmAhead.ts).
   */
  readonly prefetch: (url: string) => Promise<Response>;
  /** The whole body of a file named in `keep`, once it has come (rejected if its download failed). */
  readonly bodyOf: (file: BootFile) => Promise<Uint8Array>;
}

/** A promise with its settling functions outside. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // A body nobody asked for may fail unheard.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

function joined(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** The size an unencoded response announces (an encoded one announces its encoded size: not ours to count against). */
function announcedBytes(response: Response): number | null {
  const encoding = response.headers.get('Content-Encoding');
  if (encoding !== null && encoding !== 'identity') return null;
  const length = Number(response.headers.get('Content-Length') ?? NaN);
  return Number.isSafeInteger(length) && length >= 0 ? length : null;
}

export function countBootDownloads(options: BootDownloadsOptions): BootDownloads {
  const now = options.now ?? (() => performance.now());
  const state = new Map<BootFile, BootDownload>(
    BOOT_FILES.map((file) => [file, { file, loaded: 0, total: options.knownBytes(file), done: false }]),
  );
  let lastReport = -Infinity;
  let lastStage: BootStage | null = null;
  const bodies = new Map((options.keep ?? []).map((file) => [file, deferred<Uint8Array>()]));
  const prefetched = new Map<string, Promise<Response>>();

  const list = (): readonly BootDownload[] => BOOT_FILES.map((file) => state.get(file)).filter((d) => d !== undefined);

  function report(force: boolean): void {
    const downloads = list();
    const stage: BootStage = downloads.every((d) => d.done) ? 'starting' : 'downloading';
    const at = now();
    if (!force && stage === lastStage && at - lastReport < REPORT_EVERY_MS) return;
    lastReport = at;
    lastStage = stage;
    options.onProgress(stage, downloads);
  }

  function update(file: BootFile, change: Partial<Omit<BootDownload, 'file'>>): void {
    const before = state.get(file);
    if (before === undefined || before.done) return;
    state.set(file, { ...before, ...change });
  }

  function counted(file: BootFile, response: Response): Response {
    const body = response.body;
    const kept = bodies.get(file);
    if (body === null || !response.ok) {
      update(file, { done: true, total: 0 });
      report(true);
      kept?.reject(new Error(`${file}: HTTP ${response.status}`));
      return response;
    }
    const parts: Uint8Array[] = [];
    const announced = announcedBytes(response);
    if (announced !== null && state.get(file)?.total === null) update(file, { total: announced });
    let loaded = 0;
    const head: Uint8Array[] = [];
    let headBytes = 0;
    const counter = new WritableStream<Uint8Array>({
      write(chunk) {
        loaded += chunk.byteLength;
        if (kept !== undefined) parts.push(chunk);
        if (file === 'snapshot' && headBytes < SNAPSHOT_HEAD_MAX) {
          head.push(chunk);
          headBytes += chunk.byteLength;
          const total = snapshotFileBytes(joined(head, headBytes));
          if (total !== null) {
            update(file, { total });
            headBytes = SNAPSHOT_HEAD_MAX; // found: stop collecting
          }
        }
        update(file, { loaded });
        report(false);
      },
      close() {
        // What came is the whole file: the total is what was received, whatever was announced.
        update(file, { loaded, total: loaded, done: true });
        report(true);
        kept?.resolve(joined(parts, loaded));
      },
    });
    // The bytes are counted on a clone; Pyodide gets the response fetch gave. A Response made
    // anew around a counting stream loses what ties it to the browser's cache, and Chromium then
    // compiles the 9.6 MB wasm again on every visit instead of taking its cached code: a warm
    // boot went from 1.0 s to 1.7 s on a quiet machine (npm run bench -- boot).
    response
      .clone()
      .body?.pipeTo(counter)
      .catch((error: unknown) => {
        update(file, { done: true, total: loaded });
        report(true);
        kept?.reject(error);
      });
    return response;
  }

  const countingFetch: typeof fetch = async (input, init) => {
    const early = prefetched.get(urlOf(input));
    if (early !== undefined) {
      prefetched.delete(urlOf(input));
      return early;
    }
    const file = options.fileOf(urlOf(input));
    if (file === null || state.get(file)?.done === true) return options.fetch(input, init);
    report(true);
    try {
      return counted(file, await options.fetch(input, init));
    } catch (error) {
      update(file, { done: true, total: state.get(file)?.loaded ?? 0 });
      report(true);
      bodies.get(file)?.reject(error);
      throw error;
    }
  };

  const prefetch = (url: string): Promise<Response> => {
    const early = countingFetch(url);
    // Whoever takes it hears its failure; until then it is not unhandled.
    early.catch(() => {});
    prefetched.set(url, early);
    return early;
  };

  const bodyOf = (file: BootFile): Promise<Uint8Array> =>
    bodies.get(file)?.promise ?? Promise.reject(new Error(`${file}: its body is not kept`));

  return { fetch: countingFetch, downloads: list, prefetch, bodyOf };
}
