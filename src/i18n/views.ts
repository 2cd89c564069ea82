/**
 * The words of the loop views (task timeline, ready queue, timers, cancellations) in both UI
 * languages. One interface, two objects: a string missing in one language is a type error.
 * Numbers and times arrive already formatted (formatTime, ./format.ts), so these only place them;
 * the states and outcomes they name are src/trace's own types.
 */
import type { CancelVia, HandleTarget } from '../protocol/trace';
import type { CancellationOutcome, TaskState } from '../trace/types';
import type { Lang } from './lang';

/** A lane's state at the cursor: the task's state, or a task the program has not created yet. */
export type LaneState = TaskState | 'not-created';

export interface ViewStrings {
  readonly state: Readonly<Record<LaneState, string>>;
  /** Short badge naming what kind of handle a ready-queue entry or timer is. */
  readonly handleKind: Readonly<Record<HandleTarget['k'], string>>;
  readonly step: (n: number) => string;
  readonly line: (n: number) => string;
  readonly handle: (h: number) => string;

  readonly timeline: {
    readonly title: string;
    readonly axisLabel: string;
    readonly stepAxis: string;
    readonly timeAxis: string;
    readonly resetZoom: string;
    readonly hint: string;
    readonly empty: string;
    readonly runningNow: string;
    readonly steps: (from: number, to: number) => string;
    readonly waitingFor: (what: string) => string;
    readonly createdBy: (parent: string, step: number) => string;
    /** A lane's tooltip line for a task whose coroutine is asyncio's, not the program's. */
    readonly internalTask: string;
    readonly lanesShown: (from: number, to: number, total: number) => string;
    readonly merged: (n: number) => string;
  };

  readonly readyQueue: {
    readonly title: string;
    readonly runningNow: string;
    readonly nothingRunning: string;
    readonly runsNext: string;
    readonly empty: string;
    readonly cancelled: string;
    readonly fifoHint: string;
    /** The running task step resumes with an exception thrown in (e.g. CancelledError). */
    readonly thrownIn: (exc: string) => string;
    /** The queue is longer than the panel lists. */
    readonly more: (n: number) => string;
    readonly jumpToRun: (step: number) => string;
  };

  readonly timers: {
    readonly title: string;
    readonly empty: string;
    readonly clock: string;
    readonly deadline: string;
    readonly owner: string;
    readonly cancelled: string;
    readonly dueIn: (delay: string) => string;
    readonly dueNow: string;
    readonly jumped: (from: string, to: string) => string;
    readonly now: (t: string) => string;
    readonly more: (n: number) => string;
    readonly jumpToFire: (step: number) => string;
    /** A marker standing for timers `from`..`to` (1-based firing order) that fire at `when`. */
    readonly group: (from: number, to: number, when: string) => string;
  };

  readonly cancellations: {
    readonly title: string;
    readonly empty: string;
    /**
     * The requester when no task's step asked: the loop itself (asyncio.run cancelling what is
     * left, via runner/loop), else a plain callback (a TaskGroup's done-callback, a timeout's timer).
     */
    readonly noTask: (via: CancelVia) => string;
    readonly requested: (step: number) => string;
    readonly delivered: (step: number) => string;
    readonly notDelivered: string;
    readonly message: (msg: string) => string;
    readonly future: string;
    readonly outcome: Readonly<Record<CancellationOutcome, string>>;
    /** The badge naming who asked: asyncio's own names, except the few that are not an API. */
    readonly via: Readonly<Record<CancelVia, string>>;
    /** What set it off (the cancel event's `cause`): a failed TaskGroup child, or a cancelled awaiter. */
    readonly cause: (via: CancelVia, cause: string) => string;
    /** The rows left out above and below the ones drawn around the cursor. */
    readonly earlier: (n: number) => string;
    readonly later: (n: number) => string;
    readonly seekRequest: string;
    readonly seekDelivery: string;
  };
}

/** asyncio's own names stay as code in both languages: they are what the learner types. */
const API_NAMES = {
  'cancel()': 'cancel()',
  timeout: 'timeout',
  wait_for: 'wait_for',
  TaskGroup: 'TaskGroup',
  gather: 'gather',
  wait: 'wait',
  shield: 'shield',
  as_completed: 'as_completed',
  runner: 'asyncio.run',
} as const;

