/**
 * The embed's vocabulary, shared by the link (src/share), its words (src/i18n) and the page:
 * the names an `embed=1` link uses for views, editor modes and themes, and the message an
 * embedded page posts to the page around it. Types and constant lists only.
 */

/** The views an embed can show, by the names the link uses. */
export const EMBED_VIEWS = ['timeline', 'ready', 'timers', 'cancellations', 'objects', 'console', 'narration', 'problems'] as const;
export type EmbedViewName = (typeof EMBED_VIEWS)[number];

/** How an embed shows the program: read-only (selectable, not typed in), hidden, or editable with Run. */
export const EDITOR_MODES = ['readonly', 'hidden', 'editable'] as const;
export type EditorMode = (typeof EDITOR_MODES)[number];

export const EMBED_THEMES = ['light', 'dark'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

/** An embed parameter whose value this build cannot use: what was asked (cut to 40 characters). */
export interface IgnoredParam {
  readonly key: 'embed' | 'views' | 'play' | 'speed' | 'editor' | 'theme';
  readonly value: string;
}

/**
 * What an embedded page posts to `window.parent` whenever its content's height changes, as
 * Python Tutor's `resizeContainer`: the host sets the iframe's height to `height` (CSS pixels).
 */
export interface EmbedResizeMessage {
  readonly type: 'loopscope:resize';
  readonly height: number;
}
