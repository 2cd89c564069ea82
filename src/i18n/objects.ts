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
  /** The state in a few words: "0/2 permits", "locked", "set", "3/5 items". */
  readonly summary: (o: ObjectView) => string;
}

const permits = (o: ObjectView): string => `${o.state.value}/${o.capacity}`;
const size = (o: ObjectView): string => (o.capacity > 0 ? `${o.state.size}/${o.capacity}` : `${o.state.size}`);

const en: ObjectStrings = {
  title: 'Objects',
  hint: 'The asyncio objects the program made, at this step: who holds each, who waits in line (the next to be woken first), what a queue holds.',
  empty: 'This program makes no Lock, Semaphore, Event, Condition, Queue or Barrier.',
  graphTitle: 'Who waits for whom',
  graphHint: 'Tasks and objects at this step. An arrow goes from a task to what it waits for or holds.',
  graphEmpty: 'No task waits on another task or on an object at this step.',
  cycle: 'A cycle: each of these waits for the next, so none can go on (a deadlock unless something outside breaks it).',
  edge: { awaits: 'awaits', child: 'waits for its child', waits: 'waits in line for', holds: 'holds' },
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
    }
  },
};

const zhPhase: Readonly<Record<ObjectView['state']['phase'], string>> = {
  filling: '集合中',
  draining: '放行中',
  resetting: '重置中',
  broken: '已损坏',
};

const zh: ObjectStrings = {
  title: '对象',
  hint: '程序创建的 asyncio 对象在这一步的状态：谁持有它、谁在排队（最先被唤醒的排在前面）、队列里有什么。',
  empty: '这个程序没有创建 Lock、Semaphore、Event、Condition、Queue 或 Barrier。',
  graphTitle: '谁在等谁',
  graphHint: '这一步的任务和对象。箭头从任务指向它等待或持有的东西。',
  graphEmpty: '这一步没有任务在等待另一个任务或对象。',
  cycle: '一个环：其中每一个都在等下一个，谁也无法继续（除非外部打破它，否则就是死锁）。',
  edge: { awaits: '等待', child: '等待它的子任务', waits: '排队等待', holds: '持有' },
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
