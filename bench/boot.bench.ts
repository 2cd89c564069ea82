/**
 * How fast Python is ready (issue 14): page → Python ready cold (a fresh browser context) and
 * warm (a reload at once, while the service worker may still precache; a reload after it has
 * finished; and both without the service worker, so its share can be told apart), and when the
 * editor first shows; Stop → ready to run again (a Stop that must end the worker: one long C
 * call); the CLI's boot (a whole `loopscope run` of a one-line program, and the engine thread's
 * own bootMs); the snapshot's size, raw, gzipped and brotli; and on emulated 10 and 2 Mbit/s links
 * (40 ms), cold and warm, with the snapshot and without it: page → Python ready, when the
 * download's progress first showed, and the bytes transferred. Rounds are interleaved between the builds
 * measured, so a machine that gets busier part-way skews them alike. Prints one JSON line.
 *
 *   npm run bench -- boot                         this checkout's dist/ and CLI
 *   npm run bench -- boot --before DIR            also DIR's (a checkout of the commit before,
 *                                                 built: DIR/dist and DIR/bin/loopscope.mjs)
 *   BOOT_ROUNDS=5 npm run bench -- boot           rounds per figure (default 3)
 *   BOOT_NET_ROUNDS=2 / BOOT_NETWORK=off          rounds of the emulated links (default 1) / none
 *   BOOT_LINKS=10                                 which links, in Mbit/s (default 10,2)
 *   BOOT_BLOCKED=off                              not the links' runs with the snapshot blocked
 *   BOOT_PORT=5331                                the preview servers' first port (default: any free one)
 *
 * Targets: cold ≤ 1.0 s, warm ≤ 0.5 s, CLI ≤ 0.5 s, restart ≤ 0.5 s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { freePort, waitForServer } from './ports';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { testHooksStorageState } from '../src/app/testHooksFlag';

const ROOT = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const ROUNDS = Number(process.env['BOOT_ROUNDS'] ?? 3);
const beforeFlag = process.argv.indexOf('--before');
const BEFORE = beforeFlag === -1 ? null : path.resolve(process.argv[beforeFlag + 1] ?? '');
const HELLO = path.join(ROOT, 'test/corpus/s01_hello.py');
/** One C call Python cannot interrupt: Stop has to end the worker. */
const LONG_C_CALL = 'print(sum(range(10**13)))\n';

interface Build {
  readonly name: 'before' | 'after';
  readonly dir: string;
}

/** BOOT_PORT=5331: the preview servers listen there and on the ports after it (a shared machine's agreed ports); else any free port. */
const BASE_PORT = process.env['BOOT_PORT'] === undefined ? null : Number(process.env['BOOT_PORT']);

async function serve(dist: string, index: number): Promise<{ url: string; stop: () => void }> {
  const port = BASE_PORT === null ? await freePort() : BASE_PORT + index;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url);
  // vite preview runs under npx: end the whole process group we started.
  // A group that has already ended (its server quit by itself) is not an error: the figures stand.
  const stop = (): void => {
    if (server.pid === undefined) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  return { url, stop };
}

/** Marks, in ms since navigation start, when `data-status` first becomes ready, and when the editor (Monaco) first shows. */
const READY_MARK_SCRIPT = `(() => {
  const marks = (window.__bootMarks = {});
  new MutationObserver(() => {
    if (marks.ready === undefined && document.querySelector('.app[data-status="ready"]')) marks.ready = performance.now();
    if (marks.editor === undefined && document.querySelector('.monaco-editor .view-lines')) marks.editor = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
})();`;

interface PageGlobals {
  readonly document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
  readonly MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  readonly performance: { now(): number };
  readonly __bootMarks?: { ready?: number };
}

async function readyMs(page: Page): Promise<number> {
  await page.locator('.app[data-status="ready"]').waitFor({ timeout: 120_000 });
  const ready = await page.evaluate(() => (globalThis as unknown as PageGlobals).__bootMarks?.ready);
  if (ready === undefined) throw new Error('ready mark missing');
  return ready;
}

async function editorMs(page: Page): Promise<number | null> {
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 120_000 });
  return page.evaluate(() => (globalThis as unknown as { __bootMarks?: { editor?: number } }).__bootMarks?.editor ?? null);
}

interface PageLoad {
  readonly cold: number;
  /** A reload at once, as a learner's second visit right after the first: the service worker may still be precaching. */
  readonly warm: number;
  /** A reload once the service worker has finished precaching and is active (its install is the precache); null for a build without one. */
  readonly warmSettled: number | null;
  readonly editorCold: number | null;
  readonly editorWarm: number | null;
}

