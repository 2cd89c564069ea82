/**
 * The schema of the asyncio objects' trace events ('obj' and 'objstate', src/protocol/objects.ts),
 * tied to their types.
 */
import { z } from 'zod';
import type { ObjectEvent, ObjectStateEvent } from './objects';
import { count, id, lineOrNull, listChange, sameShape, seconds, taskOrNull, type SameShape } from './schemaBasics';

const objectKind = z.enum([
  'Lock',
  'Semaphore',
  'BoundedSemaphore',
  'Event',
  'Condition',
  'Queue',
  'PriorityQueue',
  'LifoQueue',
  'Barrier',
  'Future',
  'gather',
  'TaskGroup',
  'timeout',
]);

export const objectEvent = z.strictObject({
  e: z.literal('obj'),
  o: id,
  kind: objectKind,
  name: z.string().optional(),
  l: lineOrNull,
  by: taskOrNull,
  init: z.int().optional(),
  max: count.optional(),
  parties: count.optional(),
  lock: id.optional(),
  rexc: z.literal(true).optional(),
  via: z.literal('wait_for').optional(),
  shield: z.strictObject({ task: id.optional(), o: id.optional() }).optional(),
});
sameShape<SameShape<typeof objectEvent, ObjectEvent>>();

export const objectStateEvent = z.strictObject({
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
  fut: z.enum(['pending', 'done', 'cancelled']).optional(),
  res: z.string().optional(),
  exc: z.string().optional(),
  cbs: listChange(z.string()).optional(),
  kids: listChange(id).optional(),
  nk: count.optional(),
  nd: count.optional(),
  pend: listChange(id).optional(),
  np: count.optional(),
  tg: z.enum(['new', 'open', 'exiting', 'done']).optional(),
  abort: z.boolean().optional(),
  parent: id.optional(),
  errs: count.optional(),
  tmo: z.enum(['created', 'active', 'expiring', 'expired', 'finished']).optional(),
  when: seconds.nullable().optional(),
  task: id.optional(),
});
sameShape<SameShape<typeof objectStateEvent, ObjectStateEvent>>();
