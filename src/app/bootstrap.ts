/**
 * Wiring the store to the browser: the engine's Web Worker, localStorage, timers and the
 * languages the browser prefers; then the program to open (a share link, the saved text or
 * the default example).
 */
import { DEFAULT_EXAMPLE_ID, EXAMPLES, exampleById, exampleSource } from '../examples/catalog';
import type { Lang } from '../i18n/lang';
import { DEFAULT_RUN_OPTIONS } from '../protocol/trace';
import { parseFromWorker } from '../protocol/schema';
import { ProtocolError } from '../protocol/worker';
import { decodeShareHash } from '../share';
import { createEngineClient, type WorkerFactory, type WorkerHandlers } from '../host/engineClient';
import { browserStorage, STORAGE_KEYS, type KeyValueStore } from '../store/storage';
import { createLoopscopeStore, type LoopscopeStore } from '../store/store';
import { openComparison } from '../compare/openComparison';
import { isOwnHash } from './urlSync';
import { openClassroomParams } from '../store/classroomLink';
import type { Timers } from '../store/types';

/**
 * A message from the engine's worker, checked before the client sees it: a message the protocol
 * does not have, or a result that is not a RunResult (the client reads it with resultOf, which
 * throws a ProtocolError), is the engine failing: it takes the client's onError path with the
 * field that was wrong.
 */
export function deliverFromWorker(data: unknown, { onMessage, onError }: WorkerHandlers): void {
  const message = parseFromWorker(data);
  if (!message.ok) {
    onError(`the engine sent a message Loopscope cannot read: ${message.error}`);
    return;
  }
  try {
    onMessage(message.value);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    onError(error.message);
  }
}

const createEngineWorker: WorkerFactory = ({ onMessage, onError }) => {
  const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<unknown>) => deliverFromWorker(e.data, { onMessage, onError });
  worker.onerror = (e) => {
    e.preventDefault();
    onError(e.message || 'the engine worker failed to load');
  };
  worker.onmessageerror = () => onError('a message from the engine could not be read');
  return worker;
};

const browserTimers: Timers = {
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
  setInterval: (fn, ms) => window.setInterval(fn, ms),
  clearInterval: (h) => window.clearInterval(h as number),
};

function defaultSource(lang: Lang): string {
  const example = exampleById(DEFAULT_EXAMPLE_ID) ?? EXAMPLES[0];
  return example === undefined ? 'import asyncio\n' : exampleSource(example, lang);
}

export function createBrowserStore(storage: KeyValueStore = browserStorage()): LoopscopeStore {
  return createLoopscopeStore({
    createEngine: (onEvent) =>
      createEngineClient({
        createWorker: createEngineWorker,
        // SharedArrayBuffer can only be posted when the page is cross-origin isolated.
        isolated: typeof crossOriginIsolated === 'boolean' && crossOriginIsolated,
        onEvent,
      }),
    storage,
    timers: browserTimers,
    languages: navigator.languages,
    defaultSource,
    runOptions: DEFAULT_RUN_OPTIONS,
  });
}

/**
 * Open what the URL asks for. A good link replaces the editor text and runs it (once Python is
 * ready) then seeks to its step; a bad one says what was wrong and keeps the saved text or the
 * default example already in the store.
 */
export function openFromUrl(store: LoopscopeStore, storage: KeyValueStore = browserStorage()): void {
  const decoded = decodeShareHash(window.location.hash);
  switch (decoded.kind) {
    case 'none':
      return;
    case 'ok':
      // A reload of the address this tab wrote itself: the editor's saved text is newer than
      // the program in the URL (which is the last one run), so it wins.
      if (isOwnHash(window.location.hash)) {
        const saved = storage.get(STORAGE_KEYS.source);
        if (saved !== null && saved !== decoded.link.source) return;
      }
      // The author's language, unless this reader has already chosen one.
      if (decoded.link.lang && storage.get(STORAGE_KEYS.lang) === null) store.setState({ lang: decoded.link.lang });
      openClassroomParams(store, decoded.link);
      // A compare link (&pin=) opens both runs, the pinned one first.
      if (decoded.link.pinned !== undefined) openComparison(store, decoded.link.pinned, decoded.link);
      else store.getState().openSharedProgram(decoded.link);
      return;
    case 'error':
      store.getState().addNotice({
        kind: 'link-error',
        reason: decoded.reason,
        detail: decoded.detail,
        fallback: storage.get(STORAGE_KEYS.source) === null ? 'example' : 'saved',
      });
      // Drop the broken hash so a reload does not show the same error again.
      history.replaceState(history.state, '', window.location.pathname + window.location.search);
      return;
  }
}

/**
 * A link opened in this tab while the page is open (see startUrlSync). A run still going is
 * stopped first and the link opens once it has ended, as a fresh load of the link would.
 */
export function openLinkNow(store: LoopscopeStore, storage: KeyValueStore = browserStorage()): void {
  if (store.getState().phase !== 'running') {
    openFromUrl(store, storage);
    return;
  }
  const unsubscribe = store.subscribe((s) => {
    if (s.phase === 'running') return;
    unsubscribe();
    openFromUrl(store, storage);
  });
  store.getState().stop();
}
