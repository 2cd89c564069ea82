/**
 * The quick fix for a never-awaited coroutine: `await ` written before the call that made it,
 * on the line the finding points at. The finding (from the trace) names the coroutine; this finds
 * its one call on that line and refuses whenever `await` there would be wrong or unclear: the line
 * is not in a coroutine (await is a SyntaxError there), the call is not on the line, or is there
 * twice, sits in a lambda, is handed to create_task/gather (already scheduled), or its result is
 * used as `f().x` (where `await f().x` would await the attribute).
 */
import type { Line } from '../protocol/trace';
import { calledInside, callsNamed, codeOf, enclosingFunction, inLambda, usedAsPrimary, wordBefore, type FindingFix } from './lineEdits';

/** Calls that take a coroutine and schedule or await it themselves: no `await` inside them. */
const SCHEDULED_BY = new Set([
  'create_task',
  'ensure_future',
  'gather',
  'shield',
  'wait_for',
  'wait',
  'as_completed',
  'run',
  'run_until_complete',
  'run_coroutine_threadsafe',
]);

/** Words a call can follow where `await` cannot be put in front of it. */
const NOT_AN_EXPRESSION = new Set(['def', 'class', 'import', 'from', 'async', 'lambda']);

export function addAwaitFix(lines: readonly string[], line: Line, coroutine: string): FindingFix | null {
  // A qualified name (`Saver.save`, `main.<locals>.step`) is called by its last part.
  const name = coroutine.split('.').pop() ?? '';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return null;
  const code = codeOf(lines, line);
  if (code === null || enclosingFunction(lines, line) !== 'async') return null;
  if (/^(?:async\s+def|def|class)\b/.test(code.trimStart())) return null;
  const unawaited = callsNamed(code, name).filter((c) => wordBefore(c.before) !== 'await');
  const [call, ...more] = unawaited;
  if (call === undefined || more.length > 0) return null;
  if (NOT_AN_EXPRESSION.has(wordBefore(call.before)) || inLambda(call.before)) return null;
  if (call.onExpression || usedAsPrimary(call.after) || SCHEDULED_BY.has(calledInside(call.before))) return null;
  const column = call.start + 1;
  return { line, edits: [{ line, column, endColumn: column, text: 'await ' }] };
}
