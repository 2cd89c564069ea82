/**
 * The snapshot boot (src/engine/snapshotBoot.ts) must be invisible to programs: an engine
 * restored from a snapshot made like the build makes it prints, traces and sees exactly what an
 * engine booted without one does, run after run; and every snapshot it cannot use (missing, from
 * another Pyodide or engine, damaged, refused by Pyodide) still gives a working engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { version } from 'pyodide';
import type { Engine } from '../../src/engine/engine';
import { bootNodeEngineFrom, loadNodePyodide, makeSnapshot, nodeInitialMemory, nodeStdlib, readPythonFiles, type MadeSnapshot } from '../../src/engine/node';
import { bootFromSnapshot, engineHashOf } from '../../src/engine/snapshotBoot';
import { encodeSnapshot, readSnapshot } from '../../src/engine/snapshotFile';

import { DEFAULT_RUN_OPTIONS, type RunResult } from '../../src/protocol/trace';
import { fidelityCorpus, ownCorpus } from './sharedEngine';

/** A run with its one real-time figure zeroed: everything else must be equal byte for byte. */
function comparable(result: RunResult): string {
  return JSON.stringify(result.kind === 'trace' ? { ...result.trace, stats: { ...result.trace.stats, pythonMs: 0 } } : result);
}

function stdoutOf(result: RunResult): string {
  if (result.kind !== 'trace') throw new Error(`expected a trace, got a syntax error: ${result.problem.text}`);
  return result.trace.stdout;
}

/** What a program can read of the interpreter it was given. */
const FINGERPRINT = `
import sys, os, gc, random
print(sys.path)
print(sorted(sys.modules))
print(sorted(os.environ.items()))
print(sys.flags)
print(hash("loop"), hash(("a", 1)), gc.get_freeze_count() > 0, sys.getrecursionlimit())
print(random.random(), os.getcwd(), sorted(os.listdir("/home/pyodide")))
print(sorted(k for k in globals() if not k.startswith("__")), __name__)
`;

let made: MadeSnapshot;
let restored: Engine;
let normal: Engine;

beforeAll(async () => {
  made = await makeSnapshot();
  const outcome = await bootNodeEngineFrom(made.bytes);
  expect(outcome.unused).toBeNull();
  expect(outcome.bootedFrom).toBe('snapshot');
  restored = outcome.engine;
  // The normal boot, as when the page finds no snapshot: it makes its own.
  const withoutFile = await bootNodeEngineFrom(null);
  expect(withoutFile.bootedFrom).toBe('own-snapshot');
  normal = withoutFile.engine;
}, 180_000);

describe('an engine restored from its snapshot', () => {
  const corpus = [...fidelityCorpus(), ...ownCorpus()];

  it('has the corpus to check', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(18);
  });

  it('runs the corpus twice exactly as an engine booted without the file, printing what CPython printed', () => {
    // Pass by pass, on both engines: the same history of runs (what a program sees of the heap,
    // gc.get_objects(), is then the same too).
    for (const pass of [1, 2]) {
      for (const program of corpus) {
        const fromSnapshot = restored.run(program.source, DEFAULT_RUN_OPTIONS);
        const fromNormal = normal.run(program.source, DEFAULT_RUN_OPTIONS);
        expect(stdoutOf(fromSnapshot), `${program.name}, pass ${pass}`).toBe(program.expected);
        // The whole trace, as_completed's programs too: its coroutines become tasks in the order
        // given, not in the order of their addresses (as_completed_order.py).
        expect(comparable(fromSnapshot), `${program.name}, pass ${pass}`).toBe(comparable(fromNormal));
      }
    }
  });

  it('shows a program the same interpreter: path, modules, environment, flags, hashes, files', () => {
    const fromSnapshot = stdoutOf(restored.run(FINGERPRINT, DEFAULT_RUN_OPTIONS));
    expect(fromSnapshot).toBe(stdoutOf(normal.run(FINGERPRINT, DEFAULT_RUN_OPTIONS)));
    expect(fromSnapshot).toContain("('LANG', 'C.UTF-8')");
    expect(fromSnapshot).toContain("('PYTHONHASHSEED', '0')");
  });

  it('forgets the modules a run made: the next run cannot import them', () => {
    const maker = 'import sys, types\nsys.modules["notes"] = types.ModuleType("notes")\nopen("helper.py", "w").write("X = 1\\n")\nimport helper\nprint(helper.X)\n';
    expect(stdoutOf(restored.run(maker, DEFAULT_RUN_OPTIONS))).toBe('1\n');
    const next = restored.run('import sys\nprint("notes" in sys.modules, "helper" in sys.modules)\n', DEFAULT_RUN_OPTIONS);
    expect(stdoutOf(next)).toBe('False False\n');
  });
});

