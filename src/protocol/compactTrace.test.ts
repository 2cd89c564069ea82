/**
 * Format 3's compaction and its expansion, on a real version-2 trace (fixtures/v2Semaphore.json,
 * recorded by the engine before version 3): version 2 → 3 loses nothing, each rule leaves out
 * what it says and only that, and where a fact cannot be derived it stays written. (That the
 * engine writes what `compactEvents` makes of the same run is test/engine/traceFormat.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactEvents, compactTrace, expandEvents, fromVersion2, type CompactEvent, type TraceV2 } from './compactTrace';
import { parseTrace } from './schema';
import { TRACE_VERSION, type TraceEvent } from './trace';

const v2 = JSON.parse(readFileSync(new URL('./fixtures/v2Semaphore.json', import.meta.url), 'utf8')) as TraceV2;

function expanded(events: readonly CompactEvent[]): TraceEvent[] {
  const result = expandEvents(events);
  if (!result.ok) throw new Error(result.error);
  return result.events;
}

const bytes = (value: unknown): number => JSON.stringify(value).length;
const scheds = (events: readonly CompactEvent[]) => events.filter((e) => e.e === 'sched');
const suspends = (events: readonly CompactEvent[]) => events.filter((e) => e.e === 'suspend');

describe('version 2 → 3', () => {
  it('is the version-2 file recorded by the old engine', () => {
    expect(v2.version).toBe(2);
    expect(v2.events.length).toBeGreaterThan(100);
  });

  it('keeps every event and field: expanding the compact events gives the version-2 events back', () => {
    const trace = fromVersion2(v2);
    expect(trace.version).toBe(TRACE_VERSION);
    const compact = compactTrace(trace);
    expect(compact.events).toHaveLength(v2.events.length);
    expect(expanded(compact.events)).toEqual(v2.events);
    expect({ ...compact, events: [] }).toEqual({ ...v2, version: TRACE_VERSION, events: [] });
  });

  it('opens through parseTrace as written, and as the compact file version 3 writes', () => {
    const asFile = parseTrace(JSON.parse(JSON.stringify(v2)));
    expect(asFile).toEqual({ ok: true, value: fromVersion2(v2) });
    const rewritten = parseTrace(JSON.parse(JSON.stringify(compactTrace(fromVersion2(v2)))));
    expect(rewritten).toEqual({ ok: true, value: fromVersion2(v2) });
  });

  it('makes the sched and suspend events smaller by a quarter, and leaves the others as they were', () => {
    const compact = compactEvents(v2.events);
    const changing = (events: readonly CompactEvent[]) => [...scheds(events), ...suspends(events)];
    expect(bytes(changing(compact))).toBeLessThan(0.75 * bytes(changing(v2.events)));
    const others = (events: readonly CompactEvent[]) => events.filter((e) => e.e !== 'sched' && e.e !== 'suspend');
    expect(others(compact)).toEqual(others(v2.events));
  });
});

describe('each rule of format 3', () => {
  const compact = compactEvents(v2.events);

  it('leaves out a sched\'s handle when it is the previous one\'s plus one, and only then', () => {
    expect(scheds(compact).every((e) => e.h === undefined)).toBe(true);
    const gap = compactEvents([...v2.events, { e: 'sched', h: 40, on: { k: 'step', task: 1 } }, { e: 'sched', h: 41, on: { k: 'step', task: 1 } }]);
    expect(gap.slice(-2)).toEqual([
      { e: 'sched', h: 40, on: { k: 'step', task: 1 } },
      { e: 'sched', on: { k: 'step', task: 1 } },
    ]);
  });

  it('leaves out a sleep\'s until and h, which its sched gave', () => {
    const sleeps = suspends(compact).filter((e) => e.on?.k === 'sleep');
    expect(sleeps.length).toBe(4);
    expect(sleeps.every((e) => e.on !== undefined && !('until' in e.on) && !('h' in e.on))).toBe(true);
    // A sleep that is not the last one scheduled for its task keeps them.
    const other = compactEvents([
      { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 1 },
      { e: 'sched', h: 1, on: { k: 'sleep', task: 1, delay: 1 }, when: 1 },
      { e: 'suspend', task: 1, l: 2, on: { k: 'sleep', until: 2, h: 1 } },
    ]);
    expect(other[2]).toEqual({ e: 'suspend', task: 1, l: 2, on: { k: 'sleep', until: 2, h: 1 } });
  });

  it('gives a done callback\'s task as `of`, and keeps the text of a renamed task', () => {
    const calls = scheds(compact).flatMap((e) => (e.on.k === 'call' ? [e.on] : []));
    expect(calls.filter((on) => on.of !== undefined).map((on) => on.of)).toEqual([2, 3, 4, 1, 6, 7]);
    // Task 5 was renamed "renamed" after its task event said "fetch-3": its args stay text.
    expect(calls).toContainEqual({ k: 'call', args: '(<Task renamed>)' });
    // The same fn as the previous call is left out; a new one is written.
    expect(calls.filter((on) => on.fn !== undefined).map((on) => on.fn)).toEqual([
      'note',
      'gather.<locals>._done_callback',
      '_run_until_complete_cb',
    ]);
  });

  it('keeps the args of a task two tasks are named after', () => {
    const twins = compactEvents([
      { e: 'task', id: 1, name: 'worker', coro: 'w', by: null, l: 1 },
      { e: 'task', id: 2, name: 'worker', coro: 'w', by: null, l: 1 },
      { e: 'sched', h: 1, on: { k: 'call', fn: 'cb', args: '(<Task worker>)' } },
    ]);
    expect(twins[2]).toEqual({ e: 'sched', on: { k: 'call', fn: 'cb', args: '(<Task worker>)' } });
  });

  it('leaves out what a task waits on when the last future awaited at that line was the same', () => {
    const atLine11 = suspends(compact).filter((e) => e.l === 11);
    expect(atLine11.map((e) => e.on)).toEqual([{ k: 'future', api: 'Semaphore.acquire', obj: 'Semaphore#1' }, undefined]);
    const differs = compactEvents([
      { e: 'suspend', task: 1, l: 3, on: { k: 'future', api: 'Lock.acquire', obj: 'Lock#1' } },
      { e: 'suspend', task: 2, l: 3, on: { k: 'future', api: 'Lock.acquire', obj: 'Lock#2' } },
      { e: 'suspend', task: 3, l: 3, on: { k: 'future', api: 'Lock.acquire' } },
      { e: 'suspend', task: 4, l: null, on: { k: 'future', api: 'Lock.acquire' } },
    ]);
    expect(differs.every((e) => e.e === 'suspend' && e.on !== undefined)).toBe(true);
  });

  it('changes nothing in events that are already spelled out when expanding them', () => {
    expect(expanded(v2.events)).toEqual(v2.events);
  });
});
