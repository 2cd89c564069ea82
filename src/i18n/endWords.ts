/**
 * A run's end in words: every limit with its figures, the deadlock with its stuck tasks, a stop,
 * a crash, and every hint under an exception, in English and Chinese. The engine and the hosts
 * send facts (src/protocol/trace.ts `RunEnd`, `RunHint`); this file is the only place that
 * makes sentences of them, for the page (in the learner's language) and the CLI (English).
 *
 * Exhaustive by construction: each table is keyed by the protocol's own kind unions (`LimitKind`,
 * a limit's `cause` or `where`, `RunHintKind`, ...), so a kind added there without its words here
 * in both languages fails the typecheck.
 *
 * The English is what the CLI has always printed (`loopscope: <sentence>`), byte for byte, and
 * numbers are written the way the engine used to write them (Python's `:,`, `:g`, `:.3f`).
 */
import type {
  AwaitTarget,
  BlockingRequest,
  LimitEnd,
  LimitKind,
  PythonVersion,
  RemovedApi,
  RunEnd,
  RunHint,
  RunHintKind,
  StuckTask,
} from '../protocol/trace';
import type { DeadlockCause } from '../trace/deadlockCycle';
import { cycleEn, cycleZh, objectCode, taskCode } from './deadlockWords';
import type { Lang } from './lang';

/** The end of one limit kind, with its own figures. */
type LimitOf<K extends LimitKind> = Extract<LimitEnd, { readonly limit: K }>;
type Crashed = Extract<RunEnd, { readonly kind: 'crashed' }>;
type Stopped = Extract<RunEnd, { readonly kind: 'stopped' }>;
type HintOf<K extends RunHintKind> = Extract<RunHint, { readonly k: K }>;

/** Words for a limit whose figures say which of several things happened. */
type ByKey<End, Key extends keyof End> = {
  readonly [V in End[Key] & string]: (end: End & { readonly [P in Key]: V }) => string;
};

interface LimitWords {
  readonly steps: (end: LimitOf<'steps'>) => string;
  readonly 'virtual-time': ByKey<LimitOf<'virtual-time'>, 'cause'>;
  readonly 'busy-loop': (end: LimitOf<'busy-loop'>) => string;
  readonly output: (end: LimitOf<'output'>) => string;
  readonly 'wall-clock': ByKey<LimitOf<'wall-clock'>, 'where'>;
  readonly events: (end: LimitOf<'events'>) => string;
  readonly memory: ByKey<LimitOf<'memory'>, 'cause'>;
}

/** Every limit kind has words: a kind added to LimitKind and not here fails this line. */
type EveryLimit = { readonly [K in LimitKind]: unknown };

/** All the words of one language. */
export interface EndWords {
  readonly limit: LimitWords & EveryLimit;
  /** The whole deadlock sentence, naming each stuck task, its line and what it waits on. */
  readonly deadlock: (stuck: readonly StuckTask[]) => string;
  /**
   * Why the deadlock cannot move (src/trace/deadlockCycle.ts): the cycle of the await graph in
   * order, or that there is none and what the tasks wait on. Code in `backticks`.
   */
  readonly deadlockCause: (cause: DeadlockCause) => string;
  /** The button that shows the cause in the await graph at the last step. */
  readonly showDeadlockCause: { readonly [K in DeadlockCause['kind']]: string };
  /** What a stuck task waits on, by the kind of its await (an asyncio API name when known). */
  readonly awaitKind: { readonly [K in AwaitTarget['k']]: string };
  readonly stopped: { readonly [How in Stopped['how']]: string };
  readonly crashed: { readonly [Cause in Crashed['cause']]: (detail: string) => string };
  readonly hint: { readonly [K in RunHintKind]: (hint: HintOf<K>) => string };
  /**
   * The removed-api hint: what changed in `version`, and what to write instead (for the 3.14
   * changes also that the page can run it as Python 3.13 would). One per RemovedApi value.
   */
  readonly removedApi: { readonly [A in RemovedApi]: (version: PythonVersion) => string };
}

// ---- numbers, written as the engine's Python wrote them

/** Python's `f"{n:,}"` for an integer: 1,000,000. */
export function grouped(n: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, useGrouping: true }).format(n);
}

/** Python's `f"{x:g}"`: 6 significant digits, no trailing zeros, an exponent outside 1e-4 … 1e6. */
export function shortNumber(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa = '0', power = '0'] = x.toExponential(5).split('e');
  const exponent = Number(power);
  if (exponent < -4 || exponent >= 6) {
    const digits = String(Math.abs(exponent)).padStart(2, '0');
    return `${withoutTrailingZeros(mantissa)}e${exponent < 0 ? '-' : '+'}${digits}`;
  }
  return withoutTrailingZeros(x.toFixed(5 - exponent));
}