async function pageLoad(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext();
  await context.addInitScript(READY_MARK_SCRIPT);
  const page = await context.newPage();
  await page.goto(url);
  const cold = await readyMs(page);
  const editorCold = await editorMs(page);
  await page.reload();
  const warm = await readyMs(page);
  const editorWarm = await editorMs(page);
  // A build without a service worker (an older checkout) registers none: its `ready` would never resolve.
  const registered = await page.evaluate(async () => {
    const sw = (globalThis as unknown as { navigator: { serviceWorker: { getRegistration(): Promise<unknown>; ready: Promise<unknown> } } }).navigator.serviceWorker;
    if ((await sw.getRegistration()) === undefined) return false;
    await sw.ready;
    return true;
  });
  await page.reload();
  const warmSettled = registered ? await readyMs(page) : null;
  await context.close();
  return { cold, warm, warmSettled, editorCold, editorWarm };
}

/** The same without the service worker (blocked): the HTTP cache alone serves the reload, so the two can be told apart. */
async function pageLoadWithoutServiceWorker(browser: Browser, url: string): Promise<{ cold: number; warm: number }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(READY_MARK_SCRIPT);
  const page = await context.newPage();
  await page.goto(url);
  const cold = await readyMs(page);
  await page.reload();
  const warm = await readyMs(page);
  await context.close();
  return { cold, warm };
}

/** An emulated link (Chromium's CDP `Network.emulateNetworkConditions`): Mbit/s both ways, 40 ms latency. */
const LINKS: readonly number[] = (process.env['BOOT_LINKS'] ?? '10,2').split(',').map(Number);
const NET_ROUNDS = Number(process.env['BOOT_NET_ROUNDS'] ?? 1);

interface NetLoad {
  /** Page → Python ready. */
  readonly readyMs: number;
  /** When the status first showed the download's figures (the bar). */
  readonly progressMs: number | null;
  /** Bytes on the wire (bodies as sent, plus headers), the worker's requests included. */
  readonly bytes: number;
  /** The same, by what they were (transferredFileOf). */
  readonly byFile: Readonly<Record<string, number>>;
}

/** What a request of a first visit fetched, for the bytes' breakdown: Python's three files, Monaco, the rest. */
function transferredFileOf(url: string): string {
  const name = new URL(url).pathname.split('/').at(-1) ?? '';
  if (name.endsWith('.wasm')) return 'wasm';
  if (name.endsWith('.zip')) return 'stdlib';
  if (name.endsWith('.snap')) return 'snapshot';
  if (/^(?:CodeEditor|editor\.worker|codicon)-/.test(name)) return 'monaco';
  return 'rest';
}

/**
 * Cold (a fresh context: empty cache) then warm (a reload: the immutable assets/ come from the
 * cache, Pyodide's files are revalidated) on an emulated link. `snapshot: false` blocks the
 * snapshot, so the boot is the normal one (a snapshot made in the page): what a first visit that
 * did not wait for the snapshot would cost.
 */
async function networkLoad(browser: Browser, url: string, mbits: number, snapshot: boolean): Promise<{ cold: NetLoad; warm: NetLoad }> {
  const context = await browser.newContext();
  await context.addInitScript(READY_MARK_SCRIPT);
  await context.addInitScript(`(() => {
    new MutationObserver(() => {
      if (window.__bootMarks && window.__bootMarks.progress === undefined && document.querySelector('[data-testid="boot-progress"]')) window.__bootMarks.progress = performance.now();
    }).observe(document, { subtree: true, childList: true });
  })();`);
  const page = await context.newPage();
  if (!snapshot) await page.route('**/assets/engine-*.snap', (route) => route.abort());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 40,
    downloadThroughput: (mbits * 1e6) / 8,
    uploadThroughput: (mbits * 1e6) / 8,
  });
  // Playwright's page hears the engine worker's requests too (the CDP page session does not).
  let bytes = 0;
  let byFile: Record<string, number> = {};
  page.on('requestfinished', (request) => {
    void request.sizes().then((sizes) => {
      const size = sizes.responseBodySize + sizes.responseHeadersSize;
      bytes += size;
      const file = transferredFileOf(request.url());
      byFile[file] = (byFile[file] ?? 0) + size;
    });
  });
  const load = async (go: () => Promise<unknown>): Promise<NetLoad> => {
    bytes = 0;
    byFile = {};
    await go();
    const readyMs_ = await readyMs(page);
    const progressMs = await page.evaluate(() => (globalThis as unknown as { __bootMarks?: { progress?: number } }).__bootMarks?.progress ?? null);
    return { readyMs: readyMs_, progressMs, bytes, byFile: { ...byFile } };
  };
  const cold = await load(() => page.goto(url));
  const warm = await load(() => page.reload());
  await context.close();
  return { cold, warm };
}

