/**
 * Did the run use the simulated network, and how many requests did it send? Read from the trace,
 * not from the source: a request timer, a wait on a request, or a blocking HTTP call. The page
 * says so next to the output and where the run ends, so nobody takes the simulated latencies and
 * bodies for a real server's.
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
  const answer = trace.events.some(isNetworkEvent) || stoppedByRequest(trace);
  used.set(trace, answer);
  return answer;
}

/** A blocking call the virtual clock's end stopped before it was recorded as a `block` event. */
function stoppedByRequest(trace: Trace): boolean {
  return trace.end.kind === 'limit' && trace.end.limit === 'virtual-time' && trace.end.cause === 'request';
}

/**
 * How many simulated requests the run sent: an awaited one is its request timer (scheduled once,
 * whether it is answered or a timeout cancels it), a blocking one its `block` event, or the limit
 * that stopped it. A request still queued for a connection has sent nothing yet.
 */
export function simulatedRequests(trace: Trace): number {
  let sent = stoppedByRequest(trace) ? 1 : 0;
  for (const e of trace.events) {
    if ((e.e === 'sched' && e.on.k === 'request') || (e.e === 'block' && e.req !== undefined)) sent++;
  }
  return sent;
}
