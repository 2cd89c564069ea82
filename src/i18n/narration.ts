/**
 * The words of the step narration and of the handle / await labels, in English and Simplified
 * Chinese. src/trace/narrate.ts decides what happened; these only say it. Both languages are one
 * interface, so a template added to one and forgotten in the other is a type error.
 *
 * Arguments arrive ready to place: task references already in `backticks`, times already
 * formatted ("1.000 s"), lists already joined. The Chinese side is written for a learner reading
 * it, not translated word by word.
 *
 * A step's sentence is built from clauses: an opening ("`main` resumes"), actions ("creates …"),
 * and an ending ("suspends at line 10 …"), joined by `clauses`. English clauses start in lower
 * case where they can follow a comma; `sentence` capitalises the first letter.
 */
import type { Lang } from './lang';

export interface NarrationStrings {
  // ---- handle labels (ready queue, timers) -------------------------------------------------
  readonly targetStep: (task: string) => string;
  readonly targetWakeup: (task: string) => string;
  readonly targetSleep: (delay: string, task: string | null) => string;
  readonly targetTimeout: (via: 'timeout' | 'wait_for' | 'other', task: string | null) => string;
  readonly targetCall: (call: string) => string;
  readonly targetWorker: (fn: string, task: string | null) => string;

  // ---- what a waiting task waits on ---------------------------------------------------------
  readonly awaitSleep: (until: string) => string;
  readonly awaitTask: (task: string) => string;
  readonly awaitGather: (children: string) => string;
  /** A gather child that is not a task (a plain future or coroutine result). */
  readonly gatherFuture: string;
  /** The gather children past the first few, counted: "…+99,990 more". */
  readonly gatherMore: (count: number) => string;
  readonly awaitExecutor: (fn: string) => string;
  readonly awaitFutureApi: (api: string, obj: string | null) => string;
  readonly awaitFutureObj: (obj: string) => string;
  readonly awaitFuture: string;

  // ---- step 0 and whole-run sentences ------------------------------------------------------
  readonly programStarts: string;
  readonly programStartsWithTask: (task: string) => string;
  readonly noLoop: string;

  // ---- openings ----------------------------------------------------------------------------
  readonly clockJumps: (t: string) => string;
  /** "The clock jumps to …" followed by what the step did. */
  readonly afterClockJump: (jump: string, rest: string) => string;
  readonly taskStarts: (task: string) => string;
  readonly taskResumes: (task: string) => string;
  readonly taskResumesWithError: (task: string, error: string, line: number | null) => string;
  readonly taskCancelledAt: (task: string, line: number | null) => string;
  readonly taskCancelledBeforeStart: (task: string) => string;
  /** asyncio.timeout / wait_for caught the CancelledError it caused and raised TimeoutError instead. */
  readonly convertedToTimeout: (opening: string, via: 'timeout' | 'wait_for' | 'other') => string;
  readonly sleepFires: (delay: string, task: string | null, woke: boolean) => string;
  readonly timeoutFires: (via: 'timeout' | 'wait_for' | 'other', task: string | null, cancelled: boolean) => string;
  readonly callbackRuns: (call: string, user: boolean) => string;
  readonly workerFinishes: (fn: string) => string;
  /** Appended after a callback / timer step: the tasks it moved to the ready queue. */
  readonly tasksBecomeReady: (tasks: string, count: number) => string;
  readonly withReady: (sentence: string, ready: string) => string;

  /** What a cancelled task did after the CancelledError landed ("…; then it suspends …"). */
  readonly afterCancel: (opening: string, rest: string) => string;

  // ---- actions inside a task's step --------------------------------------------------------
  /** A task just created: its reference and, when its name says nothing, its coroutine. */
  readonly createdTask: (task: string, coro: string | null) => string;
  readonly createsTasks: (tasks: string, line: number | null) => string;
  readonly createsManyTasks: (count: number, line: number | null) => string;
  readonly cancelsTasks: (tasks: string, line: number | null) => string;
  readonly blocksLoop: (seconds: string, line: number | null) => string;

