/**
 * The accessibility check of the page: axe-core's full rule set (WCAG 2.x A and AA, and its best
 * practices) on the whole page, as it stands when nothing moves. A failure prints every violation
 * with its elements and axe's summary of what to fix, so the report is the to-do list.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Wait until the page's animations have ended: an entry of the ready queue leaving fades out in
 * 220 ms, and axe measuring it halfway would judge a colour nobody reads. The page at rest is
 * what must pass.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
}

export async function expectNoViolations(page: Page, where: string): Promise<void> {
  await settle(page);
  const result = await new AxeBuilder({ page }).analyze();
  const report = result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'no impact'}, ${v.nodes.length} elements): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replaceAll('\n', '\n      ')}`).join('\n'),
  );
  expect(report, `axe violations ${where}:\n${report.join('\n')}`).toEqual([]);
  // The check looked at the page, not at an empty document.
  expect(result.passes.length, `axe passed rules ${where}`).toBeGreaterThan(10);
}
