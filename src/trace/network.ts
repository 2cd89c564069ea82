/**
 * Did the run use the simulated network? Read from the trace, not from the source: a request
 * timer, a wait on a request, or a blocking HTTP call. The page says so next to the output, so
 * nobody takes the simulated latencies and bodies for a real server's.
 */
import type { Trace, TraceEvent } from '../protocol/trace';

function isNetworkEvent(e: TraceEvent): boolean {
  switch (e.e) {
    case 'sched':
      return e.on.k === 'request';
    case 'suspend':
      return e.on.k === 'request';
    case 'block':
      return e.req !== undefined;
    default:
      return false;
  }
}

/** Per trace: the console asks at every step, and a long run has hundreds of thousands of events. */
const used = new WeakMap<Trace, boolean>();

export function usedSimulatedNetwork(trace: Trace): boolean {
  const known = used.get(trace);
  if (known !== undefined) return known;
  const answer =
    trace.events.some(isNetworkEvent) || (trace.end.kind === 'limit' && trace.end.limit === 'virtual-time' && trace.end.cause === 'request');
  used.set(trace, answer);
  return answer;
}
