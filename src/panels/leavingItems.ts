/**
 * Keeping an item on screen for a moment after it left a list, so it can animate out.
 *
 * The ready queue changes at every step: the head is popped, new handles join the tail. To let
 * the learner see that movement, the handle that just left stays rendered, marked `leaving`,
 * at the place it had, until its exit transition ends.
 */

export interface ShownItem<T> {
  readonly item: T;
  /** True for an item no longer in the list, shown only while it animates out. */
  readonly leaving: boolean;
}

/**
 * More items than this leaving at once is a jump (a seek, a scrub), not a step: there is no
 * movement to show, and animating a whole list out and another in costs every frame for nothing.
 */
export const MAX_LEAVING = 8;

/** How many items of `previous` are not in `next`. */
export function leavingCount<T, K>(previous: readonly T[], next: readonly T[], key: (item: T) => K): number {
  const nextKeys = new Set(next.map(key));
  let count = 0;
  for (const old of previous) if (!nextKeys.has(key(old))) count++;
  return count;
}

/**
 * The items to show: `next` in its order, with the items of `previous` that are gone slotted
 * back in where they were (before the first surviving item that followed them). After a jump
 * (more than MAX_LEAVING gone), `next` alone.
 */
export function withLeavingItems<T, K>(
  previous: readonly T[],
  next: readonly T[],
  key: (item: T) => K,
): ShownItem<T>[] {
  if (leavingCount(previous, next, key) > MAX_LEAVING) return next.map((item) => ({ item, leaving: false }));
  const nextKeys = new Set(next.map(key));
  const shown: ShownItem<T>[] = [];
  const emitted = new Set<K>();
  let j = 0;
  for (const old of previous) {
    const k = key(old);
    if (!nextKeys.has(k)) {
      shown.push({ item: old, leaving: true });
      continue;
    }
    // Emit the new list up to and including this surviving item.
    while (!emitted.has(k) && j < next.length) {
      const item = next[j++] as T;
      emitted.add(key(item));
      shown.push({ item, leaving: false });
    }
  }
  for (; j < next.length; j++) shown.push({ item: next[j] as T, leaving: false });
  return shown;
}
