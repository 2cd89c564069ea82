/**
 * Export and import, as a teacher does it (issue 13): run a program, download the timeline and
 * the whole event-loop pane as SVG and PNG and the trace as JSON, open that JSON (and one the
 * CLI wrote) in a fresh page, refuse damaged and foreign files with a clear message and nothing
 * lost, and record the playback as a WebM video. In English and Chinese.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { compactTrace, expandTrace, fromVersion2, type CompactTrace, type TraceV2 } from '../src/protocol/compactTrace';
import { TRACE_VERSION } from '../src/protocol/trace';
import { fixture, openFixture, pageTrace, snapshot, waitForStatus } from './helpers';

test.describe.configure({ timeout: 180_000 });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Every WebM file starts with the EBML header's id. */
const EBML_ID = [0x1a, 0x45, 0xdf, 0xa3];

async function downloadFrom(page: Page, item: string): Promise<{ download: Download; bytes: Buffer }> {
  await page.getByTestId('export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** Parse an SVG in the page, and draw it as an image: what a slide program would do with it. */
async function readSvg(page: Page, svg: string) {
  return page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    let drawn = true;
    await img.decode().catch(() => (drawn = false));
    return {
      parseError: doc.querySelector('parsererror') !== null,
      root: doc.documentElement.localName,
      width: Number(doc.documentElement.getAttribute('width')),
      lanes: doc.querySelectorAll('.timeline-lane').length,
      segments: doc.querySelectorAll('.timeline-segment').length,
      text: doc.documentElement.textContent ?? '',
      drawn: drawn && img.naturalWidth > 0,
    };
  }, svg);
}

