/** `loopscope tasks`: one JSON object per task, in creation order, from a trace. */
import type { CancelVia, Line, Seconds, Trace } from '../src/protocol/trace';

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

interface Building {
  name: string;
  coro: string;
  created: TaskSummary['created'];
  ended: TaskSummary['ended'];
  cancelRequests: TaskSummary['cancelRequests'][number][];
  internal: boolean;
}

/** Tasks asyncio makes for itself (asyncio.run's shutdown helpers) are left out: the learner did not write them. */
export function taskSummary(trace: Trace): readonly TaskSummary[] {
  const tasks = new Map<number, Building>();
  const nameOf = (id: number | null): string | null => (id === null ? null : (tasks.get(id)?.name ?? null));
  let t = 0;
  for (const event of trace.events) {
    switch (event.e) {
      case 'iter':
        t = event.t;
        break;
      case 'block':
        t += event.d;
        break;
      case 'task':
        tasks.set(event.id, {
          name: event.name,
          coro: event.coro,
          created: { t, line: event.l, by: nameOf(event.by) },
          ended: { t: null, outcome: 'pending' },
          cancelRequests: [],
          internal: event.internal === true,
        });
        break;
      case 'done': {
        const task = tasks.get(event.task);
        if (task === undefined) break;
        task.ended =
          event.outcome === 'result'
            ? { t, outcome: 'result', value: event.value ?? 'None' }
            : event.outcome === 'exception'
              ? { t, outcome: 'exception', exception: event.exc ?? '' }
              : { t, outcome: 'cancelled' };
        break;
      }
      case 'cancel':
        tasks.get(event.task)?.cancelRequests.push({
          t,
          by: nameOf(event.by),
          via: event.via,
          line: event.l,
          message: event.msg ?? null,
        });
        break;
      default:
        break;
    }
  }
  return [...tasks.values()]
    .filter((task) => !task.internal)
    .map(({ name, coro, created, ended, cancelRequests }) => ({ name, coro, created, ended, cancelRequests }));
}
