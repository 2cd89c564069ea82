/**
 * Keep the address bar a share link to what is on screen: after a run, the URL holds the
 * program that ran and the cursor's step, so a copied address bar or a reload opens the same
 * view. Debounced: scrubbing does not flood the browser's history machinery.
 */
import { encodeShareHash } from '../share';
import type { LoopscopeStore } from '../store/store';

const URL_DEBOUNCE_MS = 400;

export function startUrlSync(store: LoopscopeStore): () => void {
  let timer: number | null = null;

  function write(): void {
    timer = null;
    const s = store.getState();
    if (!s.index || s.ranSource === null) return;
    const hash = encodeShareHash({ source: s.ranSource, step: s.cursor.step, line: s.cursor.line });
    const url = `${window.location.pathname}${window.location.search}${hash.startsWith('#') ? hash : `#${hash}`}`;
    history.replaceState(history.state, '', url);
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.index === prev.index && s.cursor === prev.cursor) return;
    if (timer !== null) window.clearTimeout(timer);
    timer = window.setTimeout(write, URL_DEBOUNCE_MS);
  });
  return () => {
    unsubscribe();
    if (timer !== null) window.clearTimeout(timer);
  };
}
