/**
 * The page's keyboard shortcuts (listed in the help overlay). Typing in the editor or a form
 * field must not step the trace, so only Ctrl/Cmd+Enter (Run) works everywhere.
 */
import { useEffect } from 'react';
import { useLoopscopeApi } from '../store/context';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor')) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

export function useShortcuts(toggleHelp: () => void): void {
  const api = useLoopscopeApi();
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      const s = api.getState();
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        s.run();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      switch (e.key) {
        case 'F8':
          // As a debugger's Continue; Shift runs backward (rr's reverse-continue).
          s.runToHit(e.shiftKey ? 'back' : 'forward');
          break;
        case 'Escape':
          if (s.phase === 'running') s.stop();
          return;
        case 'ArrowRight':
          s.stepForward(e.shiftKey ? 'line' : 'step');
          break;
        case 'ArrowLeft':
          s.stepBack(e.shiftKey ? 'line' : 'step');
          break;
        case ' ':
          // A focused button keeps its own Space (click); elsewhere Space plays.
          if (e.target instanceof HTMLButtonElement) return;
          s.togglePlay();
          break;
        case 'Home':
          s.jumpStart();
          break;
        case 'End':
          s.jumpEnd();
          break;
        case '?':
          toggleHelp();
          break;
        case 'p':
        case 'P':
          s.setPresenter(!s.presenter);
          break;
        default:
          return;
      }
      e.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [api, toggleHelp]);
}
