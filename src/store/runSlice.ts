/**
 * Running programs: the engine's status, the last run's trace (indexed once, here) and the
 * notices about things that went wrong outside the learner's program.
 */
import type { Trace } from '../protocol/trace';
import { clampCursor, indexTrace } from '../trace';
import type { EngineClient, EngineEvent } from './engineClient';
import { START } from './playbackSlice';
import type { GetState, NoticeInput, RunSlice, SetState, StoreDeps } from './types';

export function createRunSlice(set: SetState, get: GetState, deps: StoreDeps): RunSlice {
  let engine: EngineClient | null = null;
  /** The run whose result we wait for; results of older runs are dropped. */
  let currentRunId: number | null = null;
  let nextNoticeId = 1;

  function addNotice(notice: NoticeInput): void {
    const id = nextNoticeId++;
    // One notice of a kind at a time: a second crash replaces the first message.
    set((s) => ({ notices: [...s.notices.filter((n) => n.kind !== notice.kind), { ...notice, id }] }));
  }

  /** Show a trace at the cursor a share link asked for, else at the start. */
  function showTrace(trace: Trace): void {
    const index = indexTrace(trace);
    const wanted = get().pendingSeek;
    set({
      phase: 'done',
      runQueued: false,
      index,
      syntaxProblem: null,
      ranSource: trace.source,
      cursor: wanted ? clampCursor(index, wanted) : START,
      pendingSeek: null,
    });
  }

  /** True while handling the event right after a result: a restart then means that result was a kill's partial trace. */
  let afterResult = false;

  function onEngineEvent(event: EngineEvent): void {
    const resultJustBefore = afterResult;
    afterResult = event.type === 'result';
    switch (event.type) {
      case 'booting':
        set({ engineStatus: 'booting' });
        return;
      case 'ready':
        set({ engineStatus: 'ready', pythonVersion: event.pythonVersion });
        return;
      case 'started':
        if (event.runId === currentRunId) set({ runQueued: false });
        return;
      case 'result': {
        if (event.runId !== currentRunId) return;
        currentRunId = null;
        const { result } = event;
        get().pause();
        if (result.kind === 'syntax-error') {
          set({
            phase: 'error',
            runQueued: false,
            index: null,
            syntaxProblem: result.problem,
            ranSource: get().source,
            cursor: START,
            pendingSeek: null,
          });
          return;
        }
        showTrace(result.trace);
        return;
      }
      case 'run-cancelled':
        if (event.runId !== currentRunId) return;
        currentRunId = null;
        set((s) => ({ phase: s.index ? 'done' : 'idle', runQueued: false, pendingSeek: null }));
        return;
      case 'restarted': {
        set({ engineStatus: 'booting' });
        const lost = event.lostRunId !== null && event.lostRunId === currentRunId;
        if (lost) {
          currentRunId = null;
          // The run ended without a trace: the previous trace would not match what was run.
          set({ phase: 'error', runQueued: false, index: null, cursor: START, pendingSeek: null });
        }
        const run = lost ? 'lost' : resultJustBefore ? 'kept' : 'none';
        if (event.reason === 'stopped') addNotice({ kind: 'stopped-restarted', run });
        else if (event.reason === 'crashed') addNotice({ kind: 'crashed', detail: event.detail, run });
        else if (event.reason === 'died') addNotice({ kind: 'worker-died', run });
        return;
      }
      case 'boot-failed':
        set({ engineStatus: 'failed' });
        if (currentRunId !== null) set({ phase: 'error', runQueued: false });
        currentRunId = null;
        addNotice({ kind: 'boot-failed', detail: event.detail });
        return;
      default: {
        const unknownEvent: never = event;
        throw new Error(`unexpected engine event ${JSON.stringify(unknownEvent)}`);
      }
    }
  }

  return {
    engineStatus: 'booting',
    pythonVersion: '',
    phase: 'idle',
    runQueued: false,
    index: null,
    ranSource: null,
    syntaxProblem: null,
    notices: [],
    pendingSeek: null,
    openTrace(trace) {
      // A run still going would replace this trace when it ends: its result is dropped instead.
      currentRunId = null;
      get().pause();
      set({ pendingSeek: null });
      showTrace(trace);
    },
    startEngine() {
      engine ??= deps.createEngine(onEngineEvent);
    },
    run() {
      if (get().phase === 'running') return;
      get().startEngine();
      if (!engine) return;
      get().flushSave();
      set({ phase: 'running', runQueued: get().engineStatus !== 'ready' });
      currentRunId = engine.run(get().source, deps.runOptions);
    },
    stop() {
      if (get().phase !== 'running') return;
      engine?.stop();
    },
    retryEngine() {
      set((s) => ({ engineStatus: 'booting', notices: s.notices.filter((n) => n.kind !== 'boot-failed') }));
      engine?.restart();
    },
    openSharedProgram(program) {
      get().setSource(program.source);
      get().flushSave();
      set({ pendingSeek: program.step === undefined ? null : { step: program.step, line: program.line } });
      get().run();
    },
    addNotice,
    dismissNotice(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
  };
}
