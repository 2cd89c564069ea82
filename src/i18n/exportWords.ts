/**
 * The words of export, import and video recording (issue 13's "Export and import"), in English
 * and Chinese: the Export menu, what a trace file that cannot be opened has wrong (by
 * src/export/traceFile.ts's problem kinds), and the recorder's dialog.
 */
import type { TraceFileProblem, TraceFileProblemKind } from '../export/traceFile';
import type { VideoUnsupported } from '../export/recordVideo';
import type { Lang } from './lang';

type ProblemOf<K extends TraceFileProblemKind> = Extract<TraceFileProblem, { readonly kind: K }>;

export interface ExportWords {
  readonly menu: string;
  readonly menuHint: string;
  readonly timelineSvg: string;
  readonly timelinePng: string;
  readonly paneSvg: string;
  readonly panePng: string;
  readonly traceJson: string;
  readonly openTrace: string;
  readonly recordVideo: string;
  readonly needsRun: string;
  readonly noTimeline: string;
  readonly exportFailed: (detail: string) => string;
  /** A timeline export of a run with more lanes than one picture holds (src/export/allLanes.ts). */
  readonly lanesLeftOut: (fileShown: number, total: number) => string;
  readonly dropHere: string;
  readonly opened: (fileName: string, steps: number) => string;
  readonly openedNoProgram: (fileName: string, steps: number) => string;
  readonly cannotOpen: (fileName: string) => string;
  readonly keptAsWas: string;
  readonly problem: { readonly [K in TraceFileProblemKind]: (p: ProblemOf<K>) => string };
  readonly notAFile: string;
  readonly readFailed: (detail: string) => string;
  // The recorder.
  readonly videoTitle: string;
  readonly videoFrom: string;
  readonly videoTo: string;
  readonly videoSpeed: (stepsPerSecond: number) => string;
  readonly videoClipped: (max: number) => string;
  readonly videoStart: string;
  readonly videoCancel: string;
  readonly videoFrames: (done: number, total: number) => string;
  readonly videoRecording: (done: number, total: number) => string;
  readonly videoSaved: (fileName: string, kib: number) => string;
  readonly videoFailed: (detail: string) => string;
  readonly videoUnsupported: Readonly<Record<VideoUnsupported, string>>;
}

/** The trace versions a build reads, in English: "version 3", "versions 2 and 3", "versions 1, 2 and 3". */
function versionsEn(reads: readonly number[]): string {
  if (reads.length <= 1) return `version ${reads.join('')}`;
  return `versions ${reads.slice(0, -1).join(', ')} and ${String(reads[reads.length - 1])}`;
}

/** Bytes as a person reads them: "64 MiB", "12.3 MiB". */
function mebibytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number(mib.toFixed(mib < 10 ? 1 : 0))} MiB`;
}

const en: ExportWords = {
  menu: 'Export',
  menuHint: 'Download the view as SVG or PNG, the trace as JSON, a video; or open a trace file',
  timelineSvg: 'Timeline as SVG',
  timelinePng: 'Timeline as PNG',
  paneSvg: 'Event-loop pane as SVG',
  panePng: 'Event-loop pane as PNG',
  traceJson: 'Trace as JSON (as loopscope trace writes it)',
  openTrace: 'Open a trace file…',
  recordVideo: 'Record a video (WebM)…',
  needsRun: 'Run the program first: there is nothing to export yet',
  noTimeline: 'The timeline is not on the page',
  exportFailed: (detail) => `The export failed: ${detail}`,
  lanesLeftOut: (shown, total) =>
    `The picture holds the first ${shown.toLocaleString('en')} of the run's ${total.toLocaleString('en')} tasks; ${(total - shown).toLocaleString('en')} were left out (one picture holds at most ${shown.toLocaleString('en')} lanes). The trace as JSON holds them all.`,
  dropHere: 'Drop a trace file (JSON) to open it',
  opened: (name, steps) => `Opened ${name}: ${steps.toLocaleString('en')} steps. Its program is in the editor.`,
  openedNoProgram: (name, steps) => `Opened ${name}: ${steps.toLocaleString('en')} steps. The trace carries no program text, so the editor keeps yours.`,
  cannotOpen: (name) => `${name} cannot be opened:`,
  keptAsWas: 'Your program and the run on screen are as they were.',
  problem: {
    'too-large': ({ bytes, limit }) =>
      `it is ${mebibytes(bytes)}; a trace file may be at most ${mebibytes(limit)} (the largest run Loopscope records is about 45 MB).`,
    empty: () => 'the file is empty.',
    'not-json': ({ detail }) => `it is not JSON (${detail}). Is it the right file, or was the download cut short?`,
    'not-a-trace': () => 'it is JSON, but not a Loopscope trace (no version and events).',
    'other-version': ({ version, newer, reads }) =>
      newer
        ? `it is a trace of version ${version}, made by a newer Loopscope; this one reads ${versionsEn(reads)}.`
        : `it is a trace of version ${version}, from an older Loopscope; this one reads ${versionsEn(reads)}. Run its program again to get a new trace.`,
    'syntax-error': ({ line, message }) => `its program never ran: a syntax error on line ${line} (${message}).`,
    damaged: ({ detail }) => `the trace is damaged: ${detail}.`,
  },
  notAFile: 'Only a file can be dropped here.',
  readFailed: (detail) => `the file could not be read (${detail}).`,
  videoTitle: 'Record the playback as a video',
  videoFrom: 'From step',
  videoTo: 'to step',
  videoSpeed: (n) => `At the playback speed: ${n} ${n === 1 ? 'step' : 'steps'} a second.`,
  videoClipped: (max) => `A video holds at most ${max} steps: the range is cut there.`,
  videoStart: 'Record',
  videoCancel: 'Cancel',
  videoFrames: (done, total) => `Drawing frames: ${done} of ${total}…`,
  videoRecording: (done, total) => `Recording: frame ${done} of ${total}…`,
  videoSaved: (name, kib) => `Saved ${name} (${kib.toLocaleString('en')} KiB).`,
  videoFailed: (detail) => `The video could not be made: ${detail}`,
  videoUnsupported: {
    'no-media-recorder': 'This browser cannot record video (it has no MediaRecorder). Export PNG frames instead, or use Chrome, Edge or Firefox.',
    'no-webm': 'This browser cannot record WebM video. Export PNG frames instead, or use Chrome, Edge or Firefox.',
    'no-canvas-capture': 'This browser cannot film a canvas (no captureStream). Export PNG frames instead, or use Chrome, Edge or Firefox.',
  },
};