  // ---- endings -----------------------------------------------------------------------------
  readonly suspendsAwaiting: (line: number | null, what: string) => string;
  readonly suspendsSleeping: (line: number | null, until: string) => string;
  readonly yields: (line: number | null) => string;
  readonly returnsValue: (value: string) => string;
  readonly finishes: string;
  readonly fails: (exc: string) => string;
  readonly endsCancelled: string;
  readonly stillRunning: string;

  // ---- a line inside a step ----------------------------------------------------------------
  readonly taskRunsLine: (task: string, line: number) => string;
  readonly callbackRunsLine: (call: string, line: number) => string;
  readonly topLevelRunsLine: (line: number) => string;

  // ---- glue --------------------------------------------------------------------------------
  /** "a", "a and b", "a, b and c". */
  readonly list: (items: readonly string[]) => string;
  /** Opening, actions and ending of one step, as one sentence body. */
  readonly clauses: (parts: readonly string[]) => string;
  /** Finish a sentence (capitalise it in English). */
  readonly sentence: (body: string) => string;
}

const atLine = (line: number | null): string => (line === null ? '' : ` at line ${line}`);

const en: NarrationStrings = {
  targetStep: (task) => `step of ${task}`,
  targetWakeup: (task) => `wakeup of ${task}`,
  targetSleep: (delay, task) => (task === null ? `sleep(${delay})` : `sleep(${delay}) of ${task}`),
  targetTimeout: (via, task) => {
    const what = via === 'wait_for' ? 'wait_for deadline' : via === 'timeout' ? 'timeout deadline' : 'deadline';
    return task === null ? what : `${what} of ${task}`;
  },
  targetCall: (call) => call,
  targetWorker: (fn, task) => (task === null ? `${fn} done in a worker thread` : `${fn} done in a worker thread, for ${task}`),

  awaitSleep: (until) => `sleep until ${until}`,
  awaitTask: (task) => task,
  awaitGather: (children) => `gather(${children})`,
  gatherFuture: 'future',
  gatherMore: (count) => `…+${count.toLocaleString('en')} more`,
  awaitExecutor: (fn) => `${fn} in a worker thread`,
  awaitFutureApi: (api, obj) => (obj === null ? api : `${api} on ${obj}`),
  awaitFutureObj: (obj) => `a future of ${obj}`,
  awaitFuture: 'a future',

  programStarts: 'The program starts; the loop has not run anything yet',
  programStartsWithTask: (task) =>
    `The program starts and asyncio.run creates ${task}; its first step waits in the ready queue, the loop has not run anything yet`,
  noLoop: 'The program ran without an event loop: there are no loop steps to show',

  clockJumps: (t) => `the clock jumps to t = ${t}`,
  afterClockJump: (jump, rest) => `${jump}, then ${rest}`,
  taskStarts: (task) => `${task} starts`,
  taskResumes: (task) => `${task} resumes`,
  taskResumesWithError: (task, error, line) => `${task} resumes${atLine(line)} with ${error} from what it awaited`,
  taskCancelledAt: (task, line) => `${task} is cancelled${atLine(line)}: CancelledError delivered`,
  taskCancelledBeforeStart: (task) => `${task} is cancelled before it starts: CancelledError delivered`,
  convertedToTimeout: (opening, via) =>
    `${opening} and turned into TimeoutError by ${via === 'wait_for' ? 'wait_for' : via === 'timeout' ? 'asyncio.timeout' : 'a timeout'}`,
  sleepFires: (delay, task, woke) => {
    if (task === null) return `the timer for sleep(${delay}) fires`;
    return woke
      ? `the timer for sleep(${delay}) in ${task} fires; its task moves to the ready queue`
      : `the timer for sleep(${delay}) in ${task} fires, but nothing waits for it any more`;
  },
  timeoutFires: (via, task, cancelled) => {
    const what = via === 'wait_for' ? 'the wait_for deadline' : via === 'timeout' ? 'the asyncio.timeout deadline' : 'a deadline';
    const whose = task === null ? '' : ` of ${task}`;
    return cancelled ? `${what}${whose} passes and the task is cancelled` : `${what}${whose} passes`;
  },
  callbackRuns: (call, user) => (user ? `callback ${call} runs` : `the loop runs asyncio's internal callback ${call}`),
  workerFinishes: (fn) => `the worker thread running ${fn} finishes`,
  tasksBecomeReady: (tasks, count) => `${tasks} ${count === 1 ? 'moves' : 'move'} to the ready queue`,
  withReady: (sentence, ready) => `${sentence}; ${ready}`,
  afterCancel: (opening, rest) => `${opening}; then it ${rest}`,

  createdTask: (task, coro) => (coro === null ? task : `${task} (${coro})`),

  createsTasks: (tasks, line) => `creates ${tasks}${atLine(line)}`,
  createsManyTasks: (count, line) => `creates ${count} tasks${atLine(line)}`,
  cancelsTasks: (tasks, line) => `cancels ${tasks}${atLine(line)}`,
  blocksLoop: (seconds, line) => `blocks the whole loop with time.sleep(${seconds})${atLine(line)}`,

  suspendsAwaiting: (line, what) => `suspends${atLine(line)} awaiting ${what}`,
  suspendsSleeping: (line, until) => `suspends${atLine(line)}, sleeping until t = ${until}`,
  yields: (line) => `yields to the loop${atLine(line)}, going back to the ready queue`,
  returnsValue: (value) => `returns ${value}`,
  finishes: 'finishes',
  fails: (exc) => `fails with ${exc}`,
  endsCancelled: 'ends cancelled',
  stillRunning: 'is still running when the run stops',

  taskRunsLine: (task, line) => `${task} runs line ${line}`,
  callbackRunsLine: (call, line) => `Callback ${call} runs line ${line}`,
  topLevelRunsLine: (line) => `The program runs line ${line} (top-level code)`,

  list: (items) => {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
  },
  clauses: (parts) => {
    if (parts.length <= 1) return parts.join('');
    if (parts.length === 2) return `${parts[0] ?? ''} and ${parts[1] ?? ''}`;
    return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
  },
  sentence: (body) => body.charAt(0).toUpperCase() + body.slice(1),
};

