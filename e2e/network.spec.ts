/**
 * The simulated network in the page (issue 10): a tutorial crawler, Semaphore(10) over 50 URLs,
 * stepped through as a learner would. At every step the timers panel lists at most 10 request
 * timers (exactly 10 at the peak), the waiting lanes agree, and the words name the request (GET
 * and its URL) and say it is simulated, in English and in Chinese. A blocking requests.get and
 * an unreadable network comment are said in both languages too.
 */
import { expect, test, type Page } from '@playwright/test';
import { snapshot, waitForStatus } from './helpers';
import { openApp, runAndWait, setSource } from './runInPage';

const CRAWLER = `import asyncio

import aiohttp

URLS = [f"https://example.com/articles/{i}" for i in range(50)]


async def fetch(session, semaphore, url):
    async with semaphore:
        async with session.get(url) as response:
            return response.status


async def main():
    semaphore = asyncio.Semaphore(10)
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, semaphore, url) for url in URLS))
    print(len(statuses), "pages")


asyncio.run(main())
`;

const BLOCKING = `# loopscope: net https://example.com/* latency=soon
import asyncio

import requests


async def main():
    print(requests.get("https://example.com/slow").status_code)


asyncio.run(main())
`;

/** What the page shows at the current step, read from the panels' own rows. */
interface Shown {
  readonly requestTimers: number;
  readonly owners: readonly string[];
  readonly kinds: readonly string[];
  readonly lanesWaitingOnRequest: number;
  readonly narration: string;
  /** Step forward is enabled (read with the rest: one round trip into the page per step, not three). */
  readonly canStepForward: boolean;
}

async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const timers = [...document.querySelectorAll('[data-testid="timer-item"][data-kind="request"]:not([data-cancelled])')];
    const lanes = [...document.querySelectorAll('[data-testid="task-lane"][data-waiting-for]')];
    return {
      requestTimers: timers.length,
      owners: timers.map((t) => t.querySelector('.timers-owner')?.textContent ?? ''),
      kinds: timers.map((t) => t.querySelector('.timers-kind')?.textContent ?? ''),
      // A request on the wire, not one queued for a connection or a task waiting on the semaphore.
      lanesWaitingOnRequest: lanes.filter((l) => /^GET https:\/\/example\.com\/articles\/\d+ \(simulated\)$/.test(l.getAttribute('data-waiting-for') ?? '')).length,
      narration: document.querySelector('[data-testid="narration"]')?.textContent ?? '',
      canStepForward: document.querySelector<HTMLButtonElement>('[data-testid="step-forward"]')?.disabled === false,
    };
  });
}

/** Back to step 0 (a fresh run opens there already, with the button disabled). */
async function toStart(page: Page): Promise<void> {
  const start = page.getByTestId('jump-start');
  if (await start.isEnabled()) await start.click();
}

test.use({ viewport: { width: 1600, height: 1400 } });

