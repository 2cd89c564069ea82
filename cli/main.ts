/** `loopscope`: run, trace, list the tasks of, or benchmark a program on the Node engine. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { DEFAULT_LIMITS, DEFAULT_RUN_OPTIONS, type RunEnd, type RunOptions } from '../src/protocol/trace';
import { whySentence } from '../src/i18n/endWords';
import { runNoticeText } from '../src/i18n/runNotices';
import { parseArgs, type CliArgs } from './args';
import { ProtocolError } from '../src/protocol/worker';
import { benchOnThread, runOnThread, startEngineThread } from './engineHost';
import { lintRecords, lintText } from './lint';
import { taskSummary } from './taskSummary';

function optionsFor(args: CliArgs): RunOptions {
  return {
    ...DEFAULT_RUN_OPTIONS,
    seed: args.seed ?? DEFAULT_RUN_OPTIONS.seed,
    limits: { ...DEFAULT_LIMITS, ...(args.maxSteps !== undefined && { maxSteps: args.maxSteps }) },
    ...(args.compat !== undefined && { compat: args.compat }),
  };
}

/** Exit status: 0, the program's own sys.exit code, or 1 when it raised or was stopped by a limit. */
function exitStatus(end: RunEnd): number {
  switch (end.kind) {
    case 'ok':
      return 0;
    case 'exit':
      return end.code;
    case 'exception':
    case 'limit':
    case 'deadlock':
    case 'stopped':
    case 'crashed':
      return 1;
  }
}

/**
 * One `loopscope:` line on stderr, in English, after what the program printed: why a run that did
 * not end by itself stopped (CPython would hang or be killed), or, under an exception's traceback,
 * why the error comes from where the program runs (the sandbox) rather than from the program.
 */
function endNotice(end: RunEnd): string | null {
  const sentence = whySentence(end, 'en');
  return sentence === null ? null : `loopscope: ${sentence}\n`;
}

/**
 * Runs the command. `engineThread`, when given, is one already booting (bin/loopscope.mjs
 * starts it first): it gets the job, or is ended when the command cannot run.
 */
export async function main(argv: readonly string[], engineThread?: Worker): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    void engineThread?.terminate();
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const args = parsed.args;
  let source: string;
  try {
    source = readFileSync(args.file, 'utf8');
  } catch (error) {
    void engineThread?.terminate();
    process.stderr.write(`loopscope: cannot read ${args.file}: ${(error as Error).message}\n`);
    return 2;
  }
  const thread = engineThread ?? startEngineThread();
  // CPython shows the script's absolute path in tracebacks and warnings: so do we.
  const filename = resolve(args.file);
  const options = { ...optionsFor(args), filename };
  if (args.command === 'bench') {
    process.stdout.write(`${JSON.stringify(await benchOnThread(source, options, thread))}\n`);
    return 0;
  }
  let result;
  try {
    result = await runOnThread(source, options, thread);
  } catch (error) {
    // The engine's result was damaged: say so (naming the field), as the page does, and print
    // nothing of it as the program's.
    if (!(error instanceof ProtocolError)) throw error;
    process.stderr.write(`loopscope: ${error.message}\n`);
    return 2;
  }
  if (result.kind === 'syntax-error') {
    process.stderr.write(result.problem.text);
    // lint: 2 says the program could not run at all (0 and 1 say whether it made mistakes).
    return args.command === 'lint' ? 2 : 1;
  }
  const trace = result.trace;
  // What Loopscope says about the run itself (a network comment it could not read), before
  // the program's own stderr, as the page shows it above the output.
  for (const notice of trace.notices ?? []) process.stderr.write(`loopscope: ${runNoticeText(notice, 'en')}\n`);
  switch (args.command) {
    case 'run':
      process.stdout.write(trace.stdout);
      process.stderr.write(trace.stderr);
      break;
    case 'trace': {
      const json = `${JSON.stringify(trace)}\n`;
      if (args.output === undefined) process.stdout.write(json);
      else writeFileSync(args.output, json);
      break;
    }
    case 'tasks':
      process.stdout.write(`${JSON.stringify(taskSummary(trace), null, 2)}\n`);
      break;
    case 'lint': {
      // The findings only: what the program printed is not what lint is asked for.
      const records = lintRecords(trace);
      process.stdout.write(lintText(records, args.json === true));
      return records.length === 0 ? 0 : 1;
    }
  }
  const notice = endNotice(trace.end);
  if (notice !== null) process.stderr.write(notice);
  return exitStatus(trace.end);
}
