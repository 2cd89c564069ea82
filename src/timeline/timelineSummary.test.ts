/**
 * The timeline's text alternative, rendered as the page renders it (react-dom/server): a screen
 * reader hears the step and who is in which state, following the cursor, in both languages.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n/lang';
import { cancelWorker } from '../panels/fixtures/cancelWorker';
import { StoreProvider } from '../store/context';
import { storeShowing } from '../store/testing/storeShowing';
import { TaskTimeline } from './TaskTimeline';

const trace = cancelWorker();

function summary(step: number, lang: Lang = 'en'): string {
  const html = renderToStaticMarkup(createElement(StoreProvider, { store: storeShowing(trace, { step }, lang), children: createElement(TaskTimeline) }));
  return /data-testid="timeline-summary">([^<]*)</.exec(html)?.[1] ?? 'no summary';
}

describe('the timeline in words', () => {
  it('says each task’s state at the cursor, and changes with it', () => {
    expect(summary(0)).toBe('Step 0 of 7, at 0.000 s of virtual time, 2 tasks. Ready: main. Not created yet: worker.');
    expect(summary(1)).toBe('Step 1 of 7, at 0.000 s of virtual time, 2 tasks. Ready: worker. Waiting: main.');
    expect(summary(7)).toMatch(/ Cancelled: worker\. Done: main\.$/);
  });

  it('speaks Chinese on a Chinese page', () => {
    expect(summary(1, 'zh')).toBe('第 1 / 7 步，虚拟时间 0.000 s，共 2 个任务。就绪：worker。等待中：main。');
  });
});
