/**
 * What one row of the cancellations panel says, as pure functions: where the cursor stands in
 * the cancellation's story, and its words (requester → target, via, cause, outcome).
 */
import type { TaskId } from '../protocol/trace';
import type { Cancellation } from '../trace/types';
import type { ViewStrings } from '../i18n/views';

/**
 * Where the cursor is in one cancellation's story:
 * - future: not asked yet (drawn dimmed);
 * - requested: cancel() was called, the CancelledError waits for the task's next step;
 * - delivered: the CancelledError was thrown into the task, which has not finished yet;
 * - settled: the task ended, so the outcome is what happened.
 */
export type CancellationPhase = 'future' | 'requested' | 'delivered' | 'settled';

export function cancellationPhase(c: Cancellation, step: number): CancellationPhase {
  if (step < c.requestStep) return 'future';
  if (c.delivered === undefined || step < c.delivered.step) return 'requested';
  if (c.endStep === undefined || step < c.endStep) return 'delivered';
  return 'settled';
}

export interface CancellationWords {
  readonly requester: string;
  readonly target: string;
  readonly via: string;
  /** What set it off, when the trace knows (TaskGroup child that failed, awaiter cancelled). */
  readonly cause?: string;
  readonly outcome: string;
}

export function cancellationWords(
  c: Cancellation,
  taskName: (id: TaskId) => string,
  text: ViewStrings['cancellations'],
): CancellationWords {
  const words = {
    requester: c.by === null ? text.noTask(c.via) : taskName(c.by),
    target: taskName(c.target),
    via: text.via[c.via],
    outcome: text.outcome[c.outcome],
  };
  return c.cause === undefined ? words : { ...words, cause: text.cause(c.via, taskName(c.cause)) };
}

/** How many rows the panel draws at once: a runaway cancel loop can ask thousands of times. */
export const CANCELLATIONS_SHOWN = 100;

export interface RowWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * Which rows to draw, `[start, end)`, of cancellations sorted by request step: at most `size`,
 * centred on the last one asked by `step`, so the rows the cursor is in the middle of are there.
 */
export function cancellationWindow(
  all: readonly Pick<Cancellation, 'requestStep'>[],
  step: number,
  size: number = CANCELLATIONS_SHOWN,
): RowWindow {
  if (all.length <= size) return { start: 0, end: all.length };
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((all[mid] as Pick<Cancellation, 'requestStep'>).requestStep <= step) lo = mid + 1;
    else hi = mid;
  }
  const start = Math.min(Math.max(0, lo - Math.floor(size / 2)), all.length - size);
  return { start, end: start + size };
}
