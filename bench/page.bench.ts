/**
 * The page in a real browser (Debian's Chromium, as the e2e tests): how long until the editor
 * shows and until Python is ready, cold (a fresh browser context) and with a warm HTTP cache
 * (a reload), median of 3; how long a seek in a 100,000-step trace takes until the DOM shows
 * the new step; and the frame rate while scrubbing through that trace, a step per frame.
 * Serves dist/ with `vite preview` on a free port (builds first if dist/ is missing) and stops
 * it at the end. Prints one JSON line.
 *
 * The trace comes from the CLI with raised limits (`loopscope trace --max-steps 200000`) and
 * is shown with the `loadTrace` test hook; seeks go through the store's `seek`, the path the
 * scrubber takes. Seeks a frame apart are a scrub (src/store/playbackSlice.ts: the heavy panes
 * lag it and settle when it stops), so the seek figures space their seeks SCRUB_SETTLE_MS apart:
 * each is a seek on its own, which every view shows in the same render as the step label.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { freePort, portIsFree, waitForServer } from './ports';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { testHooksStorageState } from '../src/app/testHooksFlag';
import { parseTrace } from '../src/protocol/schema';
import { profileScrub } from './pageProfile';
import { SCRUB_SETTLE_MS } from '../src/store/scrubPace';
import { TRACE_VERSION, type Trace } from '../src/protocol/trace';

const ROOT = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const RUNS = 3;
const SEEKS = 200;
const SCRUB_FRAMES = 180;
const PROGRAM = path.join(ROOT, 'bench/programs/hundred_thousand_steps.py');
/** Cached between runs (making it takes the CLI a while); named by version, as other checkouts share tmp. */
const TRACE_FILE = path.join(tmpdir(), `loopscope-page-bench-100k-v${TRACE_VERSION}.json`);
/** 1,000 tasks in line for one Semaphore: the Objects view and the await graph at their biggest. */
const SEMAPHORE_PROGRAM = path.join(ROOT, 'bench/programs/thousand_on_semaphore.py');
const SEMAPHORE_TRACE_FILE = path.join(tmpdir(), `loopscope-page-bench-semaphore-v${TRACE_VERSION}.json`);

/** The bits of the page's globals the measuring code uses (this file is checked without the DOM lib). */
interface PageGlobals {
  readonly document: { querySelector(selector: string): { textContent: string | null; getAttribute(name: string): string | null } | null };
  readonly MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  readonly performance: { now(): number };
  readonly requestAnimationFrame: (callback: () => void) => number;
  readonly setTimeout: (callback: () => void, ms: number) => number;
  readonly __loopscope?: { setSource(text: string): void; loadTrace(trace: Trace): void; seek(cursor: { step: number }): void };
  __loadMarks?: { editor?: number; ready?: number };
}

/** Marks, in ms since navigation start, when `.monaco-editor` shows and `data-status` becomes ready. */
const LOAD_MARKS_SCRIPT = `(() => {
  const marks = (window.__loadMarks = {});
  const check = () => {
    if (marks.editor === undefined && document.querySelector('.monaco-editor')) marks.editor = performance.now();
    if (marks.ready === undefined && document.querySelector('.app[data-status="ready"]')) marks.ready = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'class'] });
})();`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

async function loadMarks(page: Page): Promise<{ editor: number; ready: number }> {
  await page.locator('.monaco-editor').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.app[data-status="ready"]').waitFor({ timeout: 60_000 });
  const marks = await page.evaluate(() => (globalThis as unknown as PageGlobals).__loadMarks ?? {});
  if (marks.editor === undefined || marks.ready === undefined) throw new Error('load marks missing');
  return { editor: marks.editor, ready: marks.ready };
}

async function loadTimes(browser: Browser, url: string) {
  const cold: { editor: number; ready: number }[] = [];
  const warm: { editor: number; ready: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await context.addInitScript(LOAD_MARKS_SCRIPT);
    const page = await context.newPage();
    await page.goto(url);
    cold.push(await loadMarks(page));
    await page.reload();
    warm.push(await loadMarks(page));
    await context.close();
  }
  return { cold, warm };
}

function traceOf100kSteps(): Trace {
  return traceOf(PROGRAM, TRACE_FILE);
}

