/**
 * The runtime schema of the protocol: what src/protocol/trace.ts and worker.ts declare as types,
 * checked with zod where data comes from outside the process (a worker's message, the engine's
 * JSON, later a trace file a learner opens). A type says what the code expects; only this says
 * what actually arrived.
 *
 * Each schema is tied to its type by `SameShape` below: a field added, dropped or retyped on one
 * side and not the other fails the typecheck, so the two cannot drift.
 *
 * Speed: a 100,000-step trace is ~350,000 events. Every event is checked in full (its kind's
 * strict object: every field, no unknown one); see the README's "The trace format" for the time
 * it takes.
 */
import { z } from 'zod';
import {
  TRACE_VERSION,
  type AwaitTarget,
  type HandleTarget,
  type RunEnd,
  type RunNotice,
  type RunResult,
  type RunStats,
  type Trace,
  type TraceEvent,
} from './trace';
import type { FromWorker, ToWorker } from './worker';

// The page's Content-Security-Policy forbids eval, which zod's compiled fast path needs; the
// interpreted path is the one the page gets, so Node (tests, CLI, bench) uses it too.
z.config({ jitless: true });

// ---- Tying a schema to its type -------------------------------------------------------------

/** The type with `readonly` taken off at every depth (zod's output is mutable). */
type Mutable<T> = T extends Int32Array ? T : { -readonly [K in keyof T]: Mutable<T[K]> };

/** True only when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/** Compiles only when `Schema` parses to exactly `T`. */
type SameShape<Schema extends z.ZodType, T> = Equal<z.output<Schema>, Mutable<T>>;
function sameShape<_Check extends true>(): void {}

// ---- Trace ----------------------------------------------------------------------------------

const seconds = z.number();
const count = z.int().nonnegative();
const id = z.int().positive();
const line = z.int().positive();
const lineOrNull = line.nullable();
const taskOrNull = id.nullable();

const cancelVia = z.enum([
  'cancel()',
  'timeout',
  'wait_for',
  'TaskGroup',
  'gather',
  'wait',
  'shield',
  'as_completed',
  'runner',
  'awaiter',
  'loop',
]);

const requestFailure = z.enum(['dns', 'connect', 'timeout']);
const blockingRequest = z.strictObject({ lib: z.enum(['requests', 'httpx']), method: z.string(), url: z.string() });

const handleTarget = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('step'), task: id }),
  z.strictObject({ k: z.literal('wakeup'), task: id }),
  z.strictObject({ k: z.literal('sleep'), task: taskOrNull, delay: seconds }),
  z.strictObject({ k: z.literal('timeout'), task: taskOrNull, via: cancelVia }),
  z.strictObject({ k: z.literal('call'), fn: z.string(), args: z.string().optional(), user: z.boolean().optional() }),
  z.strictObject({ k: z.literal('worker'), fn: z.string(), task: taskOrNull }),
  z.strictObject({
    k: z.literal('request'),
    method: z.string(),
    url: z.string(),
    task: taskOrNull,
    fails: requestFailure.optional(),
  }),
]);
sameShape<SameShape<typeof handleTarget, HandleTarget>>();

const awaitTarget = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('task'), task: id }),
  z.strictObject({ k: z.literal('gather'), children: z.array(taskOrNull) }),
  z.strictObject({ k: z.literal('sleep'), until: seconds, h: id }),
  z.strictObject({ k: z.literal('executor'), fn: z.string() }),
  z.strictObject({ k: z.literal('request'), method: z.string(), url: z.string(), queued: z.literal(true).optional() }),
  z.strictObject({ k: z.literal('future'), api: z.string().optional(), obj: z.string().optional() }),
]);
sameShape<SameShape<typeof awaitTarget, AwaitTarget>>();

const removedApi = z.enum(['get_event_loop', 'event-loop-policy', 'wait-coroutines', 'coroutine-decorator', 'generator-coroutine', 'loop-argument']);
const pythonVersion = z.enum(['3.10', '3.11', '3.12', '3.14']);

/** A list as it changed (ListChange): the whole new list, or items dropped front/back and appended. */
const listChange = <T extends z.ZodType>(item: T) =>
  z.union([
    z.array(item),
    z.strictObject({ d: count.optional(), b: count.optional(), a: z.array(item).optional() }),
  ]);

