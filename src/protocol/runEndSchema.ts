/** The schema of how a run ended, its figures and its notices (src/protocol/trace.ts), tied to their types. */
import { z } from 'zod';
import type { RunEnd, RunNotice, RunStats } from './trace';
import { count, id, line, lineOrNull, sameShape, seconds, type SameShape } from './schemaBasics';
import { awaitTarget, blockingRequest, pythonVersion, removedApi } from './traceEventsSchema';

export const runHint = z.discriminatedUnion('k', [
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

export const limitEnd = z.discriminatedUnion('limit', [
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

export const runEnd = z.discriminatedUnion('kind', [
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

export const runStats = z.strictObject({
  steps: count,
  iterations: count,
  tasks: count,
  virtualTime: seconds,
  pythonMs: z.number().nonnegative(),
});
sameShape<SameShape<typeof runStats, RunStats>>();

export const runNotice = z.strictObject({
  kind: z.literal('net-comment-ignored'),
  line,
  problem: z.enum(['no-pattern', 'not-option', 'unknown-option', 'bad-latency', 'bad-status', 'bad-fail', 'bad-quotes']),
  text: z.string().nullable(),
});
sameShape<SameShape<typeof runNotice, RunNotice>>();
