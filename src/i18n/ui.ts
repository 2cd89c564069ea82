/**
 * Every string the UI shows, in English and Simplified Chinese. The Chinese side is written for
 * a learner reading it, not translated word by word. `zh` is typed as `UiStrings`, so a string
 * added to one language and forgotten in the other is a type error.
 *
 * Narration and descriptions of tasks come from src/trace (narrate, describeAwait); this file
 * holds only the shell's own words.
 */
import type { Compat, LimitKind } from '../protocol/trace';
import type { Lang } from './lang';

const en = {
  appName: 'Loopscope',
  tagline: 'asyncio, one loop step at a time',
  languageName: 'English',
  language: 'Language',

  examples: 'Examples',
  examplesHint: 'Open an example program (your text stays in the undo history)',
  run: 'Run',
  runHint: 'Run the program (Ctrl/⌘ + Enter)',
  stop: 'Stop',
  stopHint: 'Stop the running program (Esc)',
  share: 'Copy link',
  shareHint: 'Copy a link to this program at this step',
  linkCopied: 'Link copied',
  copyThisLink: 'Copy this link:',
  help: 'Keyboard shortcuts',
  close: 'Close',
  dismiss: 'Dismiss',

  statusBooting: 'Starting Python…',
  statusReady: (version: string) => (version ? `Python ${version} ready` : 'Python ready'),
  statusRunning: 'Running…',
  statusRunningQueued: 'Waiting for Python to start, then running…',
  statusEngineFailed: 'Python failed to start',
  retry: 'Try again',

  // Landmarks: the names a screen reader gives the page's regions.
  editorPane: 'Editor',
  machinePane: 'Event loop',
  playbackControls: 'Playback',

  editorLoading: 'Loading the editor…',
  editorLabel: 'Program',
  staleTrace: 'The code changed since this run. Press Run to see the new version.',
  runningLineHover: 'The loop is running this line now',
  pausedMore: (count: number) => `…and ${count.toLocaleString('en')} more tasks paused here`,

  // Playback controls.
  jumpStart: 'Jump to the start (Home)',
  stepBack: 'Back one loop step (←)',
  lineBack: 'Back one line (Shift + ←)',
  play: 'Play (Space)',
  pause: 'Pause (Space)',
  lineForward: 'Forward one line (Shift + →)',
  stepForward: 'Forward one loop step (→)',
  jumpEnd: 'Jump to the end (End)',
  speed: 'Speed',
  stepBackShort: '◀ Step',
  stepForwardShort: 'Step ▶',
  lineBackShort: '‹ Line',
  lineForwardShort: 'Line ›',
  stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
  stepsPerSecond: (n: number) => `${n} steps/s`,
  stepLabel: (step: number, total: number, time: string) => `Step ${step} / ${total} · t = ${time}`,
  scrubber: 'Loop steps of the whole run',
  noTraceYet: 'Press Run to watch the event loop run your program, one step at a time.',
  narrationSyntax: (line: number) => `Python could not read the program: fix line ${line}, then press Run.`,
  introTitle: 'After a run, these views show the loop at the current step:',
  introViews: [
    ['Task timeline', 'every task’s life, step by step: when it ran, waited and ended'],
    ['Ready queue', 'what the loop runs next, first in, first out'],
    ['Timers', 'sleeps and timeouts waiting for their moment on the virtual clock'],
    ['Cancellations', 'who cancelled which task, and what became of it'],
    ['Console', 'what the program printed up to this step'],
  ] as readonly (readonly [string, string])[],
  introNoTrace: 'No trace: the program did not start. Fix the error shown above and press Run.',
  showLine: (line: number) => `show line ${line}`,

  // Console.
  console: 'Console',
  consoleEmpty: 'Nothing printed yet at this step.',
  consoleNoRun: 'Output appears here as you step through the run.',
  consoleEarlier: (n: number) => `… ${n.toLocaleString('en')} earlier lines`,
  consoleJumpHint: 'Click a line to jump to the step that printed it',

  // How the run ended.
  endOk: 'The program finished normally.',
  endException: (type: string) => `The program stopped with an uncaught ${type}.`,
  endExceptionLine: (line: number) => `Raised at line ${line}.`,
  endExit: (code: number) => `The program called sys.exit(${code}).`,
  endLimit: (limit: string) => `The run was stopped by a safety limit: ${limit}.`,
  endDeadlock: 'Deadlock: nothing is ready and no timer is pending, but tasks are still waiting.',
  endStuckTasks: 'Stuck tasks',
  endStuckAt: (line: number) => `line ${line}`,
  stuckHere: (name: string, what: string) => (what ? `${name} is stuck here, awaiting ${what}` : `${name} is stuck here`),
  endStopped: 'You stopped the run. Everything up to that moment is shown below.',
  endCrashed: 'Python itself crashed under the program. Everything up to that moment is shown below.',
  endSyntax: (type: string, line: number) => `The program could not start: ${type} on line ${line}.`,
  // Running as an older Python where 3.14 changed asyncio (RunOptions.compat).
  runAsCompat: (version: Compat) => `Run as Python ${version} would`,
  runAsCompatTitle: (version: Compat) =>
    `Run the same program with Python ${version}'s asyncio where 3.14 changed it: get_event_loop() makes a loop, with the DeprecationWarning ${version} writes.`,
  compatBadge: (version: Compat) => `Python ${version} behaviour`,
  compatBadgeTitle: (version: Compat) =>
    `This run behaved as Python ${version} where 3.14 changed asyncio. Python 3.14 itself stops this program; write asyncio.run(main()) to run it as today's Python does.`,
  runAsCurrent: 'Run as Python 3.14',
  quickFixAsyncioRun: (call: string) => `Rewrite to asyncio.run(${call}) (what Python 3.14 runs)`,
  traceback: 'Traceback',
  goToLine: (line: number) => `Go to line ${line}`,
  limitName: {
    steps: 'too many loop steps',
    'virtual-time': 'too much virtual time',
    'busy-loop': 'a loop that never gives the event loop control',
    output: 'too much output',
    'wall-clock': 'the run took too long in real time',
    events: 'the trace grew too large',
    memory: 'out of memory',
  } satisfies Record<LimitKind, string>,

  // Notices about the engine and links.
  noticeStoppedRestarted: 'The run was stopped; the engine restarted.',
  noticeCrashed: (detail: string) => `The engine crashed (${detail}) and was restarted.`,
  noticeWorkerDied: 'The engine stopped unexpectedly and was restarted.',
  /** What became of the run the restart ended (RunAfterRestart in src/store/types.ts). */
  noticeRun: {
    kept: 'The trace shows what happened until then; the last moments may be missing.',
    none: '',
  },
  noticeBootFailed: (detail: string) => `Python could not start: ${detail}`,
  noticeLinkError: (why: string) => `This link could not be opened: ${why}.`,
  /** Why a share link failed, by src/share's ShareErrorReason (Notices.tsx checks every reason is here). */
  linkErrorReason: {
    'unknown-version': 'it was made by a newer version of Loopscope',
    'bad-compression': 'the program in it is damaged (was the link cut short or changed?)',
    empty: 'it holds no program',
    'too-large': 'the program in it is too large',
    'bad-step': 'the step number in it is not valid',
    'not-text': 'what it holds is not program text',
    'bad-compat': 'it asks for a Python version Loopscope cannot run as',
    'bad-pinned': 'the program pinned in it for comparison is damaged (was the link cut short or changed?)',
  },
  noticeLinkFallbackSaved: 'Your last saved program is open instead.',
  noticeLinkFallbackExample: 'The default example is open instead.',

  // Help overlay.
  shortcutsTitle: 'Keyboard shortcuts',
  shortcutsIntro: 'Shortcuts work when the editor does not have focus (except Run).',
  shortcuts: [
    ['Ctrl/⌘ + Enter', 'Run the program'],
    ['Esc', 'Stop a running program / close this help'],
    ['→  /  ←', 'Next / previous loop step'],
    ['Shift + →  /  Shift + ←', 'Next / previous line'],
    ['Space', 'Play / pause'],
    ['Home  /  End', 'Jump to the start / the end'],
    ['P', 'Presenter mode on / off (larger type, for a projector)'],
    ['?', 'Show this help'],
  ] as readonly (readonly [string, string])[],
  legendTitle: 'Task states',
  stateName: {
    ready: 'ready',
    running: 'running',
    waiting: 'waiting',
    done: 'done',
    failed: 'failed',
    cancelled: 'cancelled',
  },
  crashTitle: 'Something went wrong in the page',
  crashBody: 'Your program is saved. Reload the page to continue.',
  reload: 'Reload',
};