const lineZh = (line: number | null): string => (line === null ? '' : `在第 ${line} 行`);

/** Chinese runs straight on; a space only where it meets code or a Latin word ("随后 sleep(1)"). */
const thenZh = (word: string, rest: string): string => `${word}${/^[\x21-\x7e]/.test(rest) ? ' ' : ''}${rest}`;

const zh: NarrationStrings = {
  targetStep: (task) => `${task} 的下一步`,
  targetWakeup: (task) => `唤醒 ${task}`,
  targetSleep: (delay, task) => (task === null ? `sleep(${delay})` : `${task} 的 sleep(${delay})`),
  targetTimeout: (via, task) => {
    const what = via === 'wait_for' ? 'wait_for 超时' : via === 'timeout' ? 'timeout 截止' : '截止时间';
    return task === null ? what : `${task} 的 ${what}`;
  },
  targetCall: (call) => call,
  targetWorker: (fn, task) => (task === null ? `工作线程完成 ${fn}` : `工作线程为 ${task} 完成 ${fn}`),

  awaitSleep: (until) => `睡眠至 ${until}`,
  awaitTask: (task) => task,
  awaitGather: (children) => `gather(${children})`,
  gatherFuture: 'future',
  gatherMore: (count) => `……另有 ${count} 个`,
  awaitExecutor: (fn) => `工作线程中的 ${fn}`,
  awaitFutureApi: (api, obj) => (obj === null ? api : `${obj} 上的 ${api}`),
  awaitFutureObj: (obj) => `${obj} 的一个 Future`,
  awaitFuture: '一个 Future',

  programStarts: '程序开始运行；事件循环还没有执行任何东西',
  programStartsWithTask: (task) => `程序开始运行，asyncio.run 创建了 ${task}，它的第一步在就绪队列里等着；事件循环还没有执行任何东西`,
  noLoop: '这个程序没有启动事件循环，没有可以展示的循环步骤',

  clockJumps: (t) => `时钟跳到 t = ${t}`,
  afterClockJump: (jump, rest) => `${jump}，${thenZh('随后', rest)}`,
  taskStarts: (task) => `${task} 开始运行`,
  taskResumes: (task) => `${task} 恢复运行`,
  taskResumesWithError: (task, error, line) => `${task} ${lineZh(line)}恢复运行，所等待的对象抛出了 ${error}`,
  taskCancelledAt: (task, line) => `${task} ${lineZh(line)}被取消：收到 CancelledError`,
  taskCancelledBeforeStart: (task) => `${task} 还没开始运行就被取消：收到 CancelledError`,
  convertedToTimeout: (opening, via) =>
    `${opening}，${via === 'wait_for' ? 'wait_for' : via === 'timeout' ? 'asyncio.timeout' : '超时机制'} 把它转换成了 TimeoutError`,
  sleepFires: (delay, task, woke) => {
    if (task === null) return `sleep(${delay}) 的定时器到期`;
    return woke
      ? `sleep(${delay}) 的定时器到期，${task} 任务进入就绪队列`
      : `${task} 的 sleep(${delay}) 定时器到期，但已经没有任务在等它了`;
  },
  timeoutFires: (via, task, cancelled) => {
    const what = via === 'wait_for' ? 'wait_for 超时时间' : via === 'timeout' ? 'asyncio.timeout 截止时间' : '截止时间';
    const whose = task === null ? '' : `${task} 的 `;
    return cancelled ? `${whose}${what}已到，任务被取消` : `${whose}${what}已到`;
  },
  callbackRuns: (call, user) => (user ? `回调 ${call} 运行` : `asyncio 的内部回调 ${call} 运行`),
  workerFinishes: (fn) => `运行 ${fn} 的工作线程完成了`,
  tasksBecomeReady: (tasks) => `${tasks} 进入就绪队列`,
  withReady: (sentence, ready) => `${sentence}，${ready}`,
  afterCancel: (opening, rest) => `${opening}，${thenZh('之后', rest)}`,

  createdTask: (task, coro) => (coro === null ? task : `${task}（${coro}）`),

  createsTasks: (tasks, line) => `${lineZh(line)}创建了 ${tasks}`,
  createsManyTasks: (count, line) => `${lineZh(line)}创建了 ${count} 个任务`,
  cancelsTasks: (tasks, line) => `${lineZh(line)}取消了 ${tasks}`,
  blocksLoop: (seconds, line) => `${lineZh(line)}用 time.sleep(${seconds}) 阻塞了整个事件循环`,

  suspendsAwaiting: (line, what) => `${lineZh(line)}挂起，等待 ${what}`,
  suspendsSleeping: (line, until) => `${lineZh(line)}挂起，睡眠到 t = ${until}`,
  yields: (line) => `${lineZh(line)}让出控制权，回到就绪队列`,
  returnsValue: (value) => `结束并返回 ${value}`,
  finishes: '运行结束',
  fails: (exc) => `因 ${exc} 而失败`,
  endsCancelled: '以“已取消”状态结束',
  stillRunning: '运行被停止时仍在执行',

  taskRunsLine: (task, line) => `${task} 执行第 ${line} 行`,
  callbackRunsLine: (call, line) => `回调 ${call} 执行第 ${line} 行`,
  topLevelRunsLine: (line) => `程序执行第 ${line} 行（顶层代码）`,

  list: (items) => {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join('、')} 和 ${items[items.length - 1] ?? ''}`;
  },
  clauses: (parts) => {
    if (parts.length <= 1) return parts.join('');
    return `${parts.slice(0, -1).join('，')}，${thenZh('然后', parts[parts.length - 1] ?? '')}`;
  },
  sentence: (body) => body,
};

export const NARRATION: Readonly<Record<Lang, NarrationStrings>> = { en, zh };
