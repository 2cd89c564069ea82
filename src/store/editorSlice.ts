/**
 * The editor text. It lives in the store (not only in Monaco) so examples, share links and
 * tests can set it before the editor has loaded, and so it can be saved as the learner types.
 */
import { savedLang } from './prefsSlice';
import { STORAGE_KEYS } from './storage';
import type { EditorSlice, GetState, SetState, StoreDeps } from './types';

/** Save this long after the last keystroke: often enough to survive a crash, rarely enough to be free. */
export const SAVE_DEBOUNCE_MS = 400;

export function createEditorSlice(set: SetState, get: GetState, deps: StoreDeps): EditorSlice {
  let saveTimer: unknown = null;
  let nonce = 0;

  function saveNow(): void {
    if (saveTimer !== null) deps.timers.clearTimeout(saveTimer);
    saveTimer = null;
    deps.storage.set(STORAGE_KEYS.source, get().source);
  }

  return {
    source: deps.storage.get(STORAGE_KEYS.source) ?? deps.defaultSource(savedLang(deps)),
    lineRequest: null,
    setSource(text) {
      if (text === get().source) return;
      set({ source: text });
      if (saveTimer !== null) deps.timers.clearTimeout(saveTimer);
      saveTimer = deps.timers.setTimeout(saveNow, SAVE_DEBOUNCE_MS);
    },
    revealLine(line) {
      nonce += 1;
      set({ lineRequest: { line, nonce } });
    },
    flushSave() {
      if (saveTimer !== null) saveNow();
    },
  };
}
