/**
 * A trace file the learner opens (dropped on the page or picked): what the CLI's `loopscope
 * trace` writes, or what "Export → Trace (JSON)" downloaded. Read and checked here, before the
 * store sees it: anything that is not a trace of this version is refused with what is wrong,
 * as facts (src/i18n/exportWords.ts words them), and the run on screen stays. A file of
 * version 2 (Loopscope before issue 14) opens too: parseTrace converts it.
 *
 * Pure: text in, a trace or a problem out (the file's size is checked before it is read).
 */
import { compactTrace } from '../protocol/compactTrace';
import { parseTrace, READABLE_TRACE_VERSIONS } from '../protocol/schema';
import { TRACE_VERSION, type Trace } from '../protocol/trace';

/**
 * The largest file we read: 64 MiB. The engine stops a run at 1,000,000 events, about 45 MB of
 * JSON (the 100,000-step trace is 13.6 MB for 359,435 events in version 3), so every trace a run can make fits;
 * beyond it the file is not one of ours, and parsing it would hold the tab for seconds.
 */
export const MAX_TRACE_FILE_BYTES = 64 * 1024 * 1024;

/** Why a file is not a trace Loopscope can show. */
export type TraceFileProblem =
  /** Larger than MAX_TRACE_FILE_BYTES. */
  | { readonly kind: 'too-large'; readonly bytes: number; readonly limit: number }
  /** The file is empty (or only whitespace). */
  | { readonly kind: 'empty' }
  /** Not JSON at all: an image, a Python file, a truncated download. `detail` is the parser's. */
  | { readonly kind: 'not-json'; readonly detail: string }
  /** JSON, but of something else: no `version` and `events` of a trace. */
  | { readonly kind: 'not-a-trace' }
  /** A trace of another format version than this build reads (newer: made by a newer Loopscope; `reads`: the versions it reads). */
  | { readonly kind: 'other-version'; readonly version: string; readonly newer: boolean; readonly reads: readonly number[] }
  /** The program of that run never started: the file is a syntax error's result. */
  | { readonly kind: 'syntax-error'; readonly line: number; readonly message: string }
  /** A trace of this version with a field that is wrong (damaged or edited by hand): `field: what`. */
  | { readonly kind: 'damaged'; readonly detail: string };

export type TraceFileProblemKind = TraceFileProblem['kind'];

export type TraceFileResult = { readonly ok: true; readonly trace: Trace } | { readonly ok: false; readonly problem: TraceFileProblem };

/** Refuse a file by its size before reading it. */
export function fileSizeProblem(bytes: number): TraceFileProblem | null {
  return bytes > MAX_TRACE_FILE_BYTES ? { kind: 'too-large', bytes, limit: MAX_TRACE_FILE_BYTES } : null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Read a trace file's text: a Trace, or a RunResult holding one (`{kind: "trace", trace}`). */
export function readTraceFile(text: string): TraceFileResult {
  const sized = fileSizeProblem(text.length);
  if (sized !== null) return fail(sized);
  if (text.trim() === '') return fail({ kind: 'empty' });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail({ kind: 'not-json', detail: error instanceof Error ? error.message : String(error) });
  }
  if (isObject(data) && data.kind === 'syntax-error' && isObject(data.problem)) {
    const { line, message } = data.problem;
    return fail({ kind: 'syntax-error', line: typeof line === 'number' ? line : 0, message: typeof message === 'string' ? message : '' });
  }
  const candidate = isObject(data) && data.kind === 'trace' && isObject(data.trace) ? data.trace : data;
  if (!isObject(candidate) || !('version' in candidate) || !('events' in candidate)) return fail({ kind: 'not-a-trace' });
  const version = candidate.version;
  if (typeof version !== 'number' || !READABLE_TRACE_VERSIONS.includes(version)) {
    const newer = typeof version === 'number' && version > TRACE_VERSION;
    return fail({ kind: 'other-version', version: JSON.stringify(version).slice(0, 20), newer, reads: READABLE_TRACE_VERSIONS });
  }
  const parsed = parseTrace(candidate);
  return parsed.ok ? { ok: true, trace: parsed.value } : fail({ kind: 'damaged', detail: parsed.error });
}

/** The file a trace is saved as: one line of version 3's compact JSON, as `loopscope trace` writes it. */
export function traceFileText(trace: Trace): string {
  return `${JSON.stringify(compactTrace(trace))}\n`;
}

function fail(problem: TraceFileProblem): TraceFileResult {
  return { ok: false, problem };
}