describe('a snapshot the engine cannot use', () => {
  const running = async () => ({ pyodideVersion: version, engineHash: await engineHashOf(readPythonFiles()), stdlib: nodeStdlib().hash });
  const memory = () => nodeInitialMemory();

  it('is read back to exactly the heap Pyodide made', async () => {
    const read = readSnapshot(made.bytes, await running(), memory());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const again = encodeSnapshot(read.pyodideSnapshot, read.meta, memory());
    expect(Buffer.from(again).equals(Buffer.from(made.bytes))).toBe(true);
    // Stored against the wasm's initial memory, the file is smaller than the heap's non-zero pages.
    const nonZeroPages = Array.from({ length: Math.ceil(read.pyodideSnapshot.length / 4096) }, (_, page) =>
      read.pyodideSnapshot.subarray(page * 4096, (page + 1) * 4096).some((b) => b !== 0),
    ).filter(Boolean).length;
    expect(made.bytes.length).toBeLessThan(nonZeroPages * 4096 * 0.9);
  });

  it('is refused when made by another Pyodide, from other engine sources or on another standard library', async () => {
    const here = await running();
    expect(readSnapshot(made.bytes, { ...here, pyodideVersion: '0.0.1' }, memory())).toMatchObject({ ok: false, refusal: { kind: 'pyodide-version' } });
    expect(readSnapshot(made.bytes, { ...here, engineHash: 'f'.repeat(64) }, memory())).toMatchObject({ ok: false, refusal: { kind: 'engine-hash' } });
    expect(readSnapshot(made.bytes, { ...here, stdlib: '0'.repeat(64) }, memory())).toMatchObject({ ok: false, refusal: { kind: 'stdlib' } });
  });

  it("is refused against another wasm's initial memory, and the boot then makes its own", async () => {
    const other = memory().bytes.slice();
    other[1000] = (other[1000] ?? 0) ^ 1;
    expect(readSnapshot(made.bytes, await running(), { bytes: other, segments: 1 })).toMatchObject({ ok: false, refusal: { kind: 'initial-memory' } });
    const outcome = await bootFromSnapshot({
      load: loadNodePyodide,
      files: readPythonFiles(),
      pyodideVersion: version,
      stdlib: nodeStdlib().hash,
      initialMemory: Promise.reject(new Error('the wasm could not be read')),
      snapshot: Promise.resolve(made.bytes),
    });
    expect(outcome.bootedFrom).toBe('own-snapshot');
    expect(outcome.unused).toEqual({ kind: 'initial-memory', detail: 'Error: the wasm could not be read' });
    expect(stdoutOf(outcome.engine.run('print("still")\n', DEFAULT_RUN_OPTIONS))).toBe('still\n');
  }, 120_000);

  it('is refused when damaged: a changed byte, a cut file, not a snapshot at all', async () => {
    const here = await running();
    const flipped = made.bytes.slice();
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0x40;
    expect(readSnapshot(flipped, here, memory())).toMatchObject({ ok: false, refusal: { kind: 'damaged', what: 'checksum' } });
    expect(readSnapshot(made.bytes.subarray(0, made.bytes.length - 4096), here, memory())).toMatchObject({ ok: false, refusal: { kind: 'damaged' } });
    expect(readSnapshot(new TextEncoder().encode('<!doctype html>'), here, memory())).toMatchObject({ ok: false, refusal: { kind: 'not-a-snapshot' } });
  });

  it('boots without it, and works, when it is damaged', async () => {
    const flipped = made.bytes.slice();
    flipped[100_000] = (flipped[100_000] ?? 0) ^ 1;
    const outcome = await bootNodeEngineFrom(flipped);
    expect(outcome.bootedFrom).toBe('own-snapshot');
    expect(outcome.unused).toMatchObject({ kind: 'damaged' });
    expect(stdoutOf(outcome.engine.run('print("hi")\n', DEFAULT_RUN_OPTIONS))).toBe('hi\n');
  }, 120_000);

  it('boots without it when Pyodide refuses what it holds', async () => {
    // A whole container of ours around bytes that are no Pyodide snapshot: our checks pass,
    // Pyodide's restore throws.
    const bogus = new Uint8Array(made.bytes.length).fill(7);
    new DataView(bogus.buffer).setUint32(4, 16, true); // a header length our container accepts
    const bogusFile = encodeSnapshot(bogus, await running(), memory());
    const outcome = await bootNodeEngineFrom(bogusFile);
    expect(outcome.bootedFrom).toBe('own-snapshot');
    expect(outcome.unused).toMatchObject({ kind: 'restore-failed' });
    expect(stdoutOf(outcome.engine.run('print(6 * 7)\n', DEFAULT_RUN_OPTIONS))).toBe('42\n');
  }, 120_000);

  it('still gives a working engine when restoring fails altogether (the private API gone)', async () => {
    const outcome = await bootFromSnapshot({
      load: (extra) => (extra._loadSnapshot === undefined ? loadNodePyodide(extra) : Promise.reject(new Error('no _loadSnapshot here'))),
      files: readPythonFiles(),
      pyodideVersion: version,
      stdlib: nodeStdlib().hash,
      initialMemory: Promise.resolve(nodeInitialMemory()),
      snapshot: Promise.resolve(made.bytes),
    });
    expect(outcome.bootedFrom).toBe('no-snapshot');
    expect(outcome.unused).toMatchObject({ kind: 'restore-failed', detail: 'Error: no _loadSnapshot here' });
    const basics = 'import sys, os\nprint(sys.path, sorted(os.environ.items()), hash("loop"))\n';
    expect(stdoutOf(outcome.engine.run(basics, DEFAULT_RUN_OPTIONS))).toBe(stdoutOf(normal.run(basics, DEFAULT_RUN_OPTIONS)));
  }, 120_000);
});
