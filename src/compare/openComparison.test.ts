import { describe, expect, it } from 'vitest';
import type { EngineClient, EngineEvent } from '../host/engineClient';
import { DEFAULT_RUN_OPTIONS, type RunResult } from '../protocol/trace';
import { memoryStorage } from '../store/storage';
import { createLoopscopeStore } from '../store/store';
import { fakeTimers } from '../store/testing/fakeTimers';
import { SLEEP_ONE_SECOND_EVENTS } from '../trace/fixtures/sleepOneSecond';
import { traceOf } from '../trace/fixtures/traceOf';
import { openComparison } from './openComparison';

function setup() {
  const runs: string[] = [];
  let emit: (e: EngineEvent) => void = () => undefined;
  const engine: EngineClient = {
    run: (source) => runs.push(source),
    stop: () => undefined,
    restart: () => undefined,
    dispose: () => undefined,
  };
  const store = createLoopscopeStore({
    createEngine: (onEvent) => {
      emit = onEvent;
      return engine;
    },
    storage: memoryStorage({}),
    timers: fakeTimers(),
    languages: ['en'],
    defaultSource: () => 'DEFAULT',
    runOptions: DEFAULT_RUN_OPTIONS,
  });
  store.getState().startEngine();
  emit({ type: 'ready', pythonVersion: '3.14.2', bootMs: 1 });
  const finish = (result: RunResult) => emit({ type: 'result', runId: runs.length, result, runMs: 1 });
  return { store, runs, finish };
}

const PINNED = '# sequential\n';
const MAIN = '# gather\n';
const traceFor = (source: string): RunResult => ({ kind: 'trace', trace: traceOf(SLEEP_ONE_SECOND_EVENTS, source) });

describe('openComparison', () => {
  it('runs the pinned program, pins its run, then runs the main program and seeks to its step', () => {
    const { store, runs, finish } = setup();
    openComparison(store, PINNED, { source: MAIN, step: 2 });
    expect(runs).toEqual([PINNED]);
    finish(traceFor(PINNED));
    expect(store.getState().pinned?.index.trace.source).toBe(PINNED);
    expect(runs).toEqual([PINNED, MAIN]);
    finish(traceFor(MAIN));
    const s = store.getState();
    expect(s.source).toBe(MAIN);
    expect(s.index?.trace.source).toBe(MAIN);
    expect(s.cursor.step).toBe(2);
    expect(s.pinned?.index.trace.source).toBe(PINNED);
  });

  it('still opens the main program when the pinned one has a syntax error, with nothing pinned', () => {
    const { store, runs, finish } = setup();
    openComparison(store, PINNED, { source: MAIN });
    finish({ kind: 'syntax-error', problem: { type: 'SyntaxError', message: 'invalid syntax', line: 1, column: 1, text: '' } });
    expect(store.getState().pinned).toBeNull();
    expect(runs).toEqual([PINNED, MAIN]);
    finish(traceFor(MAIN));
    expect(store.getState().index?.trace.source).toBe(MAIN);
  });
});

describe('compare slice', () => {
  it('pins only a finished run, and unpins', () => {
    const { store, finish } = setup();
    store.getState().pin();
    expect(store.getState().pinned).toBeNull();
    store.getState().setSource(PINNED);
    store.getState().run();
    store.getState().pin();
    expect(store.getState().pinned).toBeNull();
    finish(traceFor(PINNED));
    store.getState().pin();
    expect(store.getState().pinned?.index).toBe(store.getState().index);
    store.getState().unpin();
    expect(store.getState().pinned).toBeNull();
  });
});
