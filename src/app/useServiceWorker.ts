/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The page's side of the offline service worker (src/offline/serviceWorker.ts): registers it
 * once Python is ready, and says what the learner should hear about it. Nothing here reloads
 * the page unless the learner pressed Reload (a run in progress is never cut off by an update).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { useLoopscope, useLoopscopeApi } from '../store/context';

/**
 * What the service worker has to say:
 * - `offline-ready`: the first visit's files are all saved; the next visit works offline.
 * - `update-ready`: a new version is downloaded and waits for the learner's Reload.
 * - `updated-elsewhere`: another tab switched to the new version; this tab runs the old files,
 *   which the cache no longer holds, so it should reload too.
 * - `offline-failed`: the worker could not save the files (most often: the browser would not
 *   give it the storage); the app works as before, online only.
 */
export type ServiceWorkerNews = 'none' | 'offline-ready' | 'update-ready' | 'updated-elsewhere' | 'offline-failed';

/** How often a page left open looks for a new version (browsers also look on every visit). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface ServiceWorkerState {
  readonly news: ServiceWorkerNews;
  /** Switch to the waiting version and reload, keeping the editor's text. */
  readonly reload: () => void;
  readonly dismiss: () => void;
}

export function useServiceWorker(): ServiceWorkerState {
  const api = useLoopscopeApi();
  const engineBooting = useLoopscope((s) => s.engineStatus === 'booting');
  const [news, setNews] = useState<ServiceWorkerNews>('none');
  const update = useRef<((reloadPage?: boolean) => Promise<void>) | null>(null);
  // Set when this tab asked the waiting worker to take over: its taking control then means
  // "reload now", while in any other tab it means "updated elsewhere".
  const reloadAsked = useRef(false);

  const reloadPage = useCallback(() => {
    api.getState().flushSave();
    window.location.reload();
  }, [api]);

  useEffect(() => {
    // Registered once, after the first boot: the precache downloads what the page has just
    // loaded (revalidated, mostly 304s) and should not compete with Python's own download.
    if (engineBooting || update.current !== null) return;
    update.current = registerSW({
      immediate: true,
      onOfflineReady: () => setNews('offline-ready'),
      onNeedRefresh: () => setNews('update-ready'),
      onNeedReload: () => {
        if (reloadAsked.current) reloadPage();
        else setNews('updated-elsewhere');
      },
      onRegisterError: () => setNews('offline-failed'),
      onRegisteredSW: (_url, registration) => {
        if (registration === undefined) return;
        watchInstalls(registration, () => setNews('offline-failed'));
        window.setInterval(() => {
          if (navigator.onLine) registration.update().catch(() => undefined);
        }, UPDATE_CHECK_MS);
      },
    });
  }, [engineBooting, reloadPage]);

  const reload = useCallback(() => {
    if (news === 'update-ready' && update.current !== null) {
      reloadAsked.current = true;
      void update.current();
    } else {
      reloadPage();
    }
  }, [news, reloadPage]);

  const dismiss = useCallback(() => setNews('none'), []);
  return { news, reload, dismiss };
}

/**
 * Calls `onFailed` when a worker of `registration` fails to install: it goes from installing
 * straight to redundant (one that installed and was later replaced passes through 'installed').
 * Workbox's install fails when any file of its list cannot be fetched or stored.
 */
function watchInstalls(registration: ServiceWorkerRegistration, onFailed: () => void): void {
  const watch = (worker: ServiceWorker | null) => {
    if (worker === null) return;
    let installed = false;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') installed = true;
      if (worker.state === 'redundant' && !installed) onFailed();
    });
  };
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
}
