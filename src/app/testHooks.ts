/**
 * `window.__loopscope`: what end-to-end tests use to set the program without fighting Monaco's
 * auto-indent, and to compare the page with the pure functions over the same trace.
 */
import type { SyntaxProblem, Trace } from '../protocol/trace';
import { encodeShareHash, type ShareLink } from '../share';
import type { LoopscopeStore } from '../store/store';
import { indexTrace } from '../trace';
import type { Cursor } from '../trace/types';

export interface LoopscopeTestHooks {
  setSource(text: string): void;
  getSource(): string;
  /** The trace of the current run (plain data: safe to pass out of the page). */
  trace(): Trace | null;
  cursor(): Cursor;
  /** src/share's encodeShareHash, run in the page (e2e helpers use it when Node cannot load src/share). */
  shareHash(link: ShareLink): string;
  /** The syntax error of the last run, when the program could not start (else null). */
  syntaxProblem(): SyntaxProblem | null;
  /** Move the cursor the way the scrubber does (the store's seek). */
  seek(cursor: Cursor): void;
  /** Show a trace made elsewhere (e.g. `loopscope trace --max-steps 200000`) as if it had just run. */
  loadTrace(trace: Trace): void;
}

declare global {
  interface Window {
    __loopscope?: LoopscopeTestHooks;
  }
}

export function installTestHooks(store: LoopscopeStore): void {
  window.__loopscope = {
    setSource: (text) => store.getState().setSource(text),
    getSource: () => store.getState().source,
    trace: () => store.getState().index?.trace ?? null,
    cursor: () => store.getState().cursor,
    shareHash: (link) => encodeShareHash(link),
    syntaxProblem: () => store.getState().syntaxProblem,
    seek: (cursor) => store.getState().seek(cursor),
    loadTrace: (trace) =>
      store.setState({ phase: 'done', index: indexTrace(trace), syntaxProblem: null, ranSource: trace.source, cursor: { step: 0 }, pendingSeek: null }),
  };
}