/** The trace of `program`, cached in `file`; a cached trace the page's schema refuses is made again. */
function traceOf(program: string, file: string): Trace {
  if (existsSync(file)) {
    // The page refuses a trace its schema does not accept (loadTrace checks it): a stale cache
    // from an older engine is made again rather than failing the bench.
    const cached = parseTrace(JSON.parse(readFileSync(file, 'utf8')));
    if (cached.ok) return cached.value;
    console.log(`page bench: the cached trace is refused (${cached.error}); making it again`);
    rmSync(file);
  }
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin/loopscope.mjs'), 'trace', program, '--max-steps', '200000', '-o', file], {
    stdio: 'inherit',
  });
  if (cli.status !== 0) throw new Error('loopscope trace failed');
  const made = parseTrace(JSON.parse(readFileSync(file, 'utf8')));
  if (!made.ok) throw new Error(`loopscope trace made a trace the page refuses: ${made.error}`);
  return made.value;
}

/** A fresh page with the engine ready, showing `trace` (its program in the editor) at step 0. */
async function pageShowing(browser: Browser, url: string, trace: Trace): Promise<Page> {
  // Asks the production build for its test hooks (src/app/testHooksFlag.ts): loadTrace, seek.
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, storageState: testHooksStorageState(new URL(url).origin) });
  // tsx (esbuild's keepNames) wraps named functions in __name(): give the page a no-op one.
  await page.addInitScript('window.__name = (f) => f;');
  await page.goto(url);
  await page.locator('.app[data-status="ready"]').waitFor({ timeout: 60_000 });
  await page.locator('.monaco-editor').waitFor({ state: 'visible' });
  await page.evaluate((t) => {
    const hooks = (globalThis as unknown as PageGlobals).__loopscope;
    hooks?.setSource(t.source);
    hooks?.loadTrace(t);
  }, trace);
  await page.getByTestId('step-label').filter({ hasText: `/ ${trace.stats.steps} ` }).waitFor();
  return page;
}

/** The same `count` cursors every time (a small LCG), spread over the whole run. */
function seekTargets(steps: number, count: number): number[] {
  let seed = 12345;
  const targets: number[] = [];
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    targets.push(1 + (seed % steps));
  }
  return targets;
}

async function seekTimes(browser: Browser, url: string, trace: Trace): Promise<{ commit: number[]; frame: number[]; steps: number }> {
  const page = await pageShowing(browser, url, trace);
  const times = await loneSeeks(page, seekTargets(trace.stats.steps, SEEKS));
  await page.close();
  return { commit: times.commit, frame: times.frame, steps: trace.stats.steps };
}

/**
 * Seeks on their own, one to each cursor, SCRUB_SETTLE_MS apart: for each, the ms from the seek
 * until the step label in the DOM says the new step (React committed the render, every view's
 * included: outside a scrub no view renders a step later), and until the next frame.
 */
