/**
 * The schema refuses what the protocol does not say, and names the field: a wrong version, a
 * missing field, an unknown event kind, a wrong type, an unknown message. (That the engine's real
 * output passes is test/engine/schema.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { parseFromWorker, parseRunResult, parseToWorker, parseTrace } from './schema';
import { DEFAULT_RUN_OPTIONS, TRACE_VERSION, type RunEnd, type Trace, type TraceEvent } from './trace';

const events: readonly TraceEvent[] = [
  { e: 'loop', n: 1, open: true },
  { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 9 },
  { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
  { e: 'iter', n: 1, t: 0 },
  { e: 'run', h: 1 },
  { e: 'line', l: 2 },
  { e: 'sched', h: 2, on: { k: 'sleep', task: 1, delay: 1 }, when: 1, l: 2 },
  { e: 'suspend', task: 1, l: 2, on: { k: 'sleep', until: 1, h: 2 }, stack: [['main', 2]] },
  { e: 'iter', n: 2, t: 1, due: [2] },
  { e: 'run', h: 2 },
  { e: 'out', s: 'hi\n' },
  { e: 'done', task: 1, outcome: 'result', value: 'None' },
  { e: 'loop', n: 1, open: false },
];

const trace: Trace = {
  version: TRACE_VERSION,
  source: 'import asyncio\n',
  seed: 0,
  events,
  end: { kind: 'ok' },
  stdout: 'hi\n',
  stderr: '',
  stats: { steps: 2, iterations: 2, tasks: 1, virtualTime: 1, pythonMs: 3.5 },
};

/** The trace as JSON, changed by `edit` (which works on a plain copy, as a damaged file would be). */
function damaged(edit: (copy: Record<string, unknown> & { events: Record<string, unknown>[] }) => void): unknown {
  const copy = JSON.parse(JSON.stringify(trace)) as Record<string, unknown> & { events: Record<string, unknown>[] };
  edit(copy);
  return copy;
}

function errorOf(parsed: { ok: true } | { ok: false; error: string }): string {
  if (parsed.ok) throw new Error('expected the data to be refused');
  return parsed.error;
}

describe('parseTrace', () => {
  it('accepts a well-formed trace and returns the same data', () => {
    expect(parseTrace(JSON.parse(JSON.stringify(trace)))).toEqual({ ok: true, value: trace });
  });

  it('accepts every kind of run end the protocol has', () => {
    const ends: readonly RunEnd[] = [
      { kind: 'ok' },
      { kind: 'exception', type: 'ModuleNotFoundError', message: "No module named 'requests'", traceback: 'Traceback…', line: 1, hint: { k: 'missing-module', module: 'requests' } },
      { kind: 'exception', type: 'ValueError', message: 'x', traceback: 'Traceback…', line: null },
      { kind: 'exit', code: 3 },
      { kind: 'limit', limit: 'steps', line: 4, max: 100_000, t: 3.08 },
      { kind: 'limit', limit: 'virtual-time', line: null, max: 3600, cause: 'timer', at: 1e308 },
      { kind: 'limit', limit: 'busy-loop', line: 2, rounds: 1_000_000 },
      { kind: 'limit', limit: 'output', line: 2, max: 1_000_000 },
      { kind: 'limit', limit: 'wall-clock', line: null, max: 10, where: 'c-call' },
      { kind: 'limit', limit: 'events', line: 5, max: 1_000_000 },
      { kind: 'limit', limit: 'memory', line: 3, maxBytes: 2 ** 30, cause: 'memory-error' },
      { kind: 'deadlock', stuck: [{ task: 2, name: 'Task-2', line: 5, on: { k: 'future', api: 'Queue.get', obj: 'Queue#1' } }] },
      { kind: 'stopped', how: 'interrupt' },
      { kind: 'crashed', cause: 'c-stack', detail: 'RangeError: Maximum call stack size exceeded' },
    ];
    for (const end of ends) expect(parseTrace({ ...trace, end }), JSON.stringify(end)).toEqual({ ok: true, value: { ...trace, end } });
  });

  it('refuses another version, saying which it reads', () => {
    expect(errorOf(parseTrace(damaged((t) => (t.version = 1))))).toBe(
      `trace.version: this Loopscope reads trace versions 2 and ${TRACE_VERSION}, not 1`,
    );
  });

  it('refuses a trace without its stats, naming the field', () => {
    expect(errorOf(parseTrace(damaged((t) => delete t.stats)))).toMatch(/^trace\.stats: /);
  });

  it('refuses an event with a missing field, naming the event and the field', () => {
    expect(errorOf(parseTrace(damaged((t) => delete t.events[4]?.h)))).toMatch(/^trace\.events\[4\]\.h: .*expected number/);
  });

  it('refuses an unknown event kind, naming the kinds it knows', () => {
    const error = errorOf(parseTrace(damaged((t) => t.events.splice(3, 0, { e: 'teleport', h: 1 }))));
    expect(error).toMatch(/^trace\.events\[3\]\.e: /);
    expect(error).toContain("'suspend'");
  });

  it('refuses a field of the wrong type, deep inside an event', () => {
    const error = errorOf(parseTrace(damaged((t) => ((t.events[7] as { on: { h: unknown } }).on.h = '2'))));
    expect(error).toMatch(/^trace\.events\[7\]\.on\.h: .*expected number, received string/);
  });

  it('refuses a field the protocol does not have', () => {
    expect(errorOf(parseTrace(damaged((t) => ((t.events[5] as { extra?: number }).extra = 1))))).toMatch(/^trace\.events\[5\]: .*"extra"/);
  });

  it('refuses a run end of version 1 (an English message instead of the figures)', () => {
    const error = errorOf(parseTrace({ ...trace, end: { kind: 'limit', limit: 'steps', message: 'The program ran more than 100,000 loop steps.', line: 4 } }));
    expect(error).toMatch(/^trace\.end\./);
  });

  it('refuses an unknown limit and an unknown hint', () => {
    expect(errorOf(parseTrace({ ...trace, end: { kind: 'limit', limit: 'recursion', line: 1 } }))).toMatch(/^trace\.end\.limit: /);
    const hinted = { kind: 'exception', type: 'E', message: '', traceback: '', line: 1, hint: { k: 'no-gpu' } };
    expect(errorOf(parseTrace({ ...trace, end: hinted }))).toMatch(/^trace\.end\.hint\.k: /);
  });

  it('refuses what is not a trace at all', () => {
    expect(errorOf(parseTrace('{"version": 2}'))).toMatch(/^trace: .*expected object/);
    expect(errorOf(parseTrace(null))).toMatch(/^trace: /);
  });
});

