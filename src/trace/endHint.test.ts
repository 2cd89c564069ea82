import { describe, expect, it } from 'vitest';
import type { RunEnd } from '../protocol/trace';
import { uiStrings } from '../i18n/ui';
import { endHint, endHintText } from './endHint';

const raised = (type: string, message: string): RunEnd => ({ kind: 'exception', type, message, traceback: '', line: 2 });

describe('endHint', () => {
  it('names a third-party package the sandbox does not have, by its top-level name', () => {
    expect(endHint(raised('ModuleNotFoundError', "No module named 'bs4'"))).toEqual({ kind: 'missing-module', module: 'bs4' });
    expect(endHint(raised('ModuleNotFoundError', "No module named 'numpy.linalg'"))).toEqual({ kind: 'missing-module', module: 'numpy' });
  });

  it('adds nothing for the part of a simulated package that is not simulated: its own message says so', () => {
    const web = "No module named 'aiohttp.web': Loopscope simulates only the client side of aiohttp (README, \"Simulated network\")";
    expect(endHint(raised('ModuleNotFoundError', web))).toBeNull();
  });

  it("says why the sandbox refuses the page, the network and the keyboard", () => {
    const js = raised('ModuleNotFoundError', "No module named 'js': Loopscope runs programs in a sandbox without access to the page or the network");
    expect(endHint(js)).toEqual({ kind: 'no-page' });
    expect(endHint(raised('ModuleNotFoundError', "No module named 'pyodide.ffi'"))).toEqual({ kind: 'no-page' });
    const offline = '[Errno 40] network is unreachable: Loopscope runs programs in a sandbox without network access';
    expect(endHint(raised('OSError', offline))).toEqual({ kind: 'no-network' });
    expect(endHint(raised('URLError', `<urlopen error ${offline}>`))).toEqual({ kind: 'no-network' });
    const input = 'input() has no keyboard here: Loopscope runs programs without a console to type into; put the value in the program instead';
    expect(endHint(raised('EOFError', input))).toEqual({ kind: 'no-input' });
  });

  it('explains threads and processes, which Python in the browser does not have', () => {
    expect(endHint(raised('RuntimeError', "can't start new thread"))).toEqual({ kind: 'no-threads' });
    expect(endHint(raised('OSError', '[Errno 138] emscripten does not support processes.'))).toEqual({ kind: 'no-processes' });
  });

  it('leaves the program\'s own errors alone', () => {
    expect(endHint(raised('KeyError', "'cocoa'"))).toBeNull();
    expect(endHint(raised('RuntimeError', 'asyncio.run() cannot be called from a running event loop'))).toBeNull();
    expect(endHint({ kind: 'ok' })).toBeNull();
  });

  it('says it in both languages', () => {
    const hint = { kind: 'missing-module', module: 'numpy' } as const;
    expect(endHintText(hint, uiStrings('en'))).toContain('numpy is not in its sandbox');
    expect(endHintText(hint, uiStrings('zh'))).toContain('numpy 这样的第三方包不在它的沙箱里');
  });
});
