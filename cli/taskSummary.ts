/** `loopscope tasks`: one JSON object per task, in creation order, from a trace. */
import type { CancelVia, Line, Seconds, TaskId, Trace } from '../src/protocol/trace';
import { cancellations, indexTrace } from '../src/trace';
import type { TaskInfo } from '../src/trace/types';

export interface TaskSummary {
  readonly name: string;
  readonly coro: string;
  readonly created: { readonly t: Seconds; readonly line: Line | null; readonly by: string | null };
  readonly ended: {
    readonly t: Seconds | null;
    readonly outcome: 'result' | 'exception' | 'cancelled' | 'pending';
    readonly value?: string;
    readonly exception?: string;
  };
  readonly cancelRequests: readonly {
    readonly t: Seconds;
    readonly by: string | null;
    readonly via: CancelVia;
    readonly line: Line | null;
    readonly message: string | null;
  }[];
}

/**
 * Tasks asyncio makes for itself (asyncio.run's shutdown helpers) are left out: the learner did
 * not write them. Each task's life and its cancel requests are src/trace's (indexTrace,
 * cancellations), the same the page shows.
 */
export function taskSummary(trace: Trace): readonly TaskSummary[] {
  const index = indexTrace(trace);
  const nameOf = (id: TaskId | null): string | null => (id === null ? null : (index.tasks[id - 1]?.name ?? null));
  const requestsOf = new Map<TaskId, TaskSummary['cancelRequests'][number][]>();
  for (const c of cancellations(index)) {
    const requests = requestsOf.get(c.target) ?? [];
    requests.push({ t: c.requestT, by: nameOf(c.by), via: c.via, line: c.line, message: c.msg ?? null });
    requestsOf.set(c.target, requests);
  }
  return index.tasks
    .filter((task) => !task.internal)
    .map((task) => ({
      name: task.name,
      coro: task.coro,
      created: { t: task.createdT, line: task.createdLine, by: nameOf(task.parent) },
      ended: endedOf(task),
      cancelRequests: requestsOf.get(task.id) ?? [],
    }));
}

function endedOf({ end }: TaskInfo): TaskSummary['ended'] {
  if (end === undefined) return { t: null, outcome: 'pending' };
  switch (end.outcome) {
    case 'result':
      return { t: end.t, outcome: 'result', value: end.value ?? 'None' };
    case 'exception':
      return { t: end.t, outcome: 'exception', exception: end.exc ?? '' };
    case 'cancelled':
      return { t: end.t, outcome: 'cancelled' };
  }
}
