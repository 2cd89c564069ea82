/**
 * Embedding Loopscope in a course page (issue 13, "Embed"): an `embed=1` link shows only the
 * views it names, opens at its step, plays when asked, shows the program read-only, hidden or
 * editable, and tells the page around it its height; the Embed dialog's code, pasted into a page
 * on another origin (e2e/embedHost.ts), works there. In English and Chinese.
 */
import { expect, test, type Frame, type Page } from '@playwright/test';
import type { ShareLink } from '../src/share';
import { fixture, pageCursor, snapshot, waitForStatus } from './helpers';
import { hostPageHtml, startEmbedHost, type EmbedHost } from './embedHost';

test.describe.configure({ timeout: 180_000 });

const GATHER = fixture('../../src/examples/programs/gather.py');
const SLOW_SPIN = fixture('slow-spin.py');

let host: EmbedHost;
test.beforeAll(async () => {
  host = await startEmbedHost();
});
test.afterAll(async () => {
  await host.close();
});

/** The hash for a link, by src/share's own encoder (in the page when Node cannot load it). */
async function hashOf(page: Page, link: ShareLink): Promise<string> {
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

/** The app's own address (the preview server's), for links a host page embeds. */
function appOrigin(page: Page): string {
  return new URL(page.url()).origin;
}

/** Open `/#hash` as a new document (a URL that differs only in its hash would not reload). */
async function gotoHash(page: Page, hash: string): Promise<void> {
  const wasOpen = page.url().startsWith('http');
  await page.goto(`/${hash}`);
  if (wasOpen) await page.reload();
}

async function openEmbed(page: Page, link: ShareLink): Promise<void> {
  await gotoHash(page, await hashOf(page, link));
}

/** The `data-embed-view` names shown, in order. */
function shownViews(scope: Page | Frame): Promise<string[]> {
  return scope.locator('[data-embed-view]').evaluateAll((els) => els.map((el) => el.getAttribute('data-embed-view') ?? ''));
}

/** The embed's iframe in a host page, once its run is done. */
async function embeddedFrame(page: Page): Promise<Frame> {
  await expect(page.locator('iframe[data-loopscope-embed]')).toBeVisible();
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (frame === undefined) throw new Error('the host page has no frame');
  await expect(frame.locator('.app.embed[data-status="done"]')).toBeVisible({ timeout: 150_000 });
  return frame;
}

test('an embed link shows only its views, opens at its step, read-only, and Open in Loopscope opens the same step in the full app', async ({ page, context }) => {
  await openEmbed(page, { source: GATHER, step: 4, embed: { views: ['timeline', 'console'], editor: 'readonly' } });
  await waitForStatus(page, 'done');
  const embed = page.getByTestId('embed');
  await expect(embed).toBeVisible();
  expect(await shownViews(page)).toEqual(['timeline', 'console']);
  // Nothing of the full app's shell, and none of the views it did not ask for.
  await expect(page.locator('.app-header')).toHaveCount(0);
  for (const absent of ['.view-ready', '.view-timers', '.view-cancellations', '.view-problems', '.narration']) {
    await expect(page.locator(absent), absent).toHaveCount(0);
  }
  await expect(page.getByTestId('console')).toBeVisible();
  await expect(page.locator('.view-timeline')).toBeVisible();
  expect((await pageCursor(page)).step).toBe(4);
  await expect(page.getByTestId('scrubber')).toHaveValue('4');

  // Read-only: the program can be read, not typed in.
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.type('# typed');
  await page.keyboard.press('Enter');
  await expect(page.locator('.monaco-editor .view-lines')).not.toContainText('# typed');
  expect(await page.evaluate(() => window.__loopscope?.getSource())).toBe(GATHER);
  // The embed never writes the reader's saved program.
  expect(await page.evaluate(() => localStorage.getItem('loopscope.source'))).toBeNull();

  const open = page.getByTestId('open-in-loopscope');
  await expect(open).toHaveText('Open in Loopscope ↗');
  await expect(open).toHaveAttribute('target', '_blank');
  await page.getByTestId('step-forward').click();
  const [full] = await Promise.all([context.waitForEvent('page'), open.click()]);
  await waitForStatus(full, 'done');
  await expect(full.locator('.app-header')).toBeVisible();
  expect(await full.evaluate(() => window.__loopscope?.getSource())).toBe(GATHER);
  expect((await pageCursor(full)).step).toBe(5);
  expect(full.url()).not.toContain('embed=');
});

test('play=1 plays from the opening step at the speed asked; editor=hidden shows no program', async ({ page }) => {
  await openEmbed(page, { source: GATHER, step: 2, embed: { views: ['narration', 'ready', 'timers'], play: true, speed: 10, editor: 'hidden' } });
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('speed')).toHaveValue('10');
  // It plays: the cursor moves past the opening step by itself, and the play button says so.
  await expect.poll(async () => (await pageCursor(page)).step, { timeout: 20_000 }).toBeGreaterThan(4);
  expect(await shownViews(page)).toEqual(['narration', 'ready', 'timers']);
  await expect(page.locator('.embed-editor')).toHaveCount(0);
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  await expect(page.getByTestId('embed')).toHaveAttribute('data-editor', 'hidden');
});