/** Stop during one long C call: from the run's end (the worker ended) until the page is ready to run again. */
async function stopToReady(browser: Browser, url: string): Promise<number> {
  // Asks the production build for its test hooks (src/app/testHooksFlag.ts): setSource.
  const context = await browser.newContext({ storageState: testHooksStorageState(new URL(url).origin) });
  const page = await context.newPage();
  // tsx (esbuild's keepNames) wraps named functions in __name(): give the page a no-op one.
  await page.addInitScript('window.__name = (f) => f;');
  await page.goto(url);
  await page.locator('.app[data-status="ready"]').waitFor({ timeout: 120_000 });
  // A learner reads the editor for a while before running: the spare (where there is one) boots meanwhile.
  await page.waitForTimeout(5_000);
  await page.evaluate((source) => (globalThis as unknown as { __loopscope?: { setSource(s: string): void } }).__loopscope?.setSource(source), LONG_C_CALL);
  await page.getByTestId('run').click();
  await page.locator('.app[data-status="running"]').waitFor();
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals & { __restart?: { ended?: number; ready?: number } };
    const marks: { ended?: number; ready?: number } = {};
    g.__restart = marks;
    const observer = new g.MutationObserver(() => {
      if (marks.ended === undefined && g.document.querySelector('[data-testid="run-end"][data-end="stopped"]')) marks.ended = g.performance.now();
      if (marks.ended !== undefined && g.document.querySelector('[data-testid="status"]')?.getAttribute('data-tone') === 'ok') {
        marks.ready = g.performance.now();
        observer.disconnect();
      }
    });
    observer.observe(g.document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.getByTestId('stop').click();
  const handle = await page.waitForFunction(
    () => {
      const marks = (globalThis as unknown as { __restart?: { ended?: number; ready?: number } }).__restart;
      return marks?.ready !== undefined && marks.ended !== undefined ? marks.ready - marks.ended : null;
    },
    undefined,
    { timeout: 120_000, polling: 20 },
  );
  const ms = (await handle.jsonValue()) as number;
  await context.close();
  return ms;
}

/** A whole `loopscope run` of a one-line program (process start to exit) and the engine thread's bootMs. */
function cliBoot(dir: string, env: NodeJS.ProcessEnv = process.env): { wallMs: number; bootMs: number } {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [path.join(dir, 'bin/loopscope.mjs'), 'run', HELLO], { cwd: dir, env, encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (run.status !== 0 || run.stdout !== 'Hello\nWorld\n') throw new Error(`loopscope run failed: ${run.stderr}`);
  const bench = spawnSync(process.execPath, [path.join(dir, 'bin/loopscope.mjs'), 'bench', HELLO], { cwd: dir, env, encoding: 'utf8' });
  const figures = JSON.parse(bench.stdout) as { bootMs: number };
  return { wallMs, bootMs: figures.bootMs };
}

function snapshotSize(dist: string): { file: string; bytes: number; gzipBytes: number; brotliBytes: number | null } | null {
  const name = readdirSync(path.join(dist, 'assets')).find((n) => n.endsWith('.snap'));
  if (name === undefined) return null;
  const bytes = readFileSync(path.join(dist, 'assets', name));
  // The build's own brotli copy (vite/precompressPlugin.ts), when it made one.
  const br = path.join(dist, 'assets', `${name}.br`);
  return { file: name, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 6 }).length, brotliBytes: existsSync(br) ? readFileSync(br).length : null };
}

