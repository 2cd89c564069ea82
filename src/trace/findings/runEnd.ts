/**
 * The findings a run's end and the loop's deprecation warnings tell:
 *
 * - deadlock: the run ended with nothing ready, no timer pending and tasks still waiting
 *   (RunEnd `deadlock`); the ring of tasks awaiting each other, through awaited tasks, gathers
 *   and held Locks, when there is one;
 * - removed-api: the program stopped on an API a newer Python removed (the end's `removed-api`
 *   hint), or used one it deprecated (a `deprecated-api` warning);
 * - loop-misuse: asyncio raised because the loop was misused (the end's `misuse`).
 */
import type { AwaitTarget, TaskId } from '../../protocol/trace';
import { taskLabel } from '../describe';
import { objectsAt } from '../objects';
import type { TraceIndex } from '../types';
import { cursorStepOf, involving, lineBefore, runFacts } from './runSteps';
import type { DeadlockFinding, DeadlockWait, LoopMisuseFinding, RemovedApiFinding } from './types';

export type RunEndFinding = DeadlockFinding | RemovedApiFinding | LoopMisuseFinding;

export function runEndFindings(index: TraceIndex): readonly RunEndFinding[] {
  const found: RunEndFinding[] = [...deprecations(index)];
  const end = index.trace.end;
  const last = index.steps.length;
  if (end.kind === 'deadlock') {
    const waits: DeadlockWait[] = end.stuck.map((s) => ({ task: s.task, label: taskLabel(index.tasks, s.task), line: s.line, on: s.on }));
    const cycle = ringOf(index, waits);
    const inRing = new Set(cycle);
    const lead = waits.find((w) => inRing.has(w.task) && w.line !== null) ?? waits.find((w) => w.line !== null) ?? waits[0];
    found.push({
      kind: 'deadlock',
      severity: 'error',
      line: lead?.line ?? null,
      step: last,
      steps: [last],
      ...involving(index, [...cycle, ...waits.map((w) => w.task).filter((t) => !inRing.has(t))]),
      waits,
      cycle,
    });
  } else if (end.kind === 'exception') {
    const hint = end.hint;
    if (hint?.k === 'removed-api' && !found.some((f) => f.kind === 'removed-api' && f.api === hint.api)) {
      found.push({
        kind: 'removed-api',
        severity: 'error',
        line: end.line,
        step: last,
        steps: [last],
        ...involving(index, []),
        api: hint.api,
        version: hint.version,
        how: 'error',
      });
    }
    if (end.misuse !== undefined) {
      found.push({ kind: 'loop-misuse', severity: 'error', line: end.line, step: last, steps: [last], ...involving(index, []), misuse: end.misuse });
    }
  }
  return found;
}

/** One removed-api finding per deprecated API the program used, at its first use. */
function deprecations(index: TraceIndex): readonly RemovedApiFinding[] {
  const found = new Map<string, RemovedApiFinding>();
  for (const i of runFacts(index).warns) {
    const e = index.trace.events[i];
    if (e?.e !== 'warn' || e.kind !== 'deprecated-api' || e.api === undefined || e.version === undefined) continue;
    if (found.has(e.api)) continue;
    const step = cursorStepOf(index, i);
    found.set(e.api, {
      kind: 'removed-api',
      severity: 'warning',
      line: lineBefore(index, i),
      step,
      steps: [step],
      ...involving(index, []),
      api: e.api,
      version: e.version,
      how: 'deprecated',
    });
  }
  return [...found.values()];
}

/** The first ring in the graph "task waits for task", in the order the stuck tasks are listed. */
function ringOf(index: TraceIndex, waits: readonly DeadlockWait[]): readonly TaskId[] {
  const heldBy = waitsOnHolders(index);
  const next = new Map<TaskId, readonly TaskId[]>();
  for (const w of waits) next.set(w.task, w.on === null ? [] : awaited(w.task, w.on, heldBy));
  for (const start of waits) {
    const path: TaskId[] = [];
    const onPath = new Set<TaskId>();
    const visit = (task: TaskId): readonly TaskId[] | null => {
      if (onPath.has(task)) return path.slice(path.indexOf(task));
      if (!next.has(task)) return null;
      path.push(task);
      onPath.add(task);
      for (const t of next.get(task) ?? []) {
        const ring = visit(t);
        if (ring !== null) return ring;
      }
      path.pop();
      onPath.delete(task);
      return null;
    };
    const ring = visit(start.task);
    if (ring !== null) return ring;
  }
  return [];
}

/** The tasks whose progress `task`, waiting on `on`, waits for. */
function awaited(task: TaskId, on: AwaitTarget, heldBy: ReadonlyMap<TaskId, readonly TaskId[]>): readonly TaskId[] {
  switch (on.k) {
    case 'task':
      return [on.task];
    case 'gather':
      return on.children.filter((c): c is TaskId => c !== null);
    case 'future':
      return heldBy.get(task) ?? [];
    case 'sleep':
    case 'executor':
    case 'request':
      return [];
  }
}

/**
 * At the end of the run: for each task waiting on a Lock or Semaphore, the tasks holding it (the
 * objects' own waiter and holder lists, not the await's label, which is numbered on its own).
 */
function waitsOnHolders(index: TraceIndex): ReadonlyMap<TaskId, readonly TaskId[]> {
  const map = new Map<TaskId, TaskId[]>();
  for (const view of objectsAt(index, { step: index.steps.length })) {
    const holders = view.state.holders;
    if (holders.length === 0) continue;
    for (const waiter of view.state.waiters) map.set(waiter, [...(map.get(waiter) ?? []), ...holders.filter((h) => h !== waiter)]);
  }
  return map;
}
