/**
 * Every kind of narration clause, handle label and await label, rendered in both languages
 * with the parameters real engine runs gave them (src/trace/fixtures/narrationTraces.ts, from
 * test/narration/programs.ts). Fails when a kind has no real example, when a rendering leaks
 * `undefined`, and when the Chinese holds English other than code: names from the facts (tasks,
 * functions, exceptions, values) and the asyncio names the learner types.
 */
import { describe, expect, it } from 'vitest';
import { NARRATION_TRACES } from '../trace/fixtures/narrationTraces';
import { traceOf } from '../trace/fixtures/traceOf';
import { describeAwaitAt, describeTarget, indexTrace, lineEventsOf, narrate, stateAt } from '../trace';
import type { Action, AwaitLabel, Ending, HandleLabel, Narration, ObjectChange, Opening } from '../trace/narration';
import { awaitLabelText, handleLabelText } from './labels';
import { LANGS } from './lang';
import { narrationText } from './narration';

// Every kind, listed so that a kind added to src/trace/narration.ts and missing here is a type error.
const NARRATION_KINDS: Record<Narration['kind'], true> = {
  'no-loop': true,
  'program-starts': true,
  'program-starts-with-task': true,
  'task-runs-line': true,
  'callback-runs-line': true,
  'top-level-runs-line': true,
  step: true,
};
const OPENING_KINDS: Record<Opening['kind'], true> = {
  'task-starts': true,
  'task-resumes': true,
  'task-resumes-with-error': true,
  'task-cancelled': true,
  'task-cancelled-before-start': true,
  'sleep-fires': true,
  'timeout-fires': true,
  'callback-runs': true,
  'worker-finishes': true,
  'response-arrives': true,
};
const ACTION_KINDS: Record<Action['kind'], true> = {
  'creates-tasks': true,
  'creates-many-tasks': true,
  'cancels-tasks': true,
  'blocks-loop': true,
  'wakes-waiters': true,
  'changes-object': true,
  'blocks-loop-on-request': true,
  'blocks-loop-on-many-requests': true,
  'computes-without-awaiting': true,
};
const ENDING_KINDS: Record<Ending['kind'], true> = {
  'suspends-sleeping': true,
  'suspends-awaiting': true,
  yields: true,
  'returns-value': true,
  finishes: true,
  fails: true,
  'ends-cancelled': true,
  'still-running': true,
};
const OBJECT_CHANGE_KINDS: Record<ObjectChange['kind'], true> = {
  puts: true,
  gets: true,
  'takes-permit': true,
  'releases-permit': true,
  acquires: true,
  releases: true,
  sets: true,
  clears: true,
  notifies: true,
};
const HANDLE_KINDS: Record<HandleLabel['kind'], true> = { step: true, wakeup: true, sleep: true, timeout: true, call: true, worker: true, request: true };
const AWAIT_KINDS: Record<AwaitLabel['kind'], true> = {
  sleep: true,
  task: true,
  gather: true,
  executor: true,
  request: true,
  future: true,
  'in-line': true,
};

/** What one fact looks like rendered, with where it came from. */
interface Sample {
  readonly kind: string;
  readonly where: string;
  readonly fact: object;
  readonly words: (lang: 'en' | 'zh') => string;
}

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const [program, { source, events, end }] of Object.entries(NARRATION_TRACES)) {
    const index = indexTrace(traceOf(events, source, end));
    for (let step = 0; step <= index.steps.length; step++) {
      const cursors = [{ step }, ...lineEventsOf(index, step).map((_, line) => ({ step, line }))];
      for (const cursor of cursors) {
        const n = narrate(index, cursor);
        const where = `${program} at ${JSON.stringify(cursor)}`;
        const words = (lang: 'en' | 'zh') => narrationText(n, lang);
        const kinds =
          n.kind === 'step'
            ? [
                'step',
                `opening:${n.opening.kind}`,
                ...n.actions.map((a) => `action:${a.kind}`),
                ...n.actions.flatMap((a) => (a.kind === 'changes-object' ? [`change:${a.change.kind}`] : [])),
                ...(n.ending === null ? [] : [`ending:${n.ending.kind}`]),
              ]
            : [n.kind];
        for (const kind of kinds) out.push({ kind, where, fact: n, words });
      }
      const state = stateAt(index, { step });
      for (const entry of [...state.readyQueue, ...state.timerHeap]) {
        const label = describeTarget(entry.on, index.tasks);
        out.push({ kind: `handle:${label.kind}`, where: `${program} step ${step}`, fact: label, words: (lang) => handleLabelText(label, lang) });
      }
      for (const task of state.tasks) {
        if (task.on === undefined) continue;
        const label = describeAwaitAt(index, { step }, task.id, task.on);
        out.push({ kind: `await:${label.kind}`, where: `${program} step ${step}`, fact: label, words: (lang) => awaitLabelText(label, lang) });
      }
    }
  }
  return out;
}

