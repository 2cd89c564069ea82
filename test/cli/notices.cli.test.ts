/** Run notices through the command line: Loopscope's own words on stderr, English, `loopscope:`. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = new URL('../../bin/loopscope.mjs', import.meta.url).pathname;

describe('npx loopscope run, a network comment it cannot read', () => {
  it('prints the notice as a loopscope: line on stderr, the program\'s output unchanged', { timeout: 120_000 }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'loopscope-')), 'comment.py');
    writeFileSync(file, '# loopscope: net https://x.example/* status=700\nprint("ran")\n');
    const { stdout, stderr } = await run(process.execPath, [BIN, 'run', file]);
    expect(stdout).toBe('ran\n');
    expect(stderr).toBe('loopscope: line 1: this network comment is ignored: status must be an HTTP status code from 100 to 599, not "700"\n');
  });
});
