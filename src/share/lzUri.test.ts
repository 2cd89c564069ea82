import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { compressToUri, decompressFromUri } from './lzUri';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** Writes an lz-string bit stream by hand: values least significant bit first, 6 bits a char. */
class BitWriter {
  private readonly bits: number[] = [];
  write(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.bits.push((value >> i) & 1);
  }
  toString(): string {
    let out = '';
    for (let i = 0; i < this.bits.length; i += 6) {
      let v = 0;
      for (let j = 0; j < 6; j++) v = (v << 1) | (this.bits[i + j] ?? 0);
      out += ALPHABET[v];
    }
    return out;
  }
}

/**
 * A decompression bomb: one literal, then `codes` codes that each say "the previous string plus
 * its first character", so the output grows as codes²/2.
 */
function bomb(codes: number): string {
  const writer = new BitWriter();
  writer.write(0, 2);
  writer.write('a'.charCodeAt(0), 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let i = 0; i < codes; i++) {
    writer.write(dictSize, numBits);
    dictSize++;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  writer.write(2, numBits);
  return writer.toString();
}

describe('decompressFromUri', () => {
  it('reads what lz-string writes', () => {
    const samples = [
      'a',
      'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n',
      '你好，世界 😀 \r\n\t tabs and CRLF',
      'x'.repeat(50_000),
      String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 0xd800)),
    ];
    for (const text of samples) {
      expect(decompressFromUri(compressToUri(text), 100_000)).toEqual({ ok: true, text });
    }
  });

  it('reads an empty stream as empty text, as lz-string does', () => {
    expect(compressToUri('')).toBe('Q');
    expect(decompressFromUri('Q', 10)).toEqual({ ok: true, text: '' });
  });

  it('reads a space as "+", since form encoding turns "+" into a space', () => {
    const text = 'print("叠")'; // a small program whose payload has a '+' in it
    const payload = compressToUri(text);
    expect(payload).toContain('+');
    expect(decompressFromUri(payload.replaceAll('+', ' '), 100_000)).toEqual({ ok: true, text });
  });

  it('stops a decompression bomb at the output limit, quickly', () => {
    // lz-string itself expands this small bomb 500-fold; the full one below would need ~2.5e9 chars.
    const small = bomb(3000);
    expect(LZString.decompressFromEncodedURIComponent(small)?.length).toBeGreaterThan(4_000_000);
    const started = performance.now();
    const result = decompressFromUri(bomb(70_000), 100_000);
    expect(result).toMatchObject({ ok: false, why: 'too-large' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reports a cut-short stream instead of padding it with zeros', () => {
    const payload = compressToUri('async def main():\n    pass\n'.repeat(5));
    for (let cut = 0; cut < payload.length; cut++) {
      const result = decompressFromUri(payload.slice(0, cut), 100_000);
      expect(result.ok ? result.text : 'failed').not.toBe('async def main():\n    pass\n'.repeat(5));
      if (!result.ok) expect(result.why).toBe('corrupt');
    }
  });

  it('refuses characters outside the alphabet and names them', () => {
    const result = decompressFromUri('ab!cd', 100);
    expect(result).toMatchObject({ ok: false, why: 'corrupt' });
    expect(result.ok ? '' : result.detail).toContain('"!"');
    expect(decompressFromUri('ab\u0000', 100)).toMatchObject({ ok: false, why: 'corrupt' });
    expect(decompressFromUri('ab\ud800', 100)).toMatchObject({ ok: false, why: 'corrupt' });
    expect(decompressFromUri('abé', 100)).toMatchObject({ ok: false, why: 'corrupt' });
  });

  it('agrees with lz-string whenever it accepts a stream', () => {
    // A small linear congruential generator: deterministic garbage in the alphabet.
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    let accepted = 0;
    for (let n = 0; n < 3000; n++) {
      const length = 1 + (next() % 40);
      let payload = '';
      for (let i = 0; i < length; i++) payload += ALPHABET[next() % 64];
      const ours = decompressFromUri(payload, 100_000);
      if (ours.ok) {
        accepted++;
        expect(LZString.decompressFromEncodedURIComponent(payload)).toBe(ours.text);
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });
});
