/**
 * For tests that render views (react-dom/server): a store (over an engine that never runs)
 * showing `trace` at `cursor` in `lang`, reached through the store's own actions as the page
 * reaches it.
 */
import type { Lang } from '../../i18n/lang';
import { DEFAULT_RUN_OPTIONS, type Trace } from '../../protocol/trace';
import type { Cursor } from '../../trace/types';
import { memoryStorage } from '../storage';
import { createLoopscopeStore, type LoopscopeStore } from '../store';
import { fakeTimers } from './fakeTimers';

export function storeShowing(trace: Trace, cursor: Cursor, lang: Lang = 'en'): LoopscopeStore {
  const store = createLoopscopeStore({
    createEngine: () => ({ run: () => 0, stop: () => undefined, restart: () => undefined, dispose: () => undefined }),
    storage: memoryStorage(),
    timers: fakeTimers(),
    languages: [lang],
    defaultSource: () => '',
    runOptions: DEFAULT_RUN_OPTIONS,
  });
  store.getState().setLang(lang);
  store.getState().openTrace(trace);
  store.getState().seek(cursor);
  // react-dom/server renders zustand's server snapshot, which is the store's initial state: for
  // this store that is what it shows now.
  return { ...store, getInitialState: () => store.getState() };
}
