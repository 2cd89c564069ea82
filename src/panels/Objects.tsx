/**
 * The Objects view: a card per asyncio object the program made, at the cursor. Who holds it,
 * the line of waiters (the next CPython wakes first), the woken ones about to run, a queue's
 * items. What changed in this step is marked (the card, and each task or item that joined),
 * and CSS animates it. Clicking a task shows its lane; hovering a card ties its tasks in the
 * await graph (`onHover`).
 *
 * Test hooks: data-testid="objects"; each card data-testid="object-card" with
 * data-object-name, data-object-kind, data-holders and data-waiters (task names, FIFO),
 * data-value (semaphores), data-size (queues), data-set (events).
 */
import { taskLabelText } from '../i18n/format';
import type { Lang } from '../i18n/lang';
import { objectName, objectStrings, type ObjectStrings } from '../i18n/objects';
import type { TaskId } from '../protocol/trace';
import { taskLabel, type ObjectView, type TraceIndex } from '../trace';
import './loopView.css';
import './Objects.css';

/** Tasks of a line shown by name; the rest are a count (1,000 tasks on one semaphore). */
export const LINE_SHOWN = 8;

export interface ObjectsProps {
  readonly index: TraceIndex;
  readonly objects: readonly ObjectView[];
  readonly lang: Lang;
  readonly onShowTask: (task: TaskId) => void;
  readonly onHover: (object: ObjectView | null) => void;
}

/** The task names an object's line holds, for the data attributes. */
const names = (index: TraceIndex, ids: readonly TaskId[]): string =>
  ids.map((id) => index.tasks[id - 1]?.name ?? `#${id}`).join(',');

