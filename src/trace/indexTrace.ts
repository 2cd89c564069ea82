/**
 * indexTrace: one pass over the events that cuts them into loop steps, lists the tasks, and
 * saves replay keyframes so that stateAt never replays more than a keyframe's worth of events.
 *
 * Where each event belongs: step k (k ≥ 1) starts at its `run` event and ends at the next `iter`
 * or `run`. The events between (an `iter`, `skip`s) are what the loop does before step k+1, so
 * they show from step k+1 on. Step 0 is the top-level code before the loop's first iteration.
 * The events after the last step (a last empty iteration, the loop closing, top-level code after
 * asyncio.run) belong to the last step: nothing comes after it to show them.
 */
import { TRACE_VERSION, type Line, type Seconds, type Trace } from '../protocol/trace';
import { HandleTable } from './handles';
import { LoopReplay, type Keyframe } from './replay';
import { taskOfHandle } from './taskStates';
import type { StepInfo, TaskInfo, TraceIndex } from './types';

/**
 * Keyframes come at least this many events apart, and further apart when the state is big: a
 * keyframe costs as much to copy as the state it holds, so spacing them by that size keeps a
 * seek's work (copy + replay) and the keyframes' memory both proportional to the state.
 */
const KEYFRAME_MIN_GAP = 512;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type StepDraft = Mutable<StepInfo> & { lineEvents: number[] };
type TaskDraft = Mutable<TaskInfo>;

const NO_LINES: number[] = [];

export function indexTrace(trace: Trace): TraceIndex {
  if (trace.version !== TRACE_VERSION) {
    throw new Error(`Loopscope cannot read trace version ${String(trace.version)} (it reads ${TRACE_VERSION})`);
  }
  const events = trace.events;
  const handles = new HandleTable();
  const replay = new LoopReplay(handles);
  const keyframes: Keyframe[] = [replay.keyframe(0)];
  let nextKeyframe = KEYFRAME_MIN_GAP;

  const steps: StepDraft[] = [];
  const tasks: TaskDraft[] = [];
  let open: StepDraft | null = null; // the step whose events we are in
  let inGap = false; // after an `iter`, before the next `run`: the events show from the next step
  let prologueEnd = -1;
  const prologueLines: number[] = [];
  let gapLines: number[] = [];

  for (let i = 0; i < events.length; i++) {
    if (i >= nextKeyframe) {
      keyframes.push(replay.keyframe(i));
      nextKeyframe = i + Math.max(KEYFRAME_MIN_GAP, replay.size >> 2);
    }
    const e = events[i];
    if (e === undefined) continue;
    const stepHere = steps.length + (inGap ? 1 : 0);
    switch (e.e) {
      case 'sched':
        handles.schedule(e.h, e.on, e.when, i);
        break;
      case 'unsched':
        handles.cancel(e.h, i);
        break;
      case 'task':
        if (e.id === tasks.length + 1) {
          tasks.push({
            id: e.id,
            name: e.name,
            coro: e.coro,
            parent: e.by,
            createdLine: e.l,
            createdStep: stepHere,
            createdT: replay.t,
            internal: e.internal === true,
          });
        }
        break;
      case 'done': {
        const task = tasks[e.task - 1];
        if (task !== undefined && task.end === undefined) {
          task.end = {
            step: stepHere,
            t: replay.t,
            outcome: e.outcome,
            ...(e.value !== undefined ? { value: e.value } : {}),
            ...(e.exc !== undefined ? { exc: e.exc } : {}),
          };
        }
        break;
      }
      case 'iter':
        if (open !== null) open.endEvent = i;
        open = null;
        if (prologueEnd < 0) prologueEnd = i;
        inGap = true;
        break;
      case 'run': {
        if (open !== null) open.endEvent = i;
        if (prologueEnd < 0) prologueEnd = i;
        inGap = false;
        gapLines = []; // lines between an iteration and its first step cannot be stepped to
        const step: StepDraft = {
          step: steps.length + 1,
          firstEvent: i,
          endEvent: -1,
          handle: e.h,
          target: handles.target(e.h),
          task: taskOfHandle(handles, e.h),
          t: replay.t,
          iteration: replay.iteration,
          lineEvents: NO_LINES,
        };
        if (e.x !== undefined) step.delivered = e.x;
        steps.push(step);
        open = step;
        break;
      }
      case 'line':
        if (open !== null) {
          // Most steps of a big run (timer callbacks, internal callbacks) run no learner line:
          // they share one empty array instead of holding 100k of them.
          if (open.lineEvents === NO_LINES) open.lineEvents = [i];
          else open.lineEvents.push(i);
        }
        else if (prologueEnd < 0) prologueLines.push(i);
        else gapLines.push(i);
        break;
      default:
        break; // every other event only changes the replayed state
    }
    replay.apply(e, i);
  }

  const last = steps[steps.length - 1];
  if (last === undefined) {
    // No loop step at all: everything is step 0.
    prologueEnd = events.length;
    prologueLines.push(...gapLines);
  } else {
    if (last !== open && gapLines.length > 0) last.lineEvents = [...last.lineEvents, ...gapLines];
    last.endEvent = events.length;
  }
  // Events after the last step's `run` that were counted toward a "next step" belong to it.
  const lastStep = steps.length;
  for (const task of tasks) {
    task.createdStep = Math.min(task.createdStep, lastStep);
    if (task.end !== undefined) task.end = { ...task.end, step: Math.min(task.end.step, lastStep) };
  }

  return {
    trace,
    steps,
    tasks,
    endTime: replay.t,
    internals: {
      handles,
      keyframes,
      prologueEnd,
      prologueLines,
      timesSorted: isSorted(steps.map((s) => s.t)),
    },
  };
}

function isSorted(times: readonly Seconds[]): boolean {
  for (let i = 1; i < times.length; i++) if ((times[i] as Seconds) < (times[i - 1] as Seconds)) return false;
  return true;
}

/** The `line` events of a step (step 0: the top-level code before the loop). */
export function lineEventsOf(index: TraceIndex, step: number): readonly number[] {
  if (step <= 0) return index.internals.prologueLines;
  return index.steps[step - 1]?.lineEvents ?? [];
}

/** One past the last event whose effect shows at `step` (what stateAt applies for it). */
export function stepEnd(index: TraceIndex, step: number): number {
  if (step <= 0) return index.internals.prologueEnd;
  return index.steps[Math.min(step, index.steps.length) - 1]?.endEvent ?? index.internals.prologueEnd;
}

/** The learner's line of the `line` event at `eventIndex`, or null when it is not one. */
export function lineAt(index: TraceIndex, eventIndex: number): Line | null {
  const e = index.trace.events[eventIndex];
  return e !== undefined && e.e === 'line' ? e.l : null;
}
