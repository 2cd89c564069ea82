/**
 * findings: every pitfall found in one run, in step order (then by line). Pure and cached per
 * index: the Problems list, the timeline's markers and `loopscope lint` all ask for the same list.
 */
import type { TraceIndex } from '../types';
import { blockingCalls } from './blockingCall';
import { busyPolling } from './busyPolling';
import { cancelSwallowed } from './cancelSwallowed';
import { unboundedFanOut } from './fanOut';
import { leftBehind } from './leftBehind';
import { runEndFindings } from './runEnd';
import { sequentialAwaits } from './sequentialAwaits';
import type { Finding } from './types';

const cache = new WeakMap<TraceIndex, readonly Finding[]>();

export function findings(index: TraceIndex): readonly Finding[] {
  let list = cache.get(index);
  if (list === undefined) {
    list = [
      ...blockingCalls(index),
      ...leftBehind(index),
      ...cancelSwallowed(index),
      ...busyPolling(index),
      ...sequentialAwaits(index),
      ...unboundedFanOut(index),
      ...runEndFindings(index),
    ].sort((a, b) => a.step - b.step || (a.line ?? 0) - (b.line ?? 0));
    cache.set(index, list);
  }
  return list;
}
