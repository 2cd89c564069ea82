/**
 * Where a scrubbed frame's time goes (`page.bench.ts --profile`): the same 180-frame scrub as the
 * bench, under Chromium's tracing and its CPU profiler (through CDP). Prints the main thread's
 * CPU per frame (thread time, which a loaded machine inflates less than wall time), split into
 * script, style, layout (and how much of it was forced by script), pre-paint, paint, layerize
 * and the rest; then the functions with the most self time and a few named ones' total time.
 * A build made with `npx vite build --minify false --outDir DIR` gives the functions their names.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

/** One Chrome trace event (only the fields read here). */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly message?: string } };
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The trace events' names, grouped as DevTools' Performance panel groups them. */
const GROUPS: Readonly<Record<string, string>> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  FireAnimationFrame: 'script',
  TimerFire: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'V8.Execute': 'script',
  'v8.callFunction': 'script',
  'v8.run': 'script',
  MajorGC: 'gc',
  MinorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'prepaint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
  UpdateLayer: 'paint',
  HitTest: 'other',
};

const SCRIPT_NAMES = new Set(Object.keys(GROUPS).filter((name) => GROUPS[name] === 'script'));

/** console.timeStamp labels around the scrub. */
const SCRUB_START = 'loopscope-scrub-start';
const SCRUB_END = 'loopscope-scrub-end';

/** What DevTools' Performance panel records; PROFILE_CATEGORIES=a,b adds more (to find what "other" is). */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'];

/** PROFILE_CALLERS=a,b: native functions whose three callers are listed too, beside the layout readers (who calls replaceWith?). */
const CALLERS_OF = process.env.PROFILE_CALLERS?.split(',') ?? [];

/** Functions whose total (self and callees) time is worth a line of its own. */
const NAMED = ['stateAt', 'objectsAt', 'awaitGraph', 'layoutGraph', 'lineMarks', 'laneRows', 'onBeforeRender', 'renderRootSync', 'commitRoot'];

/** Per-frame CPU split of the renderer main thread's complete events, each event's self time in its group. */
export function frameSplit(events: readonly TraceEvent[], frames: number): Record<string, number | string> {
  const main = mainThread(events);
  const mark = (message: string): number =>
    events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === message)?.ts ?? NaN;
  const [from, to] = [mark(SCRUB_START), mark(SCRUB_END)];
  if (Number.isNaN(from) || Number.isNaN(to)) throw new Error('the trace lacks the scrub marks');
  const spans = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined && e.ts >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const totals: Record<string, number> = { total: 0, forcedLayout: 0 };
  // A stack of open events: each event's self thread time is its tdur less its children's.
  const stack: { event: TraceEvent; childTime: number; inScript: boolean }[] = [];
  const others = new Map<string, number>();
  const close = (until: number): void => {
    for (let top = stack.at(-1); top !== undefined && top.event.ts + (top.event.dur ?? 0) <= until; top = stack.at(-1)) {
      stack.pop();
      const time = top.event.tdur ?? top.event.dur ?? 0;
      const own = time - top.childTime;
      const parent = stack.at(-1);
      const group = GROUPS[top.event.name] ?? (parent === undefined ? 'other' : null);
      if (group !== null) {
        totals[group] = (totals[group] ?? 0) + own;
        if (group === 'other') others.set(top.event.name, (others.get(top.event.name) ?? 0) + own);
        if (group === 'layout' && top.inScript) totals.forcedLayout = (totals.forcedLayout ?? 0) + own;
      }
      // An event of no group leaves its own time to its parent's group: the parent counts only
      // the grouped time below it as its children's.
      if (parent !== undefined) parent.childTime += group === null ? top.childTime : time;
      else totals.total = (totals.total ?? 0) + time;
    }
  };
  for (const event of spans) {
    close(event.ts);
    const inScript = stack.some((s) => SCRIPT_NAMES.has(s.event.name));
    stack.push({ event, childTime: 0, inScript });
  }
  close(Infinity);
  const perFrame = (us: number): number => Math.round(us / frames / 10) / 100;
  const otherTop = [...others].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return {
    ...Object.fromEntries(Object.entries(totals).map(([k, us]) => [k, perFrame(us)])),
    otherTop: otherTop.map(([name, us]) => `${name} ${perFrame(us)}`).join(', '),
  };
}