const traceEvent = z.discriminatedUnion('e', [
  z.strictObject({
    e: z.literal('task'),
    id,
    name: z.string(),
    coro: z.string(),
    by: taskOrNull,
    l: lineOrNull,
    internal: z.literal(true).optional(),
  }),
  z.strictObject({ e: z.literal('sched'), h: id, on: handleTarget, when: seconds.optional(), l: line.optional() }),
  z.strictObject({ e: z.literal('unsched'), h: id }),
  z.strictObject({ e: z.literal('iter'), n: count, t: seconds, due: z.array(id).optional() }),
  z.strictObject({ e: z.literal('skip'), h: id }),
  z.strictObject({ e: z.literal('run'), h: id, x: z.string().optional() }),
  z.strictObject({ e: z.literal('line'), l: line }),
  z.strictObject({
    e: z.literal('suspend'),
    task: id,
    l: lineOrNull,
    on: awaitTarget,
    stack: z.array(z.tuple([z.string(), line])).optional(),
  }),
  z.strictObject({ e: z.literal('yield'), task: id, l: lineOrNull }),
  z.strictObject({
    e: z.literal('done'),
    task: id,
    outcome: z.enum(['result', 'exception', 'cancelled']),
    value: z.string().optional(),
    exc: z.string().optional(),
  }),
  z.strictObject({
    e: z.literal('cancel'),
    task: id,
    by: taskOrNull,
    via: cancelVia,
    l: lineOrNull,
    msg: z.string().optional(),
    cause: id.optional(),
  }),
  z.strictObject({ e: z.literal('uncancel'), task: id, via: cancelVia }),
  z.strictObject({ e: z.literal('out'), s: z.string(), fd: z.literal('err').optional() }),
  z.strictObject({
    e: z.literal('block'),
    d: seconds,
    l: lineOrNull,
    req: blockingRequest.optional(),
    co: z.literal(true).optional(),
  }),
  z.strictObject({ e: z.literal('worker'), fn: z.string(), start: seconds, d: seconds, h: id }),
  z.strictObject({
    e: z.literal('warn'),
    kind: z.enum(['never-retrieved', 'never-awaited', 'callback-error', 'pending-destroyed', 'deprecated-api']),
    msg: z.string(),
    task: id.optional(),
    api: removedApi.optional(),
    version: pythonVersion.optional(),
    coro: z.string().optional(),
    l: line.optional(),
  }),
  z.strictObject({ e: z.literal('loop'), n: count, open: z.boolean() }),
  z.strictObject({
    e: z.literal('obj'),
    o: id,
    kind: z.enum(['Lock', 'Semaphore', 'BoundedSemaphore', 'Event', 'Condition', 'Queue', 'PriorityQueue', 'LifoQueue', 'Barrier']),
    name: z.string().optional(),
    l: lineOrNull,
    by: taskOrNull,
    init: z.int().optional(),
    max: count.optional(),
    parties: count.optional(),
    lock: id.optional(),
  }),
  z.strictObject({
    e: z.literal('objstate'),
    o: id,
    locked: z.boolean().optional(),
    v: z.int().optional(),
    set: z.boolean().optional(),
    hold: listChange(id).optional(),
    wait: listChange(id).optional(),
    woke: listChange(id).optional(),
    items: listChange(z.string()).optional(),
    size: count.optional(),
    get: listChange(id).optional(),
    put: listChange(id).optional(),
    join: listChange(id).optional(),
    wn: count.optional(),
    gn: count.optional(),
    pn: count.optional(),
    jn: count.optional(),
    unf: z.int().optional(),
    n: count.optional(),
    phase: z.enum(['filling', 'draining', 'resetting', 'broken']).optional(),
  }),
]);
sameShape<SameShape<typeof traceEvent, TraceEvent>>();

const compat = z.literal('3.13');

const runHint = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('missing-module'), module: z.string() }),
  z.strictObject({ k: z.literal('no-threads') }),
  z.strictObject({ k: z.literal('no-processes') }),
  z.strictObject({ k: z.literal('no-input') }),
  z.strictObject({ k: z.literal('no-page') }),
  z.strictObject({ k: z.literal('no-network') }),
  z.strictObject({
    k: z.literal('removed-api'),
    api: removedApi,
    version: pythonVersion,
  }),
]);

