/**
 * The words of the step narration, in English and Simplified Chinese. src/trace/narrate.ts
 * decides what happened and hands over facts (src/trace/narration.ts); these only say them.
 * Every kind has a renderer in each language (Renderers), so a kind added to the facts and
 * forgotten here is a type error. The Chinese side is written for a learner reading it, not
 * translated word by word.
 *
 * A step's sentence is built from clauses: an opening ("`main` resumes"), actions ("creates …"),
 * and an ending ("suspends at line 10 …"), joined by `clauses`. English clauses start in lower
 * case where they can follow a comma; `sentence` capitalises the first letter. Names of code
 * (tasks, callbacks) are put in `backticks`: the page shows them in code type.
 */
import type {
  Action,
  Ending,
  Narration,
  ObjectChange,
  ObjectRef,
  Opening,
  RequestFailure,
  StepNarration,
  TaskRef,
  TimeoutKind,
} from '../trace/narration';
import { callText, formatDelay, formatTime, requestText } from './format';
import { awaitLabelText } from './labels';
import type { Lang } from './lang';
import { objectName } from './objects';
import { render, type Renderers } from './renderers';

interface NarrationWords {
  /** The cursor's narrations other than a step's (that one is made of the clauses below). */
  readonly narration: Renderers<Exclude<Narration, StepNarration>>;
  readonly opening: Renderers<Opening>;
  readonly action: Renderers<Action>;
  readonly ending: Renderers<Ending>;
  /**
   * What a step did to an object ('changes-object'), given the object's name and the words for
   * the tasks it woke (null: none).
   */
  readonly objectChange: {
    readonly [K in ObjectChange['kind']]: (change: Extract<ObjectChange, { kind: K }>, object: string, woke: string | null) => string;
  };
  /** The tasks an object change woke: "`consumer` wakes", "`w1` is next". */
  readonly woke: (change: ObjectChange['kind'], tasks: string, count: number) => string;

  // ---- glue --------------------------------------------------------------------------------
  /** A task named in a sentence: `label`, with which one when several share it. */
  readonly task: (task: TaskRef) => string;
  /** "The clock jumps to …" followed by what the step did. */
  readonly afterClockJump: (t: string, rest: string) => string;
  /** After the step: the tasks it moved to the ready queue. */
  readonly withReady: (sentence: string, tasks: string, count: number) => string;
  /** What a cancelled task did after the CancelledError landed ("…; then it suspends …"). */
  readonly afterCancel: (opening: string, rest: string) => string;
  /** "a", "a and b", "a, b and c". */
  readonly list: (items: readonly string[]) => string;
  /** Opening, actions and ending of one step, as one sentence body. */
  readonly clauses: (parts: readonly string[]) => string;
  /** Finish a sentence (capitalise it in English). */
  readonly sentence: (body: string) => string;
}

const code = (text: string): string => `\`${text}\``;

/** Tasks past the ones a sentence lists stand as "…". */
const objectRefName = (o: ObjectRef): string => objectName({ name: o.name, kind: o.type, ordinal: o.ordinal });

const listed = (w: Pick<NarrationWords, 'task'>, tasks: readonly TaskRef[], more: number): string[] => [
  ...tasks.map(w.task),
  ...(more > 0 ? ['…'] : []),
];

// ---- English ---------------------------------------------------------------------------------

const atLine = (line: number | null): string => (line === null ? '' : ` at line ${line}`);
const countEn = (n: number): string => n.toLocaleString('en');
/** Who a step that computed without awaiting held up: the other tasks, which could not run. */
const heldUpEn = (waiting: number): string => (waiting === 0 ? '' : waiting === 1 ? ' (the other task waits all that time)' : ' (every other task waits all that time)');
const taskEn = (task: TaskRef): string => (task.which === null ? code(task.label) : `${code(task.label)} (${task.which})`);
const ofTaskEn = (task: TaskRef | null): string => (task === null ? '' : ` of ${taskEn(task)}`);
const convertedEn = (opening: string, via: TimeoutKind | null): string =>
  via === null
    ? opening
    : `${opening} and turned into TimeoutError by ${via === 'wait_for' ? 'wait_for' : via === 'timeout' ? 'asyncio.timeout' : 'a timeout'}`;

