/**
 * A static file server for the tests of the service worker's updates: it serves one folder (a
 * "deploy" of the app) with the preview server's headers, and can be switched to another folder,
 * the way a static host swaps in a new build. Vite's preview server cannot change its folder
 * while it runs.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { PREVIEW_HEADERS } from '../vite/securityHeaders';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
};

export interface DeployServer {
  /** `http://127.0.0.1:<port>/`, with the trailing slash. */
  readonly url: string;
  /** Serve `folder` from now on (a new deploy). */
  deploy(folder: string): void;
  close(): Promise<void>;
}

export async function startDeployServer(port: number, folder: string): Promise<DeployServer> {
  let root = folder;
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const relative = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    const file = path.join(root, path.normalize(relative));
    const size = file.startsWith(root) ? fileSize(file) : null;
    for (const [name, value] of Object.entries(PREVIEW_HEADERS)) if (value !== undefined) res.setHeader(name, value);
    if (size === null) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', size);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    deploy: (next) => {
      root = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function fileSize(file: string): number | null {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}
