/**
 * unbounded-fan-out: more than 100 simulated requests on the wire at the same moment. A
 * Semaphore, a TCPConnector(limit=...) or httpx's Limits keep the others waiting (a request
 * queued for a connection is not in flight), so passing 100 means nothing held them back.
 * Tasks that only sleep are not counted: asyncio.sleep costs no server anything, and starting
 * 10,000 sleeping tasks is how tutorials show that tasks are cheap.
 *
 * A request is in flight from the step that suspended on it to the task's next step.
 */
import type { Line, TaskId } from '../../protocol/trace';
import type { TraceIndex } from '../types';
import { involving } from './runSteps';
import { stepsByTask, type TaskStep } from './taskSteps';
import type { UnboundedFanOutFinding } from './types';

export const FAN_OUT_LIMIT = 100;

interface Flight {
  readonly task: TaskId;
  readonly from: number; // the step that sent it
  readonly to: number; // the task's next step (Infinity: never)
  readonly line: Line | null;
}

export function unboundedFanOut(index: TraceIndex): readonly UnboundedFanOutFinding[] {
  const flights: Flight[] = [];
  for (const [task, steps] of stepsByTask(index)) {
    steps.forEach((s: TaskStep, k) => {
      if (s.end === 'suspend' && s.on?.k === 'request' && s.on.queued !== true) {
        flights.push({ task, from: s.step, to: steps[k + 1]?.step ?? Infinity, line: s.line });
      }
    });
  }
  if (flights.length <= FAN_OUT_LIMIT) return [];
  // Sweep the steps: a flight counts from the end of its `from` step until its `to` step.
  flights.sort((a, b) => a.from - b.from);
  const landing: Flight[] = []; // in flight, unsorted: removed as the sweep passes their `to`
  let peak = 0;
  let first: { step: number; line: Line | null } | null = null;
  let atPeak: readonly TaskId[] = [];
  let lastStep = 0;
  for (const f of flights) {
    for (let k = landing.length - 1; k >= 0; k--) if ((landing[k] as Flight).to <= f.from) landing.splice(k, 1);
    landing.push(f);
    if (landing.length > peak) {
      peak = landing.length;
      if (peak > FAN_OUT_LIMIT) {
        first ??= { step: f.from, line: f.line };
        lastStep = f.from;
        atPeak = landing.map((l) => l.task);
      }
    }
  }
  if (first === null) return [];
  return [
    {
      kind: 'unbounded-fan-out',
      severity: 'warning',
      line: first.line,
      step: first.step,
      steps: lastStep > first.step ? [first.step, lastStep] : [first.step],
      ...involving(index, atPeak),
      peak,
      limit: FAN_OUT_LIMIT,
    },
  ];
}