const listEn = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;

const requestFailsEn = (fails: RequestFailure): string => {
  switch (fails) {
    case 'dns':
      return 'fails: the host name does not resolve';
    case 'connect':
      return 'fails: the connection is refused';
    case 'timeout':
      return 'times out';
  }
};

type QueueChange = Extract<ObjectChange, { kind: 'puts' | 'gets' }>;

/** The items named ("`4`", "`0` and `1`"), else counted ("2 items"). */
const itemsEn = (c: QueueChange): string =>
  c.items.length === c.count ? listEn(c.items.map(code)) : `${c.count} ${c.count === 1 ? 'item' : 'items'}`;
/** A bounded queue: "2/2 full"; an unbounded one: "3 items". */
const queueFiguresEn = (c: QueueChange): string =>
  c.capacity > 0 ? `${c.size}/${c.capacity} full` : `${c.size} ${c.size === 1 ? 'item' : 'items'}`;

/** The change of an object and the tasks it woke, in `w`'s words. */
function changeText(w: NarrationWords, a: Extract<Action, { kind: 'changes-object' }>): string {
  // Each renderer takes its own kind of change: TypeScript cannot follow that through the union.
  const say = w.objectChange[a.change.kind] as (change: ObjectChange, object: string, woke: string | null) => string;
  const count = a.woke.length + a.more;
  return say(a.change, code(objectRefName(a.object)), count === 0 ? null : w.woke(a.change.kind, w.list(listed(w, a.woke, a.more)), count));
}

/** "2/2 full; `consumer` wakes". */
const inParens = (figures: string, woke: string | null): string => (woke === null ? figures : `${figures}; ${woke}`);

