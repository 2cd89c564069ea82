/**
 * A first visit on a slow link (issue 14): Chromium's network emulation (CDP
 * `Network.emulateNetworkConditions`, 10 Mbit/s, 40 ms) on a fresh context. While Python
 * downloads, the status says how much of it has come, with a bar that moves, in English and
 * Chinese; the editor is usable meanwhile; a Run pressed before Python is ready waits and starts
 * when it is; and what crosses the link is the precompressed files (brotli), not the raw ones.
 */
import { expect, test, type Browser, type CDPSession, type Page } from '@playwright/test';
import { pageTrace, snapshot, waitForStatus } from './helpers';

test.describe.configure({ timeout: 240_000 });

const MBIT = 1e6 / 8;

interface Transfer {
  readonly url: string;
  readonly encoded: number;
  readonly encoding: string | null;
}

/**
 * A fresh context whose page is on an emulated link (the page's CDP session: the emulation covers
 * its dedicated workers' requests too, which the boot's timing shows), and every response's body
 * bytes as sent.
 */
async function onSlowLink(browser: Browser, mbits: number, locale = 'en-US'): Promise<{ page: Page; cdp: CDPSession; transfers: Transfer[] }> {
  // The reader's browser language decides the page's (no link, no saved choice in a fresh context).
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 40,
    downloadThroughput: mbits * MBIT,
    uploadThroughput: mbits * MBIT,
  });
  // Playwright's page hears the engine worker's requests too (CDP's page session does not).
  const transfers: Transfer[] = [];
  page.on('requestfinished', (request) => {
    void (async () => {
      const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
      transfers.push({ url: request.url(), encoded: sizes.responseBodySize, encoding: response?.headers()['content-encoding'] ?? null });
    })();
  });
  return { page, cdp, transfers };
}

/** The bar's value and max while it is shown, sampled until it has moved twice (or the boot ended). */
async function barSamples(page: Page): Promise<{ value: number; max: number }[]> {
  const bar = page.getByTestId('boot-progress');
  await expect(bar).toBeVisible({ timeout: 30_000 });
  const samples: { value: number; max: number }[] = [];
  for (let i = 0; i < 40 && (await bar.isVisible()); i++) {
    const sample = await bar.evaluate((el: HTMLProgressElement) => ({ value: el.value, max: el.max }));
    if (samples.at(-1)?.value !== sample.value) samples.push(sample);
    if (samples.length >= 3) break;
    await page.waitForTimeout(300);
  }
  return samples;
}

for (const lang of ['en', 'zh'] as const) {
  test(`on 10 Mbit/s the status shows Python's download as it comes (${lang}), and the editor works meanwhile`, async ({ browser }) => {
    const { page, transfers } = await onSlowLink(browser, 10, lang === 'zh' ? 'zh-CN' : 'en-US');
    await page.goto('/');
    const samples = await barSamples(page);
    // It moves, toward a total of the boot's files (wasm 9.6 MB, stdlib 2.5 MB, snapshot ~15 MB, decoded).
    expect(samples.length, JSON.stringify(samples)).toBeGreaterThanOrEqual(2);
    const last = samples.at(-1);
    expect(last?.max).toBeGreaterThan(20e6);
    expect(last?.value).toBeGreaterThan(samples[0]?.value ?? Infinity);
    const text = (await page.getByTestId('status-text').textContent()) ?? '';
    if (lang === 'en') expect(text).toMatch(/^Starting Python: \d+\.\d of \d+\.\d MB$/);
    else expect(text).toMatch(/^正在启动 Python：\d+\.\d \/ \d+\.\d MB$/);
    // The tooltip names each file and what comes next.
    const detail = (await page.getByTestId('status').getAttribute('title')) ?? '';
    expect(detail.split('\n')).toHaveLength(4);
    await snapshot(page, `slow-network-progress-${lang}`);
    // The editor takes typing while Python downloads.
    await page.locator('.monaco-editor').click();
    await page.keyboard.press('End');
    await page.keyboard.type('  # typed while Python downloads');
    await expect(page.locator('.monaco-editor')).toContainText('typed while Python downloads');
    await waitForStatus(page, 'ready', 180_000);
    await expect(page.getByTestId('boot-progress')).toHaveCount(0);
    // What crossed the link: the big files compressed (brotli), far under their 27 MB raw.
    const wasm = transfers.find((t) => t.url.endsWith('/pyodide/pyodide.asm.wasm'));
    const snap = transfers.find((t) => t.url.endsWith('.snap'));
    expect(wasm?.encoding).toBe('br');
    expect(snap?.encoding).toBe('br');
    expect(wasm?.encoded ?? Infinity).toBeLessThan(3.2e6);
    expect(snap?.encoded ?? Infinity).toBeLessThan(5e6);
    await page.context().close();
  });
}

test('a Run pressed while Python downloads waits, says so, and runs when Python is ready', async ({ browser }) => {
  const { page } = await onSlowLink(browser, 10);
  await page.goto('/');
  await expect(page.getByTestId('boot-progress')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status-text')).toContainText(/^Waiting for Python \(\d+\.\d of \d+\.\d MB\), then running$/);
  await waitForStatus(page, 'done', 180_000);
  const trace = await pageTrace(page);
  expect(trace.end.kind).toBe('ok');
  expect(trace.stdout.length).toBeGreaterThan(0);
  await page.context().close();
});
