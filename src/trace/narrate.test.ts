/**
 * narrate's facts, put into words by src/i18n's renderer: the sentences the page shows, in
 * English and Chinese.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n/lang';
import { narrationText } from '../i18n/narration';
import type { TraceEvent } from '../protocol/trace';
import { cancelSleepingWorker } from './fixtures/cancelSleepingWorker';
import { createAndAwait } from './fixtures/createAndAwait';
import { sleepOneSecond } from './fixtures/sleepOneSecond';
import { traceOf } from './fixtures/traceOf';
import { indexTrace } from './indexTrace';
import { narrate } from './narrate';
import type { Cursor, TraceIndex } from './types';

/** The sentence the page shows at a cursor. */
const sentence = (index: TraceIndex, cursor: Cursor, lang: Lang): string => narrationText(narrate(index, cursor), lang);

const say = (events: readonly TraceEvent[], cursor: Cursor, lang: Lang = 'en') =>
  sentence(indexTrace(traceOf(events)), cursor, lang);

/** Task 1 `main`, created by asyncio.run, about to run its first step as step 1. */
const MAIN: readonly TraceEvent[] = [
  { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 30 },
  { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
  { e: 'iter', n: 1, t: 0 },
  { e: 'run', h: 1 },
];

describe('narrate: whole runs', () => {
  it('asyncio.run(main()) with a 1 s sleep, in English and Chinese', () => {
    const index = indexTrace(sleepOneSecond());
    const steps = [0, 1, 2, 3, 4];
    expect(steps.map((step) => sentence(index, { step }, 'en'))).toEqual([
      'The program starts and asyncio.run creates `main`; its first step waits in the ready queue, the loop has not run anything yet',
      '`main` starts and suspends at line 5, sleeping until t = 1.000 s',
      'The clock jumps to t = 1.000 s, then the timer for sleep(1) in `main` fires; its task moves to the ready queue',
      '`main` resumes and finishes',
      "The loop runs asyncio's internal callback `_run_until_complete_cb(<Task>)`",
    ]);
    expect(steps.map((step) => sentence(index, { step }, 'zh'))).toEqual([
      '程序开始运行，asyncio.run 创建了 `main`，它的第一步在就绪队列里等着；事件循环还没有执行任何东西',
      '`main` 开始运行，然后在第 5 行挂起，睡眠到 t = 1.000 s',
      '时钟跳到 t = 1.000 s，随后 sleep(1) 的定时器到期，`main` 任务进入就绪队列',
      '`main` 恢复运行，然后运行结束',
      'asyncio 的内部回调 `_run_until_complete_cb(<Task>)` 运行',
    ]);
  });

  it('creating and awaiting a task', () => {
    const index = indexTrace(createAndAwait());
    expect(sentence(index, { step: 1 }, 'en')).toBe(
      '`main` starts, creates `Task-2` (worker) at line 9 and suspends at line 10 awaiting Task-2',
    );
    expect(sentence(index, { step: 1 }, 'zh')).toBe(
      '`main` 开始运行，在第 9 行创建了 `Task-2`（worker），然后在第 10 行挂起，等待 Task-2',
    );
    expect(sentence(index, { step: 4 }, 'en')).toBe('`worker` resumes and returns 42; `main` moves to the ready queue');
    expect(sentence(index, { step: 4 }, 'zh')).toBe('`worker` 恢复运行，然后结束并返回 42，`main` 进入就绪队列');
  });

  it('a cancellation: requested, delivered, and felt by the task awaiting it', () => {
    const index = indexTrace(cancelSleepingWorker());
    expect(sentence(index, { step: 4 }, 'en')).toBe(
      '`main` resumes, cancels `worker` at line 9 and suspends at line 11 awaiting Task-2; `worker` moves to the ready queue',
    );
    expect(sentence(index, { step: 5 }, 'en')).toBe(
      '`worker` is cancelled at line 4: CancelledError delivered; `main` moves to the ready queue',
    );
    expect(sentence(index, { step: 5 }, 'zh')).toBe('`worker` 在第 4 行被取消：收到 CancelledError，`main` 进入就绪队列');
    expect(sentence(index, { step: 6 }, 'en')).toBe(
      '`main` resumes at line 11 with CancelledError from what it awaited and finishes',
    );
  });

  it('a line cursor says which line runs, and for whom', () => {
    const index = indexTrace(sleepOneSecond());
    expect(sentence(index, { step: 1, line: 0 }, 'en')).toBe('`main` runs line 4');
    expect(sentence(index, { step: 1, line: 0 }, 'zh')).toBe('`main` 执行第 4 行');
    expect(sentence(index, { step: 0, line: 2 }, 'en')).toBe('The program runs line 8 (top-level code)');
    expect(sentence(index, { step: 0, line: 2 }, 'zh')).toBe('程序执行第 8 行（顶层代码）');
  });
});

describe('narrate: single steps', () => {
  it('step 0 without a task yet, and a program with no loop', () => {
    const callbackOnly: TraceEvent[] = [
      { e: 'line', l: 1 },
      { e: 'sched', h: 1, on: { k: 'call', fn: 'f' } },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 1 },
    ];
    expect(say(callbackOnly, { step: 0 })).toBe('The program starts; the loop has not run anything yet');
    expect(say([{ e: 'line', l: 1 }], { step: 0 })).toBe('The program ran without an event loop: there are no loop steps to show');
    expect(say([{ e: 'line', l: 1 }], { step: 0 }, 'zh')).toBe('这个程序没有启动事件循环，没有可以展示的循环步骤');
  });

  it('a task that blocks the loop with time.sleep', () => {
    const events: TraceEvent[] = [
      ...MAIN,
      { e: 'line', l: 3 },
      { e: 'block', d: 2, l: 3 },
      { e: 'yield', task: 1, l: 4 },
    ];
    expect(say(events, { step: 1 })).toBe(
      '`main` starts, blocks the whole loop with time.sleep(2) at line 3 and yields to the loop at line 4, going back to the ready queue',
    );
    expect(say(events, { step: 1 }, 'zh')).toBe(
      '`main` 开始运行，在第 3 行用 time.sleep(2) 阻塞了整个事件循环，然后在第 4 行让出控制权，回到就绪队列',
    );
  });

  it('a user callback; a failing task; a task still running when the run stopped', () => {
    const callback: TraceEvent[] = [
      { e: 'sched', h: 1, on: { k: 'call', fn: 'callback', args: '(3)', user: true }, l: 5 },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 1 },
    ];
    expect(say(callback, { step: 1 })).toBe('Callback `callback(3)` runs');
    expect(say(callback, { step: 1 }, 'zh')).toBe('回调 `callback(3)` 运行');
    const fails: TraceEvent[] = [...MAIN, { e: 'done', task: 1, outcome: 'exception', exc: 'ValueError: boom' }];
    expect(say(fails, { step: 1 })).toBe('`main` starts and fails with ValueError: boom');
    expect(say(fails, { step: 1 }, 'zh')).toBe('`main` 开始运行，然后因 ValueError: boom 而失败');
    expect(say([...MAIN, { e: 'line', l: 2 }], { step: 1 })).toBe('`main` starts and is still running when the run stops');
  });

  it('a task cancelled before it started', () => {
    const events: TraceEvent[] = [
      { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 30 },
      { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
      { e: 'cancel', task: 1, by: null, via: 'runner', l: null },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 1, x: 'CancelledError' },
      { e: 'done', task: 1, outcome: 'cancelled' },
    ];
    expect(say(events, { step: 1 })).toBe('`main` is cancelled before it starts: CancelledError delivered');
    expect(say(events, { step: 1 }, 'zh')).toBe('`main` 还没开始运行就被取消：收到 CancelledError');
  });

  it('a cancelled task that catches it and goes on', () => {
    const events: TraceEvent[] = [
      ...MAIN,
      { e: 'suspend', task: 1, l: 4, on: { k: 'future', api: 'Event.wait', obj: 'Event#1' } },
      { e: 'cancel', task: 1, by: null, via: 'cancel()', l: 9 },
      { e: 'sched', h: 2, on: { k: 'wakeup', task: 1 } },
      { e: 'iter', n: 2, t: 0 },
      { e: 'run', h: 2, x: 'CancelledError' },
      { e: 'line', l: 6 },
      { e: 'suspend', task: 1, l: 7, on: { k: 'future', api: 'Queue.get', obj: 'Queue#1' } },
    ];
    expect(say(events, { step: 2 })).toBe(
      '`main` is cancelled at line 4: CancelledError delivered; then it suspends at line 7 awaiting Queue.get on Queue#1',
    );
    expect(say(events, { step: 2 }, 'zh')).toBe(
      '`main` 在第 4 行被取消：收到 CancelledError，之后在第 7 行挂起，等待 Queue#1 上的 Queue.get',
    );
  });

  it('a timeout deadline passing', () => {
    const events: TraceEvent[] = [
      ...MAIN,
      { e: 'sched', h: 2, on: { k: 'timeout', task: 1, via: 'timeout' }, when: 1 },
      { e: 'suspend', task: 1, l: 4, on: { k: 'future' } },
      { e: 'iter', n: 2, t: 1, due: [2] },
      { e: 'run', h: 2 },
      { e: 'cancel', task: 1, by: null, via: 'timeout', l: null },
      { e: 'sched', h: 3, on: { k: 'wakeup', task: 1 } },
    ];
    expect(say(events, { step: 2 })).toBe(
      'The clock jumps to t = 1.000 s, then the asyncio.timeout deadline of `main` passes and the task is cancelled',
    );
    expect(say(events, { step: 2 }, 'zh')).toBe('时钟跳到 t = 1.000 s，随后 `main` 的 asyncio.timeout 截止时间已到，任务被取消');
  });

  it('names same-coroutine tasks apart, and counts many created tasks', () => {
    const events: TraceEvent[] = [...MAIN];
    for (let id = 2; id <= 6; id++) {
      events.push({ e: 'task', id, name: `Task-${id}`, coro: 'main.<locals>.worker', by: 1, l: 5 });
      events.push({ e: 'sched', h: id, on: { k: 'step', task: id } });
    }
    events.push({ e: 'suspend', task: 1, l: 6, on: { k: 'gather', children: [2, 3, 4, 5, 6] } });
    events.push({ e: 'iter', n: 2, t: 0 }, { e: 'run', h: 2 }, { e: 'suspend', task: 2, l: 2, on: { k: 'future' } });
    expect(say(events, { step: 1 })).toBe(
      '`main` starts, creates 5 tasks at line 5 and suspends at line 6 awaiting gather(Task-2, Task-3, Task-4, Task-5, Task-6)',
    );
    expect(say(events, { step: 2 })).toBe('`worker` (Task-2) starts and suspends at line 2 awaiting a future');
  });

  it('a timeout that turns the CancelledError it caused into TimeoutError', () => {
    const events: TraceEvent[] = [
      ...MAIN,
      { e: 'suspend', task: 1, l: 4, on: { k: 'future' } },
      { e: 'cancel', task: 1, by: null, via: 'timeout', l: null },
      { e: 'sched', h: 2, on: { k: 'wakeup', task: 1 } },
      { e: 'iter', n: 2, t: 0 },
      { e: 'run', h: 2, x: 'CancelledError' },
      { e: 'uncancel', task: 1, via: 'timeout' },
      { e: 'done', task: 1, outcome: 'exception', exc: 'TimeoutError' },
    ];
    expect(say(events, { step: 2 })).toBe(
      '`main` is cancelled at line 4: CancelledError delivered and turned into TimeoutError by asyncio.timeout; then it fails with TimeoutError',
    );
    expect(say(events, { step: 2 }, 'zh')).toBe(
      '`main` 在第 4 行被取消：收到 CancelledError，asyncio.timeout 把它转换成了 TimeoutError，之后因 TimeoutError 而失败',
    );
  });

  it('a callback step does not claim the tasks asyncio.run creates after the loop stopped', () => {
    const events: TraceEvent[] = [
      { e: 'sched', h: 1, on: { k: 'call', fn: '_run_until_complete_cb' } },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 1 },
      { e: 'task', id: 1, name: 'Task-1', coro: 'BaseEventLoop.shutdown_asyncgens', by: null, l: 9, internal: true },
      { e: 'task', id: 2, name: 'Task-2', coro: 'hello', by: null, l: 3 },
    ];
    expect(say(events, { step: 1 })).toBe(
      "The loop runs asyncio's internal callback `_run_until_complete_cb` and creates `Task-2` (hello) at line 3",
    );
  });
});

