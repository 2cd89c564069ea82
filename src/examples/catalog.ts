/**
 * The example programs the Examples menu offers, in learning-path order: first await and
 * tasks, then collecting results, timeouts and cancellation, structured concurrency, the
 * synchronisation primitives, the callbacks and futures underneath, and last the two
 * thread-related lessons (the blocking mistake and its fix).
 *
 * Each program lives in `programs/<id>.py`; what real CPython printed for it is kept in
 * `expected/<id>.out` (see README.md in this folder for how those were made and checked).
 * The code and its comments are in English (the UI translates titles and summaries, not code).
 */
import type { Lang } from '../i18n/lang';
import asCompleted from './programs/as-completed.py?raw';
import blockingSleep from './programs/blocking-sleep.py?raw';
import callbacks from './programs/callbacks.py?raw';
import cancelCleanup from './programs/cancel-cleanup.py?raw';
import condition from './programs/condition.py?raw';
import createTask from './programs/create-task.py?raw';
import event from './programs/event.py?raw';
import forgottenAwait from './programs/forgotten-await.py?raw';
import futureCallback from './programs/future-callback.py?raw';
import gather from './programs/gather.py?raw';
import hello from './programs/hello.py?raw';
import lock from './programs/lock.py?raw';
import producerConsumer from './programs/producer-consumer.py?raw';
import semaphore from './programs/semaphore.py?raw';
import shield from './programs/shield.py?raw';
import taskgroup from './programs/taskgroup.py?raw';
import taskgroupFailure from './programs/taskgroup-failure.py?raw';
import timeoutBlock from './programs/timeout-block.py?raw';
import toThread from './programs/to-thread.py?raw';
import waitFirst from './programs/wait-first.py?raw';
import waitFor from './programs/wait-for.py?raw';

/** A short text in both UI languages. */
export interface LocalizedText {
  readonly en: string;
  readonly zh: string;
}

/** The asyncio topic an example teaches; the menu groups and labels examples by it. */
export type ExampleTopic =
  | 'basics'
  | 'tasks'
  | 'timeouts'
  | 'cancellation'
  | 'structured'
  | 'queues'
  | 'sync'
  | 'callbacks'
  | 'threads'
  | 'pitfalls';

/** Topic labels, in learning-path order. */
export const TOPICS: Readonly<Record<ExampleTopic, LocalizedText>> = {
  basics: { en: 'Basics', zh: '基础' },
  tasks: { en: 'Running tasks together', zh: '并发运行任务' },
  timeouts: { en: 'Timeouts', zh: '超时' },
  cancellation: { en: 'Cancellation', zh: '取消' },
  structured: { en: 'Structured concurrency', zh: '结构化并发' },
  queues: { en: 'Queues', zh: '队列' },
  sync: { en: 'Synchronisation', zh: '同步原语' },
  callbacks: { en: 'Callbacks and futures', zh: '回调与 Future' },
  threads: { en: 'Threads', zh: '线程' },
  pitfalls: { en: 'Common mistakes', zh: '常见错误' },
};

