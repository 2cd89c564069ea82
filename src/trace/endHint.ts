/**
 * What a learner needs to know about an ending that CPython's own message does not say: the
 * exception stays exactly as CPython raised it (the CLI prints it byte for byte), and the page
 * adds a line of why. Only for errors that come from where the program runs, not from the
 * program: a package that is not in the sandbox, threads and processes that Pyodide lacks.
 */
import type { UiStrings } from '../i18n/ui';
import type { RunEnd } from '../protocol/trace';

export type EndHint =
  /** `import requests`: the sandbox has the standard library only, and nothing can be installed. */
  | { readonly kind: 'missing-module'; readonly module: string }
  /** threading.Thread(...).start(): Pyodide has no threads (asyncio.to_thread is simulated). */
  | { readonly kind: 'no-threads' }
  /** subprocess, os.fork: no processes in the browser. */
  | { readonly kind: 'no-processes' };

/** Modules whose message already says why (the sandbox's own import guard words it). */
const SANDBOX_GUARDED = new Set(['js', 'pyodide', 'pyodide_js', '_pyodide']);

export function endHint(end: RunEnd): EndHint | null {
  if (end.kind !== 'exception') return null;
  if (end.type === 'ModuleNotFoundError') {
    const module = /^No module named '([^']+)'/.exec(end.message)?.[1];
    const top = module?.split('.')[0];
    return top !== undefined && !SANDBOX_GUARDED.has(top) ? { kind: 'missing-module', module: top } : null;
  }
  if (end.type === 'RuntimeError' && end.message.startsWith("can't start new thread")) return { kind: 'no-threads' };
  if (end.type === 'OSError' && end.message.includes('does not support processes')) return { kind: 'no-processes' };
  return null;
}

/** The hint in the learner's language. */
export function endHintText(hint: EndHint, t: UiStrings): string {
  switch (hint.kind) {
    case 'missing-module':
      return t.hintMissingModule(hint.module);
    case 'no-threads':
      return t.hintNoThreads;
    case 'no-processes':
      return t.hintNoProcesses;
  }
}