async function loneSeeks(page: Page, cursors: readonly number[]): Promise<{ commit: number[]; frame: number[] }> {
  const times = await page.evaluate(async ({ cursors, settleMs }) => {
    const g = globalThis as unknown as PageGlobals;
    const label = g.document.querySelector('[data-testid="step-label"]');
    const controls = g.document.querySelector('.controls');
    const frame = () => new Promise<void>((resolve) => g.requestAnimationFrame(() => resolve()));
    const commit: number[] = [];
    const framed: number[] = [];
    let scrubbed = 0;
    for (const step of cursors) {
      // Past the scrub window: this seek is one on its own, shown by every view at once.
      await new Promise<void>((resolve) => g.setTimeout(resolve, settleMs + 5));
      await frame();
      const shows = () => (label?.textContent ?? '').startsWith(`Step ${step} /`);
      const t0 = g.performance.now();
      // Until the step label in the DOM says the new step (React commits it), then the next frame.
      const updated = new Promise<void>((resolve) => {
        const observer = new g.MutationObserver(() => {
          if (shows()) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(label, { subtree: true, childList: true, characterData: true });
      });
      g.__loopscope?.seek({ step });
      if (!shows()) await updated;
      commit.push(g.performance.now() - t0);
      // The heavy panes lag only during a scrub: a seek measured as one must not be part of one
      // (a build from before scrubs were paced has no such attribute).
      if (controls?.getAttribute('data-scrubbing') === 'true') scrubbed++;
      await frame();
      framed.push(g.performance.now() - t0);
    }
    return { commit, framed, scrubbed };
  }, { cursors, settleMs: SCRUB_SETTLE_MS });
  if (times.scrubbed > 0) throw new Error(`${times.scrubbed} of the seeks were taken for a scrub: their figures would leave the panes out`);
  return { commit: times.commit, frame: times.framed };
}

/**
 * Scrubbing as a learner drags the scrubber across the run: a new step at every animation frame
 * (180 frames, from the first step to the last), and how often frames came: frames per second,
 * and the share of frame intervals longer than 1.5 × 16.7 ms (a frame dropped).
 */
async function scrubFrames(browser: Browser, url: string, trace: Trace): Promise<{ fps: number; dropped: number; p95: number; settle: number }> {
  const page = await pageShowing(browser, url, trace);
  const intervals = await scrubIntervals(page, trace);
  const settle = await scrubSettles(page, trace.stats.steps);
  await page.close();
  const total = intervals.reduce((a, b) => a + b, 0);
  return {
    fps: (intervals.length / total) * 1000,
    dropped: intervals.filter((ms) => ms > 25).length / intervals.length,
    p95: percentile(intervals, 95),
    settle,
  };
}

/**
 * Right after the scrub's last frame: how long until the scrub is over (`data-scrubbing`
 * false), when every pane shows the last step (SCRUB_SETTLE_MS, then one render of them all).
 * 0 on a build from before scrubs were paced (no `data-scrubbing`: every pane showed every step).
 */
function scrubSettles(page: Page, steps: number): Promise<number> {
  return page.evaluate(async (steps) => {
    const g = globalThis as unknown as PageGlobals;
    const t0 = g.performance.now();
    const controls = g.document.querySelector('.controls');
    const label = g.document.querySelector('[data-testid="step-label"]');
    if (!(label?.textContent ?? '').startsWith(`Step ${steps} /`)) throw new Error('the scrub did not end on the last step');
    while (controls?.getAttribute('data-scrubbing') === 'true') await new Promise<void>((resolve) => g.requestAnimationFrame(() => resolve()));
    return g.performance.now() - t0;
  }, steps);
}

/** The scrub itself, on a page showing `trace`: the intervals between its frames, in ms. */
function scrubIntervals(page: Page, trace: Trace): Promise<number[]> {
  const steps = trace.stats.steps;
  return page.evaluate(
    async ({ steps, frames }) => {
      const g = globalThis as unknown as PageGlobals;
      const gaps: number[] = [];
      await new Promise<void>((done) => {
        let i = 0;
        let last = g.performance.now();
        const tick = (): void => {
          const now = g.performance.now();
          if (i > 0) gaps.push(now - last);
          last = now;
          if (i === frames) return done();
          g.__loopscope?.seek({ step: 1 + Math.floor((i * (steps - 1)) / (frames - 1)) });
          i++;
          g.requestAnimationFrame(tick);
        };
        g.requestAnimationFrame(tick);
      });
      return gaps;
    },
    { steps, frames: SCRUB_FRAMES },
  );
}

/**
 * `--semaphore [DIST]`: only the 1,000-task Semaphore seeks and scrub (a minute instead of many);
 * `--100k [DIST]`: only the 100,000-step trace's. Served from DIST (default dist/), so two builds
 * can be compared run for run. `--port N` serves on port N; `--profile` profiles the scrub,
 * `--profile-seeks` seeks on their own.
 */
const ONLY = process.argv.includes('--semaphore') ? '--semaphore' : process.argv.includes('--100k') ? '--100k' : null;
const DIST = ONLY === null ? undefined : process.argv[process.argv.indexOf(ONLY) + 1];
/** `--profile` (with `--semaphore` or `--100k`): where a scrubbed frame's time goes, instead of the figures (pageProfile.ts). */
const PROFILE = process.argv.includes('--profile');
/** `--profile-seeks` (with `--semaphore` or `--100k`): the same for PROFILED_SEEKS seeks on their own, per seek. */
const PROFILE_SEEKS = process.argv.includes('--profile-seeks');
const PROFILED_SEEKS = 60;
/** `--port N`: serve on this port rather than a free one (developers sharing a machine keep to their own range). */
const PORT_ARG = process.argv.includes('--port') ? Number(process.argv[process.argv.indexOf('--port') + 1]) : null;

async function main(): Promise<void> {
  // Only this checkout's dist/ is built when missing: a DIST given is measured as it is.
  if (DIST === undefined && !existsSync(path.join(ROOT, 'dist/index.html'))) {
    const built = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  if (PORT_ARG !== null && !(Number.isInteger(PORT_ARG) && PORT_ARG > 0 && PORT_ARG < 65536)) {
    throw new Error(`--port wants a port number (1-65535), not ${process.argv[process.argv.indexOf('--port') + 1] ?? 'nothing'}`);
  }
  // A server left on the port would answer in place of this build's: refuse rather than measure it.
  if (PORT_ARG !== null && !(await portIsFree(PORT_ARG))) throw new Error(`port ${PORT_ARG} is taken (an old preview server?)`);
  const port = PORT_ARG ?? (await freePort());
  const outDir = DIST === undefined ? [] : ['--outDir', DIST];
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...outDir], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}/`;
  let browser: Browser | null = null;
  try {
    await waitForServer(url);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    });
    if (ONLY !== null) {
      const only = ONLY === '--semaphore' ? traceOf(SEMAPHORE_PROGRAM, SEMAPHORE_TRACE_FILE) : traceOf100kSteps();
      if (PROFILE) {
        const page = await pageShowing(browser, url, only);
        // PROFILE_CSS='…' adds a style sheet first: what a CSS change would save, without a build.
        if (process.env.PROFILE_CSS !== undefined) await page.addStyleTag({ content: process.env.PROFILE_CSS });
        await profileScrub(page, SCRUB_FRAMES, () => scrubIntervals(page, only));
        await page.close();
        return;
      }
      if (PROFILE_SEEKS) {
        const page = await pageShowing(browser, url, only);
        await profileScrub(page, PROFILED_SEEKS, () => loneSeeks(page, seekTargets(only.stats.steps, PROFILED_SEEKS)), 'seek');
        await page.close();
        return;
      }
      const seek = await seekTimes(browser, url, only);
      const scrub = await scrubFrames(browser, url, only);
      console.log(
        JSON.stringify({
          bench: `page ${ONLY}`,
          seekRenderMedianMs: round(median(seek.commit)),
          seekRenderP95Ms: round(percentile(seek.commit, 95)),
          seekNextFrameP95Ms: round(percentile(seek.frame, 95)),
          scrubFps: round(scrub.fps),
          scrubFrameP95Ms: round(scrub.p95),
          scrubSettleMs: round(scrub.settle),
        }),
      );
      return;
    }
    const trace = traceOf100kSteps();
    const load = await loadTimes(browser, url);
    const seek = await seekTimes(browser, url, trace);
    const scrub = await scrubFrames(browser, url, trace);
    const semaphoreTrace = traceOf(SEMAPHORE_PROGRAM, SEMAPHORE_TRACE_FILE);
    const semaphoreSeek = await seekTimes(browser, url, semaphoreTrace);
    const semaphoreScrub = await scrubFrames(browser, url, semaphoreTrace);
    console.log(
      JSON.stringify({
        bench: 'page',
        editorVisibleColdMs: round(median(load.cold.map((m) => m.editor))),
        editorVisibleWarmMs: round(median(load.warm.map((m) => m.editor))),
        engineReadyColdMs: round(median(load.cold.map((m) => m.ready))),
        engineReadyWarmMs: round(median(load.warm.map((m) => m.ready))),
        seekRenderMedianMs: round(median(seek.commit)),
        seekRenderP95Ms: round(percentile(seek.commit, 95)),
        seekRenderMaxMs: round(Math.max(...seek.commit)),
        seekNextFrameMedianMs: round(median(seek.frame)),
        seekNextFrameP95Ms: round(percentile(seek.frame, 95)),
        seeks: SEEKS,
        scrubFps: round(scrub.fps),
        scrubFrameP95Ms: round(scrub.p95),
        scrubDroppedPercent: round(scrub.dropped * 100),
        steps: seek.steps,
        thousandOnSemaphore: {
          seekRenderMedianMs: round(median(semaphoreSeek.commit)),
          seekRenderP95Ms: round(percentile(semaphoreSeek.commit, 95)),
          seekRenderMaxMs: round(Math.max(...semaphoreSeek.commit)),
          scrubFps: round(semaphoreScrub.fps),
          scrubFrameP95Ms: round(semaphoreScrub.p95),
          scrubDroppedPercent: round(semaphoreScrub.dropped * 100),
          steps: semaphoreSeek.steps,
        },
      }),
    );
  } finally {
    await browser?.close();
    // vite preview runs under npx: end the whole process group we started.
    if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
  }
}

await main();