/** The PNG's size from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'loopscope-e2e-')), name);
  writeFileSync(path, content);
  return path;
}

async function openTraceFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('open-trace-input').setInputFiles(path);
}

/** Drop a file on the page, as a file dragged from the desktop lands. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], fileName, { type: 'application/json' }));
      return data;
    },
    [name, content] as const,
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
}

test('the timeline and the event-loop pane download as SVG and PNG, the trace as JSON that opens again', async ({ page, browser }) => {
  await openFixture(page, 'sequential.py', 4);
  await waitForStatus(page, 'done');
  const trace = await pageTrace(page);

  const timelineSvg = await downloadFrom(page, 'export-timeline-svg');
  expect(timelineSvg.download.suggestedFilename()).toBe('loopscope-timeline-step4.svg');
  const timeline = await readSvg(page, timelineSvg.bytes.toString('utf8'));
  expect(timeline.parseError).toBe(false);
  expect(timeline.root).toBe('svg');
  expect(timeline.lanes).toBe(trace.stats.tasks);
  expect(timeline.segments).toBeGreaterThan(trace.stats.tasks);
  expect(timeline.text).toContain('main');
  expect(timeline.drawn).toBe(true);

  const timelinePng = await downloadFrom(page, 'export-timeline-png');
  expect([...timelinePng.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  const box = await page.getByTestId('timeline').boundingBox();
  expect(pngSize(timelinePng.bytes).width).toBe(Math.round(Math.ceil(box?.width ?? 0) * dpr));

  const paneSvg = await downloadFrom(page, 'export-pane-svg');
  const pane = await readSvg(page, paneSvg.bytes.toString('utf8'));
  expect(pane.parseError).toBe(false);
  expect(pane.lanes).toBe(trace.stats.tasks);
  expect(pane.text).toContain('Ready queue');
  expect(pane.drawn).toBe(true);
  const panePng = await downloadFrom(page, 'export-pane-png');
  expect([...panePng.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(pngSize(panePng.bytes).height).toBeGreaterThan(pngSize(timelinePng.bytes).height);
  // Looked at by a person: the PNG as a teacher would put it on a slide.
  writeFileSync('screenshots/export-pane.png', panePng.bytes);

  const json = await downloadFrom(page, 'export-trace-json');
  expect(json.download.suggestedFilename()).toBe('loopscope-trace.json');
  // Written as format 3 writes it (compact): the same trace once spelled out.
  expect(JSON.parse(json.bytes.toString('utf8'))).toEqual(compactTrace(trace));
  expect(json.bytes.length).toBeLessThan(JSON.stringify(trace).length);

  // A fresh page, another program: the downloaded trace opens there and replays the same steps.
  const other = await browser.newPage();
  await openFixture(other, 'gather.py');
  await waitForStatus(other, 'done');
  await openTraceFile(other, tempFile('loopscope-trace.json', json.bytes));
  await expect(other.getByTestId('export-message')).toContainText(`Opened loopscope-trace.json: ${trace.stats.steps} steps`);
  expect(await pageTrace(other)).toEqual(trace);
  expect(await other.evaluate(() => window.__loopscope?.getSource())).toBe(fixture('sequential.py'));
  await expect(other.getByTestId('step-label')).toContainText(`Step 0 / ${trace.stats.steps}`);
  await other.getByTestId('jump-end').click();
  await expect(other.getByTestId('step-label')).toContainText(`Step ${trace.stats.steps} / ${trace.stats.steps}`);
  await other.close();
});

/** Where an element is inside the exported view, in CSS pixels. */
async function boxIn(page: Page, view: string, testId: string) {
  return page.evaluate(
    ([viewSelector, id]) => {
      const root = document.querySelector(viewSelector)?.getBoundingClientRect();
      const el = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
      if (root === undefined || el === undefined) throw new Error(`${id} is not on the page`);
      return { x: el.left - root.left, y: el.top - root.top, width: el.width, height: el.height };
    },
    [view, testId] as const,
  );
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * How much two PNGs differ inside each box (mean of |difference| over the RGB channels, 0–255),
 * both drawn at one CSS pixel a pixel; and how many near-white pixels the second has inside each
 * box (the Play triangle is white on the accent colour). Drawn in a blank page of its own.
 */
async function compareRegions(other: Page, screen: Buffer, exported: Buffer, boxes: readonly Box[], dpr: number) {
  await other.setContent('<p>compare</p>');
  return other.evaluate(
    async ([a, b, regions, ratio]) => {
      const pixels = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(img.naturalWidth / ratio);
        canvas.height = Math.round(img.naturalHeight / ratio);
        const context = canvas.getContext('2d');
        if (context === null) throw new Error('no canvas');
        context.drawImage(img, 0, 0, canvas.width, canvas.height);
        return context.getImageData(0, 0, canvas.width, canvas.height);
      };
      const [one, two] = [await pixels(a), await pixels(b)];
      return regions.map((r) => {
        let sum = 0;
        let n = 0;
        let white = 0;
        for (let y = Math.ceil(r.y); y < Math.floor(r.y + r.height); y++) {
          for (let x = Math.ceil(r.x); x < Math.floor(r.x + r.width); x++) {
            const i = (y * one.width + x) * 4;
            const j = (y * two.width + x) * 4;
            for (let c = 0; c < 3; c++) sum += Math.abs((one.data[i + c] ?? 0) - (two.data[j + c] ?? 0));
            if ((two.data[j] ?? 0) > 220 && (two.data[j + 1] ?? 0) > 220 && (two.data[j + 2] ?? 0) > 220) white++;
            n++;
          }
        }
        return { difference: sum / Math.max(1, n * 3), white };
      });
    },
    [screen.toString('base64'), exported.toString('base64'), boxes, dpr] as const,
  );
}

test('the exported pane shows what is on screen: the narration, the Play triangle, the step', async ({ page, browser }) => {
  await openFixture(page, 'sequential.py', 4);
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('narration')).toContainText('The clock jumps');
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  const ids = ['narration', 'play', 'step-label', 'jump-start'] as const;
  const boxes = await Promise.all(ids.map((id) => boxIn(page, '.machine-pane', id)));
  // The pane as it is on screen (its top part does not scroll), then as exported.
  const screen = await page.locator('.machine-pane').screenshot();
  const exported = await downloadFrom(page, 'export-pane-png');
  const other = await browser.newPage();
  writeFileSync('screenshots/export-pane-top.png', exported.bytes);
  const regions = await compareRegions(other, screen, exported.bytes, boxes, dpr);
  await other.close();
  regions.forEach((region, i) => {
    // Text drawn twice by one browser differs only by anti-aliasing: a few levels on average.
    expect(region.difference, `${ids[i]} differs from the screen`).toBeLessThan(12);
  });
  // The white triangle on the blue Play button is there (a blank button has no white pixel).
  expect(regions[1]?.white, 'white pixels of the Play triangle').toBeGreaterThan(15);
});

