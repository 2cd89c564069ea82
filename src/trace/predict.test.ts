/**
 * "What happens next?" questions on the traces the real engine recorded: at every step, the
 * right answer is among the choices and is what the step really did, the choices are distinct,
 * and the same trace gives the same questions.
 */
import { describe, expect, it } from 'vitest';
import { SHIELD_TRACE, TASKGROUP_FAILURE_TRACE } from './fixtures/engineTraces';
import { describeTarget } from './describe';
import { indexTrace } from './indexTrace';
import { choiceKey, MAX_CHOICES, questionAt, type PredictQuestion } from './predict';
import { stateAt } from './stateAt';
import type { TraceIndex } from './types';

const traces = { 'TaskGroup failure': TASKGROUP_FAILURE_TRACE, shield: SHIELD_TRACE } as const;

function questions(index: TraceIndex): PredictQuestion[] {
  return index.steps.map((s) => questionAt(index, s.step)).filter((q): q is PredictQuestion => q !== null);
}

describe('predict questions', () => {
  for (const [name, trace] of Object.entries(traces)) {
    const index = indexTrace(trace);

    it(`on the ${name} run: the right answer is among distinct choices, and is what the step did`, () => {
      const asked = questions(index);
      expect(asked.length).toBeGreaterThan(index.steps.length / 2);
      for (const q of asked) {
        const where = `step ${q.step}`;
        expect(q.choices.length, where).toBeGreaterThanOrEqual(2);
        expect(q.choices.length, where).toBeLessThanOrEqual(MAX_CHOICES);
        expect(new Set(q.choices.map(choiceKey)).size, where).toBe(q.choices.length);
        const right = q.choices[q.answer];
        expect(right, where).toBeDefined();
        const step = index.steps[q.step - 1]!;
        switch (right!.kind) {
          case 'handle':
            expect(q.kind).toBe('runs-next');
            expect(right!.label, where).toEqual(describeTarget(step.target, index.tasks));
            break;
          case 'output': {
            expect(q.kind).toBe('prints');
            const printed = trace.events.slice(step.firstEvent, step.endEvent).find((e) => e.e === 'out');
            expect(printed?.e === 'out' && printed.s.split('\n')[0], where).toBe(right!.text);
            break;
          }
          case 'task': {
            expect(q.kind).toBe('wakes');
            // It waited before the step and is ready (or running) after it.
            expect(stateAt(index, { step: q.step - 1 }).tasks[right!.task.id - 1]?.state, where).toBe('waiting');
            expect(stateAt(index, { step: q.step }).tasks[right!.task.id - 1]?.state, where).not.toBe('waiting');
            break;
          }
        }
        // Wrong choices are plausible in that state: a handle that is queued or a timer pending, or a waiting task.
        const before = stateAt(index, { step: q.step - 1 });
        for (const [i, choice] of q.choices.entries()) {
          if (i === q.answer || choice.kind !== 'task') continue;
          expect(before.tasks[choice.task.id - 1]?.state, where).toBe('waiting');
        }
      }
    });

    it(`on the ${name} run: the same trace gives the same questions, choices in the same order`, () => {
      expect(questions(indexTrace(structuredClone(trace)))).toEqual(questions(index));
    });
  }

  it('asks which handle runs from the ready queue, the head being right (FIFO)', () => {
    const index = indexTrace(TASKGROUP_FAILURE_TRACE);
    // Steps 2 to 4: the three upload tasks are queued; the first created runs first.
    const runsNext = [2, 3, 4].map((s) => questionAt(index, s)).find((x) => x?.kind === 'runs-next');
    expect(runsNext?.why).toEqual({ kind: 'ready-head' });
    const labels = runsNext!.choices.map((c) => (c.kind === 'handle' ? c.label.kind : null));
    expect(labels.every((k) => k === 'step' || k === 'sleep' || k === 'timeout')).toBe(true);
  });

  it('says a timer fires when nothing was ready', () => {
    const index = indexTrace(SHIELD_TRACE);
    const timerSteps = index.steps.filter((s) => stateAt(index, { step: s.step - 1 }).readyQueue.length === 0).map((s) => s.step);
    const q = timerSteps.map((s) => questionAt(index, s)).find((x) => x?.kind === 'runs-next');
    expect(q?.why.kind).toBe('earliest-timer');
  });

  it('asks what prints, offering the program’s other lines', () => {
    const index = indexTrace(TASKGROUP_FAILURE_TRACE);
    const q = questions(index).find((x) => x.kind === 'prints');
    expect(q).toBeDefined();
    const lines = TASKGROUP_FAILURE_TRACE.stdout.split('\n');
    for (const c of q!.choices) expect(c.kind === 'output' && lines.includes(c.text)).toBe(true);
  });

  it('asks each kind somewhere in these runs', () => {
    const kinds = new Set(Object.values(traces).flatMap((t) => questions(indexTrace(t)).map((q) => q.kind)));
    expect([...kinds].sort()).toEqual(['prints', 'runs-next', 'wakes']);
  });

  it('has no question outside the run', () => {
    const index = indexTrace(SHIELD_TRACE);
    expect(questionAt(index, 0)).toBeNull();
    expect(questionAt(index, index.steps.length + 1)).toBeNull();
  });
});
