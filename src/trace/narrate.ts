/**
 * narrate: what a step did, as facts (src/trace/narration.ts): "`main` resumes, creates `Task-2`
 * (worker) at line 9 and suspends at line 10 awaiting Task-2" is an opening (main resumes), an
 * action (creates Task-2 at line 9) and an ending (suspends at line 10 on Task-2). At a line
 * cursor, which line runs. This file decides what to say; src/i18n/narration.ts says it.
 */
import type { BlockingRequest, Line, Seconds, TaskId, TraceEvent } from '../protocol/trace';
import { assertNever } from '../protocol/assertNever';
import { cancellations } from './cancellations';
import { clampCursor, stepOfEvent } from './cursor';
import { callRef, isDefaultTaskName, requestRef, taskLabel, timeoutKind } from './describe';
import { describeAwaitAt } from './objectAwait';
import { objectActions } from './objectChanges';
import { lineAt, lineEventsOf, stepEnd } from './indexTrace';
import type { Action, Ending, Narration, Opening, RequestRef, StepNarration, TaskRef } from './narration';
import { stateAt } from './stateAt';
import type { Cursor, StepInfo, TraceIndex } from './types';

/** Created tasks listed by name up to this many; more are counted. */
const MAX_LISTED = 3;

export function narrate(index: TraceIndex, cursor: Cursor): Narration {
  const c = clampCursor(index, cursor);
  if (c.line !== undefined) return narrateLine(index, c.step, c.line);
  if (c.step === 0) return narrateStart(index);
  const step = index.steps[c.step - 1];
  return step === undefined ? { kind: 'program-starts' } : narrateStep(index, step);
}

/** A task named in a narration: its id and label. */
function taskRef(index: TraceIndex, id: TaskId): TaskRef {
  const { label, which } = taskLabel(index.tasks, id);
  return { id, label, which };
}

function narrateStart(index: TraceIndex): Narration {
  if (index.steps.length === 0) return { kind: 'no-loop' };
  const main = index.tasks.find((t) => t.createdStep === 0 && t.parent === null && !t.internal);
  return main === undefined ? { kind: 'program-starts' } : { kind: 'program-starts-with-task', task: taskRef(index, main.id) };
}

function narrateLine(index: TraceIndex, stepNumber: number, line: number): Narration {
  const eventIndex = lineEventsOf(index, stepNumber)[line] ?? -1;
  const l = lineAt(index, eventIndex) ?? 0;
  const step = index.steps[stepNumber - 1];
  if (step === undefined || afterStepCode(index, step, eventIndex)) return { kind: 'top-level-runs-line', line: l };
  if (step.task !== null) return { kind: 'task-runs-line', task: taskRef(index, step.task), line: l };
  if (step.target.k === 'call') return { kind: 'callback-runs-line', call: callRef(step.target), line: l };
  return { kind: 'top-level-runs-line', line: l };
}

/** Is this line top-level code that ran after the step's own code (its task ended, the loop closed)? */
function afterStepCode(index: TraceIndex, step: StepInfo, eventIndex: number): boolean {
  const events = index.trace.events;
  for (let i = step.firstEvent; i < eventIndex; i++) {
    const e = events[i];
    if (e === undefined) continue;
    if (e.e === 'loop' && !e.open) return true;
    if (e.e === 'done' && e.task === step.task) return true;
  }
  return false;
}

/** What one step did, gathered from its events. */
interface StepFacts {
  readonly created: { readonly id: TaskId; readonly line: Line | null }[];
  readonly cancelled: { readonly task: TaskId; readonly line: Line | null }[];
  readonly blocks: { readonly d: Seconds; readonly line: Line | null; readonly req: BlockingRequest | null }[];
  /** Tasks that were waiting and whose wakeup this step scheduled. */
  readonly woken: TaskId[];
  /** The step's CPU work without an await (`cpu`), when it did enough for the engine to record it. */
  cpu: { readonly lines: number; readonly rounds: number; readonly line: Line | null } | null;
  /** The other tasks alive as the step began (ready or waiting): who a CPU-heavy step held up. */
  readonly othersAlive: number;
  /** The step's task's last suspend / yield / done. */
  ending: TraceEvent | null;
}