test('editor=editable: the reader edits the program and runs it again', async ({ page }) => {
  const first = 'import asyncio\n\n\nasync def main():\n    print("first")\n\n\nasyncio.run(main())\n';
  await openEmbed(page, { source: first, embed: { views: ['console'], editor: 'editable' } });
  await waitForStatus(page, 'done');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });
  // The reader double-clicks the word and types over it, as in any editor.
  await page.locator('.monaco-editor .view-line').filter({ hasText: 'print' }).getByText('first').dblclick();
  await page.keyboard.type('second');
  await expect.poll(() => page.evaluate(() => window.__loopscope?.getSource())).toBe(first.replace('first', 'second'));
  await page.getByTestId('run').click();
  await expect.poll(() => page.evaluate(() => window.__loopscope?.trace()?.stdout)).toBe('second\n');
  await page.getByTestId('jump-end').click();
  await expect(page.getByTestId('console')).toContainText('second');
});

test('in Chinese, with settings it does not know: a note in Chinese, the defaults used, the program still runs', async ({ page }) => {
  const hash = await hashOf(page, { source: GATHER, lang: 'zh', embed: {} });
  await gotoHash(page, `${hash}&views=timline,console&theme=blue&speed=fast`);
  await waitForStatus(page, 'done');
  const note = page.getByTestId('embed-ignored');
  await expect(note).toContainText('这个嵌入链接里有 Loopscope 不认识的设置');
  await expect(note.locator('li[data-key="views"]')).toContainText('views=timline：可用的视图是 timeline');
  await expect(note.locator('li[data-key="theme"]')).toContainText('theme=blue：主题可以是 light 或 dark');
  await expect(note.locator('li[data-key="speed"]')).toContainText('speed=fast');
  // The views it could read are shown; the unknown one is left out.
  expect(await shownViews(page)).toEqual(['console']);
  await expect(page.getByTestId('open-in-loopscope')).toHaveText('在 Loopscope 中打开 ↗');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null)).toBeNull();
});

test('theme=dark sets the page theme for the embed only, not the reader’s remembered choice', async ({ page }) => {
  await openEmbed(page, { source: 'print(1)\n', embed: { theme: 'dark' } });
  await waitForStatus(page, 'done');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('loopscope.') && k !== 'loopscope.testHooks'));
  expect(stored).toEqual([]);
});

