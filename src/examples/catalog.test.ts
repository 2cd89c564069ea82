import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../test/engine/sharedEngine';
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

  it('has an expected output for every example, and none for a program that is gone', () => {
    expect(Object.keys(expectedFiles).map(idOf).sort()).toEqual(EXAMPLES.map((example) => example.id).sort());
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
    for (const { id, title, summary } of EXAMPLES) {
      for (const text of [title.en, title.zh, summary.en, summary.zh]) expect(text.trim(), id).not.toBe('');
      expect(title.zh, id).toMatch(CJK);
      expect(summary.zh, id).toMatch(CJK);
    }
  });

  it('uses every topic the menu labels, each label in both languages', () => {
    const unused = Object.keys(TOPICS).filter((topic) => !EXAMPLES.some((example) => example.topic === topic));
    expect(unused).toEqual([]);
    for (const [topic, label] of Object.entries(TOPICS)) {
      expect(label.en.trim(), topic).not.toBe('');
      expect(label.zh, topic).toMatch(CJK);
    }
  });

  it('opens an example that exists by default', () => {
    expect(exampleById(DEFAULT_EXAMPLE_ID)).toBeDefined();
    expect(exampleById('no-such-example')).toBeUndefined();
  });
});

/**
 * The interpreter the expected outputs came from (src/examples/README.md): pyenv's CPython 3.13,
 * or the one LOOPSCOPE_CPYTHON names. Absent on a machine without it.
 */
const CPYTHON = [process.env.LOOPSCOPE_CPYTHON, path.join(homedir(), '.pyenv/versions/3.13.0/bin/python3')].find(
  (candidate): candidate is string => candidate !== undefined && candidate !== '' && existsSync(candidate),
);
/** CPython runs at a time. */
const CPYTHON_AT_ONCE = 4;
const PROGRAMS_DIR = fileURLToPath(new URL('./programs/', import.meta.url));

/** What CPython prints for a program, run as the README's regeneration command runs it. */
async function cpythonStdout(interpreter: string, id: string): Promise<string> {
  const { stdout } = await promisify(execFile)(interpreter, ['-P', path.join(PROGRAMS_DIR, `${id}.py`)], { timeout: 30_000 });
  return stdout;
}

describe('the expected outputs', () => {
  const expected = (id: string): string | undefined => expectedFiles[`./expected/${id}.out`];

  // The outputs must stay what real CPython printed (never typed by hand). Where that CPython is
  // not installed, the engine, whose fidelity test/engine checks on the corpus, stands in for it,
  // so this test still compares every file with a real run instead of passing unchecked.
  if (CPYTHON !== undefined) {
    const interpreter = CPYTHON;
    it(`are what CPython (${interpreter}) prints for each example, byte for byte`, async () => {
      // The sleeps are real here (~50 s one after another): a few at a time overlap them, but
      // not so many that the CPU they share delays a timer by the 0.1 s the outputs print.
      const printed = new Map<string, string>();
      const queue = EXAMPLES.map(({ id }) => id);
      const runner = async (): Promise<void> => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) printed.set(id, await cpythonStdout(interpreter, id));
      };
      await Promise.all(Array.from({ length: CPYTHON_AT_ONCE }, runner));
      for (const { id } of EXAMPLES) expect(printed.get(id), id).toBe(expected(id));
    }, 120_000);
  } else {
    it('are what the engine prints for each example, byte for byte (no CPython 3.13 on this machine)', async () => {
      for (const { id, source } of EXAMPLES) {
        const result = await runProgram(source);
        expect(result.kind === 'trace' ? result.trace.stdout : result.problem.text, id).toBe(expected(id));
      }
    });
  }
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
