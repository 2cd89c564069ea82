/**
 * The runtime schema of the protocol: what src/protocol/trace.ts and worker.ts declare as types,
 * checked with zod where data comes from outside the process (a worker's message, the engine's
 * JSON, later a trace file a learner opens). A type says what the code expects; only this says
 * what actually arrived.
 *
 * Each schema is tied to its type by `SameShape` (schemaBasics.ts): a field added, dropped or
 * retyped on one side and not the other fails the typecheck, so the two cannot drift. The parts
 * live beside it: the events (traceEventsSchema.ts; the objects' in objectsSchema.ts), how a run
 * ends (runEndSchema.ts); this file puts the trace and the worker messages together and parses.
 *
 * Speed: a 100,000-step trace is ~350,000 events. Every event is checked in full (its kind's
 * strict object: every field, no unknown one); see the README's "The trace format" for the time
 * it takes.
 */
import { z } from 'zod';
import { runEnd, runNotice, runStats } from './runEndSchema';
import { count, id, line, seconds, sameShape, type SameShape } from './schemaBasics';
import { expandEvents, fromVersion2, type CompactEvent } from './compactTrace';
import { compactEvent, traceEvent } from './traceEventsSchema';
import { TRACE_VERSION, type RunResult, type Trace } from './trace';
import type { FromWorker, ToWorker } from './worker';

// ---- Trace ----------------------------------------------------------------------------------

const compat = z.literal('3.13');

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
  z.strictObject({
    type: z.literal('boot-progress'),
    stage: z.enum(['downloading', 'starting']),
    downloads: z.array(
      z.strictObject({
        file: z.enum(['wasm', 'stdlib', 'snapshot']),
        loaded: count,
        total: count.nullable(),
        done: z.boolean(),
      }),
    ),
  }),
  z.strictObject({
    type: z.literal('ready'),
    bootMs: z.number().nonnegative(),
    pythonVersion: z.string(),
    bootedFrom: z.enum(['snapshot', 'own-snapshot', 'no-snapshot']),
  }),
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

/** The versions this Loopscope reads: its own, and version 2 (converted on the way in). */
export const READABLE_TRACE_VERSIONS: readonly number[] = [2, TRACE_VERSION];

/**
 * A trace of another version is refused for that alone, not for the dozen fields that changed
 * with it: checked before the schema.
 */
function versionProblem(root: string, data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('version' in data)) return null;
  if (typeof data.version === 'number' && READABLE_TRACE_VERSIONS.includes(data.version)) return null;
  return `${root}.version: this Loopscope reads trace versions 2 and ${TRACE_VERSION}, not ${JSON.stringify(data.version)}`;
}

/**
 * Everything of a trace but its events, which `parseTrace` checks one by one: the same check as
 * `traceSchema`'s (each event against its kind's schema), a quarter faster than zod's array,
 * which keeps bookkeeping for every element of a 350,000-event list.
 */
const traceWithoutEvents = traceSchema.extend({ version: z.union([z.literal(2), z.literal(TRACE_VERSION)]), events: z.array(z.unknown()) });

/**
 * A trace read from outside: the engine's output, or a file a learner opens. Version 3's events
 * are checked as written (compact) and then spelled out (`expandEvents`); version 2's are
 * checked spelled out, as version 2 wrote them, and converted (`fromVersion2`).
 */
export function parseTrace(data: unknown, root = 'trace'): Parsed<Trace> {
  const problem = versionProblem(root, data);
  if (problem !== null) return { ok: false, error: problem };
  const head = parseWith(traceWithoutEvents, root, data);
  if (!head.ok) return head;
  const { version, events: written } = head.value;
  if (version === 2) {
    const events = parseEach(traceEvent, written, root);
    return events.ok ? { ok: true, value: fromVersion2({ ...head.value, version, events: events.value }) } : events;
  }
  const events = parseEach<CompactEvent>(compactEvent, written, root);
  if (!events.ok) return events;
  const expanded = expandEvents(events.value, `${root}.events`);
  return expanded.ok ? { ok: true, value: { ...head.value, version, events: expanded.events } } : expanded;
}

/** Each event against its kind's schema, naming the first that fails. */
function parseEach<T>(schema: z.ZodType<T>, written: readonly unknown[], root: string): Parsed<T[]> {
  const events = new Array<T>(written.length);
  for (let i = 0; i < events.length; i++) {
    const event = schema.safeParse(written[i]);
    if (!event.success) return { ok: false, error: describe(`${root}.events[${i}]`, event.error) };
    events[i] = event.data;
  }
  return { ok: true, value: events };
}

/**
 * One event of a trace, on its own, as the engine writes it: what a run streamed before its
 * engine was killed (partialTrace, which spells the kept ones out with `expandEvents`).
 */
export function parseTraceEvent(data: unknown, root = 'event'): Parsed<CompactEvent> {
  return parseWith(compactEvent, root, data);
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
