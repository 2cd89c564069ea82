import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressPlugin } from './vite/precompressPlugin.ts';
import { preloadChunkPlugin } from './vite/preloadChunkPlugin.ts';
import { pyodidePlugin } from './vite/pyodidePlugin.ts';
import { pwaPlugin } from './vite/pwaPlugin.ts';
import { cspMetaPlugin, DEV_HEADERS, PREVIEW_HEADERS } from './vite/securityHeaders.ts';
import { snapshotPlugin } from './vite/snapshotPlugin.ts';
import { staticServingPlugin } from './vite/staticServing.ts';

export default defineConfig({
  // Relative: dist/ works from any folder of a static host (`/loopscope/`), not only its root.
  // The worker finds Pyodide and the snapshot from its own address (src/engine/browser.ts).
  base: './',
  plugins: [
    react(),
    pyodidePlugin(),
    snapshotPlugin(),
    cspMetaPlugin(),
    preloadChunkPlugin('src/editor/CodeEditor.tsx'),
    // The offline service worker and the web manifest (README, "Offline and installing").
    pwaPlugin(),
    // Brotli and gzip copies of dist/ at build time, and `vite preview` serving them with cache headers.
    precompressPlugin(),
    staticServingPlugin(),
  ],
  // `vite preview` does not inherit `server.headers`: both are set.
  server: { headers: DEV_HEADERS },
  preview: { headers: PREVIEW_HEADERS },
  // The engine worker imports modules (protocol, engine): an ES module worker, not classic.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Monaco alone is ~4 MB unminified-equivalent; its size is expected, not a warning.
    chunkSizeWarningLimit: 5000,
  },
});
