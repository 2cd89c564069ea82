/**
 * The words of the Objects view and the await graph, in both UI languages. One interface, two
 * objects: a string missing in one language is a type error. Names (`limit`, `Task-3`) and
 * numbers arrive as they are; code stays code in Chinese too.
 */
import type { ObjectKind } from '../protocol/trace';
import type { AwaitEdgeKind, ObjectView } from '../trace';
import type { Lang } from './lang';

export interface ObjectStrings {
  readonly title: string;
  readonly hint: string;
  readonly empty: string;
  readonly graphTitle: string;
  readonly graphHint: string;
  readonly graphEmpty: string;
  readonly cycle: string;
  readonly edge: Readonly<Record<AwaitEdgeKind, string>>;
  readonly holders: string;
  readonly line: string;
  readonly noOne: string;
  readonly woken: string;
  readonly putters: string;
  readonly joiners: string;
  readonly items: string;
  readonly nextOut: string;
  readonly empty_: string;
  readonly more: (n: number) => string;
  readonly madeAt: (line: number) => string;
  readonly changed: string;
  readonly jumpToLane: (task: string) => string;
  /** Future, gather: the tasks awaiting it; their callbacks; a shield's inner future. */
  readonly awaitedBy: string;
  readonly callbacks: string;
  readonly shields: string;
  /** The kind as the card says it when it is not the class: a shield's Future, wait_for's timeout. */
  readonly shieldKind: string;
  readonly children: string;
  readonly parent: string;
  readonly guards: string;
  /** The state in a few words: "0/2 permits", "locked", "set", "3/5 items". */
  readonly summary: (o: ObjectView) => string;
}

const permits = (o: ObjectView): string => `${o.state.value}/${o.capacity}`;
const childrenDone = (o: ObjectView): string => `${o.state.childrenDone}/${o.state.childCount}`;
/** A deadline on the loop's clock, without a unit (the unit is each language's word). */
const clock = (t: number): string => (Math.round(t * 1000) / 1000).toFixed(3);
const size = (o: ObjectView): string => (o.capacity > 0 ? `${o.state.size}/${o.capacity}` : `${o.state.size}`);

const en: ObjectStrings = {
  title: 'Objects',
  hint: 'The asyncio objects the program made, at this step: who holds each, who waits in line (the next to be woken first), what a queue holds.',
  empty: 'This program makes no Lock, Semaphore, Event, Condition, Queue, Barrier, Future, gather, TaskGroup or timeout.',
  graphTitle: 'Who waits for whom',
  graphHint: 'Tasks and objects at this step. An arrow goes from a task to what it waits for or holds.',
  graphEmpty: 'No task waits on another task or on an object at this step.',
  cycle: 'A cycle: each of these waits for the next, so none can go on (a deadlock unless something outside breaks it).',
  edge: { awaits: 'awaits', child: 'is a child of', waits: 'waits in line for', holds: 'holds' },
  holders: 'held by',
  line: 'in line',
  noOne: 'no one',
  woken: 'woken, runs soon',
  putters: 'waiting to put',
  joiners: 'in join()',
  items: 'items',
  nextOut: 'next out',
  empty_: 'empty',
  more: (n) => `+${n} more`,
  madeAt: (line) => `made at line ${line}`,
  changed: 'changed in this step',
  jumpToLane: (task) => `Show ${task}'s lane`,
  awaitedBy: 'awaited by',
  callbacks: 'done callbacks',
  shields: 'shields',
  shieldKind: 'Future (shield)',
  children: 'children',
  parent: 'parent task',
  guards: 'guards',
  summary: (o) => {
    const s = o.state;
    switch (o.kind) {
      case 'Lock':
        return s.locked ? 'locked' : 'unlocked';
      case 'Condition':
        return s.locked ? 'its lock is held' : 'its lock is free';
      case 'Semaphore':
      case 'BoundedSemaphore':
        return `${permits(o)} permits free`;
      case 'Event':
        return s.set ? 'set' : 'not set';
      case 'Barrier':
        return `${s.count}/${o.capacity} arrived, ${s.phase}`;
      case 'Queue':
      case 'PriorityQueue':
      case 'LifoQueue':
        return `${size(o)} items, ${s.unfinished} not done`;
      case 'Future':
        return futureEn(o);
      case 'gather':
        return `${childrenDone(o)} children done${o.returnExceptions ? ', return_exceptions=True' : ''}${
          s.future === 'pending' ? '' : `; ${futureEn(o)}`
        }`;
      case 'TaskGroup':
        return `${groupPhaseEn[s.groupPhase]}, ${childrenDone(o)} children done${
          s.aborting ? `; aborting after ${s.errors === 1 ? 'an error' : `${s.errors} errors`}` : ''
        }`;
      case 'timeout':
        return timeoutEn(o);
    }
  },
};

function futureEn(o: ObjectView): string {
  const s = o.state;
  switch (s.future) {
    case 'pending':
      return 'pending';
    case 'cancelled':
      return 'cancelled';
    case 'done':
      return s.error !== null ? `raised ${s.error}` : `done: ${s.result ?? 'None'}`;
  }
}