function withoutTrailingZeros(fixed: string): string {
  if (!fixed.includes('.')) return fixed;
  let end = fixed.length;
  while (fixed[end - 1] === '0') end -= 1;
  if (fixed[end - 1] === '.') end -= 1;
  return fixed.slice(0, end);
}

/**
 * Python's `f"{t:.3f}"` for a clock reading. A deadline at infinity reaches us as 1e308 (JSON has
 * no infinity): Python printed it `inf`.
 */
export function clockReading(t: number): string {
  return t >= 1e308 || t === Infinity ? 'inf' : t.toFixed(3);
}

/** A blocking simulated call as the program wrote it: requests.get('https://…'). */
function requestCall(request: BlockingRequest | undefined): string {
  return request === undefined ? 'request' : `${request.lib}.${request.method.toLowerCase()}('${request.url}')`;
}

/** Bytes as the whole mebibytes the engine's message gave: 1073741824 → "1,024". */
function mebibytes(bytes: number): string {
  return grouped(Math.floor(bytes / 2 ** 20));
}

// ---- English: the CLI's words

const en: EndWords = {
  limit: {
    steps: (e) => `The program ran more than ${grouped(e.max)} loop steps (at t = ${clockReading(e.t)} s).`,
    'virtual-time': {
      timer: (e) => `The program's clock would pass ${shortNumber(e.max)} s (next timer at t = ${clockReading(e.at)} s).`,
      'time.sleep': (e) =>
        `time.sleep(${shortNumber(e.at)})${e.line === null ? '' : ` at line ${e.line}`} would pass the ` +
        `${shortNumber(e.max)} s limit of the program's clock.`,
      request: (e) =>
        `The simulated ${requestCall(e.request)}${e.line === null ? '' : ` at line ${e.line}`} would block the loop ` +
        (e.at >= 1e308
          ? `past the ${shortNumber(e.max)} s limit of the program's clock: the server never answers and no timeout was given.`
          : `for ${shortNumber(e.at)} s, past the ${shortNumber(e.max)} s limit of the program's clock.`),
    },
    'busy-loop': (e) =>
      `${e.line === null ? 'A loop' : `The loop at line ${e.line}`} went round ${grouped(e.rounds)} times without an ` +
      'await: the event loop never got control back.',
    output: (e) => `The program printed more than ${grouped(e.max)} characters.`,
    'wall-clock': {
      python: (e) =>
        `The program ran for more than ${shortNumber(e.max)} s of real time` +
        `${e.line === null ? '' : ` (it was at line ${e.line})`}.`,
      'c-call': (e) =>
        `The program ran for more than ${shortNumber(e.max)} s of real time inside one call that never returned ` +
        'to Python (e.g. sum(range(10**13))); it was stopped from outside.',
    },
    events: (e) => `The run recorded more than ${grouped(e.max)} events.`,
    memory: {
      heap: (e) => `The program used more than ${mebibytes(e.maxBytes)} MB of memory.`,
      'memory-error': () => 'The program needed more memory than the engine can have (MemoryError).',
    },
  },
  deadlock: (stuck) => {
    const waits = stuck
      .map((s) => `${s.name} waits${s.line === null ? '' : ` at line ${s.line}`}${s.on === null ? '' : ` on ${awaitName(s.on, en)}`}`)
      .join('; ');
    return `Deadlock: nothing is ready to run and no timer is pending, but tasks are still waiting${waits ? ` (${waits}).` : '.'}`;
  },
  deadlockCause: (cause) => {
    if (cause.kind === 'cycle') return `The await graph has a cycle: ${cycleEn(cause.links)}. None of them can go on until another lets go.`;
    if (cause.lines.length === 0) return 'The await graph has no cycle: the stuck tasks wait on futures that no task is left to complete.';
    const lines = cause.lines.map(
      (l) => `${listEn([...l.tasks.map((t) => taskCode(t)), ...(l.more > 0 ? [`${l.more} more`] : [])])} ${l.tasks.length + l.more === 1 ? 'waits' : 'wait'} on ${objectCode(l.object)} (${l.object.type})`,
    );
    return `The await graph has no cycle: ${lines.join('; ')}, and no task is left that could wake them.`;
  },
  showDeadlockCause: { cycle: 'Show the cycle in the await graph', 'no-cycle': 'Show the await graph' },
  awaitKind: { task: 'task', gather: 'gather', sleep: 'sleep', executor: 'executor', request: 'request', future: 'future' },
  stopped: {
    interrupt: 'Stopped: the run was interrupted by the Stop button.',
    terminated: 'Stopped: the engine was restarted to end the run; the trace shows what happened until then.',
  },
  crashed: {
    'c-stack': (detail) =>
      `Python itself crashed: its C stack overflowed (${detail}). Something was nested too deeply for the Python ` +
      "Loopscope runs (Pyodide, whose C stack is smaller than CPython's), such as the repr of a list nested " +
      '100,000 levels deep, where CPython raises RecursionError. The trace shows what happened until then.',
    other: (detail) => `Python itself crashed during the run (${detail}). The trace shows what happened until then.`,
  },
  hint: {
    'missing-module': (h) =>
      `Loopscope runs Python's standard library only: a package such as ${h.module} is not in its sandbox and cannot ` +
      'be installed here. Try the idea with asyncio.sleep standing in for the real work.',
    'no-threads': () =>
      'Python in the browser (Pyodide) cannot start threads. Use asyncio.to_thread or loop.run_in_executor: ' +
      'Loopscope simulates their worker threads on the virtual clock.',
    'no-processes': () => 'Python in the browser (Pyodide) cannot start other programs or processes.',
    'no-input': () =>
      "A run goes from start to end without stopping for you to type: write the value into the program instead, e.g. name = 'Ada'.",
    'no-page': () =>
      "A shared link runs someone else's code in your browser, so programs here cannot reach the page, its storage or the network.",
    'no-network': () => 'Programs here run offline. To see how a network call behaves, stand in for it with await asyncio.sleep(...).',
    'removed-api': (h) => en.removedApi[h.api](h.version),
  },
  removedApi: {
    get_event_loop: (v) =>
      `Python ${v} no longer creates an event loop in asyncio.get_event_loop() when none is running: write ` +
      'asyncio.run(main()) instead of get_event_loop()/run_until_complete(); or run it as Python 3.13 would.',
    'event-loop-policy': (v) =>
      `Python ${v} deprecates asyncio's event loop policies (get_event_loop_policy, set_event_loop_policy, ` +
      'DefaultEventLoopPolicy, ...): leave them out and call asyncio.run(main()), passing loop_factory= to ' +
      'asyncio.run or asyncio.Runner when you need another loop; or run it as Python 3.13 would.',
    'wait-coroutines': (v) =>
      `Since Python ${v}, asyncio.wait() takes tasks and futures, not coroutines: wrap each coroutine in ` +
      'asyncio.create_task(...) first, or use asyncio.gather(...).',
    'coroutine-decorator': (v) =>
      `@asyncio.coroutine was removed in Python ${v}: write the function as async def and use await instead of yield from.`,
    'generator-coroutine': (v) =>
      `Since Python ${v}, a generator that uses yield from is no longer a coroutine asyncio accepts: write it as ` +
      'async def, with await instead of yield from.',
    'loop-argument': (v) =>
      `The loop= argument of asyncio's functions and classes (sleep, gather, wait_for, Queue, Lock, ...) was removed ` +
      `in Python ${v}: leave it out; they use the running loop.`,
  },
};

