/**
 * What the service worker adds to the responses it serves, kept apart from the worker itself
 * so Vitest can check it in Node (src/offline/isolation.test.ts).
 */

/**
 * The cross-origin isolation headers of vite/securityHeaders.ts (the dev and preview servers'),
 * copied here because that file is Node code; the test fails if the two differ. With them a
 * page served from the cache is cross-origin isolated as it is online, and Stop can interrupt
 * Python through a SharedArrayBuffer instead of terminating the worker.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/**
 * `response`, with each isolation header it lacks added. A header the host did set is kept as
 * it is, and an opaque response (which cannot be rebuilt) is returned unchanged.
 */
export function withIsolationHeaders(response: Response): Response {
  const missing = Object.keys(ISOLATION_HEADERS).filter((name) => !response.headers.has(name));
  if (missing.length === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const name of missing) headers.set(name, ISOLATION_HEADERS[name] ?? '');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** What workbox-window's `messageSkipWaiting()` posts to the waiting worker. */
export function isSkipWaiting(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === 'SKIP_WAITING';
}
