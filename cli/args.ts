/** Command-line arguments of `loopscope`: a command, a file, and a few options. */
import type { Compat } from '../src/protocol/trace';

export type Command = 'run' | 'trace' | 'tasks' | 'lint' | 'bench';

export interface CliArgs {
  readonly command: Command;
  readonly file: string;
  readonly seed?: number;
  readonly maxSteps?: number;
  readonly output?: string;
  /** --compat 3.13: run as Python 3.13 would where 3.14 changed asyncio (not for bench). */
  readonly compat?: Compat;
  /** lint --json: the findings as a JSON array instead of lines. */
  readonly json?: boolean;
}

export const USAGE = `usage: loopscope <command> FILE.py [options]

commands:
  run FILE.py              run the program; its stdout and stderr as CPython prints them
  trace FILE.py -o OUT     write the recorded trace as JSON (to stdout without -o)
  tasks FILE.py            print every task as JSON: creation, end, cancel requests
  lint FILE.py [--json]    the classic asyncio mistakes this run made, one 'LINE: kind: explanation'
                           a line (--json: a JSON array); exit 0 none, 1 some, 2 it could not run
  bench FILE.py            time the engine on the program: one JSON line

options:
  --seed N                 seed for random (default 0)
  --max-steps N            stop after N loop steps (default 100000)
  -o, --output FILE        where trace writes (default: stdout)
  --json                   lint: print the findings as JSON
  --compat 3.13            run, trace, tasks, lint: run as Python 3.13 would where 3.14 changed asyncio
                           (get_event_loop() makes a loop, with 3.13's DeprecationWarning)`;

export type ParseResult = { readonly ok: true; readonly args: CliArgs } | { readonly ok: false; readonly message: string };

const COMMANDS: readonly Command[] = ['run', 'trace', 'tasks', 'lint', 'bench'];

function isCommand(word: string | undefined): word is Command {
  return word !== undefined && (COMMANDS as readonly string[]).includes(word);
}

/** The older Pythons a run can behave as: one a line in the error when another is asked for. */
const COMPATS: readonly Compat[] = ['3.13'];

function isCompat(word: string | undefined): word is Compat {
  return word !== undefined && (COMPATS as readonly string[]).includes(word);
}

function wholeNumber(text: string | undefined, name: string): number | string {
  if (text === undefined || !/^\d+$/.test(text)) return `${name} needs a whole number`;
  return Number(text);
}

export function parseArgs(argv: readonly string[]): ParseResult {
  const [command, ...rest] = argv;
  if (!isCommand(command)) {
    return { ok: false, message: command === undefined ? USAGE : `unknown command '${command}'\n\n${USAGE}` };
  }
  let file: string | undefined;
  let seed: number | undefined;
  let maxSteps: number | undefined;
  let output: string | undefined;
  let compat: Compat | undefined;
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    if (word === '--seed' || word === '--max-steps') {
      const value = wholeNumber(rest[++i], word);
      if (typeof value === 'string') return { ok: false, message: value };
      if (word === '--seed') seed = value;
      else maxSteps = value;
    } else if (word === '-o' || word === '--output') {
      output = rest[++i];
      if (output === undefined) return { ok: false, message: `${word} needs a file name` };
    } else if (word === '--compat') {
      const value = rest[++i];
      if (!isCompat(value)) {
        const given = value === undefined ? 'needs a Python version' : `cannot run as Python '${value}'`;
        return { ok: false, message: `--compat ${given}: the one it knows is ${COMPATS.join(', ')} (Python 3.13's asyncio where 3.14 changed it)` };
      }
      compat = value;
    } else if (word === '--json' && command === 'lint') {
      json = true;
    } else if (word !== undefined && word.startsWith('-')) {
      return { ok: false, message: `unknown option '${word}'\n\n${USAGE}` };
    } else if (file === undefined) {
      file = word;
    } else {
      return { ok: false, message: `one program at a time ('${word}' is extra)` };
    }
  }
  if (file === undefined) return { ok: false, message: `${command} needs a FILE.py\n\n${USAGE}` };
  // bench times the engine on today's Python; a compat run would measure something else.
  if (compat !== undefined && command === 'bench') return { ok: false, message: '--compat is for run, trace, tasks and lint, not bench' };
  return {
    ok: true,
    args: {
      command,
      file,
      ...(seed !== undefined && { seed }),
      ...(maxSteps !== undefined && { maxSteps }),
      ...(output !== undefined && { output }),
      ...(compat !== undefined && { compat }),
      ...(json && { json }),
    },
  };
}
