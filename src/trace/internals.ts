/**
 * The part of a TraceIndex only src/trace reads: the keyframes and lookup tables that make
 * stateAt fast. The UI must not depend on anything here; it may change with any commit.
 */
import type { HandleTable } from './handles';
import type { Keyframe } from './replay';

export interface TraceIndexInternals {
  readonly handles: HandleTable;
  /** Replay snapshots in increasing `at` order; the first is at 0 (the empty state). */
  readonly keyframes: readonly Keyframe[];
  /** One past the last event of step 0 (top-level code before the loop's first iteration). */
  readonly prologueEnd: number;
  /** The `line` events of step 0 (top-level code), for stepping by line before the loop starts. */
  readonly prologueLines: readonly number[];
  /** Steps' `t` never decrease (true unless a second event loop restarted the clock). */
  readonly timesSorted: boolean;
}
