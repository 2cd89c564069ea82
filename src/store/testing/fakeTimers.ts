/** Manual timers for tests: nothing fires until `advance` says time has passed. */
import type { Timers } from '../types';

export interface FakeTimers extends Timers {
  advance(ms: number): void;
  pending(): number;
  /** The fake clock, in ms: what has been advanced so far (for code that reads the time). */
  now(): number;
}

export function fakeTimers(): FakeTimers {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void; every: number | null }>();
  return {
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn, every: null });
      return id;
    },
    clearTimeout(h) {
      timers.delete(h as number);
    },
    setInterval(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn, every: ms });
      return id;
    },
    clearInterval(h) {
      timers.delete(h as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        let due: [number, { at: number; fn: () => void; every: number | null }] | null = null;
        for (const entry of timers) if (entry[1].at <= until && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        const [id, timer] = due;
        now = timer.at;
        if (timer.every === null) timers.delete(id);
        else timer.at += timer.every;
        timer.fn();
      }
      now = until;
    },
    pending: () => timers.size,
    now: () => now,
  };
}
