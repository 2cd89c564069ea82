/**
 * Fuzzing the share-link decoder: links arrive from chat apps, e-mail clients and people
 * editing URLs by hand, so `decodeShareHash` must answer sensibly whatever it is given.
 * Deterministic (seeded PRNG); set FUZZ_SEED to explore other inputs.
 */
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import {
  decodeShareHash,
  encodeShareHash,
  MAX_HASH_CHARS,
  MAX_POSITION,
  MAX_SOURCE_CHARS,
  type ShareDecodeResult,
  type ShareLink,
} from './shareLink';
import { EDITOR_MODES, EMBED_KEYS, EMBED_THEMES, EMBED_VIEWS, type EmbedParams } from './embedParams';
import { MAX_LIST_ENTRIES, type LinkBreakpoints, type LinkEventBreakpoint } from './breakpointParams';
import { EMBED_DAMAGE } from './testing/damagedParams';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_101);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const REASONS = new Set(['unknown-version', 'bad-compression', 'empty', 'too-large', 'bad-step', 'not-text', 'bad-compat', 'bad-pinned']);
/**
 * The answers each fuzzing test must reach, so it exercises every branch and not just one:
 * damage reaches them all but `too-large`, which the huge links reach (and links that open as
 * embeds, some with a parameter they ignore).
 */
const DAMAGED_REACHES = ['ok', 'ok, embed', 'ok, embed parameter ignored', 'none', 'unknown-version', 'bad-compression', 'empty', 'bad-step', 'not-text', 'bad-compat', 'bad-pinned'];
const RANDOM_REACHES = ['ok', 'none', 'unknown-version', 'bad-compression', 'empty', 'not-text'];

/** mulberry32: a small, fast, seedable PRNG. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

/** Pieces of realistic programs: Python, Chinese, emoji (surrogate pairs), CRLF, tabs. */
const FRAGMENTS = [
  'import asyncio\n',
  'async def main():\n',
  '    await asyncio.sleep(0.5)\n',
  '\tprint("tab-indented")\r\n',
  '    async with asyncio.TaskGroup() as tg:\n',
  '        tg.create_task(worker(i))\n',
  '# 生产者和消费者：队列\n',
  '    print("你好，世界", flush=True)\n',
  '    q: asyncio.Queue[int] = asyncio.Queue(maxsize=2)\n',
  '# 🐍 emoji 😀👩‍💻 in a comment\n',
  '\r\n',
  '\n\n',
  '    x = {"key": [1, 2, 3]}  # \u00e9\u00e8 \u2603\n',
  '\f\n',
  'asyncio.run(main())\n',
  'raise ValueError("boom")\n',
];

function randomProgram(rng: Rng): string {
  const pieces = 1 + rng.int(rng.next() < 0.9 ? 30 : 400);
  let source = '';
  for (let i = 0; i < pieces; i++) {
    source += rng.next() < 0.85 ? rng.pick(FRAGMENTS) : randomText(rng, 1 + rng.int(20));
  }
  return source;
}

/** Well-formed text: printable BMP characters, CJK, and whole astral characters. */
function randomText(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const kind = rng.int(4);
    if (kind === 0) out += String.fromCharCode(0x20 + rng.int(0x5f));
    else if (kind === 1) out += String.fromCharCode(0x4e00 + rng.int(0x5000));
    else if (kind === 2) out += String.fromCodePoint(0x1f300 + rng.int(0x300));
    else out += rng.pick(['\t', '\n', '\r\n', ' ', 'é', 'ß', '€']);
  }
  return out;
}

const EVENT_KINDS = ['task-created', 'task-finished', 'task-failed', 'cancel-requested', 'cancelled-error', 'timer-fires'] as const;
const TASK_NAMES = ['Task-2', 'worker', 'fetch, retry', 'a&b=c', '下载', '😀 emoji', 'x%y', 't:1'];

