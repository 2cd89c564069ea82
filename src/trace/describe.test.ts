/** The label facts, and the words src/i18n makes of them in both languages. */
import { describe, expect, it } from 'vitest';
import { taskLabelText } from '../i18n/format';
import { awaitLabelText, handleLabelText } from '../i18n/labels';
import type { Lang } from '../i18n/lang';
import type { AwaitTarget, HandleTarget } from '../protocol/trace';
import { MAX_GATHER_NAMES, describeAwait as awaitFacts, describeTarget, shortCoroName, taskLabel, taskName } from './describe';
import type { TaskInfo } from './types';

function task(id: number, coro: string, name = `Task-${id}`): TaskInfo {
  return { id, name, coro, parent: null, createdLine: null, createdStep: 0, createdT: 0, internal: false };
}

const tasks: readonly TaskInfo[] = [
  task(1, 'main'),
  task(2, 'main.<locals>.worker'),
  task(3, 'main.<locals>.worker'),
  task(4, 'fetch', 'downloader'),
  task(5, 'fetch'),
];

describe('task labels', () => {
  it('uses the coroutine without its enclosing function, the task name to tell same ones apart', () => {
    expect(shortCoroName('main.<locals>.worker')).toBe('worker');
    expect(shortCoroName('Client.fetch')).toBe('Client.fetch');
    expect(taskLabel(tasks, 1)).toEqual({ label: 'main', which: null });
    expect(taskLabel(tasks, 2)).toEqual({ label: 'worker', which: 'Task-2' });
    expect(taskLabelText(taskLabel(tasks, 2))).toBe('worker (Task-2)');
    expect(taskLabel(tasks, 4)).toEqual({ label: 'downloader', which: null }); // a name the learner gave wins
    expect(taskLabelText(taskLabel(tasks, 5))).toBe('fetch (Task-5)');
    expect(taskLabelText(taskLabel(tasks, 9))).toBe('Task-9');
    // Asked again (the answers are kept per tasks list): the same object, an unknown id not kept.
    expect(taskLabel(tasks, 2)).toBe(taskLabel(tasks, 2));
    expect(taskLabel(tasks, 9)).toEqual({ label: 'Task-9', which: null });
    expect(taskName(tasks, 3)).toBe('Task-3');
  });
});

describe('describeTarget', () => {
  const cases: readonly [HandleTarget, string, string][] = [
    [{ k: 'step', task: 1 }, 'step of main', 'main 的下一步'],
    [{ k: 'wakeup', task: 1 }, 'wakeup of main', '唤醒 main'],
    [{ k: 'sleep', task: 2, delay: 1 }, 'sleep(1) of worker (Task-2)', 'worker (Task-2) 的 sleep(1)'],
    [{ k: 'sleep', task: null, delay: 0.5 }, 'sleep(0.5)', 'sleep(0.5)'],
    [{ k: 'timeout', task: 1, via: 'timeout' }, 'timeout deadline of main', 'main 的 timeout 截止'],
    [{ k: 'timeout', task: 1, via: 'wait_for' }, 'wait_for deadline of main', 'main 的 wait_for 超时'],
    [{ k: 'call', fn: 'callback', args: '(3)', user: true }, 'callback(3)', 'callback(3)'],
    [{ k: 'call', fn: 'Future.set_result' }, 'Future.set_result', 'Future.set_result'],
    [{ k: 'worker', fn: 'blocking_io', task: 1 }, 'blocking_io done in a worker thread, for main', '工作线程为 main 完成 blocking_io'],
  ];
  it.each(cases)('%j', (target, en, zh) => {
    expect(handleLabelText(describeTarget(target, tasks), 'en')).toBe(en);
    expect(handleLabelText(describeTarget(target, tasks), 'zh')).toBe(zh);
  });

  it('gives the task as a label, not words', () => {
    expect(describeTarget({ k: 'sleep', task: 2, delay: 1 }, tasks)).toEqual({
      kind: 'sleep',
      delay: 1,
      task: { label: 'worker', which: 'Task-2' },
    });
  });
});

/** What a waiting task waits on, in words. */
const describeAwait = (on: AwaitTarget, all: readonly TaskInfo[], lang: Lang): string => awaitLabelText(awaitFacts(on, all), lang);

describe('describeAwait', () => {
  it('says what a waiting task waits on, in both languages', () => {
    expect(describeAwait({ k: 'sleep', until: 1, h: 2 }, tasks, 'en')).toBe('sleep until 1.000 s');
    expect(describeAwait({ k: 'sleep', until: 1, h: 2 }, tasks, 'zh')).toBe('睡眠至 1.000 s');
    expect(describeAwait({ k: 'future', api: 'Queue.get', obj: 'Queue#1' }, tasks, 'en')).toBe('Queue.get on Queue#1');
    expect(describeAwait({ k: 'future', api: 'Queue.get', obj: 'Queue#1' }, tasks, 'zh')).toBe('Queue#1 上的 Queue.get');
    expect(describeAwait({ k: 'future', api: 'Event.wait' }, tasks, 'en')).toBe('Event.wait');
    expect(describeAwait({ k: 'future', obj: 'Lock#2' }, tasks, 'en')).toBe('a future of Lock#2');
    expect(describeAwait({ k: 'future' }, tasks, 'en')).toBe('a future');
    expect(describeAwait({ k: 'future' }, tasks, 'zh')).toBe('一个 Future');
    expect(describeAwait({ k: 'task', task: 2 }, tasks, 'en')).toBe('Task-2');
    expect(describeAwait({ k: 'gather', children: [2, 3, null] }, tasks, 'en')).toBe('gather(Task-2, Task-3, future)');
    expect(describeAwait({ k: 'executor', fn: 'blocking_io' }, tasks, 'en')).toBe('blocking_io in a worker thread');
    expect(describeAwait({ k: 'executor', fn: 'blocking_io' }, tasks, 'zh')).toBe('工作线程中的 blocking_io');
  });

  it('names the first few children of a huge gather and counts the rest', () => {
    const children = Array.from({ length: 100_000 }, (_, i) => i + 2);
    expect(awaitFacts({ k: 'gather', children }, tasks)).toMatchObject({ kind: 'gather', more: 100_000 - MAX_GATHER_NAMES });
    const first = children.slice(0, MAX_GATHER_NAMES).map((id) => taskName(tasks, id)).join(', ');
    expect(describeAwait({ k: 'gather', children }, tasks, 'en')).toBe(`gather(${first}, …+99,990 more)`);
    expect(describeAwait({ k: 'gather', children }, tasks, 'zh')).toBe(`gather(${first}, ……另有 99990 个)`);
  });
});
