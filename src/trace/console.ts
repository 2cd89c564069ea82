/**
 * consoleLines: what the program printed, as lines. print() may write a line in several pieces,
 * even across steps (print(..., end="")); a line belongs to the step that printed its first
 * character, so the console can show it from that step on. stdout and stderr keep separate
 * partial lines, and lines come in the order they started.
 */
import { stepOfEvent } from './cursor';
import type { ConsoleLine, TraceIndex } from './types';

type Fd = ConsoleLine['fd'];

const cache = new WeakMap<TraceIndex, readonly ConsoleLine[]>();

export function consoleLines(index: TraceIndex): readonly ConsoleLine[] {
  let lines = cache.get(index);
  if (lines === undefined) {
    lines = buildConsole(index);
    cache.set(index, lines);
  }
  return lines;
}

function buildConsole(index: TraceIndex): readonly ConsoleLine[] {
  const lines: { step: number; fd: Fd; text: string }[] = [];
  // The line each stream is still writing (index into `lines`), until its "\n".
  const partial: Record<Fd, number | null> = { out: null, err: null };
  index.trace.events.forEach((e, i) => {
    if (e.e !== 'out' || e.s === '') return;
    const fd: Fd = e.fd === 'err' ? 'err' : 'out';
    const pieces = e.s.split('\n');
    pieces.forEach((piece, k) => {
      const endsLine = k < pieces.length - 1;
      let at = partial[fd];
      if (at === null && (piece !== '' || endsLine)) {
        at = lines.length;
        lines.push({ step: stepOfEvent(index, i), fd, text: '' });
        partial[fd] = at;
      }
      const line = at === null ? undefined : lines[at];
      if (line !== undefined) line.text += piece;
      if (endsLine) partial[fd] = null;
    });
  });
  return lines;
}
