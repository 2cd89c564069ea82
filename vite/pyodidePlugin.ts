/**
 * Serves Pyodide's runtime files from node_modules/pyodide at `${base}pyodide/` in dev, and
 * emits them into dist/pyodide/ on build (where `vite preview` and any static host serve them).
 *
 * Why not a normal import: Pyodide finds its files by name, relative to `indexURL`, so they
 * must keep their names (no content hash) and sit together in one folder. We serve them
 * ourselves rather than from a CDN so the app works offline and under `connect-src 'self'`.
 *
 * `python_stdlib.zip` is not Pyodide's file as it is, but its stored rewrite (src/engine/
 * storedStdlib.node.ts: the same entries, uncompressed, so the HTTP brotli compresses across
 * them: 2.55 MB become 1.6 MB on the wire). Node boots from the same bytes, so the snapshot the
 * build makes fits it; its SHA-256 is given to the worker (`__PYODIDE_STDLIB_HASH__`), which
 * refuses a snapshot made from another.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';
import { nodeStdlib } from '../src/engine/node.ts';

/** The files `loadPyodide` fetches, with the MIME type each must be served with. */
export const PYODIDE_FILES: Readonly<Record<string, string>> = {
  'pyodide.mjs': 'text/javascript',
  'pyodide.asm.mjs': 'text/javascript',
  // application/wasm lets the browser compile while downloading (instantiateStreaming).
  'pyodide.asm.wasm': 'application/wasm',
  'python_stdlib.zip': 'application/zip',
  'pyodide-lock.json': 'application/json',
};

/** The folder of the installed pyodide package, wherever npm put it. */
function pyodideDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pyodide/package.json'));
}

/** Where a file this plugin serves is read from: the stored standard library is not in the package. */
function sourceOf(dir: string, name: string): string {
  return name === 'python_stdlib.zip' ? nodeStdlib().path : path.join(dir, name);
}

/**
 * A connect middleware answering `${base}pyodide/<file>` for the files above; anything else
 * falls through to Vite. `headers` are copied onto the answer because this middleware runs
 * before Vite's own, which would otherwise add the COOP/COEP/CSP headers.
 */
function pyodideMiddleware(
  base: string,
  dir: string,
  headers: Readonly<OutgoingHttpHeaders>,
): Connect.NextHandleFunction {
  const prefix = `${base.endsWith('/') ? base : `${base}/`}pyodide/`;
  return (req, res, next) => {
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    if (!pathname.startsWith(prefix)) return next();
    const name = pathname.slice(prefix.length);
    const type = Object.hasOwn(PYODIDE_FILES, name) ? PYODIDE_FILES[name] : undefined;
    if (type === undefined) return next();
    const file = sourceOf(dir, name);
    for (const [key, value] of Object.entries(headers)) {
      if (value !== undefined) res.setHeader(key, value);
    }
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', statSync(file).size);
    // Pyodide's version is pinned in package-lock.json; the browser may revalidate freely.
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}

export function pyodidePlugin(): Plugin {
  const dir = pyodideDir();
  return {
    name: 'loopscope:pyodide',
    config() {
      // The files' sizes, for the worker's download progress (src/engine/browser.ts): a
      // compressed response announces its compressed size, the body yields the decoded bytes.
      const bytes = Object.fromEntries(Object.keys(PYODIDE_FILES).map((name) => [name, statSync(sourceOf(dir, name)).size]));
      return { define: { __PYODIDE_FILE_BYTES__: JSON.stringify(bytes), __PYODIDE_STDLIB_HASH__: JSON.stringify(nodeStdlib().hash) } };
    },
    configureServer(server) {
      // Dev base './' is served at '/', as Vite itself does.
      const base = server.config.base.startsWith('/') ? server.config.base : '/';
      const headers = server.config.server.headers ?? {};
      server.middlewares.use(pyodideMiddleware(base, dir, headers));
    },
    generateBundle() {
      for (const name of Object.keys(PYODIDE_FILES)) {
        this.emitFile({
          type: 'asset',
          fileName: `pyodide/${name}`,
          source: readFileSync(sourceOf(dir, name)),
        });
      }
    },
  };
}
