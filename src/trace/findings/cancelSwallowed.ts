/**
 * cancel-swallowed: a CancelledError thrown into a task that the task caught and went on from
 * (src/trace/cancellations' outcome `swallowed`, delivered), so whoever asked — cancel(), a
 * timeout, a TaskGroup — saw no effect. Left out: asyncio.run's own cancellations on the way
 * out (task-not-awaited covers the task) and a cancellation asyncio or the program took back
 * with Task.uncancel() after it landed (a TaskGroup does this for its parent on purpose).
 */
import type { TaskId } from '../../protocol/trace';
import { cancellations } from '../cancellations';
import type { TraceIndex } from '../types';
import { involving } from './runSteps';
import type { CancelSwallowedFinding } from './types';

export function cancelSwallowed(index: TraceIndex): readonly CancelSwallowedFinding[] {
  const found: CancelSwallowedFinding[] = [];
  const seen = new Set<string>();
  for (const c of cancellations(index)) {
    const delivered = c.delivered;
    if (c.outcome !== 'swallowed' || delivered === undefined || c.via === 'runner') continue;
    const key = `${c.target}:${delivered.step}`;
    if (seen.has(key)) continue; // requests made before one delivery share it
    seen.add(key);
    if (takenBack(index, c.target, delivered.step, c.endStep ?? index.steps.length)) continue;
    const steps = [...new Set([c.requestStep, delivered.step, c.endStep ?? delivered.step])].sort((a, b) => a - b);
    found.push({
      kind: 'cancel-swallowed',
      severity: 'warning',
      line: delivered.line,
      step: delivered.step,
      steps,
      ...involving(index, c.by !== null && c.by !== c.target ? [c.target, c.by] : [c.target]),
      task: c.target,
      via: c.via,
      requestLine: c.line,
      by: c.by,
    });
  }
  return found;
}

/** An `uncancel` of `task` from the delivery's step to the step that decided the outcome. */
function takenBack(index: TraceIndex, task: TaskId, fromStep: number, toStep: number): boolean {
  const events = index.trace.events;
  const from = index.steps[fromStep - 1]?.firstEvent ?? 0;
  const to = index.steps[Math.min(toStep, index.steps.length) - 1]?.endEvent ?? events.length;
  for (let i = from; i < to; i++) {
    const e = events[i];
    if (e?.e === 'uncancel' && e.task === task) return true;
  }
  return false;
}
