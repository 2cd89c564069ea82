/**
 * The Objects view: a card per asyncio object the program made, at the cursor. Who holds it,
 * the line of waiters (the next CPython wakes first), the woken ones about to run, a queue's
 * items. What changed in this step is marked (the card, and each task or item that joined),
 * and CSS animates it. Clicking a task shows its lane; hovering a card ties its tasks in the
 * await graph (`onHover`).
 *
 * Test hooks: data-testid="objects"; each card data-testid="object-card" with
 * data-object-name, data-object-kind, data-holders and data-waiters (task names, FIFO; a
 * Future's and a gather's waiters are the tasks awaiting it), data-value (semaphores), data-size
 * (queues), data-set (events); data-state (Future, gather: pending/done/cancelled; TaskGroup:
 * its phase; timeout: its state), data-children and data-done (gather, TaskGroup: the children
 * and how many are done), data-aborting (TaskGroup), data-guards (timeout: the task),
 * data-shields (a shield's Future: the task it protects).
 */
import { taskLabelText } from '../i18n/format';
import type { Lang } from '../i18n/lang';
import { objectName, objectStrings, type ObjectStrings } from '../i18n/objects';
import type { ObjectId, TaskId } from '../protocol/trace';
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

/** The hooks each kind adds to its card. */
function kindHooks(index: TraceIndex, o: ObjectView): Record<string, string | number | boolean> {
  const s = o.state;
  switch (o.kind) {
    case 'Future':
      return { 'data-state': s.future, ...(o.shield?.task !== undefined ? { 'data-shields': names(index, [o.shield.task]) } : {}) };
    case 'gather':
      return { 'data-state': s.future, 'data-children': names(index, s.children), 'data-done': s.childrenDone };
    case 'TaskGroup':
      return {
        'data-state': s.groupPhase,
        'data-children': names(index, s.children),
        'data-done': s.childrenDone,
        'data-aborting': s.aborting,
      };
    case 'timeout':
      return { 'data-state': s.timeout, 'data-guards': s.guarded === null ? '' : names(index, [s.guarded]) };
    default:
      return {};
  }
}

/** The task names an object's line holds, for the data attributes. */
const names = (index: TraceIndex, ids: readonly TaskId[]): string =>
  ids.map((id) => index.tasks[id - 1]?.name ?? `#${id}`).join(',');

export function Objects({ index, objects, lang, onShowTask, onHover }: ObjectsProps) {
  const text = objectStrings(lang);
  const nameOf = (id: ObjectId): string => {
    const o = objects.find((x) => x.id === id);
    return o === undefined ? `#${id}` : objectName(o);
  };
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
            <ObjectCard
              key={o.id}
              index={index}
              object={o}
              text={text}
              nameOf={nameOf}
              onShowTask={onShowTask}
              onHover={onHover}
            />
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
  readonly nameOf: (object: ObjectId) => string;
  readonly onShowTask: (task: TaskId) => void;
  readonly onHover: (object: ObjectView | null) => void;
}

function ObjectCard({ index, object: o, text, nameOf, onShowTask, onHover }: CardProps) {
  const s = o.state;
  const isQueue = o.kind === 'Queue' || o.kind === 'PriorityQueue' || o.kind === 'LifoQueue';
  const isSemaphore = o.kind === 'Semaphore' || o.kind === 'BoundedSemaphore';
  const holds = o.kind === 'Lock' || o.kind === 'Condition' || isSemaphore;
  const isFuture = o.kind === 'Future' || o.kind === 'gather';
  const waiting = s.waiters.length + s.waitersMore;
  const kindLabel = o.shield !== null ? text.shieldKind : o.byWaitFor ? 'wait_for' : o.kind;
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
      {...kindHooks(index, o)}
      onMouseEnter={() => onHover(o)}
      onMouseLeave={() => onHover(null)}
      title={o.line !== null ? text.madeAt(o.line) : undefined}
    >
      <div className="object-head">
        <code className="object-name">{objectName(o)}</code>
        <span className="object-kind">{kindLabel}</span>
        <span className="object-summary">{text.summary(o)}</span>
        {o.changed ? <span className="visually-hidden">{text.changed}</span> : null}
      </div>
      {isSemaphore ? <Permits object={o} /> : null}
      {holds ? (
        <TaskRow label={text.holders} ids={s.holders} before={o.before.holders} {...{ index, text, onShowTask }} />
      ) : null}
      {o.kind === 'TaskGroup' && s.parent !== null ? (
        <TaskRow label={text.parent} ids={[s.parent]} before={o.before.parent === null ? [] : [o.before.parent]} {...{ index, text, onShowTask }} />
      ) : null}
      {o.kind === 'gather' || o.kind === 'TaskGroup' ? (
        <TaskRow
          label={text.children}
          ids={s.children}
          more={s.childCount - s.children.length}
          before={o.before.children}
          done={(id) => s.finishedChildren.includes(id)}
          {...{ index, text, onShowTask }}
        />
      ) : null}
      {o.kind === 'timeout' && s.guarded !== null ? (
        <TaskRow label={text.guards} ids={[s.guarded]} before={o.before.guarded === null ? [] : [o.before.guarded]} {...{ index, text, onShowTask }} />
      ) : null}
      {o.shield !== null ? (
        o.shield.task !== undefined ? (
          <TaskRow label={text.shields} ids={[o.shield.task]} before={[o.shield.task]} {...{ index, text, onShowTask }} />
        ) : o.shield.o !== undefined ? (
          <div className="object-row">
            <span className="object-row-label">{text.shields}</span>
            <code>{nameOf(o.shield.o)}</code>
          </div>
        ) : null
      ) : null}
      {o.kind !== 'timeout' && o.kind !== 'TaskGroup' ? (
        <TaskRow
          label={isFuture ? text.awaitedBy : text.line}
          ids={s.waiters}
          more={s.waitersMore}
          before={o.before.waiters}
          ordered
          {...{ index, text, onShowTask }}
        />
      ) : null}
      {s.woken.length > 0 ? (
        <TaskRow label={text.woken} ids={s.woken} before={o.before.woken} {...{ index, text, onShowTask }} />
      ) : null}
      {isFuture && s.callbacks.length > 0 ? (
        <div className="object-row">
          <span className="object-row-label">{text.callbacks}</span>
          <ul className="object-callbacks">
            {s.callbacks.map((name, i) => (
              <li key={`${i}-${name}`}>
                <code>{name}</code>
              </li>
            ))}
          </ul>
        </div>
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
  /** Children: which are done (drawn as finished). */
  readonly done?: (task: TaskId) => boolean;
  readonly onShowTask: (task: TaskId) => void;
}

function TaskRow({ index, text, label, ids, before, more = 0, ordered = false, done, onShowTask }: TaskRowProps) {
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
              // Keyed by the task (its place only if it is listed twice): when a line moves on,
              // its entries move with it rather than every entry being made again.
              <li
                key={shown.indexOf(id) === i ? id : `${id}-${i}`}
                className={`object-task${before.includes(id) ? '' : ' is-new'}${done?.(id) === true ? ' is-done' : ''}`}
              >
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