const zh: ExportWords = {
  menu: '导出',
  menuHint: '把视图下载为 SVG 或 PNG，把运行记录下载为 JSON，录制视频；或打开一个运行记录文件',
  timelineSvg: '时间线（SVG）',
  timelinePng: '时间线（PNG）',
  paneSvg: '事件循环面板（SVG）',
  panePng: '事件循环面板（PNG）',
  traceJson: '运行记录（JSON，与 loopscope trace 的格式相同）',
  openTrace: '打开运行记录文件…',
  recordVideo: '录制视频（WebM）…',
  needsRun: '请先运行程序：现在还没有可以导出的内容',
  noTimeline: '页面上没有时间线',
  exportFailed: (detail) => `导出失败：${detail}`,
  lanesLeftOut: (shown, total) =>
    `图片只包含本次运行 ${total.toLocaleString('zh')} 个任务中的前 ${shown.toLocaleString('zh')} 个，其余 ${(total - shown).toLocaleString('zh')} 个没有放进去（一张图片最多放 ${shown.toLocaleString('zh')} 条泳道）。导出的运行记录 JSON 包含全部任务。`,
  dropHere: '把运行记录文件（JSON）拖到这里打开',
  opened: (name, steps) => `已打开 ${name}：共 ${steps} 步。它的程序已放入编辑器。`,
  openedNoProgram: (name, steps) => `已打开 ${name}：共 ${steps} 步。这份记录没有带程序文本，编辑器里仍是你的程序。`,
  cannotOpen: (name) => `无法打开 ${name}：`,
  keptAsWas: '你的程序和屏幕上的运行都保持原样。',
  problem: {
    'too-large': ({ bytes, limit }) => `文件有 ${mebibytes(bytes)}；运行记录文件最大 ${mebibytes(limit)}（Loopscope 能记录的最长运行约 45 MB）。`,
    empty: () => '文件是空的。',
    'not-json': ({ detail }) => `它不是 JSON（${detail}）。是不是选错了文件，或者下载没有完成？`,
    'not-a-trace': () => '它是 JSON，但不是 Loopscope 的运行记录（没有 version 和 events）。',
    'other-version': ({ version, newer, reads }) =>
      newer
        ? `这是第 ${version} 版的运行记录，由更新的 Loopscope 生成；这个版本只能读取第 ${reads.join('、')} 版。`
        : `这是第 ${version} 版的运行记录，来自较旧的 Loopscope；这个版本只能读取第 ${reads.join('、')} 版。请重新运行它的程序来生成新的记录。`,
    'syntax-error': ({ line, message }) => `它的程序没有运行：第 ${line} 行有语法错误（${message}）。`,
    damaged: ({ detail }) => `运行记录已损坏：${detail}。`,
  },
  notAFile: '这里只能拖入文件。',
  readFailed: (detail) => `无法读取文件（${detail}）。`,
  videoTitle: '把回放录制成视频',
  videoFrom: '从第',
  videoTo: '步到第',
  videoSpeed: (n) => `按回放速度录制：每秒 ${n} 步。`,
  videoClipped: (max) => `一段视频最多 ${max} 步：范围在那里截断。`,
  videoStart: '录制',
  videoCancel: '取消',
  videoFrames: (done, total) => `正在绘制画面：${done} / ${total}…`,
  videoRecording: (done, total) => `正在录制：第 ${done} / ${total} 帧…`,
  videoSaved: (name, kib) => `已保存 ${name}（${kib} KiB）。`,
  videoFailed: (detail) => `无法生成视频：${detail}`,
  videoUnsupported: {
    'no-media-recorder': '这个浏览器无法录制视频（没有 MediaRecorder）。可以改为导出 PNG 画面，或使用 Chrome、Edge、Firefox。',
    'no-webm': '这个浏览器无法录制 WebM 视频。可以改为导出 PNG 画面，或使用 Chrome、Edge、Firefox。',
    'no-canvas-capture': '这个浏览器无法录制画布（没有 captureStream）。可以改为导出 PNG 画面，或使用 Chrome、Edge、Firefox。',
  },
};

export const EXPORT_WORDS: Readonly<Record<Lang, ExportWords>> = { en, zh };

export function exportWords(lang: Lang): ExportWords {
  return EXPORT_WORDS[lang];
}

/** Why a trace file cannot be opened, in the learner's language. */
export function traceFileProblemText(problem: TraceFileProblem, lang: Lang): string {
  const words = EXPORT_WORDS[lang].problem;
  switch (problem.kind) {
    case 'too-large':
      return words['too-large'](problem);
    case 'empty':
      return words.empty(problem);
    case 'not-json':
      return words['not-json'](problem);
    case 'not-a-trace':
      return words['not-a-trace'](problem);
    case 'other-version':
      return words['other-version'](problem);
    case 'syntax-error':
      return words['syntax-error'](problem);
    case 'damaged':
      return words.damaged(problem);
  }
}
