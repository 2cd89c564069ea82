/**
 * The CLI's compiled modules (cli/moduleCache.mjs): used only while every source they were made
 * from is unchanged, each source keeping its own import.meta.url, packages left to Node.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileForNextTime, importCompiled } from '../../cli/moduleCache.mjs';

interface Compiled {
  readonly entryURL: string;
  readonly partURL: string;
  readonly answer: number;
  readonly zodHasObject: boolean;
}

const work = mkdtempSync(path.join(tmpdir(), 'loopscope-module-cache-'));
const before = process.env['LOOPSCOPE_CACHE_DIR'];

/** An entry that imports a second TypeScript file and a package, in a folder of its own. */
function writeSources(name: string, answer: number): { entry: URL; part: string } {
  const dir = path.join(work, name);
  const part = path.join(dir, 'part.ts');
  const entry = path.join(dir, 'entry.ts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(part, `export const partURL: string = import.meta.url;\nexport const answer: number = ${answer};\n`);
  writeFileSync(
    entry,
    `import { z } from 'zod';\nexport { partURL, answer } from './part';\nexport const entryURL: string = import.meta.url;\nexport const zodHasObject: boolean = typeof z.object === 'function';\n`,
  );
  return { entry: pathToFileURL(entry), part };
}

beforeAll(() => {
  process.env['LOOPSCOPE_CACHE_DIR'] = path.join(work, 'cache');
});
afterAll(() => {
  if (before === undefined) delete process.env['LOOPSCOPE_CACHE_DIR'];
  else process.env['LOOPSCOPE_CACHE_DIR'] = before;
});

describe('the CLI module cache', () => {
  it('has nothing before the first compile, then loads the compiled entry with each file its own import.meta.url', async () => {
    const { entry, part } = writeSources('fresh', 42);
    expect(await importCompiled(entry)).toBeNull();
    await compileForNextTime([entry]);
    const compiled = (await importCompiled(entry)) as Compiled;
    expect(compiled).not.toBeNull();
    expect(compiled.answer).toBe(42);
    expect(compiled.entryURL).toBe(entry.href);
    expect(compiled.partURL).toBe(pathToFileURL(part).href);
    expect(compiled.zodHasObject).toBe(true);
  });

  it('refuses the compiled file once any source it was made from has changed, and compiles it again', async () => {
    const { entry, part } = writeSources('edited', 1);
    await compileForNextTime([entry]);
    expect(await importCompiled(entry)).not.toBeNull();
    writeFileSync(part, `export const partURL: string = import.meta.url;\nexport const answer: number = 2;\n`);
    expect(await importCompiled(entry)).toBeNull();
    await compileForNextTime([entry]);
    // A new file name (its hash): not the module Node loaded before.
    expect(((await importCompiled(entry)) as Compiled).answer).toBe(2);
  });

  it('reads and writes nothing with LOOPSCOPE_MODULE_CACHE=off', async () => {
    const { entry } = writeSources('off', 3);
    process.env['LOOPSCOPE_MODULE_CACHE'] = 'off';
    try {
      await compileForNextTime([entry]);
      expect(await importCompiled(entry)).toBeNull();
    } finally {
      delete process.env['LOOPSCOPE_MODULE_CACHE'];
    }
    expect(await importCompiled(entry)).toBeNull();
  });
});
