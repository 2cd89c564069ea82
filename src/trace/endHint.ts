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
  | { readonly kind: 'no-processes' }
  /** input(): a run does not stop for the learner to type. */
  | { readonly kind: 'no-input' }
  /** import js / pyodide: the sandbox keeps the program away from the page. */
  | { readonly kind: 'no-page' }
  /** urllib, socket, asyncio.open_connection: the sandbox is offline. */
  | { readonly kind: 'no-network' };

/**
 * Packages the sandbox simulates (src/engine/python/loopscope/net/): a part of them that is not
 * simulated (`aiohttp.web`) is not "missing from the sandbox"; its message says what is there.
 */
const SIMULATED = new Set(['aiohttp', 'httpx', 'requests']);

/** Modules the sandbox's own import guard refuses (src/engine/python/loopscope/sandbox.py). */
const SANDBOX_GUARDED = new Set(['js', 'pyodide', 'pyodide_js', '_pyodide', '_pyodide_core', 'micropip']);

export function endHint(end: RunEnd): EndHint | null {
  if (end.kind !== 'exception') return null;
  if (end.type === 'ModuleNotFoundError') {
    const module = /^No module named '([^']+)'/.exec(end.message)?.[1];
    const top = module?.split('.')[0];
    if (top === undefined || SIMULATED.has(top)) return null;
    return SANDBOX_GUARDED.has(top) ? { kind: 'no-page' } : { kind: 'missing-module', module: top };
  }
  if (end.type === 'RuntimeError' && end.message.startsWith("can't start new thread")) return { kind: 'no-threads' };
  if (end.message.includes('does not support processes') || end.message.includes('cannot start other programs')) {
    return { kind: 'no-processes' };
  }
  if (end.type === 'EOFError' && end.message.startsWith('input() has no keyboard here')) return { kind: 'no-input' };
  // The sandbox's offline socket, and urllib's URLError around it.
  if (end.message.includes('sandbox without network access')) return { kind: 'no-network' };
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
    case 'no-input':
      return t.hintNoInput;
    case 'no-page':
      return t.hintNoPage;
    case 'no-network':
      return t.hintNoNetwork;
  }
}
