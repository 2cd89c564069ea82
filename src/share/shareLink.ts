/**
 * Share links: a program (and where to look in its run) packed into the URL's hash, in the
 * TypeScript Playground's style: `#code/<lz-string payload>&step=12&line=1&lang=zh&compat=3.13`.
 * The format and its versioning are described in src/share/README.md.
 *
 * Pure: no DOM, no store. The app reads `location.hash` into `decodeShareHash` and writes
 * `encodeShareHash(...)` back with `history.replaceState`.
 */
import { LANGS, type Lang } from '../i18n/lang';
import type { Compat } from '../protocol/trace';
import { EMBED_KEYS, readEmbedParams, writeEmbedParams, type EmbedParams, type IgnoredParam } from './embedParams';
import { encodeAskParam, encodeBreakpointParams, encodePredictParam, readClassroomParams, type LinkBreakpoints } from './breakpointParams';
import { compressToUri, decompressFromUri } from './lzUri';

/** What a share link holds. Only `source` is required: the rest are left out when default. */
export interface ShareLink {
  /** The program, exactly as in the editor (line endings, tabs and all). */
  readonly source: string;
  /** The step to open at once the program has run: 0 is "before the loop ran anything", as
   *  src/trace's `Cursor.step`. Omitted: the app's default position. */
  readonly step?: number;
  /** A line inside that step, 0-based into the step's line events, as `Cursor.line`.
   *  Only meaningful with `step`. */
  readonly line?: number;
  /** The UI language the link's author chose. Omitted: the reader's browser decides. */
  readonly lang?: Lang;
  /** Run as this older Python would where 3.14 changed asyncio (RunOptions.compat).
   *  Omitted: as Python 3.14 does, the default. */
  readonly compat?: Compat;
  /** Open as an embed for an iframe (`embed=1` and its parameters, src/share/embedParams.ts).
   *  Omitted: the full app. */
  readonly embed?: EmbedParams;
  /** A second program, pinned for comparison (issue 13's compare view): the link opens both
   *  runs, this one above. Omitted: no comparison. See `pinnedParam` below. */
  readonly pinned?: string;
  /** Breakpoints the link's author set (`bp`, `bpe`: src/share/breakpointParams.ts). Omitted: none. */
  readonly breakpoints?: LinkBreakpoints;
  /** Steps where playback stops and asks the learner what happens next (`ask`). Omitted: none. */
  readonly ask?: readonly number[];
  /** Open in predict mode (`predict=1`): the learner is asked what each next step does. Omitted: off. */
  readonly predict?: true;
}

/** The values `compat` may take, as RunOptions.compat. */
export const COMPATS: readonly Compat[] = ['3.13'];

/** Why a link that is meant for Loopscope could not be opened. */
export type ShareErrorReason =
  /** A link format this build does not know (made by a newer Loopscope). */
  | 'unknown-version'
  /** The payload is not valid compressed text: mangled, truncated, bad %-escapes. */
  | 'bad-compression'
  /** The link holds no program. */
  | 'empty'
  /** Longer than MAX_HASH_CHARS, or the program is longer than MAX_SOURCE_CHARS. */
  | 'too-large'
  /** `step` or `line` is not a whole number in range (or `line` comes without `step`). */
  | 'bad-step'
  /** The program decoded, but is not text (control characters, broken UTF-16). */
  | 'not-text'
  /** `compat` names no Python this build can run as (or appears twice). */
  | 'bad-compat'
  /** The program pinned for comparison (`pin`) is damaged, too long, empty or not text (or appears twice). */
  | 'bad-pinned';

export type ShareDecodeResult =
  /** No hash, or a hash that is not a share link (e.g. `#about`): open the app as usual. */
  | { readonly kind: 'none' }
  /** `ignored`: embed parameters whose values this build cannot use (present only when some were). */
  | { readonly kind: 'ok'; readonly link: ShareLink; readonly ignored?: readonly IgnoredParam[] }
  /** A share link that cannot be opened. `detail` is an English sentence for the curious;
   *  the UI words its message from `reason`. */
  | { readonly kind: 'error'; readonly reason: ShareErrorReason; readonly detail: string };

/** Longest hash we try to read (about what browsers and chat apps keep of a URL). */
export const MAX_HASH_CHARS = 200_000;
/** Longest program a link may hold, in UTF-16 code units; also caps decompression work. */
export const MAX_SOURCE_CHARS = 100_000;
/** Largest step or line number a link may name (far beyond any trace's step limit). */
export const MAX_POSITION = 999_999_999;

/**
 * The link formats this build reads, by hash prefix. Only the first is ever written; the
 * others stay so old links keep opening. A new format takes the prefix `v2/`, `v3/`, ...
 * and goes first in this list.
 */
const FORMATS: readonly { readonly prefix: string; readonly decode: (body: string) => ShareDecodeResult }[] = [
  { prefix: 'code/', decode: decodeV1 },
];