export type UiStrings = typeof en;

const zh: UiStrings = {
  appName: 'Loopscope',
  tagline: '一步一步看 asyncio 事件循环',
  languageName: '中文',
  language: '语言',

  examples: '示例',
  examplesHint: '打开一个示例程序（原来的代码可用撤销找回）',
  run: '运行',
  runHint: '运行程序（Ctrl/⌘ + Enter）',
  stop: '停止',
  stopHint: '停止正在运行的程序（Esc）',
  share: '复制链接',
  shareHint: '复制指向这个程序和当前步骤的链接',
  linkCopied: '链接已复制',
  copyThisLink: '请复制这个链接：',
  help: '快捷键',
  close: '关闭',
  dismiss: '知道了',

  statusBooting: '正在启动 Python…',
  statusReady: (version: string) => (version ? `Python ${version} 已就绪` : 'Python 已就绪'),
  statusRunning: '正在运行…',
  statusRunningQueued: '等 Python 启动后就运行…',
  statusEngineFailed: 'Python 启动失败',
  retry: '重试',

  editorPane: '编辑器',
  machinePane: '事件循环',
  playbackControls: '回放控制',

  editorLoading: '正在加载编辑器…',
  editorLabel: '程序',
  staleTrace: '代码在这次运行之后改过了。按“运行”查看新版本。',
  runningLineHover: '事件循环正在执行这一行',
  pausedMore: (count: number) => `……另有 ${count} 个任务停在这里`,

  jumpStart: '跳到开头（Home）',
  // Each holds its button's visible words (上一步…): a screen reader's name must contain what is seen (WCAG 2.5.3).
  stepBack: '上一步：后退一个循环步（←）',
  lineBack: '上一行：后退一行（Shift + ←）',
  play: '播放（空格）',
  pause: '暂停（空格）',
  lineForward: '下一行：前进一行（Shift + →）',
  stepForward: '下一步：前进一个循环步（→）',
  jumpEnd: '跳到结尾（End）',
  speed: '速度',
  stepBackShort: '◀ 上一步',
  stepForwardShort: '下一步 ▶',
  lineBackShort: '‹ 上一行',
  lineForwardShort: '下一行 ›',
  stepOf: (step: number, total: number) => `第 ${step} 步，共 ${total} 步`,
  stepsPerSecond: (n: number) => `每秒 ${n} 步`,
  stepLabel: (step: number, total: number, time: string) => `第 ${step} / ${total} 步 · t = ${time}`,
  scrubber: '整次运行的循环步',
  noTraceYet: '按“运行”，看事件循环一步一步地执行你的程序。',
  narrationSyntax: (line: number) => `Python 读不懂这个程序：请修改第 ${line} 行，然后按“运行”。`,
  introTitle: '运行之后，这些视图会显示事件循环在当前这一步的状态：',
  introViews: [
    ['任务时间线', '每个任务一步一步的经历：何时运行、等待、结束'],
    ['就绪队列', '事件循环接下来要运行什么，先进先出'],
    ['定时器', '在虚拟时钟上等待时刻到来的 sleep 和超时'],
    ['取消', '谁取消了哪个任务，结果又怎样'],
    ['控制台', '到这一步为止程序打印的内容'],
  ],
  introNoTrace: '没有轨迹：程序没能开始运行。请按上面的提示修改错误，再按“运行”。',
  showLine: (line: number) => `查看第 ${line} 行`,

  console: '控制台',
  consoleEmpty: '到这一步为止还没有输出。',
  consoleNoRun: '单步执行时，程序的输出会显示在这里。',
  consoleEarlier: (n: number) => `… 前面还有 ${n.toLocaleString('zh')} 行`,
  consoleJumpHint: '点击一行，跳到打印它的那一步',

  endOk: '程序正常结束。',
  endException: (type: string) => `程序因未捕获的 ${type} 而终止。`,
  endExceptionLine: (line: number) => `在第 ${line} 行抛出。`,
  endExit: (code: number) => `程序调用了 sys.exit(${code})。`,
  endLimit: (limit: string) => `运行被安全限制中止：${limit}。`,
  endDeadlock: '死锁：没有就绪的任务，也没有待触发的定时器，但仍有任务在等待。',
  endStuckTasks: '卡住的任务',
  endStuckAt: (line: number) => `第 ${line} 行`,
  stuckHere: (name: string, what: string) => (what ? `${name} 卡在这里，等待 ${what}` : `${name} 卡在这里`),
  endStopped: '你停止了这次运行。下面是停止之前发生的一切。',
  endCrashed: 'Python 本身在运行这个程序时崩溃了。下面是崩溃之前发生的一切。',
  endSyntax: (type: string, line: number) => `程序无法开始：第 ${line} 行有 ${type}。`,
  runAsCompat: (version: Compat) => `按 Python ${version} 的方式运行`,
  runAsCompatTitle: (version: Compat) =>
    `用 Python ${version} 的 asyncio 行为运行同一个程序（只限 3.14 改动过的地方）：get_event_loop() 会创建事件循环，并像 ${version} 一样输出 DeprecationWarning。`,
  compatBadge: (version: Compat) => `Python ${version} 行为`,
  compatBadgeTitle: (version: Compat) =>
    `这次运行在 3.14 改动过的地方按 Python ${version} 的方式运行。Python 3.14 本身会在这个程序上报错；改成 asyncio.run(main()) 就能按现在的 Python 运行。`,
  runAsCurrent: '按 Python 3.14 运行',
  quickFixAsyncioRun: (call: string) => `改写为 asyncio.run(${call})（Python 3.14 的写法）`,
  traceback: '调用栈（Traceback）',
  goToLine: (line: number) => `转到第 ${line} 行`,
  limitName: {
    steps: '循环步数太多',
    'virtual-time': '虚拟时间太长',
    'busy-loop': '某个循环一直不把控制权交还给事件循环',
    output: '输出太多',
    'wall-clock': '实际运行时间太长',
    events: '轨迹太大',
    memory: '内存不足',
  },

  noticeStoppedRestarted: '运行已停止；引擎已重启。',
  noticeCrashed: (detail: string) => `引擎崩溃了（${detail}），已自动重启。`,
  noticeWorkerDied: '引擎意外停止，已自动重启。',
  noticeRun: {
    kept: '下面的轨迹显示了停止之前发生的事，最后片刻可能缺失。',
    none: '',
  },
  noticeBootFailed: (detail: string) => `Python 无法启动：${detail}`,
  noticeLinkError: (why: string) => `无法打开这个链接：${why}。`,
  linkErrorReason: {
    'unknown-version': '它来自更新版本的 Loopscope',
    'bad-compression': '其中的程序已损坏（链接是否被截断或改动过？）',
    empty: '其中没有程序',
    'too-large': '其中的程序太大',
    'bad-step': '其中的步骤编号无效',
    'not-text': '其中的内容不是程序文本',
    'bad-compat': '它要求的 Python 版本，Loopscope 无法模拟',
    'bad-pinned': '其中用于对比的固定程序已损坏（链接是否被截断或改动过？）',
  },
  noticeLinkFallbackSaved: '已改为打开你上次保存的程序。',
  noticeLinkFallbackExample: '已改为打开默认示例。',

  shortcutsTitle: '快捷键',
  shortcutsIntro: '编辑器没有焦点时可以使用这些快捷键（“运行”随时可用）。',
  shortcuts: [
    ['Ctrl/⌘ + Enter', '运行程序'],
    ['Esc', '停止正在运行的程序 / 关闭本帮助'],
    ['→  /  ←', '下一个 / 上一个循环步'],
    ['Shift + →  /  Shift + ←', '下一行 / 上一行'],
    ['空格', '播放 / 暂停'],
    ['Home  /  End', '跳到开头 / 结尾'],
    ['P', '打开 / 关闭演示模式（更大的字，适合投影）'],
    ['?', '显示本帮助'],
  ],
  legendTitle: '任务状态',
  stateName: {
    ready: '就绪',
    running: '运行中',
    waiting: '等待中',
    done: '已完成',
    failed: '失败',
    cancelled: '已取消',
  },
  crashTitle: '页面出了点问题',
  crashBody: '你的程序已经保存。刷新页面即可继续。',
  reload: '刷新',
};

export const UI: Readonly<Record<Lang, UiStrings>> = { en, zh };

/** The strings for one language. */
export function uiStrings(lang: Lang): UiStrings {
  return UI[lang];
}

