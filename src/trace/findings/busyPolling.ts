/**
 * busy-polling: a task that, for most of its wake-ups, woke itself at the same line — sleep(0)
 * or a sleep of at most 0.1 s — and did nothing anyone could see before going back to sleep:
 * no output, no task made, no asyncio object changed. That is a loop checking a flag; an Event,
 * a Condition or a Queue would wake it once, when the flag changes. Ten such wake-ups in a row,
 * at least half of the task's, make a finding; a task that prints or works between polls is a
 * ticker or a cooperative loop, not a poller.
 */
import type { Seconds } from '../../protocol/trace';
import type { TraceIndex } from '../types';
import { involving } from './runSteps';
import { round } from './blockingCall';
import { stepsByTask, type TaskStep } from './taskSteps';
import type { BusyPollingFinding } from './types';

export const MIN_POLLS = 10;
/** The longest sleep that still counts as a poll. */
export const POLL_INTERVAL_MAX: Seconds = 0.1;
/** Markers on the timeline: the first ones of a long stretch are enough. */
const MAX_STEPS = 100;

export function busyPolling(index: TraceIndex): readonly BusyPollingFinding[] {
  const found: BusyPollingFinding[] = [];
  for (const [task, steps] of stepsByTask(index)) {
    const best = longestStretch(steps);
    if (best === null) continue;
    const { from, to } = best;
    const count = to - from;
    if (count < MIN_POLLS || count * 2 < steps.length) continue;
    const stretch = steps.slice(from, to);
    const first = stretch[0] as TaskStep;
    const last = stretch[stretch.length - 1] as TaskStep;
    found.push({
      kind: 'busy-polling',
      severity: 'info',
      line: first.line,
      step: first.step,
      steps: stretch.slice(0, MAX_STEPS).map((s) => s.step),
      ...involving(index, [task]),
      task,
      wakeUps: count,
      interval: round(Math.max(...stretch.map(interval))),
      seconds: round(last.t - first.t),
    });
  }
  return found;
}

/** Seconds the poll sleeps (0 for a yield). */
function interval(s: TaskStep): Seconds {
  return s.on?.k === 'sleep' ? Math.max(0, s.on.until - s.t) : 0;
}

function isPoll(s: TaskStep): boolean {
  if (s.visible) return false;
  if (s.end === 'yield') return true;
  return s.end === 'suspend' && s.on?.k === 'sleep' && interval(s) <= POLL_INTERVAL_MAX + 1e-9;
}

/** The longest run of polls at one line: [from, to) in `steps`. */
function longestStretch(steps: readonly TaskStep[]): { from: number; to: number } | null {
  let best: { from: number; to: number } | null = null;
  let from = 0;
  for (let i = 0; i <= steps.length; i++) {
    const s = steps[i];
    const continues = s !== undefined && isPoll(s) && (i === from || steps[i - 1]?.line === s.line);
    if (continues) continue;
    if (i > from && (best === null || i - from > best.to - best.from)) best = { from, to: i };
    from = s !== undefined && isPoll(s) ? i : i + 1;
  }
  return best;
}
