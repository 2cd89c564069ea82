/**
 * Puts the learner's display preferences on the document, where the CSS reads them:
 * `<html data-theme="light|dark">` (src/app/theme.css) and `<html data-presenter="on">`
 * (src/app/presenter.css). 'system' follows `prefers-color-scheme`, live, as VS Code's
 * "auto detect colour scheme" does.
 *
 * The attribute is the contract: a page that shows no header (an embed that takes `theme=` from
 * its link) sets `data-theme` itself, and every view, Monaco included
 * (src/editor/editorTheme.ts), follows whatever the attribute says.
 */
import { useEffect } from 'react';
import type { ThemeChoice } from '../store/types';

const SYSTEM_DARK = '(prefers-color-scheme: dark)';

export function useDocumentTheme(theme: ThemeChoice, presenter: boolean): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme !== 'system') {
      root.dataset.theme = theme;
      return;
    }
    const system = window.matchMedia(SYSTEM_DARK);
    const follow = () => {
      root.dataset.theme = system.matches ? 'dark' : 'light';
    };
    follow();
    system.addEventListener('change', follow);
    return () => system.removeEventListener('change', follow);
  }, [theme]);

  useEffect(() => {
    const root = document.documentElement;
    if (presenter) root.dataset.presenter = 'on';
    else delete root.dataset.presenter;
  }, [presenter]);
}