function gatherFacts(index: TraceIndex, step: StepInfo): StepFacts {
  const before = stateAt(index, { step: step.step - 1 });
  const othersAlive = before.tasks.filter((t, i) => i + 1 !== step.task && (t.state === 'ready' || t.state === 'waiting')).length;
  const facts: StepFacts = { created: [], cancelled: [], blocks: [], woken: [], ending: null, cpu: null, othersAlive };
  const events = index.trace.events;
  for (let i = step.firstEvent; i < step.endEvent; i++) {
    const e = events[i];
    if (e === undefined) continue;
    switch (e.e) {
      case 'task':
        // In a callback's step, asyncio's own tasks come from asyncio.run shutting down after
        // the loop stopped, not from the callback.
        if (e.by === step.task && !(step.task === null && e.internal === true)) facts.created.push({ id: e.id, line: e.l });
        break;
      case 'cancel':
        // A cancellation passed down to what the task awaited is part of the first one.
        if (e.via !== 'awaiter') facts.cancelled.push({ task: e.task, line: e.l });
        break;
      case 'block':
        facts.blocks.push({ d: e.d, line: e.l, req: e.req ?? null });
        break;
      case 'cpu':
        facts.cpu = { lines: e.lines, rounds: e.rounds, line: e.l };
        break;
      case 'sched':
        if (e.when === undefined && (e.on.k === 'step' || e.on.k === 'wakeup')) {
          const task = e.on.task;
          if (before.tasks[task - 1]?.state === 'waiting' && !facts.woken.includes(task)) facts.woken.push(task);
        }
        break;
      case 'suspend':
      case 'yield':
      case 'done':
        if (e.task === step.task) facts.ending = e;
        break;
      default:
        break; // the rest does not change what the sentence says
    }
  }
  return facts;
}

function narrateStep(index: TraceIndex, step: StepInfo): StepNarration {
  const facts = gatherFacts(index, step);
  const ref = (id: TaskId): TaskRef => taskRef(index, id);
  const ready = facts.woken.map(ref);
  const before = clockAtEnd(index, step.step - 1);
  const clockJump = step.t > before + 1e-9 ? step.t : null;
  const story = (
    opening: Opening,
    actions: readonly Action[] = [],
    ending: Ending | null = null,
    ready: readonly TaskRef[] = [],
  ): StepNarration => ({ kind: 'step', clockJump, opening, actions, ending, ready });

  const target = step.target;
  switch (target.k) {
    case 'step':
    case 'wakeup':
      // "…and returns 42; `main` moves to the ready queue": why the next task wakes.
      return story(...taskStep(index, step, target.task, facts), ready);
    case 'sleep': {
      const woke = target.task !== null && facts.woken.includes(target.task);
      return story({ kind: 'sleep-fires', delay: target.delay, task: target.task === null ? null : ref(target.task), woke });
    }
    case 'timeout': {
      const cancelled = target.task !== null && facts.cancelled.some((c) => c.task === target.task);
      const task = target.task === null ? null : ref(target.task);
      const cancels = cancelled && target.task !== null ? cancelledRequest(index, step, target.task) : null;
      return story({ kind: 'timeout-fires', via: timeoutKind(target.via), task, cancelled, ...(cancels !== null && { cancels }) });
    }
    case 'call':
      return story({ kind: 'callback-runs', call: callRef(target), user: target.user === true }, actionsOf(index, facts, step), null, ready);
    case 'worker':
      return story({ kind: 'worker-finishes', fn: target.fn }, [], null, ready);
    case 'request': {
      // The response (or the failure) is there: the task awaiting it moves to the ready queue.
      const task = target.task === null ? null : ref(target.task);
      return story({ kind: 'response-arrives', request: requestRef(target), task, fails: target.fails ?? null }, [], null, ready);
    }
    default:
      return assertNever(target);
  }
}

/** A task's step: how it resumed, what it did, how it left. */
function taskStep(index: TraceIndex, step: StepInfo, task: TaskId, facts: StepFacts): [Opening, Action[], Ending | null] {
  const ref = taskRef(index, task);
  const first = firstStepOf(index, task) === step.step;
  const suspendedAt = first ? null : (stateAt(index, { step: step.step - 1 }).tasks[task - 1]?.line ?? null);
  const actions = actionsOf(index, facts, step);
  const ending = endingOf(index, step, facts);

  // CancelledError lands here because somebody cancelled this task, not merely because the
  // task it awaited was cancelled (that one "gets CancelledError from what it awaited").
  const landed =
    step.delivered === 'CancelledError'
      ? cancellations(index).filter((c) => c.target === task && c.delivered?.step === step.step)
      : [];
  if (landed.length > 0) {
    const converted = landed.find((c) => c.outcome === 'converted' && c.endStep === step.step);
    const convertedBy = converted === undefined ? null : timeoutKind(converted.via);
    const opening: Opening = first
      ? { kind: 'task-cancelled-before-start', task: ref, convertedBy }
      : { kind: 'task-cancelled', task: ref, line: suspendedAt, convertedBy };
    // Ending cancelled is what a delivered CancelledError does by default: no need to say it.
    return [opening, actions, ending?.kind === 'ends-cancelled' ? null : ending];
  }
  if (step.delivered !== undefined) {
    return [{ kind: 'task-resumes-with-error', task: ref, error: step.delivered, line: suspendedAt }, actions, ending];
  }
  return [first ? { kind: 'task-starts', task: ref } : { kind: 'task-resumes', task: ref }, actions, ending];
}