const en: NarrationWords = {
  narration: {
    'no-loop': () => 'The program ran without an event loop: there are no loop steps to show',
    'program-starts': () => 'The program starts; the loop has not run anything yet',
    'program-starts-with-task': ({ task }) =>
      `The program starts and asyncio.run creates ${taskEn(task)}; its first step waits in the ready queue, the loop has not run anything yet`,
    'task-runs-line': ({ task, line }) => `${taskEn(task)} runs line ${line}`,
    'callback-runs-line': ({ call, line }) => `Callback ${code(callText(call))} runs line ${line}`,
    'top-level-runs-line': ({ line }) => `The program runs line ${line} (top-level code)`,
  },
  opening: {
    'task-starts': ({ task }) => `${taskEn(task)} starts`,
    'task-resumes': ({ task }) => `${taskEn(task)} resumes`,
    'task-resumes-with-error': ({ task, error, line }) => `${taskEn(task)} resumes${atLine(line)} with ${error} from what it awaited`,
    'task-cancelled': ({ task, line, convertedBy }) =>
      convertedEn(`${taskEn(task)} is cancelled${atLine(line)}: CancelledError delivered`, convertedBy),
    'task-cancelled-before-start': ({ task, convertedBy }) =>
      convertedEn(`${taskEn(task)} is cancelled before it starts: CancelledError delivered`, convertedBy),
    'sleep-fires': ({ delay, task, woke }) => {
      const sleep = `sleep(${formatDelay(delay)})`;
      if (task === null) return `the timer for ${sleep} fires`;
      return woke
        ? `the timer for ${sleep} in ${taskEn(task)} fires; its task moves to the ready queue`
        : `the timer for ${sleep} in ${taskEn(task)} fires, but nothing waits for it any more`;
    },
    'timeout-fires': ({ via, task, cancelled, cancels }) => {
      const deadline = via === 'wait_for' ? 'wait_for deadline' : via === 'timeout' ? 'asyncio.timeout deadline' : 'deadline';
      if (cancels !== undefined) {
        // "the 2 s asyncio.timeout deadline of main passes and cancels its wait for GET https://…"
        const sized = `the ${formatDelay(cancels.delay)} s ${deadline}`;
        return `${sized}${ofTaskEn(task)} passes and cancels its wait for the simulated request ${code(requestText(cancels.request))}`;
      }
      const what = via === 'other' ? 'a deadline' : `the ${deadline}`;
      return `${what}${ofTaskEn(task)} passes${cancelled ? ' and the task is cancelled' : ''}`;
    },
    'callback-runs': ({ call, user }) =>
      user ? `callback ${code(callText(call))} runs` : `the loop runs asyncio's internal callback ${code(callText(call))}`,
    'worker-finishes': ({ fn }) => `the worker thread running ${code(fn)} finishes`,
    'response-arrives': ({ request, task, fails }) => {
      const req = code(requestText(request));
      if (fails === null) return `the simulated response to ${req} arrives${task === null ? '' : ` for ${taskEn(task)}`}`;
      return `the simulated request ${req}${ofTaskEn(task)} ${requestFailsEn(fails)}`;
    },
  },
  action: {
    'creates-tasks': ({ tasks, line }) =>
      `creates ${listEn(tasks.map((t) => (t.coro === null ? code(t.name) : `${code(t.name)} (${t.coro})`)))}${atLine(line)}`,
    'creates-many-tasks': ({ count, line }) => `creates ${count} tasks${atLine(line)}`,
    'cancels-tasks': ({ tasks, more, line }) => `cancels ${listEn(listed(en, tasks, more))}${atLine(line)}`,
    'blocks-loop': ({ seconds, line }) => `blocks the whole loop with time.sleep(${formatDelay(seconds)})${atLine(line)}`,
    'wakes-waiters': ({ object, tasks, more }) =>
      `wakes ${listEn(listed(en, tasks, more))}, waiting on ${code(objectRefName(object))}`,
    'changes-object': (a) => changeText(en, a),
    'blocks-loop-on-request': ({ lib, request, seconds, line }) =>
      `blocks the whole loop for ${formatDelay(seconds)} s with the ${lib} call ${code(requestText(request))} (simulated)${atLine(line)}`,
    'blocks-loop-on-many-requests': ({ count, seconds, line }) =>
      `blocks the whole loop for ${formatDelay(seconds)} s with ${count} blocking HTTP calls (simulated)${atLine(line)}`,
    'computes-without-awaiting': ({ lines, rounds, line, waiting }) =>
      `runs ${rounds > 0 ? `${countEn(rounds)} rounds` : `${countEn(lines)} lines`}${line === null ? '' : ` of line ${line}`} without awaiting${heldUpEn(waiting)}`,
  },
  ending: {
    'suspends-sleeping': ({ line, until }) => `suspends${atLine(line)}, sleeping until t = ${formatTime(until)}`,
    'suspends-awaiting': ({ line, on }) => `suspends${atLine(line)} awaiting ${awaitLabelText(on, 'en')}`,
    yields: ({ line }) => `yields to the loop${atLine(line)}, going back to the ready queue`,
    'returns-value': ({ value }) => `returns ${value}`,
    finishes: () => 'finishes',
    fails: ({ exc }) => (exc === null ? 'fails with an exception' : `fails with ${exc}`),
    'ends-cancelled': () => 'ends cancelled',
    'still-running': () => 'is still running when the run stops',
  },
  // The tasks a change woke go inside its parentheses, so the step's next clause ("and
  // suspends…") cannot be read as theirs.
  objectChange: {
    puts: (c, o, woke) => `puts ${itemsEn(c)} into ${o} (${inParens(queueFiguresEn(c), woke)})`,
    gets: (c, o, woke) => `gets ${itemsEn(c)} from ${o} (${inParens(queueFiguresEn(c), woke)})`,
    'takes-permit': (c, o) => `takes a permit of ${o} (${c.value}/${c.capacity} left)`,
    'releases-permit': (c, o, woke) => `releases a permit of ${o} (${inParens(`${c.value}/${c.capacity} left`, woke)})`,
    acquires: (_, o) => `acquires ${o}`,
    releases: (_, o, woke) => `releases ${o}${woke === null ? '' : ` (${woke})`}`,
    sets: (_, o, woke) => `sets ${o}${woke === null ? '' : ` (${woke})`}`,
    clears: (_, o) => `clears ${o}`,
    notifies: (_, o, woke) => `notifies ${o}${woke === null ? '' : ` (${woke})`}`,
  },
  woke: (change, tasks, count) => {
    switch (change) {
      case 'releases':
        return `${tasks} ${count === 1 ? 'is' : 'are'} next`;
      case 'releases-permit':
        return `${tasks} ${count === 1 ? 'gets' : 'get'} it`;
      default:
        return `${tasks} ${count === 1 ? 'wakes' : 'wake'}`;
    }
  },

  task: taskEn,
  afterClockJump: (t, rest) => `the clock jumps to t = ${t}, then ${rest}`,
  withReady: (sentence, tasks, count) => `${sentence}; ${tasks} ${count === 1 ? 'moves' : 'move'} to the ready queue`,
  afterCancel: (opening, rest) => `${opening}; then it ${rest}`,
  list: listEn,
  clauses: (parts) => {
    if (parts.length <= 1) return parts.join('');
    if (parts.length === 2) return `${parts[0] ?? ''} and ${parts[1] ?? ''}`;
    return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
  },
  sentence: (body) => body.charAt(0).toUpperCase() + body.slice(1),
};

