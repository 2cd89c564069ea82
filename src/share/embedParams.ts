/**
 * The embed parameters of a share link (`&embed=1&views=timeline,console&play=1&speed=5&
 * editor=readonly&theme=dark`): optional extras of format 1, read only with `embed=1` and
 * skipped by builds older than them, like every unknown parameter. Kept apart from
 * shareLink.ts so other extras can be added beside them without touching these.
 *
 * Unlike `compat`, none of them changes what the program prints, so a value this build does not
 * know never refuses the link: it is dropped (the embed uses its default) and reported in
 * `ignored`, for the page to say so.
 */

import { EDITOR_MODES, EMBED_THEMES, EMBED_VIEWS, type EditorMode, type EmbedTheme, type EmbedViewName, type IgnoredParam } from '../protocol/embed';

export { EDITOR_MODES, EMBED_THEMES, EMBED_VIEWS, type EditorMode, type EmbedTheme, type EmbedViewName, type IgnoredParam };

/** The parameters this file reads; `embed` turns the rest on. */
export const EMBED_KEYS: ReadonlySet<string> = new Set(['embed', 'views', 'play', 'speed', 'editor', 'theme']);

/** Fastest autoplay a link may ask for, in loop steps per second. */
export const MAX_EMBED_SPEED = 1000;

/** What an embed link asks for. Absent fields: the embed's defaults (src/embed decides them). */
export interface EmbedParams {
  /** The views to show, in the author's order, each once. */
  readonly views?: readonly EmbedViewName[];
  /** Play from the opening step once the run is there (`play=1`). */
  readonly play?: true;
  /** Playback speed in loop steps per second, as written (the page picks its nearest speed). */
  readonly speed?: number;
  readonly editor?: EditorMode;
  /** The page's colours; absent: the reader's system decides. */
  readonly theme?: EmbedTheme;
}

export interface EmbedReading {
  /** Null: not an embed link (no `embed`, or `embed=0`). */
  readonly embed: EmbedParams | null;
  readonly ignored: readonly IgnoredParam[];
}

const YES = new Set(['1', '', 'true', 'yes']);
const NO = new Set(['0', 'false', 'no']);

/**
 * Read the embed parameters from the link's (already split, still %-escaped) parameters.
 * `decode` is the link's lenient %-decoding (null on a broken escape). Never throws.
 */
export function readEmbedParams(params: ReadonlyMap<string, string>, decode: (text: string) => string | null): EmbedReading {
  const ignored: IgnoredParam[] = [];
  const text = (key: IgnoredParam['key']): string | undefined => {
    const raw = params.get(key);
    if (raw === undefined) return undefined;
    return (decode(raw) ?? raw).trim();
  };
  const ignore = (key: IgnoredParam['key'], value: string): void => {
    ignored.push({ key, value: value.slice(0, 40) });
  };

  const embedValue = text('embed');
  if (embedValue === undefined || NO.has(embedValue.toLowerCase())) return { embed: null, ignored: [] };
  // A teacher who wrote embed=on meant an embed: shown as one, and the value is reported.
  if (!YES.has(embedValue.toLowerCase())) ignore('embed', embedValue);

  const views = readViews(text('views'), ignore);
  const play = text('play');
  if (play !== undefined && play !== '1' && play !== '0') ignore('play', play);
  const speed = readSpeed(text('speed'), ignore);
  const editor = oneOf(text('editor'), EDITOR_MODES, 'editor', ignore);
  const theme = oneOf(text('theme'), EMBED_THEMES, 'theme', ignore);
  return {
    embed: {
      ...(views === undefined ? {} : { views }),
      ...(play === '1' ? { play: true as const } : {}),
      ...(speed === undefined ? {} : { speed }),
      ...(editor === undefined ? {} : { editor }),
      ...(theme === undefined ? {} : { theme }),
    },
    ignored,
  };
}

