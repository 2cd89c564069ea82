/**
 * Old links keep opening as optional extras are added to format 1 (compat, embed, pin, bp, bpe,
 * ask), and each extra reads and refuses as src/share/README.md says. The fuzzing is in
 * shareLink.fuzz.test.ts.
 */
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash, MAX_SOURCE_CHARS } from './shareLink';
import { EMBED_KEYS } from './embedParams';

describe('share links across versions', () => {
  it('opens links made before compat existed as before, and links with compat=3.13', () => {
    // Hashes as the build before compat wrote them: they must keep opening, as Python 3.14 runs.
    const source = 'import asyncio\n';
    const old = `#code/${LZString.compressToEncodedURIComponent(source)}&step=3&line=1&lang=zh`;
    expect(decodeShareHash(old)).toStrictEqual({ kind: 'ok', link: { source, step: 3, line: 1, lang: 'zh' } });
    expect(decodeShareHash(`${old}&compat=3.13`)).toStrictEqual({ kind: 'ok', link: { source, step: 3, line: 1, lang: 'zh', compat: '3.13' } });
    expect(decodeShareHash(`${old}&compat=3%2E13`)).toStrictEqual({ kind: 'ok', link: { source, step: 3, line: 1, lang: 'zh', compat: '3.13' } });
    // Only what differs from the default is written: no compat, no parameter.
    expect(encodeShareHash({ source })).not.toContain('compat');
    expect(encodeShareHash({ source, compat: '3.13' })).toMatch(/&compat=3\.13$/);
  });

  it('opens links made before embed existed as before; a build before embed reads an embed link as the plain link', () => {
    const source = 'import asyncio\n';
    const plain = `#code/${LZString.compressToEncodedURIComponent(source)}&step=3&lang=zh&compat=3.13`;
    const link = { source, step: 3, lang: 'zh', compat: '3.13' } as const;
    expect(decodeShareHash(plain)).toStrictEqual({ kind: 'ok', link });
    // Embed parameters without embed=1 are skipped, as every unknown parameter is.
    expect(decodeShareHash(`${plain}&views=console&play=1&editor=hidden`)).toStrictEqual({ kind: 'ok', link });
    expect(decodeShareHash(`${plain}&embed=0&views=console`)).toStrictEqual({ kind: 'ok', link });
    // The embed's parameters come after the ones older builds know, and are all keys they skip.
    const embed = { views: ['console', 'timeline'], play: true, speed: 5, editor: 'hidden', theme: 'dark' } as const;
    const hash = encodeShareHash({ ...link, embed });
    expect(hash.startsWith(encodeShareHash(link))).toBe(true);
    const extras = hash.slice(encodeShareHash(link).length);
    expect(extras).toBe('&embed=1&views=console,timeline&play=1&speed=5&editor=hidden&theme=dark');
    for (const param of extras.split('&').slice(1)) expect(EMBED_KEYS.has(param.split('=')[0] ?? '')).toBe(true);
    expect(decodeShareHash(hash)).toStrictEqual({ kind: 'ok', link: { ...link, embed } });
    // Only what differs from the defaults: embed=1 alone is a valid embed link.
    expect(decodeShareHash(`${plain}&embed=1`)).toStrictEqual({ kind: 'ok', link: { ...link, embed: {} } });
  });

  it('opens links made before pin existed as before, and a link with a pinned program with both', () => {
    const source = '# gather\nimport asyncio\n';
    const pinned = '# sequential\nimport asyncio\n';
    const old = `#code/${LZString.compressToEncodedURIComponent(source)}&step=3&lang=zh&compat=3.13`;
    expect(decodeShareHash(old)).toStrictEqual({ kind: 'ok', link: { source, step: 3, lang: 'zh', compat: '3.13' } });
    // The pinned program is compressed as the main one is, by lz-string's own encoder.
    const withPin = `${old}&pin=${LZString.compressToEncodedURIComponent(pinned)}`;
    expect(decodeShareHash(withPin)).toStrictEqual({ kind: 'ok', link: { source, step: 3, lang: 'zh', compat: '3.13', pinned } });
    expect(encodeShareHash({ source })).not.toContain('pin=');
    expect(encodeShareHash({ source, pinned })).toBe(`#code/${LZString.compressToEncodedURIComponent(source)}&pin=${LZString.compressToEncodedURIComponent(pinned)}`);
  });

  it('refuses a damaged pinned program, and keeps the main program out of it', () => {
    const base = encodeShareHash({ source: 'print(1)\n' });
    for (const suffix of ['&pin=', '&pin=%ZZ', '&pin=AAAA', `&pin=${LZString.compressToEncodedURIComponent('a\u0000b')}`, `&pin=${LZString.compressToEncodedURIComponent('x'.repeat(MAX_SOURCE_CHARS + 1))}`]) {
      const result = decodeShareHash(base + suffix);
      expect(result.kind === 'error' && result.reason, suffix).toBe('bad-pinned');
      if (result.kind === 'error') expect(result.detail, suffix).toMatch(/pinned for comparison|pins an empty program/);
    }
    const twice = decodeShareHash(`${base}&pin=N4Ig&pin=N4Ig`);
    expect(twice).toStrictEqual({ kind: 'error', reason: 'bad-pinned', detail: 'The link gives "pin" twice.' });
  });

  it('opens links made before breakpoints and questions as before; their parameters only add to a link', () => {
    const source = 'import asyncio\n';
    const old = `#code/${LZString.compressToEncodedURIComponent(source)}&step=3&lang=zh`;
    expect(decodeShareHash(old)).toStrictEqual({ kind: 'ok', link: { source, step: 3, lang: 'zh' } });
    const withAll = `${old}&bp=9,4&bpe=task-failed,t:2.5,task:fetch%2C%20retry&ask=12,30`;
    expect(decodeShareHash(withAll)).toStrictEqual({
      kind: 'ok',
      link: {
        source,
        step: 3,
        lang: 'zh',
        breakpoints: { lines: [4, 9], events: [{ kind: 'task-failed' }, { kind: 'time-reached', t: 2.5 }, { kind: 'task-runs', task: 'fetch, retry' }] },
        ask: [12, 30],
      },
    });
    // An event kind a later build adds is skipped, the rest kept; entries that cannot be read are dropped, not refused.
    expect(decodeShareHash(`${old}&bpe=task-awaits,timer-fires&bp=0,x,7&ask=0,-2`)).toStrictEqual({
      kind: 'ok',
      link: { source, step: 3, lang: 'zh', breakpoints: { lines: [7], events: [{ kind: 'timer-fires' }] } },
    });
    // Written only when there are some, after the older parameters, so an old build reads the rest as before.
    expect(encodeShareHash({ source, breakpoints: { lines: [], events: [] }, ask: [] })).not.toMatch(/bp|ask/);
    expect(encodeShareHash({ source, step: 2, breakpoints: { lines: [5, 3, 5], events: [{ kind: 'task-created' }] }, ask: [4] })).toMatch(
      /&step=2&bp=3,5&bpe=task-created&ask=4$/,
    );
  });

  it('opens a predict=1 link in predict mode; links without it (or with a value it cannot read) open as before', () => {
    const source = 'import asyncio\n';
    const old = `#code/${LZString.compressToEncodedURIComponent(source)}&step=3&ask=4`;
    expect(decodeShareHash(old)).toStrictEqual({ kind: 'ok', link: { source, step: 3, ask: [4] } });
    for (const on of ['&predict=1', '&predict', '&predict=true', '&predict=YES', '&predict=1&predict=0']) {
      expect(decodeShareHash(`${old}${on}`), on).toStrictEqual({ kind: 'ok', link: { source, step: 3, ask: [4], predict: true } });
    }
    for (const off of ['&predict=0', '&predict=no', '&predict=maybe', '&predict=%ZZ', '&predict=0&predict=1']) {
      expect(decodeShareHash(`${old}${off}`), off).toStrictEqual({ kind: 'ok', link: { source, step: 3, ask: [4] } });
    }
    // Written last, and only when on.
    expect(encodeShareHash({ source, step: 3, ask: [4], predict: true })).toMatch(/&step=3&ask=4&predict=1$/);
    expect(encodeShareHash({ source, step: 3 })).not.toContain('predict');
  });

  it('refuses a damaged compat value, saying what it asked for and what this build can run as', () => {
    const base = encodeShareHash({ source: 'print(1)\n' });
    for (const [suffix, shown] of [
      ['&compat=3.12', '"3.12"'],
      ['&compat=', '""'],
      ['&compat=3.13x', '"3.13x"'],
      ['&compat=%ZZ', '"%ZZ"'],
    ] as const) {
      const result = decodeShareHash(base + suffix);
      expect(result.kind === 'error' && result.reason, suffix).toBe('bad-compat');
      if (result.kind === 'error') expect(result.detail, suffix).toBe(`The link asks to run as Python ${shown}; this Loopscope can run as 3.13 only.`);
    }
    const twice = decodeShareHash(`${base}&compat=3.13&compat=3.13`);
    expect(twice).toStrictEqual({ kind: 'error', reason: 'bad-compat', detail: 'The link gives "compat" twice.' });
  });
});
