/**
 * What CPython 3.13 and Loopscope (CPython 3.14 in Pyodide) cannot print alike, made alike
 * before two outputs are compared. Each rule is a difference of where the program runs, never
 * of what it does:
 * - asyncio's own files: their path (`/root/.pyenv/.../python3.13/asyncio/`, Pyodide's
 *   `/lib/python314.zip/asyncio/`) and line numbers (they moved between 3.13 and 3.14);
 * - the asyncio frames a traceback passes through, which CPython prints and Loopscope leaves
 *   out (it keeps the program's own frames: test/bad-input/README.md);
 * - real durations: CPython's real 0.202 s is Loopscope's virtual 0.200 s; both are rounded to
 *   10 ms.
 */

const ASYNCIO_FILE = /(?:\/[^\s"'<>:]*)?\/asyncio\/(\w+\.py)(?::\d+|", line \d+)/g;
const DURATION = /\b(took |in )(\d+\.\d+)( seconds|s\b)/g;

/** `text` with `<DIR>/` read as `dir` (the folder the program ran from, ending in `/`). */
export function inFolder(text: string, dir: string): string {
  return text.replaceAll('<DIR>/', dir);
}

export function comparable(text: string, dir: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const frame = /^(\s*)File "([^"]+)", line \d+/.exec(line);
    if (frame !== null && !(frame[2] ?? '').startsWith(dir)) {
      // A frame outside the program: drop it and the source and caret lines indented under it.
      const indent = (frame[1] ?? '').length;
      while (i + 1 < lines.length && (lines[i + 1] ?? '').startsWith(' '.repeat(indent + 2))) i++;
      continue;
    }
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(ASYNCIO_FILE, (_all: string, file: string) => `<asyncio>/${file}`)
    .replace(DURATION, (_all: string, before: string, seconds: string, after: string) => `${before}${Number(seconds).toFixed(2)}${after}`);
}
