/**
 * Running programs: the engine's status, the last run's trace (indexed once, here) and the
 * notices about things that went wrong outside the learner's program.
 */
import type { RunResult, Trace } from '../protocol/trace';
import { clampCursor, indexTrace } from '../trace';
import type { EngineClient, EngineEvent } from '../host/engineClient';
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

  /** Show the result of run `runId` if it is the one we wait for; true when shown. */
  function showResult(runId: number, result: RunResult): boolean {
    if (runId !== currentRunId) return false;
    currentRunId = null;
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
      return true;
    }
    showTrace(result.trace);
    return true;
  }

  function onEngineEvent(event: EngineEvent): void {
    switch (event.type) {
      case 'booting':
        set({ engineStatus: 'booting', bootProgress: null });
        return;
      case 'boot-progress':
        set({ bootProgress: { stage: event.stage, downloads: event.downloads } });
        return;
      case 'ready':
        set({ engineStatus: 'ready', pythonVersion: event.pythonVersion, bootProgress: null });
        return;
      case 'started':
        if (event.runId === currentRunId) set({ runQueued: false });
        return;
      case 'result':
        showResult(event.runId, event.result);
        return;
      case 'run-cancelled':
        if (event.runId !== currentRunId) return;
        currentRunId = null;
        set((s) => ({ phase: s.index ? 'done' : 'idle', runQueued: false, pendingSeek: null }));
        return;
      case 'restarted': {
        set({ engineStatus: 'booting', bootProgress: null });
        // The run the restart ended comes with its partial trace: shown like any result.
        const run = event.run !== null && showResult(event.run.runId, event.run.result) ? 'kept' : 'none';
        switch (event.reason) {
          case 'stopped':
          case 'watchdog':
            addNotice({ kind: 'stopped-restarted', run });
            return;
          case 'crashed':
            addNotice({ kind: 'crashed', detail: event.detail, run });
            return;
          case 'died':
            addNotice({ kind: 'worker-died', run });
            return;
          case 'retry':
            // Asked for (or after the memory limit, which the run's end already says): quietly.
            return;
        }
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
    bootProgress: null,
    pythonVersion: '',
    phase: 'idle',
    runQueued: false,
    index: null,
    ranSource: null,
    syntaxProblem: null,
    notices: [],
    pendingSeek: null,
    compat: null,
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
      const compat = get().compat;
      currentRunId = engine.run(get().source, compat === null ? deps.runOptions : { ...deps.runOptions, compat });
    },
    runAs(compat) {
      if (get().phase === 'running') return;
      set({ compat });
      get().run();
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
      set({
        pendingSeek: program.step === undefined ? null : { step: program.step, line: program.line },
        compat: program.compat ?? null,
      });
      get().run();
    },
    addNotice,
    dismissNotice(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
  };
}
