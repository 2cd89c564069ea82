/**
 * Keep the address bar a share link to what is on screen: after a run, the URL holds the
 * program that ran, the cursor's step and the Python it ran as, so a copied address bar or a reload opens the same
 * view. Debounced: scrubbing does not flood the browser's history machinery.
 */
import { encodeShareHash } from '../share';
import { classroomLinkParams } from '../store/classroomLink';
import type { LoopscopeStore } from '../store/store';

const URL_DEBOUNCE_MS = 400;

/**
 * The hash this tab last wrote itself, kept per tab across reloads: a reload of our own
 * address must not bring back the program that last ran over newer edits (see openFromUrl).
 */
const OWN_HASH_KEY = 'loopscope.ownHash';

export function rememberOwnHash(hash: string): void {
  try {
    sessionStorage.setItem(OWN_HASH_KEY, hash.startsWith('#') ? hash : `#${hash}`);
  } catch {
    // Storage may be unavailable (private modes): then a reload reopens the link, as before.
  }
}

export function isOwnHash(hash: string): boolean {
  try {
    return hash !== '' && sessionStorage.getItem(OWN_HASH_KEY) === hash;
  } catch {
    return false;
  }
}

/**
 * `openLink` is called when the hash changes from outside the page (a link pasted into the
 * address bar of this tab, or clicked on a page of this origin): replaceState fires no
 * hashchange, so every hashchange is someone else's. A write still pending for the program on
 * screen is dropped first: it would put the old program back over the new link.
 */
export function startUrlSync(store: LoopscopeStore, openLink: () => void): () => void {
  let timer: number | null = null;

  function write(): void {
    timer = null;
    const s = store.getState();
    if (!s.index || s.ranSource === null) return;
    const compat = s.index.trace.compat;
    // The run on screen, as it ran: a run as Python 3.13 would links with compat=3.13.
    const pinned = s.pinned?.index.trace.source;
    const hash = encodeShareHash({ source: s.ranSource, step: s.cursor.step, line: s.cursor.line, ...(compat && { compat }), ...(pinned && { pinned }), ...classroomLinkParams(s) });
    const url = `${window.location.pathname}${window.location.search}${hash.startsWith('#') ? hash : `#${hash}`}`;
    history.replaceState(history.state, '', url);
    rememberOwnHash(hash);
  }

  const unsubscribe = store.subscribe((s, prev) => {
    const classroom = s.breakpointLines !== prev.breakpointLines || s.eventBreakpoints !== prev.eventBreakpoints || s.askSteps !== prev.askSteps || s.predictOn !== prev.predictOn;
    if (s.index === prev.index && s.cursor === prev.cursor && s.pinned === prev.pinned && !classroom) return;
    if (timer !== null) window.clearTimeout(timer);
    timer = window.setTimeout(write, URL_DEBOUNCE_MS);
  });
  function onHashChange(): void {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    openLink();
  }
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    if (timer !== null) window.clearTimeout(timer);
  };
}
