import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS, type RunOptions, type RunResult } from '../protocol/trace';
import { SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE } from '../trace/fixtures/sleepOneSecond';
import { traceOf } from '../trace/fixtures/traceOf';
import type { EngineClient, EngineEvent } from '../host/engineClient';
import { loopStateAt, selectStatus, selectTotalSteps, selectTraceIsStale } from './selectors';
import { memoryStorage, STORAGE_KEYS } from './storage';
import { createLoopscopeStore } from './store';
import { fakeTimers } from './testing/fakeTimers';
import { SAVE_DEBOUNCE_MS } from './editorSlice';

/** A store over a fake engine whose events the test emits by hand. */
function setup(saved: Record<string, string> = {}, languages: readonly string[] = ['en-US']) {
  const timers = fakeTimers();
  const storage = memoryStorage(saved);
  const runs: string[] = [];
  const options: RunOptions[] = [];
  let stops = 0;
  let emit: (e: EngineEvent) => void = () => undefined;
  const engine: EngineClient = {
    run: (source, runOptions) => {
      runs.push(source);
      options.push(runOptions);
      return runs.length;
    },
    stop: () => {
      stops += 1;
    },
    restart: () => undefined,
    dispose: () => undefined,
  };
  const store = createLoopscopeStore({
    createEngine: (onEvent) => {
      emit = onEvent;
      return engine;
    },
    storage,
    timers,
    languages,
    defaultSource: () => 'DEFAULT',
    runOptions: DEFAULT_RUN_OPTIONS,
  });
  store.getState().startEngine();
  return { store, storage, timers, runs, options, stops: () => stops, emit: (e: EngineEvent) => emit(e) };
}

const sleepTrace: RunResult = { kind: 'trace', trace: traceOf(SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE) };

function runToDone(t: ReturnType<typeof setup>, result: RunResult = sleepTrace): void {
  t.emit({ type: 'ready', pythonVersion: '3.14.2', bootMs: 1 });
  t.store.getState().run();
  t.emit({ type: 'result', runId: t.runs.length, result, runMs: 1 });
}

describe('editor slice', () => {
  it('opens the saved text, else the default example', () => {
    expect(setup().store.getState().source).toBe('DEFAULT');
    expect(setup({ [STORAGE_KEYS.source]: 'saved' }).store.getState().source).toBe('saved');
  });

  it('saves the text a moment after typing stops', () => {
    const { store, storage, timers } = setup();
    store.getState().setSource('a');
    store.getState().setSource('ab');
    expect(storage.get(STORAGE_KEYS.source)).toBeNull();
    timers.advance(SAVE_DEBOUNCE_MS);
    expect(storage.get(STORAGE_KEYS.source)).toBe('ab');
  });
});

describe('prefs slice', () => {
  it('picks the language from the browser, then remembers the choice', () => {
    const t = setup({}, ['zh-CN', 'en']);
    expect(t.store.getState().lang).toBe('zh');
    t.store.getState().setLang('en');
    expect(setup({ [STORAGE_KEYS.lang]: t.storage.get(STORAGE_KEYS.lang) ?? '' }, ['zh-CN']).store.getState().lang).toBe('en');
  });
});