const limit = <L extends string, S extends z.core.$ZodLooseShape>(name: L, figures: S) =>
  z.strictObject({ kind: z.literal('limit'), limit: z.literal(name), line: lineOrNull, ...figures });

const limitEnd = z.discriminatedUnion('limit', [
  limit('steps', { max: count, t: seconds }),
  limit('virtual-time', {
    max: seconds,
    cause: z.enum(['timer', 'time.sleep', 'request']),
    at: seconds,
    request: blockingRequest.optional(),
  }),
  limit('busy-loop', { rounds: count }),
  limit('output', { max: count }),
  limit('wall-clock', { max: seconds, where: z.enum(['python', 'c-call']) }),
  limit('events', { max: count }),
  limit('memory', { maxBytes: count, cause: z.enum(['heap', 'memory-error']) }),
]);

const runEnd = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ok') }),
  z.strictObject({
    kind: z.literal('exception'),
    type: z.string(),
    message: z.string(),
    traceback: z.string(),
    line: lineOrNull,
    hint: runHint.optional(),
    misuse: z.enum(['run-in-running-loop', 'closed-loop', 'no-running-loop']).optional(),
  }),
  z.strictObject({ kind: z.literal('exit'), code: z.int() }),
  limitEnd,
  z.strictObject({
    kind: z.literal('deadlock'),
    stuck: z.array(z.strictObject({ task: id, name: z.string(), line: lineOrNull, on: awaitTarget.nullable() })),
  }),
  z.strictObject({ kind: z.literal('stopped'), how: z.enum(['interrupt', 'terminated']) }),
  z.strictObject({ kind: z.literal('crashed'), cause: z.enum(['c-stack', 'other']), detail: z.string() }),
]);
sameShape<SameShape<typeof runEnd, RunEnd>>();

const runStats = z.strictObject({
  steps: count,
  iterations: count,
  tasks: count,
  virtualTime: seconds,
  pythonMs: z.number().nonnegative(),
});
sameShape<SameShape<typeof runStats, RunStats>>();

const runNotice = z.strictObject({
  kind: z.literal('net-comment-ignored'),
  line,
  problem: z.enum(['no-pattern', 'not-option', 'unknown-option', 'bad-latency', 'bad-status', 'bad-fail', 'bad-quotes']),
  text: z.string().nullable(),
});
sameShape<SameShape<typeof runNotice, RunNotice>>();

const traceSchema = z.strictObject({
  version: z.literal(TRACE_VERSION),
  source: z.string(),
  seed: z.int(),
  compat: compat.optional(),
  events: z.array(traceEvent),
  end: runEnd,
  stdout: z.string(),
  stderr: z.string(),
  stats: runStats,
  dropped: z.strictObject({ events: count, chunks: count }).optional(),
  notices: z.array(runNotice).optional(),
});
sameShape<SameShape<typeof traceSchema, Trace>>();

const syntaxProblem = z.strictObject({
  type: z.string(),
  message: z.string(),
  line,
  column: count,
  endLine: line.optional(),
  endColumn: count.optional(),
  text: z.string(),
});

const runResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('syntax-error'), problem: syntaxProblem }),
  z.strictObject({ kind: z.literal('trace'), trace: traceSchema }),
]);
sameShape<SameShape<typeof runResultSchema, RunResult>>();

// ---- Worker messages ------------------------------------------------------------------------

const runLimits = z.strictObject({
  maxSteps: count,
  maxVirtualTime: seconds,
  maxLines: count,
  maxOutput: count,
  maxWallSeconds: seconds,
  maxEvents: count,
  maxMemoryBytes: count,
});

/** Pyodide's interrupt buffer, as the protocol types it (`z.instanceof` would pin its buffer type). */
const interruptBuffer = z.custom<Int32Array>((value) => value instanceof Int32Array, 'expected an Int32Array');

const toWorkerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('boot'), interruptBuffer: interruptBuffer.nullable() }),
  z.strictObject({
    type: z.literal('run'),
    id,
    source: z.string(),
    options: z.strictObject({ seed: z.int(), limits: runLimits, record: z.boolean(), compat: compat.optional() }),
  }),
]);
sameShape<SameShape<typeof toWorkerSchema, ToWorker>>();

const fromWorkerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('booting') }),
  z.strictObject({ type: z.literal('ready'), bootMs: z.number().nonnegative(), pythonVersion: z.string() }),
  z.strictObject({ type: z.literal('progress'), id, events: z.string() }),
  z.strictObject({ type: z.literal('result'), id, json: z.string(), runMs: z.number().nonnegative() }),
  z.strictObject({ type: z.literal('crash'), id: id.nullable(), cause: z.enum(['c-stack', 'other']), message: z.string() }),
]);
sameShape<SameShape<typeof fromWorkerSchema, FromWorker>>();

// ---- Parsing --------------------------------------------------------------------------------

/** What a parse gives: the typed value, or why the data is not what the protocol says. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** `trace.events[12].on.task`: where in the data the problem is, as one would write it in code. */
function pathOf(root: string, path: readonly PropertyKey[]): string {
  let text = root;
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return text;
}

/** Each problem zod found, as "where: what" (the first few: one broken object is often several). */
function describe(root: string, error: z.ZodError): string {
  const MAX_SHOWN = 3;
  const lines = error.issues.slice(0, MAX_SHOWN).map((issue) => `${pathOf(root, issue.path)}: ${issue.message}`);
  const more = error.issues.length - MAX_SHOWN;
  return more > 0 ? `${lines.join('; ')} (and ${more} more)` : lines.join('; ');
}

function parseWith<T>(schema: z.ZodType<T>, root: string, data: unknown): Parsed<T> {
  const parsed = schema.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describe(root, parsed.error) };
}

/**
 * A trace of another version is refused for that alone, not for the dozen fields that changed
 * with it: checked before the schema.
 */
function versionProblem(root: string, data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('version' in data) || data.version === TRACE_VERSION) return null;
  return `${root}.version: this Loopscope reads trace version ${TRACE_VERSION}, not ${JSON.stringify(data.version)}`;
}

/**
 * Everything of a trace but its events, which `parseTrace` checks one by one: the same check as
 * `traceSchema`'s (each event against its kind's schema), a quarter faster than zod's array,
 * which keeps bookkeeping for every element of a 350,000-event list.
 */
const traceWithoutEvents = traceSchema.extend({ events: z.array(z.unknown()) });

/** A trace read from outside: the engine's output, or a file a learner opens. */
export function parseTrace(data: unknown, root = 'trace'): Parsed<Trace> {
  const problem = versionProblem(root, data);
  if (problem !== null) return { ok: false, error: problem };
  const head = parseWith(traceWithoutEvents, root, data);
  if (!head.ok) return head;
  const events: TraceEvent[] = new Array<TraceEvent>(head.value.events.length);
  for (let i = 0; i < events.length; i++) {
    const event = traceEvent.safeParse(head.value.events[i]);
    if (!event.success) return { ok: false, error: describe(`${root}.events[${i}]`, event.error) };
    events[i] = event.data;
  }
  return { ok: true, value: { ...head.value, events } };
}

/** One event of a trace, on its own: what a run streamed before its engine was killed (partialTrace). */
export function parseTraceEvent(data: unknown, root = 'event'): Parsed<TraceEvent> {
  return parseWith(traceEvent, root, data);
}

/** A RunResult with its trace left for `parseTrace`. */
const runResultWithoutTrace = z.discriminatedUnion('kind', [
  runResultSchema.options[0],
  z.strictObject({ kind: z.literal('trace'), trace: z.unknown() }),
]);

/** The engine's RunResult JSON text (a `result` message's `json`). */
export function parseRunResult(json: string): Parsed<RunResult> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: `result: not JSON (${String(error)})` };
  }
  const result = parseWith(runResultWithoutTrace, 'result', data);
  if (!result.ok) return result;
  if (result.value.kind === 'syntax-error') return { ok: true, value: result.value };
  const trace = parseTrace(result.value.trace, 'result.trace');
  return trace.ok ? { ok: true, value: { kind: 'trace', trace: trace.value } } : trace;
}

/** A message the page received from the engine's worker. */
export function parseFromWorker(data: unknown): Parsed<FromWorker> {
  return parseWith(fromWorkerSchema, 'message', data);
}

/** A message the worker received from the page. */
export function parseToWorker(data: unknown): Parsed<ToWorker> {
  return parseWith(toWorkerSchema, 'message', data);
}
