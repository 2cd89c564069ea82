/**
 * The cursor into the trace and the player that moves it. Every manual move pauses playback,
 * as in a debugger: the learner who steps wants to look, not to race the player.
 */
import { clampCursor, nextCursor, prevCursor, stepCount } from '../trace';
import type { Cursor } from '../trace/types';
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

  function moveTo(cursor: Cursor): void {
    stopTicking();
    const { index } = get();
    set({ playing: false, cursor: index ? clampCursor(index, cursor) : START });
  }

  return {
    cursor: START,
    playing: false,
    seek(cursor) {
      moveTo(cursor);
    },
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
