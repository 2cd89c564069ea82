/**
 * The words of the page's display settings (theme, presenter mode), in English and Chinese.
 * `zh` is typed as `DisplayStrings`, so a word added to one language only is a type error; the
 * header indexes `themeName` by the store's ThemeChoice, so a theme without its name is one too.
 */
import type { Lang } from './lang';

const en = {
  theme: 'Theme',
  themeName: { system: 'System theme', light: 'Light', dark: 'Dark' },
  presenter: 'Presenter mode',
  presenterHint: 'Presenter mode: larger type, thicker lanes and a big narration, for a projector (P)',
};

export type DisplayStrings = typeof en;

const zh: DisplayStrings = {
  theme: '主题',
  themeName: { system: '跟随系统', light: '浅色', dark: '深色' },
  presenter: '演示模式',
  presenterHint: '演示模式：更大的字、更粗的泳道和醒目的解说，适合投影（P）',
};

const DISPLAY: Readonly<Record<Lang, DisplayStrings>> = { en, zh };

export function displayStrings(lang: Lang): DisplayStrings {
  return DISPLAY[lang];
}
