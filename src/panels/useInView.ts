/**
 * Whether an element is on screen or near it (within `margin` of the viewport), kept up to date
 * with an IntersectionObserver: a view can skip work nobody sees (the await graph's layout while
 * it is scrolled away and the learner scrubs). True until the observer says otherwise, and where
 * there is none (tests without a browser): work skipped by mistake would show, work done for
 * nothing would not.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useInView(ref: RefObject<Element | null>, margin = '50%'): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries.at(-1);
        if (last !== undefined) setInView(last.isIntersecting);
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, margin]);
  return inView;
}
