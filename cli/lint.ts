/**
 * `loopscope lint`: the pitfalls one run of the program made (src/trace/findings), in English,
 * one `LINE: kind: explanation` a line, or (`--json`) one JSON array of
 * `{"kind", "line", "step", "tasks": [names], "message"}` in step order.
 */
import type { Trace } from '../src/protocol/trace';
import { findings, indexTrace, taskName, type Finding } from '../src/trace';
import { findingText } from '../src/i18n/findings';

/** One finding as `lint --json` prints it. */
export interface LintRecord {
  readonly kind: Finding['kind'];
  readonly line: number | null;
  readonly step: number;
  /** The tasks' names, as asyncio names them (Task-2, or the name given to create_task). */
  readonly tasks: readonly string[];
  /** The explanation, in English. */
  readonly message: string;
}

export function lintRecords(trace: Trace): readonly LintRecord[] {
  const index = indexTrace(trace);
  return findings(index).map((f) => ({
    kind: f.kind,
    line: f.line,
    step: f.step,
    tasks: f.tasks.map((id) => taskName(index.tasks, id)),
    message: findingText(f, 'en').explanation,
  }));
}

/** The text `lint` prints: a line per finding (`-` when it has no line). */
export function lintText(records: readonly LintRecord[], json: boolean): string {
  if (json) return `${JSON.stringify(records)}\n`;
  return records.map((r) => `${r.line ?? '-'}: ${r.kind}: ${r.message}\n`).join('');
}
