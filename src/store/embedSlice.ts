/**
 * Whether the page is an embed (an `embed=1` link in an iframe) and what it shows. Set once, as
 * the page opens (src/embed/openEmbed.ts); the shell picks its layout from it and the editor its
 * read-only mode.
 */
import type { EmbedSlice } from './types';

export function createEmbedSlice(): EmbedSlice {
  return { embed: null };
}