test('on a course page of another origin: the run works, the height reaches the host, Stop restarts Python with a note', async ({ page }) => {
  const app = (await page.goto('/'), appOrigin(page));
  const code = (url: string) =>
    `<iframe src="${url}" title="Loopscope" data-loopscope-embed style="display:block;width:100%;height:300px;border:0" allow="cross-origin-isolated"></iframe>
<script>window.addEventListener('message', function (e) { if (e.origin === ${JSON.stringify(app)} && e.data && e.data.type === 'loopscope:resize') document.querySelector('iframe').style.height = e.data.height + 'px'; });</script>`;
  const link = `${app}/${await hashOf(page, { source: GATHER, step: 3, embed: { views: ['timeline', 'console'] } })}`;
  await page.goto(host.put('/plain.html', { html: hostPageHtml(code(link)), headers: 'plain' }));
  const frame = await embeddedFrame(page);
  await expect(frame.getByTestId('scrubber')).toHaveValue('3');
  expect(await shownViews(frame)).toEqual(['timeline', 'console']);
  // The frame is not cross-origin isolated (its host is not).
  expect(await frame.evaluate(() => crossOriginIsolated)).toBe(false);

  // The height messages: numbers, from the app's origin, and the iframe follows them.
  const messages = () =>
    page.evaluate(() => (window as unknown as { __messages: { origin: string; data: { type: string; height: number } }[] }).__messages);
  await expect.poll(async () => (await messages()).length).toBeGreaterThan(0);
  const last = (await messages()).at(-1);
  expect(last?.origin).toBe(app);
  expect(last?.data.type).toBe('loopscope:resize');
  expect(typeof last?.data.height).toBe('number');
  const contentHeight = await frame.evaluate(() => Math.ceil(document.querySelector('.app.embed')?.getBoundingClientRect().height ?? 0));
  await expect.poll(async () => (await messages()).at(-1)?.data.height).toBe(contentHeight);
  await expect.poll(() => page.locator('iframe').evaluate((f) => Math.round(f.getBoundingClientRect().height))).toBe(contentHeight);
  expect(contentHeight).toBeGreaterThan(300);

  // Stop, where the frame cannot interrupt Python: a note says so, and Stop still ends the run.
  const spin = `${app}/${await hashOf(page, { source: SLOW_SPIN, embed: { views: ['console'] } })}`;
  await page.goto(host.put('/spin.html', { html: hostPageHtml(code(spin)), headers: 'plain' }));
  await expect(page.locator('iframe')).toBeVisible();
  const spinFrame = page.frames().find((f) => f !== page.mainFrame());
  if (spinFrame === undefined) throw new Error('no frame');
  await expect(spinFrame.locator('.app.embed[data-status="running"]')).toBeVisible({ timeout: 150_000 });
  await expect(spinFrame.getByTestId('status')).not.toContainText(/Starting|Waiting/, { timeout: 150_000 });
  await expect(spinFrame.getByTestId('embed-stop-note')).toContainText('Stop restarts Python in this frame');
  await spinFrame.getByTestId('stop').click();
  await expect(spinFrame.locator('.app.embed[data-status="done"]')).toBeVisible({ timeout: 30_000 });
  await expect(spinFrame.getByTestId('run-end')).toHaveAttribute('data-end', 'stopped');
  await expect(spinFrame.getByTestId('notice')).toHaveAttribute('data-kind', 'stopped-restarted');
});

/**
 * A cross-origin isolated host (COOP + COEP) can make the frame isolated too, when its iframe
 * allows it: then Stop interrupts Python instead of restarting it. `credentialless` (Chromium)
 * loads the frame even from a server without Cross-Origin-Resource-Policy; the app sends
 * `CORP: cross-origin` (vite/securityHeaders.ts) so `allow` alone works as well.
 */
