/**
 * taskLanes: each task's life as contiguous segments by state, for the timeline.
 *
 * Coordinates follow the timeline's step axis, where step s fills the band [s, s+1): a segment
 * covers [fromStep, toStep) and [fromT, toT]. A task runs in the band of its step; what happens
 * to it inside a step (it suspends, a timer wakes it) takes effect at the end of that band, which
 * is what stateAt(s) shows. A lane starts in the band of the step that created the task. A
 * finished task's lane ends with a zero-width segment of its final state (done, failed or
 * cancelled) where it ended; an unfinished one runs on to the end of the trace.
 */
import type { AwaitTarget, Seconds } from '../protocol/trace';
import { isFinished } from './taskStates';
import { TaskWalk } from './taskWalk';
import type { LaneSegment, TaskLane, TaskState, TraceIndex } from './types';

interface OpenSegment {
  readonly state: TaskState;
  readonly fromStep: number;
  readonly fromT: Seconds;
  readonly on?: AwaitTarget;
}

const cache = new WeakMap<TraceIndex, readonly TaskLane[]>();

export function taskLanes(index: TraceIndex): readonly TaskLane[] {
  let lanes = cache.get(index);
  if (lanes === undefined) {
    lanes = buildLanes(index);
    cache.set(index, lanes);
  }
  return lanes;
}

function buildLanes(index: TraceIndex): readonly TaskLane[] {
  const walk = new TaskWalk(index);
  const segments: LaneSegment[][] = index.tasks.map(() => []);
  const open: (OpenSegment | undefined)[] = [];

  const close = (id: number, toStep: number, toT: Seconds, atEnd = false): void => {
    const seg = open[id - 1];
    if (seg === undefined) return;
    open[id - 1] = undefined;
    const to = Math.max(toStep, seg.fromStep);
    // A state entered and left at the same instant of the same band (ready for no time before
    // the task ran) is not worth a rectangle; but the state a task is left in when the run
    // ends is kept, even if the last step only just put it there.
    if (!atEnd && to === seg.fromStep && toT === seg.fromT) return;
    segments[id - 1]?.push(segment(seg, to, toT));
  };

  for (const e of index.trace.events) {
    const step = walk.stepOf(e);
    const change = walk.apply(e);
    if (change === null || change.id > segments.length) continue;
    // A run starts its band; creation happens in its band; anything else ends the band.
    const boundary = e.e === 'run' || e.e === 'task' ? step : step + 1;
    const t = walk.t;
    close(change.id, boundary, t);
    const seg: OpenSegment = {
      state: change.state,
      fromStep: Math.max(boundary, 0),
      fromT: t,
      ...(change.on !== undefined ? { on: change.on } : {}),
    };
    if (isFinished(change.state)) segments[change.id - 1]?.push(segment(seg, seg.fromStep, t));
    else open[change.id - 1] = seg;
  }
  const endStep = index.steps.length + 1;
  for (let id = 1; id <= open.length; id++) close(id, endStep, index.endTime, true);

  return index.tasks.map((task, i) => ({ task, segments: segments[i] ?? [] }));
}

function segment(seg: OpenSegment, toStep: number, toT: Seconds): LaneSegment {
  return {
    state: seg.state,
    fromStep: seg.fromStep,
    toStep,
    fromT: seg.fromT,
    toT: Math.max(toT, seg.fromT),
    ...(seg.on !== undefined ? { on: seg.on } : {}),
  };
}
