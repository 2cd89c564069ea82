/**
 * A static file server for the service worker's tests: it serves one folder (a "deploy" of the
 * app), with the preview server's headers or, like a host that cannot set any, without them; it
 * can be switched to another folder, the way a static host swaps in a new build (Vite's preview
 * server cannot change its folder while it runs). Files carry an ETag, and a request that sends
 * it back gets a 304, as from any static host; each answer is noted in `log`.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { contentTypeOf } from './contentTypes';
import { PREVIEW_HEADERS } from '../vite/securityHeaders';


/** One answer of the server: the path asked for (no query) and the status given. */
export interface Served {
  readonly path: string;
  readonly status: number;
}

export interface DeployServer {
  /** `http://127.0.0.1:<port>/`, with the trailing slash. */
  readonly url: string;
  /** Every answer so far, in order. */
  readonly log: Served[];
  /** Serve `folder` from now on (a new deploy). */
  deploy(folder: string): void;
  close(): Promise<void>;
}

export interface DeployOptions {
  /** Send the preview server's headers (COOP/COEP/CORP, CSP); a bare static host sends none. */
  readonly headers: boolean;
}

export async function startDeployServer(port: number, folder: string, options: DeployOptions = { headers: true }): Promise<DeployServer> {
  let root = folder;
  const log: Served[] = [];
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const relative = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    const file = path.join(root, path.normalize(relative));
    const stat = file.startsWith(root) ? fileStat(file) : null;
    if (options.headers) {
      for (const [name, value] of Object.entries(PREVIEW_HEADERS)) if (value !== undefined) res.setHeader(name, value);
    }
    const answer = (status: number) => {
      log.push({ path: pathname, status });
      res.statusCode = status;
    };
    if (stat === null) {
      answer(404);
      res.end('not found');
      return;
    }
    const etag = `"${stat.size}-${Math.round(stat.mtimeMs)}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.headers['if-none-match'] === etag) {
      answer(304);
      res.end();
      return;
    }
    answer(200);
    res.setHeader('Content-Type', contentTypeOf(file));
    res.setHeader('Content-Length', stat.size);
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
    log,
    deploy: (next) => {
      root = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function fileStat(file: string): { size: number; mtimeMs: number } | null {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}
