/**
 * The words of breakpoints, in English and Chinese: the gutter's hover, the buttons that run to
 * the next or previous hit, the event-breakpoint panel, and what the page says when it stops
 * ("Stopped at breakpoint: Task-3 (upload) failed with ValueError: part 2 is corrupt") or finds
 * nothing. The facts come from src/trace/breakpoints.ts; a hit reason added there without its
 * words here fails the typecheck.
 */
import type { EventBreakpoint, EventBreakpointKind, HitReason } from '../trace/breakpoints';
import { formatTime, taskLabelText } from './format';
import { handleLabelText } from './labels';
import type { Lang } from './lang';
import { render, type Renderers } from './renderers';

export interface BreakpointStrings {
  readonly gutterHover: string;
  readonly gutterSet: string;
  readonly runForward: string;
  readonly runForwardShort: string;
  readonly runBack: string;
  readonly runBackShort: string;
  readonly toolbar: string;
  readonly panelTitle: string;
  readonly panelHint: string;
  /** The name of each event breakpoint in the panel. */
  readonly eventName: Readonly<Record<EventBreakpointKind, string>>;
  readonly timeLabel: string;
  readonly taskLabel: string;
  readonly pickTask: string;
  readonly addTask: string;
  readonly removeTask: (name: string) => string;
  readonly lineCount: (n: number) => string;
  readonly clearLines: string;
  readonly noTrace: string;
  readonly noneSet: string;
  /** "Stopped at a breakpoint: …" with every reason of the hit. */
  readonly stopped: (reasons: readonly string[]) => string;
  readonly noHitForward: string;
  readonly noHitBack: string;
  readonly reason: Renderers<HitReason>;
  /** A breakpoint as listed (for the hit's own words, see `reason`). */
  readonly eventBreakpoint: (bp: EventBreakpoint) => string;
  readonly shortcuts: readonly (readonly [string, string])[];
}

const lang = (l: Lang) => (label: Parameters<typeof handleLabelText>[0]) => handleLabelText(label, l);

const en: BreakpointStrings = {
  gutterHover: 'Breakpoint: Run to hit stops here (click to remove)',
  gutterSet: 'Click to set a breakpoint (F9)',
  runForward: 'Next hit: run forward to the next breakpoint hit (F8)',
  runForwardShort: 'Next hit ▶▶',
  runBack: 'Previous hit: run backward to the previous breakpoint hit (Shift + F8)',
  runBackShort: '◀◀ Previous hit',
  toolbar: 'Breakpoints',
  panelTitle: 'Event breakpoints',
  panelHint: 'Stop when the loop does one of these, as well as at the lines marked in the gutter.',
  eventName: {
    'task-created': 'a task is created',
    'task-finished': 'a task finishes (returns)',
    'task-failed': 'a task fails (raises)',
    'cancel-requested': 'a cancel is requested',
    'cancelled-error': 'a CancelledError is delivered',
    'timer-fires': 'a timer fires',
    'time-reached': 'virtual time reaches t ≥',
    'task-runs': 'a given task runs',
  },
  timeLabel: 'seconds of virtual time',
  taskLabel: 'Task',
  pickTask: 'choose a task…',
  addTask: 'Add',
  removeTask: (name) => `Remove the breakpoint on ${name}`,
  lineCount: (n) => (n === 1 ? '1 line breakpoint' : `${n} line breakpoints`),
  clearLines: 'Remove all line breakpoints',
  noTrace: 'Run the program first: breakpoints stop in the recorded run.',
  noneSet: 'No breakpoints are set: click the editor’s gutter, or pick an event below.',
  stopped: (reasons) => `Stopped at a breakpoint: ${reasons.join('; ')}.`,
  noHitForward: 'No breakpoint is hit after this point: the position did not change.',
  noHitBack: 'No breakpoint is hit before this point: the position did not change.',
  reason: {
    line: ({ line }) => `line ${line}`,
    'task-created': ({ task, line }) => `${taskLabelText(task)} is created${line === null ? '' : ` at line ${line}`}`,
    'task-finished': ({ task, value }) => `${taskLabelText(task)} finishes${value === null ? '' : ` and returns ${value}`}`,
    'task-failed': ({ task, exc }) => `${taskLabelText(task)} fails${exc === null ? '' : ` with ${exc}`}`,
    'cancel-requested': ({ task, by, line }) =>
      `${by === null ? 'the loop' : taskLabelText(by)} asks to cancel ${taskLabelText(task)}${line === null ? '' : ` at line ${line}`}`,
    'cancelled-error': ({ task }) => `a CancelledError is thrown into ${taskLabelText(task)}`,
    'timer-fires': ({ timer, t }) => `a timer fires at ${formatTime(t)}: ${lang('en')(timer)}`,
    'time-reached': ({ t, at }) => `virtual time reaches ${formatTime(t)} (now ${formatTime(at)})`,
    'task-runs': ({ task }) => `${taskLabelText(task)} runs`,
  },
  eventBreakpoint: (bp) =>
    bp.kind === 'time-reached' ? `t ≥ ${formatTime(bp.t)}` : bp.kind === 'task-runs' ? `${bp.task} runs` : en.eventName[bp.kind],
  shortcuts: [
    ['F9', 'Set / remove a breakpoint on the editor’s line (in the editor)'],
    ['F8  /  Shift + F8', 'Run forward / backward to the next breakpoint hit'],
  ],
};

