/**
 * Trace format version 3 as it crosses a boundary (the engine's JSON, a trace file): the events
 * of `Trace` with what a reader can derive from the events before them left out. A reader
 * expands it once, on the way in (`expandEvents`, called by the schema's parse and by the
 * engine's `run`), so everything in src/trace reads every fact spelled out; a writer compacts
 * it on the way out (`compactEvents`). Every omission is optional: a fully spelled-out trace is
 * a valid version-3 trace too, and expanding it changes nothing.
 *
 * What is left out, and how a reader gets it back (README "The trace format"):
 * - `sched.h`: the previous `sched`'s handle plus one (1 for the first).
 * - a `call` target's `fn`: the previous `call` target's `fn`.
 * - a `call` target's `args`, given as `of` (a task id) instead: the callback's only argument is
 *   that task, which still has the name of its `task` event, so `args` is `(<Task NAME>)`.
 * - a `sleep` await target's `until` and `h`: the `when` and `h` of the latest `sched` of a
 *   `sleep` timer for the same task (the `asyncio.sleep` it awaits).
 * - a `suspend`'s `on`: the `future` target of the latest earlier `suspend` at the same line
 *   (1,000 tasks standing in line at one `async with limit`: the same API on the same object).
 */
import { TRACE_VERSION, type AwaitFrame, type AwaitTarget, type HandleId, type HandleTarget, type Line, type Seconds, type TaskId, type Trace, type TraceEvent } from './trace';

type CallTarget = Extract<HandleTarget, { k: 'call' }>;
type FutureTarget = Extract<AwaitTarget, { k: 'future' }>;

/** A HandleTarget of format 3: a `call` may leave out its `fn`, and give `of` for its `args`. */
export type CompactHandleTarget =
  | Exclude<HandleTarget, CallTarget>
  | {
      readonly k: 'call';
      /** Absent: the previous `call` target's `fn`. */
      readonly fn?: string;
      readonly args?: string;
      /** The callback's only argument is this task (a done callback, e.g. gather's): `args` is `(<Task NAME>)`. */
      readonly of?: TaskId;
      readonly user?: boolean;
    };

/** An AwaitTarget of format 3: a `sleep` may leave out its `until` and `h` (its `sched`'s). */
export type CompactAwaitTarget =
  | Exclude<AwaitTarget, { k: 'sleep' }>
  | { readonly k: 'sleep'; readonly until?: Seconds; readonly h?: HandleId };

/** A TraceEvent of format 3: `sched` and `suspend` may leave out what the events before them say. */
export type CompactEvent =
  | Exclude<TraceEvent, { e: 'sched' } | { e: 'suspend' }>
  | {
      readonly e: 'sched';
      /** Absent: the previous `sched`'s `h` plus one. */
      readonly h?: HandleId;
      readonly on: CompactHandleTarget;
      readonly when?: Seconds;
      readonly l?: Line;
    }
  | {
      readonly e: 'suspend';
      readonly task: TaskId;
      readonly l: Line | null;
      /** Absent: the `future` the latest earlier `suspend` at line `l` awaited. */
      readonly on?: CompactAwaitTarget;
      readonly stack?: readonly AwaitFrame[];
    };

/** A trace as the engine writes it and files hold it. */
export interface CompactTrace extends Omit<Trace, 'events'> {
  readonly events: readonly CompactEvent[];
}

/** The expanded events, or where the compact ones cannot be expanded (`events[12].on.fn: …`). */
export type Expanded =
  | { readonly ok: true; readonly events: TraceEvent[] }
  /** `at`: the index of the first event that cannot be spelled out. */
  | { readonly ok: false; readonly error: string; readonly at: number };

/** What a reader knows at one point of the trace: the facts later events may leave out. */
class Derived {
  lastHandle = 0;
  lastCallFn: string | null = null;
  readonly taskNames = new Map<TaskId, string>();
  /** Each name's task; null when two tasks had it (then `of` cannot say which). */
  readonly taskByName = new Map<string, TaskId | null>();
  readonly lastSleep = new Map<TaskId, { readonly until: Seconds; readonly h: HandleId }>();
  readonly futureAtLine = new Map<Line, FutureTarget>();

  /** Keeps what the event says that later events may leave out (the event spelled out). */
  note(event: TraceEvent): void {
    switch (event.e) {
      case 'task':
        this.taskNames.set(event.id, event.name);
        this.taskByName.set(event.name, this.taskByName.has(event.name) ? null : event.id);
        break;
      case 'sched':
        this.lastHandle = event.h;
        if (event.on.k === 'call') this.lastCallFn = event.on.fn;
        if (event.on.k === 'sleep' && event.on.task !== null && event.when !== undefined) {
          this.lastSleep.set(event.on.task, { until: event.when, h: event.h });
        }
        break;
      case 'suspend':
        if (event.on.k === 'future' && event.l !== null) this.futureAtLine.set(event.l, event.on);
        break;
      default:
        break;
    }
  }

  argsOf(task: TaskId): string | undefined {
    const name = this.taskNames.get(task);
    return name === undefined ? undefined : `(<Task ${name}>)`;
  }
}

/** `events` with everything spelled out; a gap a reader cannot fill is named, as the schema names a wrong field. */
export function expandEvents(events: readonly CompactEvent[], root = 'trace.events'): Expanded {
  const known = new Derived();
  const out = new Array<TraceEvent>(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as CompactEvent;
    let full: TraceEvent | string;
    if (event.e === 'sched') full = expandSched(event, known);
    else if (event.e === 'suspend') full = expandSuspend(event, known);
    else full = event;
    if (typeof full === 'string') return { ok: false, error: `${root}[${i}]${full}`, at: i };
    known.note(full);
    out[i] = full;
  }
  return { ok: true, events: out };
}

