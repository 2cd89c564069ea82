/** The CLI checks the engine thread's result against the protocol's schema, as the page does. */
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../src/protocol/worker';
import { runResultOf } from './engineHost';

const problem = { type: 'SyntaxError', message: 'invalid syntax', line: 1, column: 5, text: '  File "main.py", line 1\n' };

describe('runResultOf', () => {
  it('returns a result that is what the protocol says', () => {
    const json = JSON.stringify({ kind: 'syntax-error', problem });
    expect(runResultOf(json)).toEqual(JSON.parse(json));
  });

  it('refuses a damaged result, naming the field that is wrong', () => {
    const damaged = JSON.stringify({ kind: 'trace', trace: { version: 'x' } });
    expect(() => runResultOf(damaged)).toThrow(ProtocolError);
    expect(() => runResultOf(damaged)).toThrow(/result\.trace\.version/);
    expect(() => runResultOf('{"kind": "trace", ')).toThrow(/result: not JSON/);
  });
});