describe('parseTrace, format 3 as written (compact)', () => {
  /** The trace above as the engine writes it: what the events before say is left out. */
  const written = {
    ...trace,
    events: [
      { e: 'loop', n: 1, open: true },
      { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 9 },
      { e: 'sched', on: { k: 'step', task: 1 } },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 1 },
      { e: 'line', l: 2 },
      { e: 'sched', on: { k: 'sleep', task: 1, delay: 1 }, when: 1, l: 2 },
      { e: 'suspend', task: 1, l: 2, on: { k: 'sleep' }, stack: [['main', 2]] },
      { e: 'iter', n: 2, t: 1, due: [2] },
      { e: 'run', h: 2 },
      { e: 'out', s: 'hi\n' },
      { e: 'done', task: 1, outcome: 'result', value: 'None' },
      { e: 'loop', n: 1, open: false },
    ],
  };
  const copy = (edit: (events: Record<string, unknown>[]) => void): unknown => {
    const data = JSON.parse(JSON.stringify(written)) as { events: Record<string, unknown>[] };
    edit(data.events);
    return data;
  };

  it('reads the compact events and spells them out', () => {
    expect(parseTrace(copy(() => undefined))).toEqual({ ok: true, value: trace });
  });

  it('checks compact events as strictly as spelled-out ones: every field typed, no unknown one', () => {
    expect(errorOf(parseTrace(copy((events) => ((events[2] as { h?: unknown }).h = 'one'))))).toMatch(/^trace\.events\[2\]\.h: .*expected number/);
    expect(errorOf(parseTrace(copy((events) => ((events[7] as { on: { until?: unknown } }).on.until = '1'))))).toMatch(
      /^trace\.events\[7\]\.on\.until: .*expected number/,
    );
    expect(errorOf(parseTrace(copy((events) => ((events[7] as { on: { delay?: number } }).on.delay = 1))))).toMatch(/^trace\.events\[7\]\.on: .*"delay"/);
    const call = (on: Record<string, unknown>) => copy((events) => events.splice(3, 0, { e: 'sched', on: { k: 'call', ...on } }));
    expect(errorOf(parseTrace(call({ fn: 'f', of: 'Task-1' })))).toMatch(/^trace\.events\[3\]\.on\.of: .*expected number/);
    expect(errorOf(parseTrace(call({ fn: 'f', task: 1 })))).toMatch(/^trace\.events\[3\]\.on: .*"task"/);
    // What the run of events must have said before: named as a missing field is.
    expect(errorOf(parseTrace(call({ of: 1 })))).toMatch(/^trace\.events\[3\]\.on\.fn: absent, and no call came before it/);
    expect(errorOf(parseTrace(call({ fn: 'f', of: 7 })))).toMatch(/^trace\.events\[3\]\.on\.of: task 7 has no task event before it/);
    expect(errorOf(parseTrace(copy((events) => events.splice(6, 1))))).toMatch(/^trace\.events\[6\]\.on: a sleep of task 1 with no sleep timer/);
    expect(errorOf(parseTrace(copy((events) => delete events[7]?.on)))).toMatch(/^trace\.events\[7\]\.on: absent, and no future was awaited at line 2/);
  });
});

