/**
 * The classroom's parameters of a format-1 link (src/share/README.md): the breakpoints a teacher
 * set (`bp=7,12` lines, `bpe=task-failed,t:2.5,task:worker` events) and the steps where the page
 * asks the learner what happens next (`ask=12,30`).
 *
 * All three are optional extras: a link without them opens as before, and a build that predates
 * them skips them as unknown parameters. They never change what the program prints, so a value
 * this build cannot read is dropped, entry by entry, rather than refusing the program over it
 * (a later build may add event kinds: an older one opens the link without them).
 */

/** An event breakpoint as a link carries it (the same shape as src/trace's EventBreakpoint). */
export type LinkEventBreakpoint =
  | { readonly kind: 'task-created' }
  | { readonly kind: 'task-finished' }
  | { readonly kind: 'task-failed' }
  | { readonly kind: 'cancel-requested' }
  | { readonly kind: 'cancelled-error' }
  | { readonly kind: 'timer-fires' }
  | { readonly kind: 'time-reached'; readonly t: number }
  | { readonly kind: 'task-runs'; readonly task: string };

/** Line breakpoints (1-based, ascending, no repeats) and event breakpoints (no repeats). */
export interface LinkBreakpoints {
  readonly lines: readonly number[];
  readonly events: readonly LinkEventBreakpoint[];
}

/** The classroom parameters a link read: absent when the link has none. */
export interface ClassroomParams {
  readonly breakpoints?: LinkBreakpoints;
  readonly ask?: readonly number[];
  /** Open in predict mode (`predict=1`): every next step is asked before it is shown. */
  readonly predict?: true;
}

/** The values of `predict` that turn predict mode on (as `embed=` reads yes). */
const PREDICT_ON = new Set(['1', 'true', 'yes', '']);

/** At most this many entries of each list are read: a link is for a lesson, not a test suite. */
export const MAX_LIST_ENTRIES = 100;
/** Longest task name a `task:` breakpoint may carry. */
export const MAX_TASK_NAME = 200;
/** Largest line or step a list may name (as MAX_POSITION). */
const MAX_NUMBER = 999_999_999;

/** The event kinds without a value, as the link spells them. */
const PLAIN_KINDS = ['task-created', 'task-finished', 'task-failed', 'cancel-requested', 'cancelled-error', 'timer-fires'] as const;
type PlainKind = (typeof PLAIN_KINDS)[number];

/** `&bp=…&bpe=…`, or '' when there are none. */
export function encodeBreakpointParams(breakpoints: LinkBreakpoints | undefined): string {
  if (breakpoints === undefined) return '';
  let out = '';
  const lines = canonicalNumbers(breakpoints.lines, 1);
  if (lines.length > 0) out += `&bp=${lines.join(',')}`;
  const events = canonicalEvents(breakpoints.events).map(eventToken);
  if (events.length > 0) out += `&bpe=${events.join(',')}`;
  return out;
}

/** `&predict=1` when the link opens in predict mode, else nothing. */
export function encodePredictParam(predict: boolean | undefined): string {
  return predict === true ? '&predict=1' : '';
}

/** `&ask=…`, or '' when there are none. */
export function encodeAskParam(ask: readonly number[] | undefined): string {
  const steps = canonicalNumbers(ask ?? [], 1);
  return steps.length > 0 ? `&ask=${steps.join(',')}` : '';
}

/**
 * Read `bp`, `bpe` and `ask` from a link's raw `key=value` parameters (the first of each
 * counts). Never throws; unreadable entries are dropped.
 */
export function readClassroomParams(rawParams: readonly string[]): ClassroomParams {
  const values = new Map<string, string>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    if (eq < 0) continue;
    const key = raw.slice(0, eq);
    if ((key === 'bp' || key === 'bpe' || key === 'ask') && !values.has(key)) values.set(key, raw.slice(eq + 1));
    if (key === 'predict' && !values.has(key)) values.set(key, raw.slice(eq + 1));
  }
  // `predict` with no value at all (`&predict`) means on, as `&embed` does.
  if (!values.has('predict') && rawParams.includes('predict')) values.set('predict', '');
  const predictValue = values.get('predict');
  const predictText = predictValue === undefined ? null : percentDecode(predictValue);
  // Anything else (`predict=0`, a word) is the default, off: it never refuses the link.
  const predict = predictText !== null && PREDICT_ON.has(predictText.trim().toLowerCase());
  const lines = readNumbers(values.get('bp'));
  const events = readEvents(values.get('bpe'));
  const ask = readNumbers(values.get('ask'));
  return {
    ...(lines.length > 0 || events.length > 0 ? { breakpoints: { lines, events } } : {}),
    ...(ask.length > 0 ? { ask } : {}),
    ...(predict ? { predict: true as const } : {}),
  };
}

