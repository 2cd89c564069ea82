/**
 * Comparing two runs (issue 13's "Compare two runs"): the pinned run and the current one, side
 * by side on one virtual-time axis. These are the facts the compare view calls out — total
 * virtual time, loop steps, tasks, the pitfalls each run made, how each ended, whether they
 * printed the same — as data; src/i18n/compareWords.ts says them in English and Chinese.
 */
import type { RunEnd, Seconds } from '../protocol/trace';
import { findings } from './findings/findings';
import type { FoundKind } from './findings/types';
import type { TraceIndex } from './types';

/** One run's figures, as the compare view's header of that run shows them. */
export interface RunSummary {
  /** The learner's name for the run: its program's first comment line ("# sequential"), or null. */
  readonly label: string | null;
  /** Virtual time when the run ended. */
  readonly totalTime: Seconds;
  /** Loop steps (handles run). */
  readonly steps: number;
  /** Tasks the program made (asyncio's own internal tasks left out, as the timeline does). */
  readonly tasks: number;
  /** The kinds of pitfall found in the run, each once, in the order first found. */
  readonly findingKinds: readonly FoundKind[];
  readonly end: RunEnd['kind'];
}

/** A difference (or, for the three headline figures, a likeness) between the two runs. */
export type CompareFact =
  /** Total virtual time of each run; always said, it is the headline ("sequential: 6.0 s, gather: 3.0 s"). */
  | { readonly kind: 'time'; readonly pinned: Seconds; readonly current: Seconds }
  /** Loop steps of each run. */
  | { readonly kind: 'steps'; readonly pinned: number; readonly current: number }
  /** Tasks each run made. */
  | { readonly kind: 'tasks'; readonly pinned: number; readonly current: number }
  /** Pitfalls one run made and the other did not (only when some differ). */
  | { readonly kind: 'findings'; readonly onlyPinned: readonly FoundKind[]; readonly onlyCurrent: readonly FoundKind[] }
  /** The runs ended differently (one finished, the other hit a limit or raised). */
  | { readonly kind: 'end'; readonly pinned: RunEnd['kind']; readonly current: RunEnd['kind'] }
  /** What each run printed: the same text, or not. */
  | { readonly kind: 'output'; readonly same: boolean };

export type CompareFactKind = CompareFact['kind'];

export interface RunComparison {
  readonly pinned: RunSummary;
  readonly current: RunSummary;
  /** The shared axis: from 0 to the longer run's end (at least a tick, so an instant run still has a width). */
  readonly axisEnd: Seconds;
  readonly facts: readonly CompareFact[];
}

/** The longest label taken from a comment: a header line, not a paragraph. */
export const MAX_LABEL_CHARS = 40;

/**
 * A run's name, from its program: the first line, when it is a comment (`# sequential`,
 * `# 用 gather 并发`), trimmed to MAX_LABEL_CHARS. A shebang or encoding line is skipped. The
 * learner's own words, shown as written; null when the program starts with code.
 */
export function runLabel(source: string): string | null {
  for (const raw of source.split('\n')) {
    const line = raw.trim(); // trim takes a CRLF's \r too
    if (line === '') continue;
    if (!line.startsWith('#')) return null;
    // PEP 263's encoding line says `coding:` or `coding=`.
    if (line.startsWith('#!') || line.includes('coding:') || line.includes('coding=')) continue;
    let hashes = 0;
    while (line[hashes] === '#') hashes += 1;
    const text = line.slice(hashes).trim();
    if (text === '') continue;
    return text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;
  }
  return null;
}

export function runSummary(index: TraceIndex): RunSummary {
  const kinds: FoundKind[] = [];
  for (const f of findings(index)) if (!kinds.includes(f.kind)) kinds.push(f.kind);
  return {
    label: runLabel(index.trace.source),
    totalTime: index.endTime,
    steps: index.steps.length,
    tasks: index.tasks.filter((task) => !task.internal).length,
    findingKinds: kinds,
    end: index.trace.end.kind,
  };
}

export function compareRuns(pinned: TraceIndex, current: TraceIndex): RunComparison {
  const a = runSummary(pinned);
  const b = runSummary(current);
  const facts: CompareFact[] = [
    { kind: 'time', pinned: a.totalTime, current: b.totalTime },
    { kind: 'steps', pinned: a.steps, current: b.steps },
    { kind: 'tasks', pinned: a.tasks, current: b.tasks },
  ];
  const onlyPinned = a.findingKinds.filter((k) => !b.findingKinds.includes(k));
  const onlyCurrent = b.findingKinds.filter((k) => !a.findingKinds.includes(k));
  if (onlyPinned.length + onlyCurrent.length > 0) facts.push({ kind: 'findings', onlyPinned, onlyCurrent });
  if (a.end !== b.end) facts.push({ kind: 'end', pinned: a.end, current: b.end });
  const trace = (i: TraceIndex) => i.trace;
  facts.push({ kind: 'output', same: trace(pinned).stdout === trace(current).stdout && trace(pinned).stderr === trace(current).stderr });
  return { pinned: a, current: b, axisEnd: Math.max(a.totalTime, b.totalTime, MIN_AXIS_END), facts };
}

/** An axis for two runs that took no virtual time at all still needs a width. */
export const MIN_AXIS_END: Seconds = 0.001;

