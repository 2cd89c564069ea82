/**
 * Brotli and gzip copies of the build's files, made at build time (`file.br`, `file.gz` beside
 * `file`), for `vite preview` (vite/staticServing.ts) and any static host that serves
 * precompressed files (README, "Deploying"). A first visit downloads ~30 MB of files raw; brotli
 * at quality 11 takes that to ~11 MB, gzip to ~14 MB.
 *
 * Why not vite-plugin-compression2 (well kept, and it works with Vite 8): quality 11 over the
 * wasm and the engine snapshot takes minutes of CPU on a 2-core machine, at every build, and that
 * plugin keeps nothing between builds. The files that take long never change (Pyodide's) or
 * change only with the engine (the snapshot), so the copies are kept in a cache folder keyed by
 * the SHA-256 of what was compressed: a build after the first compresses only what changed.
 * Node's zlib does the work (both algorithms, on libuv's threads, so both cores are used).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { snapshotCacheDir } from '../src/engine/node';

/** The encodings made, in the order a server prefers them, with the file suffix each gets. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type Encoding = (typeof ENCODINGS)[number]['name'];

/**
 * Files worth compressing: text, wasm, the snapshot, the font, and the standard library's zip
 * (its entries are stored, src/engine/storedStdlib.node.ts, so brotli compresses across them). Not
 * images (already compressed); a zip that is deflated already gives no copy 5% smaller, so none is kept.
 */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|wasm|snap|ttf|txt|zip)$/;
/** Smaller copies than this are not kept: decoding them would cost more than the bytes saved. */
const KEEP_BELOW = 0.95;
/** Files this small fit in a packet or two anyway. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function compress(encoding: Encoding, bytes: Buffer): Promise<Buffer> {
  switch (encoding) {
    case 'br':
      return brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          // A 16 MB window: the snapshot and the wasm repeat themselves across megabytes.
          [constants.BROTLI_PARAM_LGWIN]: 24,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      });
    case 'gzip':
      return gzipAsync(bytes, { level: 9 });
  }
}

/** The cache's key for these bytes compressed this way (the settings above are part of it: change them, change this). */
function cacheKey(encoding: Encoding, bytes: Buffer): string {
  return `${createHash('sha256').update(bytes).digest('hex')}.q11w24l9.${encoding}`;
}

async function cachedCompress(cacheDir: string, encoding: Encoding, bytes: Buffer): Promise<Buffer> {
  const file = path.join(cacheDir, cacheKey(encoding, bytes));
  if (existsSync(file)) return readFileSync(file);
  const out = await compress(encoding, bytes);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written whole, then renamed: a build stopped half-way leaves no truncated entry.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, out);
    renameSync(partial, file);
  } catch {
    // A cache that cannot be written (a read-only home) only makes the next build slower.
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

export interface PrecompressSummary {
  readonly file: string;
  readonly bytes: number;
  readonly br: number | null;
  readonly gzip: number | null;
}

/** Writes `.br` and `.gz` beside every compressible file of `outDir` (replacing stale ones). */
export async function precompressDir(outDir: string, cacheDir: string): Promise<PrecompressSummary[]> {
  const files = filesUnder(outDir).filter((file) => COMPRESSIBLE.test(file) && statSync(file).size >= MIN_BYTES);
  return Promise.all(
    files.map(async (file) => {
      const bytes = readFileSync(file);
      const sizes: Record<Encoding, number | null> = { br: null, gzip: null };
      await Promise.all(
        ENCODINGS.map(async ({ name, suffix }) => {
          const out = await cachedCompress(cacheDir, name, bytes);
          if (out.length >= bytes.length * KEEP_BELOW) return;
          writeFileSync(file + suffix, out);
          sizes[name] = out.length;
        }),
      );
      return { file: path.relative(outDir, file), bytes: bytes.length, ...sizes };
    }),
  );
}

export function precompressPlugin(): Plugin {
  let outDir = '';
  let cacheDir = '';
  return {
    name: 'loopscope:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      // The user's Loopscope cache (where the CLI keeps its snapshot), not node_modules: a checkout
      // whose node_modules is shared or read-only still keeps its copies; an entry is named by its
      // content's hash, so checkouts share them safely.
      cacheDir = path.join(snapshotCacheDir(), 'precompressed');
    },
    // After every file is on disk (the bundle's, Pyodide's, the snapshot, public/).
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const t0 = performance.now();
        const summary = await precompressDir(outDir, cacheDir);
        const total = (pick: (s: PrecompressSummary) => number | null) =>
          summary.reduce((sum, s) => sum + (pick(s) ?? s.bytes), 0) / 1e6;
        this.info(
          `precompressed ${summary.length} files in ${Math.round(performance.now() - t0)} ms: ` +
            `${total((s) => s.bytes).toFixed(1)} MB raw, ${total((s) => s.br).toFixed(1)} MB brotli, ${total((s) => s.gzip).toFixed(1)} MB gzip`,
        );
      },
    },
  };
}