function expandSched(event: Extract<CompactEvent, { e: 'sched' }>, known: Derived): TraceEvent | string {
  const h = event.h ?? known.lastHandle + 1;
  let on: HandleTarget;
  if (event.on.k === 'call') {
    const { fn = known.lastCallFn, of, args, user } = event.on;
    if (fn === null) return '.on.fn: absent, and no call came before it to take it from';
    const ofArgs = of === undefined ? undefined : known.argsOf(of);
    if (of !== undefined && ofArgs === undefined) return `.on.of: task ${of} has no task event before it`;
    const spelled = ofArgs ?? args;
    on = { k: 'call', fn, ...(spelled !== undefined ? { args: spelled } : {}), ...(user !== undefined ? { user } : {}) };
  } else {
    on = event.on;
  }
  return { e: 'sched', h, on, ...(event.when !== undefined ? { when: event.when } : {}), ...(event.l !== undefined ? { l: event.l } : {}) };
}

function expandSuspend(event: Extract<CompactEvent, { e: 'suspend' }>, known: Derived): TraceEvent | string {
  let on: AwaitTarget;
  if (event.on === undefined) {
    const same = event.l === null ? undefined : known.futureAtLine.get(event.l);
    if (same === undefined) return `.on: absent, and no future was awaited at line ${String(event.l)} before`;
    on = same;
  } else if (event.on.k === 'sleep') {
    const sleep = known.lastSleep.get(event.task);
    const until = event.on.until ?? sleep?.until;
    const h = event.on.h ?? sleep?.h;
    if (until === undefined || h === undefined) return `.on: a sleep of task ${event.task} with no sleep timer scheduled for it before`;
    on = { k: 'sleep', until, h };
  } else {
    on = event.on;
  }
  return { e: 'suspend', task: event.task, l: event.l, on, ...(event.stack !== undefined ? { stack: event.stack } : {}) };
}

/** The engine's own output: a gap there is a bug of the engine, not bad input. */
export function expandTrace(trace: CompactTrace): Trace {
  const expanded = expandEvents(trace.events);
  if (!expanded.ok) throw new Error(`the engine wrote a trace that cannot be read: ${expanded.error}`);
  return { ...trace, events: expanded.events };
}

/** `events` with everything left out that `expandEvents` gives back (the same rules, in reverse). */
export function compactEvents(events: readonly TraceEvent[]): CompactEvent[] {
  const known = new Derived();
  return events.map((event) => {
    const compact = compactEvent(event, known);
    known.note(event);
    return compact;
  });
}

function compactEvent(event: TraceEvent, known: Derived): CompactEvent {
  if (event.e === 'sched') {
    let on: CompactHandleTarget = event.on;
    if (event.on.k === 'call') {
      const { fn, args, user } = event.on;
      const of = args === undefined ? undefined : onlyTaskNamed(args, known);
      on = {
        k: 'call',
        ...(fn !== known.lastCallFn ? { fn } : {}),
        ...(of !== undefined ? { of } : args !== undefined ? { args } : {}),
        ...(user !== undefined ? { user } : {}),
      };
    }
    return {
      e: 'sched',
      ...(event.h !== known.lastHandle + 1 ? { h: event.h } : {}),
      on,
      ...(event.when !== undefined ? { when: event.when } : {}),
      ...(event.l !== undefined ? { l: event.l } : {}),
    };
  }
  if (event.e === 'suspend') {
    const stack = event.stack !== undefined ? { stack: event.stack } : {};
    const { on } = event;
    if (on.k === 'future' && event.l !== null && sameFuture(known.futureAtLine.get(event.l), on)) {
      return { e: 'suspend', task: event.task, l: event.l, ...stack };
    }
    const sleep = on.k === 'sleep' ? known.lastSleep.get(event.task) : undefined;
    const derivable = on.k === 'sleep' && sleep !== undefined && sleep.until === on.until && sleep.h === on.h;
    return { e: 'suspend', task: event.task, l: event.l, on: derivable ? { k: 'sleep' } : on, ...stack };
  }
  return event;
}

/** The one task whose `task` event gave the name in `args` when `args` is exactly `(<Task NAME>)`. */
function onlyTaskNamed(args: string, known: Derived): TaskId | undefined {
  if (!args.startsWith('(<Task ') || !args.endsWith('>)')) return undefined;
  return known.taskByName.get(args.slice('(<Task '.length, -'>)'.length)) ?? undefined;
}

function sameFuture(a: FutureTarget | undefined, b: FutureTarget): boolean {
  return a !== undefined && a.api === b.api && a.obj === b.obj && 'api' in a === 'api' in b && 'obj' in a === 'obj' in b;
}

/** A trace ready to be written: a file, a download. */
export function compactTrace(trace: Trace): CompactTrace {
  return { ...trace, events: compactEvents(trace.events) };
}

/** A trace of format version 2 (Loopscope before issue 14): `Trace`'s events, all spelled out. */
export interface TraceV2 extends Omit<Trace, 'version'> {
  readonly version: 2;
}

/**
 * Version 2 → 3. Version 3 only leaves out what can be derived, so version 2's events are
 * version 3's spelled out: the events stay, the version changes (`compactTrace` then writes it
 * as the engine of version 3 would have).
 */
export function fromVersion2(trace: TraceV2): Trace {
  return { ...trace, version: TRACE_VERSION };
}
