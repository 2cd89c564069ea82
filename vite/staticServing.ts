/**
 * How the built files are served by `vite preview`, as a static host should serve them (README,
 * "Deploying"):
 * - the precompressed copy (`.br`, else `.gz`, vite/precompressPlugin.ts) when the browser
 *   accepts it, with `Content-Encoding` and `Vary: Accept-Encoding`;
 * - `assets/` (every name there carries a hash of its content) cached for a year as immutable, so
 *   a second visit asks for none of it; everything else (index.html, Pyodide's files, whose names
 *   carry no hash) revalidated with its ETag on each visit (`no-cache`), answered 304 when unchanged.
 *
 * Vite's own preview serves files without either (its on-the-fly compression skips wasm and
 * octet-stream), so a first visit took 12 MB uncompressed. Anything this does not find (a
 * directory, an unknown path) goes on to Vite's handlers.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';
import { ENCODINGS, type Encoding } from './precompressPlugin';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  // application/wasm lets the browser compile while downloading (instantiateStreaming).
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.ttf': 'font/ttf',
  '.snap': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The Cache-Control of a file, by its path under the site's root. */
export function cacheControlOf(relativePath: string): string {
  return relativePath.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

/** The encodings a request's Accept-Encoding allows (a `q=0` refuses one). */
export function acceptedEncodings(header: string | undefined): ReadonlySet<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name !== '' && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

/** The file to send for `file` to a browser that accepts `accepted`, and its encoding (null: as is). */
export function variantFor(file: string, accepted: ReadonlySet<string>): { readonly file: string; readonly encoding: Encoding | null } {
  for (const { name, suffix } of ENCODINGS) {
    if ((accepted.has(name) || accepted.has('*')) && existsSync(file + suffix)) return { file: file + suffix, encoding: name };
  }
  return { file, encoding: null };
}

function staticMiddleware(root: string, base: string, headers: Readonly<OutgoingHttpHeaders>): Connect.NextHandleFunction {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return next();
    }
    if (!pathname.startsWith(base)) return next();
    let relative = pathname.slice(base.length);
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = path.join(root, relative);
    // Only files inside the build, never a precompressed copy asked for by name.
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) return next();
    const type = CONTENT_TYPES[path.extname(file)];
    if (type === undefined) return next();
    const variant = variantFor(file, acceptedEncodings(req.headers['accept-encoding']));
    const stat = statSync(variant.file);
    const etag = `"${stat.size.toString(36)}-${Math.round(stat.mtimeMs).toString(36)}${variant.encoding === null ? '' : `-${variant.encoding}`}"`;
    for (const [key, value] of Object.entries(headers)) {
      if (value !== undefined) res.setHeader(key, value);
    }
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', cacheControlOf(relative));
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', etag);
    if (variant.encoding !== null) res.setHeader('Content-Encoding', variant.encoding);
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('Content-Length', stat.size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    res.end(readFileSync(variant.file));
  };
}

export function staticServingPlugin(): Plugin {
  return {
    name: 'loopscope:static-serving',
    configurePreviewServer(server) {
      const { config } = server;
      // A relative base ('./', the build's) is served at '/', as Vite's preview does.
      const base = config.base.startsWith('/') ? config.base : '/';
      const root = path.resolve(config.root, config.build.outDir);
      server.middlewares.use(staticMiddleware(root, base, config.preview.headers ?? {}));
    },
  };
}
