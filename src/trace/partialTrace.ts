/**
 * A trace from the events a run streamed before its engine had to be killed (a long C call that
 * never returns to Python, or Stop where the page is not cross-origin isolated). Everything the
 * engine finished recording is kept; `end` says why it stops there.
 */
import { TRACE_VERSION, type RunEnd, type Trace, type TraceEvent } from '../protocol/trace';

/**
 * How a run ends when Python itself crashed under the program (Pyodide's fatal error), not the
 * program raising. The one crash a learner can cause on purpose is the C stack overflowing, as
 * in the repr of a list nested 100,000 deep: CPython raises RecursionError there, Python in
 * the browser has a smaller stack and dies. `detail` is the error the engine reported.
 */
export function crashedEnd(detail: string): Extract<RunEnd, { kind: 'crashed' }> {
  const first = detail.split('\n')[0]?.trim() || 'no detail';
  const cause = /\b\w*Error\b.*$/.exec(first)?.[0] ?? first; // "RangeError: …", without who reported it
  const message = /Maximum call stack size exceeded|stack overflow/i.test(detail)
    ? `Python itself crashed: its C stack overflowed (${cause}). Something was nested too deeply for ` +
      'the Python Loopscope runs (Pyodide, whose C stack is smaller than CPython\'s), such as the repr ' +
      'of a list nested 100,000 levels deep, where CPython raises RecursionError. The trace shows what ' +
      'happened until then.'
    : `Python itself crashed during the run (${cause}). The trace shows what happened until then.`;
  return { kind: 'crashed', message };
}

/** `chunks` are the `events` texts of the worker's progress messages, in order. */
export function partialTrace(source: string, seed: number, chunks: readonly string[], end: RunEnd): Trace {
  const events = parseChunks(chunks);
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
  };
}

function parseChunks(chunks: readonly string[]): readonly TraceEvent[] {
  const nonEmpty = chunks.filter((chunk) => chunk.length > 0);
  if (nonEmpty.length === 0) return [];
  try {
    return JSON.parse(`[${nonEmpty.join(',')}]`) as TraceEvent[];
  } catch {
    // A chunk cut short by the kill: keep the chunks that parse on their own.
    return nonEmpty.flatMap((chunk) => {
      try {
        return JSON.parse(`[${chunk}]`) as TraceEvent[];
      } catch {
        return [];
      }
    });
  }
}