test('the timeline exports every lane, not only the ones scrolled into view, and the page is left as it was', async ({ page }) => {
  // 300 tasks: more than the timeline renders at once (it windows past 200 lanes).
  await openFixture(page, 'crowd.py', 3);
  await waitForStatus(page, 'done');
  const trace = await pageTrace(page);
  const onPage = await page.locator('[data-testid="timeline"] .timeline-lane').count();
  expect(onPage).toBeLessThan(trace.stats.tasks);
  const scrollStyle = await page.locator('.timeline-scroll').getAttribute('style');

  const svg = await downloadFrom(page, 'export-timeline-svg');
  const timeline = await readSvg(page, svg.bytes.toString('utf8'));
  expect(timeline.parseError).toBe(false);
  expect(timeline.lanes).toBe(trace.stats.tasks);
  expect(timeline.text).toContain('main');
  expect(timeline.text).not.toContain(`of ${trace.stats.tasks}`); // no "tasks 1–27 of 301" corner note
  expect(timeline.drawn).toBe(true);
  const png = await downloadFrom(page, 'export-timeline-png');
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  // Every lane is 24 px tall: all of them are in the picture.
  expect(pngSize(png.bytes).height / dpr).toBeGreaterThan(trace.stats.tasks * 24);
  writeFileSync('screenshots/export-timeline-all-lanes.png', png.bytes);
  await expect(page.getByTestId('export-message')).toHaveCount(0); // nothing left out, nothing to say

  // The page's timeline is back to its window.
  expect(await page.locator('.timeline-scroll').getAttribute('style')).toBe(scrollStyle);
  await expect.poll(() => page.locator('[data-testid="timeline"] .timeline-lane').count()).toBe(onPage);
});

test('a trace the CLI wrote opens by drag and drop', async ({ page }) => {
  const out = tempFile('cli-trace.json', '');
  execFileSync('node', ['bin/loopscope.mjs', 'trace', 'e2e/fixtures/gather.py', '-o', out], { stdio: 'pipe', timeout: 120_000 });
  const text = readFileSync(out, 'utf8');
  await page.goto('/');
  await waitForStatus(page, 'ready');
  await dropFile(page, 'cli-trace.json', text);
  await expect(page.getByTestId('export-message')).toHaveAttribute('data-tone', 'ok');
  await waitForStatus(page, 'done');
  expect(await pageTrace(page)).toEqual(expandTrace(JSON.parse(text) as CompactTrace));
  expect(await page.evaluate(() => window.__loopscope?.getSource())).toBe(fixture('gather.py'));
});

test('a version-2 trace file, recorded before version 3, still opens and replays', async ({ page }) => {
  const path = 'src/protocol/fixtures/v2Semaphore.json';
  const v2 = JSON.parse(readFileSync(path, 'utf8')) as TraceV2;
  await page.goto('/');
  await waitForStatus(page, 'ready');
  await openTraceFile(page, path);
  await expect(page.getByTestId('export-message')).toHaveAttribute('data-tone', 'ok');
  await expect(page.getByTestId('export-message')).toContainText(`Opened v2Semaphore.json: ${v2.stats.steps} steps`);
  await waitForStatus(page, 'done');
  expect(await pageTrace(page)).toEqual(fromVersion2(v2));
  await page.getByTestId('jump-end').click();
  await expect(page.getByTestId('step-label')).toContainText(`Step ${v2.stats.steps} / ${v2.stats.steps}`);
});

/** Files that are not a trace this build can show, and the words that say so. */
const BAD_FILES = [
  { name: 'cut.json', content: (good: string) => good.slice(0, good.length / 2), en: 'it is not JSON', zh: '它不是 JSON' },
  { name: 'package.json', content: (_good: string) => '{"name": "my-course", "version": "1.0.0"}', en: 'not a Loopscope trace', zh: '不是 Loopscope 的运行记录' },
  { name: 'newer.json', content: (good: string) => JSON.stringify({ ...JSON.parse(good), version: TRACE_VERSION + 1 }), en: 'made by a newer Loopscope', zh: '由更新的 Loopscope 生成' },
  {
    name: 'damaged.json',
    content: (good: string) => {
      const data = JSON.parse(good) as { events: { e: string }[] };
      data.events[3] = { e: 'teleport' };
      return JSON.stringify(data);
    },
    en: 'the trace is damaged: trace.events[3]',
    zh: '运行记录已损坏：trace.events[3]',
  },
  { name: 'empty.json', content: (_good: string) => '', en: 'the file is empty', zh: '文件是空的' },
] as const;

