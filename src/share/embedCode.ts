/**
 * The HTML a teacher pastes into a course page to embed Loopscope: the iframe, and the few lines
 * of script that follow the height the embed reports (`{type: 'loopscope:resize', height}`,
 * posted to the host page, as Python Tutor's `resizeContainer` does). Pure: the page passes the
 * embed's URL, its own origin and the frame's title (in the author's language, from src/i18n).
 */

export interface EmbedCodeInput {
  /** The embed link: the app's address with an `#code/…&embed=1…` hash. */
  readonly url: string;
  /** The app's origin: the host script takes height messages from it only. */
  readonly origin: string;
  /** The iframe's accessible name. */
  readonly title: string;
  /** The frame's height before the first message arrives, in CSS pixels. */
  readonly height: number;
}

/** The attribute every embed's iframe carries, so one script can follow several embeds on a page. */
export const EMBED_FRAME_ATTRIBUTE = 'data-loopscope-embed';

export function embedCode({ url, origin, title, height }: EmbedCodeInput): string {
  const initial = Number.isFinite(height) && height > 0 ? Math.round(height) : 600;
  // `allow="cross-origin-isolated"` lets the frame be isolated (the precise Stop) when the host
  // page is; `credentialless` lets a cross-origin isolated host load it even from a server that
  // sends no Cross-Origin-Resource-Policy (Chromium; the embed uses no cookies or storage). On a
  // host without COOP/COEP neither matters and Stop restarts Python instead (README, "Embedding").
  const frame =
    `<iframe src="${attribute(url)}" title="${attribute(title)}" ${EMBED_FRAME_ATTRIBUTE}\n` +
    `  style="display: block; width: 100%; height: ${initial}px; border: 0;"\n` +
    `  loading="lazy" allow="cross-origin-isolated" credentialless></iframe>`;
  const script = [
    '<script>',
    '  if (!window.loopscopeEmbedHeights) {',
    '    window.loopscopeEmbedHeights = true;',
    "    window.addEventListener('message', function (event) {",
    '      var data = event.data;',
    `      if (event.origin !== ${scriptString(origin)} || !data || data.type !== 'loopscope:resize') return;`,
    "      if (typeof data.height !== 'number' || !isFinite(data.height) || data.height <= 0) return;",
    `      document.querySelectorAll('iframe[${EMBED_FRAME_ATTRIBUTE}]').forEach(function (frame) {`,
    "        if (frame.contentWindow === event.source) frame.style.height = Math.ceil(data.height) + 'px';",
    '      });',
    '    });',
    '  }',
    '</script>',
  ].join('\n');
  return `${frame}\n${script}\n`;
}

/** Text safe inside a double-quoted HTML attribute. */
function attribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A JavaScript string literal that cannot close the <script> element it sits in. */
function scriptString(text: string): string {
  return JSON.stringify(text).replaceAll('<', '\\u003c');
}