export interface Example {
  /**
   * Stable id: the file name in programs/ and expected/, and the key the Examples menu and the
   * tests use. Share links do not name it: a link carries the program text itself (src/share).
   */
  readonly id: string;
  readonly title: LocalizedText;
  /** One or two sentences: what to watch for while stepping through. */
  readonly summary: LocalizedText;
  readonly topic: ExampleTopic;
  /** The lowest CPython version the program runs on, when it is newer than 3.8. */
  readonly requires?: '3.9' | '3.11';
  /** The program text, exactly as in programs/<id>.py. */
  readonly source: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'hello',
    title: { en: 'Hello, sleep ordering', zh: '你好 asyncio：sleep 与打印顺序' },
    summary: {
      en: 'await pauses the coroutine until asyncio.sleep is over. Awaited one after another, the delays add up to 2 seconds.',
      zh: 'await 会让协程暂停，直到 asyncio.sleep 结束。一个接一个地 await，等待时间会累加，共 2 秒。',
    },
    topic: 'basics',
    source: hello,
  },
  {
    id: 'create-task',
    title: { en: 'create_task: run coroutines at the same time', zh: 'create_task：让协程同时运行' },
    summary: {
      en: 'Three tasks sleep at the same time and wake in order of their delays. Nothing starts until main awaits.',
      zh: '三个任务同时睡眠，按各自的时长先后醒来。在 main 执行 await 之前，它们都还没有开始。',
    },
    topic: 'tasks',
    source: createTask,
  },
  {
    id: 'forgotten-await',
    title: { en: 'Mistake: a forgotten await', zh: '常见错误：忘了写 await' },
    summary: {
      en: 'Calling a coroutine function without await only creates a coroutine object: its body never runs, and Python warns that it was never awaited.',
      zh: '调用协程函数却不 await，只会得到一个协程对象：函数体根本不会执行，Python 还会警告它“从未被 await”。',
    },
    topic: 'pitfalls',
    source: forgottenAwait,
  },
  {
    id: 'gather',
    title: { en: 'gather: collect results', zh: 'gather：收集多个结果' },
    summary: {
      en: 'gather runs the coroutines at once and returns results in the order passed in. With return_exceptions=True an error becomes one of the results.',
      zh: 'gather 同时运行多个协程，结果按传入的顺序返回。加上 return_exceptions=True，异常会作为结果之一返回。',
    },
    topic: 'tasks',
    source: gather,
  },
  {
    id: 'as-completed',
    title: { en: 'as_completed: first finished, first handled', zh: 'as_completed：先完成先处理' },
    summary: {
      en: 'Results arrive in the order the tasks finish, so each one can be handled without waiting for the slowest. A failure arrives in its turn too.',
      zh: '结果按任务完成的先后到达，每个结果都能立刻处理，不必等最慢的那个。出错的任务也按它完成的顺序到来。',
    },
    topic: 'tasks',
    source: asCompleted,
  },
  {
    id: 'wait-first',
    title: { en: 'wait(FIRST_COMPLETED): take the fastest', zh: 'wait(FIRST_COMPLETED)：取最快的结果' },
    summary: {
      en: 'asyncio.wait returns as soon as one task is done. The others keep running until you cancel them yourself.',
      zh: 'asyncio.wait 在第一个任务完成时就返回。其余任务仍在运行，需要自己取消它们。',
    },
    topic: 'tasks',
    source: waitFirst,
  },
  {
    id: 'wait-for',
    title: { en: 'wait_for: a timeout on one await', zh: 'wait_for：给一次等待加超时' },
    summary: {
      en: 'The small download finishes in time. The huge one is cancelled after 2 seconds and the caller gets TimeoutError.',
      zh: '小文件按时下载完成；大文件在 2 秒后被取消，调用方收到 TimeoutError。',
    },
    topic: 'timeouts',
    source: waitFor,
  },
  {
    id: 'timeout-block',
    title: { en: 'asyncio.timeout: a deadline for a block', zh: 'asyncio.timeout：给一段代码设期限' },
    summary: {
      en: 'All awaits inside async with asyncio.timeout(2) share one budget. reschedule() moves the deadline while the block runs.',
      zh: 'async with asyncio.timeout(2) 里的所有 await 共用同一个期限；reschedule() 可以在运行中推迟期限。',
    },
    topic: 'timeouts',
    requires: '3.11',
    source: timeoutBlock,
  },
  {
    id: 'cancel-cleanup',
    title: { en: 'Cancel a task and clean up', zh: '取消任务并做好清理' },
    summary: {
      en: 'task.cancel() raises CancelledError at the await where the task is waiting. finally closes the connection, and the error is re-raised.',
      zh: 'task.cancel() 会在任务正在等待的 await 处抛出 CancelledError。finally 负责关闭连接，然后把异常重新抛出。',
    },
    topic: 'cancellation',
    source: cancelCleanup,
  },
  {
    id: 'shield',
    title: { en: 'shield: protect work from a timeout', zh: 'shield：保护操作不被超时取消' },
    summary: {
      en: 'With shield the timeout only cancels the waiting, and the save finishes anyway. Without it, the save itself is cancelled.',
      zh: '用了 shield，超时只取消“等待”，保存操作照样完成；不用 shield，保存操作本身会被取消。',
    },
    topic: 'cancellation',
    source: shield,
  },
  {
    id: 'taskgroup',
    title: { en: 'TaskGroup: wait for every child', zh: 'TaskGroup：等所有子任务完成' },
    summary: {
      en: 'Leaving async with TaskGroup() waits for all children, including one added while the block was running.',
      zh: '离开 async with TaskGroup() 时会等待所有子任务，包括在代码块运行中途加入的那个。',
    },
    topic: 'structured',
    requires: '3.11',
    source: taskgroup,
  },
  {
    id: 'taskgroup-failure',
    title: { en: 'TaskGroup: one child fails', zh: 'TaskGroup：一个子任务失败' },
    summary: {
      en: 'When one child raises, the group cancels the siblings still running and raises an ExceptionGroup, caught here with except*.',
      zh: '一个子任务抛出异常时，任务组会取消仍在运行的兄弟任务，并抛出 ExceptionGroup，这里用 except* 捕获。',
    },
    topic: 'structured',
    requires: '3.11',
    source: taskgroupFailure,
  },
  {
    id: 'producer-consumer',
    title: { en: 'Queue: producer and consumers', zh: 'Queue：生产者与消费者' },
    summary: {
      en: 'The baker waits when the shelf is full, the sellers wait when it is empty, and join() waits until every cake is sold.',
      zh: '货架满了面包师就等待，货架空了店员就等待；join() 一直等到每块蛋糕都卖出。',
    },
    topic: 'queues',
    source: producerConsumer,
  },
  {
    id: 'semaphore',
    title: { en: 'Semaphore: at most 2 at a time', zh: 'Semaphore：同时最多 2 个' },
    summary: {
      en: 'Six downloads share a Semaphore(2): whenever one finishes, the next waiting download starts.',
      zh: '六个下载共用一个 Semaphore(2)：每完成一个，下一个排队的下载才开始。',
    },
    topic: 'sync',
    source: semaphore,
  },
  {
    id: 'lock',
    title: { en: 'Lock: no lost updates', zh: 'Lock：避免更新丢失' },
    summary: {
      en: 'Two withdrawals read the balance, wait, then write it back. Without a lock one update is lost; with a lock both count.',
      zh: '两笔取款都先读余额、等待、再写回。没有锁时有一笔更新会丢失；加了锁两笔都生效。',
    },
    topic: 'sync',
    source: lock,
  },
  {
    id: 'event',
    title: { en: 'Event: one signal wakes everyone', zh: 'Event：一个信号唤醒所有人' },
    summary: {
      en: 'Three runners wait on one Event; set() wakes them all at once. Once set, wait() no longer waits.',
      zh: '三名选手等待同一个 Event；set() 一次唤醒所有人。设置之后，再调用 wait() 就不会等待了。',
    },
    topic: 'sync',
    source: event,
  },
  {
    id: 'condition',
    title: { en: 'Condition: wait until it is true', zh: 'Condition：等待条件成立' },
    summary: {
      en: 'Customers wait for enough noodles. Each notify_all wakes them all, and each one checks its own condition again.',
      zh: '顾客等待面条够数。每次 notify_all 会唤醒所有人，每个人再重新检查自己的条件。',
    },
    topic: 'sync',
    source: condition,
  },
  {
    id: 'callbacks',
    title: { en: 'call_soon, call_later, call_at', zh: 'call_soon、call_later 与 call_at' },
    summary: {
      en: 'Plain functions scheduled on the loop: call_soon on its next turn, call_later after a delay, call_at at a time on loop.time(). A cancelled handle never runs.',
      zh: '把普通函数交给事件循环：call_soon 在下一轮运行，call_later 延迟运行，call_at 在 loop.time() 的指定时刻运行。被取消的回调不会执行。',
    },
    topic: 'callbacks',
    source: callbacks,
  },
  {
    id: 'future-callback',
    title: { en: 'Futures and done callbacks', zh: 'Future 与完成回调' },
    summary: {
      en: 'A Future is filled in later by set_result or set_exception. Its done callbacks run through the loop, before the awaiting task resumes.',
      zh: 'Future 之后由 set_result 或 set_exception 填入结果。它的完成回调经由事件循环运行，先于等待它的任务恢复执行。',
    },
    topic: 'callbacks',
    source: futureCallback,
  },
  {
    id: 'blocking-sleep',
    title: { en: 'Mistake: time.sleep blocks the loop', zh: '常见错误：time.sleep 卡住事件循环' },
    summary: {
      en: 'time.sleep inside a coroutine freezes every task: the heartbeat falls silent for 1.5 seconds. await asyncio.sleep pauses only the one coroutine.',
      zh: '在协程里调用 time.sleep 会让所有任务停下：心跳中断了 1.5 秒。await asyncio.sleep 只会暂停当前这个协程。',
    },
    topic: 'pitfalls',
    source: blockingSleep,
  },
  {
    id: 'to-thread',
    title: { en: 'to_thread and run_in_executor', zh: 'to_thread 与 run_in_executor' },
    summary: {
      en: 'Blocking functions run in worker threads while the loop keeps beating; both photos are ready after 1.5 seconds.',
      zh: '阻塞函数交给工作线程运行，事件循环照常响应，心跳不断；两张照片在 1.5 秒后都处理完毕。',
    },
    topic: 'threads',
    requires: '3.9',
    source: toThread,
  },
];

/**
 * Opened when nothing is saved and no link is given: several tasks sleeping at once show
 * every part of the view (lanes, the timer heap, the ready queue) in a 3-second run.
 */
export const DEFAULT_EXAMPLE_ID = 'create-task';

/**
 * The program text the editor gets in this UI language. Each program starts with a one-line
 * Chinese comment saying what it shows; an English reader gets the English title there instead.
 * Only that comment line changes, so line numbers (and the run) stay the same.
 */
export function exampleSource(example: Example, lang: Lang): string {
  if (lang === 'zh' || !example.source.startsWith('#')) return example.source;
  const newline = example.source.indexOf('\n');
  return `# ${example.title.en}${newline === -1 ? '\n' : example.source.slice(newline)}`;
}

/** The example with this id, or undefined (e.g. an id from an old share link). */
export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((example) => example.id === id);
}