// ---- 中文: the page's words for a Chinese reader (numbers as in English)

const zh: EndWords = {
  limit: {
    steps: (e) => `程序运行了超过 ${grouped(e.max)} 个循环步骤（此时 t = ${clockReading(e.t)} s）。`,
    'virtual-time': {
      timer: (e) => `程序的时钟将超过 ${shortNumber(e.max)} 秒（下一个定时器在 t = ${clockReading(e.at)} s）。`,
      'time.sleep': (e) =>
        `${e.line === null ? '' : `第 ${e.line} 行的 `}time.sleep(${shortNumber(e.at)}) 会让程序的时钟超过 ` +
        `${shortNumber(e.max)} 秒的上限。`,
      request: (e) =>
        `${e.line === null ? '' : `第 ${e.line} 行的`}模拟请求 ${requestCall(e.request)} ` +
        (e.at >= 1e308
          ? `会一直阻塞事件循环，超过程序时钟 ${shortNumber(e.max)} 秒的上限：服务器一直不回答，也没有设超时。`
          : `会把事件循环阻塞 ${shortNumber(e.at)} 秒，超过程序时钟 ${shortNumber(e.max)} 秒的上限。`),
    },
    'busy-loop': (e) =>
      `${e.line === null ? '有一个循环' : `第 ${e.line} 行的循环`}转了 ${grouped(e.rounds)} 圈，中间没有一次 await：` +
      '事件循环一直拿不回控制权。',
    output: (e) => `程序输出了超过 ${grouped(e.max)} 个字符。`,
    'wall-clock': {
      python: (e) => `程序运行了超过 ${shortNumber(e.max)} 秒的真实时间${e.line === null ? '' : `（当时在第 ${e.line} 行）`}。`,
      'c-call': (e) =>
        `程序在一次没有回到 Python 的调用里运行了超过 ${shortNumber(e.max)} 秒的真实时间（例如 sum(range(10**13))），` +
        '已从外部把它停了下来。',
    },
    events: (e) => `这次运行记录了超过 ${grouped(e.max)} 个事件。`,
    memory: {
      heap: (e) => `程序使用了超过 ${mebibytes(e.maxBytes)} MB 的内存。`,
      'memory-error': () => '程序需要的内存超出了引擎所能拥有的上限（MemoryError）。',
    },
  },
  deadlock: (stuck) => {
    const waits = stuck
      .map((s) => `${s.name} ${s.line === null ? '' : `在第 ${s.line} 行`}等待${s.on === null ? '' : ` ${awaitName(s.on, zh)}`}`)
      .join('；');
    return `死锁：没有可以运行的任务，也没有待触发的定时器，但仍有任务在等待${waits ? `（${waits}）。` : '。'}`;
  },
  deadlockCause: (cause) => {
    if (cause.kind === 'cycle') return `等待图里有一个环：${cycleZh(cause.links)}。每个任务都要等别人先放手，所以谁也走不下去。`;
    if (cause.lines.length === 0) return '等待图里没有环：卡住的任务在等的 Future，已经没有任务会去完成它们。';
    const lines = cause.lines.map(
      (l) => `${listZh([...l.tasks.map((t) => taskCode(t, '（', '）')), ...(l.more > 0 ? [`另外 ${l.more} 个任务`] : [])])} 在等 ${objectCode(l.object)}（${l.object.type}）`,
    );
    return `等待图里没有环：${lines.join('；')}，但已经没有任务能唤醒它们。`;
  },
  showDeadlockCause: { cycle: '在等待图中查看这个环', 'no-cycle': '查看等待图' },
  awaitKind: { task: '另一个任务', gather: 'gather 的结果', sleep: 'asyncio.sleep', executor: '执行器里的函数', request: '一个模拟请求', future: '一个 Future' },
  stopped: {
    interrupt: '已停止：这次运行被“停止”按钮中断了。',
    terminated: '已停止：为了结束这次运行，引擎被重启了；轨迹显示了停止之前发生的一切。',
  },
  crashed: {
    'c-stack': (detail) =>
      `Python 本身崩溃了：它的 C 栈溢出了（${detail}）。程序里有东西嵌套得太深，超出了 Loopscope 所用的 Python` +
      '（Pyodide，它的 C 栈比 CPython 的小）能承受的范围，例如一个嵌套了 100,000 层的列表的 repr；CPython 在这里会抛出 ' +
      'RecursionError。轨迹显示了崩溃之前发生的一切。',
    other: (detail) => `Python 本身在运行中崩溃了（${detail}）。轨迹显示了崩溃之前发生的一切。`,
  },
  hint: {
    'missing-module': (h) =>
      `Loopscope 只带有 Python 标准库：${h.module} 这样的第三方包不在它的沙箱里，也无法在这里安装。` +
      '可以用 asyncio.sleep 代替真实的工作来试验这个想法。',
    'no-threads': () =>
      '浏览器里的 Python（Pyodide）不能启动线程。请改用 asyncio.to_thread 或 loop.run_in_executor：Loopscope 会在虚拟时钟上模拟它们的工作线程。',
    'no-processes': () => '浏览器里的 Python（Pyodide）不能启动其他程序或进程。',
    'no-input': () => "程序会从头运行到尾，中间不会停下来等你输入：请把值直接写进程序里，例如 name = 'Ada'。",
    'no-page': () => '分享链接会在你的浏览器里运行别人的代码，所以这里的程序不能访问页面、页面的存储，也不能访问网络。',
    'no-network': () => '这里的程序在离线环境中运行。想看网络请求的行为，可以用 await asyncio.sleep(...) 来代替它。',
    'removed-api': (h) => zh.removedApi[h.api](h.version),
  },
  removedApi: {
    get_event_loop: (v) =>
      `从 Python ${v} 起，没有正在运行的事件循环时，asyncio.get_event_loop() 不再自动创建一个：请用 ` +
      'asyncio.run(main()) 代替 get_event_loop()/run_until_complete()；也可以按 Python 3.13 的方式运行它。',
    'event-loop-policy': (v) =>
      `Python ${v} 弃用了 asyncio 的事件循环策略（get_event_loop_policy、set_event_loop_policy、` +
      'DefaultEventLoopPolicy 等）：去掉它们，直接调用 asyncio.run(main())；需要别的事件循环时，给 asyncio.run 或 ' +
      'asyncio.Runner 传入 loop_factory=；也可以按 Python 3.13 的方式运行它。',
    'wait-coroutines': (v) =>
      `从 Python ${v} 起，asyncio.wait() 只接受任务和 Future，不再接受协程：先用 asyncio.create_task(...) ` +
      '把每个协程包装成任务，或者改用 asyncio.gather(...)。',
    'coroutine-decorator': (v) => `Python ${v} 移除了 @asyncio.coroutine：请把函数写成 async def，并用 await 代替 yield from。`,
    'generator-coroutine': (v) =>
      `从 Python ${v} 起，使用 yield from 的生成器不再是 asyncio 接受的协程：请把它写成 async def，用 await 代替 yield from。`,
    'loop-argument': (v) =>
      `Python ${v} 移除了 asyncio 函数和类（sleep、gather、wait_for、Queue、Lock 等）的 loop= 参数：` +
      '去掉它即可，它们会使用正在运行的事件循环。',
  },
};

