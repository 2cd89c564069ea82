/**
 * Shared steps for the end-to-end tests: programs are `.py` files in fixtures/, opened through
 * share links (the same path a learner's link takes); tests wait on `data-status`, never on
 * sleeps, and compare the page with the pure trace functions run on the page's own trace.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { LoopscopeTestHooks } from '../src/app/testHooks';
import type { Trace } from '../src/protocol/trace';
import type { ShareLink } from '../src/share';
import type { Cursor } from '../src/trace/types';

// Importing the hooks' type also brings in its `window.__loopscope` declaration for evaluate().
export type { LoopscopeTestHooks };

export type AppStatus = 'booting' | 'ready' | 'running' | 'done' | 'error';

/** A program from e2e/fixtures/. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/**
 * The share-link hash for a program, from src/share's encodeShareHash. Node cannot load
 * src/share while it imports lz-string (CommonJS) by named export; then the same function is
 * run in the page through the test hooks instead.
 */
export async function shareHash(page: Page, link: ShareLink): Promise<string> {
  try {
    const share = await import('../src/share');
    return share.encodeShareHash(link);
  } catch {
    if (!page.url().startsWith('http')) await page.goto('/');
    const hash = await page.evaluate((l) => window.__loopscope?.shareHash(l) ?? null, link);
    if (hash === null) throw new Error('the page has no test hooks');
    return hash;
  }
}

/** Open `source` the way a learner's share link does: it runs, then seeks to `step`. */
export async function openProgram(page: Page, source: string, step?: number): Promise<void> {
  const hash = await shareHash(page, step === undefined ? { source } : { source, step });
  // A fresh document for every program: on an open page, a hash-only goto would open the link in
  // the same document (share.spec.ts tests that), with the last program's state still around.
  if (page.url().startsWith('http')) await page.goto('about:blank');
  await page.goto(`/${hash}`);
}

export async function openFixture(page: Page, name: string, step?: number): Promise<string> {
  const source = fixture(name);
  await openProgram(page, source, step);
  return source;
}

/** Wait until the app root says `status` (Python boots in a few seconds; runs are fast). */
export async function waitForStatus(page: Page, status: AppStatus, timeout = 120_000): Promise<void> {
  await expect(page.locator(`.app[data-status="${status}"]`)).toBeVisible({ timeout });
}

export async function pageTrace(page: Page): Promise<Trace> {
  const trace = await page.evaluate(() => window.__loopscope?.trace() ?? null);
  if (trace === null) throw new Error('the page has no trace');
  return trace;
}

export async function pageCursor(page: Page): Promise<Cursor> {
  const cursor = await page.evaluate(() => window.__loopscope?.cursor() ?? null);
  if (cursor === null) throw new Error('the page has no test hooks');
  return cursor;
}

/** The `data-handle` numbers of the elements with a test id, in document order. */
export async function handlesOf(page: Page, testId: string): Promise<number[]> {
  return page.getByTestId(testId).evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.handle)));
}

/** Save a screenshot for a human to look at (screenshots/ is git-ignored). */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: false });
}
