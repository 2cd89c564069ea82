/**
 * sequential-awaits: one task awaiting waits one after another while the loop had nothing else
 * to do, where starting them together (gather, a TaskGroup) would have overlapped them.
 *
 * A wait counts when it is a simulated request, or a sleep inside a coroutine the task awaited
 * (a `fetch()` pretending to do I/O; a bare `await asyncio.sleep` in the task's own body is
 * pacing, not work). Waits chain when the task's wake-up from one went straight into the next,
 * through a new call from the outer coroutine (its line ran again: not one helper looping), with
 * no other step in between (the loop sat idle) and nothing printed (printing in between makes
 * the order part of what the program shows: one by one may be the point, as in hello.py).
 *
 * The trace cannot tell whether one wait needed the result of the one before, so a chain must
 * be at least three waits long, and save at least 0.1 s: `sooner` = their sum − the longest.
 */
import type { Line, Seconds, TaskId } from '../../protocol/trace';
import type { TraceIndex } from '../types';
import { round } from './blockingCall';
import { involving, taskServed } from './runSteps';
import { stepsByTask, type TaskStep } from './taskSteps';
import type { SequentialAwaitsFinding } from './types';

export const MIN_WAITS = 3;
export const MIN_SOONER: Seconds = 0.1;

interface Wait {
  readonly from: TaskStep; // the step that suspended
  readonly to: TaskStep; // the step it woke in
  readonly outerLine: Line | null;
}

export function sequentialAwaits(index: TraceIndex): readonly SequentialAwaitsFinding[] {
  const found: SequentialAwaitsFinding[] = [];
  for (const [task, steps] of stepsByTask(index)) {
    let chain: Wait[] = [];
    const close = (): void => {
      if (chain.length >= MIN_WAITS) {
        const finding = findingOf(index, task, chain);
        if (finding !== null) found.push(finding);
      }
      chain = [];
    };
    for (let i = 0; i + 1 < steps.length; i++) {
      const from = steps[i] as TaskStep;
      const to = steps[i + 1] as TaskStep;
      const wait = waitOf(index, task, from, to);
      if (wait === null) {
        close();
        continue;
      }
      const prev = chain[chain.length - 1];
      if (prev !== undefined && !(prev.to.step === from.step && !from.printed && newCallIn(index, from, wait.outerLine))) close();
      chain.push(wait);
    }
    close();
  }
  return found;
}

function findingOf(index: TraceIndex, task: TaskId, chain: readonly Wait[]): SequentialAwaitsFinding | null {
  const times = chain.map((w) => w.to.t - w.from.t);
  const taken = times.reduce((a, b) => a + b, 0);
  const sooner = taken - Math.max(...times);
  if (sooner < MIN_SOONER - 1e-9) return null;
  const first = chain[0] as Wait;
  const lines = chain.map((w) => w.outerLine).filter((l): l is Line => l !== null);
  return {
    kind: 'sequential-awaits',
    severity: 'info',
    line: first.outerLine,
    step: first.from.step,
    steps: chain.map((w) => w.from.step),
    ...involving(index, [task]),
    task,
    waits: chain.length,
    lines,
    secondsTaken: round(taken),
    sooner: round(sooner),
  };
}

/** The wait between two steps of `task`, when it is one that could have overlapped others. */
function waitOf(index: TraceIndex, task: TaskId, from: TaskStep, to: TaskStep): Wait | null {
  if (from.end !== 'suspend' || from.on === undefined) return null;
  const on = from.on;
  const inHelper = from.stack !== undefined && from.stack.length >= 2;
  const io = on.k === 'request' ? on.queued !== true : on.k === 'sleep' && inHelper;
  if (!io) return null;
  // Idle: every step between was the timer of this very wait.
  for (let s = from.step + 1; s < to.step; s++) {
    const info = index.steps[s - 1];
    if (info === undefined || info.task !== null || taskServed(info.target) !== task) return null;
  }
  const outerLine = from.stack?.[0]?.[1] ?? from.line;
  return { from, to, outerLine };
}

/** The step ran the outer coroutine's line `line` (a new call from there), not only the helper's. */
function newCallIn(index: TraceIndex, step: TaskStep, line: Line | null): boolean {
  if (line === null) return false;
  const events = index.trace.events;
  const info = index.steps[step.step - 1];
  if (info === undefined) return false;
  return info.lineEvents.some((i) => {
    const e = events[i];
    return e?.e === 'line' && e.l === line;
  });
}
