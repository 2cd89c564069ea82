/**
 * A list that keeps the items that just left it on screen for `ms` milliseconds, marked
 * `leaving`, so CSS can animate them out (see withLeavingItems).
 */
import { useEffect, useState } from 'react';
import { leavingCount, MAX_LEAVING, withLeavingItems, type ShownItem } from './leavingItems';

export interface LeavingItems<T> {
  readonly shown: readonly ShownItem<T>[];
  /** The last change replaced most of the list (a seek): show it without entry animations. */
  readonly jumped: boolean;
}

export function useLeavingItems<T, K>(items: readonly T[], key: (item: T) => K, ms: number): LeavingItems<T> {
  const [previous, setPrevious] = useState(items);
  const [shown, setShown] = useState<readonly ShownItem<T>[]>(() => items.map((item) => ({ item, leaving: false })));
  const [jumped, setJumped] = useState(false);

  // A new list (a step was taken): adjust during render, React's pattern for state that
  // follows a prop, so the entering and leaving items appear in the same frame.
  if (items !== previous) {
    setPrevious(items);
    setShown(withLeavingItems(previous, items, key));
    setJumped(leavingCount(previous, items, key) > MAX_LEAVING);
  }

  useEffect(() => {
    if (!shown.some((s) => s.leaving)) return undefined;
    const timer = setTimeout(() => setShown((s) => s.filter((x) => !x.leaving)), ms);
    return () => clearTimeout(timer);
  }, [shown, ms]);

  return { shown, jumped };
}