/** Prefixes that look like a future format: `v<number>/`. */
const FUTURE_FORMAT = /^v(\d{1,6})\//;

/** The hash (with its '#') for a link in the current format. Never throws. */
export function encodeShareHash(link: ShareLink): string {
  let hash = `#code/${compressToUri(link.source)}`;
  // Invalid positions are dropped rather than thrown on: the program is what matters.
  if (isPosition(link.step)) {
    hash += `&step=${link.step}`;
    if (isPosition(link.line)) hash += `&line=${link.line}`;
  }
  if (link.lang !== undefined && LANGS.includes(link.lang)) hash += `&lang=${link.lang}`;
  if (link.compat !== undefined && COMPATS.includes(link.compat)) hash += `&compat=${link.compat}`;
  hash += writeEmbedParams(link.embed);
  hash += pinnedParam(link);
  hash += encodeBreakpointParams(link.breakpoints) + encodeAskParam(link.ask) + encodePredictParam(link.predict);
  return hash;
}

/**
 * Read a hash (`location.hash`, with or without its '#'). Never throws, whatever the input:
 * its work is bounded by MAX_HASH_CHARS and MAX_SOURCE_CHARS.
 */
export function decodeShareHash(hash: string): ShareDecodeResult {
  if (typeof hash !== 'string') return { kind: 'none' };
  const trimmed = hash.trim();
  const text = (trimmed.startsWith('#') ? trimmed.slice(1) : trimmed).trimStart();
  const format = FORMATS.find(({ prefix }) => text.startsWith(prefix));
  const future = format === undefined ? FUTURE_FORMAT.exec(text) : null;
  if (format === undefined && future === null) return { kind: 'none' };
  if (text.length > MAX_HASH_CHARS) {
    return error(
      'too-large',
      `The link is ${text.length.toLocaleString('en')} characters long; share links hold at most ${MAX_HASH_CHARS.toLocaleString('en')}.`,
    );
  }
  if (format === undefined) {
    return error(
      'unknown-version',
      `The link uses format v${future?.[1] ?? '?'}, made by a newer Loopscope; this one reads format 1 (#code/).`,
    );
  }
  try {
    return format.decode(text.slice(format.prefix.length));
  } catch (thrown) {
    // Nothing above should throw; if it ever does, the page still opens.
    return error('bad-compression', `The link could not be read (${String(thrown)}).`);
  }
}

/** Version 1: `<payload>` then `&key=value` parameters. */
function decodeV1(body: string): ShareDecodeResult {
  const [rawPayload = '', ...rawParams] = body.split('&');

  const params = new Map<string, string>();
  const embedParams = new Map<string, string>();
  for (const rawParam of rawParams) {
    const eq = rawParam.indexOf('=');
    const key = eq < 0 ? rawParam : rawParam.slice(0, eq);
    const value = eq < 0 ? '' : rawParam.slice(eq + 1);
    // The embed's extras never refuse a link: the first of a repeated one counts.
    if (EMBED_KEYS.has(key)) {
      if (!embedParams.has(key)) embedParams.set(key, value);
      continue;
    }
    // Unknown keys are skipped: a later v1 may add optional extras that older builds ignore.
    if (key !== 'step' && key !== 'line' && key !== 'lang' && key !== 'compat' && key !== PIN_KEY) continue;
    if (params.has(key)) return error(twiceReason(key), `The link gives "${key}" twice.`);
    params.set(key, value);
  }

  const step = readPosition(params.get('step'), 'step');
  if (typeof step === 'object') return step;
  const line = readPosition(params.get('line'), 'line');
  if (typeof line === 'object') return line;
  if (line !== undefined && step === undefined) {
    return error('bad-step', 'The link names a line inside a step, but no step.');
  }
  // An unknown language (say, one added later) is not worth refusing the program over.
  const langValue = params.get('lang');
  const lang = LANGS.find((l) => l === langValue);
  // Unlike the language, the Python a run behaves as changes what the program prints: a value
  // this build cannot honour is refused, not quietly run as 3.14.
  const compatValue = params.get('compat');
  const compatText = compatValue === undefined ? undefined : percentDecode(compatValue);
  const compat = COMPATS.find((c) => c === compatText);
  if (compatValue !== undefined && compat === undefined) {
    const shown = (compatText ?? compatValue).slice(0, 20);
    return error('bad-compat', `The link asks to run as Python "${shown}"; this Loopscope can run as ${COMPATS.join(', ')} only.`);
  }

  const payload = percentDecode(rawPayload);
  if (payload === null) return error('bad-compression', 'The link has a broken %-escape in it.');
  if (payload === '') return error('empty', 'The link holds no program.');
  const decoded = decompressFromUri(payload, MAX_SOURCE_CHARS);
  if (!decoded.ok) {
    return decoded.why === 'too-large'
      ? error('too-large', `The program in the link is too long: ${decoded.detail}; the limit is ${MAX_SOURCE_CHARS.toLocaleString('en')}.`)
      : error('bad-compression', `The link is damaged: ${decoded.detail}.`);
  }
  const source = decoded.text;
  if (source === '') return error('empty', 'The link holds an empty program.');
  const problem = notTextProblem(source);
  if (problem !== null) return error('not-text', problem);
  const pinned = readPinned(params.get(PIN_KEY));
  if (typeof pinned === 'object') return pinned;
  // Optional extras read on their own (breakpointParams.ts): what they cannot read they drop.
  const classroom = readClassroomParams(rawParams);

  const { embed, ignored } = readEmbedParams(embedParams, percentDecode);
  return {
    kind: 'ok',
    link: {
      source,
      ...(step === undefined ? {} : { step }),
      ...(line === undefined ? {} : { line }),
      ...(lang === undefined ? {} : { lang }),
      ...(compat === undefined ? {} : { compat }),
      ...(embed === null ? {} : { embed }),
      ...(pinned === undefined ? {} : { pinned }),
      ...classroom,
    },
    ...(ignored.length === 0 ? {} : { ignored }),
  };
}

