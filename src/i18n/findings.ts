/**
 * The pitfall findings in words (src/trace/findings): a title, what happened in this run (the
 * task, the line, the seconds) and the fix, in English and Chinese, for the Problems list and
 * `loopscope lint` (English).
 *
 * Exhaustive by construction: a table per language keyed by every kind a Finding can have, and
 * sub-tables keyed by the protocol's own unions (LoopMisuse, CancelVia...), so a kind or a value
 * added there without its words here in both languages fails the typecheck.
 */
import type { CancelVia, LoopMisuse, Seconds } from '../protocol/trace';
import type { CpuWork, Finding, FoundKind } from '../trace/findings/types';
import type { TaskLabel } from '../trace/narration';
import { END_WORDS } from './endWords';
import { formatDelay, taskLabelText } from './format';
import type { Lang } from './lang';

export interface FindingText {
  /** A few words for the list: "time.sleep blocked the loop". */
  readonly title: string;
  /** What happened in this run: names the task, the line, the seconds. */
  readonly explanation: string;
  /** What to write instead. */
  readonly fix: string;
}

type FindingOf<K extends FoundKind> = Extract<Finding, { readonly kind: K }>;

interface FindingWords {
  readonly kinds: { readonly [K in FoundKind]: (f: FindingOf<K>) => FindingText };
  readonly misuse: { readonly [M in LoopMisuse]: { readonly title: string; readonly explanation: string; readonly fix: string } };
  readonly via: { readonly [V in CancelVia]: string };
}

const name = (label: TaskLabel | undefined): string => (label === undefined ? '?' : taskLabelText(label));
const secs = (s: Seconds): string => formatDelay(s);
/** A count as both languages write it here: 600,000. */
const count = (n: number): string => n.toLocaleString('en-US');
const work = (w: CpuWork | undefined): string =>
  w === undefined ? 'many lines' : `${count(w.lines)} lines and ${count(w.rounds)} loop rounds`;