/** Breakpoints as encodeShareHash writes them back: lines ascending, each entry once. */
function randomBreakpoints(rng: Rng): LinkBreakpoints {
  const lines = [...new Set(Array.from({ length: rng.int(6) }, () => 1 + rng.int(rng.next() < 0.9 ? 60 : MAX_POSITION)))].sort((a, b) => a - b);
  const events: LinkEventBreakpoint[] = [];
  const seen = new Set<string>();
  for (let i = rng.int(5); i > 0; i--) {
    const pick = rng.int(8);
    const bp: LinkEventBreakpoint =
      pick < 6
        ? { kind: EVENT_KINDS[pick] as (typeof EVENT_KINDS)[number] }
        : pick === 6
          ? { kind: 'time-reached', t: rng.int(100_000) / 1000 }
          : { kind: 'task-runs', task: rng.pick(TASK_NAMES) };
    const key = JSON.stringify(bp);
    if (!seen.has(key)) events.push(bp);
    seen.add(key);
  }
  return { lines, events };
}

function randomLink(rng: Rng): ShareLink {
  const source = randomProgram(rng);
  const step = rng.next() < 0.6 ? rng.int(rng.next() < 0.9 ? 500 : MAX_POSITION + 1) : undefined;
  const line = step !== undefined && rng.next() < 0.5 ? rng.int(20) : undefined;
  const lang = rng.next() < 0.3 ? rng.pick(['en', 'zh'] as const) : undefined;
  const compat = rng.next() < 0.3 ? ('3.13' as const) : undefined;
  const embed = rng.next() < 0.3 ? randomEmbed(rng) : undefined;
  const pinned = rng.next() < 0.3 ? randomProgram(rng) : undefined;
  const drawn = rng.next() < 0.4 ? randomBreakpoints(rng) : undefined;
  const breakpoints = drawn !== undefined && (drawn.lines.length > 0 || drawn.events.length > 0) ? drawn : undefined;
  const ask = rng.next() < 0.3 ? [...new Set(Array.from({ length: 1 + rng.int(4) }, () => 1 + rng.int(400)))].sort((a, b) => a - b) : undefined;
  const predict = rng.next() < 0.2 ? (true as const) : undefined;
  return {
    source,
    ...(step === undefined ? {} : { step }),
    ...(line === undefined ? {} : { line }),
    ...(lang === undefined ? {} : { lang }),
    ...(compat === undefined ? {} : { compat }),
    ...(pinned === undefined ? {} : { pinned }),
    ...(embed === undefined ? {} : { embed }),
    ...(breakpoints === undefined ? {} : { breakpoints }),
    ...(ask === undefined ? {} : { ask }),
    ...(predict === undefined ? {} : { predict }),
  };
}

/** Embed parameters as the Embed dialog writes them: any views in any order, each once. */
function randomEmbed(rng: Rng): EmbedParams {
  const views = EMBED_VIEWS.filter(() => rng.next() < 0.4).sort(() => rng.next() - 0.5);
  const speed = rng.next() < 0.3 ? rng.pick([1, 2, 5, 10, 30, 0.5, 3, 1000]) : undefined;
  const editor = rng.next() < 0.5 ? rng.pick(EDITOR_MODES) : undefined;
  const theme = rng.next() < 0.3 ? rng.pick(EMBED_THEMES) : undefined;
  return {
    ...(views.length === 0 ? {} : { views }),
    ...(rng.next() < 0.4 ? { play: true as const } : {}),
    ...(speed === undefined ? {} : { speed }),
    ...(editor === undefined ? {} : { editor }),
    ...(theme === undefined ? {} : { theme }),
  };
}

