import { describe, expect, it } from 'vitest';
import { indexTrace, stateAt } from '../trace';
import { SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE } from '../trace/fixtures/sleepOneSecond';
import { traceOf } from '../trace/fixtures/traceOf';
import { lineMarks, pausedLabel, type PausedTask } from './lineMarks';

function paused(id: number, label: string, which: string | null): PausedTask {
  return { id, name: which ? `${label} (${which})` : label, label, which, state: 'waiting', awaits: '' };
}

describe('line marks', () => {
  const index = indexTrace(traceOf(SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE));

  it('marks the running line, and a task paused elsewhere with its state', () => {
    const running = lineMarks(index, stateAt(index, { step: 1 }), () => 'sleep');
    expect(running).toContainEqual({ kind: 'running', line: 5, task: 'main' });
    expect(running.filter((m) => m.kind === 'paused')).toEqual([]); // the running task is not also "paused"
    // Step 2 is the timer's callback: main, woken, waits in the ready queue at its await.
    const woken = lineMarks(index, stateAt(index, { step: 2 }), () => 'sleep until 1.000 s');
    expect(woken).toContainEqual(
      expect.objectContaining({ kind: 'paused', line: 5, state: 'ready', tasks: [expect.objectContaining({ name: 'main' })] }),
    );
  });

  it('names tasks of one coroutine once, and cuts long lists', () => {
    expect(pausedLabel([paused(2, 'worker', 'Task-2'), paused(3, 'worker', 'Task-3')])).toBe('worker (Task-2, Task-3)');
    expect(pausedLabel([paused(1, 'main', null), paused(2, 'fetch', null)])).toBe('main, fetch');
    const many = [2, 3, 4, 5, 6].map((n) => paused(n, 'w', `Task-${n}`));
    expect(pausedLabel(many)).toBe('w (Task-2, Task-3, Task-4 +2)');
  });
});
