/**
 * A course page on another origin, for the embed tests: a small HTTP server on its own port
 * (E2E_HOST_PORT, default 5314) that serves the pages a test puts on it, with or without the
 * headers that make a page cross-origin isolated. The app runs on 127.0.0.1 and the host on
 * `localhost`: another origin and another site, as a school's site embedding Loopscope is.
 */
import { createServer, type Server } from 'node:http';

export const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? 5314);
export const HOST_ORIGIN = `http://localhost:${HOST_PORT}`;

/** How the host serves a page: plain (most course sites) or cross-origin isolated (COOP + COEP). */
export type HostHeaders = 'plain' | 'isolated';

export interface HostPage {
  readonly html: string;
  readonly headers: HostHeaders;
}

export interface EmbedHost {
  /** Serve `html` at `path`; returns the page's address. */
  put(path: string, page: HostPage): string;
  close(): Promise<void>;
}

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * A host page around `body` (the embed code a teacher pastes): it also records every message it
 * receives, as the host's own script sees them, so a test can read what the embed told it.
 */
export function hostPageHtml(body: string, lang = 'en'): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>A course page</title>
<style>body { font-family: sans-serif; max-width: 1100px; margin: 16px auto; padding: 0 12px; }</style>
</head>
<body>
<h1>Chapter 3: gather</h1>
<p>The three requests below run at the same time. Step through the loop:</p>
${body}
<p id="after">The text after the embed.</p>
<script>
  window.__messages = [];
  window.addEventListener('message', function (event) {
    window.__messages.push({ origin: event.origin, data: event.data });
  });
</script>
</body>
</html>
`;
}

export function startEmbedHost(): Promise<EmbedHost> {
  const pages = new Map<string, HostPage>();
  const server: Server = createServer((request, response) => {
    const page = pages.get(new URL(request.url ?? '/', HOST_ORIGIN).pathname);
    if (page === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('no such page');
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(page.headers === 'isolated' ? ISOLATION_HEADERS : {}),
    });
    response.end(page.html);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(HOST_PORT, '127.0.0.1', () => {
      resolve({
        put(path, page) {
          pages.set(path, page);
          return `${HOST_ORIGIN}${path}`;
        },
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