for (const lang of ['en', 'zh'] as const) {
  test(`a damaged, foreign or newer file gets a clear message, and the editor and the run stay (${lang})`, async ({ page }) => {
    await openFixture(page, 'sequential.py', 3);
    await waitForStatus(page, 'done');
    await page.getByTestId('language').selectOption(lang);
    const good = JSON.stringify(await pageTrace(page));
    // The learner's own edit, not yet run: it must survive every refused file.
    const edited = `${fixture('sequential.py')}# my note\n`;
    await page.evaluate((t) => window.__loopscope?.setSource(t), edited);
    for (const bad of BAD_FILES) {
      const viaDrop = bad.name === 'package.json';
      if (viaDrop) await dropFile(page, bad.name, bad.content(good));
      else await openTraceFile(page, tempFile(bad.name, bad.content(good)));
      const message = page.getByTestId('export-message');
      await expect(message).toHaveAttribute('data-tone', 'error');
      await expect(message).toContainText(bad.name);
      await expect(message).toContainText(bad[lang]);
      await expect(message).toContainText(lang === 'en' ? 'Your program and the run on screen are as they were.' : '你的程序和屏幕上的运行都保持原样。');
      expect(await page.evaluate(() => window.__loopscope?.getSource())).toBe(edited);
      expect(JSON.stringify(await pageTrace(page))).toBe(good);
      expect((await page.evaluate(() => window.__loopscope?.cursor()))?.step).toBe(3);
    }
    await snapshot(page, `import-refused-${lang}`);
  });
}

for (const lang of ['en', 'zh'] as const) {
  test(`the playback records as a WebM video at the playback speed (${lang})`, async ({ page, browser }) => {
    // Drawing the frames exports the pane seven times: slow on a loaded machine.
    test.setTimeout(300_000);
    await openFixture(page, 'gather.py', 2);
    await waitForStatus(page, 'done');
    await page.getByTestId('language').selectOption(lang);
    await page.getByTestId('speed').selectOption('10');
    await page.getByTestId('export').click();
    await page.getByTestId('export-video').click();
    const dialog = page.getByTestId('video-dialog');
    await expect(dialog).toBeVisible();
    // From the current step, by default, to the end.
    await expect(page.getByTestId('video-from')).toHaveValue('2');
    await page.getByTestId('video-to').fill('8');
    await expect(dialog).toContainText(lang === 'en' ? '10 steps a second' : '每秒 10 步');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('video-record').click()]);
    expect(download.suggestedFilename()).toBe('loopscope-steps2-8.webm');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 4)]).toEqual(EBML_ID);
    expect(bytes.length).toBeGreaterThan(1000);
    // A video element plays it: a real video/webm of 7 frames at 10 a second plus the 1 s end hold.
    // (In a blank page: Loopscope's CSP rightly allows no blob: media.)
    const player = await browser.newPage();
    await player.setContent('<p>player</p>');
    const duration = await player.evaluate(async (b64) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'video/webm' });
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(blob);
      await new Promise((resolve, reject) => {
        video.onloadedmetadata = resolve;
        video.onerror = () => reject(new Error('the video does not load'));
      });
      // MediaRecorder's WebM has no duration in its header: seek far to make the browser find it.
      if (!Number.isFinite(video.duration)) {
        video.currentTime = 1e6;
        await new Promise((resolve) => (video.ondurationchange = resolve));
      }
      return { type: blob.type, duration: video.duration, width: video.videoWidth };
    }, bytes.toString('base64'));
    await player.close();
    expect(duration.type).toBe('video/webm');
    expect(duration.width).toBeGreaterThan(100);
    expect(duration.duration).toBeGreaterThan(1.2);
    expect(duration.duration).toBeLessThan(4);
    await expect(page.getByTestId('export-message')).toContainText('loopscope-steps2-8.webm');
    // The cursor is back where the teacher left it.
    expect((await page.evaluate(() => window.__loopscope?.cursor()))?.step).toBe(2);
  });
}

test('where MediaRecorder is missing, the recorder says so instead of failing', async ({ page }) => {
  await page.addInitScript(() => {
    // A browser without MediaRecorder (older Safari).
    Reflect.deleteProperty(window, 'MediaRecorder');
  });
  await openFixture(page, 'gather.py');
  await waitForStatus(page, 'done');
  await page.getByTestId('export').click();
  await page.getByTestId('export-video').click();
  await expect(page.getByTestId('video-unsupported')).toContainText('no MediaRecorder');
  await expect(page.getByTestId('video-record')).toHaveCount(0);
});
