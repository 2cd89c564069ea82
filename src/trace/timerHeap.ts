/**
 * The loop's timer heap (BaseEventLoop._scheduled) as replay keeps it: handle ids sorted by
 * (deadline, handle id), which is exactly the order the engine's heap pops them (its TimerHandle
 * breaks deadline ties by scheduling order). Kept fully sorted, not as a binary heap, because the
 * timers panel shows them in firing order at every step.
 *
 * Timers leave from the front (the earliest deadline fires first), so the front is a moving
 * offset; new timers mostly go near the back (later deadlines), so a splice there is cheap.
 */
import type { HandleId, Seconds } from '../protocol/trace';

const COMPACT_AFTER = 1024;

export class TimerHeap {
  private items: HandleId[];
  private head = 0;
  private readonly whenOf: (h: HandleId) => Seconds;

  /** `items` must already be in (deadline, id) order (a keyframe's copy). */
  constructor(whenOf: (h: HandleId) => Seconds, items: readonly HandleId[] = []) {
    this.whenOf = whenOf;
    this.items = items.slice();
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** The timer that fires next, if any. */
  peek(): HandleId | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  /** call_later / call_at. */
  insert(h: HandleId): void {
    const at = this.lowerBound(this.whenOf(h), h);
    if (at === this.items.length) this.items.push(h);
    else this.items.splice(at, 0, h);
  }

  /** Take `h` out wherever it is (usually the front). */
  remove(h: HandleId): boolean {
    const at = this.lowerBound(this.whenOf(h), h);
    if (at < this.items.length && this.items[at] === h) {
      this.removeAt(at);
      return true;
    }
    // Not where its deadline says: only a self-contradicting trace gets here.
    const found = this.items.indexOf(h, this.head);
    if (found < 0) return false;
    this.removeAt(found);
    return true;
  }

  /** Pop the front timer (the loop dropping a cancelled timer that reached the top). */
  popFront(): void {
    if (this.head < this.items.length) this.removeAt(this.head);
  }

  /** Drop every timer whose deadline is ≤ `t` and for which `drop` says yes, keeping the rest in order. */
  dropDueWhere(t: Seconds, drop: (h: HandleId) => boolean): void {
    let end = this.head;
    while (end < this.items.length && this.whenOf(this.items[end] as HandleId) <= t) end++;
    if (end === this.head) return;
    const kept: HandleId[] = [];
    for (let i = this.head; i < end; i++) {
      const h = this.items[i] as HandleId;
      if (!drop(h)) kept.push(h);
    }
    // Survivors move up against the untouched tail; the freed slots become dead front space.
    const start = end - kept.length;
    for (let i = 0; i < kept.length; i++) this.items[start + i] = kept[i] as HandleId;
    this.head = start;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }

  /** The timers in firing order, as a new array. */
  toArray(): HandleId[] {
    return this.items.slice(this.head);
  }

  private removeAt(at: number): void {
    if (at === this.head) {
      this.head++;
      if (this.head >= COMPACT_AFTER && this.head * 2 >= this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
    } else {
      this.items.splice(at, 1);
    }
  }

  /** First position in [head, length) whose (when, id) is not less than (when, h). */
  private lowerBound(when: Seconds, h: HandleId): number {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.items[mid] as HandleId;
      const otherWhen = this.whenOf(other);
      if (otherWhen < when || (otherWhen === when && other < h)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
