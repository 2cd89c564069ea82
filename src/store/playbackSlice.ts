/**
 * The cursor into the trace and the player that moves it. Every manual move pauses playback,
 * as in a debugger: the learner who steps wants to look, not to race the player.
 *
 * Scrubbing, as video editors and DevTools' timeline do it: seeks that come close together
 * (a drag across the scrubber or the timeline, one per frame) are a scrub. The views under the
 * pointer (scrubber, step label, timeline) show every one; the heavy panes (objects, await
 * graph, narration, ready queue, timers, console, the editor's line marks) show `scrub.panes`,
 * which catches up with the cursor every PANE_FOLLOW_MS, a group of panes a frame (PANE_TURNS),
 * so a frame pays for one group at most; once
 * no seek has come for SCRUB_SETTLE_MS the scrub ends and every view shows the cursor. Any
 * other move (a step, a jump, play) ends a scrub at once: a single step updates everything.
 */
import { clampCursor, nextCursor, prevCursor, stepCount } from '../trace';
import type { Cursor } from '../trace/types';
import { PANE_FOLLOW_MS, PANE_TURN_MS, PANE_TURNS, SCRUB_SETTLE_MS } from './scrubPace';
import type { PaneTurn } from './scrubPace';
import type { GetState, PlaybackSlice, SetState, StoreDeps } from './types';

export const START: Cursor = { step: 0 };

function sameCursor(a: Cursor, b: Cursor): boolean {
  return a.step === b.step && (a.line ?? -1) === (b.line ?? -1);
}

export function createPlaybackSlice(set: SetState, get: GetState, deps: StoreDeps): PlaybackSlice {
  let tickTimer: unknown = null;

  function stopTicking(): void {
    if (tickTimer !== null) deps.timers.clearTimeout(tickTimer);
    tickTimer = null;
  }

  /** One step per tick; the delay is read at every tick so a speed change applies at once. */
  function scheduleTick(): void {
    stopTicking();
    tickTimer = deps.timers.setTimeout(() => {
      tickTimer = null;
      const { index, cursor, playing } = get();
      if (!playing || !index) return;
      const next = nextCursor(index, cursor, 'step');
      if (sameCursor(next, cursor)) {
        set({ playing: false });
        return;
      }
      // A step with a question (predict mode, a teacher's ask=) stops the player and asks.
      if (get().holdForQuestion(cursor, next)) return;
      set({ cursor: next });
      if (next.step >= stepCount(index)) set({ playing: false });
      else scheduleTick();
    }, 1000 / get().speed);
  }

  /** Armed by every seek: a seek while it is armed is part of a scrub; when it fires, the scrub ends. */
  let settleTimer: unknown = null;
  /** Armed while scrubbing: when it fires, the panes catch up with the cursor. */
  let followTimer: unknown = null;

  function endScrub(): void {
    if (settleTimer !== null) deps.timers.clearTimeout(settleTimer);
    if (followTimer !== null) deps.timers.clearTimeout(followTimer);
    settleTimer = null;
    followTimer = null;
    if (get().scrub !== null) set({ scrub: null });
  }

  /**
   * A catch-up, one group of panes at a time (PANE_TURNS, a frame apart): group `turn` shows
   * `target`, the cursor when the catch-up began, so the groups agree once all have it.
   */
  function panesCatchUp(turn = 0, target: Cursor = get().cursor): void {
    followTimer = null;
    const { scrub, index } = get();
    const pane = PANE_TURNS[turn];
    if (scrub === null || index === null || scrub.index !== index || pane === undefined) return;
    if (scrub.panes[pane] !== target) set({ scrub: { index, panes: { ...scrub.panes, [pane]: target } } });
    if (turn + 1 < PANE_TURNS.length) followTimer = deps.timers.setTimeout(() => panesCatchUp(turn + 1, target), PANE_TURN_MS);
  }

  function clamped(cursor: Cursor): Cursor {
    const { index } = get();
    return index ? clampCursor(index, cursor) : START;
  }

  function moveTo(cursor: Cursor): void {
    stopTicking();
    endScrub();
    set({ playing: false, cursor: clamped(cursor) });
  }

  function seek(cursor: Cursor): void {
    const scrubbing = settleTimer !== null;
    stopTicking();
    if (settleTimer !== null) deps.timers.clearTimeout(settleTimer);
    settleTimer = deps.timers.setTimeout(endScrub, SCRUB_SETTLE_MS);
    const { index, scrub, cursor: before } = get();
    // The same step again (a pointer resting mid-drag) keeps the cursor: nothing re-renders.
    const wanted = clamped(cursor);
    const next = sameCursor(wanted, before) ? before : wanted;
    if (!scrubbing || index === null) {
      // A seek on its own (a click on the timeline, a finding): every view shows it at once.
      set({ playing: false, cursor: next });
      return;
    }
    // The panes keep what they show (the cursor before this seek, when the scrub starts here).
    set({ playing: false, cursor: next, scrub: scrub?.index === index ? scrub : { index, panes: allPanes(before) } });
    if (followTimer === null) followTimer = deps.timers.setTimeout(() => panesCatchUp(), PANE_FOLLOW_MS);
  }

  return {
    cursor: START,
    playing: false,
    scrub: null,
    seek,
    stepForward(unit) {
      const { index, cursor } = get();
      if (!index) return;
      const next = nextCursor(index, cursor, unit);
      if (!get().holdForQuestion(cursor, next)) moveTo(next);
    },
    stepBack(unit) {
      const { index, cursor } = get();
      if (index) moveTo(prevCursor(index, cursor, unit));
    },
    jumpStart() {
      moveTo(START);
    },
    jumpEnd() {
      const { index } = get();
      if (index) moveTo({ step: stepCount(index) });
    },
    play() {
      const { index, cursor } = get();
      if (!index || stepCount(index) === 0) return;
      // Playing from the end starts over, as a media player does.
      endScrub();
      if (cursor.step >= stepCount(index)) set({ cursor: START });
      set({ playing: true });
      scheduleTick();
    },
    pause() {
      stopTicking();
      set({ playing: false });
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
  };
}

/** Every group of panes showing `cursor`. */
function allPanes(cursor: Cursor): Readonly<Record<PaneTurn, Cursor>> {
  return Object.fromEntries(PANE_TURNS.map((pane) => [pane, cursor])) as Record<PaneTurn, Cursor>;
}
