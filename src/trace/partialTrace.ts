/**
 * A trace from the events a run streamed before its engine had to be killed (a long C call that
 * never returns to Python, or Stop where the page is not cross-origin isolated). Everything the
 * engine finished recording is kept; `end` says why it stops there.
 */
import { expandEvents, type CompactEvent } from '../protocol/compactTrace';
import { parseTraceEvent } from '../protocol/schema';
import { TRACE_VERSION, type RunEnd, type Trace, type TraceEvent } from '../protocol/trace';

/** Why Python crashed, as the host that caught the error decided it (see RunEnd `crashed`). */
export type CrashCause = Extract<RunEnd, { kind: 'crashed' }>['cause'];

/**
 * How a run ends when Python itself crashed under the program (Pyodide's fatal error), not the
 * program raising. `cause` comes from the error's type where it was caught (a RangeError is the
 * host's stack overflowing), never from its text; `detail` is that error as the host printed it,
 * whose first line the learner is shown ("RangeError: Maximum call stack size exceeded").
 */
export function crashedEnd(cause: CrashCause, detail: string): Extract<RunEnd, { kind: 'crashed' }> {
  return { kind: 'crashed', cause, detail: detail.split('\n')[0]?.trim() || 'no detail' };
}

/**
 * `chunks` are the `events` texts of the worker's progress messages, in order. Each event is
 * checked with the trace schema, as a whole trace from the engine is: the ones that pass are
 * kept, and `dropped` counts the rest.
 */
export function partialTrace(source: string, seed: number, chunks: readonly string[], end: RunEnd): Trace {
  const { events, dropped } = parseChunks(chunks);
  let stdout = '';
  let stderr = '';
  let steps = 0;
  let iterations = 0;
  let tasks = 0;
  let t = 0;
  for (const event of events) {
    switch (event.e) {
      case 'out':
        if (event.fd === 'err') stderr += event.s;
        else stdout += event.s;
        break;
      case 'run':
        steps += 1;
        break;
      case 'iter':
        iterations += 1;
        t = event.t;
        break;
      case 'block':
        t += event.d;
        break;
      case 'task':
        tasks += 1;
        break;
      default:
        break;
    }
  }
  return {
    version: TRACE_VERSION,
    source,
    seed,
    events,
    end,
    stdout,
    stderr,
    stats: { steps, iterations, tasks, virtualTime: t, pythonMs: 0 },
    ...(dropped.events + dropped.chunks > 0 ? { dropped } : {}),
  };
}

interface Parsed {
  readonly events: readonly TraceEvent[];
  readonly dropped: NonNullable<Trace['dropped']>;
}

/**
 * Format 3's events lean on the ones before them (a `sched` without `h` is the previous one's
 * plus one): after the first event or chunk that is lost, what follows could be read wrong, so
 * the trace keeps the events before it and counts the rest as dropped.
 */
function parseChunks(chunks: readonly string[]): Parsed {
  // Heartbeats are empty chunks: a sign of life, no events.
  const nonEmpty = chunks.filter((chunk) => chunk.length > 0);
  let groups: (unknown[] | null)[];
  try {
    groups = [JSON.parse(`[${nonEmpty.join(',')}]`) as unknown[]];
  } catch {
    // A chunk cut short by the kill (null): the chunks before it parse on their own.
    groups = nonEmpty.map((chunk) => {
      try {
        return JSON.parse(`[${chunk}]`) as unknown[];
      } catch {
        return null;
      }
    });
  }
  const kept: CompactEvent[] = [];
  let droppedEvents = 0;
  let badChunks = 0;
  let lost = false;
  for (const group of groups) {
    if (group === null) {
      badChunks += 1;
      lost = true;
      continue;
    }
    for (const value of group) {
      const event = lost ? null : parseTraceEvent(value);
      if (event?.ok === true) kept.push(event.value);
      else {
        droppedEvents += 1;
        lost = true;
      }
    }
  }
  // Spelled out as a whole trace's are (a gap there is the engine's bug: keep what comes before it).
  const expanded = expandEvents(kept);
  const events = expanded.ok ? expanded.events : spelledOutBefore(kept, expanded.at);
  return { events, dropped: { events: droppedEvents + kept.length - events.length, chunks: badChunks } };
}

function spelledOutBefore(kept: readonly CompactEvent[], at: number): TraceEvent[] {
  const expanded = expandEvents(kept.slice(0, at));
  return expanded.ok ? expanded.events : [];
}
