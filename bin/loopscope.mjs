#!/usr/bin/env node
// The headless Loopscope: the same engine as the page, run by Node. TypeScript sources are
// loaded through tsx the first time, then from their compiled copy in the user's cache
// (cli/moduleCache.mjs), so the CLI needs no build step after `npm install`.
//
// The engine thread is started first, before the CLI's own modules load: it boots Python
// while this thread loads them, which it used to wait for (0.6–0.9 s through tsx, in a CPU
// profile of a whole `loopscope run`, both threads). The job (which program, which options)
// reaches it by message once the arguments are read; a command that needs no engine (bad
// arguments, an unreadable file) ends the thread unused.
import { Worker } from 'node:worker_threads';
import { compileForNextTime, importCompiled } from '../cli/moduleCache.mjs';

const engineThread = new Worker(new URL('../cli/engineThread.mjs', import.meta.url));
const MAIN = new URL('../cli/main.ts', import.meta.url);
const ENGINE_THREAD = new URL('../cli/engineThread.ts', import.meta.url);

let cli = await importCompiled(MAIN);
if (cli === null) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(MAIN.href);
}
process.exitCode = await cli.main(process.argv.slice(2), engineThread);
// After the command, so it never delays one: the files the next command loads instead of tsx.
await compileForNextTime([MAIN, ENGINE_THREAD]);
