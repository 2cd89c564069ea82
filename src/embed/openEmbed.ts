/**
 * Open the page as an embed: the link's settings go into the store (the shell lays itself out
 * from them), its language and speed apply to this page only, its theme is set on the document,
 * and the program runs, seeks to the link's step and plays when the link asks. An embed never
 * writes the reader's saved program or preferences: its store keeps them in memory (main.tsx).
 */
import { decodeShareHash, embedSettings, type EmbedTheme } from '../share';
import { SPEEDS } from '../store/prefsSlice';
import type { LoopscopeStore } from '../store/store';

export function openEmbed(store: LoopscopeStore, hash: string): void {
  const decoded = decodeShareHash(hash);
  if (decoded.kind !== 'ok') {
    // A damaged embed link still shows as an embed, saying what was wrong, over the example.
    store.setState({ embed: embedSettings({}) });
    if (decoded.kind === 'error') {
      store.getState().addNotice({ kind: 'link-error', reason: decoded.reason, detail: decoded.detail, fallback: 'example' });
    }
    return;
  }
  const { link } = decoded;
  const settings = embedSettings(link.embed ?? {}, decoded.ignored);
  store.setState({ embed: settings, ...(link.lang === undefined ? {} : { lang: link.lang }) });
  if (settings.speed !== null) store.setState({ speed: nearestSpeed(settings.speed) });
  if (settings.theme !== null) applyTheme(settings.theme);
  if (settings.play) playOnceShown(store);
  store.getState().openSharedProgram(link);
}

/** The page's speed closest to what the link asked for (the speed menu offers these only). */
export function nearestSpeed(asked: number): number {
  let best = SPEEDS[0] ?? asked;
  for (const speed of SPEEDS) if (Math.abs(speed - asked) < Math.abs(best - asked)) best = speed;
  return best;
}

/**
 * The embed's colours, for this page only: the attribute the theme's CSS keys on, never the
 * reader's remembered choice.
 */
function applyTheme(theme: EmbedTheme): void {
  document.documentElement.dataset.theme = theme;
}

/** Play from the link's step once its run is on screen; once only (a later run does not autoplay). */
function playOnceShown(store: LoopscopeStore): void {
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.index === null || s.index === prev.index) return;
    unsubscribe();
    s.play();
  });
}
