/**
 * A list that keeps the items that just left it on screen for `ms` milliseconds, marked
 * `leaving`, so CSS can animate them out (see withLeavingItems).
 */
import { useEffect, useState } from 'react';
import { withLeavingItems, type ShownItem } from './leavingItems';

export function useLeavingItems<T, K>(items: readonly T[], key: (item: T) => K, ms: number): readonly ShownItem<T>[] {
  const [previous, setPrevious] = useState(items);
  const [shown, setShown] = useState<readonly ShownItem<T>[]>(() => items.map((item) => ({ item, leaving: false })));

  // A new list (a step was taken): adjust during render, React's pattern for state that
  // follows a prop, so the entering and leaving items appear in the same frame.
  if (items !== previous) {
    setPrevious(items);
    setShown(withLeavingItems(previous, items, key));
  }

  useEffect(() => {
    if (!shown.some((s) => s.leaving)) return undefined;
    const timer = setTimeout(() => setShown((s) => s.filter((x) => !x.leaving)), ms);
    return () => clearTimeout(timer);
  }, [shown, ms]);

  return shown;
}
