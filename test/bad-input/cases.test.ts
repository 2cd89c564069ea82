// Checks the fixture table itself (not the engine): every file has one case, the
// expectations are consistent, and the syntax-error cases are exactly the ones that do not
// compile on the engine's CPython (Pyodide).
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUT_CASES, LIMIT_CAUSES } from './cases';

const fixtures = import.meta.glob<string>('./*.py', { query: '?raw', import: 'default', eager: true });
const outputs = import.meta.glob<string>('./expected/*.out', { query: '?raw', import: 'default', eager: true });

function sourceOf(file: string): string {
  const text = fixtures[`./${file}`];
  if (text === undefined) throw new Error(`no fixture ${file}`);
  return text;
}

describe('the bad-input table', () => {
  it('has one case per fixture file, and at least 34', () => {
    const files = BAD_INPUT_CASES.map((c) => c.file);
    expect(new Set(files).size).toBe(files.length);
    expect(files.slice().sort()).toEqual(Object.keys(fixtures).map((p) => p.slice(2)).sort());
    expect(files.length).toBeGreaterThanOrEqual(34);
  });

  it('gives each field only where its kind uses it', () => {
    for (const { file, what, expect: e } of BAD_INPUT_CASES) {
      expect(what.trim(), file).not.toBe('');
      expect(e.limit !== undefined, file).toBe(e.kind === 'limit');
      // A cause exactly where the limit has variants, and one of its own.
      const causes = e.limit === undefined ? null : LIMIT_CAUSES[e.limit];
      if (causes === null) expect(e.cause, file).toBeUndefined();
      else expect(causes, file).toContain(e.cause);
      if (e.orCause !== undefined) {
        expect(causes, file).toContain(e.orCause);
        expect(e.orCause, file).not.toBe(e.cause);
      }
      expect(e.exitCode !== undefined, file).toBe(e.kind === 'exit');
      if (e.stuckOn !== undefined) expect(e.kind, file).toBe('deadlock');
      if (e.hint !== undefined) expect(e.kind, file).toBe('exception');
      if (e.messageIncludes !== undefined) expect(['syntax-error', 'exception', 'limit', 'deadlock', 'crashed'], file).toContain(e.kind);
      if (e.line !== undefined) {
        const lines = sourceOf(file).split(/\r?\n/).length;
        expect(Number.isInteger(e.line) && e.line >= 1 && e.line <= lines, file).toBe(true);
      }
    }
  });

  it('asks for every limit, each way it can be reached', () => {
    const asked = new Set(BAD_INPUT_CASES.map((c) => `${String(c.expect.limit)}/${String(c.expect.cause ?? null)}`));
    const every = Object.entries(LIMIT_CAUSES).flatMap(([limit, causes]) => (causes ?? [null]).map((cause) => `${limit}/${String(cause)}`));
    expect(every.filter((limit) => !asked.has(limit))).toEqual([]);
  });

  it('points at CPython outputs that exist, and uses all of them', () => {
    const referenced = BAD_INPUT_CASES.flatMap((c) => (c.stdoutFile === undefined ? [] : [`./${c.stdoutFile}`]));
    expect(referenced.slice().sort()).toEqual(Object.keys(outputs).sort());
    for (const c of BAD_INPUT_CASES) {
      if (c.stdoutFile !== undefined) expect(c.stdoutFile).toBe(`expected/${c.file.replace(/\.py$/, '.out')}`);
    }
  });

  it('keeps the bytes the cases are about', () => {
    expect(sourceOf('crlf-valid.py')).toContain('\r\n');
    expect(sourceOf('crlf-valid.py').replace(/\r\n/g, '')).not.toContain('\n');
    expect(sourceOf('crlf-syntax-error.py')).toContain('\r\n');
    expect(sourceOf('tabs-and-spaces.py')).toMatch(/\n\t\S.*\n {8}\S/);
    expect(sourceOf('chinese-identifiers.py')).toMatch(/async def 下载/);
    expect(sourceOf('empty.py')).toBe('');
  });
});

describe('the bad-input sources on the engine’s CPython', () => {
  let python: PyodideInterface;
  beforeAll(async () => {
    python = await loadPyodide();
    python.runPython(`
def loopscope_compile_problem(source, name):
    try:
        compile(source, name, "exec", dont_inherit=True)
    except SyntaxError as error:
        return f"{type(error).__name__}: {error.msg}\\n{error.lineno}"
    return None
`);
  });

  function compileProblem(file: string): { text: string; line: number } | null {
    // A JSON string literal is also a valid Python string literal.
    const call = `loopscope_compile_problem(${JSON.stringify(sourceOf(file))}, ${JSON.stringify(file)})`;
    const result: unknown = python.runPython(call);
    if (typeof result !== 'string') return null;
    const [text = '', line = '0'] = result.split('\n');
    return { text, line: Number(line) };
  }

  it('fails to compile exactly where a syntax error is expected', () => {
    for (const { file, expect: e } of BAD_INPUT_CASES) {
      const problem = compileProblem(file);
      if (e.kind !== 'syntax-error') {
        expect(problem, file).toBeNull();
        continue;
      }
      expect(problem, file).not.toBeNull();
      if (problem === null) continue;
      for (const part of e.messageIncludes ?? []) expect(problem.text, file).toContain(part);
      if (e.line !== undefined) expect(problem.line, file).toBe(e.line);
    }
  });
});
