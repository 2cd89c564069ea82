/**
 * The Problems list rendered to HTML (react-dom/server) over hand-made findings: a row per
 * finding with its test hooks, the count, the chosen row's explanation and fix, the empty state,
 * in both languages.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findingText } from '../i18n/findings';
import type { Lang } from '../i18n/lang';
import { problemsStrings } from '../i18n/problemsPanel';
import type { Finding } from '../trace/findings/types';
import { BLOCKING, HAND_MADE, NEVER_AWAITED, SEQUENTIAL } from './fixtures/handMadeFindings';
import { PROBLEMS_WINDOWED_FROM, ProblemsList } from './Problems';
import { FIRST_WINDOW_ROWS } from './rowWindow';

function render(findings: readonly Finding[], chosen: number | null = null, lang: Lang = 'en'): string {
  return renderToStaticMarkup(createElement(ProblemsList, { findings, chosen, lang, onChoose: () => undefined }));
}

/** The values of `attr` on the elements with data-testid `id`, in document order. */
function attrs(html: string, id: string, attr: string): string[] {
  return [...html.matchAll(new RegExp(`<[^>]*data-testid="${id}"[^>]*>`, 'g'))].map((m) => new RegExp(`${attr}="([^"]*)"`).exec(m[0])?.[1] ?? '');
}

const escaped = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#x27;');

describe('the Problems list', () => {
  it('has a row per finding, in order, with its kind, line, step and severity', () => {
    const html = render(HAND_MADE);
    expect(attrs(html, 'problem-row', 'data-kind')).toEqual(['never-awaited', 'sequential-awaits', 'blocking-call']);
    expect(attrs(html, 'problem-row', 'data-line')).toEqual(['17', '', '16']);
    expect(attrs(html, 'problem-row', 'data-step')).toEqual(['2', '3', '7']);
    expect(attrs(html, 'problem-row', 'data-severity')).toEqual(['error', 'info', 'warning']);
    expect(attrs(html, 'problems', 'data-count')).toEqual(['3']);
  });

  it("shows each finding's title, and its line and step in words", () => {
    const html = render([BLOCKING]);
    expect(html).toContain(escaped(findingText(BLOCKING, 'en').title));
    expect(html).toContain('line 16');
    expect(html).toContain('step 7');
    expect(html).toContain('<code class="problem-kind">blocking-call</code>');
  });

  it('counts the findings on its heading', () => {
    expect(render(HAND_MADE)).toMatch(/data-testid="problems-count"[^>]*>3<\/span>/);
    expect(render([])).toMatch(/data-testid="problems-count"[^>]*>0<\/span>/);
  });

  it('opens the chosen finding only, with what happened and what to do', () => {
    const closed = render(HAND_MADE);
    expect(closed).not.toContain('data-testid="problem-details"');
    const html = render(HAND_MADE, 2);
    expect(attrs(html, 'problem-row', 'data-chosen')).toEqual(['false', 'false', 'true']);
    expect(attrs(html, 'problem-details', 'class')).toHaveLength(1);
    const words = findingText(BLOCKING, 'en');
    expect(html).toContain(escaped(words.explanation));
    expect(html).toContain(escaped(words.fix));
    expect(html).not.toContain(escaped(findingText(NEVER_AWAITED, 'en').explanation));
    expect(html).toContain('aria-expanded="true"');
  });

  it('says no pitfalls were found when there are none, in English and Chinese', () => {
    for (const lang of ['en', 'zh'] as const) {
      const html = render([], null, lang);
      expect(html).toContain('data-testid="problems-empty"');
      expect(html).toContain(problemsStrings(lang).empty);
      expect(attrs(html, 'problem-row', 'data-kind')).toEqual([]);
    }
    expect(problemsStrings('zh').empty).not.toBe(problemsStrings('en').empty);
  });

  it('speaks Chinese: the title, the line and step, the severity', () => {
    const html = render([SEQUENTIAL, BLOCKING], 1, 'zh');
    expect(html).toContain(escaped(findingText(BLOCKING, 'zh').title));
    expect(html).toContain('第 16 行');
    expect(html).toContain('第 7 步');
    expect(html).toContain('aria-label="警告"');
    expect(html).toContain('aria-label="可以改进"');
    expect(html).toContain(problemsStrings('zh').fix);
  });

  it('puts every row of a list up to PROBLEMS_WINDOWED_FROM in the DOM, and only a window of a longer one, with its length told', () => {
    const many = (n: number): Finding[] => Array.from({ length: n }, (_, i) => ({ ...BLOCKING, step: i + 1 }));
    const whole = render(many(PROBLEMS_WINDOWED_FROM));
    expect(attrs(whole, 'problem-row', 'data-step')).toHaveLength(PROBLEMS_WINDOWED_FROM);
    expect(whole).not.toContain('aria-setsize');
    // Before the list is measured (here: no browser), a long list starts with its head.
    const long = render(many(1000), null);
    const steps = attrs(long, 'problem-row', 'data-step');
    expect(steps).toEqual(Array.from({ length: FIRST_WINDOW_ROWS }, (_, i) => String(i + 1)));
    expect(attrs(long, 'problem-row', 'aria-setsize')).toEqual(steps.map(() => '1000'));
    expect(attrs(long, 'problem-row', 'aria-posinset')).toEqual(steps);
    // The count says all of them.
    expect(long).toContain('data-count="1000"');
  });
});