test('a Semaphore(10) crawler over 50 URLs never shows more than 10 requests in flight, labelled GET and the URL', async ({ page }) => {
  test.setTimeout(240_000);
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) outside.push(r.url());
  });
  await openApp(page);
  await setSource(page, CRAWLER);
  expect((await runAndWait(page, 120_000)).status).toBe('done');
  await toStart(page);

  let peak = 0;
  let peakLanes = 0;
  let sawResponse = false;
  let steps = 0;
  let peakStep = 0;
  const forward = page.getByTestId('step-forward');
  let canStep = await forward.isEnabled();
  while (canStep) {
    await forward.click();
    steps++;
    const now = await shown(page);
    canStep = now.canStepForward;
    expect(now.requestTimers, `step ${steps}`).toBeLessThanOrEqual(10);
    expect(now.lanesWaitingOnRequest, `step ${steps}`).toBeLessThanOrEqual(10);
    for (const owner of now.owners) expect(owner).toMatch(/^response to GET https:\/\/example\.com\/articles\/\d+ for fetch \(Task-\d+\)$/);
    for (const kind of now.kinds) expect(kind).toBe('simulated request');
    if (now.requestTimers > peak) {
      peak = now.requestTimers;
      peakStep = steps;
      await snapshot(page, 'network-crawler-peak-en');
    }
    peakLanes = Math.max(peakLanes, now.lanesWaitingOnRequest);
    if (/the simulated response to GET https:\/\/example\.com\/articles\/\d+ arrives for fetch/.test(now.narration)) sawResponse = true;
  }
  // The loop ran off the page's own disabled state: Playwright must agree that the end was reached.
  await expect(forward).toBeDisabled();
  // Exactly ten at the peak: the panels show all of them, so "at most ten" is not a window's doing.
  expect(peak).toBe(10);
  expect(peakLanes).toBe(10);
  expect(sawResponse).toBe(true);
  await expect(page.getByTestId('simulated-network')).toHaveText('simulated network');
  // Where the run ends: how many requests it sent, and that none left the page.
  const networkFact = page.locator('[data-testid="run-fact"][data-fact="simulated-network"]');
  await expect(networkFact).toHaveText(
    'Simulated network: 50 requests, each answered inside the page on the virtual clock; nothing left the page.',
  );
  await page.getByTestId('run-end').screenshot({ path: 'screenshots/run-end-network-en.png' });
  expect(outside).toEqual([]);

  // The same words in Chinese, at a step with requests in flight.
  await page.getByTestId('language').selectOption('zh');
  await toStart(page);
  // At the step where the English page showed ten requests on the wire. The Chinese run-end
  // panel and Problems list are taller, so the timers list may window its rows: read what it
  // renders, and count the lanes (never windowed) for the ten.
  let zh: Shown | null = null;
  for (let step = 1; step <= peakStep && (await forward.isEnabled()); step++) {
    await forward.click();
    if (step === peakStep) zh = await shown(page);
  }
  expect(zh?.requestTimers ?? 0).toBeGreaterThan(0);
  for (const owner of zh?.owners ?? []) expect(owner).toMatch(/^fetch \(Task-\d+\) 的 GET https:\/\/example\.com\/articles\/\d+ 的响应$/);
  for (const kind of zh?.kinds ?? []) expect(kind).toBe('模拟请求');
  const waiting = await page.locator('[data-testid="task-lane"][data-waiting-for]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-waiting-for') ?? ''));
  expect(waiting.filter((w) => /^GET https:\/\/example\.com\/articles\/\d+（模拟）$/.test(w))).toHaveLength(10);
  await expect(page.getByTestId('simulated-network')).toHaveText('模拟网络');
  await expect(networkFact).toHaveText('模拟网络：50 个请求，都在页面内按虚拟时钟得到回应；没有任何请求离开页面。');
  await page.getByTestId('run-end').screenshot({ path: 'screenshots/run-end-network-zh.png' });
  await snapshot(page, 'network-crawler-peak-zh');
  // Step on until a response arrives, and read the narration.
  while (await forward.isEnabled()) {
    await forward.click();
    const narration = (await page.getByTestId('narration').textContent()) ?? '';
    if (narration.includes('的模拟响应到达')) {
      expect(narration).toMatch(/GET https:\/\/example\.com\/articles\/\d+ 的模拟响应到达，交给 fetch（Task-\d+）/);
      await snapshot(page, 'network-crawler-response-zh');
      break;
    }
  }
});

test('requests.get blocks the whole loop, and an unreadable network comment is said, in both languages', async ({ page }) => {
  await openApp(page);
  await setSource(page, BLOCKING);
  expect((await runAndWait(page, 120_000)).status).toBe('done');
  await expect(page.getByTestId('run-notice')).toHaveText(
    'line 1: this network comment is ignored: latency must be a number of seconds from 0 up (2.5, 2.5s, 250ms), not "soon"',
  );
  await toStart(page);
  const forward = page.getByTestId('step-forward');
  let said = '';
  while (await forward.isEnabled()) {
    await forward.click();
    said = (await page.getByTestId('narration').textContent()) ?? '';
    if (said.includes('blocks the whole loop')) break;
  }
  expect(said).toMatch(/^main starts, blocks the whole loop for [\d.]+ s with the requests call GET https:\/\/example\.com\/slow \(simulated\) at line 8/);
  await snapshot(page, 'network-blocking-en');
  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByTestId('narration')).toContainText('在第 8 行用 requests 的阻塞调用 GET https://example.com/slow（模拟）把整个事件循环阻塞了');
  await expect(page.getByTestId('run-notice')).toHaveText('第 1 行：这条网络注释被忽略了：latency 必须是不小于 0 的秒数（2.5、2.5s、250ms），而不是 "soon"');
  await snapshot(page, 'network-blocking-zh');
  await waitForStatus(page, 'done');
});

const POLICY = `import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://httpbin.org/json") as response:
            print(response.status)


asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())
asyncio.run(main())
`;

test('the run-end panel says the deprecated API a run called and the simulated requests it sent, in both languages', async ({ page }) => {
  await openApp(page);
  await setSource(page, POLICY);
  expect((await runAndWait(page, 120_000)).status).toBe('done');
  const facts = page.getByTestId('run-fact');
  await expect(facts).toHaveCount(2);
  await expect(page.locator('[data-fact="deprecated-api"]')).toHaveText(/^Deprecated: Python 3\.14 deprecates asyncio's event loop policies/);
  await expect(page.locator('[data-fact="simulated-network"]')).toHaveText(/^Simulated network: 1 request, /);
  await page.getByTestId('run-end').screenshot({ path: 'screenshots/run-end-facts-en.png' });
  await page.getByTestId('language').selectOption('zh');
  await expect(page.locator('[data-fact="deprecated-api"]')).toHaveText(/^已弃用：Python 3\.14 弃用了 asyncio 的事件循环策略/);
  await expect(page.locator('[data-fact="simulated-network"]')).toHaveText(/^模拟网络：1 个请求，/);
  await page.getByTestId('run-end').screenshot({ path: 'screenshots/run-end-facts-zh.png' });
});