/** The page's renderer main thread: the CrRendererMain with the most events. */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best = { pid: -1, tid: -1, count: -1 };
  for (const m of mains) {
    const count = events.reduce((n, e) => (e.pid === m.pid && e.tid === m.tid ? n + 1 : n), 0);
    if (count > best.count) best = { pid: m.pid, tid: m.tid, count };
  }
  return best;
}

/** Self and total ms per frame of the profile's functions. */
export function functionTimes(
  profile: CpuProfile,
  frames: number,
): { self: [string, number][]; named: [string, number][]; components: [string, number][]; layoutReaders: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const self = new Map<string, number>();
  const named = new Map<string, number>();
  // React components (our code's capitalised functions), their own render without their children
  // (React calls each child from its work loop, not from the parent): total time per frame.
  const components = new Map<string, number>();
  // Who reads layout from script (a forced layout when the DOM is dirty): the three callers.
  const layoutReaders = new Map<string, number>();
  const label = (n: ProfileNode): string =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').at(-1) ?? ''}:${n.callFrame.lineNumber + 1}`;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (node === undefined) return;
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    // Each named function once per sample, however deep it recurses.
    const seen = new Set<string>();
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at);
      if (frame === undefined) break;
      stack.push(frame);
      const fn = frame.callFrame.functionName;
      if (seen.has(fn)) continue;
      seen.add(fn);
      if (NAMED.includes(fn)) named.set(fn, (named.get(fn) ?? 0) + ms);
      if (/^[A-Z]\w*$/.test(fn) && /\/index-[^/]*\.js$/.test(frame.callFrame.url)) components.set(fn, (components.get(fn) ?? 0) + ms);
    }
    const leaf = node.callFrame.functionName;
    if (leaf === 'getBoundingClientRect' || leaf === 'getClientRects' || leaf.startsWith('get offset') || leaf.startsWith('get client') || CALLERS_OF.includes(leaf)) {
      const callers = stack.slice(1, 4).map((n) => n.callFrame.functionName || '(anonymous)').join(' < ');
      layoutReaders.set(`${leaf} < ${callers}`, (layoutReaders.get(`${leaf} < ${callers}`) ?? 0) + ms);
    }
  });
  const perFrame = (m: Map<string, number>): [string, number][] =>
    [...m].map(([k, ms]): [string, number] => [k, Math.round((ms / frames) * 100) / 100]).sort((a, b) => b[1] - a[1]);
  return {
    self: perFrame(self).filter(([k]) => !k.startsWith('(idle)')).slice(0, 25),
    named: perFrame(named),
    components: perFrame(components).slice(0, 20),
    layoutReaders: perFrame(layoutReaders).slice(0, 8),
  };
}

/** Runs `scrub` (or `frames` seeks on their own) under tracing and the CPU profiler, then prints where each frame's (seek's) time went. */
export async function profileScrub(page: Page, frames: number, scrub: () => Promise<unknown>, per: 'frame' | 'seek' = 'frame'): Promise<void> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    // Chrome's trace events as CDP types them (objects of any shape): the fields read here.
    for (const value of data.value) events.push(value as unknown as TraceEvent);
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: [...CATEGORIES, ...(process.env.PROFILE_CATEGORIES?.split(',') ?? [])] },
  });
  await cdp.send('Profiler.start');
  // The scrub's bounds in the trace: only the tasks between them are counted (not the
  // profiler's own start and stop, which take seconds of the main thread).
  await page.evaluate((label) => console.timeStamp(label), SCRUB_START);
  await scrub();
  await page.evaluate((label) => console.timeStamp(label), SCRUB_END);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  // PROFILE_TRACE=FILE keeps the trace, for DevTools' Performance panel (Load profile).
  const keep = process.env.PROFILE_TRACE;
  if (keep !== undefined) writeFileSync(keep, JSON.stringify({ traceEvents: events }));
  const times = functionTimes(profile, frames);
  console.log(
    JSON.stringify({ profile: per === 'frame' ? 'main thread CPU ms per scrubbed frame' : 'main thread CPU ms per seek on its own', ...frameSplit(events, frames) }),
  );
  console.log(JSON.stringify({ named: Object.fromEntries(times.named) }));
  console.log(JSON.stringify({ components: Object.fromEntries(times.components) }));
  console.log(JSON.stringify({ layoutReaders: Object.fromEntries(times.layoutReaders) }));
  for (const [fn, ms] of times.self) console.log(`${ms.toFixed(2).padStart(6)} ms  ${fn}`);
}
