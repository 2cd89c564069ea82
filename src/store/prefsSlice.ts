/** The learner's preferences: remembered across visits. */
import { LANGS, langFromNavigator, type Lang } from '../i18n/lang';
import { STORAGE_KEYS } from './storage';
import type { GetState, PrefsSlice, SetState, StoreDeps, ThemeChoice } from './types';

/** The speeds the controls offer, in loop steps per second. */
export const SPEEDS: readonly number[] = [1, 2, 5, 10, 30];
export const DEFAULT_SPEED = 2;

/** The themes the header offers, in its order; 'system' (follow prefers-color-scheme) is the default. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The UI language: the learner's choice, else the browser's. */
export function savedLang(deps: StoreDeps): Lang {
  const saved = deps.storage.get(STORAGE_KEYS.lang);
  const known = LANGS.find((l) => l === saved);
  return known ?? langFromNavigator(deps.languages);
}

function savedSpeed(deps: StoreDeps): number {
  const saved = Number(deps.storage.get(STORAGE_KEYS.speed));
  return SPEEDS.includes(saved) ? saved : DEFAULT_SPEED;
}

/** The saved theme; anything else (nothing saved, an old or damaged value) follows the system. */
function savedTheme(deps: StoreDeps): ThemeChoice {
  const saved = deps.storage.get(STORAGE_KEYS.theme);
  return THEME_CHOICES.find((t) => t === saved) ?? 'system';
}

export function createPrefsSlice(set: SetState, _get: GetState, deps: StoreDeps): PrefsSlice {
  return {
    lang: savedLang(deps),
    speed: savedSpeed(deps),
    theme: savedTheme(deps),
    presenter: deps.storage.get(STORAGE_KEYS.presenter) === 'on',
    setLang(lang) {
      deps.storage.set(STORAGE_KEYS.lang, lang);
      set({ lang });
    },
    setSpeed(stepsPerSecond) {
      if (!SPEEDS.includes(stepsPerSecond)) return;
      deps.storage.set(STORAGE_KEYS.speed, String(stepsPerSecond));
      set({ speed: stepsPerSecond });
    },
    setTheme(theme) {
      deps.storage.set(STORAGE_KEYS.theme, theme);
      set({ theme });
    },
    setPresenter(on) {
      deps.storage.set(STORAGE_KEYS.presenter, on ? 'on' : 'off');
      set({ presenter: on });
    },
  };
}