describe('narrate: the facts, before any words', () => {
  it('names tasks by id and label, lines and times as numbers', () => {
    const index = indexTrace(createAndAwait());
    expect(narrate(index, { step: 1 })).toEqual({
      kind: 'step',
      clockJump: null,
      opening: { kind: 'task-starts', task: { id: 1, label: 'main', which: null } },
      actions: [{ kind: 'creates-tasks', tasks: [{ id: 2, name: 'Task-2', coro: 'worker' }], line: 9 }],
      ending: { kind: 'suspends-awaiting', line: 10, on: { kind: 'task', task: 'Task-2' } },
      ready: [],
    });
    const timer = narrate(indexTrace(sleepOneSecond()), { step: 2 });
    expect(timer).toMatchObject({ clockJump: 1, opening: { kind: 'sleep-fires', delay: 1, woke: true } });
  });

  it('a failure without its exception text says so in words of each language, not in English', () => {
    const fails: TraceEvent[] = [...MAIN, { e: 'done', task: 1, outcome: 'exception' }];
    expect(narrate(indexTrace(traceOf(fails)), { step: 1 })).toMatchObject({ ending: { kind: 'fails', exc: null } });
    expect(say(fails, { step: 1 })).toBe('`main` starts and fails with an exception');
    expect(say(fails, { step: 1 }, 'zh')).toBe('`main` 开始运行，然后因异常而失败');
  });
});
