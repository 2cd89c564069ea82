/**
 * The deadlock's cycle in words (endWords' deadlock sentences): each link of the ring the await
 * graph draws, "`t1` holds `a` and waits for `b`, which `t2` holds while waiting for `a`", with
 * the names of code in backticks (the page shows them in code type).
 */
import type { CycleLink, CycleTarget } from '../trace/deadlockCycle';
import type { ObjectRef, TaskRef } from '../trace/narration';
import { objectName } from './objects';

const code = (text: string): string => `\`${text}\``;
export const objectCode = (o: ObjectRef): string => code(objectName({ name: o.name, kind: o.type, ordinal: o.ordinal }));
export const taskCode = (t: TaskRef, open = ' (', close = ')'): string =>
  t.which === null ? code(t.label) : `${code(t.label)}${open}${t.which}${close}`;

/** English: "`t1` holds `a` and waits for `b`, which `t2` holds while waiting for `a`". */
export function cycleEn(links: readonly CycleLink[]): string {
  const waits = (w: CycleTarget, ing: boolean): string => {
    if (w.kind === 'object') return `${ing ? 'waiting' : 'waits'} for ${objectCode(w.object)}`;
    if (w.via === 'child') return `${ing ? 'waiting' : 'waits'} for ${taskCode(w.task)} in gather()`;
    return `${ing ? 'awaiting' : 'awaits'} ${taskCode(w.task)}`;
  };
  return links
    .map((link, i) => {
      if (i === 0) return `${taskCode(link.task)} ${link.holds === null ? '' : `holds ${objectCode(link.holds)} and `}${waits(link.waitsFor, false)}`;
      return link.holds === null ? `which ${waits(link.waitsFor, false)}` : `which ${taskCode(link.task)} holds while ${waits(link.waitsFor, true)}`;
    })
    .join(', ');
}

/** 中文："`t1` 持有 `a`，在等 `b`；而 `b` 被 `t2` 持有，`t2` 又在等 `a`". */
export function cycleZh(links: readonly CycleLink[]): string {
  const waits = (w: CycleTarget): string => {
    if (w.kind === 'object') return `在等 ${objectCode(w.object)}`;
    if (w.via === 'child') return `在等 gather() 里的 ${taskCode(w.task, '（', '）')}`;
    return `在 await ${taskCode(w.task, '（', '）')}`;
  };
  return links
    .map((link, i) => {
      const task = taskCode(link.task, '（', '）');
      if (i === 0) return `${task}${link.holds === null ? ' ' : ` 持有 ${objectCode(link.holds)}，`}${waits(link.waitsFor)}`;
      return link.holds === null ? `而 ${task} ${waits(link.waitsFor)}` : `而 ${objectCode(link.holds)} 被 ${task} 持有，它又${waits(link.waitsFor)}`;
    })
    .join('；');
}