export function Objects({ index, objects, lang, onShowTask, onHover }: ObjectsProps) {
  const text = objectStrings(lang);
  return (
    <section className="loop-view objects" data-testid="objects" aria-label={text.title}>
      <h2 className="view-title" title={text.hint}>
        {text.title}
      </h2>
      {objects.length === 0 ? (
        <p className="objects-empty">{text.empty}</p>
      ) : (
        <ul className="objects-cards">
          {objects.map((o) => (
            <ObjectCard key={o.id} index={index} object={o} text={text} onShowTask={onShowTask} onHover={onHover} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface CardProps {
  readonly index: TraceIndex;
  readonly object: ObjectView;
  readonly text: ObjectStrings;
  readonly onShowTask: (task: TaskId) => void;
  readonly onHover: (object: ObjectView | null) => void;
}

function ObjectCard({ index, object: o, text, onShowTask, onHover }: CardProps) {
  const s = o.state;
  const isQueue = o.kind === 'Queue' || o.kind === 'PriorityQueue' || o.kind === 'LifoQueue';
  const isSemaphore = o.kind === 'Semaphore' || o.kind === 'BoundedSemaphore';
  const holds = o.kind === 'Lock' || o.kind === 'Condition' || isSemaphore;
  const waiting = s.waiters.length + s.waitersMore;
  return (
    <li
      className={`object-card${o.changed ? ' is-changed' : ''}${waiting > 0 ? ' has-line' : ''}`}
      data-testid="object-card"
      data-object-name={objectName(o)}
      data-object-kind={o.kind}
      data-holders={names(index, s.holders)}
      data-waiters={names(index, s.waiters)}
      data-waiting={waiting}
      data-changed={o.changed}
      {...(isSemaphore ? { 'data-value': s.value } : {})}
      {...(isQueue ? { 'data-size': s.size } : {})}
      {...(o.kind === 'Event' ? { 'data-set': s.set } : {})}
      onMouseEnter={() => onHover(o)}
      onMouseLeave={() => onHover(null)}
      title={o.line !== null ? text.madeAt(o.line) : undefined}
    >
      <div className="object-head">
        <code className="object-name">{objectName(o)}</code>
        <span className="object-kind">{o.kind}</span>
        <span className="object-summary">{text.summary(o)}</span>
        {o.changed ? <span className="visually-hidden">{text.changed}</span> : null}
      </div>
      {isSemaphore ? <Permits object={o} /> : null}
      {holds ? (
        <TaskRow label={text.holders} ids={s.holders} before={o.before.holders} {...{ index, text, onShowTask }} />
      ) : null}
      <TaskRow
        label={text.line}
        ids={s.waiters}
        more={s.waitersMore}
        before={o.before.waiters}
        ordered
        {...{ index, text, onShowTask }}
      />
      {s.woken.length > 0 ? (
        <TaskRow label={text.woken} ids={s.woken} before={o.before.woken} {...{ index, text, onShowTask }} />
      ) : null}
      {isQueue ? (
        <>
          <Items object={o} text={text} />
          {s.putters.length > 0 ? (
            <TaskRow
              label={text.putters}
              ids={s.putters}
              more={s.puttersMore}
              before={o.before.putters}
              ordered
              {...{ index, text, onShowTask }}
            />
          ) : null}
          {s.joiners.length > 0 ? (
            <TaskRow label={text.joiners} ids={s.joiners} before={o.before.joiners} {...{ index, text, onShowTask }} />
          ) : null}
        </>
      ) : null}
    </li>
  );
}

/** A semaphore's permits as slots: filled when free, hollow when taken. */
function Permits({ object: o }: { readonly object: ObjectView }) {
  const total = Math.max(o.capacity, o.state.value);
  if (total > 24) return null;
  return (
    <div className="object-permits" aria-hidden="true">
      {Array.from({ length: total }, (_, i) => (
        <span
          key={i}
          className={`object-permit${i < o.state.value ? ' is-free' : ''}${
            i < o.state.value !== i < o.before.value ? ' is-new' : ''
          }`}
        />
      ))}
    </div>
  );
}

interface TaskRowProps {
  readonly index: TraceIndex;
  readonly text: ObjectStrings;
  readonly label: string;
  readonly ids: readonly TaskId[];
  readonly before: readonly TaskId[];
  readonly more?: number;
  /** A line: numbered, the next to be woken first. */
  readonly ordered?: boolean;
  readonly onShowTask: (task: TaskId) => void;
}

function TaskRow({ index, text, label, ids, before, more = 0, ordered = false, onShowTask }: TaskRowProps) {
  const shown = ids.slice(0, LINE_SHOWN);
  const hidden = ids.length - shown.length + more;
  const List = ordered ? 'ol' : 'ul';
  return (
    <div className="object-row">
      <span className="object-row-label">{label}</span>
      {shown.length === 0 ? (
        <span className="object-none">{text.noOne}</span>
      ) : (
        <List className="object-tasks">
          {shown.map((id, i) => {
            const name = taskLabelText(taskLabel(index.tasks, id));
            return (
              <li key={`${id}-${i}`} className={`object-task${before.includes(id) ? '' : ' is-new'}`}>
                <button type="button" data-task={id} title={text.jumpToLane(name)} onClick={() => onShowTask(id)}>
                  {ordered ? <span className="object-task-place">{i + 1}</span> : null}
                  {name}
                </button>
              </li>
            );
          })}
        </List>
      )}
      {hidden > 0 ? <span className="object-more">{text.more(hidden)}</span> : null}
    </div>
  );
}

function Items({ object: o, text }: { readonly object: ObjectView; readonly text: ObjectStrings }) {
  const s = o.state;
  const shown = s.items.slice(0, LINE_SHOWN);
  const hidden = s.size - shown.length;
  const before = new Set(o.before.items);
  return (
    <div className="object-row">
      <span className="object-row-label">{text.items}</span>
      {shown.length === 0 ? (
        <span className="object-none">{text.empty_}</span>
      ) : (
        <ol className="object-items" aria-label={text.nextOut}>
          {shown.map((item, i) => (
            <li key={`${i}-${item}`} className={`object-item${before.has(item) ? '' : ' is-new'}`}>
              <code>{item}</code>
            </li>
          ))}
        </ol>
      )}
      {hidden > 0 ? <span className="object-more">{text.more(hidden)}</span> : null}
    </div>
  );
}
