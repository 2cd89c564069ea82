/**
 * The words of the compare view (issue 13's "Compare two runs"), in English and Chinese: its
 * buttons, each run's header, and the differences src/trace/compare.ts finds, said as
 * "sequential: 6.0 s, gather: 3.0 s". A fact kind without its words in both languages fails the
 * typecheck (`Record<CompareFactKind, …>`).
 */
import type { RunEnd, Seconds } from '../protocol/trace';
import type { CompareFact, CompareFactKind } from '../trace/compare';
import type { FoundKind } from '../trace/findings/types';
import type { Lang } from './lang';

type FactOf<K extends CompareFactKind> = Extract<CompareFact, { readonly kind: K }>;

/** The two runs' names, as the header of each shows them. */
export interface RunNames {
  readonly pinned: string;
  readonly current: string;
}

export interface CompareWords {
  readonly pin: string;
  readonly pinHint: string;
  readonly pinDisabledHint: string;
  readonly repin: string;
  readonly unpin: string;
  readonly title: string;
  /** The default names of the runs, when their programs start with no comment to name them. */
  readonly pinnedRun: string;
  readonly currentRun: string;
  /** Shown while only the pinned run is there (or the current one is the pinned one). */
  readonly waiting: string;
  readonly stale: string;
  /** One run's figures: "6.0 s · 12 steps · 3 tasks". */
  readonly summary: (time: Seconds, steps: number, tasks: number) => string;
  readonly axis: string;
  readonly differences: string;
  readonly facts: { readonly [K in CompareFactKind]: (fact: FactOf<K>, names: RunNames) => string };
  readonly findingKind: Readonly<Record<FoundKind, string>>;
  readonly endKind: Readonly<Record<RunEnd['kind'], string>>;
  /** The view's text alternative for screen readers (the lanes are a picture). */
  readonly chartLabel: (name: string, lanes: number) => string;
}

/** Seconds as the compare view says them: "6.0 s", "0.25 s", "1.125 s" (at least one decimal). */
export function compareSeconds(t: Seconds): string {
  const text = String(Number(t.toFixed(3)));
  return `${text.includes('.') ? text : `${text}.0`} s`;
}

/** "2.0×": how many times as fast, one decimal. */
function times(x: number): string {
  return `${x.toFixed(1)}×`;
}

/** How many times as fast the quicker run was, or null when either took no time or they tie. */
function ratio(a: Seconds, b: Seconds): number | null {
  if (a <= 0 || b <= 0 || a === b) return null;
  return Math.max(a, b) / Math.min(a, b);
}

const en: CompareWords = {
  pin: 'Pin for compare',
  pinHint: 'Keep this run on screen, then edit and run again to compare the two',
  pinDisabledHint: 'Run the program first: a finished run can be pinned',
  repin: 'Pin this run instead',
  unpin: 'Stop comparing',
  title: 'Compare two runs',
  pinnedRun: 'pinned run',
  currentRun: 'this run',
  waiting: 'Pinned. Now edit the program and run it again: the new run appears below, on the same time axis.',
  stale: 'The code changed since the lower run: press Run to compare the new version.',
  summary: (time, steps, tasks) =>
    `${compareSeconds(time)} · ${steps.toLocaleString('en')} ${steps === 1 ? 'step' : 'steps'} · ${tasks.toLocaleString('en')} ${tasks === 1 ? 'task' : 'tasks'}`,
  axis: 'virtual time',
  differences: 'What differs',
  facts: {
    time: ({ pinned, current }, n) => {
      const x = ratio(pinned, current);
      const head = `Total time: ${n.pinned}: ${compareSeconds(pinned)}, ${n.current}: ${compareSeconds(current)}`;
      if (pinned === current) return `${head}: the same`;
      if (x === null) return head;
      return `${head}: ${current < pinned ? n.current : n.pinned} is ${times(x)} as fast`;
    },
    steps: ({ pinned, current }, n) =>
      `Loop steps: ${n.pinned}: ${pinned.toLocaleString('en')}, ${n.current}: ${current.toLocaleString('en')}${pinned === current ? ': the same' : ''}`,
    tasks: ({ pinned, current }, n) =>
      `Tasks: ${n.pinned}: ${pinned.toLocaleString('en')}, ${n.current}: ${current.toLocaleString('en')}${pinned === current ? ': the same' : ''}`,
    findings: ({ onlyPinned, onlyCurrent }, n) => {
      const parts: string[] = [];
      if (onlyPinned.length > 0) parts.push(`only ${n.pinned} has ${onlyPinned.map((k) => en.findingKind[k]).join(', ')}`);
      if (onlyCurrent.length > 0) parts.push(`only ${n.current} has ${onlyCurrent.map((k) => en.findingKind[k]).join(', ')}`);
      return `Pitfalls: ${parts.join('; ')}`;
    },
    end: ({ pinned, current }, n) => `How they ended: ${n.pinned}: ${en.endKind[pinned]}, ${n.current}: ${en.endKind[current]}`,
    output: ({ same }) => (same ? 'Output: both printed the same' : 'Output: the two runs printed different text'),
  },
  findingKind: {
    'blocking-call': 'a blocking call',
    'never-awaited': 'a coroutine never awaited',
    'exception-never-retrieved': 'an exception never retrieved',
    'task-not-awaited': 'a task never awaited',
    'cancel-swallowed': 'a swallowed cancellation',
    'busy-polling': 'busy polling',
    'sequential-awaits': 'awaits one by one that could run together',
    'unbounded-fan-out': 'an unbounded fan-out',
    deadlock: 'a deadlock',
    'removed-api': 'a removed API',
    'loop-misuse': 'a misused event loop',
  },
  endKind: {
    ok: 'finished',
    exception: 'raised an exception',
    exit: 'called sys.exit',
    limit: 'stopped at a limit',
    deadlock: 'deadlocked',
    stopped: 'was stopped',
    crashed: 'Python crashed',
  },
  chartLabel: (name, lanes) => `Task lanes of ${name} on the shared time axis: ${lanes} ${lanes === 1 ? 'task' : 'tasks'}`,
};