const range = (values: readonly number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] ?? NaN;
  return `${Math.round(median)} (${Math.round(sorted[0] ?? NaN)}–${Math.round(sorted.at(-1) ?? NaN)})`;
};

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist/index.html'))) {
    if (spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('vite build failed');
  }
  const builds: Build[] = [{ name: 'after', dir: ROOT }];
  if (BEFORE !== null) builds.unshift({ name: 'before', dir: BEFORE });
  const servers = await Promise.all(builds.map((b, i) => serve(path.join(b.dir, 'dist'), i)));
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium' });
  const figures: Record<
    string,
    {
      cold: number[];
      warm: number[];
      warmSettled: number[];
      coldNoSw: number[];
      warmNoSw: number[];
      editorCold: number[];
      editorWarm: number[];
      restart: number[];
      cliWall: number[];
      cliBoot: number[];
    }
  > = {};
  for (const b of builds) {
    figures[b.name] = { cold: [], warm: [], warmSettled: [], coldNoSw: [], warmNoSw: [], editorCold: [], editorWarm: [], restart: [], cliWall: [], cliBoot: [] };
  }
  const loads: number[] = [];
  const net: Record<string, { ready: number[]; progress: number[]; bytes: number[]; byFile: Record<string, number>[] }> = {};
  const netRow = (key: string) => (net[key] ??= { ready: [], progress: [], bytes: [], byFile: [] });
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, b] of builds.entries()) {
        const f = figures[b.name];
        const server = servers[i];
        if (f === undefined || server === undefined) continue;
        loads.push(loadavg()[0] ?? NaN);
        const load = await pageLoad(browser, server.url);
        f.cold.push(load.cold);
        f.warm.push(load.warm);
        if (load.warmSettled !== null) f.warmSettled.push(load.warmSettled);
        if (load.editorCold !== null) f.editorCold.push(load.editorCold);
        if (load.editorWarm !== null) f.editorWarm.push(load.editorWarm);
        const noSw = await pageLoadWithoutServiceWorker(browser, server.url);
        f.coldNoSw.push(noSw.cold);
        f.warmNoSw.push(noSw.warm);
        f.restart.push(await stopToReady(browser, server.url));
        const cli = cliBoot(b.dir);
        f.cliWall.push(cli.wallMs);
        f.cliBoot.push(cli.bootMs);
      }
    }
    // The emulated links, this checkout only: a slow link's figures are the bytes' (minutes per round at 2 Mbit/s).
    const server = servers.at(-1);
    for (let round = 0; round < NET_ROUNDS && server !== undefined && process.env['BOOT_NETWORK'] !== 'off'; round++) {
      for (const mbits of LINKS) {
        for (const snapshot of process.env['BOOT_BLOCKED'] === 'off' ? [true] : [true, false]) {
          const figures = await networkLoad(browser, server.url, mbits, snapshot);
          for (const [visit, f] of Object.entries(figures)) {
            const row = netRow(`${mbits}Mbit-${visit}${snapshot ? '' : '-noSnapshot'}`);
            row.ready.push(f.readyMs);
            if (f.progressMs !== null) row.progress.push(f.progressMs);
            row.bytes.push(f.bytes);
            row.byFile.push(f.byFile);
          }
        }
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) s.stop();
  }
  const out: Record<string, unknown> = { bench: 'boot', rounds: ROUNDS, load1: `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` };
  for (const b of builds) {
    const f = figures[b.name];
    if (f === undefined) continue;
    out[b.name] = {
      pageReadyColdMs: range(f.cold),
      pageReadyWarmMs: range(f.warm),
      pageReadyWarmSettledMs: f.warmSettled.length === 0 ? null : range(f.warmSettled),
      pageReadyColdNoServiceWorkerMs: range(f.coldNoSw),
      pageReadyWarmNoServiceWorkerMs: range(f.warmNoSw),
      editorShownColdMs: f.editorCold.length === 0 ? null : range(f.editorCold),
      editorShownWarmMs: f.editorWarm.length === 0 ? null : range(f.editorWarm),
      stopToReadyMs: range(f.restart),
      cliRunWallMs: range(f.cliWall),
      cliBootMs: range(f.cliBoot),
      snapshot: snapshotSize(path.join(b.dir, 'dist')),
    };
  }
  out['network'] = Object.fromEntries(
    Object.entries(net).map(([key, row]) => [
      key,
      {
        readyMs: range(row.ready),
        progressShownMs: row.progress.length === 0 ? null : range(row.progress),
        transferredMB: (row.bytes.reduce((a, b) => a + b, 0) / row.bytes.length / 1e6).toFixed(2),
        // The last round's bytes by file (MB): what a first visit's budget goes to.
        transferredByFileMB: Object.fromEntries(Object.entries(row.byFile.at(-1) ?? {}).map(([file, b]) => [file, (b / 1e6).toFixed(2)])),
      },
    ]),
  );
  console.log(JSON.stringify(out));
}

await main();
