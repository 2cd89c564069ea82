/**
 * Open a compare link (`&pin=`): run the pinned program first and pin its run, then open the
 * main program as any share link opens (run, seek). The editor ends with the main program, as
 * the link's author had it; the pinned text was only ever theirs to compare against.
 *
 * If the pinned program cannot give a run (a syntax error, the engine failing), the main program
 * still opens: the comparison is lost, not the link.
 */
import type { LoopscopeStore } from '../store/store';
import type { SharedProgram } from '../store/types';

export function openComparison(store: LoopscopeStore, pinnedSource: string, program: SharedProgram): void {
  const state = store.getState();
  let started = false;
  const unsubscribe = store.subscribe((s) => {
    if (s.phase === 'running') {
      started = true;
      return;
    }
    if (!started) return;
    unsubscribe();
    if (s.phase === 'done' && s.index !== null && s.ranSource === pinnedSource) s.pin();
    s.openSharedProgram(program);
  });
  // The pinned run behaves as the same Python the main one does.
  state.openSharedProgram({ source: pinnedSource, ...(program.compat && { compat: program.compat }) });
  // Nothing started (the engine is gone): open the main program all the same.
  if (!started) {
    unsubscribe();
    store.getState().openSharedProgram(program);
  }
}
