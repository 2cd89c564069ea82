/**
 * "What happens next?" questions built from a recorded run, in the spirit of Runestone's
 * codelens: at the end of step N−1 the learner picks what step N does, from the right answer
 * and wrong ones that are plausible in that very state (other handles in the ready queue and
 * the timer heap, other tasks that wait, other lines the program prints).
 *
 * Facts only (tasks by label, handles as HandleLabel, printed text as printed); src/i18n/predict.ts
 * words the question, the choices and why. Deterministic: the same trace and step give the same
 * question with its choices in the same order.
 */
import type { Line, Seconds, TaskId } from '../protocol/trace';
import { assertNever } from '../protocol/assertNever';
import { describeTarget, taskLabel } from './describe';
import type { HandleLabel, TaskRef } from './narration';
import { stateAt } from './stateAt';
import type { LoopState, StepInfo, TraceIndex } from './types';

/** What a question asks about the next step. */
export type QuestionKind =
  /** Which handle does the loop run next (from the ready queue, or the timer that fires)? */
  | 'runs-next'
  /** Which waiting task does the next step wake first? */
  | 'wakes'
  /** What does the next step print first? */
  | 'prints';

export type PredictChoice =
  | { readonly kind: 'handle'; readonly label: HandleLabel }
  | { readonly kind: 'task'; readonly task: TaskRef }
  | { readonly kind: 'output'; readonly text: string };

/** Why the right answer is right, beyond the step's own narration. */
export type PredictWhy =
  /** The ready queue is first in, first out: its head runs next. */
  | { readonly kind: 'ready-head' }
  /** Nothing was ready: the clock jumps to the earliest timer, at `at`. */
  | { readonly kind: 'earliest-timer'; readonly at: Seconds }
  /** The step's handle (`by`) finished what the task waited for: it is woken, first in line. */
  | { readonly kind: 'woken-first'; readonly by: HandleLabel }
  /** `task` (null: top-level code or a callback) prints it at `line`. */
  | { readonly kind: 'printed-by'; readonly task: TaskRef | null; readonly line: Line | null };

export interface PredictQuestion {
  /** The step asked about: the learner sees the state at the end of step − 1. */
  readonly step: number;
  readonly kind: QuestionKind;
  /** Distinct choices, the right one among them, at most MAX_CHOICES. */
  readonly choices: readonly PredictChoice[];
  /** The place of the right choice in `choices`. */
  readonly answer: number;
  readonly why: PredictWhy;
}

/** A question offers at most this many choices. */
export const MAX_CHOICES = 4;

/** The longest printed line offered as a choice (longer ones are cut, the same way each time). */
const MAX_OUTPUT_CHARS = 120;

interface Draft {
  readonly kind: QuestionKind;
  readonly right: PredictChoice;
  readonly wrong: readonly PredictChoice[];
  readonly why: PredictWhy;
}

/**
 * The question about step `step` (1..stepCount), or null when the state before it offers no
 * plausible wrong answer (one handle could run and nothing prints or wakes).
 */
export function questionAt(index: TraceIndex, step: number): PredictQuestion | null {
  const info = index.steps[step - 1];
  if (info === undefined || !Number.isInteger(step)) return null;
  const before = stateAt(index, { step: step - 1 });
  const drafts = [runsNextDraft(index, info, before, false), printsDraft(index, info), wakesDraft(index, info, before)].filter(
    (d): d is Draft => d !== null,
  );
  // Questions take turns between the kinds that fit, so a lesson asks more than one thing.
  const draft = drafts[step % Math.max(1, drafts.length)] ?? runsNextDraft(index, info, before, true);
  return draft === null ? null : finish(step, draft);
}

/** The choices in a fixed order that does not give the answer away (the right one is not always first). */
function finish(step: number, draft: Draft): PredictQuestion | null {
  const rightKey = choiceKey(draft.right);
  const seen = new Set([rightKey]);
  const wrong: PredictChoice[] = [];
  for (const choice of draft.wrong) {
    const key = choiceKey(choice);
    if (seen.has(key)) continue; // a wrong choice that reads like the right one would be unfair
    seen.add(key);
    wrong.push(choice);
    if (wrong.length === MAX_CHOICES - 1) break;
  }
  if (wrong.length === 0) return null;
  const choices = [draft.right, ...wrong]
    .map((choice) => ({ choice, rank: mix(step, choiceKey(choice)) }))
    .sort((a, b) => a.rank - b.rank || (choiceKey(a.choice) < choiceKey(b.choice) ? -1 : 1))
    .map(({ choice }) => choice);
  return { step, kind: draft.kind, choices, answer: choices.findIndex((c) => choiceKey(c) === rightKey), why: draft.why };
}