/** Damage a link the ways links get damaged, and a few ways only an attacker would. */
function mutate(rng: Rng, hash: string): string {
  const at = rng.int(hash.length + 1);
  switch (rng.int(16)) {
    case 0: // truncated (a chat app cut it, a line wrap split it)
      return hash.slice(0, at);
    case 1: {
      // one character swapped for another alphabet character ("bit flip")
      return hash.slice(0, at) + rng.pick([...ALPHABET]) + hash.slice(at + 1);
    }
    case 2: {
      // one bit flipped in one character's code
      const code = hash.charCodeAt(Math.min(at, hash.length - 1)) ^ (1 << rng.int(16));
      return hash.slice(0, at) + String.fromCharCode(code) + hash.slice(at + 1);
    }
    case 3: // a character deleted
      return hash.slice(0, at) + hash.slice(at + 1);
    case 4: // a character inserted
      return hash.slice(0, at) + rng.pick([...ALPHABET, '%', '&', '=', ' ', '#', '/', '\u0000']) + hash.slice(at);
    case 5: // wrong or future version
      return hash.replace('#code/', rng.pick(['#v2/', '#v999999/', '#v0/', '#code2/', '#Code/', '#code//', '#v/']));
    case 6: // percent-encoding garbage
      return hash.slice(0, at) + rng.pick(['%', '%2', '%ZZ', '%C3', '%E0%A4%A', '%ED%A0%80', '%00', '%26step%3D5', '%FF']) + hash.slice(at);
    case 7: // percent-encoded after the prefix, or as a whole (some mail clients do this)
      return rng.next() < 0.5 ? `${hash.slice(0, 6)}${percentEncode(hash.slice(6))}` : percentEncode(hash);
    case 8: // a random run of characters replaced by random UTF-16 (lone surrogates included)
      return hash.slice(0, at) + randomUnits(rng, 1 + rng.int(8)) + hash.slice(at + 1 + rng.int(8));
    case 9: // parameters broken
      return hash + rng.pick(['&step=', '&step=-3', '&step=1e9', '&step=99999999999', '&line=4', '&step=2&step=3', '&step=0x10', '&lang=xx', '&&&', '&=', '&step', `&step=${'9'.repeat(400)}`, '&compat=3.12', '&compat=', '&compat', '&compat=3.13&compat=3.13', '&compat=3.1', '&compat=%ZZ', `&compat=${'3'.repeat(400)}`, '&pin=', '&pin', '&pin=%ZZ', '&pin=AAAA', '&pin=BYUwNmD2Q', '&pin=N4Ig&pin=N4Ig', '&bp=', '&bp=0,-1,x', '&bp=3,3,2', '&bp=%ZZ', '&bpe=nope', '&bpe=t:', '&bpe=t:1e9', '&bpe=task:', '&bpe=task:%ED%A0%80', '&bpe=task-failed,task-failed', '&ask=0', '&ask=5,5,abc', `&ask=${'1,'.repeat(400)}`, '&bp=1&bp=2', '&predict=0', '&predict=%ZZ', '&predict=1&predict=0', `&predict=${'1'.repeat(400)}`, '&predict', ...EMBED_DAMAGE]);
    case 10: // a segment duplicated
      return hash.slice(0, at) + hash.slice(rng.int(at + 1), at) + hash.slice(at);
    case 11: // trailing junk (a full stop, a closing bracket, a newline and more)
      return hash + rng.pick(['.', ')', '\n', '  ', '">', '&amp;step=2', '#code/AAAA']);
    case 12: // the payload reversed
      return `#code/${[...hash.slice(6)].reverse().join('')}`;
    case 13: // '+' turned into spaces (form encoding)
      return hash.replaceAll('+', ' ');
    case 14: // many flips at once
      return [...hash].map((c) => (rng.next() < 0.05 ? rng.pick([...ALPHABET]) : c)).join('');
    default: // the payload of one link with the parameters of another
      return `#code/${hash.slice(6, at)}&step=${rng.int(10)}`;
  }
}

/** encodeURIComponent, but lone surrogates (which it throws on) escaped as their code unit. */
function percentEncode(text: string): string {
  return text.replace(/[\s\S]/gu, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return `%${char.charCodeAt(0).toString(16)}`;
    }
  });
}

/** Arbitrary UTF-16 code units: control characters, lone surrogates, anything. */
function randomUnits(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(rng.int(0x10000));
  return out;
}

/** Bytes read as Latin-1, as if a binary file were pasted in. */
function randomBytes(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(rng.int(256));
  return out;
}

function isWellFormedText(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c < 0xa0)) return false;
    if (c >= 0xdc00 && c < 0xe000) return false;
    if (c >= 0xd800 && c < 0xdc00) {
      const next = source.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next < 0xe000)) return false;
      i++;
    }
  }
  return true;
}

const isPosition = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_POSITION;

