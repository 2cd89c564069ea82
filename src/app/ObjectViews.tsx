/**
 * The Objects view and the await graph, side by side, for runs that have something to show in
 * them (objects made, or a task awaiting another). Hovering an object's card ties its tasks
 * everywhere: in the graph, and on their timeline lanes (a style rule on the lanes' data-task-id,
 * so the timeline does not re-render). Clicking a task scrolls its lane into view.
 */
import { memo, useMemo, useState } from 'react';
import type { Lang } from '../i18n/lang';
import { AwaitGraph } from '../panels/AwaitGraph';
import { Objects } from '../panels/Objects';
import type { TaskId, TraceEvent } from '../protocol/trace';
import { awaitGraph, objectCount, objectKey, objectsAt, taskKey, type ObjectView, type TraceIndex } from '../trace';
import type { Cursor } from '../trace/types';
import { useLoopscope } from '../store/context';
import { useShownCursor } from '../store/useShownCursor';

interface ObjectViewsProps {
  readonly index: TraceIndex;
  readonly cursor: Cursor;
  readonly lang: Lang;
}

const awaitsATask = (e: TraceEvent): boolean => e.e === 'suspend' && (e.on.k === 'task' || e.on.k === 'gather');

/**
 * The two views at the cursor the heavy panes show (useShownCursor; they read the store
 * themselves, like every view): a single step shows in them in the same frame as everywhere;
 * while the learner scrubs they catch up every so often, at a lower priority than the views
 * under the pointer (a 1,000-task line and its graph are the page's biggest views), and show
 * the final step once the scrub stops.
 */
export function ObjectViews() {
  const index = useLoopscope((s) => s.index);
  const cursor = useShownCursor('objects');
  const lang = useLoopscope((s) => s.lang);
  return index === null ? null : <ObjectViewsAt index={index} cursor={cursor} lang={lang} />;
}

/** Memoised: a render of ObjectViews with the cursor unchanged (the scrub's deferred pass) skips these. */
const ObjectViewsAt = memo(function ObjectViewsAt({ index, cursor, lang }: ObjectViewsProps) {
  const [hovered, setHovered] = useState<ObjectView | null>(null);
  const shown = useMemo(() => objectCount(index) > 0 || index.trace.events.some(awaitsATask), [index]);
  const objects = useMemo(() => objectsAt(index, cursor), [index, cursor]);
  const graph = useMemo(() => awaitGraph(index, cursor), [index, cursor]);
  const tiedTasks = useMemo(() => (hovered === null ? [] : tasksOf(objects.find((o) => o.id === hovered.id) ?? hovered)), [hovered, objects]);
  const tied = useMemo(
    () => new Set(hovered === null ? [] : [objectKey(hovered.id), ...tiedTasks.map(taskKey)]),
    [hovered, tiedTasks],
  );
  if (!shown) return null;
  return (
    <div className="panel-row">
      <div className="panel view-objects">
        <Objects index={index} objects={objects} lang={lang} onShowTask={showLane} onHover={setHovered} />
      </div>
      <div className="panel view-await-graph">
        <AwaitGraph index={index} graph={graph} lang={lang} tied={tied} onShowTask={showLane} />
      </div>
      {tiedTasks.length > 0 ? (
        <style>{`${tiedTasks.map((t) => `[data-testid="task-lane"][data-task-id="${t}"]`).join(',')}{outline:2px solid var(--accent,#2563eb);outline-offset:-2px}`}</style>
      ) : null}
    </div>
  );
});

function tasksOf(o: ObjectView): readonly TaskId[] {
  const s = o.state;
  return [...new Set([...s.holders, ...s.waiters, ...s.woken, ...s.putters, ...s.joiners])];
}

/** Scroll a task's lane into view and flash it. */
function showLane(task: TaskId): void {
  const lane = document.querySelector<HTMLElement>(`[data-testid="task-lane"][data-task-id="${task}"]`);
  if (lane === null) return;
  lane.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  lane.classList.remove('is-pointed');
  void lane.offsetWidth; // restart the animation
  lane.classList.add('is-pointed');
}
