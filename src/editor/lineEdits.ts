/**
 * What the findings' quick fixes share: the edit they hand Monaco, as plain data, and the few
 * facts about the program's text an edit must check before it is safe to make (is the line in a
 * coroutine? where does this call start and end?). Reading text to edit it is not analysis: the
 * finding (from the trace) says what is wrong and where; these only find the characters to change
 * on that line, and refuse when the line does not read as expected.
 *
 * Lines are read as codeLines gives them (comments cut, string contents blanked), so a call in a
 * comment or a string is never edited.
 */
import type { Line } from '../protocol/trace';
import { codeLines } from './asyncioRunFix';

/** Replace columns [column, endColumn) of `line` (1-based, Monaco's) by `text`; equal columns insert. */
export interface LineEdit {
  readonly line: Line;
  readonly column: number;
  readonly endColumn: number;
  /** May hold '\n' (a whole new line inserted): the editor turns it into the model's end of line. */
  readonly text: string;
}

/** A quick fix for one finding: the line it is offered on and the edits it makes, all at once. */
export interface FindingFix {
  readonly line: Line;
  readonly edits: readonly LineEdit[];
}

const indentOf = (code: string): number => code.length - code.trimStart().length;

/**
 * The function whose body holds `line` (1-based): 'async' (a coroutine: await is allowed there),
 * 'sync', or 'module' (top level or a class body). Found by indentation, the way Python reads
 * blocks: the nearest earlier line indented less that opens a def, walking outwards.
 */
export function enclosingFunction(lines: readonly string[], line: Line): 'async' | 'sync' | 'module' {
  const code = codeLines(lines);
  const target = code[line - 1];
  if (target === undefined || target.inString) return 'module';
  let indent = indentOf(target.code);
  for (let i = line - 2; i >= 0 && indent > 0; i--) {
    const c = code[i];
    if (c === undefined || c.inString || c.code.trim() === '') continue;
    const here = indentOf(c.code);
    if (here >= indent) continue;
    const head = c.code.trimStart();
    if (/^async\s+def\b/.test(head)) return 'async';
    if (/^def\b/.test(head)) return 'sync';
    if (/^class\b/.test(head)) return 'module';
    indent = here;
  }
  return 'module';
}

/** One call on a line: `obj.attr.name(…)`, with where its expression starts and its parenthesis. */
export interface CallOnLine {
  /** 0-based index of the call expression's first character (the start of `obj.attr.name`). */
  readonly start: number;
  /** 0-based index of the name's first character. */
  readonly nameStart: number;
  /** 0-based index of the opening parenthesis. */
  readonly open: number;
  /** The dotted callee as written, spaces dropped (`time.sleep`, `self.save`). */
  readonly callee: string;
  /** What comes before `start` on the line, trimmed at the end (`x =`, `print(`). */
  readonly before: string;
  /** The callee hangs off an expression (`f().save(`, `x[0].save(`), not a plain dotted name. */
  readonly onExpression: boolean;
  /** The first character after the call's closing parenthesis, '' at the line's end, null when the call goes on past the line. */
  readonly after: string | null;
}

/** Every call of a function named `name` on a code line (comments cut, strings blanked). */
export function callsNamed(code: string, name: string): CallOnLine[] {
  const out: CallOnLine[] = [];
  const pattern = new RegExp(`(?<![A-Za-z0-9_])${name.replace(/[^A-Za-z0-9_]/g, '')}\\s*\\(`, 'g');
  for (const m of code.matchAll(pattern)) {
    const nameStart = m.index;
    const open = nameStart + m[0].length - 1;
    const start = chainStart(code, nameStart);
    const before = code.slice(0, start).trimEnd();
    out.push({
      start,
      nameStart,
      open,
      callee: code.slice(start, open).replace(/\s+/g, ''),
      before,
      onExpression: before.endsWith('.'),
      after: afterClose(code, open),
    });
  }
  return out;
}

/** Walk back over `ident .` pairs before the name: `self.db.save` starts at `self`. */
function chainStart(code: string, nameStart: number): number {
  let start = nameStart;
  for (;;) {
    let i = start - 1;
    while (i >= 0 && code.charAt(i) === ' ') i--;
    if (code.charAt(i) !== '.') return start;
    i--;
    while (i >= 0 && code.charAt(i) === ' ') i--;
    let j = i;
    while (j >= 0 && /[A-Za-z0-9_]/.test(code.charAt(j))) j--;
    // `f().save(`, `x[0].save(`: not a plain dotted name; the '.' stays before the start.
    if (j === i || /[0-9]/.test(code.charAt(j + 1))) return start;
    start = j + 1;
  }
}

/** The first non-space character after the parenthesis that closes the one at `open`. */
function afterClose(code: string, open: number): string | null {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code.charAt(i);
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return code.slice(i + 1).trimStart().charAt(0);
    }
  }
  return null;
}

/** The word just before a call (`await`, `def`, `return`…), '' when there is none. */
export function wordBefore(before: string): string {
  return /([A-Za-z_][A-Za-z0-9_]*)$/.exec(before)?.[1] ?? '';
}

/** The function whose parentheses hold the call (`gather` for `gather(a(), save(`), '' when none. */
export function calledInside(before: string): string {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before.charAt(i);
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '[' || c === '{') depth--;
    else if (c === '(') {
      if (depth === 0) return wordBefore(before.slice(0, i).trimEnd());
      depth--;
    }
    if (depth < 0) return '';
  }
  return '';
}

/** True when the call sits inside a lambda on its line (await is not allowed in one). */
export function inLambda(before: string): boolean {
  return /(?<![A-Za-z0-9_])lambda(?![A-Za-z0-9_])/.test(before);
}

/** The code of a line (1-based), or null when it is not there or lies inside a triple-quoted string. */
export function codeOf(lines: readonly string[], line: Line): string | null {
  const c = codeLines(lines)[line - 1];
  return c === undefined || c.inString ? null : c.code;
}

/** A call's result used as a primary (`f().x`, `f()[0]`, `f()()`): `await f()` would not mean the same. */
export function usedAsPrimary(after: string | null): boolean {
  return after === '.' || after === '[' || after === '(';
}
