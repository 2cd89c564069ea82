/**
 * The security headers of the app, in one place: the dev server, the preview server and the
 * `<meta http-equiv="Content-Security-Policy">` in index.html (for static hosts that cannot
 * set headers) all use the policy defined here. `cspMetaPlugin` fails the build when
 * index.html's copy drifts from it.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { Plugin } from 'vite';

/** Each directive, with why the app needs it. */
const CSP_DIRECTIVES: readonly (readonly [directive: string, sources: string])[] = [
  ['default-src', "'self'"],
  // 'wasm-unsafe-eval' lets Pyodide compile its WebAssembly; it does not allow JS eval().
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // Monaco and Vite's CSS injection write <style> elements and style attributes.
  ['style-src', "'self' 'unsafe-inline'"],
  // Small assets (icons, Monaco's codicon font) may be inlined as data: URLs by Vite.
  ['img-src', "'self' data:"],
  ['font-src', "'self' data:"],
  // The engine worker and Monaco's editor worker come from our origin; blob: for workers a
  // library builds in memory.
  ['worker-src', "'self' blob:"],
  // Pyodide fetches its wasm, stdlib zip and lock file from our origin; nothing else is
  // fetched, ever (the learner's program runs offline).
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
];

function serialize(directives: readonly (readonly [string, string])[]): string {
  return directives.map(([directive, sources]) => `${directive} ${sources}`).join('; ');
}

/** The production policy: the headers of `vite preview` and the meta tag in index.html. */
export const CONTENT_SECURITY_POLICY = serialize(CSP_DIRECTIVES);

/**
 * The dev server's policy: as production, plus inline scripts, because
 * @vitejs/plugin-react injects its React Refresh preamble as an inline `<script>` in dev.
 */
export const DEV_CONTENT_SECURITY_POLICY = serialize(
  CSP_DIRECTIVES.map(([directive, sources]) =>
    directive === 'script-src' ? [directive, `${sources} 'unsafe-inline'`] : [directive, sources],
  ),
);

/**
 * Cross-origin isolation makes SharedArrayBuffer available, which Pyodide's interrupt buffer
 * (the Stop button) needs. The app still works, with a weaker Stop, where a host cannot set
 * these headers.
 */
const CROSS_ORIGIN_ISOLATION: OutgoingHttpHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // An embed (an iframe in a course page) may be loaded by a cross-origin isolated host page only
  // when its document allows that host to: without this, the browser refuses the frame there
  // (README, "Embedding"). The app's files are public; no-cors reads of them reveal nothing.
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

export const PREVIEW_HEADERS: OutgoingHttpHeaders = {
  ...CROSS_ORIGIN_ISOLATION,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
};

export const DEV_HEADERS: OutgoingHttpHeaders = {
  ...CROSS_ORIGIN_ISOLATION,
  'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY,
};

const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/;

/**
 * Keeps index.html's CSP meta tag honest: the build fails if it differs from
 * CONTENT_SECURITY_POLICY, and the dev server swaps in the dev policy (a meta policy is
 * enforced on top of the header one, so it must allow the dev preamble too).
 */
export function cspMetaPlugin(): Plugin {
  let isDev = false;
  return {
    name: 'loopscope:csp-meta',
    configResolved(config) {
      isDev = config.command === 'serve';
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const match = META_CSP.exec(html);
        if (match === null) {
          throw new Error('index.html: missing <meta http-equiv="Content-Security-Policy">');
        }
        const content = (match[1] ?? '').replaceAll('&#39;', "'").replaceAll('&apos;', "'");
        if (content !== CONTENT_SECURITY_POLICY) {
          throw new Error(
            `index.html: the CSP meta tag differs from vite/securityHeaders.ts.\n` +
              `  index.html: ${content}\n  expected:   ${CONTENT_SECURITY_POLICY}`,
          );
        }
        if (!isDev) return html;
        return html.replace(
          match[0],
          `<meta http-equiv="Content-Security-Policy" content="${DEV_CONTENT_SECURITY_POLICY}" />`,
        );
      },
    },
  };
}
