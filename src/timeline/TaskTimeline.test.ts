/**
 * The task timeline rendered to HTML (react-dom/server, no browser) over a hand-made trace: one
 * lane per task, stable across steps, with the task's state at the cursor.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n/lang';
import { cancelWorker } from '../panels/fixtures/cancelWorker';
import { manyTasks } from '../panels/fixtures/manyTasks';
import { StoreProvider } from '../store/context';
import { storeShowing } from '../store/testing/storeShowing';
import { VIRTUALISE_ABOVE } from './laneGeometry';
import { TaskTimeline } from './TaskTimeline';

const trace = cancelWorker();

function render(step: number, lang: Lang = 'en'): string {
  return renderToStaticMarkup(createElement(StoreProvider, { store: storeShowing(trace, { step }, lang), children: createElement(TaskTimeline) }));
}

/** Each task-lane element's opening tag, in document order. */
function lanes(html: string): string[] {
  return [...html.matchAll(/<[^>]*data-testid="task-lane"[^>]*>/g)].map((m) => m[0]);
}
const attr = (tag: string, name: string): string | undefined => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

describe('TaskTimeline', () => {
  it('keeps one lane per task at every step, marking tasks not created yet', () => {
    const before = lanes(render(0));
    expect(before.map((t) => attr(t, 'data-task-name'))).toEqual(['Task-1', 'Task-2']);
    expect(before.map((t) => attr(t, 'data-state'))).toEqual(['ready', 'not-created']);
  });

  it("gives each lane its task's state at the cursor", () => {
    expect(lanes(render(1)).map((t) => attr(t, 'data-state'))).toEqual(['waiting', 'ready']);
    expect(lanes(render(5)).map((t) => attr(t, 'data-state'))).toEqual(['ready', 'cancelled']);
    expect(lanes(render(7)).map((t) => attr(t, 'data-state'))).toEqual(['done', 'cancelled']);
  });

  it('highlights the lane of the task that runs in this step', () => {
    const [main, worker] = lanes(render(5));
    expect(main).not.toContain('is-running');
    expect(worker).toContain('is-running');
  });

  it('starts on the step axis when the steps bunch at a few instants', () => {
    const html = render(3);
    expect(html).toContain('data-axis="step"');
    expect(html).toContain('aria-checked="true" class="is-active">Steps');
  });

  it('explains segments: what a waiting task waits for', () => {
    expect(render(2)).toContain('waiting for sleep until 1.000 s');
    expect(render(2, 'zh')).toContain('任务时间线');
  });

  it('draws a connector from the parent to the child it created', () => {
    expect(render(1)).toMatch(/<g class="timeline-links"><g><path d="M[\d.]+,12V36H[\d.]+"/);
  });
});

describe('TaskTimeline on a huge run', () => {
  it('renders only the lanes on screen, not one per task', () => {
    const big = manyTasks(5_000);
    const html = renderToStaticMarkup(
      createElement(StoreProvider, { store: storeShowing(big, { step: 1 }), children: createElement(TaskTimeline) }),
    );
    const shown = lanes(html);
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(VIRTUALISE_ABOVE);
    expect(attr(shown[0] ?? '', 'data-task-name')).toBe('Task-1');
    expect(html).toContain('of 5001');
  });
});
