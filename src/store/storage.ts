/**
 * Where the learner's program and preferences survive reloads. localStorage can throw (private
 * mode, quota, disabled storage): a failed save must never break the page, so every access is
 * guarded and the app keeps working in memory.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const STORAGE_KEYS = {
  /** The editor text, saved as the learner types. */
  source: 'loopscope.source',
  lang: 'loopscope.lang',
  speed: 'loopscope.speed',
  /** 'system', 'light' or 'dark' (ThemeChoice). */
  theme: 'loopscope.theme',
  /** 'on' while presenter mode is on. */
  presenter: 'loopscope.presenter',
  /** The breakpoints of the saved program (savedBreakpoints.ts). */
  breakpoints: 'loopscope.breakpoints',
} as const;

export function browserStorage(): KeyValueStore {
  const fallback = memoryStorage();
  return {
    get(key) {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return fallback.get(key);
      }
    },
    set(key, value) {
      try {
        window.localStorage.setItem(key, value);
      } catch {
        fallback.set(key, value);
      }
    },
  };
}

export function memoryStorage(initial: Readonly<Record<string, string>> = {}): KeyValueStore {
  const values = new Map<string, string>(Object.entries(initial));
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => {
      values.set(key, value);
    },
  };
}
