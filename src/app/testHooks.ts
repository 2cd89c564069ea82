/**
 * `window.__loopscope`: what end-to-end tests use to set the program without fighting Monaco's
 * auto-indent, and to compare the page with the pure functions over the same trace. Installed
 * only in development and for a page that asks (testHooksFlag.ts): a learner's page has none.
 * Every hook goes through the store's own actions, like the UI, never writing its fields.
 */
import { parseTrace } from '../protocol/schema';
import type { SyntaxProblem, Trace } from '../protocol/trace';
import { encodeShareHash, type ShareLink } from '../share';
import type { KeyValueStore } from '../store/storage';
import type { LoopscopeStore } from '../store/store';
import type { Cursor } from '../trace/types';
import { TEST_HOOKS_FLAG } from './testHooksFlag';

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
  /**
   * Show a trace made elsewhere (e.g. `loopscope trace --max-steps 200000`) as if it had just
   * run. It comes from outside the page, so it is checked first: throws, naming the field, if it
   * is not a trace of this version.
   */
  loadTrace(trace: Trace): void;
}

declare global {
  interface Window {
    __loopscope?: LoopscopeTestHooks;
  }
}

/** True when the page was opened by a test that wants the hooks (or in development). */
export function testHooksWanted(storage: KeyValueStore, dev: boolean): boolean {
  return dev || storage.get(TEST_HOOKS_FLAG) !== null;
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
    loadTrace: (data) => {
      const trace = parseTrace(data);
      if (!trace.ok) throw new Error(`loadTrace: not a trace Loopscope can show: ${trace.error}`);
      store.getState().openTrace(trace.value);
    },
  };
}
