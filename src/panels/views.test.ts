/**
 * The three loop panels rendered to HTML (react-dom/server, no browser) over a hand-made trace:
 * the test ids, their order and their data attributes at chosen steps.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n/lang';
import { Cancellations } from './Cancellations';
import { cancelWorker } from './fixtures/cancelWorker';
import { manyTasks } from './fixtures/manyTasks';
import { READY_SHOWN, ReadyQueue } from './ReadyQueue';
import { FIRST_WINDOW_ROWS } from './rowWindow';
import { TIMERS_SHOWN, Timers } from './Timers';
import { StoreProvider } from '../store/context';
import { storeShowing } from '../store/testing/storeShowing';

const trace = cancelWorker();

type View = typeof ReadyQueue | typeof Timers | typeof Cancellations;
/** A view as the page renders it: reading a store that shows `at` at `step`. */
function render(view: View, step: number, lang: Lang = 'en', at = trace): string {
  return renderToStaticMarkup(createElement(StoreProvider, { store: storeShowing(at, { step }, lang), children: createElement(view) }));
}

/** The values of `attr` on the elements with data-testid `id`, in document order. */
function attrs(html: string, id: string, attr: string): string[] {
  const re = new RegExp(`<[^>]*data-testid="${id}"[^>]*>`, 'g');
  return [...html.matchAll(re)].map((m) => new RegExp(`${attr}="([^"]*)"`).exec(m[0])?.[1] ?? '');
}

describe('ReadyQueue', () => {
  it('lists the FIFO in order with the head marked as running next', () => {
    const html = render(ReadyQueue, 1);
    expect(html).toContain('data-testid="ready-queue"');
    expect(attrs(html, 'ready-item', 'data-handle')).toEqual(['2']);
    expect(attrs(html, 'ready-item', 'data-next')).toEqual(['true']);
    expect(html).toContain('runs next');
  });

  it('shows the handle running now apart from the queue', () => {
    const html = render(ReadyQueue, 5);
    expect(html).toContain('data-testid="ready-running"');
    expect(html).toContain('resumes with CancelledError thrown in');
    expect(attrs(html, 'ready-item', 'data-kind')).toEqual(['wakeup']);
  });

  it('says so when the queue is empty, in Chinese too', () => {
    const html = render(ReadyQueue, 2, 'zh');
    expect(attrs(html, 'ready-item', 'data-handle')).toEqual([]);
    expect(html).toContain('就绪队列为空');
  });
});

describe('Timers', () => {
  it('lists pending timers in firing order with their owners', () => {
    const html = render(Timers, 2);
    expect(attrs(html, 'timer-item', 'data-handle')).toEqual(['3', '4']);
    expect(attrs(html, 'timer-item', 'data-kind')).toEqual(['sleep', 'sleep']);
    expect(html).toContain('0.500 s');
  });

  it('marks a cancelled timer that is still in the heap', () => {
    const html = render(Timers, 5);
    expect(attrs(html, 'timer-item', 'data-cancelled')).toEqual(['true']);
  });

  it('has an empty state', () => {
    expect(render(Timers, 0)).toContain('No pending timers.');
  });
});

describe('Cancellations', () => {
  it('dims a cancellation that has not happened yet', () => {
    const html = render(Cancellations, 3);
    expect(attrs(html, 'cancellation-item', 'data-phase')).toEqual(['future']);
    expect(attrs(html, 'cancellation-item', 'data-via')).toEqual(['cancel()']);
  });

  it('follows the request to its delivery and outcome', () => {
    expect(attrs(render(Cancellations, 4), 'cancellation-item', 'data-phase')).toEqual(['requested']);
    const html = render(Cancellations, 5);
    expect(attrs(html, 'cancellation-item', 'data-phase')).toEqual(['settled']);
    expect(attrs(html, 'cancellation-item', 'data-outcome')).toEqual(['propagated']);
    expect(html).toContain('CancelledError delivered in step 5');
  });
});

describe('huge runs', () => {
  const big = manyTasks(READY_SHOWN + TIMERS_SHOWN + 50);
  const more = READY_SHOWN + TIMERS_SHOWN + 50;

  it('lists only the head of a huge ready queue, and says how many are behind', () => {
    const html = render(ReadyQueue, 1, 'en', big);
    // Before the list is measured (here: no browser) it renders its first rows; see rowWindow.
    expect(attrs(html, 'ready-item', 'data-handle')).toHaveLength(FIRST_WINDOW_ROWS);
    expect(attrs(html, 'ready-item', 'data-handle')[0]).toBe('2');
    expect(html).toContain(`and ${more - READY_SHOWN} more behind them`);
  });

  it('draws and lists only the timers that fire first', () => {
    const html = render(Timers, more + 1, 'zh', big);
    expect(attrs(html, 'timer-item', 'data-handle')).toHaveLength(FIRST_WINDOW_ROWS);
    expect(html).toContain(`之后还有 ${more - TIMERS_SHOWN} 个定时器`);
    // Markers that would overlap are drawn as one that counts them, and every shown timer is in one.
    const counts = [...html.matchAll(/class="timers-marker[^"]*" data-count="(\d+)"/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(TIMERS_SHOWN);
    expect(counts.length).toBeLessThan(TIMERS_SHOWN);
    expect(html).toMatch(/>×\d+<\/text>/);
  });
});