/** Why a parameter given twice is refused: each belongs to the reason of what it holds. */
function twiceReason(key: string): ShareErrorReason {
  if (key === 'compat') return 'bad-compat';
  if (key === PIN_KEY) return 'bad-pinned';
  return 'bad-step';
}

// ---- The pinned program (`&pin=`) ------------------------------------------------------------
// A link to a comparison carries the pinned program beside the main one, compressed the same
// way. An optional extra of format 1: links without it open as before, and a build older than it
// skips the unknown key and opens the main program alone.

const PIN_KEY = 'pin';

/** `&pin=<payload>` for a link with a pinned program, else nothing. */
function pinnedParam(link: ShareLink): string {
  if (link.pinned === undefined || link.pinned === '' || notTextProblem(link.pinned) !== null) return '';
  return `&${PIN_KEY}=${compressToUri(link.pinned)}`;
}

/** The pinned program: undefined when absent, the text, or the error to return. */
function readPinned(raw: string | undefined): string | undefined | ShareDecodeResult {
  if (raw === undefined) return undefined;
  const payload = percentDecode(raw);
  if (payload === null) return error('bad-pinned', 'The program pinned for comparison has a broken %-escape in it.');
  if (payload === '') return error('bad-pinned', 'The link pins an empty program for comparison.');
  const decoded = decompressFromUri(payload, MAX_SOURCE_CHARS);
  if (!decoded.ok) {
    return error(
      'bad-pinned',
      decoded.why === 'too-large'
        ? `The program pinned for comparison is too long: ${decoded.detail}; the limit is ${MAX_SOURCE_CHARS.toLocaleString('en')}.`
        : `The program pinned for comparison is damaged: ${decoded.detail}.`,
    );
  }
  if (decoded.text === '') return error('bad-pinned', 'The link pins an empty program for comparison.');
  const problem = notTextProblem(decoded.text);
  if (problem !== null) return error('bad-pinned', `The program pinned for comparison is not text: ${problem}`);
  return decoded.text;
}

/** A step/line parameter: undefined when absent, a number, or the error to return. */
function readPosition(raw: string | undefined, key: 'step' | 'line'): number | undefined | ShareDecodeResult {
  if (raw === undefined) return undefined;
  const value = percentDecode(raw);
  if (value !== null && /^\d{1,9}$/.test(value)) return Number(value);
  const shown = (value ?? raw).slice(0, 20);
  return error('bad-step', `The link's ${key} "${shown}" is not a whole number from 0 to ${MAX_POSITION}.`);
}

function isPosition(value: number | undefined): value is number {
  return value !== undefined && Number.isSafeInteger(value) && value >= 0 && value <= MAX_POSITION;
}

/** decodeURIComponent that answers null instead of throwing on a broken escape. */
function percentDecode(text: string): string | null {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Why `source` is not program text, or null when it is: control characters other than tab,
 * line feed, form feed and carriage return, and UTF-16 surrogates out of pairs, mean the link
 * was damaged (or crafted), not typed.
 */
function notTextProblem(source: string): string | null {
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    let bad = false;
    if (c < 0x20) bad = c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d;
    else if (c >= 0x7f && c < 0xa0) bad = true;
    else if (c >= 0xd800 && c < 0xdc00) {
      const next = source.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) i++;
      else bad = true;
    } else if (c >= 0xdc00 && c < 0xe000) bad = true;
    if (bad) {
      const line = source.slice(0, i).split('\n').length;
      const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      return `The program in the link contains ${hex} on line ${line}, which is not text: the link is probably damaged.`;
    }
  }
  return null;
}

function error(reason: ShareErrorReason, detail: string): ShareDecodeResult {
  return { kind: 'error', reason, detail };
}
