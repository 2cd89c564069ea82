/**
 * The editor's quick fix for old-tutorial code: the loop a program makes for itself with
 * `loop = asyncio.get_event_loop()` … `loop.run_until_complete(main())` … `loop.close()` (with or
 * without try/finally, at the top level or under `if __name__ == '__main__':`) rewritten to
 * `asyncio.run(main())`, which Python 3.14 runs (its get_event_loop() no longer makes a loop).
 *
 * Pure, over the program's lines, and exact: it knows this pattern only and answers null for
 * anything else, above all for a program that uses the loop otherwise (`loop.call_soon(...)`,
 * `run_forever`, a loop passed to main), where asyncio.run would change what the program does.
 * No tokenizer or AST: each line's code is read with its comments and string contents blanked
 * (`codeLines`), so a `loop` in a comment or a docstring is not a use, and one in an f-string is.
 */
import type { Line } from '../protocol/trace';

export interface AsyncioRunFix {
  /** The lines of the pattern (1-based): where the editor offers the fix. */
  readonly lines: readonly Line[];
  /** The first and last line (1-based, inclusive) the fix replaces. */
  readonly fromLine: Line;
  readonly toLine: Line;
  /** The lines that replace them. */
  readonly replacement: readonly string[];
  /** The call asyncio.run is given (`main()`), for the fix's title. */
  readonly call: string;
}

/** One line's code: comments cut, string contents blanked (f- and t-strings kept), same columns. */
interface CodeLine {
  readonly code: string;
  /** The line starts inside a triple-quoted string: its indentation is the string's text. */
  readonly inString: boolean;
}