/** Decode, and check what every answer must satisfy. Returns the answer for further checks. */
function decodeChecked(hash: string, label: string, seen: Map<string, number>): ShareDecodeResult {
  let result: ShareDecodeResult;
  try {
    result = decodeShareHash(hash);
  } catch (thrown) {
    throw new Error(`${label}: decodeShareHash threw ${String(thrown)} for ${JSON.stringify(hash.slice(0, 200))}`);
  }
  const kind = result.kind === 'error' ? result.reason : result.kind;
  seen.set(kind, (seen.get(kind) ?? 0) + 1);
  const where = `${label} (FUZZ_SEED ${SEED}) for ${JSON.stringify(hash.slice(0, 120))}`;
  switch (result.kind) {
    case 'none':
      expect(Object.keys(result), where).toEqual(['kind']);
      break;
    case 'error':
      expect(REASONS.has(result.reason), where).toBe(true);
      expect(typeof result.detail, where).toBe('string');
      expect(result.detail.trim().length, where).toBeGreaterThan(10);
      break;
    case 'ok': {
      const { link } = result;
      expect(typeof link.source, where).toBe('string');
      expect(link.source.length, where).toBeGreaterThan(0);
      expect(link.source.length, where).toBeLessThanOrEqual(MAX_SOURCE_CHARS);
      expect(isWellFormedText(link.source), where).toBe(true);
      if ('step' in link) expect(isPosition(link.step), where).toBe(true);
      if ('line' in link) {
        expect(isPosition(link.line), where).toBe(true);
        expect('step' in link, where).toBe(true);
      }
      if ('lang' in link) expect(['en', 'zh'], where).toContain(link.lang);
      if ('compat' in link) expect(link.compat, where).toBe('3.13');
      if ('predict' in link) expect(link.predict, where).toBe(true);
      if (link.breakpoints !== undefined) {
        const { lines, events } = link.breakpoints;
        expect(lines.length + events.length, where).toBeGreaterThan(0);
        expect(lines.length <= MAX_LIST_ENTRIES && events.length <= MAX_LIST_ENTRIES, where).toBe(true);
        expect(lines.every((l, i) => Number.isSafeInteger(l) && l >= 1 && l <= MAX_POSITION && (i === 0 || l > (lines[i - 1] as number))), where).toBe(true);
        expect(new Set(events.map((e) => JSON.stringify(e))).size, where).toBe(events.length);
      }
      if (link.ask !== undefined) {
        const ask = link.ask;
        expect(ask.length > 0 && ask.length <= MAX_LIST_ENTRIES, where).toBe(true);
        expect(ask.every((n, i) => Number.isSafeInteger(n) && n >= 1 && (i === 0 || n > (ask[i - 1] as number))), where).toBe(true);
      }
      if ('pinned' in link) {
        expect(typeof link.pinned, where).toBe('string');
        expect(link.pinned?.length, where).toBeGreaterThan(0);
        expect(link.pinned?.length ?? 0, where).toBeLessThanOrEqual(MAX_SOURCE_CHARS);
        expect(isWellFormedText(link.pinned ?? ''), where).toBe(true);
      }
      if (link.embed !== undefined) checkEmbed(link.embed, where);
      for (const param of result.ignored ?? []) {
        expect(EMBED_KEYS.has(param.key), where).toBe(true);
        expect(param.value.length, where).toBeLessThanOrEqual(40);
      }
      if (result.ignored !== undefined) expect(result.ignored.length, where).toBeGreaterThan(0);
      if (link.embed !== undefined) seen.set('ok, embed', (seen.get('ok, embed') ?? 0) + 1);
      if (result.ignored !== undefined) seen.set('ok, embed parameter ignored', (seen.get('ok, embed parameter ignored') ?? 0) + 1);
      // Whatever was accepted can be written back and reads the same (what was ignored is not written).
      expect(decodeShareHash(encodeShareHash(link)), where).toStrictEqual({ kind: 'ok', link });
      break;
    }
    default:
      throw new Error(`${where}: unknown kind ${JSON.stringify(result)}`);
  }
  return result;
}

function checkEmbed(embed: EmbedParams, where: string): void {
  if (embed.views !== undefined) {
    expect(embed.views.length, where).toBeGreaterThan(0);
    expect(new Set(embed.views).size, where).toBe(embed.views.length);
    for (const v of embed.views) expect(EMBED_VIEWS, where).toContain(v);
  }
  if (embed.play !== undefined) expect(embed.play, where).toBe(true);
  if (embed.speed !== undefined) {
    expect(embed.speed, where).toBeGreaterThan(0);
    expect(embed.speed, where).toBeLessThanOrEqual(1000);
  }
  if (embed.editor !== undefined) expect(EDITOR_MODES, where).toContain(embed.editor);
  if (embed.theme !== undefined) expect(EMBED_THEMES, where).toContain(embed.theme);
}

