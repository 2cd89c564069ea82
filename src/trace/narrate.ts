/**
 * narrate: one plain-language sentence about what a step did ("`main` resumes, creates `Task-2`
 * (worker) at line 9 and suspends at line 10 awaiting Task-2"), or, at a line cursor, which
 * line runs. This file decides what to say; src/i18n/narration.ts says it in each language.
 */
import type { Lang } from '../i18n/lang';
import { NARRATION, type NarrationStrings } from '../i18n/narration';
import type { Line, Seconds, TaskId, TraceEvent } from '../protocol/trace';
import { assertNever } from './assertNever';
import { cancellations } from './cancellations';
import { clampCursor } from './cursor';
import { callLabel, describeAwait, formatDelay, formatTime, requestLabel, taskLabelParts, timeoutKind } from './describe';
import { lineAt, lineEventsOf, stepEnd } from './indexTrace';
import { stateAt } from './stateAt';
import type { Cursor, StepInfo, TraceIndex } from './types';

/** Created tasks listed by name up to this many; more are counted. */
const MAX_LISTED = 3;

export function narrate(index: TraceIndex, cursor: Cursor, lang: Lang): string {
  const w = NARRATION[lang];
  const c = clampCursor(index, cursor);
  if (c.line !== undefined) return narrateLine(index, c.step, c.line, w);
  if (c.step === 0) return narrateStart(index, w);
  const step = index.steps[c.step - 1];
  return step === undefined ? w.sentence(w.programStarts) : narrateStep(index, step, w, lang);
}

/** `label`, or `label` (Task-3) when several tasks share the label. */
function taskRef(index: TraceIndex, id: TaskId, w: NarrationStrings): string {
  const { label, which } = taskLabelParts(index.tasks, id);
  return w.createdTask(code(label), which);
}

function code(text: string): string {
  return `\`${text}\``;
}

function narrateStart(index: TraceIndex, w: NarrationStrings): string {
  if (index.steps.length === 0) return w.sentence(w.noLoop);
  const main = index.tasks.find((t) => t.createdStep === 0 && t.parent === null && !t.internal);
  return w.sentence(main === undefined ? w.programStarts : w.programStartsWithTask(taskRef(index, main.id, w)));
}

function narrateLine(index: TraceIndex, stepNumber: number, line: number, w: NarrationStrings): string {
  const eventIndex = lineEventsOf(index, stepNumber)[line] ?? -1;
  const l = lineAt(index, eventIndex) ?? 0;
  const step = index.steps[stepNumber - 1];
  if (step === undefined || afterStepCode(index, step, eventIndex)) return w.sentence(w.topLevelRunsLine(l));
  if (step.task !== null) return w.sentence(w.taskRunsLine(taskRef(index, step.task, w), l));
  if (step.target.k === 'call') return w.sentence(w.callbackRunsLine(code(callLabel(step.target)), l));
  return w.sentence(w.topLevelRunsLine(l));
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
  readonly blocks: { readonly d: Seconds; readonly line: Line | null }[];
  /** Tasks that were waiting and whose wakeup this step scheduled. */
  readonly woken: TaskId[];
  /** The step's task's last suspend / yield / done. */
  ending: TraceEvent | null;
}