export function codeLines(lines: readonly string[]): CodeLine[] {
  const out: CodeLine[] = [];
  let open: { quote: string; keep: boolean } | null = null;
  for (const line of lines) {
    const inString = open !== null;
    let code = '';
    let i = 0;
    while (i < line.length) {
      const c = line.charAt(i);
      if (open !== null) {
        if (c === '\\') {
          code += open.keep ? line.slice(i, i + 2) : '  '.slice(0, line.length - i >= 2 ? 2 : 1);
          i += 2;
        } else if (line.startsWith(open.quote, i)) {
          code += open.quote;
          i += open.quote.length;
          open = null;
        } else {
          code += open.keep ? c : ' ';
          i += 1;
        }
        continue;
      }
      if (c === '#') break;
      if (c === '"' || c === "'") {
        const prefix = (/[A-Za-z]*$/.exec(code)?.[0] ?? '').toLowerCase();
        const quote = line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
        // An f-string's (or 3.14 t-string's) braces hold code that may name the loop.
        open = { quote, keep: prefix.includes('f') || prefix.includes('t') };
        code += quote;
        i += quote.length;
        continue;
      }
      code += c;
      i += 1;
    }
    // A one-quote string cannot go on past its line (a backslash continuation is not worth it).
    if (open !== null && open.quote.length === 1) open = null;
    out.push({ code: code.trimEnd(), inString });
  }
  return out;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const GET = new RegExp(`^(\\s*)(${NAME})\\s*=\\s*asyncio\\.get_event_loop\\(\\s*\\)$`);
const ONE_LINE = new RegExp(`^(\\s*)((?:${NAME}\\s*=\\s*)?)asyncio\\.get_event_loop\\(\\s*\\)\\.run_until_complete\\((.*)\\)$`);
/** `if __name__ == '__main__':` as its code reads (the string blanked) and as written. */
const MAIN_GUARD_CODE = /^if\s+__name__\s*==\s*(['"]) {8}\1\s*:$/;
const MAIN_GUARD = /^if\s+__name__\s*==\s*(['"])__main__\1\s*:/;

/** Words that mean the program works its event loop by hand: only the pattern may hold them. */
const LOOP_WORDS = [
  'get_event_loop',
  'run_until_complete',
  'set_event_loop',
  'new_event_loop',
  'run_forever',
  'get_event_loop_policy',
  'set_event_loop_policy',
];

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

/** How often `word` appears as a whole name (`loop`, `.loop`, not `loops` or `my_loop`). */
function wordCount(code: string, word: string): number {
  return code.match(new RegExp(`(?<![A-Za-z0-9_])${word}(?![A-Za-z0-9_])`, 'g'))?.length ?? 0;
}

/** True when `text` is one whole call: balanced parentheses that close only at its end. */
function isWholeCall(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth < 0 || (depth === 0 && i !== text.length - 1)) return false;
    }
  }
  return depth === 0 && text.endsWith(')');
}

/**
 * `FN(...)` where the program defines `async def FN` at the top level: asyncio.run needs a
 * coroutine, and only such a call is sure to be one (gather() is a future, a variable unknown).
 */
function coroutineCall(call: string, code: readonly CodeLine[]): boolean {
  const fn = new RegExp(`^(${NAME})\\(`).exec(call)?.[1];
  if (fn === undefined || !isWholeCall(call)) return false;
  return code.some((l) => new RegExp(`^async\\s+def\\s+${fn}\\s*\\(`).test(l.code));
}

/** The pattern must sit at the top level or right under `if __name__ == '__main__':`. */
function atTopLevel(code: readonly CodeLine[], lines: readonly string[], at: number): boolean {
  const indent = indentOf(code[at]?.code ?? '');
  if (indent === 0) return true;
  for (let i = at - 1; i >= 0; i--) {
    const text = code[i]?.code ?? '';
    if (text === '') continue;
    if (indentOf(text) < indent) return indentOf(text) === 0 && MAIN_GUARD_CODE.test(text) && MAIN_GUARD.test(lines[i] ?? '');
  }
  return false;
}

/** The index of the next line with code after `from`, or -1. */
function nextCode(code: readonly CodeLine[], from: number): number {
  for (let i = from + 1; i < code.length; i++) if ((code[i]?.code ?? '') !== '') return i;
  return -1;
}

/** The asyncio.run line that takes the place of `[target =] loop.run_until_complete(call)`. */
function runLine(indent: string, target: string, call: string, lineText: string, codeText: string): string {
  // A comment the learner put on that line stays with it.
  const comment = lineText.slice(codeText.length).trim();
  return `${indent}${target}asyncio.run(${call})${comment === '' ? '' : `  ${comment}`}`;
}

/**
 * The fix for `lines` (the editor's lines, without line ends), or null when the program is not
 * exactly the pattern.
 */
export function asyncioRunFix(lines: readonly string[]): AsyncioRunFix | null {
  const code = codeLines(lines);
  if (!code.some((l) => /^import\s+asyncio$/.test(l.code))) return null;
  const all = code.map((l) => l.code).join('\n');
  // One get_event_loop, one run_until_complete, and no other hand-worked loop anywhere.
  for (const word of LOOP_WORDS) {
    const once = word === 'get_event_loop' || word === 'run_until_complete';
    if (wordCount(all, word) !== (once ? 1 : 0)) return null;
  }

  // asyncio.get_event_loop().run_until_complete(main()) on one line.
  {
    const at = code.findIndex((l) => ONE_LINE.test(l.code));
    const m = at < 0 ? null : ONE_LINE.exec(code[at]?.code ?? '');
    if (m !== null && atTopLevel(code, lines, at)) {
      const [, indent = '', target = '', callCode = ''] = m;
      const start = (code[at]?.code ?? '').lastIndexOf(callCode);
      const call = (lines[at] ?? '').slice(start, start + callCode.length);
      if (!coroutineCall(call, code)) return null;
      return {
        lines: [at + 1],
        fromLine: at + 1,
        toLine: at + 1,
        replacement: [runLine(indent, target.replace(/\s*=\s*$/, ' = '), call, lines[at] ?? '', code[at]?.code ?? '')],
        call,
      };
    }
  }

  const get = code.findIndex((l) => GET.test(l.code));
  const getMatch = get < 0 ? null : GET.exec(code[get]?.code ?? '');
  if (getMatch === null || !atTopLevel(code, lines, get)) return null;
  const [, indentText = '', loop = ''] = getMatch;
  const indent = indentText.length;

  // Every use of the loop's name: the pattern's three lines and nothing else.
  const uses = code.flatMap((l, i) => (wordCount(l.code, loop) > 0 ? [i] : []));
  const ruc = new RegExp(`^(\\s*)((?:${NAME}\\s*=\\s*)?)${loop}\\.run_until_complete\\((.*)\\)$`);
  const close = new RegExp(`^(\\s*)${loop}\\.close\\(\\s*\\)$`);
  const [first, run, closing, ...more] = uses;
  if (first !== get || run === undefined || more.length > 0) return null;
  const runMatch = ruc.exec(code[run]?.code ?? '');
  if (runMatch === null || wordCount(code[run]?.code ?? '', loop) !== 1) return null;
  if (closing !== undefined && !close.test(code[closing]?.code ?? '')) return null;
  const [, runIndentText = '', target = '', callCode = ''] = runMatch;
  const callStart = (code[run]?.code ?? '').lastIndexOf(callCode);
  const call = (lines[run] ?? '').slice(callStart, callStart + callCode.length);
  if (!coroutineCall(call, code)) return null;
  const asyncioRun = runLine(runIndentText, target.replace(/\s*=\s*$/, ' = '), call, lines[run] ?? '', code[run]?.code ?? '');
  const last = closing ?? run;
  const patternLines = [get, run, ...(closing === undefined ? [] : [closing])].map((i) => i + 1);
  const deeperOrEqual = (from: number, to: number, depth: number): boolean => {
    for (let i = from + 1; i < to; i++) {
      const text = code[i]?.code ?? '';
      if (text !== '' && indentOf(text) < depth) return false;
    }
    return true;
  };

  // No try: the three statements in one block.
  if (runIndentText.length === indent) {
    if (closing !== undefined && indentOf(code[closing]?.code ?? '') !== indent) return null;
    if (!deeperOrEqual(get, last, indent)) return null;
    const replacement: string[] = [];
    for (let i = get; i <= last; i++) {
      if (i === run) replacement.push(asyncioRun);
      else if (i !== get && i !== closing) replacement.push(lines[i] ?? '');
    }
    return { lines: patternLines, fromLine: get + 1, toLine: last + 1, replacement, call };
  }

  // try: … run_until_complete … finally: … close(): the try right after the loop is made.
  const tryAt = nextCode(code, get);
  if (tryAt < 0 || code[tryAt]?.code !== `${indentText}try:` || closing === undefined) return null;
  const body = runIndentText.length;
  const firstInTry = nextCode(code, tryAt);
  if (firstInTry < 0 || indentOf(code[firstInTry]?.code ?? '') !== body || run < firstInTry) return null;
  let finallyAt = -1;
  for (let i = tryAt + 1; i < code.length; i++) {
    const text = code[i]?.code ?? '';
    if (text !== '' && indentOf(text) <= indent) {
      finallyAt = i;
      break;
    }
  }
  // Directly in the try's body, and a finally (no except, no else) closes it.
  if (finallyAt < 0 || code[finallyAt]?.code !== `${indentText}finally:` || run > finallyAt) return null;
  if (!deeperOrEqual(tryAt, run, body)) return null;
  const firstInFinally = nextCode(code, finallyAt);
  if (firstInFinally < 0 || closing < firstInFinally) return null;
  const finallyBody = indentOf(code[firstInFinally]?.code ?? '');
  if (finallyBody <= indent || indentOf(code[closing]?.code ?? '') !== finallyBody) return null;
  let finallyEnd = code.length;
  for (let i = firstInFinally; i < code.length; i++) {
    const text = code[i]?.code ?? '';
    if (text !== '' && indentOf(text) <= indent) {
      finallyEnd = i;
      break;
    }
  }
  if (closing >= finallyEnd || !deeperOrEqual(finallyAt, finallyEnd, finallyBody)) return null;
  const finallyKeeps = code.slice(firstInFinally, finallyEnd).some((l, i) => l.code !== '' && firstInFinally + i !== closing);

  const replacement: string[] = [];
  if (finallyKeeps) {
    // The finally has more to do than close the loop: it stays, without the close.
    for (let i = get + 1; i < finallyEnd; i++) {
      if (i === run) replacement.push(asyncioRun);
      else if (i !== closing) replacement.push(lines[i] ?? '');
    }
    return { lines: patternLines, fromLine: get + 1, toLine: finallyEnd, replacement, call };
  }
  // Only the close in the finally: the try goes, its body comes out one level.
  const shift = body - indent;
  for (let i = get + 1; i < finallyAt; i++) {
    if (i === tryAt) continue;
    const text = i === run ? asyncioRun : (lines[i] ?? '');
    if (i < tryAt || text.trim() === '') {
      replacement.push(text);
      continue;
    }
    // A triple-quoted string's lines are its text: moving them would change it.
    if (code[i]?.inString ?? false) return null;
    replacement.push(text.slice(Math.min(shift, indentOf(text))));
  }
  return { lines: patternLines, fromLine: get + 1, toLine: closing + 1, replacement, call };
}

