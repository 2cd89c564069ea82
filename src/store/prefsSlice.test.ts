import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/trace';
import type { EngineClient } from '../host/engineClient';
import { memoryStorage, STORAGE_KEYS, type KeyValueStore } from './storage';
import { createLoopscopeStore } from './store';
import { fakeTimers } from './testing/fakeTimers';

const idleEngine: EngineClient = { run: () => 1, stop: () => undefined, restart: () => undefined, dispose: () => undefined };

/** A store over the given storage, as the page makes it on a visit. */
function visit(storage: KeyValueStore) {
  return createLoopscopeStore({
    createEngine: () => idleEngine,
    storage,
    timers: fakeTimers(),
    languages: ['en-US'],
    defaultSource: () => 'DEFAULT',
    runOptions: DEFAULT_RUN_OPTIONS,
  });
}

describe('theme and presenter preferences', () => {
  it('follow the system and leave presenter mode off on a first visit', () => {
    const s = visit(memoryStorage()).getState();
    expect(s.theme).toBe('system');
    expect(s.presenter).toBe(false);
  });

  it('remember the chosen theme and presenter mode on the next visit', () => {
    const storage = memoryStorage();
    const first = visit(storage).getState();
    first.setTheme('dark');
    first.setPresenter(true);
    const next = visit(storage).getState();
    expect(next.theme).toBe('dark');
    expect(next.presenter).toBe(true);
    next.setTheme('light');
    next.setPresenter(false);
    expect(visit(storage).getState().theme).toBe('light');
    expect(visit(storage).getState().presenter).toBe(false);
  });

  it('follow the system when the saved theme is not one it knows', () => {
    expect(visit(memoryStorage({ [STORAGE_KEYS.theme]: 'solarized' })).getState().theme).toBe('system');
  });
});
