import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactTrace, fromVersion2, type TraceV2 } from '../protocol/compactTrace';
import { SHIELD_TRACE } from '../trace/fixtures/engineTraces';
import { fileSizeProblem, MAX_TRACE_FILE_BYTES, readTraceFile, traceFileText } from './traceFile';

describe('readTraceFile', () => {
  it('reads back what traceFileText wrote (the CLI\'s format: one JSON line)', () => {
    const text = traceFileText(SHIELD_TRACE);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
    expect(readTraceFile(text)).toEqual({ ok: true, trace: SHIELD_TRACE });
  });

  it('writes format 3 compact, smaller than the events spelled out', () => {
    const text = traceFileText(SHIELD_TRACE);
    expect(JSON.parse(text)).toEqual(compactTrace(SHIELD_TRACE));
    expect(text.length).toBeLessThan(JSON.stringify(SHIELD_TRACE).length);
  });

  it('opens a version-2 file (made before version 3) as this version', () => {
    const text = readFileSync(new URL('../protocol/fixtures/v2Semaphore.json', import.meta.url), 'utf8');
    const v2 = JSON.parse(text) as TraceV2;
    expect(readTraceFile(text)).toEqual({ ok: true, trace: fromVersion2(v2) });
  });

  it('also reads a RunResult that holds a trace (the engine\'s own result JSON)', () => {
    expect(readTraceFile(JSON.stringify({ kind: 'trace', trace: SHIELD_TRACE }))).toEqual({ ok: true, trace: SHIELD_TRACE });
  });

  it('refuses an empty file, and one that is not JSON, with the parser\'s words', () => {
    expect(readTraceFile('  \n')).toEqual({ ok: false, problem: { kind: 'empty' } });
    const cut = readTraceFile(traceFileText(SHIELD_TRACE).slice(0, 500));
    expect(cut.ok === false && cut.problem.kind).toBe('not-json');
    const python = readTraceFile('import asyncio\n');
    expect(python.ok === false && python.problem.kind === 'not-json' && python.problem.detail.length).toBeGreaterThan(0);
  });

  it('refuses JSON of something else', () => {
    for (const text of ['[]', '42', '"trace"', 'null', '{"name": "package.json", "version": "1.0.0"}', '{"events": []}']) {
      expect(readTraceFile(text), text).toEqual({ ok: false, problem: { kind: 'not-a-trace' } });
    }
  });

  it('refuses a trace of another version, saying which and whether it is newer', () => {
    expect(readTraceFile(JSON.stringify({ ...SHIELD_TRACE, version: 4 }))).toEqual({
      ok: false,
      problem: { kind: 'other-version', version: '4', newer: true, reads: [2, 3] },
    });
    expect(readTraceFile(JSON.stringify({ ...SHIELD_TRACE, version: 1 }))).toEqual({
      ok: false,
      problem: { kind: 'other-version', version: '1', newer: false, reads: [2, 3] },
    });
  });

  it('refuses a damaged trace, naming the field that is wrong', () => {
    const events = [...SHIELD_TRACE.events];
    events[5] = { ...events[5], e: 'task', id: -1 } as (typeof events)[number];
    const result = readTraceFile(JSON.stringify({ ...SHIELD_TRACE, events }));
    expect(result.ok === false && result.problem.kind).toBe('damaged');
    if (!result.ok && result.problem.kind === 'damaged') expect(result.problem.detail).toContain('trace.events[5]');
    const noEnd = readTraceFile(JSON.stringify({ ...SHIELD_TRACE, end: undefined }));
    expect(noEnd.ok === false && noEnd.problem.kind === 'damaged' && noEnd.problem.detail).toContain('trace.end');
  });

  it("says a syntax error's result holds no run", () => {
    const result = { kind: 'syntax-error', problem: { type: 'SyntaxError', message: 'invalid syntax', line: 3, column: 1, text: 'x' } };
    expect(readTraceFile(JSON.stringify(result))).toEqual({ ok: false, problem: { kind: 'syntax-error', line: 3, message: 'invalid syntax' } });
  });

  it('refuses a file over the limit by its size alone', () => {
    expect(fileSizeProblem(MAX_TRACE_FILE_BYTES)).toBeNull();
    expect(fileSizeProblem(MAX_TRACE_FILE_BYTES + 1)).toEqual({ kind: 'too-large', bytes: MAX_TRACE_FILE_BYTES + 1, limit: MAX_TRACE_FILE_BYTES });
  });
});
