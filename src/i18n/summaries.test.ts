import { describe, expect, it } from 'vitest';
import { graphSummary, timelineSummary } from './summaries';

const facts = {
  step: 3,
  steps: 10,
  t: 1.5,
  tasks: 5,
  groups: [
    { state: 'running', names: ['main'], count: 1 },
    { state: 'waiting', names: ['w1', 'w2'], count: 3 },
    { state: 'done', names: [], count: 0 },
  ],
} as const;

describe('screen-reader summaries', () => {
  it('say the step, the time and the tasks by state, leaving out the empty states', () => {
    expect(timelineSummary(facts, 'en')).toBe(
      'Step 3 of 10, at 1.500 s of virtual time, 5 tasks. Running: main. Waiting: w1, w2 and 1 more.',
    );
    expect(timelineSummary(facts, 'zh')).toBe('第 3 / 10 步，虚拟时间 1.500 s，共 5 个任务。运行中：main。等待中：w1、w2 等 3 个。');
  });

  it('count the graph and name a deadlock', () => {
    expect(graphSummary({ tasks: 2, objects: 1, ties: 3, cycle: true }, 'en')).toBe(
      'Await graph: 2 tasks, 1 object, 3 ties, with a deadlock cycle.',
    );
    expect(graphSummary({ tasks: 1, objects: 0, ties: 1, cycle: false }, 'zh')).toBe('等待关系图：1 个任务、0 个对象、1 条关系。');
  });
});
