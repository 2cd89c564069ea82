/**
 * The service worker and the web manifest (vite-plugin-pwa, Workbox 7): the app works offline
 * after its first visit, installs as an app, and a new version waits for the learner's "reload"
 * (src/app/UpdateNotice.tsx) instead of mixing with the old one.
 *
 * Everything is relative (the worker's URL and scope, the manifest's start_url and scope, the
 * precache list, which Workbox resolves against the worker's own URL), so the build works under
 * any path of a static host, whatever Vite's `base`.
 *
 * The worker is our source, src/offline/serviceWorker.ts (injectManifest), not one Workbox
 * generates: it revalidates what the page has just downloaded instead of downloading it again,
 * and keeps the isolation headers on what it serves.
 */
import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { offlineStrings } from '../src/i18n/offline.ts';

/** The biggest file precached: the engine's snapshot is 15 MB, Pyodide's wasm 9.6 MB. */
const LARGEST_PRECACHED_FILE = 40 * 1024 * 1024;

/**
 * What the precache holds: the page, its scripts (Monaco's chunks and workers, the engine
 * worker, which bundles the examples), styles and fonts, the icons, and Pyodide's files and the
 * snapshot. Precompressed copies (.br, .gz) are left out: the browser stores a file once, decoded.
 */
const PRECACHED = '**/*.{html,js,mjs,css,ttf,woff,woff2,svg,png,wasm,zip,json,snap,webmanifest}';

export function pwaPlugin(): PluginOption {
  // The install card is in English: a manifest has one language (the page itself follows the
  // learner's choice).
  const words = offlineStrings('en');
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/offline',
    filename: 'serviceWorker.ts',
    // The page registers the worker itself, once Python is ready (src/app/useServiceWorker.ts),
    // so the precache's downloads do not compete with Python's on a first visit.
    injectRegister: false,
    registerType: 'prompt',
    base: './',
    scope: './',
    // Off in dev: a cache there would serve stale modules to Vite's hot reload.
    devOptions: { enabled: false },
    // The icons are precached by the glob below already.
    includeManifestIcons: false,
    injectManifest: {
      globPatterns: [PRECACHED],
      maximumFileSizeToCacheInBytes: LARGEST_PRECACHED_FILE,
    },
    manifest: {
      name: words.appName,
      short_name: words.appShortName,
      description: words.appDescription,
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#16181d',
      theme_color: '#16181d',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
  });
}
