/**
 * A CPU-heavy step is narrated (issue 12): the step that ran 12,000 rounds of one line without
 * awaiting says so, and that the other task had to wait, in English and Chinese; a step that did
 * little work says nothing of the kind. On a trace the real engine recorded
 * (test/narration/programs.ts, `cpuHeavy`).
 */
import { describe, expect, it } from 'vitest';
import { narrationText } from '../i18n/narration';
import { NARRATION_TRACES } from './fixtures/narrationTraces';
import { traceOf } from './fixtures/traceOf';
import { indexTrace, narrate } from '.';
import type { Action } from './narration';

const cpuHeavy = NARRATION_TRACES.cpuHeavy;
if (cpuHeavy === undefined) throw new Error('the cpuHeavy narration trace is missing');
const index = indexTrace(traceOf(cpuHeavy.events, cpuHeavy.source, cpuHeavy.end));

function actionsAt(step: number): readonly Action[] {
  const story = narrate(index, { step });
  return story.kind === 'step' ? story.actions : [];
}

/** The one step whose events hold the `cpu` fact. */
const heavyStep = index.steps.find((s) => index.trace.events.slice(s.firstEvent, s.endEvent).some((e) => e.e === 'cpu'));

describe('the narration of a CPU-heavy step', () => {
  it('says how many rounds of which line ran without an await, and who waited', () => {
    expect(heavyStep).toBeDefined();
    const step = heavyStep?.step ?? 0;
    expect(actionsAt(step)).toContainEqual({ kind: 'computes-without-awaiting', lines: 3, rounds: 12000, line: 12, waiting: 1 });
    expect(narrationText(narrate(index, { step }), 'en')).toContain('runs 12,000 rounds of line 12 without awaiting (the other task waits all that time)');
    expect(narrationText(narrate(index, { step }), 'zh')).toContain('在第 12 行连续运行了 12,000 轮而没有 `await`（另一个任务一直在等）');
  });

  it('says nothing of the kind for the steps that did little work', () => {
    for (const s of index.steps) {
      if (s.step === heavyStep?.step) continue;
      expect(actionsAt(s.step).some((a) => a.kind === 'computes-without-awaiting'), `step ${s.step}`).toBe(false);
    }
  });
});
