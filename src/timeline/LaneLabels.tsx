/**
 * The left column of the timeline: one label per lane, with the task's state at this step.
 * These rows carry the test hooks (data-testid="task-lane", data-task-name, data-state,
 * data-waiting-for: what a waiting task waits for, in words, as its tooltip says).
 */
import type { ViewStrings } from '../i18n/views';
import type { LaneRow } from './laneRows';

interface Props {
  readonly rows: readonly LaneRow[];
  readonly text: ViewStrings;
}

export function LaneLabels({ rows, text }: Props) {
  return (
    <div className="timeline-labels">
      {rows.map((r) => (
        <div
          key={r.lane.task.id}
          className={`timeline-lane-label${r.running ? ' is-running' : ''}${r.state === 'not-created' ? ' is-not-created' : ''}${r.lane.task.internal ? ' is-internal' : ''}`}
          data-testid="task-lane"
          data-task-name={r.lane.task.name}
          data-task-id={r.lane.task.id}
          data-state={r.state}
          data-waiting-for={r.waitingFor ?? undefined}
          title={`${r.title}\n${text.state[r.state]}${r.running ? ` · ${text.timeline.runningNow}` : ''}${
            r.waitingFor === null ? '' : `\n${text.timeline.waitingFor(r.waitingFor)}`
          }`}
        >
          <span className={`timeline-state-dot state-${r.state}`} aria-hidden="true" />
          <span className="timeline-lane-name">{r.label}</span>
          <span className="visually-hidden">{text.state[r.state]}</span>
        </div>
      ))}
    </div>
  );
}
