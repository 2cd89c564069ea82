/**
 * The breakpoints and predict slices through the store's own actions, on a trace the real engine
 * recorded: run to the next and previous hit (and the note when there is none), a question held
 * before its step by stepping and by the player, answers and the score.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/trace';
import { TASKGROUP_FAILURE_TRACE } from '../trace/fixtures/engineTraces';
import { questionAt } from '../trace';
import { classroomLinkParams, openClassroomParams } from './classroomLink';
import { selectBreakStop } from './breakpointsSlice';
import { selectAnswers, selectFeedback, selectQuestion, selectScore } from './predictSlice';
import { memoryStorage } from './storage';
import { createLoopscopeStore } from './store';
import { fakeTimers } from './testing/fakeTimers';

function showing() {
  const timers = fakeTimers();
  const store = createLoopscopeStore({
    createEngine: () => ({ run: () => 0, stop: () => undefined, restart: () => undefined, dispose: () => undefined }),
    storage: memoryStorage(),
    timers,
    languages: ['en'],
    defaultSource: () => '',
    runOptions: DEFAULT_RUN_OPTIONS,
  });
  store.getState().openTrace(TASKGROUP_FAILURE_TRACE);
  return { store, timers };
}

describe('breakpoints in the store', () => {
  it('runs forward and back between hits, saying which breakpoint hit', () => {
    const { store } = showing();
    const s = () => store.getState();
    s().toggleBreakpoint(6); // print(f"part {part}: uploading"): steps 2, 3 and 4
    s().runToHit('forward');
    expect(s().cursor).toEqual({ step: 2, line: 0 });
    expect(selectBreakStop(s())).toMatchObject({ kind: 'hit', reasons: [{ kind: 'line', line: 6 }] });
    s().runToHit('forward');
    s().runToHit('forward');
    expect(s().cursor).toEqual({ step: 4, line: 0 });
    s().runToHit('back');
    expect(s().cursor).toEqual({ step: 3, line: 0 });
    // Any other move takes the note away.
    s().stepForward('step');
    expect(selectBreakStop(s())).toBeNull();
  });

  it('stays put with a note when nothing is hit', () => {
    const { store } = showing();
    const s = () => store.getState();
    s().toggleEventBreakpoint({ kind: 'task-failed' });
    s().seek({ step: 12 });
    s().runToHit('forward');
    expect(s().cursor).toEqual({ step: 12 });
    expect(selectBreakStop(s())).toMatchObject({ kind: 'no-hit', direction: 'forward' });
    s().runToHit('back');
    expect(s().cursor).toEqual({ step: 9 });
    expect(selectBreakStop(s())).toMatchObject({ kind: 'hit', reasons: [{ kind: 'task-failed' }] });
  });

  it('toggles a breakpoint off, and puts what is set into the link', () => {
    const { store } = showing();
    const s = () => store.getState();
    expect(classroomLinkParams(s())).toEqual({});
    s().toggleBreakpoint(9);
    s().toggleBreakpoint(4);
    s().toggleBreakpoint(9);
    s().setTimeBreakpoint(0.5);
    s().setTimeBreakpoint(1);
    s().setAskSteps([5, 2, 5]);
    expect(classroomLinkParams(s())).toEqual({ breakpoints: { lines: [4], events: [{ kind: 'time-reached', t: 1 }] }, ask: [2, 5] });
  });
});

describe('predict mode in the store', () => {
  it('opens in predict mode from a teacher’s predict=1 link, and puts it back into the link', () => {
    const { store } = showing();
    const s = () => store.getState();
    expect(classroomLinkParams(s())).toEqual({});
    openClassroomParams(store, { source: 'x', predict: true });
    expect(s().predictOn).toBe(true);
    expect(classroomLinkParams(s())).toEqual({ predict: true });
    // Stepping forward now asks first: the step with a question is held behind it.
    const asked = TASKGROUP_FAILURE_TRACE.stats.steps;
    let step = 1;
    while (step <= asked && questionAt(s().index!, step) === null) step++;
    s().seek({ step: step - 1 });
    s().stepForward('step');
    expect(selectQuestion(s())?.step).toBe(step);
    // A link without it leaves predict mode off, as every link made before it did.
    openClassroomParams(store, { source: 'x' });
    expect(s().predictOn).toBe(false);
    expect(classroomLinkParams(s())).toEqual({});
  });

  it('holds before each step, asks, and shows the step with the answer', () => {
    const { store } = showing();
    const s = () => store.getState();
    // Step 1 has nothing to ask (only main can run, nothing waits, nothing prints): it just steps.
    expect(questionAt(s().index!, 1)).toBeNull();
    s().togglePredict();
    s().stepForward('step');
    expect(s().cursor).toEqual({ step: 1 });
    s().stepForward('step');
    expect(s().cursor).toEqual({ step: 1 });
    const q = selectQuestion(s());
    expect(q?.step).toBe(2);
    s().stepForward('step'); // no way past a question but to answer it
    expect(s().cursor).toEqual({ step: 1 });
    s().answerQuestion(q!.answer);
    expect(s().cursor).toEqual({ step: 2 });
    expect(selectFeedback(s())).toMatchObject({ right: true });
    s().stepForward('step');
    const q2 = selectQuestion(s())!;
    s().answerQuestion((q2.answer + 1) % q2.choices.length);
    expect(selectFeedback(s())).toMatchObject({ right: false });
    expect(selectAnswers(s())).toHaveLength(2);
    // Going back and forward again does not ask twice.
    s().stepBack('step');
    s().stepForward('step');
    expect(s().cursor).toEqual({ step: 3 });
  });

  it('stops the player at a teacher’s steps only, and scores them at the end', () => {
    const { store, timers } = showing();
    const s = () => store.getState();
    s().setAskSteps([3, 8]);
    s().play();
    for (let i = 0; i < 50 && s().playing; i++) timers.advance(1000);
    expect(s().playing).toBe(false);
    expect(s().cursor).toEqual({ step: 2 });
    const q = selectQuestion(s())!;
    expect(q.step).toBe(3);
    s().answerQuestion(q.answer);
    s().play();
    for (let i = 0; i < 50 && s().playing; i++) timers.advance(1000);
    expect(selectQuestion(s())?.step).toBe(8);
    s().answerQuestion(null); // "Show me"
    expect(selectScore(s())).toBeNull(); // not at the end yet
    s().jumpEnd();
    expect(selectScore(s())).toEqual([
      { step: 3, result: 'right' },
      { step: 8, result: 'skipped' },
    ]);
  });
});