const workZh = (w: CpuWork | undefined): string => (w === undefined ? '很多行' : `${count(w.lines)} 行次、循环 ${count(w.rounds)} 轮`);
const list = (items: readonly string[], and: string, sep: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(sep)}${and}${items[items.length - 1] ?? ''}`;

// ---- English

const enLine = (line: number | null): string => (line === null ? '' : ` at line ${line}`);

const en: FindingWords = {
  kinds: {
    'blocking-call': (f) => {
      const who = f.blocker === null ? 'a callback' : name(f.labels[0]);
      if (f.cause === 'cpu') {
        const held =
          f.heldUp === 0
            ? 'No other task was ready meanwhile, but none could have run.'
            : `${f.heldUp === 1 ? '1 other task was' : `${f.heldUp} other tasks were`} held up, about ${secs(f.heldUpSeconds)} s in all (estimated the same way).`;
        return {
          title: 'a CPU-heavy step blocked the event loop',
          explanation: `${who} ran ${work(f.work)} of your code${enLine(f.line)} without awaiting: about ${secs(f.seconds)} s of CPU time on CPython 3.13, estimated from that count (the virtual clock does not move while Python computes, so this is not virtual time). Nothing else could run until it was done. ${held}`,
          fix: 'Move the computation off the event loop: await asyncio.to_thread(func, ...) keeps the loop running meanwhile, and loop.run_in_executor(a ProcessPoolExecutor, func, ...) also runs it on another core; or split the work into parts and await asyncio.sleep(0) between them.',
        };
      }
      const what = f.cause === 'request' && f.request !== undefined ? `${f.request.lib}.${f.request.method.toLowerCase()}('${f.request.url}')` : 'time.sleep';
      const held =
        f.heldUp === 0
          ? 'No other task was due meanwhile, but none could have run.'
          : `${f.heldUp === 1 ? '1 other task was' : `${f.heldUp} other tasks were`} held up, ${secs(f.heldUpSeconds)} s in all.`;
      return {
        title: `${what} blocked the event loop`,
        explanation: `${what}${enLine(f.line)} in ${who} stopped the whole event loop for ${secs(f.seconds)} s: nothing else can run while the thread sleeps or waits. ${held}`,
        fix:
          f.cause === 'request'
            ? 'Use an async HTTP library (aiohttp, httpx.AsyncClient) and await it, or run the call in a thread: await asyncio.to_thread(...).'
            : f.inCoroutine
              ? 'Write await asyncio.sleep(...) instead of time.sleep(...): it pauses only this coroutine.'
              : 'Await asyncio.sleep(...) in a coroutine instead, or run the blocking function in a thread: await asyncio.to_thread(...).',
      };
    },
    'never-awaited': (f) => ({
      title: `coroutine ${f.name}() never ran`,
      explanation: `Calling ${f.name}(...)${enLine(f.line)} only made a coroutine object; nobody awaited it or made a task of it, so its body never ran.`,
      fix: `Write await ${f.name}(...), or asyncio.create_task(${f.name}(...)) and keep the task to await later.`,
    }),
    'exception-never-retrieved': (f) => ({
      title: 'a task failed and nobody noticed',
      explanation: `${f.task === null ? 'A Future' : `The task ${name(f.labels[0])}`}${f.task === null ? '' : ` created${enLine(f.line)}`} failed${f.exc === null ? '' : ` with ${f.exc}`}, but nobody awaited it or asked for its result, so the error was only logged when the task was freed.`,
      fix: 'Await the task (or gather it, or use a TaskGroup) so its exception reaches your code; or handle the error inside the task.',
    }),
    'task-not-awaited': (f) => ({
      title: f.how === 'destroyed' ? 'a pending task was thrown away' : 'a task was left unfinished',
      explanation:
        f.how === 'destroyed'
          ? `The task ${name(f.labels[0])} created${enLine(f.line)} was freed while still pending: nothing kept a reference to it, so it can vanish mid-work.`
          : `The task ${name(f.labels[0])} created${enLine(f.line)} was ${f.started ? 'still pending' : 'never even started'} when main() returned; asyncio.run cancelled it on the way out, so its work was lost.`,
      fix: 'Keep a reference to the task and await it before main() returns (or use asyncio.gather or a TaskGroup).',
    }),
    'cancel-swallowed': (f) => ({
      title: 'a task swallowed its cancellation',
      explanation: `${en.via[f.via]}${f.requestLine === null ? '' : ` (line ${f.requestLine})`} cancelled ${name(f.labels[0])}; the CancelledError landed${enLine(f.line)}, but the task caught it and carried on, so the cancellation had no effect.`,
      fix: 'After cleaning up in except asyncio.CancelledError (or finally), re-raise it with a bare raise.',
    }),
    'busy-polling': (f) => ({
      title: `${name(f.labels[0])} keeps polling`,
      explanation: `${name(f.labels[0])} woke itself ${f.wakeUps} times${enLine(f.line)} (${f.interval === 0 ? 'sleep(0)' : `every ${secs(f.interval)} s`})${f.seconds > 0 ? ` over ${secs(f.seconds)} s` : ''} without doing anything visible: it is checking a flag over and over.`,
      fix: 'Wait for the change instead of polling: an asyncio.Event (await event.wait()), a Condition or a Queue wakes the task once, when it matters.',
    }),
    'sequential-awaits': (f) => ({
      title: 'waits run one after another',
      explanation: `${name(f.labels[0])} awaited ${f.waits} waits one by one (lines ${f.lines.join(', ')}) while the loop sat idle: ${secs(f.secondsTaken)} s in all; run together they would have finished ${secs(f.sooner)} s sooner.`,
      fix: 'Start them together: results = await asyncio.gather(...), or create tasks in a TaskGroup, when they do not depend on each other.',
    }),
    'unbounded-fan-out': (f) => ({
      title: 'too many requests at once',
      explanation: `${f.peak} requests were in flight at the same moment${enLine(f.line)} (more than ${f.limit}), with no limit on how many run together: a real server would refuse or slow down.`,
      fix: 'Limit concurrency: an asyncio.Semaphore around each request, or aiohttp.TCPConnector(limit=...) / httpx.Limits(max_connections=...).',
    }),
    deadlock: (f) => {
      const ring = f.cycle.map((id) => name(f.labels[f.tasks.indexOf(id)]));
      return {
        title: 'deadlock: tasks wait forever',
        explanation:
          ring.length > 0
            ? `${list(ring, ' and ', ', ')} wait for each other${enLine(f.line)}: none can go on until another does, and nothing else is left to run.`
            : `${list(f.waits.map((w) => `${name(w.label)}${w.line === null ? '' : ` (line ${w.line})`}`), ' and ', ', ')} ${f.waits.length === 1 ? 'waits' : 'wait'} for something nobody will ever do, and nothing else is left to run.`,
        fix:
          ring.length > 0
            ? 'Break the ring: take locks in the same order everywhere, or do not await a task that awaits you.'
            : 'Make sure something sets the Event, puts into the Queue or releases the Lock, or add a timeout (asyncio.timeout).',
      };
    },
    'removed-api': (f) => ({
      title: `API ${f.how === 'error' ? 'removed' : 'deprecated'} in Python ${f.version}`,
      explanation: `The program uses${enLine(f.line)} an asyncio API that Python ${f.version} ${f.how === 'error' ? 'removed or changed, so it failed' : 'deprecated: it still works, with a DeprecationWarning, but will go'}.`,
      fix: END_WORDS.en.removedApi[f.api](f.version),
    }),
    'loop-misuse': (f) => {
      const words = en.misuse[f.misuse];
      return { title: words.title, explanation: `${words.explanation}${f.line === null ? '' : ` (line ${f.line})`}`, fix: words.fix };
    },
  },
  misuse: {
    'run-in-running-loop': {
      title: 'asyncio.run inside a running loop',
      explanation: 'asyncio.run() was called while an event loop was already running: it starts a new loop, and one thread runs one loop at a time.',
      fix: 'Inside a coroutine, await the coroutine (or asyncio.create_task it) instead of calling asyncio.run; call asyncio.run once, at the top.',
    },
    'closed-loop': {
      title: 'the event loop is closed',
      explanation: 'The program used an event loop after it was closed (asyncio.run closes its loop when it returns).',
      fix: 'Do all the async work inside one asyncio.run(main()); do not keep a loop from one run to use later.',
    },
    'no-running-loop': {
      title: 'no running event loop',
      explanation: 'asyncio.create_task() was called where no event loop runs (outside any coroutine), so there is no loop to run the task.',
      fix: 'Create tasks inside a coroutine that asyncio.run runs, e.g. in main().',
    },
  },
  via: {
    'cancel()': 'task.cancel()',
    timeout: 'asyncio.timeout',
    wait_for: 'asyncio.wait_for',
    TaskGroup: 'A TaskGroup',
    gather: 'asyncio.gather',
    wait: 'asyncio.wait',
    shield: 'asyncio.shield',
    as_completed: 'asyncio.as_completed',
    runner: 'asyncio.run',
    awaiter: 'Cancelling the task awaiting it',
    loop: 'The event loop',
  },
};

// ---- Chinese

const zhLine = (line: number | null): string => (line === null ? '' : `（第 ${line} 行）`);

const zh: FindingWords = {
  kinds: {
    'blocking-call': (f) => {
      const who = f.blocker === null ? '一个回调' : name(f.labels[0]);
      if (f.cause === 'cpu') {
        const held =
          f.heldUp === 0
            ? '这期间没有别的任务在等着运行，但也没有任何任务能运行。'
            : `有 ${f.heldUp} 个其他任务被耽误，合计约 ${secs(f.heldUpSeconds)} 秒（同样是估算）。`;
        return {
          title: '一段耗 CPU 的计算卡住了事件循环',
          explanation: `${who}${zhLine(f.line)}没有 await，一口气运行了你的代码 ${workZh(f.work)}：按这个计数估算，在 CPython 3.13 上约需 ${secs(f.seconds)} 秒 CPU 时间（Python 计算时虚拟时钟不走，所以这不是虚拟时间）。在它算完之前，别的任务都不能运行。${held}`,
          fix: '把计算移出事件循环：await asyncio.to_thread(func, ...) 让事件循环在计算期间照常运行，loop.run_in_executor(ProcessPoolExecutor 实例, func, ...) 还能让它在另一个 CPU 核上并行；或者把工作拆成几段，在段与段之间 await asyncio.sleep(0)。',
        };
      }
      const what = f.cause === 'request' && f.request !== undefined ? `${f.request.lib}.${f.request.method.toLowerCase()}('${f.request.url}')` : 'time.sleep';
      const held = f.heldUp === 0 ? '这期间没有别的任务到期，但也没有任何任务能运行。' : `有 ${f.heldUp} 个其他任务被耽误，合计 ${secs(f.heldUpSeconds)} 秒。`;
      return {
        title: `${what} 卡住了事件循环`,
        explanation: `${who} 里的 ${what}${zhLine(f.line)}让整个事件循环停了 ${secs(f.seconds)} 秒：线程睡着或等待时，别的任务都不能运行。${held}`,
        fix:
          f.cause === 'request'
            ? '改用异步 HTTP 库（aiohttp、httpx.AsyncClient）并 await 它，或者放到线程里运行：await asyncio.to_thread(...)。'
            : f.inCoroutine
              ? '把 time.sleep(...) 改成 await asyncio.sleep(...)：它只暂停当前协程。'
              : '在协程里改用 await asyncio.sleep(...)，或者把阻塞函数放到线程里运行：await asyncio.to_thread(...)。',
      };
    },
    'never-awaited': (f) => ({
      title: `协程 ${f.name}() 从未运行`,
      explanation: `${zhLine(f.line)}调用 ${f.name}(...) 只创建了一个协程对象；没有人 await 它，也没有把它包装成任务，所以它的函数体从未执行。`,
      fix: `写成 await ${f.name}(...)，或者用 asyncio.create_task(${f.name}(...)) 并保存任务，稍后再 await。`,
    }),
    'exception-never-retrieved': (f) => ({
      title: '任务失败了，却没有人发现',
      explanation: `${f.task === null ? '一个 Future' : `任务 ${name(f.labels[0])}${zhLine(f.line)}`}失败了${f.exc === null ? '' : `（${f.exc}）`}，但没有人 await 它或取它的结果，所以这个异常只在任务被释放时记进了日志。`,
      fix: 'await 这个任务（或用 gather、TaskGroup），让异常传到你的代码里；或者在任务内部处理这个错误。',
    }),
    'task-not-awaited': (f) => ({
      title: f.how === 'destroyed' ? '一个未完成的任务被丢弃了' : '一个任务没有做完',
      explanation:
        f.how === 'destroyed'
          ? `任务 ${name(f.labels[0])}${zhLine(f.line)}还没完成就被释放了：没有任何地方保存它的引用，它可能在工作中途消失。`
          : `main() 返回时，任务 ${name(f.labels[0])}${zhLine(f.line)}${f.started ? '还没有完成' : '甚至还没开始'}；asyncio.run 在退出时取消了它，它的工作就此丢失。`,
      fix: '保存任务的引用，并在 main() 返回前 await 它（或者用 asyncio.gather、TaskGroup）。',
    }),
    'cancel-swallowed': (f) => ({
      title: '任务吞掉了取消',
      explanation: `${zh.via[f.via]}${f.requestLine === null ? '' : `（第 ${f.requestLine} 行）`}取消了 ${name(f.labels[0])}；CancelledError 落在${f.line === null ? '它等待的地方' : `第 ${f.line} 行`}，但任务捕获了它并继续运行，所以这次取消没有起作用。`,
      fix: '在 except asyncio.CancelledError（或 finally）里清理完之后，用单独的 raise 把它重新抛出。',
    }),
    'busy-polling': (f) => ({
      title: `${name(f.labels[0])} 在反复轮询`,
      explanation: `${name(f.labels[0])}${zhLine(f.line)}${f.seconds > 0 ? `在 ${secs(f.seconds)} 秒内` : ''}把自己唤醒了 ${f.wakeUps} 次（${f.interval === 0 ? 'sleep(0)' : `每 ${secs(f.interval)} 秒一次`}），却什么可见的事都没做：它在一遍遍地检查一个标志。`,
      fix: '不要轮询，直接等待变化：asyncio.Event（await event.wait()）、Condition 或 Queue 只会在需要时唤醒任务一次。',
    }),
    'sequential-awaits': (f) => ({
      title: '等待一个接一个地进行',
      explanation: `${name(f.labels[0])} 逐个 await 了 ${f.waits} 次等待（第 ${f.lines.join('、')} 行），期间事件循环一直空闲：一共用了 ${secs(f.secondsTaken)} 秒；一起运行的话会早 ${secs(f.sooner)} 秒完成。`,
      fix: '如果它们互不依赖，就让它们同时开始：results = await asyncio.gather(...)，或者在 TaskGroup 里创建任务。',
    }),
    'unbounded-fan-out': (f) => ({
      title: '同时发出的请求太多',
      explanation: `同一时刻有 ${f.peak} 个请求在进行${zhLine(f.line)}（超过 ${f.limit} 个），并且没有限制同时运行的数量：真实的服务器会拒绝或变慢。`,
      fix: '限制并发数：给每个请求套上 asyncio.Semaphore，或者使用 aiohttp.TCPConnector(limit=...) / httpx.Limits(max_connections=...)。',
    }),
    deadlock: (f) => {
      const ring = f.cycle.map((id) => name(f.labels[f.tasks.indexOf(id)]));
      return {
        title: '死锁：任务永远在等待',
        explanation:
          ring.length > 0
            ? `${list(ring, ' 和 ', '、')}${zhLine(f.line)}在互相等待：谁都要等别人先动，而已经没有别的东西可以运行了。`
            : `${list(f.waits.map((w) => `${name(w.label)}${zhLine(w.line)}`), ' 和 ', '、')}在等待一件永远不会有人去做的事，而已经没有别的东西可以运行了。`,
        fix:
          ring.length > 0
            ? '打破这个环：在所有地方按相同的顺序获取锁，或者不要 await 一个正在 await 你的任务。'
            : '确保有人会设置 Event、向 Queue 放入数据或释放 Lock，或者加上超时（asyncio.timeout）。',
      };
    },
    'removed-api': (f) => ({
      title: `Python ${f.version} ${f.how === 'error' ? '移除' : '弃用'}的 API`,
      explanation: `程序${zhLine(f.line)}用到了一个 Python ${f.version} ${f.how === 'error' ? '移除或改变了的 asyncio API，所以出错了' : '弃用的 asyncio API：它现在还能用，会给出 DeprecationWarning，但以后会被移除'}。`,
      fix: END_WORDS.zh.removedApi[f.api](f.version),
    }),
    'loop-misuse': (f) => {
      const words = zh.misuse[f.misuse];
      return { title: words.title, explanation: `${words.explanation}${zhLine(f.line)}`, fix: words.fix };
    },
  },
  misuse: {
    'run-in-running-loop': {
      title: '在运行中的事件循环里调用 asyncio.run',
      explanation: '事件循环正在运行时又调用了 asyncio.run()：它要启动一个新的循环，而一个线程同一时间只能运行一个循环。',
      fix: '在协程里直接 await 那个协程（或用 asyncio.create_task），不要调用 asyncio.run；asyncio.run 只在最外层调用一次。',
    },
    'closed-loop': {
      title: '事件循环已经关闭',
      explanation: '程序在事件循环关闭之后还在使用它（asyncio.run 返回时会关闭自己的循环）。',
      fix: '把所有异步工作都放进同一个 asyncio.run(main()) 里；不要把一次运行的循环留到以后再用。',
    },
    'no-running-loop': {
      title: '没有正在运行的事件循环',
      explanation: '在没有事件循环运行的地方（任何协程之外）调用了 asyncio.create_task()，没有循环来运行这个任务。',
      fix: '在由 asyncio.run 运行的协程里（例如 main() 里）创建任务。',
    },
  },
  via: {
    'cancel()': 'task.cancel()',
    timeout: 'asyncio.timeout',
    wait_for: 'asyncio.wait_for',
    TaskGroup: 'TaskGroup',
    gather: 'asyncio.gather',
    wait: 'asyncio.wait',
    shield: 'asyncio.shield',
    as_completed: 'asyncio.as_completed',
    runner: 'asyncio.run',
    awaiter: '取消等待它的任务时',
    loop: '事件循环',
  },
};

export const FINDING_WORDS: Readonly<Record<Lang, FindingWords>> = { en, zh };

/** The title, explanation and fix of `f` in `lang`. */
export function findingText(f: Finding, lang: Lang): FindingText {
  const kinds = FINDING_WORDS[lang].kinds;
  // A correlated union again (see renderers.ts): the table's type ties each kind to its member.
  const words = kinds[f.kind] as (f: Finding) => FindingText;
  return words(f);
}