/** Fields that choose words (a kind, which deadline) rather than carry code through. */
const CHOOSERS = new Set(['kind', 'via', 'convertedBy']);

/** Every string in a fact that the words carry through: names, values, exception texts. Code, whatever the language. */
function codeIn(fact: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof fact === 'string') into.add(fact);
  else if (Array.isArray(fact)) for (const item of fact) codeIn(item, into);
  else if (typeof fact === 'object' && fact !== null) {
    for (const [key, value] of Object.entries(fact)) if (!CHOOSERS.has(key)) codeIn(value, into);
  }
  return into;
}

/** asyncio's own names and units that the Chinese sentences keep as the learner types them. */
const CODE_WORDS = new Set([
  'asyncio',
  'asyncio.run',
  'asyncio.timeout',
  'timeout',
  'wait_for',
  'time.sleep',
  'sleep',
  'gather',
  'Future',
  'future',
  'CancelledError',
  'TimeoutError',
  't',
  's',
]);

/** The Latin words left in a Chinese text once code (backticks, the fact's own strings) is taken out. */
function englishIn(text: string, code: ReadonlySet<string>): string[] {
  // The parts between backticks are code: every other piece of a split on '`' (an unpaired last
  // backtick leaves its tail as text, as before).
  const pieces = text.split('`');
  let rest = pieces.filter((_, i) => i % 2 === 0 || i === pieces.length - 1).join(' ');
  for (const c of [...code].sort((a, b) => b.length - a.length)) rest = rest.split(c).join(' ');
  return latinWords(rest).filter((w) => !CODE_WORDS.has(w));
}

const isLatinStart = (ch: string): boolean => (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === '_';
const isLatinPart = (ch: string): boolean => isLatinStart(ch) || (ch >= '0' && ch <= '9') || ch === '.';

/** The runs of Latin letters (an identifier with dots: `asyncio.sleep`) in a text. */
function latinWords(text: string): string[] {
  const words: string[] = [];
  for (let i = 0; i < text.length; ) {
    if (!isLatinStart(text[i] ?? '')) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isLatinPart(text[end] ?? '')) end += 1;
    words.push(text.slice(i, end));
    i = end;
  }
  return words;
}

const all = samples();

describe('every narration kind, from real engine runs', () => {
  const expected = [
    ...Object.keys(NARRATION_KINDS),
    ...Object.keys(OPENING_KINDS).map((k) => `opening:${k}`),
    ...Object.keys(ACTION_KINDS).map((k) => `action:${k}`),
    ...Object.keys(ENDING_KINDS).map((k) => `ending:${k}`),
    ...Object.keys(OBJECT_CHANGE_KINDS).map((k) => `change:${k}`),
    ...Object.keys(HANDLE_KINDS).map((k) => `handle:${k}`),
    ...Object.keys(AWAIT_KINDS).map((k) => `await:${k}`),
  ].sort();

  it('has a real example of every kind', () => {
    expect([...new Set(all.map((s) => s.kind))].sort()).toEqual(expected);
  });

  it.each(expected)('%s renders in both languages, the Chinese without English sentences', (kind) => {
    const ofKind = all.filter((s) => s.kind === kind);
    expect(ofKind.length).toBeGreaterThan(0);
    for (const sample of ofKind) {
      for (const lang of LANGS) {
        const text = sample.words(lang);
        expect([sample.where, text]).not.toEqual([sample.where, '']);
        expect([sample.where, text]).not.toEqual([sample.where, expect.stringMatching(/undefined|null|NaN|\[object|\$\{/)]);
      }
      expect([sample.where, englishIn(sample.words('zh'), codeIn(sample.fact))]).toEqual([sample.where, []]);
    }
  });
});

describe('the English check itself', () => {
  it('catches an English sentence in Chinese, and lets code through', () => {
    expect(englishIn('`main` 开始运行，然后因 an exception 而失败', new Set())).toEqual(['an', 'exception']);
    expect(englishIn('`main` 开始运行，然后因 ValueError: boom 而失败', new Set(['ValueError: boom']))).toEqual([]);
    expect(englishIn('时钟跳到 t = 1.000 s，随后 sleep(1) 的定时器到期', new Set())).toEqual([]);
  });
});
