/**
 * The engine snapshot as a build asset (src/engine/snapshotFile.ts): made in Node from a booted
 * engine, emitted as `assets/engine-<pyodide>-<engine hash>.snap`, where the worker looks for it
 * (src/engine/browser.ts computes the same name from its own bundled sources). The name changes
 * with the Pyodide version and with any change to the engine's Python, like a hashed asset.
 *
 * - build: made while the bundle is built, emitted in generateBundle, and also written to the
 *   CLI's cache (src/engine/node.ts), so `npx loopscope` boots fast after a build;
 * - dev: served by a middleware at the same path, made on the first request (or read from that
 *   cache) and made again when the engine's Python changed.
 */
import type { Connect, Plugin } from 'vite';
import { currentSnapshotName, makeSnapshot, readCachedSnapshot, writeCachedSnapshot, type MadeSnapshot } from '../src/engine/node.ts';

/** The cached snapshot of the engine on disk, or a new one (then cached). */
async function snapshotOfTheEngine(): Promise<MadeSnapshot> {
  const fileName = await currentSnapshotName();
  const cached = readCachedSnapshot(fileName);
  if (cached !== null) return { fileName, bytes: cached };
  const made = await makeSnapshot();
  writeCachedSnapshot(made.fileName, made.bytes);
  return made;
}

function snapshotMiddleware(base: string): Connect.NextHandleFunction {
  const prefix = `${base.endsWith('/') ? base : `${base}/`}assets/engine-`;
  let making: Promise<MadeSnapshot> | null = null;
  return (req, res, next) => {
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    if (!pathname.startsWith(prefix) || !pathname.endsWith('.snap')) return next();
    const wanted = pathname.slice(pathname.lastIndexOf('/') + 1);
    void (async () => {
      // A request for another name (the Python changed since the last one) makes it again.
      if (making === null || (await making).fileName !== (await currentSnapshotName())) making = snapshotOfTheEngine();
      const snapshot = await making;
      if (snapshot.fileName !== wanted) {
        // An old worker asks for the snapshot of sources that are gone: it boots without.
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Content-Length', snapshot.bytes.length);
      res.setHeader('Cache-Control', 'no-cache');
      res.end(snapshot.bytes);
    })().catch((error: unknown) => {
      making = null;
      res.statusCode = 500;
      res.end(String(error));
    });
  };
}

export function snapshotPlugin(): Plugin {
  let made: Promise<MadeSnapshot> | null = null;
  return {
    name: 'loopscope:engine-snapshot',
    configureServer(server) {
      const base = server.config.base.startsWith('/') ? server.config.base : '/';
      server.middlewares.use(snapshotMiddleware(base));
    },
    buildStart() {
      // Started early, awaited at the end: Pyodide boots while the bundle is being built.
      if (this.meta.watchMode !== true) made = makeSnapshot();
    },
    async generateBundle() {
      if (made === null) return;
      const snapshot = await made;
      this.emitFile({ type: 'asset', fileName: `assets/${snapshot.fileName}`, source: snapshot.bytes });
      writeCachedSnapshot(snapshot.fileName, snapshot.bytes);
    },
  };
}
