/**
 * Scrubbing (playbackSlice.ts): seeks close together are a scrub, the heavy panes' cursor
 * (selectShownCursor) lags the cursor while it lasts and catches up every PANE_FOLLOW_MS, and
 * every view shows the final step once it stops; any other move shows everywhere at once.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/trace';
import { SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE } from '../trace/fixtures/sleepOneSecond';
import { traceOf } from '../trace/fixtures/traceOf';
import { PANE_FOLLOW_MS, SCRUB_SETTLE_MS } from './scrubPace';
import { selectScrubbing, selectShownCursor, selectTotalSteps } from './selectors';
import { memoryStorage } from './storage';
import { createLoopscopeStore } from './store';
import { fakeTimers } from './testing/fakeTimers';

const FRAME_MS = 16;

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
    expect(selectShownCursor(s)).toBe(s.cursor);
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
    expect(selectShownCursor(s).step).toBe(1);
    // The pointer stays on step 3 (a seek per frame): PANE_FOLLOW_MS after the scrub's first
    // lagging seek, the panes show the newest cursor.
    for (let at = 2 * FRAME_MS; at < FRAME_MS + PANE_FOLLOW_MS; at += FRAME_MS) {
      expect(selectShownCursor(t.store.getState()).step).toBe(1);
      t.timers.advance(FRAME_MS);
      t.seek(3);
    }
    s = t.store.getState();
    expect(selectScrubbing(s)).toBe(true);
    expect(selectShownCursor(s)).toBe(s.cursor);
    expect(selectShownCursor(s).step).toBe(3);
  });

  it('settles every view on the final step once no seek comes for SCRUB_SETTLE_MS', () => {
    const t = showingTrace();
    for (let step = 1; step <= t.total; step++) {
      t.seek(step);
      t.timers.advance(FRAME_MS);
    }
    t.seek(2); // the pointer comes back and rests here
    expect(selectShownCursor(t.store.getState()).step).not.toBe(2);
    t.timers.advance(SCRUB_SETTLE_MS - 1);
    expect(selectScrubbing(t.store.getState())).toBe(true);
    t.timers.advance(1);
    const s = t.store.getState();
    expect(selectScrubbing(s)).toBe(false);
    expect(s.scrub).toBeNull();
    expect(selectShownCursor(s)).toBe(s.cursor);
    expect(s.cursor.step).toBe(2);
    expect(t.timers.pending()).toBe(0);
  });

  it('a step during a scrub ends it: the step shows everywhere at once', () => {
    const t = showingTrace();
    t.seek(1);
    t.timers.advance(FRAME_MS);
    t.seek(3);
    expect(selectShownCursor(t.store.getState()).step).toBe(1);
    t.store.getState().stepBack('step');
    const s = t.store.getState();
    expect(selectScrubbing(s)).toBe(false);
    expect(selectShownCursor(s)).toBe(s.cursor);
    expect(s.cursor.step).toBe(2);
    expect(t.timers.pending()).toBe(0);
    // The next seek is one on its own again, not the scrub's.
    t.timers.advance(FRAME_MS);
    t.seek(4);
    expect(selectShownCursor(t.store.getState()).step).toBe(4);
  });

  it('a new run during a scrub shows its own cursor in the panes, never the old run’s step', () => {
    const t = showingTrace();
    t.seek(1);
    t.timers.advance(FRAME_MS);
    t.seek(3);
    t.store.getState().openTrace(traceOf(SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE));
    const s = t.store.getState();
    expect(selectScrubbing(s)).toBe(false);
    expect(selectShownCursor(s)).toBe(s.cursor);
    expect(s.cursor.step).toBe(0);
  });
});