const zh: BreakpointStrings = {
  gutterHover: '断点：“运行到断点”会停在这里（单击移除）',
  gutterSet: '单击设置断点（F9）',
  runForward: '下一个命中：向前运行到下一个断点命中处（F8）',
  runForwardShort: '下一个命中 ▶▶',
  runBack: '上一个命中：向后运行到上一个断点命中处（Shift + F8）',
  runBackShort: '◀◀ 上一个命中',
  toolbar: '断点',
  panelTitle: '事件断点',
  panelHint: '除了在行号旁标记的行，事件循环做下面这些事时也停下来。',
  eventName: {
    'task-created': '创建任务时',
    'task-finished': '任务完成（返回）时',
    'task-failed': '任务失败（抛出异常）时',
    'cancel-requested': '请求取消时',
    'cancelled-error': '送达 CancelledError 时',
    'timer-fires': '定时器触发时',
    'task-runs': '指定任务运行时',
    'time-reached': '虚拟时间到达 t ≥',
  },
  timeLabel: '秒（虚拟时间）',
  taskLabel: '任务',
  pickTask: '选择任务…',
  addTask: '添加',
  removeTask: (name) => `移除 ${name} 上的断点`,
  lineCount: (n) => `${n} 个行断点`,
  clearLines: '移除全部行断点',
  noTrace: '请先运行程序：断点停在录下的那次运行里。',
  noneSet: '还没有设置断点：单击编辑器的行号旁边，或在下面选择事件。',
  stopped: (reasons) => `停在断点：${reasons.join('；')}。`,
  noHitForward: '此处之后没有命中任何断点：位置没有改变。',
  noHitBack: '此处之前没有命中任何断点：位置没有改变。',
  reason: {
    line: ({ line }) => `第 ${line} 行`,
    'task-created': ({ task, line }) => `${line === null ? '' : `第 ${line} 行`}创建了 ${taskLabelText(task)}`,
    'task-finished': ({ task, value }) => `${taskLabelText(task)} 完成${value === null ? '' : `，返回 ${value}`}`,
    'task-failed': ({ task, exc }) => `${taskLabelText(task)} 失败${exc === null ? '' : `：${exc}`}`,
    'cancel-requested': ({ task, by, line }) =>
      `${by === null ? '事件循环' : taskLabelText(by)}${line === null ? '' : `在第 ${line} 行`}请求取消 ${taskLabelText(task)}`,
    'cancelled-error': ({ task }) => `CancelledError 被抛进 ${taskLabelText(task)}`,
    'timer-fires': ({ timer, t }) => `定时器在 ${formatTime(t)} 触发：${lang('zh')(timer)}`,
    'time-reached': ({ t, at }) => `虚拟时间到达 ${formatTime(t)}（现在是 ${formatTime(at)}）`,
    'task-runs': ({ task }) => `${taskLabelText(task)} 运行`,
  },
  eventBreakpoint: (bp) =>
    bp.kind === 'time-reached' ? `t ≥ ${formatTime(bp.t)}` : bp.kind === 'task-runs' ? `${bp.task} 运行时` : zh.eventName[bp.kind],
  shortcuts: [
    ['F9', '在编辑器当前行设置 / 移除断点（在编辑器里）'],
    ['F8  /  Shift + F8', '向前 / 向后运行到断点命中处'],
  ],
};

const WORDS: Readonly<Record<Lang, BreakpointStrings>> = { en, zh };

export function breakpointStrings(l: Lang): BreakpointStrings {
  return WORDS[l];
}

/** The sentence for a hit: every breakpoint that holds there. */
export function hitText(reasons: readonly HitReason[], l: Lang): string {
  const w = WORDS[l];
  return w.stopped(reasons.map((r) => render(w.reason, r)));
}
