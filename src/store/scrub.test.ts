/**
 * Scrubbing (playbackSlice.ts): seeks close together are a scrub, the heavy panes' cursor
 * (selectShownCursor) lags the cursor while it lasts and catches up every PANE_FOLLOW_MS, and
 * every view shows the final step once it stops; any other move shows everywhere at once.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/trace';
import { SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE } from '../trace/fixtures/sleepOneSecond';
import { traceOf } from '../trace/fixtures/traceOf';
import { PANE_FOLLOW_MS, PANE_TURN_MS, PANE_TURNS, SCRUB_SETTLE_MS } from './scrubPace';
import { selectScrubbing, selectShownCursor, selectTotalSteps } from './selectors';
import { memoryStorage } from './storage';
import { createLoopscopeStore } from './store';
import { fakeTimers } from './testing/fakeTimers';
import type { LoopscopeState } from './types';

const FRAME_MS = 16;

/** The step each group of panes shows, in catch-up order. */
const paneSteps = (s: LoopscopeState): number[] => PANE_TURNS.map((pane) => selectShownCursor(s, pane).step);
/** Every group of panes shows the cursor itself (the same object: nothing re-renders for it). */
const everyPaneShowsCursor = (s: LoopscopeState): boolean => PANE_TURNS.every((pane) => selectShownCursor(s, pane) === s.cursor);

function showingTrace() {
  const timers = fakeTimers();
  const store = createLoopscopeStore({
    createEngine: () => ({ run: () => 0, stop: () => undefined, restart: () => undefined, dispose: () => undefined }),
    storage: memoryStorage(),
    timers,
    languages: ['en'],
    defaultSource: () => '',
    runOptions: DEFAULT_RUN_OPTIONS,
  });
  store.getState().openTrace(traceOf(SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE));
  const total = selectTotalSteps(store.getState());
  if (total < 4) throw new Error(`the fixture needs 4 steps, it has ${total}`);
  return { store, timers, total, seek: (step: number) => store.getState().seek({ step }) };
}

describe('scrubbing', () => {
  it('a seek on its own shows in every view at once', () => {
    const t = showingTrace();
    t.seek(2);
    const s = t.store.getState();
    expect(s.cursor.step).toBe(2);
    expect(everyPaneShowsCursor(s)).toBe(true);
    expect(selectScrubbing(s)).toBe(false);
  });

  it('seeks a frame apart are a scrub: the panes keep the step they showed until they catch up', () => {
    const t = showingTrace();
    t.seek(1);
    t.timers.advance(FRAME_MS);
    t.seek(2);
    t.timers.advance(FRAME_MS);
    t.seek(3);
    let s = t.store.getState();
    expect(s.cursor.step).toBe(3);
    expect(selectScrubbing(s)).toBe(true);
    expect(paneSteps(s)).toEqual(PANE_TURNS.map(() => 1));
    // The pointer stays on step 3 (a seek per frame): PANE_FOLLOW_MS after the scrub's first
    // lagging seek, the first group of panes shows the newest cursor.
    for (let at = 2 * FRAME_MS; at < FRAME_MS + PANE_FOLLOW_MS; at += FRAME_MS) {
      expect(paneSteps(t.store.getState())).toEqual(PANE_TURNS.map(() => 1));
      t.timers.advance(FRAME_MS);
      t.seek(3);
    }
    s = t.store.getState();
    expect(selectScrubbing(s)).toBe(true);
    expect(selectShownCursor(s, 'objects')).toBe(s.cursor);
    expect(selectShownCursor(s, 'objects').step).toBe(3);
  });

  it('settles every view on the final step once no seek comes for SCRUB_SETTLE_MS', () => {
    const t = showingTrace();
    for (let step = 1; step <= t.total; step++) {
      t.seek(step);
      t.timers.advance(FRAME_MS);
    }
    t.seek(2); // the pointer comes back and rests here
    expect(selectShownCursor(t.store.getState(), 'editor').step).not.toBe(2);
    t.timers.advance(SCRUB_SETTLE_MS - 1);
    expect(selectScrubbing(t.store.getState())).toBe(true);
    t.timers.advance(1);
    const s = t.store.getState();
    expect(selectScrubbing(s)).toBe(false);
    expect(s.scrub).toBeNull();
    expect(everyPaneShowsCursor(s)).toBe(true);
    expect(s.cursor.step).toBe(2);
    expect(t.timers.pending()).toBe(0);
  });

  it('a step during a scrub ends it: the step shows everywhere at once', () => {
    const t = showingTrace();
    t.seek(1);
    t.timers.advance(FRAME_MS);
    t.seek(3);
    expect(paneSteps(t.store.getState())).toEqual(PANE_TURNS.map(() => 1));
    t.store.getState().stepBack('step');
    const s = t.store.getState();
    expect(selectScrubbing(s)).toBe(false);
    expect(everyPaneShowsCursor(s)).toBe(true);
    expect(s.cursor.step).toBe(2);
    expect(t.timers.pending()).toBe(0);
    // The next seek is one on its own again, not the scrub's.
    t.timers.advance(FRAME_MS);
    t.seek(4);
    expect(everyPaneShowsCursor(t.store.getState())).toBe(true);
    expect(t.store.getState().cursor.step).toBe(4);
  });

  it('a new run during a scrub shows its own cursor in the panes, never the old run’s step', () => {
    const t = showingTrace();
    t.seek(1);
    t.timers.advance(FRAME_MS);
    t.seek(3);
    t.store.getState().openTrace(traceOf(SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE));
    const s = t.store.getState();
    expect(selectScrubbing(s)).toBe(false);
    expect(everyPaneShowsCursor(s)).toBe(true);
    expect(s.cursor.step).toBe(0);
  });

  it('a catch-up reaches the groups of panes one a frame, in order, all with the step it began at', () => {
    const t = showingTrace();
    t.seek(1);
    t.timers.advance(FRAME_MS);
    t.seek(2); // the scrub: the panes stay on step 1
    // A seek a millisecond (the pointer rests on step 2) until the first group catches up.
    let waited = 0;
    while (paneSteps(t.store.getState())[0] === 1 && waited < 2 * PANE_FOLLOW_MS) {
      t.timers.advance(1);
      waited++;
      if (waited % FRAME_MS === 0) t.seek(2);
    }
    expect(waited).toBe(PANE_FOLLOW_MS);
    expect(paneSteps(t.store.getState())).toEqual(PANE_TURNS.map((_, i) => (i === 0 ? 2 : 1)));
    t.seek(3); // the pointer moves on meanwhile: the catch-up keeps the step it began at
    for (let turn = 1; turn < PANE_TURNS.length; turn++) {
      t.timers.advance(PANE_TURN_MS - 1);
      expect(paneSteps(t.store.getState())[turn]).toBe(1);
      t.timers.advance(1);
      t.seek(3);
      expect(paneSteps(t.store.getState())).toEqual(PANE_TURNS.map((_, i) => (i <= turn ? 2 : 1)));
    }
    expect(PANE_TURNS.at(-1)).toBe('editor');
    // Every group agrees again; the step label is on step 3 and the scrub goes on.
    expect(selectScrubbing(t.store.getState())).toBe(true);
    expect(t.store.getState().cursor.step).toBe(3);
  });
});
