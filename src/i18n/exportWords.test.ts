import { describe, expect, it } from 'vitest';
import type { TraceFileProblem } from '../export/traceFile';
import { exportWords, traceFileProblemText } from './exportWords';

/** One of each problem kind; the Record type makes a kind left out here a type error. */
const PROBLEMS: { readonly [K in TraceFileProblem['kind']]: Extract<TraceFileProblem, { kind: K }> } = {
  'too-large': { kind: 'too-large', bytes: 80 * 1024 * 1024, limit: 64 * 1024 * 1024 },
  empty: { kind: 'empty' },
  'not-json': { kind: 'not-json', detail: 'Unexpected token i' },
  'not-a-trace': { kind: 'not-a-trace' },
  'other-version': { kind: 'other-version', version: '4', newer: true, reads: [2, 3] },
  'syntax-error': { kind: 'syntax-error', line: 4, message: 'invalid syntax' },
  damaged: { kind: 'damaged', detail: 'trace.events[3].e: Invalid input' },
};

describe('export words', () => {
  it('says what is wrong with a trace file, with its figures, in English', () => {
    expect(traceFileProblemText(PROBLEMS['too-large'], 'en')).toBe(
      'it is 80 MiB; a trace file may be at most 64 MiB (the largest run Loopscope records is about 45 MB).',
    );
    expect(traceFileProblemText(PROBLEMS['other-version'], 'en')).toContain('version 4, made by a newer Loopscope; this one reads versions 2 and 3.');
    expect(traceFileProblemText({ ...PROBLEMS['other-version'], version: '1', newer: false }, 'en')).toContain('from an older Loopscope');
    expect(traceFileProblemText(PROBLEMS.damaged, 'en')).toContain('trace.events[3].e');
  });

  it('says every problem in Chinese too, with the same figures and no English sentence', () => {
    for (const problem of Object.values(PROBLEMS)) {
      const zh = traceFileProblemText(problem, 'zh');
      expect(zh, problem.kind).not.toBe(traceFileProblemText(problem, 'en'));
      expect(zh, problem.kind).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, problem.kind).not.toMatch(/\b(it is|the file|trace file)\b/);
    }
    expect(traceFileProblemText(PROBLEMS['other-version'], 'zh')).toContain('这个版本只能读取第 2、3 版。');
    expect(traceFileProblemText(PROBLEMS['syntax-error'], 'zh')).toBe('它的程序没有运行：第 4 行有语法错误（invalid syntax）。');
  });

  it('has the recorder notes for every way a browser cannot record, in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const notes = Object.values(exportWords(lang).videoUnsupported);
      expect(notes).toHaveLength(3);
      for (const note of notes) expect(note.length).toBeGreaterThan(20);
    }
  });
});
