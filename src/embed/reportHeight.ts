/**
 * Tell the page around the frame how tall the embed's content is, whenever that changes, so it
 * can size the iframe to fit (Python Tutor's `resizeContainer`). Only when framed: a top-level
 * embed page has no host to tell.
 */
import type { EmbedResizeMessage } from '../protocol/embed';

/** Start reporting `element`'s height; returns the function that stops. */
export function reportHeight(element: HTMLElement, target: Window = window.parent): () => void {
  if (target === window) return () => undefined;
  let reported = -1;
  const report = (): void => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === reported || height <= 0) return;
    reported = height;
    const message: EmbedResizeMessage = { type: 'loopscope:resize', height };
    // '*': the embed does not know who hosts it, and its height is no secret.
    target.postMessage(message, '*');
  };
  const observer = new ResizeObserver(report);
  observer.observe(element);
  report();
  return () => observer.disconnect();
}
