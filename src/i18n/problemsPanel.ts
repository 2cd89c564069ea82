/**
 * The words around the findings on the page: the Problems list, its count and empty state, the
 * timeline's markers and the editor's quick fixes, in both UI languages. What each finding says
 * (its title, explanation and fix) is src/i18n/findings.ts; this file holds only the frame.
 */
import type { FindingSeverity } from '../trace/findings/types';
import type { Lang } from './lang';

export interface ProblemsStrings {
  readonly title: string;
  /** The count badge's tooltip and spoken name. */
  readonly count: (n: number) => string;
  readonly empty: string;
  readonly severity: Readonly<Record<FindingSeverity, string>>;
  readonly line: (n: number) => string;
  readonly step: (n: number) => string;
  /** The row's tooltip: what a click does. */
  readonly jumpHint: string;
  readonly why: string;
  readonly fix: string;
  /** A timeline marker's tooltip: the finding's title and what a click does. */
  readonly marker: (title: string) => string;
  readonly quickFixAddAwait: (name: string) => string;
  readonly quickFixAsyncSleep: string;
}

const en: ProblemsStrings = {
  title: 'Problems',
  count: (n) => (n === 1 ? '1 problem found in this run' : `${n.toLocaleString('en')} problems found in this run`),
  empty: 'No pitfalls were found in this run.',
  severity: { error: 'Error', warning: 'Warning', info: 'Could be better' },
  line: (n) => `line ${n}`,
  step: (n) => `step ${n.toLocaleString('en')}`,
  jumpHint: 'Show the step and the line, and why',
  why: 'What happened',
  fix: 'What to do',
  marker: (title) => `${title} (click for details)`,
  quickFixAddAwait: (name) => `Add await before ${name}(…)`,
  quickFixAsyncSleep: 'Replace time.sleep(…) with await asyncio.sleep(…)',
};

const zh: ProblemsStrings = {
  title: '问题',
  count: (n) => `本次运行发现 ${n} 个问题`,
  empty: '本次运行没有发现常见的坑。',
  severity: { error: '错误', warning: '警告', info: '可以改进' },
  line: (n) => `第 ${n} 行`,
  step: (n) => `第 ${n} 步`,
  jumpHint: '跳到这一步和这一行，并看原因',
  why: '发生了什么',
  fix: '怎么改',
  marker: (title) => `${title}（点击查看详情）`,
  quickFixAddAwait: (name) => `在 ${name}(…) 前加上 await`,
  quickFixAsyncSleep: '把 time.sleep(…) 换成 await asyncio.sleep(…)',
};

const STRINGS: Readonly<Record<Lang, ProblemsStrings>> = { en, zh };

export function problemsStrings(lang: Lang): ProblemsStrings {
  return STRINGS[lang];
}
