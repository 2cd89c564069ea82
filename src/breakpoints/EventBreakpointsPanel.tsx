/**
 * The event breakpoints, chosen in a small panel (a disclosure, as DevTools' "Event Listener
 * Breakpoints"): a task is created / finishes / fails, a cancel is requested, a CancelledError is
 * delivered, a timer fires; virtual time reaches t; a given task runs (picked from the run's
 * tasks). Also the count of line breakpoints, with a way to remove them all.
 */
import { useMemo, useState } from 'react';
import { breakpointStrings } from '../i18n/breakpoints';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { eventBreakpointKey, type EventBreakpoint } from '../trace';

const PLAIN = ['task-created', 'task-finished', 'task-failed', 'cancel-requested', 'cancelled-error', 'timer-fires'] as const;

/** More task names than this are typed, not picked from a list. */
const MAX_LISTED_TASKS = 500;

export function EventBreakpointsPanel() {
  const api = useLoopscopeApi();
  const t = breakpointStrings(useLoopscope((s) => s.lang));
  const events = useLoopscope((s) => s.eventBreakpoints);
  const lineCount = useLoopscope((s) => s.breakpointLines.length);
  const tasks = useLoopscope((s) => s.index?.tasks);
  const [time, setTime] = useState('');
  const [task, setTask] = useState('');
  const has = (bp: EventBreakpoint) => events.some((e) => eventBreakpointKey(e) === eventBreakpointKey(bp));
  const timeBp = events.find((e) => e.kind === 'time-reached');
  const taskBps = events.filter((e): e is Extract<EventBreakpoint, { kind: 'task-runs' }> => e.kind === 'task-runs');
  // The task names are read only while the panel is open, and a run of thousands of tasks gets
  // a name to type instead of a list to scroll (100,000 options took React seconds to insert).
  const [open, setOpen] = useState(false);
  const names = useMemo(() => (open ? [...new Set((tasks ?? []).filter((x) => !x.internal).map((x) => x.name))] : []), [open, tasks]);
  const known = useMemo(() => new Set(names), [names]);
  const act = () => api.getState();

  return (
    <details className="event-breakpoints" data-testid="event-breakpoints" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t.panelTitle}
        {events.length > 0 && <span className="event-breakpoints-count"> ({events.length})</span>}
      </summary>
      <div className="event-breakpoints-body">
        <p className="event-breakpoints-hint">{t.panelHint}</p>
        <ul>
          {PLAIN.map((kind) => (
            <li key={kind}>
              <label>
                <input type="checkbox" checked={has({ kind })} onChange={() => act().toggleEventBreakpoint({ kind })} data-testid={`bp-${kind}`} />
                {t.eventName[kind]}
              </label>
            </li>
          ))}
          <li>
            <label>
              <input
                type="checkbox"
                checked={timeBp !== undefined}
                onChange={() => act().setTimeBreakpoint(timeBp !== undefined ? null : Number(time || '0'))}
                data-testid="bp-time-reached"
              />
              {t.eventName['time-reached']}
            </label>{' '}
            <input
              type="number"
              className="event-breakpoints-time"
              min={0}
              step={0.1}
              value={timeBp !== undefined && time === '' ? String(timeBp.t) : time}
              aria-label={t.timeLabel}
              onChange={(e) => {
                setTime(e.target.value);
                const value = Number(e.target.value);
                if (timeBp !== undefined && e.target.value !== '' && Number.isFinite(value)) act().setTimeBreakpoint(value);
              }}
              data-testid="bp-time-value"
            />{' '}
            <span className="event-breakpoints-unit">{t.timeLabel}</span>
          </li>
          <li>
            <span>{t.eventName['task-runs']}</span>{' '}
            {names.length > MAX_LISTED_TASKS ? (
              <input
                type="text"
                className="event-breakpoints-task"
                value={task}
                placeholder={t.pickTask}
                onChange={(e) => setTask(e.target.value)}
                aria-label={t.taskLabel}
                data-testid="bp-task-pick"
              />
            ) : (
              <select className="select" value={task} onChange={(e) => setTask(e.target.value)} aria-label={t.taskLabel} data-testid="bp-task-pick">
                <option value="">{t.pickTask}</option>
                {names.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}{' '}
            <button
              type="button"
              className="btn btn-small"
              disabled={!known.has(task) || has({ kind: 'task-runs', task })}
              onClick={() => act().toggleEventBreakpoint({ kind: 'task-runs', task })}
              data-testid="bp-task-add"
            >
              {t.addTask}
            </button>
            {taskBps.length > 0 && (
              <ul className="event-breakpoints-tasks">
                {taskBps.map((bp) => (
                  <li key={bp.task}>
                    {t.eventBreakpoint(bp)}{' '}
                    <button type="button" className="btn btn-quiet btn-small" onClick={() => act().toggleEventBreakpoint(bp)} aria-label={t.removeTask(bp.task)} title={t.removeTask(bp.task)}>
                      ✕
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        </ul>
        <p className="event-breakpoints-lines">
          {t.lineCount(lineCount)}{' '}
          {lineCount > 0 && (
            <button type="button" className="btn btn-quiet btn-small" onClick={() => act().setBreakpointLines([])} data-testid="bp-clear-lines">
              {t.clearLines}
            </button>
          )}
        </p>
      </div>
    </details>
  );
}
