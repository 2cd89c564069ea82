/** Share links: the public face of src/share (the format is in README.md). */
export {
  decodeShareHash,
  encodeShareHash,
  MAX_HASH_CHARS,
  MAX_POSITION,
  MAX_SOURCE_CHARS,
  type ShareDecodeResult,
  type ShareErrorReason,
  type ShareLink,
} from './shareLink';
export {
  asksForEmbed,
  DEFAULT_EMBED_VIEWS,
  embedSettings,
  EDITOR_MODES,
  EMBED_THEMES,
  EMBED_VIEWS,
  type EditorMode,
  type EmbedParams,
  type EmbedSettings,
  type EmbedTheme,
  type EmbedViewName,
  type IgnoredParam,
} from './embedParams';
export { embedCode, type EmbedCodeInput } from './embedCode';
export { MAX_LIST_ENTRIES, type LinkBreakpoints, type LinkEventBreakpoint } from './breakpointParams';