const en: ViewStrings = {
  state: {
    ready: 'ready',
    running: 'running',
    waiting: 'waiting',
    done: 'done',
    failed: 'failed',
    cancelled: 'cancelled',
    'not-created': 'not created yet',
  },
  handleKind: {
    step: 'task step',
    wakeup: 'wakeup',
    sleep: 'sleep',
    timeout: 'timeout',
    call: 'callback',
    worker: 'worker result',
    request: 'simulated request',
  },
  step: (n) => `step ${n}`,
  line: (n) => `line ${n}`,
  handle: (h) => `handle #${h}`,

  timeline: {
    title: 'Task timeline',
    axisLabel: 'X axis',
    stepAxis: 'Steps',
    timeAxis: 'Virtual time',
    resetZoom: 'Reset zoom',
    hint: 'Wheel to zoom, drag to pan, click to jump to that step',
    empty: 'No tasks yet: run the program to see its tasks.',
    runningNow: 'running in this step',
    steps: (from, to) => (from === to ? `step ${from}` : `steps ${from}–${to}`),
    waitingFor: (what) => `waiting for ${what}`,
    createdBy: (parent, step) => `created by ${parent} in step ${step}`,
    internalTask: "asyncio's own task: its coroutine is not in your program (asyncio.run makes these to clean up at the end)",
    lanesShown: (from, to, total) => `tasks ${from}–${to} of ${total}`,
    merged: (n) => `${n} segments drawn as one (zoom in to separate them)`,
  },

  readyQueue: {
    title: 'Ready queue',
    runningNow: 'Running now',
    nothingRunning: 'Nothing is running: the loop has not started a step.',
    runsNext: 'runs next',
    empty: 'The ready queue is empty.',
    cancelled: 'cancelled: the loop will drop it without running it',
    fifoHint: 'First in, first out: the loop runs these in order, top first.',
    thrownIn: (exc) => `resumes with ${exc} thrown in`,
    more: (n) => `…and ${n.toLocaleString('en')} more behind them`,
    jumpToRun: (step) => `Jump to step ${step}, where the loop runs it`,
  },

  timers: {
    title: 'Timers',
    empty: 'No pending timers.',
    clock: 'clock',
    deadline: 'deadline',
    owner: 'owner',
    cancelled: 'cancelled',
    dueIn: (delay) => `in ${delay}`,
    dueNow: 'due now',
    jumped: (from, to) => `the clock jumped from ${from} to ${to}`,
    now: (t) => `now ${t}`,
    more: (n) => `…and ${n.toLocaleString('en')} later timers`,
    jumpToFire: (step) => `Jump to step ${step}, where it fires`,
    group: (from, to, when) => `timers ${from}–${to}, ${to - from + 1} of them, fire at ${when}`,
  },

  cancellations: {
    title: 'Cancellations',
    empty: 'This run cancelled nothing.',
    noTask: (via) => (via === 'runner' || via === 'loop' ? 'the loop' : 'a callback'),
    requested: (step) => `requested in step ${step}`,
    delivered: (step) => `CancelledError delivered in step ${step}`,
    notDelivered: 'CancelledError not delivered',
    message: (msg) => `message: ${msg}`,
    future: 'happens later in the run',
    outcome: {
      propagated: 'propagated: the task ended cancelled',
      swallowed: 'swallowed: the task caught it and went on',
      converted: 'converted to TimeoutError',
      'raised-other': 'the task raised a different exception',
      pending: 'the run ended before the task did',
    },
    via: { ...API_NAMES, awaiter: 'passed down', loop: 'the loop' },
    cause: (via, cause) =>
      via === 'TaskGroup'
        ? `the TaskGroup aborted because ${cause} failed`
        : `passed down from ${cause}, which was cancelled while awaiting it`,
    seekRequest: 'Jump to the request',
    earlier: (n) => `…and ${n.toLocaleString('en')} earlier cancellations (step back to see them)`,
    later: (n) => `…and ${n.toLocaleString('en')} later cancellations (step on to see them)`,
    seekDelivery: 'Jump to the delivery',
  },
};

