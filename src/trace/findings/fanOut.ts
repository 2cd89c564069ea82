/**
 * unbounded-fan-out: more than 100 simulated requests on the wire at the same moment. A
 * Semaphore, a TCPConnector(limit=...) or httpx's Limits keep the others waiting (a request
 * queued for a connection is not in flight), so passing 100 means nothing held them back.
 * Tasks that only sleep are not counted: asyncio.sleep costs no server anything, and starting
 * 10,000 sleeping tasks is how tutorials show that tasks are cheap.
 */
import type { Line, TaskId } from '../../protocol/trace';
import type { TraceIndex } from '../types';
import { involving, stepOfEachEvent } from './runSteps';
import type { UnboundedFanOutFinding } from './types';

export const FAN_OUT_LIMIT = 100;

export function unboundedFanOut(index: TraceIndex): readonly UnboundedFanOutFinding[] {
  const events = index.trace.events;
  const stepOf = stepOfEachEvent(index);
  const inFlight = new Set<TaskId>();
  let peak = 0;
  let first: { step: number; line: Line | null } | null = null;
  let atPeak: readonly TaskId[] = [];
  const steps: number[] = [];
  events.forEach((e, i) => {
    switch (e.e) {
      case 'suspend':
        if (e.on.k === 'request' && e.on.queued !== true) {
          inFlight.add(e.task);
          if (inFlight.size > peak) {
            peak = inFlight.size;
            if (peak > FAN_OUT_LIMIT) {
              const step = stepOf[i] ?? 0;
              first ??= { step, line: e.l };
              if (steps[steps.length - 1] !== step) steps.push(step);
              atPeak = [...inFlight];
            }
          }
        } else inFlight.delete(e.task);
        break;
      case 'run': {
        const task = index.steps[(stepOf[i] ?? 0) - 1]?.task;
        if (task !== null && task !== undefined) inFlight.delete(task);
        break;
      }
      case 'done':
        inFlight.delete(e.task);
        break;
      default:
        break;
    }
  });
  if (first === null) return [];
  const { step, line } = first;
  return [
    {
      kind: 'unbounded-fan-out',
      severity: 'warning',
      line,
      step,
      steps: steps.slice(0, 1).concat(steps.length > 1 ? [steps[steps.length - 1] as number] : []),
      ...involving(index, atPeak),
      peak,
      limit: FAN_OUT_LIMIT,
    },
  ];
}
