// The CLI's TypeScript, compiled once and kept in the user's cache, so a command loads plain
// JavaScript through Node's own loader instead of putting every file through tsx again.
//
// Why: tsx on Node 20 runs its transform in a hooks thread, one per thread that registers it,
// and every import waits on a round trip to it. A CPU profile of a whole `loopscope run` spent
// 0.6–0.9 s of the main thread and 0.3–0.4 s of the engine thread loading tsx and our modules
// that way, plus a hooks thread per thread (its own Node start-up and tsx), on 2 cores shared
// with Python's boot. The compiled file is one ES module per entry (cli/main.ts, the engine
// thread's cli/engineThread.ts), bundled by the esbuild tsx itself transforms with.
//
// It is a cache, not a build step: a command that finds no usable file (the first one, or any
// after a source changed) runs through tsx as before and then compiles the file for the next.
// A file is used only when every source it was made from still has the SHA-256 it was made
// with (esbuild's own list of inputs), so an edited checkout never runs stale code. Packages
// (pyodide, zod) are not bundled: they are imported from where this checkout resolves them, and
// `import.meta.url` in each source is its own file's address, so the engine finds its Python
// files and the worker script where they are. `LOOPSCOPE_MODULE_CACHE=off` reads and writes
// nothing. The folder is the snapshot's (src/engine/node.ts, snapshotCacheDir).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bumped when what is written changes shape: older files are then not read. */
const FORMAT = 1;

const enabled = () => process.env['LOOPSCOPE_MODULE_CACHE'] !== 'off';

/** The same folder as snapshotCacheDir() in src/engine/node.ts (which is TypeScript, so not importable here). */
function cacheDir() {
  const env = process.env;
  if (env['LOOPSCOPE_CACHE_DIR']) return env['LOOPSCOPE_CACHE_DIR'];
  return path.join(env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache'), 'loopscope');
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The manifest's name for an entry: the checkout's path is in it (the compiled file holds absolute addresses). */
function manifestPath(entryURL) {
  const file = fileURLToPath(entryURL);
  return path.join(cacheDir(), `cli-${path.basename(file, '.ts')}-${sha256(file).slice(0, 16)}.json`);
}

/** The compiled file's address when it is still what the sources make, else null. */
function usableFile(entryURL) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(entryURL), 'utf8'));
  } catch {
    return null; // none yet, or unreadable: compiled again
  }
  if (manifest?.format !== FORMAT || typeof manifest.file !== 'string' || typeof manifest.inputs !== 'object') return null;
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    try {
      if (sha256(readFileSync(file)) !== hash) return null;
    } catch {
      return null;
    }
  }
  return pathToFileURL(path.join(cacheDir(), manifest.file)).href;
}

/**
 * The entry's module from its compiled file, or null when there is none that fits (the caller
 * then loads it through tsx, and compileForNextTime() makes one).
 */
export async function importCompiled(entryURL) {
  if (!enabled()) return null;
  const file = usableFile(entryURL);
  if (file === null) return null;
  try {
    return await import(file);
  } catch {
    // A package it imports moved (a reinstall elsewhere): it fails to link before anything
    // runs, and the sources are loaded through tsx instead.
    return null;
  }
}

/** A package imported by the sources, resolved as this checkout resolves it, left out of the bundle. */
const packagesOutside = {
  name: 'packages-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      return { path: import.meta.resolve(args.path), external: true };
    });
  },
};

/** Each source's `import.meta.url` stays its own file's address (a bundle has only one of its own). */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const loader = args.path.endsWith('.ts') ? 'ts' : 'js';
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
    });
  },
};

/** Compiles the entries that had no usable file, for the next command; a failure leaves the next one on tsx. */
export async function compileForNextTime(entryURLs) {
  if (!enabled()) return;
  const missing = entryURLs.filter((entry) => usableFile(entry) === null);
  if (missing.length === 0) return;
  // The esbuild tsx depends on: no package of our own to keep in step.
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild');
  const root = process.cwd();
  await Promise.all(
    missing.map(async (entryURL) => {
      try {
        const result = await esbuild.build({
          absWorkingDir: root,
          entryPoints: [fileURLToPath(entryURL)],
          bundle: true,
          format: 'esm',
          platform: 'node',
          target: 'node20',
          write: false,
          metafile: true,
          logLevel: 'silent',
          plugins: [packagesOutside, ownImportMetaUrl],
        });
        const code = result.outputFiles[0]?.contents;
        if (code === undefined) return;
        const inputs = {};
        for (const input of Object.keys(result.metafile.inputs)) {
          const file = path.resolve(root, input);
          inputs[file] = sha256(readFileSync(file));
        }
        const manifest = manifestPath(entryURL);
        const name = `${path.basename(manifest, '.json')}-${sha256(code).slice(0, 16)}.mjs`;
        writeAtomically(path.join(cacheDir(), name), code);
        writeAtomically(manifest, JSON.stringify({ format: FORMAT, file: name, inputs }));
      } catch {
        // A read-only cache or an esbuild that cannot run: the CLI works through tsx.
      }
    }),
  );
}

/** Written under a temporary name and renamed: a reader never sees half a file, two CLIs at once are fine. */
function writeAtomically(file, contents) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}