/**
 * Each test has its own generator, seeded from SEED and its name, and counts its own answers:
 * any one of them run alone (`-t`) sees the same inputs as in the whole file.
 */
function fuzzer(name: string): { readonly rng: Rng; readonly seen: Map<string, number>; readonly reached: () => string[] } {
  let seed = SEED;
  for (const char of name) seed = Math.imul(seed ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const seen = new Map<string, number>();
  return { rng: prng(seed), seen, reached: () => [...seen.keys()].sort() };
}

describe('share links under fuzzing', () => {
  it('round-trips 2,000 random valid programs exactly (Chinese, emoji, CRLF, tabs)', () => {
    const { rng, seen } = fuzzer('round trip');
    for (let n = 0; n < 2000; n++) {
      const link = randomLink(rng);
      const result = decodeChecked(encodeShareHash(link), `round trip #${n}`, seen);
      expect(result).toStrictEqual({ kind: 'ok', link });
    }
  });

  it('survives 6,000 damaged links, reaching every way a damaged link can be refused', () => {
    const { rng, seen, reached } = fuzzer('damaged');
    for (let n = 0; n < 6000; n++) {
      let hash = encodeShareHash(randomLink(rng));
      const damage = 1 + rng.int(3);
      for (let d = 0; d < damage; d++) hash = mutate(rng, hash);
      const result = decodeChecked(hash, `mutation #${n}`, seen);
      // A damaged link that still decodes must agree with lz-string on the payload.
      if (result.kind === 'ok' && /^#code\/[A-Za-z0-9+\-$]+(&|$)/.test(hash) && hash.length < 20_000) {
        const payload = hash.slice(6).split('&')[0] ?? '';
        expect(LZString.decompressFromEncodedURIComponent(payload)).toBe(result.link.source);
      }
    }
    expect(reached()).toEqual(expect.arrayContaining(DAMAGED_REACHES));
  });

  it('survives 2,000 random strings, bytes and payloads', () => {
    const { rng, seen, reached } = fuzzer('random');
    for (let n = 0; n < 2000; n++) {
      const length = rng.int(rng.next() < 0.9 ? 200 : 5000);
      const hash = rng.pick([
        () => randomUnits(rng, length),
        () => randomBytes(rng, length),
        () => `#code/${randomUnits(rng, length)}`,
        () => `#code/${randomBytes(rng, length)}`,
        () => `#code/${Array.from({ length }, () => rng.pick([...ALPHABET])).join('')}`,
        () => `#code/${Array.from({ length }, () => `%${rng.int(256).toString(16).padStart(2, '0')}`).join('')}`,
        () => `#v${rng.int(100)}/${randomUnits(rng, length)}`,
        () => `${rng.pick(['#', '', ' #', '##', '#code'])}${randomBytes(rng, length)}`,
      ])();
      decodeChecked(hash, `random #${n}`, seen);
    }
    expect(reached()).toEqual(expect.arrayContaining(RANDOM_REACHES));
  });

  it('survives huge links, and refuses them quickly', () => {
    const { rng, seen, reached } = fuzzer('huge');
    const huge = [
      `#code/${'A'.repeat(MAX_HASH_CHARS + 1)}`,
      `#code/${Array.from({ length: MAX_HASH_CHARS }, () => rng.pick([...ALPHABET])).join('')}`,
      `#code/${'B'.repeat(MAX_HASH_CHARS - 6)}`,
      `#v2/${'x'.repeat(MAX_HASH_CHARS * 2)}`,
      `#about${'x'.repeat(MAX_HASH_CHARS * 2)}`,
      encodeShareHash({ source: 'x'.repeat(MAX_SOURCE_CHARS + 1) }),
      encodeShareHash({ source: randomText(rng, MAX_SOURCE_CHARS / 2) }),
      `${encodeShareHash({ source: 'print(1)' })}&step=${'1'.repeat(MAX_HASH_CHARS)}`,
    ];
    for (const [n, hash] of huge.entries()) {
      const started = performance.now();
      decodeChecked(hash, `huge #${n}`, seen);
      expect(performance.now() - started, `huge #${n}`).toBeLessThan(3000);
    }
    expect(reached()).toContain('too-large');
  });
});
