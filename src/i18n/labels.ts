/**
 * The words of the short labels: a handle in the ready queue or the timer heap ("step of
 * fetch", "sleep(1) of worker"), and what a waiting task waits on ("Queue.get on Queue#1"), in
 * English and Simplified Chinese. src/trace/describe.ts gives the facts (HandleLabel,
 * AwaitLabel); one renderer per kind and language says them.
 */
import type { AwaitLabel, HandleLabel, RequestFailure, TaskLabel, TimeoutKind } from '../trace/narration';
import { callText, formatDelay, formatTime, requestText, taskLabelText } from './format';
import type { Lang } from './lang';
import { objectName } from './objects';
import { render, type Renderers } from './renderers';

type InLine = Extract<AwaitLabel, { kind: 'in-line' }>;

interface LabelWords {
  readonly handle: Renderers<HandleLabel>;
  readonly await: Renderers<AwaitLabel>;
}

/** Asked-for names of a gather's children: a child that is not a task is "future"; the rest counted. */
function gatherText(children: readonly (string | null)[], more: number, moreText: (count: number) => string): string {
  const named = children.map((c) => c ?? 'future');
  return `gather(${more > 0 ? `${named.join(', ')}, ${moreText(more)}` : named.join(', ')})`;
}

const ofTaskEn = (what: string, task: TaskLabel | null): string => (task === null ? what : `${what} of ${taskLabelText(task)}`);
const deadlineEn = (via: TimeoutKind): string =>
  via === 'wait_for' ? 'wait_for deadline' : via === 'timeout' ? 'timeout deadline' : 'deadline';

const requestOutcomeEn = (fails: RequestFailure | null): string => {
  switch (fails) {
    case null:
      return 'response to';
    case 'dns':
      return 'DNS failure of';
    case 'connect':
      return 'refused connection of';
    case 'timeout':
      return 'timeout of';
  }
};

const en: LabelWords = {
  handle: {
    step: ({ task }) => `step of ${taskLabelText(task)}`,
    wakeup: ({ task }) => `wakeup of ${taskLabelText(task)}`,
    sleep: ({ delay, task }) => ofTaskEn(`sleep(${formatDelay(delay)})`, task),
    timeout: ({ via, task }) => ofTaskEn(deadlineEn(via), task),
    call: ({ call }) => callText(call),
    worker: ({ fn, task }) =>
      task === null ? `${fn} done in a worker thread` : `${fn} done in a worker thread, for ${taskLabelText(task)}`,
    // The panels tag it "simulated request" (ViewStrings.handleKind).
    request: ({ request, task, fails }) =>
      `${requestOutcomeEn(fails)} ${requestText(request)}${task === null ? '' : ` for ${taskLabelText(task)}`}`,
  },
  await: {
    sleep: ({ until }) => `sleep until ${formatTime(until)}`,
    task: ({ task }) => task,
    gather: ({ children, more }) => gatherText(children, more, (count) => `…+${count.toLocaleString('en')} more`),
    executor: ({ fn }) => `${fn} in a worker thread`,
    request: ({ request, queued }) =>
      queued ? `a free connection for ${requestText(request)} (simulated)` : `${requestText(request)} (simulated)`,
    future: ({ api, obj }) => {
      if (api !== null) return obj === null ? api : `${api} on ${obj}`;
      return obj === null ? 'a future' : `a future of ${obj}`;
    },
    'in-line': (l) =>
      `${l.api ?? 'a future'} on ${objectName({ name: l.object.name, kind: l.object.type, ordinal: l.object.ordinal })}, ${ordinalEn(l.place)} in line of ${l.of} (${figuresEn(l)})`,
  },
};

const ordinalEn = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n.toLocaleString('en')}${suffix}`;
};

/** The figures an object's kind is read by: "Semaphore 0/2", "Queue 2/2 full", "Lock". */
function figures(l: InLine, full: string): string {
  switch (l.object.type) {
    case 'Semaphore':
    case 'BoundedSemaphore':
      return `${l.object.type} ${l.value}/${l.capacity}`;
    case 'Queue':
    case 'PriorityQueue':
    case 'LifoQueue':
      return l.capacity > 0
        ? `${l.object.type} ${l.size}/${l.capacity}${l.size >= l.capacity ? ` ${full}` : ''}`
        : `${l.object.type} ${l.size}`;
    case 'Lock':
    case 'Event':
    case 'Condition':
    case 'Barrier':
    case 'Future':
    case 'gather':
    case 'TaskGroup':
    case 'timeout':
      return l.object.type;
  }
}
const figuresEn = (l: InLine): string => figures(l, 'full');

const ofTaskZh = (what: string, task: TaskLabel | null): string => (task === null ? what : `${taskLabelText(task)} 的 ${what}`);
const deadlineZh = (via: TimeoutKind): string =>
  via === 'wait_for' ? 'wait_for 超时' : via === 'timeout' ? 'timeout 截止' : '截止时间';

const requestOutcomeZh = (fails: RequestFailure | null): string => {
  switch (fails) {
    case null:
      return '的响应';
    case 'dns':
      return '域名解析失败';
    case 'connect':
      return '连接被拒绝';
    case 'timeout':
      return '超时';
  }
};

const zh: LabelWords = {
  handle: {
    step: ({ task }) => `${taskLabelText(task)} 的下一步`,
    wakeup: ({ task }) => `唤醒 ${taskLabelText(task)}`,
    sleep: ({ delay, task }) => ofTaskZh(`sleep(${formatDelay(delay)})`, task),
    timeout: ({ via, task }) => ofTaskZh(deadlineZh(via), task),
    call: ({ call }) => callText(call),
    worker: ({ fn, task }) => (task === null ? `工作线程完成 ${fn}` : `工作线程为 ${taskLabelText(task)} 完成 ${fn}`),
    request: ({ request, task, fails }) =>
      `${task === null ? '' : `${taskLabelText(task)} 的 `}${requestText(request)} ${requestOutcomeZh(fails)}`,
  },
  await: {
    sleep: ({ until }) => `睡眠至 ${formatTime(until)}`,
    task: ({ task }) => task,
    gather: ({ children, more }) => gatherText(children, more, (count) => `……另有 ${count} 个`),
    executor: ({ fn }) => `工作线程中的 ${fn}`,
    request: ({ request, queued }) =>
      queued ? `空闲连接，以发送 ${requestText(request)}（模拟）` : `${requestText(request)}（模拟）`,
    future: ({ api, obj }) => {
      if (api !== null) return obj === null ? api : `${obj} 上的 ${api}`;
      return obj === null ? '一个 Future' : `${obj} 的一个 Future`;
    },
    'in-line': (l) =>
      `${objectName({ name: l.object.name, kind: l.object.type, ordinal: l.object.ordinal })} 上的 ${l.api ?? '一个 Future'}，排在第 ${l.place} 位，共 ${l.of} 个（${figures(l, '已满')}）`,
  },
};

const LABELS: Readonly<Record<Lang, LabelWords>> = { en, zh };

/** A ready-queue or timer entry's label: "step of fetch", "worker (Task-2) 的 sleep(1)". */
export function handleLabelText(label: HandleLabel, lang: Lang): string {
  return render(LABELS[lang].handle, label);
}

/** What a waiting task waits on: "sleep until 1.000 s", "Queue#1 上的 Queue.get". */
export function awaitLabelText(label: AwaitLabel, lang: Lang): string {
  return render(LABELS[lang].await, label);
}
