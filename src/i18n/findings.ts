/** STAND-IN until branch i12-core lands the findings' words (merge takes theirs). */
import type { Finding } from '../trace/findings/types';
import type { Lang } from './lang';

export interface FindingText {
  readonly title: string;
  readonly explanation: string;
  readonly fix: string;
}

export function findingText(f: Finding, lang: Lang): FindingText {
  const zh = lang === 'zh';
  return {
    title: `${f.kind} (${zh ? '第' : 'line '}${f.line ?? '?'}${zh ? ' 行' : ''})`,
    explanation: zh ? `步骤 ${f.step}` : `At step ${f.step}.`,
    fix: zh ? '修改它。' : 'Fix it.',
  };
}
