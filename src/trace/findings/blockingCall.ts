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
 * A CPU-heavy step: the virtual clock does not move while Python computes, and a real-time
 * figure would differ from machine to machine and run to run, so the engine counts the step's
 * work instead (the trace's `cpu` event: the learner's lines and loop rounds it ran without
 * awaiting, the same on every machine), and its CPU time is estimated from that count at
 * CPU_WORK_PER_SECOND, calibrated on real CPython 3.13 (README "Pitfalls": the figures, and what
 * the count cannot see). A step whose estimate reaches slow_callback_duration is a finding;
 * the tasks held up are the same as for a block of that length.
 */
import type { BlockingRequest, Line, Seconds, TaskId, TraceEvent } from '../../protocol/trace';
import { stateAfterEvents } from '../stateAt';
import type { TraceIndex } from '../types';
import { involving, runFacts, stepOfEvent, taskServed } from './runSteps';
import type { BlockingCallFinding } from './types';

/** asyncio's BaseEventLoop.slow_callback_duration: a step this long is "slow" to asyncio. */
export const SLOW_STEP_SECONDS = 0.1;

/**
 * Lines plus loop rounds of the learner's code that real CPython 3.13 runs in a second of CPU
 * when each line does some real work (calls into C: builds a dict or a string, hashes, matches a
 * regex, which measured 3.6 to 8.5 million a second). Bare arithmetic runs up to ten times more
 * a second (for it the estimate is high), one long C call is one line (for it, low). So a step
 * is found from 500,000 of them on (SLOW_STEP_SECONDS of this rate). A bare-arithmetic step of
 * 0.1 s would run past the engine's own limit of 1,000,000 rounds without an await and end the
 * run there (the busy-loop limit) before any finding.
 */
export const CPU_WORK_PER_SECOND = 5_000_000;

type Block = Extract<TraceEvent, { e: 'block' }>;
type Cpu = Extract<TraceEvent, { e: 'cpu' }>;

interface Group {
  readonly blocker: TaskId | null;
  readonly line: Line | null;
  readonly cause: 'time.sleep' | 'request' | 'cpu';
  readonly request?: BlockingRequest;
  work?: { lines: number; rounds: number };
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
  cpuSteps(index, groups);
  return [...groups.values()].map((g) => ({
    kind: 'blocking-call',
    severity: 'warning',
    line: g.line,
    step: g.steps[0] ?? 0,
    steps: g.steps,
    ...involving(index, g.blocker === null ? [...g.heldUp] : [g.blocker, ...g.heldUp]),
    cause: g.cause,
    seconds: g.cause === 'cpu' ? roughly(g.seconds) : round(g.seconds),
    ...(g.request !== undefined ? { request: g.request } : {}),
    ...(g.work !== undefined ? { work: { lines: g.work.lines, rounds: g.work.rounds } } : {}),
    inCoroutine: g.inCoroutine,
    blocker: g.blocker,
    heldUp: g.heldUp.size,
    heldUpSeconds: g.cause === 'cpu' ? roughly(g.heldUpSeconds) : round(g.heldUpSeconds),
  }));
}

/**
 * The steps whose CPU work, estimated, reached SLOW_STEP_SECONDS: into `groups` by task and line,
 * as blocks are. Each held up the tasks ready when it ended for its whole estimate, and those
 * whose timers came due within it.
 */
function cpuSteps(index: TraceIndex, groups: Map<string, Group>): void {
  const events = index.trace.events;
  for (const i of runFacts(index).cpu) {
    const e = events[i] as Cpu;
    const estimate = (e.lines + e.rounds) / CPU_WORK_PER_SECOND;
    const step = stepOfEvent(index, i);
    if (step < 1 || estimate < SLOW_STEP_SECONDS - 1e-9) continue;
    const blocker = index.steps[step - 1]?.task ?? null;
    const key = `${String(blocker)}:${String(e.l)}:cpu`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { blocker, line: e.l, cause: 'cpu', work: { lines: 0, rounds: 0 }, seconds: 0, inCoroutine: false, steps: [], heldUp: new Set(), heldUpSeconds: 0 };
      groups.set(key, group);
    }
    if (group.work !== undefined) {
      group.work.lines += e.lines;
      group.work.rounds += e.rounds;
    }
    group.seconds += estimate;
    if (group.steps[group.steps.length - 1] !== step) group.steps.push(step);
    group.heldUpSeconds += heldUp(index, i, estimate, blocker, group.heldUp);
  }
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

/** An estimate as a learner should read it: to the hundredth of a second, no finer. */
function roughly(s: Seconds): Seconds {
  return Math.round(s * 100) / 100;
}
