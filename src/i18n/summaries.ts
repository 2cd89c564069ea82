/**
 * What a screen reader hears for the views drawn as pictures: the task timeline (which task is
 * in which state at the cursor) and the await graph (who waits for whom). The views give the
 * facts (counts, names grouped by state); the sentences are made here, in English and Chinese.
 */
import { formatTime } from './format';
import type { Lang } from './lang';
import { viewStrings, type LaneState } from './views';

/** The tasks in one state at the cursor: the first few by name, and how many there are. */
export interface LaneGroup {
  readonly state: LaneState;
  readonly names: readonly string[];
  readonly count: number;
}

export interface TimelineFacts {
  readonly step: number;
  readonly steps: number;
  readonly t: number;
  readonly tasks: number;
  /** In the order the summary reads them (running first). */
  readonly groups: readonly LaneGroup[];
}

function namesOf(g: LaneGroup, lang: Lang): string {
  const more = g.count - g.names.length;
  const listed = g.names.join(lang === 'zh' ? '、' : ', ');
  if (more <= 0) return listed;
  return lang === 'zh' ? `${listed} 等 ${g.count} 个` : `${listed} and ${more} more`;
}

export function timelineSummary(facts: TimelineFacts, lang: Lang): string {
  const state = viewStrings(lang).state;
  const groups = facts.groups.filter((g) => g.count > 0);
  if (lang === 'zh') {
    const head = `第 ${facts.step} / ${facts.steps} 步，虚拟时间 ${formatTime(facts.t)}，共 ${facts.tasks} 个任务。`;
    return head + groups.map((g) => `${state[g.state]}：${namesOf(g, lang)}。`).join('');
  }
  const head = `Step ${facts.step} of ${facts.steps}, at ${formatTime(facts.t)} of virtual time, ${facts.tasks} ${facts.tasks === 1 ? 'task' : 'tasks'}.`;
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return [head, ...groups.map((g) => `${capital(state[g.state])}: ${namesOf(g, lang)}.`)].join(' ');
}

export interface GraphFacts {
  readonly tasks: number;
  readonly objects: number;
  readonly ties: number;
  readonly cycle: boolean;
}

/** The await graph's label; its ties are read one by one from the list that follows it. */
export function graphSummary(facts: GraphFacts, lang: Lang): string {
  if (lang === 'zh') {
    return `等待关系图：${facts.tasks} 个任务、${facts.objects} 个对象、${facts.ties} 条关系${facts.cycle ? '，其中有一个死锁环' : ''}。`;
  }
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `Await graph: ${plural(facts.tasks, 'task', 'tasks')}, ${plural(facts.objects, 'object', 'objects')}, ${plural(facts.ties, 'tie', 'ties')}${
    facts.cycle ? ', with a deadlock cycle' : ''
  }.`;
}
