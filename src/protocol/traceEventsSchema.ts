/**
 * The schema of the trace's events, tied to their types: `compactEvent` for format 3 as the
 * engine and files write it (compactTrace.ts), `traceEvent` for the events spelled out (what
 * format 2 wrote, and what readers see).
 */
import { z } from 'zod';
import type { CompactAwaitTarget, CompactEvent, CompactHandleTarget } from './compactTrace';
import type { AwaitTarget, HandleTarget, TraceEvent } from './trace';
import { objectEvent, objectStateEvent } from './objectsSchema';
import { count, id, line, lineOrNull, sameShape, seconds, taskOrNull, type SameShape } from './schemaBasics';

export const cancelVia = z.enum([
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

export const requestFailure = z.enum(['dns', 'connect', 'timeout']);
export const blockingRequest = z.strictObject({ lib: z.enum(['requests', 'httpx']), method: z.string(), url: z.string() });

const stepTarget = z.strictObject({ k: z.literal('step'), task: id });
const wakeupTarget = z.strictObject({ k: z.literal('wakeup'), task: id });
const sleepTarget = z.strictObject({ k: z.literal('sleep'), task: taskOrNull, delay: seconds });
const timeoutTarget = z.strictObject({ k: z.literal('timeout'), task: taskOrNull, via: cancelVia });
const workerTarget = z.strictObject({ k: z.literal('worker'), fn: z.string(), task: taskOrNull });
const requestTarget = z.strictObject({
  k: z.literal('request'),
  method: z.string(),
  url: z.string(),
  task: taskOrNull,
  fails: requestFailure.optional(),
});

export const handleTarget = z.discriminatedUnion('k', [
  stepTarget,
  wakeupTarget,
  sleepTarget,
  timeoutTarget,
  z.strictObject({ k: z.literal('call'), fn: z.string(), args: z.string().optional(), user: z.boolean().optional() }),
  workerTarget,
  requestTarget,
]);
sameShape<SameShape<typeof handleTarget, HandleTarget>>();

/** Format 3's: a call may leave out `fn` (the previous call's) and give `of` for `args`. */
export const compactHandleTarget = z.discriminatedUnion('k', [
  stepTarget,
  wakeupTarget,
  sleepTarget,
  timeoutTarget,
  z.strictObject({ k: z.literal('call'), fn: z.string().optional(), args: z.string().optional(), of: id.optional(), user: z.boolean().optional() }),
  workerTarget,
  requestTarget,
]);
sameShape<SameShape<typeof compactHandleTarget, CompactHandleTarget>>();

const taskAwait = z.strictObject({ k: z.literal('task'), task: id });
const gatherAwait = z.strictObject({ k: z.literal('gather'), children: z.array(taskOrNull) });
const executorAwait = z.strictObject({ k: z.literal('executor'), fn: z.string() });
const requestAwait = z.strictObject({ k: z.literal('request'), method: z.string(), url: z.string(), queued: z.literal(true).optional() });
const futureAwait = z.strictObject({ k: z.literal('future'), api: z.string().optional(), obj: z.string().optional() });

export const awaitTarget = z.discriminatedUnion('k', [
  taskAwait,
  gatherAwait,
  z.strictObject({ k: z.literal('sleep'), until: seconds, h: id }),
  executorAwait,
  requestAwait,
  futureAwait,
]);
sameShape<SameShape<typeof awaitTarget, AwaitTarget>>();

/** Format 3's: a sleep may leave out `until` and `h` (its sched's). */
export const compactAwaitTarget = z.discriminatedUnion('k', [
  taskAwait,
  gatherAwait,
  z.strictObject({ k: z.literal('sleep'), until: seconds.optional(), h: id.optional() }),
  executorAwait,
  requestAwait,
  futureAwait,
]);
sameShape<SameShape<typeof compactAwaitTarget, CompactAwaitTarget>>();

export const removedApi = z.enum(['get_event_loop', 'event-loop-policy', 'wait-coroutines', 'coroutine-decorator', 'generator-coroutine', 'loop-argument']);
export const pythonVersion = z.enum(['3.10', '3.11', '3.12', '3.14']);

/** The events format 3 writes as they are (all but `sched` and `suspend`). */
const asWritten = [
  z.strictObject({
    e: z.literal('task'),
    id,
    name: z.string(),
    coro: z.string(),
    by: taskOrNull,
    l: lineOrNull,
    internal: z.literal(true).optional(),
  }),
  z.strictObject({ e: z.literal('unsched'), h: id }),
  z.strictObject({ e: z.literal('iter'), n: count, t: seconds, due: z.array(id).optional() }),
  z.strictObject({ e: z.literal('skip'), h: id }),
  z.strictObject({ e: z.literal('run'), h: id, x: z.string().optional() }),
  z.strictObject({ e: z.literal('line'), l: line }),
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
  z.strictObject({ e: z.literal('cpu'), lines: count, rounds: count, l: lineOrNull }),
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
  objectEvent,
  objectStateEvent,
] as const;

const stack = z.array(z.tuple([z.string(), line])).optional();

export const traceEvent = z.discriminatedUnion('e', [
  z.strictObject({ e: z.literal('sched'), h: id, on: handleTarget, when: seconds.optional(), l: line.optional() }),
  z.strictObject({ e: z.literal('suspend'), task: id, l: lineOrNull, on: awaitTarget, stack }),
  ...asWritten,
]);
sameShape<SameShape<typeof traceEvent, TraceEvent>>();

/** Format 3's events: `sched` and `suspend` may leave out what the events before them say. */
export const compactEvent = z.discriminatedUnion('e', [
  z.strictObject({ e: z.literal('sched'), h: id.optional(), on: compactHandleTarget, when: seconds.optional(), l: line.optional() }),
  z.strictObject({ e: z.literal('suspend'), task: id, l: lineOrNull, on: compactAwaitTarget.optional(), stack }),
  ...asWritten,
]);
sameShape<SameShape<typeof compactEvent, CompactEvent>>();
