import { describe, expect, it } from 'vitest';
import { compareRuns, MAX_LABEL_CHARS, MIN_AXIS_END, runLabel, runSummary } from './compare';
import { SHIELD_TRACE, TASKGROUP_FAILURE_TRACE } from './fixtures/engineTraces';
import { sleepOneSecond } from './fixtures/sleepOneSecond';
import { traceOf } from './fixtures/traceOf';
import { indexTrace } from './indexTrace';

describe('runLabel', () => {
  it("takes the program's first comment line, without its '#'", () => {
    expect(runLabel('# sequential\nimport asyncio\n')).toBe('sequential');
    expect(runLabel('\n\n  ## gather: all at once  \r\nimport asyncio')).toBe('gather: all at once');
    expect(runLabel('#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# 用 gather 并发\n')).toBe('用 gather 并发');
  });

  it('is null when the program starts with code, or has no text in its comments', () => {
    expect(runLabel('import asyncio\n# later comment\n')).toBeNull();
    expect(runLabel('#\n#   \nprint(1)')).toBeNull();
    expect(runLabel('')).toBeNull();
  });

  it('shortens a long comment to MAX_LABEL_CHARS, ending in an ellipsis', () => {
    const label = runLabel(`# ${'x'.repeat(100)}`);
    expect(label).toHaveLength(MAX_LABEL_CHARS);
    expect(label?.endsWith('…')).toBe(true);
  });
});

describe('runSummary', () => {
  it("reads a run's time, steps, tasks, end and pitfalls from its index", () => {
    const summary = runSummary(indexTrace(sleepOneSecond()));
    expect(summary).toEqual({ label: null, totalTime: 1, steps: 4, tasks: 1, findingKinds: [], end: 'ok' });
  });

  it('counts the tasks of an engine trace as the timeline shows them', () => {
    const index = indexTrace(SHIELD_TRACE);
    const summary = runSummary(index);
    expect(summary.steps).toBe(SHIELD_TRACE.stats.steps);
    expect(summary.tasks).toBe(index.tasks.filter((t) => !t.internal).length);
    expect(summary.totalTime).toBe(SHIELD_TRACE.stats.virtualTime);
    expect(summary.label).toBe('shield：保护重要操作，外层超时只取消“等待”，不取消操作本身');
  });
});

describe('compareRuns', () => {
  it('always says time, steps and tasks of both runs, and whether they printed the same', () => {
    const one = indexTrace(sleepOneSecond());
    const shield = indexTrace(SHIELD_TRACE);
    const { facts, axisEnd } = compareRuns(one, shield);
    expect(facts).toEqual([
      { kind: 'time', pinned: 1, current: 2 },
      { kind: 'steps', pinned: 4, current: 19 },
      { kind: 'tasks', pinned: 1, current: runSummary(shield).tasks },
      { kind: 'output', same: false },
    ]);
    expect(axisEnd).toBe(2);
  });

  it('calls out how the runs ended and the pitfalls only one of them made', () => {
    const ok = indexTrace(sleepOneSecond());
    const failure = indexTrace(TASKGROUP_FAILURE_TRACE);
    const { facts } = compareRuns(failure, ok);
    const failureKinds = runSummary(failure).findingKinds;
    if (TASKGROUP_FAILURE_TRACE.end.kind !== 'ok') {
      expect(facts).toContainEqual({ kind: 'end', pinned: TASKGROUP_FAILURE_TRACE.end.kind, current: 'ok' });
    }
    if (failureKinds.length > 0) expect(facts).toContainEqual({ kind: 'findings', onlyPinned: failureKinds, onlyCurrent: [] });
    else expect(facts.some((f) => f.kind === 'findings')).toBe(false);
  });

  it('finds the same run the same: no findings or end fact, output the same', () => {
    const a = indexTrace(sleepOneSecond());
    const b = indexTrace(sleepOneSecond());
    const { facts } = compareRuns(a, b);
    expect(facts.map((f) => f.kind)).toEqual(['time', 'steps', 'tasks', 'output']);
    expect(facts.at(-1)).toEqual({ kind: 'output', same: true });
  });

  it('gives two instant runs an axis all the same', () => {
    const empty = indexTrace(traceOf([]));
    expect(compareRuns(empty, empty).axisEnd).toBe(MIN_AXIS_END);
  });
});
