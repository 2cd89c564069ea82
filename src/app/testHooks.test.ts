/** The test hooks are installed only for a page that asks for them (or in development). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/trace';
import type { EngineClient } from '../host/engineClient';
import { memoryStorage } from '../store/storage';
import { createLoopscopeStore } from '../store/store';
import { fakeTimers } from '../store/testing/fakeTimers';
import { SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE } from '../trace/fixtures/sleepOneSecond';
import { traceOf } from '../trace/fixtures/traceOf';
import { testHooksWanted } from './testHooks';
import { TEST_HOOKS_FLAG, testHooksStorageState } from './testHooksFlag';

describe('testHooksWanted', () => {
  it('is false for a learner’s page, true when the flag is stored or in development', () => {
    expect(testHooksWanted(memoryStorage(), false)).toBe(false);
    expect(testHooksWanted(memoryStorage({ 'loopscope.source': 'print(1)' }), false)).toBe(false);
    expect(testHooksWanted(memoryStorage({ [TEST_HOOKS_FLAG]: 'on' }), false)).toBe(true);
    expect(testHooksWanted(memoryStorage(), true)).toBe(true);
  });

  it('is what the e2e storage state stores', () => {
    const [origin] = testHooksStorageState('http://127.0.0.1:4173').origins;
    const stored = Object.fromEntries((origin?.localStorage ?? []).map(({ name, value }) => [name, value]));
    expect(origin?.origin).toBe('http://127.0.0.1:4173');
    expect(testHooksWanted(memoryStorage(stored), false)).toBe(true);
  });
});

describe('openTrace (what loadTrace calls)', () => {
  it('shows a trace made elsewhere at its start, through the run slice', () => {
    const engine: EngineClient = { run: () => 1, stop: () => undefined, restart: () => undefined, dispose: () => undefined };
    const store = createLoopscopeStore({
      createEngine: () => engine,
      storage: memoryStorage(),
      timers: fakeTimers(),
      languages: ['en'],
      defaultSource: () => '',
      runOptions: DEFAULT_RUN_OPTIONS,
    });
    const trace = traceOf(SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE);
    store.getState().seek({ step: 3 });
    store.getState().openTrace(trace);
    const s = store.getState();
    expect([s.phase, s.index?.trace, s.ranSource, s.cursor, s.syntaxProblem]).toEqual(['done', trace, SLEEP_ONE_SECOND_SOURCE, { step: 0 }, null]);
  });
});
