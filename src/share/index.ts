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
export { MAX_LIST_ENTRIES, type LinkBreakpoints, type LinkEventBreakpoint } from './breakpointParams';
