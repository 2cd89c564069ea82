/**
 * When the page starts Python: after the editor's code has loaded, or on a slow link as soon as
 * the editor's bytes have come.
 *
 * Python's boot (compiling a 9.6 MB wasm in the worker) and Monaco's parse compete for the same
 * cores: on a fast link, where both come at once, starting Python after the editor's code showed
 * the editor ~0.5 s sooner on a 2-core machine and Python no later. On a slow link the scarce
 * thing is the link, not the cores: waiting for Monaco's code (its download and then its parse)
 * left the link idle for more than a second before Python's 7.5 MB started (a first visit on an
 * emulated 10 Mbit/s link: the editor's code in at 1.4 s, the engine's worker asked for at 2.1 s,
 * Python's files from 2.6 s). There Python starts as soon as Monaco's bytes are in (below), and
 * the compile streams in as the wasm comes, a little at a time. The editor
 * still shows at once (EditorFallback's text area, then Monaco).
 *
 * On a slow link Python waits only for Monaco's bytes, not for its parse: started at once, its
 * files shared the link with the rest of Monaco's, which then came 4 s later on 2 Mbit/s (the
 * editor at 9.4 s instead of 5.5 s) for Python 4 s sooner. Started when Monaco's download has
 * ended, Python's files get the whole link from there, Monaco comes when it always did, and only
 * the idle time (Monaco's parse, then the worker's own start) is taken back.
 *
 * The link's speed is the one the page's own files came at (Resource Timing): no guess from the
 * browser's network type, and a page from the cache or the service worker counts as fast.
 */

/** The parts of a PerformanceResourceTiming this reads. */
export interface ResourceTimes {
  /** Bytes on the wire (0 from the cache). */
  readonly transferSize: number;
  readonly responseStart: number;
  readonly responseEnd: number;
}

/**
 * Below this the link is slow: Python's first visit (7.5 MB compressed) takes 3 s or more, far
 * longer than the Monaco parse the fast order saves. 2,500 bytes/ms is 20 Mbit/s.
 */
export const SLOW_LINK_BYTES_PER_MS = 2_500;
/** Files smaller than this say more about latency than about the link's speed. */
const MEASURED_FILE_BYTES = 16 * 1024;

/**
 * The link's speed in bytes/ms, from the files of the page downloaded so far: all the bytes of
 * those big enough to tell, over the time from the first one's first byte to the last one's end
 * (they come side by side, sharing the link). Null when none was downloaded (from a cache).
 */
export function linkBytesPerMs(resources: readonly ResourceTimes[]): number | null {
  const measured = resources.filter((r) => r.transferSize >= MEASURED_FILE_BYTES && r.responseEnd > r.responseStart && r.responseStart > 0);
  if (measured.length === 0) return null;
  const bytes = measured.reduce((sum, r) => sum + r.transferSize, 0);
  const from = Math.min(...measured.map((r) => r.responseStart));
  const to = Math.max(...measured.map((r) => r.responseEnd));
  return bytes / Math.max(1, to - from);
}

/** The page's files downloaded so far, as Resource Timing has them. */
export function pageResources(): readonly ResourceTimes[] {
  return performance.getEntriesByType('resource').filter((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming);
}

/** True when Python should start now rather than after the editor's code (see above). */
export function startPythonFirst(resources: readonly ResourceTimes[]): boolean {
  const speed = linkBytesPerMs(resources);
  return speed !== null && speed < SLOW_LINK_BYTES_PER_MS;
}

/** The editor chunk's modulepreload in index.html (vite/preloadChunkPlugin.ts marks it with its entry). */
const EDITOR_PRELOAD = 'link[rel="modulepreload"][data-preloads="src/editor/CodeEditor.tsx"]';

/**
 * When the page has the editor chunk's bytes (its Resource Timing entry exists: at once if it
 * already does), or null when index.html preloads no editor chunk (in dev).
 */
export function editorChunkDownloaded(): Promise<void> | null {
  const link = document.querySelector<HTMLLinkElement>(EDITOR_PRELOAD);
  if (link === null) return null;
  const url = link.href;
  return new Promise((resolve) => {
    const arrived = () => performance.getEntriesByName(url, 'resource').length > 0;
    if (arrived()) return resolve();
    const observer = new PerformanceObserver(() => {
      if (!arrived()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'resource' });
  });
}

/**
 * Starts the engine at the right time: on a slow link once the editor's bytes have come (at once
 * when that cannot be known), else once the editor's code has loaded (or failed to). `start` may
 * be called twice; the store's startEngine is idempotent.
 */
export function startEngineInOrder(
  editorLoaded: Promise<unknown>,
  start: () => void,
  resources: readonly ResourceTimes[],
  editorDownloaded: Promise<unknown> | null,
): void {
  if (startPythonFirst(resources)) {
    if (editorDownloaded === null) start();
    else editorDownloaded.then(start, start);
  }
  editorLoaded.then(start, start);
}
