/**
 * Predict mode ("what happens next?"): before a step, playback holds and asks; the learner's
 * pick is recorded, then the step is shown with right or wrong and why. A teacher's link asks at
 * chosen steps (`ask=12,30`) whether or not predict mode is on, and the learner's score shows at
 * the end. Answers are kept with the trace they belong to: a new run starts with none.
 */
import { questionAt, stepCount, type PredictQuestion } from '../trace';
import type { Cursor, TraceIndex } from '../trace/types';
import type { GetState, LoopscopeState, SetState } from './types';

/** One question the learner met: the choice they picked (null: they asked to be shown). */
export interface PredictAnswer {
  readonly question: PredictQuestion;
  readonly picked: number | null;
  readonly right: boolean;
}

export interface PredictSlice {
  /** Predict mode: ask before every step (that has a question). */
  readonly predictOn: boolean;
  /** The steps a teacher's link asks about (ask=), ascending. */
  readonly askSteps: readonly number[];
  /** The question asked now, with the trace it is about. */
  readonly predictQuestion: { readonly index: TraceIndex; readonly question: PredictQuestion } | null;
  /** Answers given for `index`. */
  readonly predictRecord: { readonly index: TraceIndex; readonly answers: readonly PredictAnswer[] } | null;
  readonly togglePredict: () => void;
  readonly setAskSteps: (steps: readonly number[]) => void;
  /** Pick choice `choice` of the question asked now (null: show the answer without guessing). */
  readonly answerQuestion: (choice: number | null) => void;
  /**
   * Called by playback before a forward move from `from` to `to`: true when the move enters a
   * step that asks first (the cursor then rests at the end of the step before, the question up).
   */
  readonly holdForQuestion: (from: Cursor, to: Cursor) => boolean;
}

export function createPredictSlice(set: SetState, get: GetState): PredictSlice {
  return {
    predictOn: false,
    askSteps: [],
    predictQuestion: null,
    predictRecord: null,
    togglePredict() {
      set((s) => ({ predictOn: !s.predictOn, predictQuestion: s.predictOn ? null : s.predictQuestion }));
    },
    setAskSteps(steps) {
      set({ askSteps: [...new Set(steps.filter((n) => Number.isSafeInteger(n) && n >= 1))].sort((a, b) => a - b) });
    },
    answerQuestion(choice) {
      const s = get();
      const asked = selectQuestion(s);
      if (asked === null || s.index === null) return;
      const picked = choice !== null && choice >= 0 && choice < asked.choices.length ? choice : null;
      const answer: PredictAnswer = { question: asked, picked, right: picked === asked.answer };
      const earlier = selectAnswers(s).filter((a) => a.question.step !== asked.step);
      set({ predictRecord: { index: s.index, answers: [...earlier, answer] }, predictQuestion: null });
      get().seek({ step: asked.step });
    },
    holdForQuestion(from, to) {
      const s = get();
      const index = s.index;
      if (index === null || to.step <= from.step) return false;
      const step = from.step + 1;
      if (!s.predictOn && !s.askSteps.includes(step)) return false;
      if (selectAnswers(s).some((a) => a.question.step === step)) return false;
      const question = questionAt(index, step);
      if (question === null) return false;
      get().seek({ step: step - 1 });
      set({ predictQuestion: { index, question } });
      return true;
    },
  };
}

/** The question up now: for this trace, while the cursor rests just before its step. */
export function selectQuestion(s: LoopscopeState): PredictQuestion | null {
  const q = s.predictQuestion;
  if (q === null || q.index !== s.index || s.cursor.step !== q.question.step - 1 || s.cursor.line !== undefined) return null;
  return q.question;
}

const NO_ANSWERS: readonly PredictAnswer[] = [];

/** The answers given in this run, in the order given. */
export function selectAnswers(s: LoopscopeState): readonly PredictAnswer[] {
  return s.predictRecord !== null && s.predictRecord.index === s.index ? s.predictRecord.answers : NO_ANSWERS;
}

/** The answer to the step on screen, right after it was given (the feedback). */
export function selectFeedback(s: LoopscopeState): PredictAnswer | null {
  if (s.cursor.line !== undefined) return null;
  return selectAnswers(s).find((a) => a.question.step === s.cursor.step) ?? null;
}

/** One line of the score: a step the learner was (or would have been) asked about. */
export interface ScoreItem {
  readonly step: number;
  readonly result: 'right' | 'wrong' | 'skipped';
}

/**
 * The score at the end of the run: over the teacher's steps when the link asks some (each that
 * has a question; a step not reached or not answered counts as not answered), else over the
 * questions predict mode asked. Null before the end, or when nothing was asked.
 */
export function selectScore(s: LoopscopeState): readonly ScoreItem[] | null {
  return s.index === null ? null : scoreOf(s.index, s.cursor.step, s.askSteps, selectAnswers(s));
}

/** selectScore from its parts, for a view that memoises it on them (it is a new list each time). */
export function scoreOf(index: TraceIndex, atStep: number, askSteps: readonly number[], answers: readonly PredictAnswer[]): readonly ScoreItem[] | null {
  const last = stepCount(index);
  if (atStep < last) return null;
  const result = (a: PredictAnswer | undefined): ScoreItem['result'] => (a === undefined || a.picked === null ? 'skipped' : a.right ? 'right' : 'wrong');
  const steps =
    askSteps.length > 0
      ? askSteps.filter((step) => step <= last && questionAt(index, step) !== null)
      : answers.map((a) => a.question.step).sort((a, b) => a - b);
  if (steps.length === 0) return null;
  return steps.map((step) => ({ step, result: result(answers.find((a) => a.question.step === step)) }));
}
