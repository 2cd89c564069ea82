/**
 * A plain static host for the e2e tests: dist/ copied under a sub-path of a course site
 * (`/loopscope/`), as a teacher deploys it. It serves files and nothing else (no SPA fallback,
 * no rewriting), optionally with the cross-origin isolation headers (most hosts cannot set
 * them; some can), and records every request it answered, so a test can see what the app asked for.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { contentTypeOf } from './contentTypes';


export interface StaticHost {
  readonly origin: string;
  /** Each request's path and the status it got. */
  readonly requests: { readonly path: string; readonly status: number }[];
  close(): Promise<void>;
}

export function startStaticHost(options: { port: number; prefix: string; dist: string; isolated: boolean }): Promise<StaticHost> {
  const requests: { path: string; status: number }[] = [];
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const answer = (status: number, body: Buffer | string, type = 'text/plain'): void => {
      requests.push({ path: pathname, status });
      if (options.isolated) {
        res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
        res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
      }
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    if (!pathname.startsWith(options.prefix)) return answer(404, 'not under the prefix');
    let relative = pathname.slice(options.prefix.length);
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = path.join(options.dist, relative);
    if (!file.startsWith(options.dist) || !existsSync(file) || !statSync(file).isFile()) return answer(404, 'not found');
    answer(200, readFileSync(file), contentTypeOf(file));
  });
  return new Promise((resolve) => {
    server.listen(options.port, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${options.port}`,
        requests,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
