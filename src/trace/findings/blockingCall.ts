/**
 * blocking-call: a step in which the loop's thread slept (time.sleep) or waited for a simulated
 * blocking HTTP call (requests, httpx.Client) for asyncio's `slow_callback_duration` (0.1 s) or
 * more, the threshold asyncio's own debug mode logs. Only `block` events inside a loop step
 * count: time.sleep at top level, outside any loop, blocks nobody.
 *
 * Held up: the other tasks that were ready when the block began (each waited the whole block)
 * and those whose timers came due during it (each waited from its deadline to the block's end).
 * Steps that blocked at the same line in the same task are one finding (a loop of time.sleep).
 *
 * CPU-heavy steps are not found: the virtual clock does not move while Python computes, and a
 * real-time figure would differ from machine to machine and run to run (README "Pitfalls").
 */
import type { BlockingRequest, Line, Seconds, TaskId, TraceEvent } from '../../protocol/trace';
import { stateAfterEvents } from '../stateAt';
import type { TraceIndex } from '../types';
import { involving, runFacts, stepOfEvent, taskServed } from './runSteps';
import type { BlockingCallFinding } from './types';

/** asyncio's BaseEventLoop.slow_callback_duration: a step this long is "slow" to asyncio. */
export const SLOW_STEP_SECONDS = 0.1;

type Block = Extract<TraceEvent, { e: 'block' }>;

interface Group {
  readonly blocker: TaskId | null;
  readonly line: Line | null;
  readonly cause: 'time.sleep' | 'request';
  readonly request?: BlockingRequest;
  seconds: Seconds;
  inCoroutine: boolean;
  readonly steps: number[];
  readonly heldUp: Set<TaskId>;
  heldUpSeconds: Seconds;
}

export function blockingCalls(index: TraceIndex): readonly BlockingCallFinding[] {
  const events = index.trace.events;
  // First the steps that blocked long enough, then their blocks grouped by task and line.
  const perStep = new Map<number, { total: Seconds; blocks: number[] }>();
  for (const i of runFacts(index).blocks) {
    const e = events[i] as Block;
    const step = stepOfEvent(index, i);
    if (step < 1) continue;
    const entry = perStep.get(step) ?? { total: 0, blocks: [] };
    entry.total += e.d;
    entry.blocks.push(i);
    perStep.set(step, entry);
  }
  const groups = new Map<string, Group>();
  for (const [step, { total, blocks }] of perStep) {
    if (total < SLOW_STEP_SECONDS - 1e-9) continue;
    const blocker = index.steps[step - 1]?.task ?? null;
    for (const i of blocks) {
      const e = events[i] as Block;
      const cause = e.req === undefined ? 'time.sleep' : 'request';
      const key = `${String(blocker)}:${String(e.l)}:${cause}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = {
          blocker,
          line: e.l,
          cause,
          ...(e.req !== undefined ? { request: e.req } : {}),
          seconds: 0,
          inCoroutine: true,
          steps: [],
          heldUp: new Set(),
          heldUpSeconds: 0,
        };
        groups.set(key, group);
      }
      group.seconds += e.d;
      group.inCoroutine &&= cause === 'time.sleep' && e.co === true && blocker !== null;
      if (group.steps[group.steps.length - 1] !== step) group.steps.push(step);
      group.heldUpSeconds += heldUp(index, i, e.d, blocker, group.heldUp);
    }
  }
  return [...groups.values()].map((g) => ({
    kind: 'blocking-call',
    severity: 'warning',
    line: g.line,
    step: g.steps[0] ?? 0,
    steps: g.steps,
    ...involving(index, g.blocker === null ? [...g.heldUp] : [g.blocker, ...g.heldUp]),
    cause: g.cause,
    seconds: round(g.seconds),
    ...(g.request !== undefined ? { request: g.request } : {}),
    inCoroutine: g.inCoroutine,
    blocker: g.blocker,
    heldUp: g.heldUp.size,
    heldUpSeconds: round(g.heldUpSeconds),
  }));
}

/** The seconds other tasks waited because of the block at event `i`; adds them to `tasks`. */
function heldUp(index: TraceIndex, i: number, d: Seconds, blocker: TaskId | null, tasks: Set<TaskId>): Seconds {
  const state = stateAfterEvents(index, i);
  const end = state.t + d;
  let seconds = 0;
  const waited = new Map<TaskId, Seconds>();
  for (const entry of state.readyQueue) {
    const task = entry.cancelled ? null : taskServed(entry.on);
    if (task !== null && task !== blocker) waited.set(task, Math.max(waited.get(task) ?? 0, d));
  }
  for (const timer of state.timerHeap) {
    const task = timer.cancelled || timer.when >= end ? null : taskServed(timer.on);
    if (task !== null && task !== blocker) waited.set(task, Math.max(waited.get(task) ?? 0, end - Math.max(timer.when, state.t)));
  }
  for (const [task, s] of waited) {
    tasks.add(task);
    seconds += s;
  }
  return seconds;
}

/** Figures as a learner reads them: no 0.30000000000000004. */
export function round(s: Seconds): Seconds {
  return Math.round(s * 1e6) / 1e6;
}