/** The parameters for `embed` (`&embed=1&...`), only what it sets; '' for no embed. */
export function writeEmbedParams(embed: EmbedParams | undefined): string {
  if (embed === undefined) return '';
  let out = '&embed=1';
  const views = (embed.views ?? []).filter((v, i, all) => EMBED_VIEWS.includes(v) && all.indexOf(v) === i);
  if (views.length > 0) out += `&views=${views.join(',')}`;
  if (embed.play === true) out += '&play=1';
  if (embed.speed !== undefined && isSpeed(embed.speed)) out += `&speed=${embed.speed}`;
  if (embed.editor !== undefined && EDITOR_MODES.includes(embed.editor)) out += `&editor=${embed.editor}`;
  if (embed.theme !== undefined && EMBED_THEMES.includes(embed.theme)) out += `&theme=${embed.theme}`;
  return out;
}

function readViews(value: string | undefined, ignore: (key: 'views', value: string) => void): readonly EmbedViewName[] | undefined {
  if (value === undefined) return undefined;
  const views: EmbedViewName[] = [];
  const unknown: string[] = [];
  for (const name of value.split(',').map((n) => n.trim().toLowerCase())) {
    if (name === '') continue;
    const view = EMBED_VIEWS.find((v) => v === name);
    if (view === undefined) unknown.push(name);
    else if (!views.includes(view)) views.push(view);
  }
  if (unknown.length > 0 || views.length === 0) ignore('views', unknown.length > 0 ? unknown.join(',') : value);
  return views.length === 0 ? undefined : views;
}

function readSpeed(value: string | undefined, ignore: (key: 'speed', value: string) => void): number | undefined {
  if (value === undefined) return undefined;
  const speed = /^\d{1,4}(\.\d{1,3})?$/.test(value) ? Number(value) : NaN;
  if (isSpeed(speed)) return speed;
  ignore('speed', value);
  return undefined;
}

function isSpeed(speed: number): boolean {
  return Number.isFinite(speed) && speed > 0 && speed <= MAX_EMBED_SPEED;
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  key: 'editor' | 'theme',
  ignore: (key: 'editor' | 'theme', value: string) => void,
): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value.toLowerCase());
  if (found === undefined) ignore(key, value);
  return found;
}

/**
 * Whether a hash asks to be an embed, read from its parameters alone: a link whose program is
 * damaged still opens as the embed its author meant, with the message, not as the full app.
 */
export function asksForEmbed(hash: string): boolean {
  if (typeof hash !== 'string') return false;
  for (const param of hash.slice(0, 1_000_000).split('&').slice(1)) {
    const eq = param.indexOf('=');
    if ((eq < 0 ? param : param.slice(0, eq)) !== 'embed') continue;
    return !NO.has((eq < 0 ? '' : param.slice(eq + 1)).trim().toLowerCase());
  }
  return false;
}

/** What an embed shows when its link names no views: the loop at a glance, and what it printed. */
export const DEFAULT_EMBED_VIEWS: readonly EmbedViewName[] = ['narration', 'timeline', 'ready', 'timers', 'console'];
/** A course page shows the program to read; the author opts in to editing. */
export const DEFAULT_EDITOR_MODE: EditorMode = 'readonly';

/** An embed's parameters with the defaults filled in: what the embedded page does. */
export interface EmbedSettings {
  readonly views: readonly EmbedViewName[];
  readonly editor: EditorMode;
  readonly play: boolean;
  /** Steps per second as the link wrote it; null: the page's default speed. */
  readonly speed: number | null;
  /** null: the reader's system decides. */
  readonly theme: EmbedTheme | null;
  /** The link's parameters that were not understood (their defaults are used): the embed says so. */
  readonly ignored: readonly IgnoredParam[];
}

export function embedSettings(params: EmbedParams, ignored: readonly IgnoredParam[] = []): EmbedSettings {
  return {
    ignored,
    views: params.views !== undefined && params.views.length > 0 ? params.views : DEFAULT_EMBED_VIEWS,
    editor: params.editor ?? DEFAULT_EDITOR_MODE,
    play: params.play === true,
    speed: params.speed ?? null,
    theme: params.theme ?? null,
  };
}
