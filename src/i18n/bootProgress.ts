/**
 * The words of a boot's progress (the worker's facts: src/protocol/worker.ts), in English and
 * Simplified Chinese: how much of Python has downloaded, of how much, and what comes next. The
 * status line keeps "Starting Python" / "Waiting for Python" at its start in English, the words
 * the page has always shown while Python boots.
 */
import type { BootDownload, BootFile, BootStage } from '../protocol/worker';
import type { Lang } from './lang';

/** The figures the words are made of. */
export interface BootFigures {
  readonly loaded: number;
  /** null while any file's size is still unknown. */
  readonly total: number | null;
}

/** The sum of the downloads. */
export function bootFigures(downloads: readonly BootDownload[]): BootFigures {
  let loaded = 0;
  let total: number | null = 0;
  for (const d of downloads) {
    loaded += d.loaded;
    total = total === null || d.total === null ? null : total + Math.max(d.total, d.loaded);
  }
  return { loaded, total };
}

/** Megabytes with one decimal: the precision a download needs, the same in both languages. */
const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
const percent = (f: BootFigures): number | null =>
  f.total === null || f.total === 0 ? null : Math.min(100, Math.floor((f.loaded / f.total) * 100));

interface Words {
  readonly downloaded: (f: BootFigures) => string;
  readonly starting: string;
  readonly waiting: (f: BootFigures) => string;
  readonly waitingStarting: string;
  readonly file: Readonly<Record<BootFile, string>>;
  readonly fileLine: (name: string, d: BootDownload) => string;
  readonly next: Readonly<Record<BootStage, string>>;
  readonly barLabel: string;
}

const en: Words = {
  // Short: the line sits in the header beside the buttons; the bar shows the fraction, the tooltip each file.
  downloaded: (f) => (f.total === null ? `Starting Python: ${mb(f.loaded)} MB` : `Starting Python: ${mb(f.loaded)} of ${mb(f.total)} MB`),
  starting: 'Starting Python: downloaded, now starting it…',
  waiting: (f) =>
    f.total === null ? `Waiting for Python (${mb(f.loaded)} MB), then running` : `Waiting for Python (${mb(f.loaded)} of ${mb(f.total)} MB), then running`,
  waitingStarting: 'Waiting for Python to start, then running…',
  file: { wasm: 'Python (WebAssembly)', stdlib: 'standard library', snapshot: 'engine snapshot' },
  fileLine: (name, d) =>
    d.done ? `${name}: ${mb(d.loaded)} MB, done` : `${name}: ${mb(d.loaded)}${d.total === null ? '' : ` of ${mb(d.total)}`} MB`,
  next: {
    downloading: 'When these are here, Python starts. You can edit meanwhile; Run waits for it.',
    starting: 'Everything is here: Python is starting.',
  },
  barLabel: 'Python download',
};

const zh: Words = {
  downloaded: (f) => (f.total === null ? `正在启动 Python：${mb(f.loaded)} MB` : `正在启动 Python：${mb(f.loaded)} / ${mb(f.total)} MB`),
  starting: '正在启动 Python：下载完了，正在启动…',
  waiting: (f) =>
    f.total === null ? `等 Python 启动（${mb(f.loaded)} MB），之后就运行` : `等 Python 启动（${mb(f.loaded)} / ${mb(f.total)} MB），之后就运行`,
  waitingStarting: '等 Python 启动后就运行…',
  file: { wasm: 'Python（WebAssembly）', stdlib: '标准库', snapshot: '引擎快照' },
  fileLine: (name, d) =>
    d.done ? `${name}：${mb(d.loaded)} MB，已完成` : `${name}：${mb(d.loaded)}${d.total === null ? '' : ` / ${mb(d.total)}`} MB`,
  next: {
    downloading: '下载完后 Python 就启动。这期间可以照常编辑，按“运行”会等它启动后再运行。',
    starting: '文件都到了，Python 正在启动。',
  },
  barLabel: 'Python 下载进度',
};

const WORDS: Readonly<Record<Lang, Words>> = { en, zh };

/** What the status line says while booting, and the detail its tooltip gives. */
export interface BootProgressWords {
  readonly line: string;
  /** One line per file and what happens next. */
  readonly detail: string;
  readonly barLabel: string;
  /** How much has come, in percent, when the total is known (the bar's text for assistive technology). */
  readonly percent: number | null;
}

export function bootProgressWords(
  lang: Lang,
  progress: { readonly stage: BootStage; readonly downloads: readonly BootDownload[] },
  runQueued: boolean,
): BootProgressWords {
  const w = WORDS[lang];
  const figures = bootFigures(progress.downloads);
  const line =
    progress.stage === 'starting' ? (runQueued ? w.waitingStarting : w.starting) : runQueued ? w.waiting(figures) : w.downloaded(figures);
  const files = progress.downloads.map((d) => w.fileLine(w.file[d.file], d));
  return { line, detail: [...files, w.next[progress.stage]].join('\n'), barLabel: w.barLabel, percent: percent(figures) };
}
