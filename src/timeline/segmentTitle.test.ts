import { describe, expect, it } from 'vitest';
import { viewStrings } from '../i18n/views';
import type { TaskInfo } from '../trace/types';
import { laneTitle, segmentTitle, type TitleFormat } from './segmentTitle';

const format = (lang: 'en' | 'zh'): TitleFormat => ({
  text: viewStrings(lang),
  formatTime: (t) => `${t.toFixed(3)} s`,
  awaitLabel: (on) => (on.k === 'sleep' ? `sleep until ${on.until.toFixed(3)} s` : on.k),
});

describe('segmentTitle', () => {
  it('says state, steps, time and what the task waits for', () => {
    const title = segmentTitle(
      { state: 'waiting', fromStep: 3, toStep: 8, fromT: 0, toT: 1, on: { k: 'sleep', until: 1, h: 4 } },
      1,
      format('en'),
    );
    expect(title).toBe('waiting · steps 3–7 · 0.000 s – 1.000 s\nwaiting for sleep until 1.000 s');
  });

  it('says one step and one instant when the segment is a single step', () => {
    const title = segmentTitle({ state: 'running', fromStep: 2, toStep: 3, fromT: 0.5, toT: 0.5 }, 1, format('zh'));
    expect(title).toBe('运行中 · 第 2 步 · 0.500 s');
  });

  it('cuts a very long await description', () => {
    const long: TitleFormat = { ...format('en'), awaitLabel: () => 'x'.repeat(1000) };
    const title = segmentTitle(
      { state: 'waiting', fromStep: 1, toStep: 2, fromT: 0, toT: 0, on: { k: 'future' } },
      1,
      long,
    );
    expect(title.length).toBeLessThan(250);
    expect(title.endsWith('…')).toBe(true);
  });

  it('mentions merged segments', () => {
    const title = segmentTitle({ state: 'ready', fromStep: 1, toStep: 1, fromT: 0, toT: 0 }, 12, format('en'));
    expect(title).toContain('12 segments drawn as one');
  });
});

describe('laneTitle', () => {
  const task: TaskInfo = {
    id: 2,
    name: 'Task-2',
    coro: 'worker',
    parent: 1,
    createdLine: 9,
    createdStep: 1,
    createdT: 0,
    internal: false,
  };

  it('names the task, its coroutine and its creator', () => {
    expect(laneTitle(task, 'main', viewStrings('en'))).toBe('Task-2 (worker)\ncreated by main in step 1');
  });

  it('skips the coroutine when the task is named after it, and the creator when there is none', () => {
    expect(laneTitle({ ...task, name: 'worker' }, null, viewStrings('en'))).toBe('worker');
  });

  it("says when a task is asyncio's own, in both languages", () => {
    const cleanup = { ...task, name: 'Task-5', coro: 'BaseEventLoop.shutdown_asyncgens', parent: null, internal: true };
    expect(laneTitle(cleanup, null, viewStrings('en'))).toBe(`Task-5 (BaseEventLoop.shutdown_asyncgens)\n${viewStrings('en').timeline.internalTask}`);
    expect(laneTitle(cleanup, null, viewStrings('zh'))).toContain('asyncio 自己的任务');
  });
});