// ---- Chinese ---------------------------------------------------------------------------------

const lineZh = (line: number | null): string => (line === null ? '' : `在第 ${line} 行`);
const taskZh = (task: TaskRef): string => (task.which === null ? code(task.label) : `${code(task.label)}（${task.which}）`);
const convertedZh = (opening: string, via: TimeoutKind | null): string =>
  via === null
    ? opening
    : `${opening}，${via === 'wait_for' ? 'wait_for' : via === 'timeout' ? 'asyncio.timeout' : '超时机制'} 把它转换成了 TimeoutError`;

/** Chinese runs straight on; a space only where it meets code or a Latin word ("随后 sleep(1)"). */
const thenZh = (word: string, rest: string): string => `${word}${/^[\x21-\x7e]/.test(rest) ? ' ' : ''}${rest}`;

const listZh = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')} 和 ${items[items.length - 1] ?? ''}`;

const requestFailsZh = (fails: RequestFailure): string => {
  switch (fails) {
    case 'dns':
      return '失败：域名无法解析';
    case 'connect':
      return '失败：连接被拒绝';
    case 'timeout':
      return '超时了';
  }
};

const itemsZh = (c: QueueChange): string => (c.items.length === c.count ? `${listZh(c.items.map(code))} ` : `${c.count} 项`);
const afterZh = (woke: string | null): string => (woke === null ? '' : `，${woke}`);
const queueFiguresZh = (c: QueueChange): string => (c.capacity > 0 ? `现有 ${c.size}/${c.capacity}` : `现有 ${c.size} 项`);

