/**
 * The step in which the loop runs each handle, so a ready-queue entry or a timer can be
 * clicked to jump to the moment it runs. Built once per run (one pass over the steps).
 */
import type { HandleId } from '../protocol/trace';
import type { TraceIndex } from '../trace/types';

const cache = new WeakMap<TraceIndex, ReadonlyMap<HandleId, number>>();

export function handleSteps(index: TraceIndex): ReadonlyMap<HandleId, number> {
  let steps = cache.get(index);
  if (steps === undefined) {
    const built = new Map<HandleId, number>();
    // A handle runs at most once; steps[i] is step i + 1.
    index.steps.forEach((s, i) => built.set(s.handle, i + 1));
    steps = built;
    cache.set(index, steps);
  }
  return steps;
}