/** Two choices that read alike have the same key. */
export function choiceKey(choice: PredictChoice): string {
  switch (choice.kind) {
    case 'handle':
      return `h:${JSON.stringify(choice.label)}`;
    case 'task':
      return `t:${choice.task.id}`;
    case 'output':
      return `o:${choice.text}`;
    default:
      return assertNever(choice);
  }
}

/** FNV-1a of the step and a key: a stable, well-spread order. */
function mix(step: number, key: string): number {
  let h = (0x811c9dc5 ^ step) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Which handle runs: the step's own, against the others the state offers (the ready queue, the
 * timers); `withWaiting`: also "a waiting task resumes" for tasks that are not ready, for a
 * state where only one handle could run.
 */
function runsNextDraft(index: TraceIndex, info: StepInfo, before: LoopState, withWaiting: boolean): Draft | null {
  const label = (on: Parameters<typeof describeTarget>[0]): PredictChoice => ({ kind: 'handle', label: describeTarget(on, index.tasks) });
  const ready = before.readyQueue.filter((r) => !r.cancelled);
  const timers = before.timerHeap.filter((t) => !t.cancelled);
  const others = [...ready, ...timers].filter((h) => h.h !== info.handle).map((h) => label(h.on));
  if (withWaiting) {
    for (const task of before.tasks) {
      if (task.state === 'waiting' && task.id !== info.task) others.push(label({ k: 'wakeup', task: task.id }));
    }
  }
  if (!withWaiting && others.length === 0) return null;
  const inReady = ready.some((r) => r.h === info.handle);
  return {
    kind: 'runs-next',
    right: label(info.target),
    wrong: others,
    why: inReady ? { kind: 'ready-head' } : { kind: 'earliest-timer', at: info.t },
  };
}

/** What prints first: the step's first printed line, against the program's other lines. */
function printsDraft(index: TraceIndex, info: StepInfo): Draft | null {
  const events = index.trace.events;
  let text: string | null = null;
  let line: Line | null = null;
  for (let i = info.firstEvent; i < info.endEvent && text === null; i++) {
    const e = events[i];
    if (e?.e === 'line') line = e.l;
    if (e?.e === 'out' && e.fd !== 'err') text = firstLine(e.s);
  }
  if (text === null || text === '') return null;
  const printed = index.trace.stdout.split('\n').map(firstLine).filter((l) => l !== '');
  const at = printed.indexOf(text);
  // The lines nearest to it in the output first: the ones a learner would mix it up with.
  const nearest = printed
    .map((l, i) => ({ l, d: Math.abs(i - at) + (i < at ? 0.5 : 0) }))
    .filter(({ l }) => l !== text)
    .sort((a, b) => a.d - b.d)
    .map(({ l }): PredictChoice => ({ kind: 'output', text: l }));
  if (nearest.length === 0) return null;
  return {
    kind: 'prints',
    right: { kind: 'output', text },
    wrong: nearest,
    why: { kind: 'printed-by', task: info.task === null ? null : taskRef(index, info.task), line },
  };
}

/** Which waiting task the step wakes first, against the other tasks that wait. */
function wakesDraft(index: TraceIndex, info: StepInfo, before: LoopState): Draft | null {
  const woken = wokenTasks(index, info, before);
  const first = woken[0];
  if (first === undefined) return null;
  const wrong = before.tasks
    .filter((t) => t.state === 'waiting' && !woken.includes(t.id) && !(index.tasks[t.id - 1]?.internal ?? true))
    .map((t): PredictChoice => ({ kind: 'task', task: taskRef(index, t.id) }));
  if (wrong.length === 0) return null;
  return {
    kind: 'wakes',
    right: { kind: 'task', task: taskRef(index, first) },
    wrong,
    why: { kind: 'woken-first', by: describeTarget(info.target, index.tasks) },
  };
}

/** Tasks that waited before the step and whose wakeup the step scheduled, in order (as narrate). */
function wokenTasks(index: TraceIndex, info: StepInfo, before: LoopState): TaskId[] {
  const woken: TaskId[] = [];
  const events = index.trace.events;
  for (let i = info.firstEvent; i < info.endEvent; i++) {
    const e = events[i];
    if (e?.e !== 'sched' || e.when !== undefined || (e.on.k !== 'step' && e.on.k !== 'wakeup')) continue;
    const task = e.on.task;
    if (before.tasks[task - 1]?.state === 'waiting' && !woken.includes(task)) woken.push(task);
  }
  return woken;
}

function taskRef(index: TraceIndex, id: TaskId): TaskRef {
  return { id, ...taskLabel(index.tasks, id) };
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > MAX_OUTPUT_CHARS ? `${line.slice(0, MAX_OUTPUT_CHARS)}…` : line;
}