const zh: NarrationWords = {
  narration: {
    'no-loop': () => '这个程序没有启动事件循环，没有可以展示的循环步骤',
    'program-starts': () => '程序开始运行；事件循环还没有执行任何东西',
    'program-starts-with-task': ({ task }) =>
      `程序开始运行，asyncio.run 创建了 ${taskZh(task)}，它的第一步在就绪队列里等着；事件循环还没有执行任何东西`,
    'task-runs-line': ({ task, line }) => `${taskZh(task)} 执行第 ${line} 行`,
    'callback-runs-line': ({ call, line }) => `回调 ${code(callText(call))} 执行第 ${line} 行`,
    'top-level-runs-line': ({ line }) => `程序执行第 ${line} 行（顶层代码）`,
  },
  opening: {
    'task-starts': ({ task }) => `${taskZh(task)} 开始运行`,
    'task-resumes': ({ task }) => `${taskZh(task)} 恢复运行`,
    'task-resumes-with-error': ({ task, error, line }) => `${taskZh(task)} ${lineZh(line)}恢复运行，所等待的对象抛出了 ${error}`,
    'task-cancelled': ({ task, line, convertedBy }) => convertedZh(`${taskZh(task)} ${lineZh(line)}被取消：收到 CancelledError`, convertedBy),
    'task-cancelled-before-start': ({ task, convertedBy }) =>
      convertedZh(`${taskZh(task)} 还没开始运行就被取消：收到 CancelledError`, convertedBy),
    'sleep-fires': ({ delay, task, woke }) => {
      const sleep = `sleep(${formatDelay(delay)})`;
      if (task === null) return `${sleep} 的定时器到期`;
      return woke ? `${sleep} 的定时器到期，${taskZh(task)} 任务进入就绪队列` : `${taskZh(task)} 的 ${sleep} 定时器到期，但已经没有任务在等它了`;
    },
    'timeout-fires': ({ via, task, cancelled, cancels }) => {
      const what = via === 'wait_for' ? 'wait_for 超时时间' : via === 'timeout' ? 'asyncio.timeout 截止时间' : '截止时间';
      const whose = task === null ? '' : `${taskZh(task)} 的 `;
      if (cancels !== undefined) {
        return `${whose}${formatDelay(cancels.delay)} 秒 ${what}已到，取消了它对模拟请求 ${code(requestText(cancels.request))} 的等待`;
      }
      return cancelled ? `${whose}${what}已到，任务被取消` : `${whose}${what}已到`;
    },
    'callback-runs': ({ call, user }) => (user ? `回调 ${code(callText(call))} 运行` : `asyncio 的内部回调 ${code(callText(call))} 运行`),
    'worker-finishes': ({ fn }) => `运行 ${code(fn)} 的工作线程完成了`,
    'response-arrives': ({ request, task, fails }) => {
      const req = code(requestText(request));
      if (fails === null) return `${req} 的模拟响应到达${task === null ? '' : `，交给 ${taskZh(task)}`}`;
      return `${task === null ? '' : `${taskZh(task)} 的`}模拟请求 ${req} ${requestFailsZh(fails)}`;
    },
  },
  action: {
    'creates-tasks': ({ tasks, line }) =>
      `${lineZh(line)}创建了 ${listZh(tasks.map((t) => (t.coro === null ? code(t.name) : `${code(t.name)}（${t.coro}）`)))}`,
    'creates-many-tasks': ({ count, line }) => `${lineZh(line)}创建了 ${count} 个任务`,
    'cancels-tasks': ({ tasks, more, line }) => `${lineZh(line)}取消了 ${listZh(listed(zh, tasks, more))}`,
    'blocks-loop': ({ seconds, line }) => `${lineZh(line)}用 time.sleep(${formatDelay(seconds)}) 阻塞了整个事件循环`,
    'wakes-waiters': ({ object, tasks, more }) =>
      `唤醒了在 ${code(objectRefName(object))} 上等待的 ${listZh(listed(zh, tasks, more))}`,
    'changes-object': (a) => changeText(zh, a),
    'blocks-loop-on-request': ({ lib, request, seconds, line }) =>
      `${lineZh(line)}用 ${lib} 的阻塞调用 ${code(requestText(request))}（模拟）把整个事件循环阻塞了 ${formatDelay(seconds)} 秒`,
    'blocks-loop-on-many-requests': ({ count, seconds, line }) =>
      `${lineZh(line)}用 ${count} 个阻塞的网络请求（模拟）把整个事件循环阻塞了 ${formatDelay(seconds)} 秒`,
    'computes-without-awaiting': ({ lines, rounds, line, waiting }) =>
      `${lineZh(line)}连续运行了 ${rounds > 0 ? `${countEn(rounds)} 轮` : `${countEn(lines)} 行`}而没有 ${code('await')}${waiting === 0 ? '' : waiting === 1 ? '（另一个任务一直在等）' : '（其他所有任务一直在等）'}`,
  },
  ending: {
    'suspends-sleeping': ({ line, until }) => `${lineZh(line)}挂起，睡眠到 t = ${formatTime(until)}`,
    'suspends-awaiting': ({ line, on }) => `${lineZh(line)}挂起，等待 ${awaitLabelText(on, 'zh')}`,
    yields: ({ line }) => `${lineZh(line)}让出控制权，回到就绪队列`,
    'returns-value': ({ value }) => `结束并返回 ${value}`,
    finishes: () => '运行结束',
    fails: ({ exc }) => (exc === null ? '因异常而失败' : `因 ${exc} 而失败`),
    'ends-cancelled': () => '以“已取消”状态结束',
    'still-running': () => '运行被停止时仍在执行',
  },
  objectChange: {
    puts: (c, o, woke) => `把 ${itemsZh(c)}放进 ${o}（${queueFiguresZh(c)}）${afterZh(woke)}`,
    gets: (c, o, woke) => `从 ${o} 取出 ${itemsZh(c).trimEnd()}（${queueFiguresZh(c)}）${afterZh(woke)}`,
    'takes-permit': (c, o) => `拿到 ${o} 的一个许可（还剩 ${c.value}/${c.capacity}）`,
    'releases-permit': (c, o, woke) => `归还 ${o} 的一个许可（还剩 ${c.value}/${c.capacity}）${afterZh(woke)}`,
    acquires: (_, o) => `获得了 ${o}`,
    releases: (_, o, woke) => `释放了 ${o}${afterZh(woke)}`,
    sets: (_, o, woke) => `设置了 ${o}${afterZh(woke)}`,
    clears: (_, o) => `清除了 ${o}`,
    notifies: (_, o, woke) => `通知了 ${o}${afterZh(woke)}`,
  },
  woke: (change, tasks) => {
    switch (change) {
      case 'releases':
        return `下一个轮到 ${tasks}`;
      case 'releases-permit':
        return `许可交给了 ${tasks}`;
      default:
        return `${tasks} 被唤醒`;
    }
  },

  task: taskZh,
  afterClockJump: (t, rest) => `时钟跳到 t = ${t}，${thenZh('随后', rest)}`,
  withReady: (sentence, tasks) => `${sentence}，${tasks} 进入就绪队列`,
  afterCancel: (opening, rest) => `${opening}，${thenZh('之后', rest)}`,
  list: listZh,
  clauses: (parts) => {
    if (parts.length <= 1) return parts.join('');
    return `${parts.slice(0, -1).join('，')}，${thenZh('然后', parts[parts.length - 1] ?? '')}`;
  },
  sentence: (body) => body,
};

const NARRATION: Readonly<Record<Lang, NarrationWords>> = { en, zh };

/** The sentence the page shows for a narration. */
export function narrationText(narration: Narration, lang: Lang): string {
  const w = NARRATION[lang];
  return w.sentence(narration.kind === 'step' ? stepText(narration, w) : render(w.narration, narration));
}

/** Opening, actions and ending joined; then the tasks made ready; the clock jump first. */
function stepText(step: StepNarration, w: NarrationWords): string {
  const opening = render(w.opening, step.opening);
  const rest = [...step.actions.map((a) => render(w.action, a)), ...(step.ending === null ? [] : [render(w.ending, step.ending)])];
  const cancelled = step.opening.kind === 'task-cancelled' || step.opening.kind === 'task-cancelled-before-start';
  let body = !cancelled ? w.clauses([opening, ...rest]) : rest.length === 0 ? opening : w.afterCancel(opening, w.clauses(rest));
  // "…and returns 42; `main` moves to the ready queue": why the next task wakes.
  if (step.ready.length > 0) body = w.withReady(body, w.list(step.ready.map(w.task)), step.ready.length);
  if (step.clockJump !== null) body = w.afterClockJump(formatTime(step.clockJump), body);
  return body;
}
