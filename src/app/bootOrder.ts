/**
 * When the page starts Python: after the editor's code has loaded, unless the link is slow.
 *
 * Python's boot (compiling a 9.6 MB wasm in the worker) and Monaco's parse compete for the same
 * cores: on a fast link, where both come at once, starting Python after the editor's code showed
 * the editor ~0.5 s sooner on a 2-core machine and Python no later. On a slow link the scarce
 * thing is the link, not the cores: waiting for Monaco's code (its download and then its parse)
 * left the link idle for more than a second before Python's 7.5 MB started (a first visit on an
 * emulated 10 Mbit/s link: the editor's code in at 1.4 s, the engine's worker asked for at 2.1 s,
 * Python's files from 2.6 s). There Python starts at once: its downloads share the link with the
 * end of Monaco's, and the compile streams in as the wasm comes, a little at a time. The editor
 * still shows at once (EditorFallback's text area, then Monaco).
 *
 * The price is Monaco's on the slowest links: sharing the link with Python's files, it showed 4 s
 * later on 2 Mbit/s (9.4 s against 5.5 s) for Python ready 4 s sooner. Starting Python when
 * Monaco's bytes have come (a PerformanceObserver on its modulepreload) was tried: it gained
 * nothing, as the observer's callback runs on the main thread only after Monaco's parse.
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

/**
 * Starts the engine at the right time: now on a slow link, else once the editor's code has
 * loaded (or failed to). `start` may be called twice; the store's startEngine is idempotent.
 */
export function startEngineInOrder(editorLoaded: Promise<unknown>, start: () => void, resources: readonly ResourceTimes[]): void {
  if (startPythonFirst(resources)) start();
  editorLoaded.then(start, start);
}
