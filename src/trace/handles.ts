/**
 * What the trace says about each handle, by id. A handle is scheduled once and cancelled at most
 * once, so these facts never change during a run: replay looks them up instead of copying them
 * into every keyframe (a handle is "cancelled at position p" when its `unsched` came before p).
 */
import type { HandleId, HandleTarget, Seconds } from '../protocol/trace';
import type { ReadyEntry, TimerEntry } from './types';

export interface HandleRecord {
  readonly h: HandleId;
  readonly on: HandleTarget;
  /** The deadline of a timer; undefined for a handle that went straight to the ready queue. */
  readonly when: Seconds | undefined;
  /** Index in trace.events of its `sched` event. */
  readonly schedAt: number;
}

/** Shown for a handle the trace ran without ever scheduling it (a truncated or foreign trace). */
const UNKNOWN_TARGET: HandleTarget = { k: 'call', fn: '?' };

export class HandleTable {
  // Handle ids are dense (1, 2, 3... in scheduling order), so an array indexed by id is the
  // cheapest map; a sparse id only costs a hole.
  private readonly records: (HandleRecord | undefined)[] = [];
  private readonly unschedAt = new Map<HandleId, number>();
  // The entries the panels show are immutable, so each is made once and shared by every seek:
  // a state with 50k timers then costs 50k lookups, not 50k new objects. Index: 2h (+1 if cancelled).
  private readonly readyEntries: (ReadyEntry | undefined)[] = [];
  private readonly timerEntries: (TimerEntry | undefined)[] = [];

  /** Record a `sched` event found at `eventIndex`. */
  schedule(h: HandleId, on: HandleTarget, when: Seconds | undefined, eventIndex: number): void {
    this.records[h] = { h, on, when, schedAt: eventIndex };
  }

  /** Record an `unsched` event: the first one counts (a handle is cancelled once). */
  cancel(h: HandleId, eventIndex: number): void {
    if (!this.unschedAt.has(h)) this.unschedAt.set(h, eventIndex);
  }

  get(h: HandleId): HandleRecord | undefined {
    return this.records[h];
  }

  target(h: HandleId): HandleTarget {
    return this.records[h]?.on ?? UNKNOWN_TARGET;
  }

  /** The timer's deadline; +Infinity for an unknown handle so it sorts last rather than breaking the order. */
  when(h: HandleId): Seconds {
    return this.records[h]?.when ?? Number.POSITIVE_INFINITY;
  }

  /** Was the handle cancelled by an event before position `position` (the first `position` events applied)? */
  cancelledBefore(h: HandleId, position: number): boolean {
    const at = this.unschedAt.get(h);
    return at !== undefined && at < position;
  }

  /** The ready-queue entry for `h` as shown after the first `position` events. */
  readyEntry(h: HandleId, position: number): ReadyEntry {
    const cancelled = this.cancelledBefore(h, position);
    const key = 2 * h + (cancelled ? 1 : 0);
    let entry = this.readyEntries[key];
    if (entry === undefined) {
      entry = { h, on: this.target(h), cancelled };
      this.readyEntries[key] = entry;
    }
    return entry;
  }

  /** The timer-heap entry for `h` as shown after the first `position` events. */
  timerEntry(h: HandleId, position: number): TimerEntry {
    const cancelled = this.cancelledBefore(h, position);
    const key = 2 * h + (cancelled ? 1 : 0);
    let entry = this.timerEntries[key];
    if (entry === undefined) {
      entry = { h, on: this.target(h), when: this.when(h), cancelled };
      this.timerEntries[key] = entry;
    }
    return entry;
  }
}