export const END_WORDS: Readonly<Record<Lang, EndWords>> = { en, zh };

/** "a", "a and b", "a, b and c". */
function listEn(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "a"、"a 和 b"、"a、b 和 c". */
function listZh(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')} 和 ${items[items.length - 1] ?? ''}`;
}

/** A stuck task's await: the asyncio API it called ("Queue.get") when known, else its kind. */
function awaitName(on: AwaitTarget, words: EndWords): string {
  return (on.k === 'future' ? on.api : undefined) ?? words.awaitKind[on.k];
}

/**
 * Call the words for `value` from a table keyed by `value[key]`. The table's type pairs each key
 * with a function of that key's end; TypeScript cannot follow that pairing through a union, so
 * this one place says it.
 */
function byKey<End, Key extends keyof End>(table: ByKey<End, Key>, key: Key, value: End): string {
  const say = table[value[key] as End[Key] & string] as (end: End) => string;
  return say(value);
}

/** Why a safety limit stopped the run, with its figures. */
export function limitSentence(end: LimitEnd, lang: Lang): string {
  const words = END_WORDS[lang].limit;
  switch (end.limit) {
    case 'steps':
      return words.steps(end);
    case 'virtual-time':
      return byKey(words['virtual-time'], 'cause', end);
    case 'busy-loop':
      return words['busy-loop'](end);
    case 'output':
      return words.output(end);
    case 'wall-clock':
      return byKey(words['wall-clock'], 'where', end);
    case 'events':
      return words.events(end);
    case 'memory':
      return byKey(words.memory, 'cause', end);
  }
}

/** The line of why under an exception that comes from where the program runs. */
export function hintSentence(hint: RunHint, lang: Lang): string {
  const say = END_WORDS[lang].hint[hint.k] as (hint: RunHint) => string;
  return say(hint);
}

/**
 * The sentence for an end that the program did not reach by itself (a limit, a deadlock, a stop,
 * a crash): what the CLI prints after `loopscope: `. Null for the ends that speak for themselves
 * (ok, sys.exit, an exception with CPython's own traceback).
 */
export function endSentence(end: RunEnd, lang: Lang): string | null {
  const words = END_WORDS[lang];
  switch (end.kind) {
    case 'limit':
      return limitSentence(end, lang);
    case 'deadlock':
      return words.deadlock(end.stuck);
    case 'stopped':
      return words.stopped[end.how];
    case 'crashed':
      return words.crashed[end.cause](end.detail);
    case 'ok':
    case 'exit':
    case 'exception':
      return null;
  }
}

/**
 * What the CLI says after the program's own output, and the page beside the end: the sentence of
 * an end the program did not reach by itself, or the hint under an exception from the sandbox.
 * Null when there is nothing to add to what CPython printed.
 */
export function whySentence(end: RunEnd, lang: Lang): string | null {
  if (end.kind !== 'exception') return endSentence(end, lang);
  return end.hint === undefined ? null : hintSentence(end.hint, lang);
}