const zh: ViewStrings = {
  state: {
    ready: '就绪',
    running: '运行中',
    waiting: '等待中',
    done: '已完成',
    failed: '出错',
    cancelled: '已取消',
    'not-created': '尚未创建',
  },
  handleKind: {
    step: '任务步进',
    wakeup: '唤醒',
    sleep: '睡眠',
    timeout: '超时',
    call: '回调',
    worker: '线程结果',
    request: '模拟请求',
  },
  step: (n) => `第 ${n} 步`,
  line: (n) => `第 ${n} 行`,
  handle: (h) => `句柄 #${h}`,

  timeline: {
    title: '任务时间线',
    axisLabel: '横轴',
    stepAxis: '步骤',
    timeAxis: '虚拟时间',
    resetZoom: '重置缩放',
    hint: '滚轮缩放，拖动平移，点击跳到那一步',
    empty: '还没有任务：运行程序后这里会显示它的任务。',
    runningNow: '正在这一步中运行',
    steps: (from, to) => (from === to ? `第 ${from} 步` : `第 ${from}–${to} 步`),
    waitingFor: (what) => `正在等待 ${what}`,
    createdBy: (parent, step) => `由 ${parent} 在第 ${step} 步创建`,
    internalTask: 'asyncio 自己的任务：它的协程不在你的程序里（asyncio.run 在结束前创建这类任务来做清理）',
    lanesShown: (from, to, total) => `第 ${from}–${to} 个任务，共 ${total} 个`,
    merged: (n) => `${n} 段合并显示（放大即可分开）`,
  },

  readyQueue: {
    title: '就绪队列',
    runningNow: '正在运行',
    nothingRunning: '没有正在运行的回调：事件循环还没开始执行任何一步。',
    runsNext: '下一个运行',
    empty: '就绪队列为空。',
    cancelled: '已取消：事件循环会直接丢弃它，不会运行',
    fifoHint: '先进先出：事件循环从上到下依次运行。',
    thrownIn: (exc) => `恢复时会被抛入 ${exc}`,
    more: (n) => `……后面还有 ${n} 个`,
    jumpToRun: (step) => `跳到第 ${step} 步，事件循环在那里运行它`,
  },

  timers: {
    title: '定时器',
    empty: '没有待触发的定时器。',
    clock: '时钟',
    deadline: '到期时间',
    owner: '所属',
    cancelled: '已取消',
    dueIn: (delay) => `${delay}后`,
    dueNow: '已到期',
    jumped: (from, to) => `时钟从 ${from} 跳到了 ${to}`,
    now: (t) => `现在 ${t}`,
    more: (n) => `……之后还有 ${n} 个定时器`,
    jumpToFire: (step) => `跳到第 ${step} 步，它在那里触发`,
    group: (from, to, when) => `第 ${from}–${to} 个定时器（共 ${to - from + 1} 个）在 ${when} 触发`,
  },

  cancellations: {
    title: '取消',
    empty: '本次运行没有取消任何任务。',
    noTask: (via) => (via === 'runner' || via === 'loop' ? '事件循环' : '一个回调'),
    requested: (step) => `在第 ${step} 步发出请求`,
    delivered: (step) => `CancelledError 在第 ${step} 步送达`,
    notDelivered: 'CancelledError 尚未送达',
    message: (msg) => `消息：${msg}`,
    future: '在运行的稍后发生',
    outcome: {
      propagated: '向外传播：任务以取消结束',
      swallowed: '被吞掉：任务捕获了它并继续运行',
      converted: '转换成了 TimeoutError',
      'raised-other': '任务抛出了另一个异常',
      pending: '运行结束时任务仍未结束',
    },
    via: { ...API_NAMES, awaiter: '向下传递', loop: '事件循环' },
    cause: (via, cause) =>
      via === 'TaskGroup'
        ? `因为 ${cause} 出错，TaskGroup 中止了`
        : `由 ${cause} 传递下来：它在等待这个任务时被取消了`,
    seekRequest: '跳到发出请求的那一步',
    earlier: (n) => `……之前还有 ${n} 次取消（往回走可以看到）`,
    later: (n) => `……之后还有 ${n} 次取消（往前走可以看到）`,
    seekDelivery: '跳到送达的那一步',
  },
};

const STRINGS: Readonly<Record<Lang, ViewStrings>> = { en, zh };

export function viewStrings(lang: Lang): ViewStrings {
  return STRINGS[lang];
}