function gatherFacts(index: TraceIndex, step: StepInfo): StepFacts {
  const before = stateAt(index, { step: step.step - 1 });
  const facts: StepFacts = { created: [], cancelled: [], blocks: [], woken: [], ending: null };
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
        facts.blocks.push({ d: e.d, line: e.l });
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

function narrateStep(index: TraceIndex, step: StepInfo, w: NarrationStrings, lang: Lang): string {
  const facts = gatherFacts(index, step);
  const ref = (id: TaskId): string => taskRef(index, id, w);
  const readyClause = (sentence: string): string =>
    facts.woken.length === 0
      ? sentence
      : w.withReady(sentence, w.tasksBecomeReady(w.list(facts.woken.map(ref)), facts.woken.length));

  const target = step.target;
  let body: string;
  switch (target.k) {
    case 'step':
    case 'wakeup':
      // "…and returns 42; `main` moves to the ready queue": why the next task wakes.
      body = readyClause(taskStepBody(index, step, target.task, facts, w, lang));
      break;
    case 'sleep': {
      const woke = target.task !== null && facts.woken.includes(target.task);
      body = w.sleepFires(formatDelay(target.delay), target.task === null ? null : ref(target.task), woke);
      break;
    }
    case 'timeout': {
      const cancelled = target.task !== null && facts.cancelled.some((c) => c.task === target.task);
      body = w.timeoutFires(timeoutKind(target.via), target.task === null ? null : ref(target.task), cancelled);
      break;
    }
    case 'call':
      body = readyClause(
        w.clauses([w.callbackRuns(code(callLabel(target)), target.user === true), ...actionClauses(index, facts, w)]),
      );
      break;
    case 'worker':
      body = readyClause(w.workerFinishes(code(target.fn)));
      break;
    case 'request':
      // issue 10, placeholder until the narration refactor adds a "response arrives" sentence.
      body = readyClause(w.clauses([w.callbackRuns(code(requestLabel(target)), false), ...actionClauses(index, facts, w)]));
      break;
    default:
      body = assertNever(target);
  }
  const before = clockAtEnd(index, step.step - 1);
  if (step.t > before + 1e-9) body = w.afterClockJump(w.clockJumps(formatTime(step.t)), body);
  return w.sentence(body);
}

function taskStepBody(
  index: TraceIndex,
  step: StepInfo,
  task: TaskId,
  facts: StepFacts,
  w: NarrationStrings,
  lang: Lang,
): string {
  const ref = taskRef(index, task, w);
  const first = firstStepOf(index, task) === step.step;
  const suspendedAt = first ? null : (stateAt(index, { step: step.step - 1 }).tasks[task - 1]?.line ?? null);
  const actions = actionClauses(index, facts, w);
  const ending = endingClause(index, step, facts, w, lang);

  // CancelledError lands here because somebody cancelled this task, not merely because the
  // task it awaited was cancelled (that one "gets CancelledError from what it awaited").
  const landed =
    step.delivered === 'CancelledError'
      ? cancellations(index).filter((c) => c.target === task && c.delivered?.step === step.step)
      : [];
  if (landed.length > 0) {
    const cancelled = first ? w.taskCancelledBeforeStart(ref) : w.taskCancelledAt(ref, suspendedAt);
    const converted = landed.find((c) => c.outcome === 'converted' && c.endStep === step.step);
    const opening = converted === undefined ? cancelled : w.convertedToTimeout(cancelled, timeoutKind(converted.via));
    // Ending cancelled is what a delivered CancelledError does by default: no need to say it.
    const endsCancelled = facts.ending?.e === 'done' && facts.ending.outcome === 'cancelled';
    const rest = [...actions, ...(ending !== null && !endsCancelled ? [ending] : [])];
    return rest.length === 0 ? opening : w.afterCancel(opening, w.clauses(rest));
  }
  const opening =
    step.delivered !== undefined
      ? w.taskResumesWithError(ref, step.delivered, suspendedAt)
      : first
        ? w.taskStarts(ref)
        : w.taskResumes(ref);
  return w.clauses([opening, ...actions, ...(ending !== null ? [ending] : [])]);
}

function actionClauses(index: TraceIndex, facts: StepFacts, w: NarrationStrings): string[] {
  const clauses: string[] = [];
  const { created, cancelled, blocks } = facts;
  if (created.length > 0) {
    const line = sameLine(created.map((c) => c.line));
    if (created.length > MAX_LISTED) clauses.push(w.createsManyTasks(created.length, line));
    else {
      const names = created.map((c) => {
        const info = index.tasks[c.id - 1];
        const name = info?.name ?? `Task-${c.id}`;
        // "Task-2 (worker)": a default name says nothing about what the task runs.
        return w.createdTask(code(name), /^Task-\d+$/.test(name) && info ? taskLabelParts(index.tasks, c.id).label : null);
      });
      clauses.push(w.createsTasks(w.list(names), line));
    }
  }
  if (cancelled.length > 0) {
    const targets = [...new Set(cancelled.map((c) => c.task))];
    const listed = targets.slice(0, MAX_LISTED).map((id) => taskRef(index, id, w));
    if (targets.length > MAX_LISTED) listed.push('…');
    clauses.push(w.cancelsTasks(w.list(listed), sameLine(cancelled.map((c) => c.line))));
  }
  const block = blocks[0];
  if (block !== undefined) {
    const total = blocks.reduce((sum, b) => sum + b.d, 0);
    clauses.push(w.blocksLoop(formatDelay(total), block.line));
  }
  return clauses;
}

function endingClause(index: TraceIndex, step: StepInfo, facts: StepFacts, w: NarrationStrings, lang: Lang): string | null {
  const e = facts.ending;
  if (e === null) return step.step === index.steps.length ? w.stillRunning : null;
  switch (e.e) {
    case 'suspend':
      return e.on.k === 'sleep'
        ? w.suspendsSleeping(e.l, formatTime(e.on.until))
        : w.suspendsAwaiting(e.l, describeAwait(e.on, index.tasks, lang));
    case 'yield':
      return w.yields(e.l);
    case 'done':
      if (e.outcome === 'cancelled') return w.endsCancelled;
      if (e.outcome === 'exception') return w.fails(e.exc ?? 'an exception');
      return e.value === undefined || e.value === 'None' ? w.finishes : w.returnsValue(e.value);
    default:
      return null;
  }
}

/** The one line all of them share, or null when they differ (the sentence then names none). */
function sameLine(lines: readonly (Line | null)[]): Line | null {
  const first = lines[0] ?? null;
  return lines.every((l) => l === first) ? first : null;
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
