import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import {
  decodeShareHash,
  encodeShareHash,
  MAX_HASH_CHARS,
  MAX_SOURCE_CHARS,
  type ShareDecodeResult,
  type ShareLink,
} from './shareLink';

const PROGRAM = `import asyncio

async def main():
    print("hello")
    await asyncio.sleep(1)

asyncio.run(main())
`;

const payloadOf = (source: string): string => LZString.compressToEncodedURIComponent(source);

function expectError(result: ShareDecodeResult, reason: string): string {
  expect(result.kind).toBe('error');
  if (result.kind !== 'error') return '';
  expect(result.reason).toBe(reason);
  expect(result.detail.trim()).not.toBe('');
  return result.detail;
}

describe('encodeShareHash', () => {
  it('writes #code/ and the lz-string payload, nothing else by default', () => {
    expect(encodeShareHash({ source: PROGRAM })).toBe(`#code/${payloadOf(PROGRAM)}`);
  });

  it('adds only the parameters given, in a fixed order', () => {
    expect(encodeShareHash({ source: 'x', step: 12 })).toBe(`#code/${payloadOf('x')}&step=12`);
    expect(encodeShareHash({ source: 'x', lang: 'zh', line: 2, step: 0 })).toBe(
      `#code/${payloadOf('x')}&step=0&line=2&lang=zh`,
    );
  });

  it('drops a line without a step, and positions that are not whole numbers in range', () => {
    const bare = `#code/${payloadOf('x')}`;
    expect(encodeShareHash({ source: 'x', line: 3 })).toBe(bare);
    for (const step of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e12]) {
      expect(encodeShareHash({ source: 'x', step })).toBe(bare);
    }
    expect(encodeShareHash({ source: 'x', step: 1, line: -2 })).toBe(`${bare}&step=1`);
  });
});

