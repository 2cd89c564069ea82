/**
 * The loop's ready queue (BaseEventLoop._ready, a deque) as replay keeps it: handle ids in FIFO
 * order. The loop pops from the front at every step, so the front is a moving offset rather than
 * an Array.shift, which would move every element each time.
 */
import type { HandleId } from '../protocol/trace';

/** Below this many dead slots at the front, compacting costs more than it saves. */
const COMPACT_AFTER = 1024;

export class ReadyQueue {
  private items: HandleId[];
  private head = 0;

  constructor(items: readonly HandleId[] = []) {
    this.items = items.slice();
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** call_soon, or a due timer moved over by the loop: joins the back. */
  push(h: HandleId): void {
    this.items.push(h);
  }

  /**
   * Take `h` out: the loop only ever pops the head (O(1)); anywhere else is a trace that
   * disagrees with itself, handled by a search so the view still shows something sensible.
   */
  remove(h: HandleId): boolean {
    if (this.head < this.items.length && this.items[this.head] === h) {
      this.head++;
      if (this.head >= COMPACT_AFTER && this.head * 2 >= this.items.length) this.compact();
      return true;
    }
    const at = this.items.indexOf(h, this.head);
    if (at < 0) return false;
    this.items.splice(at, 1);
    return true;
  }

  /** The loop was closed: whatever it had not run is gone. */
  clear(): void {
    this.items = [];
    this.head = 0;
  }

  /** The queue front to back, as a new array. */
  toArray(): HandleId[] {
    return this.items.slice(this.head);
  }

  private compact(): void {
    this.items = this.items.slice(this.head);
    this.head = 0;
  }
}
