#!/usr/bin/env node
// The headless Loopscope: the same engine as the page, run by Node. TypeScript sources are
// loaded through tsx so the CLI needs no build step after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
