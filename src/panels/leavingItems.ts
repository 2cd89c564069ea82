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
 * The items to show: `next` in its order, with the items of `previous` that are gone slotted
 * back in where they were (before the first surviving item that followed them).
 */
export function withLeavingItems<T, K>(
  previous: readonly T[],
  next: readonly T[],
  key: (item: T) => K,
): ShownItem<T>[] {
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
