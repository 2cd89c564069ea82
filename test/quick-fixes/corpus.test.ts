/**
 * The editor's quick fixes on real runs: each never-awaited and blocking-call program of the
 * pitfall corpus (and the two pitfall examples) runs on the Node engine; where its finding has a
 * mechanical fix (findingFix, what the editor offers), the fix is applied and the program run
 * again: the finding is gone and the run ends normally. Where it has none (a blocking call hidden
 * in a plain function, a blocking requests call), no fix is offered.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingFix } from '../../src/editor/findingFix';
import { applyFix } from '../../src/editor/testing/applyFix';
import { findings, indexTrace } from '../../src/trace';
import type { Finding } from '../../src/trace/findings/types';
import { traceOf } from '../engine/sharedEngine';

const source = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** Each program, the kind it is about, and whether the editor can mend it with one edit. */
const CASES: readonly { readonly path: string; readonly kind: Finding['kind']; readonly fixed: boolean }[] = [
  { path: 'test/pitfalls/never-awaited/forgot_await.py', kind: 'never-awaited', fixed: true },
  { path: 'test/pitfalls/never-awaited/in_loop.py', kind: 'never-awaited', fixed: true },
  { path: 'test/pitfalls/never-awaited/method_call.py', kind: 'never-awaited', fixed: true },
  { path: 'src/examples/programs/forgotten-await.py', kind: 'never-awaited', fixed: true },
  { path: 'test/pitfalls/blocking-call/sleep_in_handler.py', kind: 'blocking-call', fixed: true },
  { path: 'src/examples/programs/blocking-sleep.py', kind: 'blocking-call', fixed: true },
  // time.sleep in a plain function a coroutine calls: `await` there would be a SyntaxError.
  { path: 'test/pitfalls/blocking-call/sync_helper.py', kind: 'blocking-call', fixed: false },
  // requests.get: the mend is an async client, not one edit.
  { path: 'test/pitfalls/blocking-call/requests_in_coroutine.py', kind: 'blocking-call', fixed: false },
];

async function found(program: string, kind: Finding['kind']): Promise<readonly Finding[]> {
  return findings(indexTrace(await traceOf(program))).filter((f) => f.kind === kind);
}

describe('quick fixes on the pitfall corpus', () => {
  for (const { path, kind, fixed } of CASES) {
    it(`${path}: ${fixed ? 'the fix removes the finding' : 'no fix is offered'}`, { timeout: 60_000 }, async () => {
      const before = source(path);
      const pitfalls = await found(before, kind);
      expect(pitfalls.length, `${kind} found`).toBeGreaterThan(0);
      const lines = before.split('\n');
      const fixes = pitfalls.map((f) => findingFix(f, lines));
      if (!fixed) {
        expect(fixes).toEqual(pitfalls.map(() => null));
        return;
      }
      // A line run three times (a loop) is three findings with one fix.
      expect(new Set(fixes.map((f) => JSON.stringify(f))).size).toBe(1);
      const after = applyFix(before, fixes[0] ?? null);
      if (after === null) throw new Error('no fix offered');
      expect(after).not.toBe(before);
      const trace = await traceOf(after);
      expect(trace.end.kind).toBe('ok');
      expect(findings(indexTrace(trace)).filter((f) => f.kind === kind)).toEqual([]);
    });
  }
});
