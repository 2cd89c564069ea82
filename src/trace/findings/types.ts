/**
 * Findings: the classic asyncio mistakes found in one recorded run (issue 12's pitfall lints).
 * Facts only, derived from the trace by pure functions (src/trace/findings); src/i18n/findings.ts
 * words each kind, English and Chinese, for the page's Problems list and `npx loopscope lint`.
 *
 * The kind names are part of the interface (the CLI's `--json` prints them).
 */
import type { Line, TaskId } from '../../protocol/trace';

export type FindingKind =
  | 'blocking-call'
  | 'never-awaited'
  | 'exception-never-retrieved'
  | 'task-not-awaited'
  | 'cancel-swallowed'
  | 'busy-polling'
  | 'sequential-awaits'
  | 'unbounded-fan-out'
  | 'deadlock'
  | 'removed-api'
  | 'loop-misuse'
  | 'shared-state-race';

/** How bad: an error broke the run or lost work; a warning is a mistake; info costs time only. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** What every finding has, whatever its kind: enough for a list, a jump and a marker. */
export interface FindingBase {
  readonly kind: FindingKind;
  readonly severity: FindingSeverity;
  /** The learner's line it points at (null when the run has no line for it). */
  readonly line: Line | null;
  /** The step to jump to (a cursor step, 0..stepCount, as in src/trace/cursor). */
  readonly step: number;
  /** Every step involved, ascending, `step` among them: where the timeline puts markers. */
  readonly steps: readonly number[];
  /** The tasks involved (ids of the trace's `task` events), most involved first. */
  readonly tasks: readonly TaskId[];
}

/*
 * STAND-IN until branch i12-core lands its analysis (merge takes theirs for this block): the
 * Finding union as far as the page needs it, with i12-core's field names for the quick fixes.
 */
interface OtherFinding extends FindingBase {
  readonly kind: Exclude<FindingKind, 'blocking-call' | 'never-awaited' | 'shared-state-race'>;
}
export interface BlockingCallFinding extends FindingBase {
  readonly kind: 'blocking-call';
  readonly inCoroutine: boolean;
}
export interface NeverAwaitedFinding extends FindingBase {
  readonly kind: 'never-awaited';
  readonly name: string;
  readonly coro: string;
}
export type Finding = BlockingCallFinding | NeverAwaitedFinding | OtherFinding;
