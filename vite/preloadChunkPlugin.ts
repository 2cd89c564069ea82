/**
 * `<link rel="modulepreload">` in the built index.html for a lazily imported chunk, and a
 * preload of its CSS, so the browser downloads it alongside the entry instead of after the
 * entry has run and asked for it. Used for the editor: Monaco is the page's biggest script, and
 * the program is the first thing a learner looks at.
 */
import type { Plugin } from 'vite';

/** @param entry the module the lazy import names, relative to the project root. */
export function preloadChunkPlugin(entry: string): Plugin {
  let base = '/';
  return {
    name: 'loopscope-preload-chunk',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (bundle === undefined) return [];
        const chunk = Object.values(bundle).find(
          (out) => out.type === 'chunk' && out.facadeModuleId !== null && out.facadeModuleId.endsWith(`/${entry}`),
        );
        if (chunk === undefined || chunk.type !== 'chunk') throw new Error(`preloadChunkPlugin: no chunk for ${entry}`);
        const css = [...(chunk.viteMetadata?.importedCss ?? [])];
        return [
          ...css.map((file) => ({
            tag: 'link',
            // crossorigin as Vite's own loader asks, so the preloaded copy is the one used.
            attrs: { rel: 'preload', as: 'style', href: `${base}${file}`, crossorigin: true },
            injectTo: 'head' as const,
          })),
          { tag: 'link', attrs: { rel: 'modulepreload', href: `${base}${chunk.fileName}`, crossorigin: true }, injectTo: 'head' as const },
        ];
      },
    },
  };
}
