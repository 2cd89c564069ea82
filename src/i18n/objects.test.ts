/**
 * The Objects view's words: every kind's summary in both languages says its figures, and the
 * Chinese has no English words in it (names and numbers are all it carries through).
 */
import { describe, expect, it } from 'vitest';
import type { ObjectKind } from '../protocol/trace';
import type { ObjectView } from '../trace';
import { objectName, objectStrings } from './objects';

const KINDS: readonly ObjectKind[] = [
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
];

function view(kind: ObjectKind): ObjectView {
  const state = {
    locked: true,
    value: 1,
    set: true,
    holders: [1],
    waiters: [2, 3],
    waitersMore: 0,
    woken: [],
    items: ['1', '2'],
    size: 2,
    putters: [],
    joiners: [],
    puttersMore: 0,
    joinersMore: 0,
    unfinished: 2,
    count: 2,
    phase: 'filling' as const,
    future: 'done' as const,
    result: '42',
    error: null,
    callbacks: [],
    children: [4, 5, 6],
    childCount: 3,
    childrenDone: 2,
    finishedChildren: [4, 5],
    running: [6],
    runningCount: 1,
    groupPhase: 'exiting' as const,
    aborting: true,
    parent: 1,
    errors: 1,
    timeout: 'active' as const,
    deadline: 1.5,
    guarded: 1,
  };
  return {
    id: 1,
    kind,
    name: null,
    ordinal: 3,
    line: 4,
    by: 1,
    capacity: 5,
    lock: null,
    returnExceptions: true,
    byWaitFor: false,
    shield: null,
    state,
    before: state,
    changed: false,
  };
}

describe('objects words', () => {
  it.each(KINDS)('%s: a summary in both languages, the Chinese without English', (kind) => {
    const o = view(kind);
    const en = objectStrings('en').summary(o);
    const zh = objectStrings('zh').summary(o);
    expect(en.length).toBeGreaterThan(2);
    expect(zh).not.toMatch(/[A-Za-z]/);
    if (kind.endsWith('Semaphore')) expect([en, zh].every((t) => t.includes('1/5'))).toBe(true);
    if (kind.endsWith('Queue')) expect([en, zh].every((t) => t.includes('2/5'))).toBe(true);
    if (kind === 'Barrier') expect([en, zh].every((t) => t.includes('2/5'))).toBe(true);
    if (kind === 'Future') expect([en, zh].every((t) => t.includes('42'))).toBe(true);
    if (kind === 'gather' || kind === 'TaskGroup') expect([en, zh].every((t) => t.includes('2/3'))).toBe(true);
    if (kind === 'timeout') expect([en, zh].every((t) => t.includes('1.500'))).toBe(true);
  });

  it('names an object by its variable, else by kind and number', () => {
    expect(objectName({ name: 'limit', kind: 'Semaphore', ordinal: 1 })).toBe('limit');
    expect(objectName({ name: null, kind: 'Queue', ordinal: 2 })).toBe('Queue#2');
  });
});
