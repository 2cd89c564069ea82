/**
 * Monaco's colours in the page's two themes, and the editor following the page's theme live.
 * Monaco paints its own DOM from a theme object, not from CSS variables: its two themes are
 * built on `vs` and `vs-dark` with theme.css's surfaces and a readable gutter (line numbers ≥
 * 4.5:1 on it; Monaco's own grey was 2.4:1). The running line and paused tasks come from
 * theme.css through decorations, so they follow the theme by themselves.
 */
import { monaco } from './monaco';

export const EDITOR_THEMES = { light: 'loopscope-light', dark: 'loopscope-dark' } as const;

monaco.editor.defineTheme(EDITOR_THEMES.light, {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#ffffff',
    'editorLineNumber.foreground': '#5f6b7a',
    'editorLineNumber.activeForeground': '#1f2933',
    'editorLineNumber.dimmedForeground': '#5f6b7a',
    'editorGutter.background': '#fafbfc',
  },
});

monaco.editor.defineTheme(EDITOR_THEMES.dark, {
  base: 'vs-dark',
  inherit: true,
  // vs-dark's comments (#608b4e) are 4.1:1 on this background; VS Code's later green, lifted to 6.3:1.
  rules: [{ token: 'comment', foreground: '7fae6b' }],
  colors: {
    'editor.background': '#1e2127',
    'editorLineNumber.foreground': '#939eab',
    'editorLineNumber.activeForeground': '#e4e8ee',
    'editorLineNumber.dimmedForeground': '#939eab',
    'editorGutter.background': '#252930',
  },
});

/**
 * The editor's type size: presenter mode's is a projector's (editor.css sizes the glyph-margin
 * marks to the same line height).
 */
export function editorType(presenter: boolean): { readonly fontSize: number; readonly lineHeight: number } {
  // 18 px, not more: a program's 60-column lines must still fit the editor's half of a 1440 px projector.
  return presenter ? { fontSize: 18, lineHeight: 27 } : { fontSize: 14, lineHeight: 21 };
}

/** The page's theme now: the root's data-theme, or the system's when the page set none. */
export function pageIsDark(): boolean {
  const set = document.documentElement.dataset.theme;
  if (set === 'dark') return true;
  if (set === 'light') return false;
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/**
 * Call `apply` now and whenever the page's theme changes (the attribute, or the system's scheme
 * while the page sets none). Returns the function that stops following.
 */
export function followPageTheme(apply: (dark: boolean) => void): () => void {
  let dark = pageIsDark();
  apply(dark);
  const check = () => {
    const now = pageIsDark();
    if (now === dark) return;
    dark = now;
    apply(now);
  };
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  system.addEventListener('change', check);
  return () => {
    observer.disconnect();
    system.removeEventListener('change', check);
  };
}
