/**
 * Breakpoints survive a reload with the program they belong to: a second store made on the same
 * storage (what a reload is) has them back; another program, or a damaged saved value, has none.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/trace';
import { loadSavedBreakpoints, programFingerprint } from './savedBreakpoints';
import { memoryStorage, STORAGE_KEYS, type KeyValueStore } from './storage';
import { createLoopscopeStore } from './store';
import { fakeTimers } from './testing/fakeTimers';

const PROGRAM = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n';

/** A page load: a store on this browser's storage (the saved program is the editor's text). */
function load(storage: KeyValueStore) {
  const timers = fakeTimers();
  const store = createLoopscopeStore({
    createEngine: () => ({ run: () => 0, stop: () => undefined, restart: () => undefined, dispose: () => undefined }),
    storage,
    timers,
    languages: ['en'],
    defaultSource: () => PROGRAM,
    runOptions: DEFAULT_RUN_OPTIONS,
  });
  return { store, timers };
}

describe('saved breakpoints', () => {
  it('come back after a reload, lines and events', () => {
    const storage = memoryStorage();
    const first = load(storage).store.getState();
    first.toggleBreakpoint(4);
    first.toggleEventBreakpoint({ kind: 'task-failed' });
    first.setTimeBreakpoint(2.5);
    first.toggleEventBreakpoint({ kind: 'task-runs', task: 'fetch, retry' });
    const again = load(storage).store.getState();
    expect(again.breakpointLines).toEqual([4]);
    expect(again.eventBreakpoints).toEqual([{ kind: 'task-failed' }, { kind: 'time-reached', t: 2.5 }, { kind: 'task-runs', task: 'fetch, retry' }]);
  });

  it('follow the program as it is edited: the moved lines come back with the edited text', () => {
    const storage = memoryStorage();
    const { store, timers } = load(storage);
    store.getState().toggleBreakpoint(4);
    // A line added at the top: the editor moves the dot down with its line.
    store.getState().setSource(`# note\n${PROGRAM}`);
    store.getState().setBreakpointLines([5]);
    timers.advance(1000); // the text's save
    const again = load(storage).store.getState();
    expect(again.source).toBe(`# note\n${PROGRAM}`);
    expect(again.breakpointLines).toEqual([5]);
  });

  it('belong to their program: another text, or a damaged saved value, restores none and breaks nothing', () => {
    const storage = memoryStorage();
    load(storage).store.getState().toggleBreakpoint(4);
    expect(loadSavedBreakpoints(storage, 'print("another program")\n')).toBeNull();
    expect(loadSavedBreakpoints(storage, PROGRAM)).toEqual({ lines: [4], events: [] });
    const program = programFingerprint(PROGRAM);
    for (const damaged of ['{', 'null', '[]', '"x"', JSON.stringify({ v: 2, program, params: '&bp=4' }), JSON.stringify({ v: 1, program, params: 7 }), JSON.stringify({ v: 1, program, params: '&bp=0,x&bpe=nope' })]) {
      storage.set(STORAGE_KEYS.breakpoints, damaged);
      expect(loadSavedBreakpoints(storage, PROGRAM), damaged).toBeNull();
      expect(load(storage).store.getState().breakpointLines, damaged).toEqual([]);
    }
  });
});