describe('run slice', () => {
  it('goes booting → ready → running → done, and a run waits for the boot', () => {
    const t = setup();
    expect(selectStatus(t.store.getState())).toBe('booting');
    t.store.getState().run();
    expect(selectStatus(t.store.getState())).toBe('running');
    expect(t.store.getState().runQueued).toBe(true);
    t.emit({ type: 'ready', pythonVersion: '3.14.2', bootMs: 1 });
    t.emit({ type: 'started', runId: 1 });
    expect(t.store.getState().runQueued).toBe(false);
    t.emit({ type: 'result', runId: 1, result: sleepTrace, runMs: 1 });
    const s = t.store.getState();
    expect(selectStatus(s)).toBe('done');
    expect(s.cursor).toEqual({ step: 0 });
    expect(selectTotalSteps(s)).toBeGreaterThan(0);
  });

  it('ends in error with the problem when the program does not parse', () => {
    const t = setup();
    runToDone(t, {
      kind: 'syntax-error',
      problem: { type: 'SyntaxError', message: 'invalid syntax', line: 2, column: 5, text: '...' },
    });
    expect(selectStatus(t.store.getState())).toBe('error');
    expect(t.store.getState().syntaxProblem?.line).toBe(2);
    expect(t.store.getState().index).toBeNull();
  });

  it('opens a shared program: sets the text, runs it, then seeks to its step', () => {
    const t = setup();
    t.store.getState().openSharedProgram({ source: SLEEP_ONE_SECOND_SOURCE, step: 2 });
    expect(t.store.getState().source).toBe(SLEEP_ONE_SECOND_SOURCE);
    expect(t.runs).toEqual([SLEEP_ONE_SECOND_SOURCE]);
    t.emit({ type: 'ready', pythonVersion: '3.14.2', bootMs: 1 });
    t.emit({ type: 'result', runId: 1, result: sleepTrace, runMs: 1 });
    expect(t.store.getState().cursor).toEqual({ step: 2 });
  });

  it('runs as Python 3.13 would when asked, keeps to it for later runs, and goes back to 3.14', () => {
    const t = setup();
    runToDone(t);
    expect(t.options[0]).toBe(DEFAULT_RUN_OPTIONS);
    t.store.getState().runAs('3.13');
    expect(t.options[1]).toEqual({ ...DEFAULT_RUN_OPTIONS, compat: '3.13' });
    t.emit({ type: 'result', runId: 2, result: sleepTrace, runMs: 1 });
    t.store.getState().run();
    expect(t.options[2]?.compat).toBe('3.13');
    t.emit({ type: 'result', runId: 3, result: sleepTrace, runMs: 1 });
    t.store.getState().runAs(null);
    expect(t.options[3]).toBe(DEFAULT_RUN_OPTIONS);
  });

  it('opens a shared program with compat=3.13 as Python 3.13 would, and one without as 3.14', () => {
    const t = setup();
    t.store.getState().openSharedProgram({ source: SLEEP_ONE_SECOND_SOURCE, compat: '3.13' });
    expect(t.store.getState().compat).toBe('3.13');
    expect(t.options[0]?.compat).toBe('3.13');
    t.emit({ type: 'ready', pythonVersion: '3.14.2', bootMs: 1 });
    t.emit({ type: 'result', runId: 1, result: sleepTrace, runMs: 1 });
    t.store.getState().openSharedProgram({ source: SLEEP_ONE_SECOND_SOURCE });
    expect(t.store.getState().compat).toBeNull();
    expect(t.options[1]).toBe(DEFAULT_RUN_OPTIONS);
  });

  it('shows the partial trace a restart carries for the run it ended, and says so', () => {
    const t = setup();
    t.emit({ type: 'ready', pythonVersion: '3.14.2', bootMs: 1 });
    t.store.getState().run();
    t.store.getState().stop();
    expect(t.stops()).toBe(1);
    // As the real client sends it: the run the restart ended comes inside the restart.
    t.emit({ type: 'restarted', reason: 'stopped', detail: 'no answer to the interrupt', run: { runId: 1, result: sleepTrace, runMs: 1 } });
    const s = t.store.getState();
    expect(s.phase).toBe('done');
    expect(s.engineStatus).toBe('booting');
    expect(s.index?.trace).toBe(sleepTrace.kind === 'trace' ? sleepTrace.trace : null);
    expect(s.notices).toEqual([expect.objectContaining({ kind: 'stopped-restarted', run: 'kept' })]);
    s.dismissNotice(s.notices[0]?.id ?? -1);
    expect(t.store.getState().notices).toEqual([]);
  });

  it('says the engine restarted without promising a trace when no run was going on', () => {
    const t = setup();
    runToDone(t);
    const index = t.store.getState().index;
    t.emit({ type: 'restarted', reason: 'crashed', detail: 'RangeError', run: null });
    const s = t.store.getState();
    expect(s.index).toBe(index);
    expect(s.notices).toEqual([expect.objectContaining({ kind: 'crashed', detail: 'RangeError', run: 'none' })]);
  });

  it('restarts quietly for a fresh engine (after the memory limit)', () => {
    const t = setup();
    runToDone(t);
    t.emit({ type: 'restarted', reason: 'retry', detail: 'a fresh engine after the memory limit', run: null });
    expect(t.store.getState().notices).toEqual([]);
    expect(t.store.getState().phase).toBe('done');
  });

  it('ignores the result of a run it no longer waits for', () => {
    const t = setup();
    runToDone(t);
    const index = t.store.getState().index;
    t.emit({ type: 'result', runId: 99, result: sleepTrace, runMs: 1 });
    expect(t.store.getState().index).toBe(index);
  });

  it('knows when the editor text no longer matches the trace', () => {
    const t = setup({ [STORAGE_KEYS.source]: SLEEP_ONE_SECOND_SOURCE });
    runToDone(t);
    expect(selectTraceIsStale(t.store.getState())).toBe(false);
    t.store.getState().setSource(`${SLEEP_ONE_SECOND_SOURCE}# edit\n`);
    expect(selectTraceIsStale(t.store.getState())).toBe(true);
  });
});

describe('playback slice', () => {
  it('steps forward and back, and clamps at both ends', () => {
    const t = setup();
    runToDone(t);
    const total = selectTotalSteps(t.store.getState());
    t.store.getState().stepBack('step');
    expect(t.store.getState().cursor.step).toBe(0);
    t.store.getState().stepForward('step');
    expect(t.store.getState().cursor.step).toBe(1);
    t.store.getState().jumpEnd();
    t.store.getState().stepForward('step');
    expect(t.store.getState().cursor.step).toBe(total);
    t.store.getState().seek({ step: total + 50 });
    expect(t.store.getState().cursor.step).toBe(total);
  });

  it('plays one step per tick at the chosen speed and stops at the end', () => {
    const t = setup();
    runToDone(t);
    const total = selectTotalSteps(t.store.getState());
    t.store.getState().setSpeed(10);
    t.store.getState().play();
    t.timers.advance(100);
    expect(t.store.getState().cursor.step).toBe(1);
    t.timers.advance(100 * total);
    expect(t.store.getState().cursor.step).toBe(total);
    expect(t.store.getState().playing).toBe(false);
    expect(t.timers.pending()).toBe(0);
  });

  it('pauses when the learner steps by hand', () => {
    const t = setup();
    runToDone(t);
    t.store.getState().play();
    t.store.getState().stepForward('line');
    expect(t.store.getState().playing).toBe(false);
  });

  it('derives the loop state at the cursor, once per cursor', () => {
    const t = setup();
    runToDone(t);
    t.store.getState().seek({ step: 1 });
    const { index, cursor } = t.store.getState();
    if (!index) throw new Error('no trace');
    const state = loopStateAt(index, cursor);
    expect(state.step).toBe(1);
    expect(loopStateAt(index, { step: 1 })).toBe(state);
  });
});
