/**
 * What a waiting task waits on, with the object's line when it stands in one: "Semaphore.acquire
 * on `limit`, 3rd in line (0/2 permits)" instead of "Semaphore.acquire on Semaphore#1".
 */
import type { AwaitTarget, TaskId } from '../protocol/trace';
import { describeAwait } from './describe';
import type { AwaitLabel } from './narration';
import { objectsAt } from './objects';
import type { Cursor, TraceIndex } from './types';

/** describeAwait, made an 'in-line' label when `task` stands in an object's line at `cursor`. */
export function describeAwaitAt(index: TraceIndex, cursor: Cursor, task: TaskId, on: AwaitTarget): AwaitLabel {
  const plain = describeAwait(on, index.tasks);
  if (on.k !== 'future') return plain;
  for (const o of objectsAt(index, cursor)) {
    // A Future's awaiters are no line: set_result wakes them all at once.
    if (o.kind === 'Future' || o.kind === 'gather') continue;
    const s = o.state;
    const lines = [
      { which: 'wait', tasks: s.waiters, more: s.waitersMore },
      { which: 'put', tasks: s.putters, more: s.puttersMore },
      { which: 'join', tasks: s.joiners, more: s.joinersMore },
    ] as const;
    for (const line of lines) {
      const at = line.tasks.indexOf(task);
      if (at < 0) continue;
      return {
        kind: 'in-line',
        api: on.api ?? null,
        object: { name: o.name, type: o.kind, ordinal: o.ordinal },
        place: at + 1,
        of: line.tasks.length + line.more,
        value: s.value,
        size: s.size,
        capacity: o.capacity,
      };
    }
  }
  return plain;
}
