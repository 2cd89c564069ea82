/**
 * What a learner should know about a run beside how it ended, read from the trace: that it used
 * the simulated network (how many requests; none left the page), that it called an API a Python
 * deprecates, that a partial trace left out what it could not read. Facts only: src/i18n
 * (runNotices.ts) says them, and the run-end panel shows them.
 */
import type { PythonVersion, RemovedApi, Trace } from '../protocol/trace';
import { simulatedRequests, usedSimulatedNetwork } from './network';

export type RunFact =
  /** The run used the simulated network: `requests` sent, all answered inside the page. */
  | { readonly kind: 'simulated-network'; readonly requests: number }
  /** The program called an API that Python `version` deprecates (a `warn` of kind 'deprecated-api'), once per API. */
  | { readonly kind: 'deprecated-api'; readonly api: RemovedApi; readonly version: PythonVersion }
  /** A partial trace (Trace.dropped) left out `events` it could not check and `chunks` that were not JSON. */
  | { readonly kind: 'dropped'; readonly events: number; readonly chunks: number };

export type RunFactKind = RunFact['kind'];

export function runFacts(trace: Trace): RunFact[] {
  const facts: RunFact[] = [];
  if (trace.dropped !== undefined && trace.dropped.events + trace.dropped.chunks > 0) {
    facts.push({ kind: 'dropped', ...trace.dropped });
  }
  const deprecated = new Set<RemovedApi>();
  for (const e of trace.events) {
    if (e.e !== 'warn' || e.kind !== 'deprecated-api' || e.api === undefined || e.version === undefined) continue;
    if (deprecated.has(e.api)) continue;
    deprecated.add(e.api);
    facts.push({ kind: 'deprecated-api', api: e.api, version: e.version });
  }
  if (usedSimulatedNetwork(trace)) facts.push({ kind: 'simulated-network', requests: simulatedRequests(trace) });
  return facts;
}