function actionsOf(index: TraceIndex, facts: StepFacts, step: StepInfo): Action[] {
  const said: Action[] = [];
  const { created, cancelled, blocks } = facts;
  if (created.length > 0) {
    const line = sameLine(created.map((c) => c.line));
    if (created.length > MAX_LISTED) said.push({ kind: 'creates-many-tasks', count: created.length, line });
    else {
      const tasks = created.map((c) => {
        const info = index.tasks[c.id - 1];
        const name = info?.name ?? `Task-${c.id}`;
        // "Task-2 (worker)": a default name says nothing about what the task runs.
        const coro = isDefaultTaskName(name) && info ? taskLabel(index.tasks, c.id).label : null;
        return { id: c.id, name, coro };
      });
      said.push({ kind: 'creates-tasks', tasks, line });
    }
  }
  if (cancelled.length > 0) {
    const targets = [...new Set(cancelled.map((c) => c.task))];
    const tasks = targets.slice(0, MAX_LISTED).map((id) => taskRef(index, id));
    said.push({ kind: 'cancels-tasks', tasks, more: targets.length - tasks.length, line: sameLine(cancelled.map((c) => c.line)) });
  }
  // Blocking HTTP calls are said one by one, as what they are ("requests: GET … blocks the whole
  // loop for 0.3 s"); the other blocking calls (time.sleep) are summed.
  const sleeps = blocks.filter((b) => b.req === null);
  const first = sleeps[0];
  if (first !== undefined) {
    said.push({ kind: 'blocks-loop', seconds: sleeps.reduce((sum, b) => sum + b.d, 0), line: first.line });
  }
  const calls = blocks.flatMap((b) => (b.req === null ? [] : [{ ...b, req: b.req }]));
  if (calls.length > MAX_LISTED) {
    const seconds = calls.reduce((sum, b) => sum + b.d, 0);
    said.push({ kind: 'blocks-loop-on-many-requests', count: calls.length, seconds, line: sameLine(calls.map((b) => b.line)) });
  } else {
    for (const b of calls) said.push({ kind: 'blocks-loop-on-request', lib: b.req.lib, request: requestRef(b.req), seconds: b.d, line: b.line });
  }
  if (facts.cpu !== null) said.push({ kind: 'computes-without-awaiting', ...facts.cpu, waiting: facts.othersAlive });
  said.push(...objectActions(index, step));
  return said;
}

function endingOf(index: TraceIndex, step: StepInfo, facts: StepFacts): Ending | null {
  const e = facts.ending;
  if (e === null) return step.step === index.steps.length ? { kind: 'still-running' } : null;
  switch (e.e) {
    case 'suspend':
      return e.on.k === 'sleep'
        ? { kind: 'suspends-sleeping', line: e.l, until: e.on.until }
        : { kind: 'suspends-awaiting', line: e.l, on: describeAwaitAt(index, { step: step.step }, e.task, e.on) };
    case 'yield':
      return { kind: 'yields', line: e.l };
    case 'done':
      if (e.outcome === 'cancelled') return { kind: 'ends-cancelled' };
      if (e.outcome === 'exception') return { kind: 'fails', exc: e.exc ?? null };
      return e.value === undefined || e.value === 'None' ? { kind: 'finishes' } : { kind: 'returns-value', value: e.value };
    default:
      return null;
  }
}

/** The one line all of them share, or null when they differ (the sentence then names none). */
function sameLine(lines: readonly (Line | null)[]): Line | null {
  const first = lines[0] ?? null;
  return lines.every((l) => l === first) ? first : null;
}

/**
 * The simulated request a firing deadline cancels the wait for: what `task` awaited when the
 * timer fired, and how long after it was set the deadline came (its `sched` step's clock).
 */
function cancelledRequest(index: TraceIndex, step: StepInfo, task: TaskId): { request: RequestRef; delay: Seconds } | null {
  const on = stateAt(index, { step: step.step - 1 }).tasks[task - 1]?.on;
  if (on?.k !== 'request') return null;
  const record = index.internals.handles.get(step.handle);
  if (record?.when === undefined) return null;
  const setAt = stepOfEvent(index, record.schedAt);
  const setAtClock = setAt === 0 ? 0 : (index.steps[setAt - 1]?.t ?? 0);
  return { request: requestRef(on), delay: record.when - setAtClock };
}

/** The clock at the end of a step: the time it ran at plus any time.sleep inside it. */
function clockAtEnd(index: TraceIndex, stepNumber: number): Seconds {
  const step = index.steps[stepNumber - 1];
  let t = step?.t ?? 0;
  const from = step?.firstEvent ?? 0;
  const to = stepEnd(index, stepNumber);
  const events = index.trace.events;
  for (let i = from; i < to; i++) {
    const e = events[i];
    if (e !== undefined && e.e === 'block') t += e.d;
  }
  return t;
}

const firstSteps = new WeakMap<TraceIndex, ReadonlyMap<TaskId, number>>();

/** The step in which a task first ran. */
function firstStepOf(index: TraceIndex, task: TaskId): number | undefined {
  let map = firstSteps.get(index);
  if (map === undefined) {
    const firsts = new Map<TaskId, number>();
    for (const s of index.steps) if (s.task !== null && !firsts.has(s.task)) firsts.set(s.task, s.step);
    map = firsts;
    firstSteps.set(index, map);
  }
  return map.get(task);
}
