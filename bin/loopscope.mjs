#!/usr/bin/env node
// The headless Loopscope: the same engine as the page, run by Node. TypeScript sources are
// loaded through tsx so the CLI needs no build step after `npm install`.
//
// The engine thread is started first, before tsx and the CLI's own modules load: it boots
// Python (0.7–1.1 s) while this thread spends 0.6–0.9 s loading tsx and cli/main.ts, which it
// used to wait for (a CPU profile of a whole `loopscope run`, both threads). The job (which
// program, which options) reaches it by message once the arguments are read; a command that
// needs no engine (bad arguments, an unreadable file) ends the thread unused.
import { Worker } from 'node:worker_threads';

const engineThread = new Worker(new URL('../cli/engineThread.mjs', import.meta.url));
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), engineThread);