const groupPhaseEn: Readonly<Record<ObjectView['state']['groupPhase'], string>> = {
  new: 'not entered',
  open: 'open',
  exiting: 'waits for its children',
  done: 'exited',
};

function timeoutEn(o: ObjectView): string {
  const s = o.state;
  const at = s.deadline === null ? 'no deadline' : `deadline ${clock(s.deadline)} s`;
  switch (s.timeout) {
    case 'created':
      return `not entered, ${at}`;
    case 'active':
      return `active, ${at}`;
    case 'expiring':
      return 'expired: the task is being cancelled';
    case 'expired':
      return 'expired: TimeoutError';
    case 'finished':
      return 'left in time';
  }
}

function futureZh(o: ObjectView): string {
  const s = o.state;
  switch (s.future) {
    case 'pending':
      return '未完成';
    case 'cancelled':
      return '已取消';
    case 'done':
      return s.error !== null ? `抛出 ${s.error}` : `已完成：${s.result ?? 'None'}`;
  }
}

const groupPhaseZh: Readonly<Record<ObjectView['state']['groupPhase'], string>> = {
  new: '尚未进入',
  open: '进行中',
  exiting: '等待子任务结束',
  done: '已退出',
};

function timeoutZh(o: ObjectView): string {
  const s = o.state;
  const at = s.deadline === null ? '没有截止时间' : `截止于 ${clock(s.deadline)} 秒`;
  switch (s.timeout) {
    case 'created':
      return `尚未进入，${at}`;
    case 'active':
      return `生效中，${at}`;
    case 'expiring':
      return '已超时：正在取消任务';
    case 'expired':
      return '已超时：抛出超时错误';
    case 'finished':
      return '按时离开';
  }
}

const zhPhase: Readonly<Record<ObjectView['state']['phase'], string>> = {
  filling: '集合中',
  draining: '放行中',
  resetting: '重置中',
  broken: '已损坏',
};

const zh: ObjectStrings = {
  title: '对象',
  hint: '程序创建的 asyncio 对象在这一步的状态：谁持有它、谁在排队（最先被唤醒的排在前面）、队列里有什么。',
  empty: '这个程序没有创建 Lock、Semaphore、Event、Condition、Queue、Barrier、Future、gather、TaskGroup 或 timeout。',
  graphTitle: '谁在等谁',
  graphHint: '这一步的任务和对象。箭头从任务指向它等待或持有的东西。',
  graphEmpty: '这一步没有任务在等待另一个任务或对象。',
  cycle: '一个环：其中每一个都在等下一个，谁也无法继续（除非外部打破它，否则就是死锁）。',
  edge: { awaits: '等待', child: '的父任务是', waits: '排队等待', holds: '持有' },
  holders: '持有者',
  line: '排队',
  noOne: '无',
  woken: '已唤醒，即将运行',
  putters: '等待放入',
  joiners: '在 join() 中',
  items: '元素',
  nextOut: '下一个取出',
  empty_: '空',
  more: (n) => `还有 ${n} 个`,
  madeAt: (line) => `创建于第 ${line} 行`,
  changed: '这一步有变化',
  jumpToLane: (task) => `显示 ${task} 的泳道`,
  awaitedBy: '等待它的任务',
  callbacks: '完成回调',
  shields: '保护',
  shieldKind: 'Future（shield）',
  children: '子任务',
  parent: '父任务',
  guards: '限时的任务',
  summary: (o) => {
    const s = o.state;
    switch (o.kind) {
      case 'Lock':
        return s.locked ? '已锁定' : '未锁定';
      case 'Condition':
        return s.locked ? '它的锁被持有' : '它的锁空闲';
      case 'Semaphore':
      case 'BoundedSemaphore':
        return `空闲许可 ${permits(o)}`;
      case 'Event':
        return s.set ? '已设置' : '未设置';
      case 'Barrier':
        return `已到达 ${s.count}/${o.capacity}，${zhPhase[s.phase]}`;
      case 'Queue':
      case 'PriorityQueue':
      case 'LifoQueue':
        return `${size(o)} 个元素，${s.unfinished} 个未完成`;
      case 'Future':
        return futureZh(o);
      case 'gather':
        return `子任务完成 ${childrenDone(o)}${o.returnExceptions ? '，异常作为结果返回' : ''}${
          s.future === 'pending' ? '' : `；${futureZh(o)}`
        }`;
      case 'TaskGroup':
        return `${groupPhaseZh[s.groupPhase]}，子任务完成 ${childrenDone(o)}${
          s.aborting ? `；出现 ${s.errors} 个错误，正在中止` : ''
        }`;
      case 'timeout':
        return timeoutZh(o);
    }
  },
};

const STRINGS: Readonly<Record<Lang, ObjectStrings>> = { en, zh };

export function objectStrings(lang: Lang): ObjectStrings {
  return STRINGS[lang];
}

/** An object's name as the page shows it: the learner's variable, else kind and number. */
export function objectName(o: { readonly name: string | null; readonly kind: ObjectKind; readonly ordinal: number }): string {
  return o.name ?? `${o.kind}#${o.ordinal}`;
}