for (const attributes of ['allow="cross-origin-isolated" credentialless', 'allow="cross-origin-isolated"']) {
  test(`on a cross-origin isolated course page, <iframe ${attributes}>: the frame is isolated and Stop interrupts Python`, async ({ page }) => {
    const app = (await page.goto('/'), appOrigin(page));
    const spin = `${app}/${await hashOf(page, { source: SLOW_SPIN, embed: { views: ['console'] } })}`;
    const html = hostPageHtml(`<iframe src="${spin}" title="Loopscope" data-loopscope-embed style="width:100%;height:400px;border:0" ${attributes}></iframe>`);
    await page.goto(host.put(`/isolated-${attributes.length}.html`, { html, headers: 'isolated' }));
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect(page.locator('iframe')).toBeVisible();
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (frame === undefined) throw new Error('no frame');
    await expect(frame.locator('.app.embed[data-status="running"]')).toBeVisible({ timeout: 150_000 });
    expect(await frame.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect(frame.getByTestId('status')).not.toContainText(/Starting|Waiting/, { timeout: 150_000 });
    await expect(frame.getByTestId('embed-stop-note')).toHaveCount(0);
    await frame.getByTestId('stop').click();
    await expect(frame.locator('.app.embed[data-status="done"]')).toBeVisible({ timeout: 30_000 });
    await expect(frame.getByTestId('run-end')).toHaveAttribute('data-end', 'stopped');
    // Interrupted, not restarted: no notice about a restart, and the partial trace has the print.
    await expect(frame.getByTestId('notice')).toHaveCount(0);
    await frame.getByTestId('jump-end').click();
    await expect(frame.getByTestId('console')).toContainText('spinning forever');
  });
}

for (const lang of ['en', 'zh'] as const) {
  test(`the Embed dialog's code, pasted into a course page of another origin, works there (${lang})`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await page.evaluate((l) => localStorage.setItem('loopscope.lang', l), lang);
    await gotoHash(page, await hashOf(page, { source: GATHER, step: 3 }));
    await waitForStatus(page, 'done');
    await page.getByTestId('step-forward').click();
    await page.getByTestId('embed-button').click();
    const dialog = page.getByTestId('embed-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('h2')).toHaveText(lang === 'zh' ? '嵌入到网页' : 'Embed in a web page');
    await expect(page.getByTestId('embed-opens-at')).toContainText('4');
    // The teacher keeps the timeline and console only, hides the program and asks for autoplay.
    for (const view of ['narration', 'ready', 'timers']) await page.getByTestId(`embed-view-${view}`).uncheck();
    await page.getByTestId('embed-editor-hidden').check();
    await page.getByTestId('embed-autoplay').check();
    await page.getByTestId('embed-speed').selectOption('5');
    await snapshot(page, `embed-dialog-${lang}`);
    await page.getByTestId('embed-copy').click();
    await expect(page.getByTestId('embed-copy')).toHaveText(lang === 'zh' ? '已复制' : 'Copied');
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toBe(await page.getByTestId('embed-code').inputValue());
    expect(code).toContain('&amp;step=4&amp;');
    expect(code).toContain('&amp;embed=1&amp;views=timeline,console&amp;play=1&amp;speed=5&amp;editor=hidden');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    await page.goto(host.put(`/dialog-${lang}.html`, { html: hostPageHtml(code, lang), headers: 'plain' }));
    const frame = await embeddedFrame(page);
    expect(await shownViews(frame)).toEqual(['timeline', 'console']);
    await expect(frame.locator('.monaco-editor')).toHaveCount(0);
    await expect(frame.getByTestId('open-in-loopscope')).toHaveText(lang === 'zh' ? '在 Loopscope 中打开 ↗' : 'Open in Loopscope ↗');
    // Autoplay from step 4 at 5 steps a second: the scrubber moves on by itself.
    await expect.poll(async () => Number(await frame.getByTestId('scrubber').inputValue()), { timeout: 20_000 }).toBeGreaterThan(5);
    // The pasted script keeps the frame as tall as the embed's content.
    const contentHeight = () => frame.evaluate(() => Math.ceil(document.querySelector('.app.embed')?.getBoundingClientRect().height ?? 0));
    await expect
      .poll(async () => (await page.locator('iframe').evaluate((f) => Math.round(f.getBoundingClientRect().height))) - (await contentHeight()))
      .toBe(0);
    await frame.getByTestId('jump-end').click();
    await expect(frame.getByTestId('console')).toContainText('prices:');
    await page.locator('iframe').scrollIntoViewIfNeeded();
    await snapshot(page, `embed-in-host-page-${lang}`);
  });
}
