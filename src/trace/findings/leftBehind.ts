/**
 * Work a program started and then lost sight of, from the loop's and Python's own warnings and
 * from what asyncio.run cancelled on its way out:
 *
 * - never-awaited: CPython's "coroutine ... was never awaited" (a `warn` event the engine tags
 *   with the coroutine's name and the line that made it);
 * - exception-never-retrieved: asyncio's "Task exception was never retrieved";
 * - task-not-awaited: a task still pending when asyncio.run ended (the runner cancelled it), or
 *   freed while pending ("Task was destroyed but it is pending!"). A task whose exception went
 *   unseen is an exception-never-retrieved finding, not this one too.
 */
import type { Line, TaskId } from '../../protocol/trace';
import type { TraceIndex } from '../types';
import { cursorStepOf, involving, runFacts } from './runSteps';
import type { ExceptionNeverRetrievedFinding, NeverAwaitedFinding, TaskNotAwaitedFinding } from './types';

export type LeftBehindFinding = NeverAwaitedFinding | ExceptionNeverRetrievedFinding | TaskNotAwaitedFinding;

export function leftBehind(index: TraceIndex): readonly LeftBehindFinding[] {
  const events = index.trace.events;
  const found: LeftBehindFinding[] = [];
  const reported = new Set<TaskId>();
  const firstStep = new Map<TaskId, number>(); // each task's first step
  // asyncio raised for a misused loop (asyncio.run inside a loop): the coroutine it was handed
  // was never awaited because of that, and loop-misuse already says so at that line.
  const end = index.trace.end;
  const misuseLine: Line | null = end.kind === 'exception' && end.misuse !== undefined ? end.line : null;
  const createdLine = (task: TaskId): Line | null => index.tasks[task - 1]?.createdLine ?? null;

  for (const step of index.steps) if (step.task !== null && !firstStep.has(step.task)) firstStep.set(step.task, step.step);
  const started = (task: TaskId, step: number): boolean => (firstStep.get(task) ?? Infinity) < step;
  const facts = runFacts(index);
  const watched = [...facts.warns, ...facts.cancels].sort((a, b) => a - b);
  for (const i of watched) {
    const e = events[i];
    if (e === undefined) continue;
    const step = cursorStepOf(index, i);
    if (e.e === 'warn') {
      switch (e.kind) {
        case 'never-awaited': {
          if (e.coro === undefined) break; // an older trace: no name to point at
          const line = e.l ?? null;
          if (line !== null && line === misuseLine) break;
          found.push({
            kind: 'never-awaited',
            severity: 'warning',
            line,
            step,
            steps: [step],
            ...involving(index, []),
            coro: e.coro,
            name: calledName(e.coro),
          });
          break;
        }
        case 'never-retrieved': {
          const task = e.task ?? null;
          if (task !== null) {
            if (reported.has(task)) break;
            reported.add(task);
          }
          const info = task === null ? undefined : index.tasks[task - 1];
          found.push({
            kind: 'exception-never-retrieved',
            severity: 'error',
            line: task === null ? null : createdLine(task),
            step,
            steps: info?.end !== undefined && info.end.step !== step ? [info.end.step, step].sort((a, b) => a - b) : [step],
            ...involving(index, task === null ? [] : [task]),
            task,
            exc: info?.end?.exc ?? null,
          });
          break;
        }
        case 'pending-destroyed':
          if (e.task !== undefined && !reported.has(e.task)) {
            reported.add(e.task);
            found.push(notAwaited(index, e.task, 'destroyed', started(e.task, step), step));
          }
          break;
        case 'callback-error':
        case 'deprecated-api':
          break;
      }
    } else if (e.e === 'cancel' && e.via === 'runner') {
      const info = index.tasks[e.task - 1];
      if (info !== undefined && !info.internal && !reported.has(e.task)) {
        reported.add(e.task);
        found.push(notAwaited(index, e.task, 'cancelled-at-exit', started(e.task, step), step));
      }
    }
  }
  return found;
}

function notAwaited(
  index: TraceIndex,
  task: TaskId,
  how: TaskNotAwaitedFinding['how'],
  started: boolean,
  step: number,
): TaskNotAwaitedFinding {
  const info = index.tasks[task - 1];
  const created = info?.createdStep ?? step;
  return {
    kind: 'task-not-awaited',
    severity: 'warning',
    line: info?.createdLine ?? null,
    step,
    steps: created < step ? [created, step] : [step],
    ...involving(index, [task]),
    task,
    how,
    started,
  };
}

/** The name a call of the coroutine's function shows on its line: `save` for "Worker.save". */
export function calledName(coro: string): string {
  const dot = coro.lastIndexOf('.');
  return dot < 0 ? coro : coro.slice(dot + 1);
}
