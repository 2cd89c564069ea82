/**
 * cancel-swallowed: a task asked to cancel got its CancelledError (a step that resumed it with
 * one, after a cancel() of that very task) and then carried on: it finished normally, or was
 * cancelled again later (so the first one evidently did nothing). Whoever asked — cancel(), a
 * timeout, a TaskGroup — saw no effect.
 *
 * Not a finding: a cancellation taken back with Task.uncancel() after it landed (asyncio.timeout,
 * wait_for and TaskGroup do this on purpose), one that ended the task cancelled or raising
 * something else, asyncio.run's own cancellations on the way out (task-not-awaited covers the
 * task), a CancelledError that came from an awaited task being cancelled (the awaiting task was
 * not asked: catching it is how cancel-cleanup.py collects the cancelled task), and a run that
 * ended before the task did (it may still have re-raised after its cleanup).
 */
import type { Line, TaskId, TraceEvent } from '../../protocol/trace';
import type { TraceIndex } from '../types';
import { involving, runFacts } from './runSteps';
import { stepsByTask, type TaskStep } from './taskSteps';
import type { CancelSwallowedFinding } from './types';

type Cancel = Extract<TraceEvent, { e: 'cancel' }>;

export function cancelSwallowed(index: TraceIndex): readonly CancelSwallowedFinding[] {
  const events = index.trace.events;
  const facts = runFacts(index);
  if (facts.cancels.length === 0) return [];
  const cancelsOf = new Map<TaskId, number[]>();
  for (const i of facts.cancels) {
    const task = (events[i] as Cancel).task;
    cancelsOf.set(task, [...(cancelsOf.get(task) ?? []), i]);
  }
  const uncancelsOf = new Map<TaskId, number[]>();
  for (const i of facts.uncancels) {
    const e = events[i];
    if (e?.e === 'uncancel') uncancelsOf.set(e.task, [...(uncancelsOf.get(e.task) ?? []), i]);
  }
  const found: CancelSwallowedFinding[] = [];
  const byTask = stepsByTask(index);
  for (const [task, asked] of cancelsOf) {
    const steps = byTask.get(task) ?? [];
    // The deliveries: steps resumed with CancelledError after a request since the task's last step.
    const deliveries: { step: TaskStep; request: Cancel; line: Line | null; at: number }[] = [];
    let prevEnd = 0;
    for (let k = 0; k < steps.length; k++) {
      const s = steps[k] as TaskStep;
      const info = index.steps[s.step - 1];
      if (info === undefined) continue;
      if (info.delivered === 'CancelledError') {
        const since = asked.filter((i) => i >= prevEnd && i < info.firstEvent);
        const last = since[since.length - 1];
        if (last !== undefined) deliveries.push({ step: s, request: events[last] as Cancel, line: steps[k - 1]?.line ?? null, at: info.firstEvent });
      }
      prevEnd = info.firstEvent;
    }
    const end = index.tasks[task - 1]?.end;
    deliveries.forEach((d, n) => {
      if (d.request.via === 'runner') return;
      const next = deliveries[n + 1];
      const decidedAt = next?.at ?? (end !== undefined ? index.steps[end.step - 1]?.endEvent : undefined);
      if (decidedAt === undefined) return; // the run ended first
      if ((uncancelsOf.get(task) ?? []).some((i) => i > d.at && i < decidedAt)) return;
      if (next === undefined && end?.outcome !== 'result') return;
      const by = d.request.by;
      const endStep = next?.step.step ?? end?.step ?? d.step.step;
      found.push({
        kind: 'cancel-swallowed',
        severity: 'warning',
        line: d.line,
        step: d.step.step,
        steps: [...new Set([d.step.step, endStep])].sort((a, b) => a - b),
        ...involving(index, by !== null && by !== task ? [task, by] : [task]),
        task,
        via: d.request.via,
        requestLine: d.request.l,
        by,
      });
    });
  }
  return found;
}