describe('parseTrace, format 2 (a file from before version 3)', () => {
  const version2 = { ...trace, version: 2 };

  it('reads it, spelled out as it is, as a trace of this version', () => {
    expect(parseTrace(JSON.parse(JSON.stringify(version2)))).toEqual({ ok: true, value: trace });
  });

  it("holds it to format 2's schema: nothing left out", () => {
    const noHandle = { ...version2, events: version2.events.map((e) => (e.e === 'sched' ? { e: 'sched', on: e.on } : e)) };
    expect(errorOf(parseTrace(noHandle))).toMatch(/^trace\.events\[2\]\.h: .*expected number/);
  });
});

describe('parseRunResult', () => {
  it('reads a trace result and a syntax error', () => {
    expect(parseRunResult(JSON.stringify({ kind: 'trace', trace }))).toEqual({ ok: true, value: { kind: 'trace', trace } });
    const problem = { type: 'SyntaxError', message: 'invalid syntax', line: 1, column: 5, text: '  File "main.py", line 1\n' };
    expect(parseRunResult(JSON.stringify({ kind: 'syntax-error', problem }))).toEqual({ ok: true, value: { kind: 'syntax-error', problem } });
  });

  it('names the field inside the result', () => {
    const broken = { kind: 'trace', trace: damaged((t) => (t.events[0] = { e: 'loop', n: 1, open: 'yes' })) };
    expect(errorOf(parseRunResult(JSON.stringify(broken)))).toMatch(/^result\.trace\.events\[0\]\.open: .*expected boolean/);
    expect(errorOf(parseRunResult(JSON.stringify({ kind: 'trace', trace: { ...trace, version: TRACE_VERSION + 1 } })))).toMatch(/^result\.trace\.version: /);
    expect(errorOf(parseRunResult(JSON.stringify({ kind: 'syntax-error', problem: { line: 1 } })))).toMatch(/^result\.problem\./);
  });

  it('refuses text that is not JSON', () => {
    expect(errorOf(parseRunResult('{"kind": "trace", '))).toMatch(/^result: not JSON/);
  });
});

describe('worker messages', () => {
  it('reads every message the worker sends', () => {
    const messages = [
      { type: 'booting' },
      { type: 'ready', bootMs: 2900, pythonVersion: '3.14.2', bootedFrom: 'snapshot' },
      { type: 'progress', id: 1, events: '{"e":"line","l":1}' },
      { type: 'result', id: 1, json: '{}', runMs: 12 },
      { type: 'crash', id: null, cause: 'other', message: 'The Python engine failed to start' },
    ];
    for (const message of messages) expect(parseFromWorker(message)).toEqual({ ok: true, value: message });
  });

  it('refuses an unknown message and a wrong field, naming it', () => {
    expect(errorOf(parseFromWorker({ type: 'hello' }))).toMatch(/^message\.type: /);
    expect(errorOf(parseFromWorker({ type: 'result', id: 1, json: {}, runMs: 1 }))).toMatch(/^message\.json: .*expected string/);
    expect(errorOf(parseFromWorker('ready'))).toMatch(/^message: /);
  });

  it('reads the messages the page sends, and refuses a damaged one', () => {
    const boot = { type: 'boot', interruptBuffer: new Int32Array(1) };
    expect(parseToWorker(boot)).toEqual({ ok: true, value: boot });
    const run = { type: 'run', id: 3, source: 'print(1)\n', options: DEFAULT_RUN_OPTIONS };
    expect(parseToWorker(run)).toEqual({ ok: true, value: run });
    expect(errorOf(parseToWorker({ type: 'boot', interruptBuffer: [0] }))).toMatch(/^message\.interruptBuffer: expected an Int32Array/);
    const noSteps = { ...run, options: { ...DEFAULT_RUN_OPTIONS, limits: { ...DEFAULT_RUN_OPTIONS.limits, maxSteps: -1 } } };
    expect(errorOf(parseToWorker(noSteps))).toMatch(/^message\.options\.limits\.maxSteps: /);
  });
});
