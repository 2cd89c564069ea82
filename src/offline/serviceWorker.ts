/// <reference lib="webworker" />
/**
 * The service worker: Workbox precaches the whole app (the page, Monaco, the engine worker,
 * Pyodide's files and the engine's memory snapshot) so the second visit works with the network
 * off. The list of files and their revisions is written in at build time (`self.__WB_MANIFEST`,
 * vite-plugin-pwa's injectManifest, see vite/pwaPlugin.ts); every URL in it is relative to this
 * script, so the app works under any path.
 *
 * A new version installs beside the old one and waits: the page shows a "new version — reload"
 * notice (src/app/UpdateNotice.tsx) and sends SKIP_WAITING only when the learner asks. Until
 * then every file comes from the old version's cache, never a mix of the two.
 */
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isSkipWaiting, withIsolationHeaders } from './isolation';

// `__WB_MANIFEST` is replaced by the list of files at build time.
declare const self: ServiceWorkerGlobalScope & { readonly __WB_MANIFEST: readonly (PrecacheEntry | string)[] };

addPlugins([
  {
    // Workbox fetches a file whose name carries no hash (index.html, pyodide/*) with
    // `cache: 'reload'`, bypassing the HTTP cache: on a first visit the 12 MB of Pyodide the
    // page has just downloaded would be downloaded again. 'no-cache' asks the server whether
    // the browser's copy is still current (a 304 when it is) and takes a new one when not.
    requestWillFetch: ({ request }) => Promise.resolve(request.cache === 'reload' ? new Request(request, { cache: 'no-cache' }) : request),
    // What the precache serves keeps the page cross-origin isolated offline (the Stop button's
    // SharedArrayBuffer), also where the host that served it set no such headers.
    handlerWillRespond: ({ response }) => Promise.resolve(withIsolationHeaders(response)),
  },
]);

precacheAndRoute(self.__WB_MANIFEST);
// Caches of older Workbox versions' formats are removed once this version is active.
cleanupOutdatedCaches();
// The app has one page: any navigation inside the scope (a share link, `?embed=1`) opens it.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('message', (event) => {
  if (isSkipWaiting(event.data)) void self.skipWaiting();
});