describe('decodeShareHash', () => {
  it('round-trips a program with its position and language', () => {
    const link: ShareLink = { source: PROGRAM, step: 7, line: 1, lang: 'zh' };
    expect(decodeShareHash(encodeShareHash(link))).toStrictEqual({ kind: 'ok', link });
  });

  it('leaves out what the link does not say (no undefined keys)', () => {
    expect(decodeShareHash(encodeShareHash({ source: PROGRAM }))).toStrictEqual({
      kind: 'ok',
      link: { source: PROGRAM },
    });
  });

  it('accepts the hash with or without "#", and surrounding whitespace', () => {
    const hash = encodeShareHash({ source: PROGRAM, step: 3 });
    for (const variant of [hash, hash.slice(1), ` ${hash}\n`, `#  ${hash.slice(1)}  `]) {
      expect(decodeShareHash(variant)).toStrictEqual({ kind: 'ok', link: { source: PROGRAM, step: 3 } });
    }
  });

  it('opens links written by lz-string directly (the TypeScript Playground style)', () => {
    const result = decodeShareHash(`#code/${payloadOf('print("你好")\r\n\tpass')}`);
    expect(result).toStrictEqual({ kind: 'ok', link: { source: 'print("你好")\r\n\tpass' } });
  });

  it('answers "none" for no hash and hashes that are not share links', () => {
    for (const hash of ['', '#', '#about', '#code', '#CODE/abc', '#vx/abc', 'step=3', '#/code/abc']) {
      expect(decodeShareHash(hash)).toStrictEqual({ kind: 'none' });
    }
    // JavaScript callers could pass anything.
    const values: readonly unknown[] = [undefined, null, 42, {}];
    for (const value of values) {
      expect(decodeShareHash(value as string)).toStrictEqual({ kind: 'none' });
    }
  });

  it('says a link from a newer format is unknown, and which version it is', () => {
    const detail = expectError(decodeShareHash('#v2/AAAA&step=1'), 'unknown-version');
    expect(detail).toContain('v2');
  });

  it('refuses empty links', () => {
    expectError(decodeShareHash('#code/'), 'empty');
    expectError(decodeShareHash('#code/&step=1'), 'empty');
    expectError(decodeShareHash(encodeShareHash({ source: '' })), 'empty');
  });

  it('refuses a hash longer than MAX_HASH_CHARS before decompressing anything', () => {
    const huge = `#code/${'A'.repeat(MAX_HASH_CHARS)}`;
    expectError(decodeShareHash(huge), 'too-large');
  });

  it('refuses a program longer than MAX_SOURCE_CHARS, and accepts one exactly that long', () => {
    const longest = 'x'.repeat(MAX_SOURCE_CHARS - 1) + '\n';
    expect(decodeShareHash(encodeShareHash({ source: longest }))).toStrictEqual({
      kind: 'ok',
      link: { source: longest },
    });
    expectError(decodeShareHash(encodeShareHash({ source: `${longest}y` })), 'too-large');
  });

  it('says a damaged payload is damaged', () => {
    const hash = encodeShareHash({ source: PROGRAM });
    expectError(decodeShareHash(hash.slice(0, hash.length - 5)), 'bad-compression');
    expectError(decodeShareHash(`${hash.slice(0, 12)}!${hash.slice(13)}`), 'bad-compression');
    expectError(decodeShareHash('#code/%E0%A4%A'), 'bad-compression');
    expectError(decodeShareHash('#code/%'), 'bad-compression');
  });

  it('reads a payload whose characters were %-escaped or whose "+" became a space', () => {
    const source = 'print("叠")';
    const payload = payloadOf(source);
    expect(payload).toContain('+');
    const escaped = payload.replaceAll('+', '%2B').replaceAll('$', '%24');
    expect(decodeShareHash(`#code/${escaped}`)).toStrictEqual({ kind: 'ok', link: { source } });
    expect(decodeShareHash(`#code/${payload.replaceAll('+', ' ')}`)).toStrictEqual({ kind: 'ok', link: { source } });
  });

  it('refuses a bad step or line, and a line without a step', () => {
    const base = encodeShareHash({ source: PROGRAM });
    for (const suffix of ['&step=', '&step=-1', '&step=1.5', '&step=abc', '&step=1e3', '&step=1234567890', '&step=%ZZ']) {
      expectError(decodeShareHash(base + suffix), 'bad-step');
    }
    expectError(decodeShareHash(`${base}&step=1&line=x`), 'bad-step');
    expectError(decodeShareHash(`${base}&line=2`), 'bad-step');
    expectError(decodeShareHash(`${base}&step=1&step=2`), 'bad-step');
  });

  it('reads %-escaped digits and leading zeros in a step', () => {
    const base = encodeShareHash({ source: PROGRAM });
    expect(decodeShareHash(`${base}&step=%31%32`)).toStrictEqual({ kind: 'ok', link: { source: PROGRAM, step: 12 } });
    expect(decodeShareHash(`${base}&step=007`)).toStrictEqual({ kind: 'ok', link: { source: PROGRAM, step: 7 } });
  });

  it('ignores unknown parameters and unknown languages (later versions may add them)', () => {
    const base = encodeShareHash({ source: PROGRAM, step: 2 });
    expect(decodeShareHash(`${base}&speed=2&theme&lang=fr`)).toStrictEqual({
      kind: 'ok',
      link: { source: PROGRAM, step: 2 },
    });
  });

  it('refuses a program that is not text, and says on which line', () => {
    const nul = expectError(decodeShareHash(encodeShareHash({ source: 'a = 1\nb = "\u0000"\n' })), 'not-text');
    expect(nul).toContain('U+0000');
    expect(nul).toContain('line 2');
    expectError(decodeShareHash(encodeShareHash({ source: 'x = "\ud83d"' })), 'not-text');
    expectError(decodeShareHash(encodeShareHash({ source: 'x = "\ude00"' })), 'not-text');
    expectError(decodeShareHash(encodeShareHash({ source: 'x = "\u009b"' })), 'not-text');
  });

  it('keeps tab, CR, LF and form feed, which real programs contain', () => {
    const source = 'if x:\r\n\tpass\f\n# 注释 😀\n';
    expect(decodeShareHash(encodeShareHash({ source }))).toStrictEqual({ kind: 'ok', link: { source } });
  });
});
