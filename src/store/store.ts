/**
 * Loopscope's one store, made of nine slices (editor, run, playback, findings, prefs, embed, compare, breakpoints, predict). Created with
 * injected dependencies (engine, storage, timers) so the same logic runs in the page and in
 * Vitest with fakes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCompareSlice } from './compareSlice';
import { createBreakpointsSlice } from './breakpointsSlice';
import { createEditorSlice } from './editorSlice';
import { createEmbedSlice } from './embedSlice';
import { createFindingsSlice } from './findingsSlice';
import { createPlaybackSlice } from './playbackSlice';
import { createPredictSlice } from './predictSlice';
import { createPrefsSlice } from './prefsSlice';
import { createRunSlice } from './runSlice';
import { keepBreakpointsSaved } from './savedBreakpoints';
import type { LoopscopeState, StoreDeps } from './types';

export type LoopscopeStore = StoreApi<LoopscopeState>;

export function createLoopscopeStore(deps: StoreDeps): LoopscopeStore {
  const store = createStore<LoopscopeState>()((set, get) => ({
    ...createEditorSlice(set, get, deps),
    ...createRunSlice(set, get, deps),
    ...createPlaybackSlice(set, get, deps),
    ...createFindingsSlice(set, get),
    ...createPrefsSlice(set, get, deps),
    ...createEmbedSlice(),
    ...createCompareSlice(set, get),
    ...createBreakpointsSlice(set, get),
    ...createPredictSlice(set, get),
  }));
  keepBreakpointsSaved(store, deps.storage);
  return store;
}
