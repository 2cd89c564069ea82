/**
 * Embed parameters a teacher writes by hand: a value this build cannot use never refuses the
 * link; it is reported (key and value, for the page's note) and the default is used.
 */
import { describe, expect, it } from 'vitest';
import { embedCode } from './embedCode';
import { asksForEmbed, DEFAULT_EMBED_VIEWS, embedSettings } from './embedParams';
import { decodeShareHash, encodeShareHash } from './shareLink';

const base = encodeShareHash({ source: 'print(1)\n' });

function decoded(params: string) {
  const result = decodeShareHash(base + params);
  if (result.kind !== 'ok') throw new Error(`not ok: ${JSON.stringify(result)}`);
  return result;
}

describe('embed parameters', () => {
  it('reads every parameter, case and spaces forgiven, %-escapes read', () => {
    const { link, ignored } = decoded('&embed=1&views=Timeline,%20console,timeline&play=1&speed=2.5&editor=EDITABLE&theme=dark');
    expect(link.embed).toStrictEqual({ views: ['timeline', 'console'], play: true, speed: 2.5, editor: 'editable', theme: 'dark' });
    expect(ignored).toBeUndefined();
    expect(decoded('&embed=1&views=ready%2Ctimers').link.embed).toStrictEqual({ views: ['ready', 'timers'] });
  });

  it.each([
    ['&embed=1&views=timline,console', { views: ['console'] }, [{ key: 'views', value: 'timline' }]],
    ['&embed=1&views=', {}, [{ key: 'views', value: '' }]],
    ['&embed=1&speed=fast', {}, [{ key: 'speed', value: 'fast' }]],
    ['&embed=1&speed=0', {}, [{ key: 'speed', value: '0' }]],
    ['&embed=1&speed=5000', {}, [{ key: 'speed', value: '5000' }]],
    ['&embed=1&editor=ro', {}, [{ key: 'editor', value: 'ro' }]],
    ['&embed=1&theme=blue', {}, [{ key: 'theme', value: 'blue' }]],
    ['&embed=1&play=yes', {}, [{ key: 'play', value: 'yes' }]],
    ['&embed=on', {}, [{ key: 'embed', value: 'on' }]],
    [`&embed=1&theme=${'x'.repeat(100)}`, {}, [{ key: 'theme', value: 'x'.repeat(40) }]],
  ])('%s: the program opens, the value is reported and its default used', (params, embed, ignored) => {
    const result = decoded(params);
    expect(result.link.source).toBe('print(1)\n');
    expect(result.link.embed).toStrictEqual(embed);
    expect(result.ignored).toStrictEqual(ignored);
  });

  it('takes embed=1, embed, true and yes as an embed; 0, false and no as the full app', () => {
    for (const yes of ['&embed=1', '&embed', '&embed=true', '&embed=YES']) expect(decoded(yes).link.embed, yes).toStrictEqual({});
    for (const no of ['&embed=0', '&embed=false', '&embed=no']) expect(decoded(no).link.embed, no).toBeUndefined();
    expect(decoded('&embed=1&embed=0').link.embed, 'the first of a repeated parameter counts').toStrictEqual({});
  });

  it('fills in the defaults, keeping what was ignored for the note', () => {
    expect(embedSettings({})).toStrictEqual({ views: DEFAULT_EMBED_VIEWS, editor: 'readonly', play: false, speed: null, theme: null, ignored: [] });
    const ignored = [{ key: 'theme', value: 'blue' }] as const;
    expect(embedSettings({ views: ['console'], editor: 'hidden', play: true, speed: 5, theme: 'dark' }, ignored)).toStrictEqual({
      views: ['console'],
      editor: 'hidden',
      play: true,
      speed: 5,
      theme: 'dark',
      ignored,
    });
  });

  it('tells an embed link from its parameters alone, even when its program is damaged', () => {
    expect(asksForEmbed(`${base}&embed=1`)).toBe(true);
    expect(asksForEmbed('#code/%%%broken&step=2&embed=1')).toBe(true);
    expect(asksForEmbed('#code/%%%broken&embed=0')).toBe(false);
    expect(asksForEmbed(base)).toBe(false);
    expect(asksForEmbed(`${base}&views=console`)).toBe(false);
    expect(asksForEmbed('')).toBe(false);
  });
});

describe('the embed code', () => {
  const code = embedCode({
    url: 'https://loopscope.example/#code/AB$&embed=1&views=console,timeline',
    origin: 'https://loopscope.example',
    title: 'Loopscope: "asyncio" <step by step>',
    height: 640.4,
  });

  it('is an iframe with the link, a title and a starting height, attributes escaped', () => {
    expect(code).toContain('<iframe src="https://loopscope.example/#code/AB$&amp;embed=1&amp;views=console,timeline"');
    expect(code).toContain('title="Loopscope: &quot;asyncio&quot; &lt;step by step&gt;"');
    expect(code).toContain('height: 640px');
    expect(code).toContain('allow="cross-origin-isolated" credentialless>');
  });

  it('follows height messages from the app’s origin only, to the frame that sent them', () => {
    expect(code).toContain('event.origin !== "https://loopscope.example"');
    expect(code).toContain("data.type !== 'loopscope:resize'");
    expect(code).toContain('frame.contentWindow === event.source');
    // An origin cannot close the script element it is written into.
    expect(embedCode({ url: 'x', origin: '</script><b>', title: 't', height: 1 })).toContain('"\\u003c/script>\\u003cb>"');
  });
});
