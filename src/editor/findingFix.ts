/**
 * Which findings the editor can mend with one edit, and the edit for each: pure (no Monaco), so
 * quickFixes.ts hands it to the editor and the tests apply it to the pitfall corpus and run the
 * program again.
 */
import { assertNever } from '../protocol/assertNever';
import type { Finding } from '../trace/findings/types';
import { asyncSleepFix } from './asyncSleepFix';
import { addAwaitFix } from './awaitFix';
import type { FindingFix } from './lineEdits';

/** The mechanical mend of a finding on the program's current lines, if it has one. */
export function findingFix(finding: Finding, lines: readonly string[]): FindingFix | null {
  if (finding.line === null) return null;
  switch (finding.kind) {
    case 'never-awaited':
      return addAwaitFix(lines, finding.line, finding.name);
    case 'blocking-call':
      return finding.inCoroutine ? asyncSleepFix(lines, finding.line) : null;
    // The others have no one edit that mends them (the fix is a change of design).
    case 'exception-never-retrieved':
    case 'task-not-awaited':
    case 'cancel-swallowed':
    case 'busy-polling':
    case 'sequential-awaits':
    case 'unbounded-fan-out':
    case 'deadlock':
    case 'removed-api':
    case 'loop-misuse':
      return null;
    default:
      return assertNever(finding);
  }
}