const zh: CompareWords = {
  pin: '固定以对比',
  pinHint: '把这次运行留在屏幕上，然后修改程序再运行一次，对比两次运行',
  pinDisabledHint: '先运行程序：运行结束后才能固定',
  repin: '改为固定这次运行',
  unpin: '结束对比',
  title: '对比两次运行',
  pinnedRun: '固定的运行',
  currentRun: '本次运行',
  waiting: '已固定。现在修改程序并再次运行：新的运行会显示在下方，使用同一条时间轴。',
  stale: '下方那次运行之后代码又改过了：按“运行”来对比新版本。',
  summary: (time, steps, tasks) => `${compareSeconds(time)} · ${steps} 步 · ${tasks} 个任务`,
  axis: '虚拟时间',
  differences: '不同之处',
  facts: {
    time: ({ pinned, current }, n) => {
      const x = ratio(pinned, current);
      const head = `总用时：${n.pinned}：${compareSeconds(pinned)}，${n.current}：${compareSeconds(current)}`;
      if (pinned === current) return `${head}，相同`;
      if (x === null) return head;
      return `${head}，${current < pinned ? n.current : n.pinned} 快 ${times(x)}`;
    },
    steps: ({ pinned, current }, n) => `循环步数：${n.pinned}：${pinned}，${n.current}：${current}${pinned === current ? '，相同' : ''}`,
    tasks: ({ pinned, current }, n) => `任务数：${n.pinned}：${pinned}，${n.current}：${current}${pinned === current ? '，相同' : ''}`,
    findings: ({ onlyPinned, onlyCurrent }, n) => {
      const parts: string[] = [];
      if (onlyPinned.length > 0) parts.push(`只有 ${n.pinned} 有${onlyPinned.map((k) => zh.findingKind[k]).join('、')}`);
      if (onlyCurrent.length > 0) parts.push(`只有 ${n.current} 有${onlyCurrent.map((k) => zh.findingKind[k]).join('、')}`);
      return `常见的坑：${parts.join('；')}`;
    },
    end: ({ pinned, current }, n) => `结束方式：${n.pinned}：${zh.endKind[pinned]}，${n.current}：${zh.endKind[current]}`,
    output: ({ same }) => (same ? '输出：两次运行打印的内容相同' : '输出：两次运行打印的内容不同'),
  },
  findingKind: {
    'blocking-call': '阻塞调用',
    'never-awaited': '从未被 await 的协程',
    'exception-never-retrieved': '从未被取回的异常',
    'task-not-awaited': '从未被等待的任务',
    'cancel-swallowed': '被吞掉的取消',
    'busy-polling': '忙轮询',
    'sequential-awaits': '本可并发却逐个 await',
    'unbounded-fan-out': '无上限的并发',
    deadlock: '死锁',
    'removed-api': '已移除的 API',
    'loop-misuse': '事件循环用法错误',
  },
  endKind: {
    ok: '正常结束',
    exception: '抛出了异常',
    exit: '调用了 sys.exit',
    limit: '在限制处停止',
    deadlock: '死锁',
    stopped: '被停止',
    crashed: 'Python 崩溃',
  },
  chartLabel: (name, lanes) => `${name}在共享时间轴上的任务泳道：${lanes} 个任务`,
};

export const COMPARE_WORDS: Readonly<Record<Lang, CompareWords>> = { en, zh };

export function compareWords(lang: Lang): CompareWords {
  return COMPARE_WORDS[lang];
}

/** Say one fact in the learner's language. */
export function compareFactText(fact: CompareFact, names: RunNames, lang: Lang): string {
  const words = COMPARE_WORDS[lang].facts;
  switch (fact.kind) {
    case 'time':
      return words.time(fact, names);
    case 'steps':
      return words.steps(fact, names);
    case 'tasks':
      return words.tasks(fact, names);
    case 'findings':
      return words.findings(fact, names);
    case 'end':
      return words.end(fact, names);
    case 'output':
      return words.output(fact, names);
  }
}
