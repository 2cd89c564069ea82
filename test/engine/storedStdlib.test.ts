/**
 * The standard library's stored rewrite (src/engine/storedStdlib.node.ts): every entry of
 * Pyodide's zip, in the same order, with the same bytes once inflated, now stored; a zip that
 * real CPython's zipfile reads and tests whole, and whose files zipimport imports with their
 * source (what tracebacks show); made the same twice (a build and a CLI make the same file).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StdlibZipError, stdlibEntries, storeStdlib } from '../../src/engine/storedStdlib.node.js';

const CPYTHON = path.join(process.env['HOME'] ?? '', '.pyenv/versions/3.13.0/bin/python3');
const PYODIDE_ZIP = path.join(path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json')), 'python_stdlib.zip');

describe('the stored standard library', () => {
  const deflated = new Uint8Array(readFileSync(PYODIDE_ZIP));
  const stored = storeStdlib(deflated);

  it('holds every entry of Pyodide’s zip, in order, with the same content', () => {
    const before = stdlibEntries(deflated);
    const after = stdlibEntries(stored);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    expect(before.length).toBeGreaterThan(500);
    for (const [i, entry] of after.entries()) {
      expect(Buffer.from(entry.data).equals(Buffer.from(before[i]?.data ?? [])), entry.name).toBe(true);
    }
    // Stored: the zip is the files' bytes plus each one's two headers (30 + 46 bytes and its name twice) and the end record.
    const size = after.reduce((sum, e) => sum + e.data.length + 76 + 2 * new TextEncoder().encode(e.name).length, 22);
    expect(stored.length).toBe(size);
  });

  it('is made the same every time', () => {
    expect(Buffer.from(storeStdlib(deflated)).equals(Buffer.from(stored))).toBe(true);
  });

  it('is read whole by CPython’s zipfile (CRCs checked), every entry stored, and imported by zipimport with its source', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'loopscope-stdlib-')), 'stored.zip');
    writeFileSync(file, stored);
    const script = [
      'import sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'print(z.testzip(), {i.compress_type for i in z.infolist()})',
      'import zipimport',
      'zi = zipimport.zipimporter(sys.argv[1])',
      // What linecache asks a module's loader for, to show a traceback's lines (3.14's files: not imported by 3.13).
      'print(zi.get_source("textwrap") == z.read("textwrap.py").decode(), zi.is_package("asyncio"), zi.get_filename("json"))',
    ].join('\n');
    const run = spawnSync(CPYTHON, ['-I', '-c', script, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`None {0}\nTrue True ${file}/json/__init__.py\n`);
  });

  it('refuses what is no zip', () => {
    expect(() => storeStdlib(new TextEncoder().encode('not a zip at all, just text'))).toThrow(StdlibZipError);
  });
});
