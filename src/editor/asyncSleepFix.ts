/**
 * The quick fix for a blocking `time.sleep(x)` in a coroutine: `await asyncio.sleep(x)`, which
 * pauses only this task and lets the loop run the others, plus `import asyncio` when the program
 * has no such import. The finding (from the trace) says the step blocked in time.sleep inside a
 * coroutine; this finds that one call on the line, however the program imported it
 * (`import time`, `import time as t`, `from time import sleep [as nap]`), and refuses whenever the
 * rewrite would be wrong: not in a coroutine, no such call or two of them, in a lambda, no delay.
 */
import type { Line } from '../protocol/trace';
import { codeLines } from './asyncioRunFix';
import { callsNamed, codeOf, enclosingFunction, inLambda, usedAsPrimary, wordBefore, type FindingFix, type LineEdit } from './lineEdits';

/** The names a program reaches a module or one of its functions by, read from its import lines. */
interface Imports {
  /** Names bound to the `time` module (`time`, `t` for `import time as t`). */
  readonly time: readonly string[];
  /** Names bound to time.sleep itself (`sleep`, `nap` for `from time import sleep as nap`). */
  readonly sleep: readonly string[];
  /** The name asyncio is bound to, null when the program never imports the module itself. */
  readonly asyncio: string | null;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const IMPORT = new RegExp(`^import\\s+(.+)$`);
const FROM_TIME = new RegExp(`^from\\s+time\\s+import\\s+\\(?([^)]*)\\)?$`);
const AS = new RegExp(`^(${NAME}(?:\\.${NAME})*)(?:\\s+as\\s+(${NAME}))?$`);

function importsOf(lines: readonly string[]): Imports {
  const time: string[] = [];
  const sleep: string[] = [];
  let asyncio: string | null = null;
  for (const { code, inString } of codeLines(lines)) {
    const head = code.trim();
    if (inString) continue;
    const plain = IMPORT.exec(head);
    for (const part of plain?.[1]?.split(',') ?? []) {
      const m = AS.exec(part.trim());
      if (m?.[1] === 'time') time.push(m[2] ?? 'time');
      if (m?.[1] === 'asyncio' && asyncio === null) asyncio = m[2] ?? 'asyncio';
    }
    const from = FROM_TIME.exec(head);
    for (const part of from?.[1]?.split(',') ?? []) {
      const m = AS.exec(part.trim());
      if (m?.[1] === 'sleep') sleep.push(m[2] ?? 'sleep');
    }
  }
  return { time, sleep, asyncio };
}

/** Where `import asyncio` goes: before the first top-level import (after `from __future__`), else before the first code. */
function importLineFor(lines: readonly string[]): Line {
  const code = codeLines(lines);
  let firstCode: Line | null = null;
  let seenDocstring = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === undefined || c.inString || c.code.trim() === '' || c.code !== c.code.trimStart()) continue;
    const head = c.code;
    if (/^from\s+__future__\b/.test(head)) continue;
    if (/^(?:import|from)\s/.test(head)) return i + 1;
    // The module's docstring must stay its first statement.
    if (firstCode === null && !seenDocstring && /^[rRuUbB]*['"]/.test(head)) {
      seenDocstring = true;
      continue;
    }
    firstCode ??= i + 1;
  }
  return firstCode ?? lines.length + 1;
}

export function asyncSleepFix(lines: readonly string[], line: Line): FindingFix | null {
  const code = codeOf(lines, line);
  if (code === null || enclosingFunction(lines, line) !== 'async') return null;
  const imports = importsOf(lines);
  const calls = [
    ...imports.time.flatMap((t) => callsNamed(code, 'sleep').filter((c) => c.callee === `${t}.sleep`)),
    ...imports.sleep.flatMap((s) => callsNamed(code, s).filter((c) => c.callee === s)),
  ];
  const [call, ...more] = calls;
  if (call === undefined || more.length > 0) return null;
  const word = wordBefore(call.before);
  if (word === 'await' || word === 'def' || word === 'lambda' || inLambda(call.before) || call.onExpression || usedAsPrimary(call.after)) return null;
  // asyncio.sleep() needs its delay: `time.sleep()` (a TypeError already) is left alone.
  if (code.slice(call.open + 1).trimStart().startsWith(')')) return null;
  const asyncio = imports.asyncio ?? 'asyncio';
  const edits: LineEdit[] = [{ line, column: call.start + 1, endColumn: call.open + 1, text: `await ${asyncio}.sleep` }];
  if (imports.asyncio === null) {
    const at = importLineFor(lines);
    edits.unshift({ line: at, column: 1, endColumn: 1, text: 'import asyncio\n' });
  }
  return { line, edits };
}
