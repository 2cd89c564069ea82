/**
 * The classroom's part of a share link, both ways: the breakpoints and the teacher's question
 * steps that go into a link (urlSync, the Copy link button), and those a link brings (bootstrap).
 * Kept apart from the rest of the link so the other parameters' code does not change for them.
 */
import type { ShareLink } from '../share';
import type { LoopscopeStore } from './store';
import type { LoopscopeState } from './types';

/** `breakpoints`, `ask` and `predict` for a link to what the learner has set, left out when empty or off. */
export function classroomLinkParams(s: LoopscopeState): Pick<ShareLink, 'breakpoints' | 'ask' | 'predict'> {
  const hasBreakpoints = s.breakpointLines.length > 0 || s.eventBreakpoints.length > 0;
  return {
    ...(hasBreakpoints ? { breakpoints: { lines: s.breakpointLines, events: s.eventBreakpoints } } : {}),
    ...(s.askSteps.length > 0 ? { ask: s.askSteps } : {}),
    ...(s.predictOn ? { predict: true as const } : {}),
  };
}

/**
 * Set what a link brought: its breakpoints and question steps replace the ones set (none: none),
 * and predict mode is as the link says (a teacher's `predict=1` opens straight into it).
 */
export function openClassroomParams(store: LoopscopeStore, link: ShareLink): void {
  const state = store.getState();
  state.setBreakpoints(link.breakpoints?.lines ?? [], link.breakpoints?.events ?? []);
  state.setAskSteps(link.ask ?? []);
  if (state.predictOn !== (link.predict === true)) state.togglePredict();
}
