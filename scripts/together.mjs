#!/usr/bin/env node
/**
 * `node scripts/together.mjs typecheck lint build`: runs those npm scripts at the same time and
 * fails if any fails. Why: tsc and ESLint each use one core, and the build spends most of its
 * time in one long brotli stream; run one after another they left the second core of a 2-core CI
 * machine idle for minutes. Each script's output is held and printed whole when it ends (with
 * its time), so the log reads as if they had run one by one.
 */
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: node scripts/together.mjs SCRIPT...  (npm scripts of package.json)');
  process.exit(2);
}

/**
 * @param {string} name
 * @returns {Promise<{ name: string, code: number, seconds: number }>}
 */
function run(name) {
  const t0 = performance.now();
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const output = [];
    // FORCE_COLOR keeps the tools' colours although their output goes to a pipe.
    const child = spawn('npm', ['run', '--silent', name], { env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    let ended = false;
    /**
     * @param {number} status
     * @param {string | null} signal
     */
    const end = (status, signal) => {
      if (ended) return;
      ended = true;
      const seconds = (performance.now() - t0) / 1000;
      process.stdout.write(`\n> ${name} (${seconds.toFixed(1)} s${status === 0 ? '' : `, exit ${status}${signal === null ? '' : ` ${signal}`}`})\n`);
      process.stdout.write(Buffer.concat(output));
      resolve({ name, code: status, seconds });
    };
    child.on('close', (code, signal) => end(code ?? (signal === null ? 1 : 128), signal));
    // npm itself could not be started: no 'close' need follow.
    child.on('error', (error) => {
      output.push(Buffer.from(`${String(error)}\n`));
      end(1, null);
    });
  });
}

const results = await Promise.all(names.map(run));
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
