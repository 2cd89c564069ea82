/**
 * Runs every benchmark in bench/ (`*.bench.mjs` and `*.bench.ts`), one after another in name
 * order, each in its own Node process so one benchmark's Pyodide or heap does not skew the next.
 * TypeScript benchmarks run through tsx.
 *
 *   npm run bench              run them all
 *   npm run bench -- engine    run only files whose name contains "engine"
 *
 * Exits non-zero if any benchmark fails; the others still run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
const filters = process.argv.slice(2);

const files = readdirSync(benchDir)
  .filter((name) => /\.bench\.(mjs|ts)$/.test(name))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

if (files.length === 0) {
  console.log(filters.length === 0 ? 'bench: no bench/*.bench.{mjs,ts} files yet' : `bench: nothing matches ${filters.join(', ')}`);
  process.exit(0);
}

const failed = [];
for (const name of files) {
  const file = path.join(benchDir, name);
  const args = name.endsWith('.ts') ? ['--import', 'tsx', file] : [file];
  console.log(`\n── ${name} ──`);
  const started = performance.now();
  const { status, signal, error } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (error !== undefined || status !== 0) {
    failed.push(name);
    console.log(`── ${name}: FAILED (${error?.message ?? signal ?? `exit ${status}`}) after ${seconds} s`);
  } else {
    console.log(`── ${name}: done in ${seconds} s`);
  }
}

console.log(`\nbench: ${files.length - failed.length} of ${files.length} ran` + (failed.length ? `; failed: ${failed.join(', ')}` : ''));
process.exit(failed.length === 0 ? 0 : 1);