/** Whole numbers from `min` up, ascending, each once, at most MAX_LIST_ENTRIES. */
function canonicalNumbers(numbers: readonly number[], min: number): number[] {
  const kept = numbers.filter((n) => Number.isSafeInteger(n) && n >= min && n <= MAX_NUMBER);
  return [...new Set(kept)].sort((a, b) => a - b).slice(0, MAX_LIST_ENTRIES);
}

/** Each breakpoint once (first one kept), valid ones only, at most MAX_LIST_ENTRIES. */
function canonicalEvents(events: readonly LinkEventBreakpoint[]): LinkEventBreakpoint[] {
  const seen = new Set<string>();
  const out: LinkEventBreakpoint[] = [];
  for (const given of events) {
    // Times to the microsecond, as the link writes them (so what is read back is what was written).
    const bp = given.kind === 'time-reached' ? { kind: given.kind, t: Number(given.t.toFixed(6)) } : given;
    if (bp.kind === 'time-reached' && !isTime(bp.t)) continue;
    if (bp.kind === 'task-runs' && !isTaskName(bp.task)) continue;
    const token = eventToken(bp);
    if (seen.has(token)) continue;
    seen.add(token);
    out.push(bp);
  }
  return out.slice(0, MAX_LIST_ENTRIES);
}

function eventToken(bp: LinkEventBreakpoint): string {
  switch (bp.kind) {
    case 'time-reached':
      return `t:${bp.t}`;
    case 'task-runs':
      // encodeURIComponent escapes ',', '&' and '=', so a name cannot break the list or the hash.
      return `task:${encodeURIComponent(bp.task)}`;
    default:
      return bp.kind;
  }
}

function readNumbers(raw: string | undefined): number[] {
  if (raw === undefined) return [];
  const text = percentDecode(raw);
  if (text === null) return [];
  const numbers = text
    .split(',')
    .slice(0, MAX_LIST_ENTRIES * 4)
    .filter((entry) => /^\d{1,9}$/.test(entry.trim()))
    .map((entry) => Number(entry.trim()));
  return canonicalNumbers(numbers, 1);
}

function readEvents(raw: string | undefined): LinkEventBreakpoint[] {
  if (raw === undefined) return [];
  const events: LinkEventBreakpoint[] = [];
  // Split before decoding: a task name's ',' is escaped inside its entry.
  for (const entry of raw.split(',').slice(0, MAX_LIST_ENTRIES * 4)) {
    const bp = readEvent(entry);
    if (bp !== null) events.push(bp);
  }
  return canonicalEvents(events);
}

function readEvent(entry: string): LinkEventBreakpoint | null {
  const text = percentDecode(entry.trim());
  if (text === null) return null;
  const plain = PLAIN_KINDS.find((kind): kind is PlainKind => kind === text);
  if (plain !== undefined) return { kind: plain };
  if (text.startsWith('t:')) {
    const value = text.slice(2);
    if (!/^\d{1,9}(\.\d{1,6})?$/.test(value)) return null;
    return { kind: 'time-reached', t: Number(value) };
  }
  if (text.startsWith('task:')) {
    const task = text.slice(5);
    return isTaskName(task) ? { kind: 'task-runs', task } : null;
  }
  return null; // a kind a later build added: skipped
}

function isTime(t: number): boolean {
  return Number.isFinite(t) && t >= 0 && t <= MAX_NUMBER;
}

/** A task name is text of reasonable length, without control characters or broken UTF-16. */
function isTaskName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_TASK_NAME) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return false;
  try {
    encodeURIComponent(name); // throws on a lone surrogate
    return true;
  } catch {
    return false;
  }
}

function percentDecode(text: string): string | null {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
