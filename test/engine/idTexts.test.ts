/**
 * encode.ids writes lists of task ids from texts made once (str() of an int was most of a
 * Semaphore's objstate in Pyodide): the same JSON as the general encoder for every id, also
 * past the ids it has made texts for and past its cap, where it falls back to str().
 */
import { describe, expect, it } from 'vitest';
import { sharedEngine } from './sharedEngine';

describe('encode.ids', () => {
  it('writes any list of ids as encode.value does: empty, small, first met, past the cap', async () => {
    const { pyodide } = await sharedEngine();
    const mismatches = pyodide.runPython(`
from loopscope import encode
cases = [[], [1], [1, 2, 3], list(range(1, 40)), [5000, 7, 5000], [65535, 65536, 70000, 1],
         [1 << 20], list(range(60000, 60040))]
" | ".join(str(c[:3]) for c in cases if encode.ids(c) != encode.value(c) or encode.ids(c) != encode.ids(list(c)))
`) as string;
    expect(mismatches).toBe('');
  });
});
