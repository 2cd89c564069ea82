import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXAMPLE_ID, EXAMPLES, TOPICS, exampleById, exampleSource } from './catalog';

// The files on disk, read through the same `?raw` transform the catalog uses.
const programFiles = import.meta.glob<string>('./programs/*.py', { query: '?raw', import: 'default', eager: true });
const expectedFiles = import.meta.glob<string>('./expected/*.out', { query: '?raw', import: 'default', eager: true });

function idOf(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.(py|out)$/, '');
}

const CJK = /[\u4e00-\u9fff]/;

describe('the examples catalog', () => {
  it('has at least 18 examples with unique, URL-safe ids', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(18);
    const ids = EXAMPLES.map((example) => example.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('lists every program file, and each source is that file exactly', () => {
    const onDisk = Object.keys(programFiles).map(idOf).sort();
    expect(EXAMPLES.map((example) => example.id).sort()).toEqual(onDisk);
    for (const [path, text] of Object.entries(programFiles)) {
      expect(exampleById(idOf(path))?.source).toBe(text);
    }
  });

  it('keeps the output real CPython printed for every example', () => {
    expect(Object.keys(expectedFiles).map(idOf).sort()).toEqual(EXAMPLES.map((example) => example.id).sort());
    for (const text of Object.values(expectedFiles)) {
      expect(text.length).toBeGreaterThan(0);
      expect(text.endsWith('\n')).toBe(true);
    }
  });

  it('has short programs: 10–40 lines, a comment on top, LF line ends, no tabs', () => {
    for (const { id, source } of EXAMPLES) {
      const lines = source.trimEnd().split('\n');
      expect(lines.length, id).toBeGreaterThanOrEqual(10);
      expect(lines.length, id).toBeLessThanOrEqual(40);
      expect(lines[0], id).toMatch(/^# /);
      expect(source, id).not.toMatch(/[\r\t]/);
      expect(source.endsWith('\n'), id).toBe(true);
      expect(source, id).toMatch(/asyncio\.run\(/);
    }
  });

  it('has a title and a summary in both languages, Chinese ones in Chinese', () => {
    for (const { id, title, summary, topic } of EXAMPLES) {
      for (const text of [title.en, title.zh, summary.en, summary.zh]) expect(text.trim(), id).not.toBe('');
      expect(title.zh, id).toMatch(CJK);
      expect(summary.zh, id).toMatch(CJK);
      expect(TOPICS[topic], id).toBeDefined();
    }
  });

  it('opens an example that exists by default', () => {
    expect(exampleById(DEFAULT_EXAMPLE_ID)).toBeDefined();
    expect(exampleById('no-such-example')).toBeUndefined();
  });
});

describe('the example sources', () => {
  let python: PyodideInterface;
  beforeAll(async () => {
    python = await loadPyodide();
  });

  it('compile as Python (the engine’s CPython)', () => {
    python.runPython(`
def loopscope_syntax_problem(source, name):
    try:
        compile(source, name, "exec")
    except SyntaxError as error:
        return f"{type(error).__name__}: {error.msg} (line {error.lineno})"
    return None
`);
    for (const { id, source } of EXAMPLES) {
      // A JSON string literal is also a valid Python string literal.
      const call = `loopscope_syntax_problem(${JSON.stringify(source)}, ${JSON.stringify(`${id}.py`)})`;
      const problem: unknown = python.runPython(call);
      expect(problem ?? null, id).toBeNull();
    }
  });
});

describe('exampleSource', () => {
  const example = EXAMPLES.find((e) => e.id === 'create-task');
  if (example === undefined) throw new Error('no create-task example');

  it('keeps the Chinese comment line for a Chinese reader', () => {
    expect(exampleSource(example, 'zh')).toBe(example.source);
  });

  it('gives an English reader the English title on the first line, and nothing else changed', () => {
    const english = exampleSource(example, 'en');
    expect(english.split('\n')[0]).toBe(`# ${example.title.en}`);
    expect(english.split('\n').slice(1)).toEqual(example.source.split('\n').slice(1));
  });
});
