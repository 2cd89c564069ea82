/**
 * The await graph at the cursor: tasks (circles) and objects (boxes), an arrow from each task to
 * what it awaits, waits in line for, or holds, and a cycle of waiting drawn in red (a deadlock).
 * d3-force lays it out (graphLayout.ts), starting from the last step's positions; React draws.
 *
 * Test hooks: data-testid="await-graph"; each edge data-from and data-to (task and object
 * names), data-edge (awaits, child, waits, holds), data-cycle="true" on a cycle's edges.
 */
import { useId, useRef, useState } from 'react';
import { taskLabelText } from '../i18n/format';
import type { Lang } from '../i18n/lang';
import { objectName, objectStrings } from '../i18n/objects';
import { graphSummary } from '../i18n/summaries';
import type { TaskId } from '../protocol/trace';
import { taskLabel, type AwaitGraph as Graph, type GraphNode, type TraceIndex } from '../trace';
import { layoutGraph, placeGraph, type Point } from './graphLayout';
import { useInView } from './useInView';
import './Objects.css';

export interface AwaitGraphProps {
  readonly index: TraceIndex;
  readonly graph: Graph;
  readonly lang: Lang;
  /** Node keys to draw as tied to the hovered object. */
  readonly tied: ReadonlySet<string>;
  readonly onShowTask: (task: TaskId) => void;
}

const TASK_R = 16;
const BOX = { w: 74, h: 24 };
const PAD = 40;

export function AwaitGraph({ index, graph, lang, tied, onShowTask }: AwaitGraphProps) {
  const text = objectStrings(lang);
  const arrowId = `await-arrow-${useId().replace(/:/g, '')}`;
  const sectionRef = useRef<HTMLElement>(null);
  // Scrolled out of view (the 1,000-task page while the learner scrubs), the graph only places
  // its nodes (placeGraph), which costs nothing; the simulation settles them when it comes back
  // into view. Its edges and their data-* hooks follow every step either way.
  const inView = useInView(sectionRef);
  // The last layout, kept to start the next one from (React's "adjust state when a prop
  // changes" pattern: laid out during render, once per graph, or once more on coming into view).
  const [laid, setLaid] = useState(() => ({ graph, layout: layoutGraph(graph, new Map()), settled: true }));
  let layout = laid.layout;
  if (laid.graph !== graph || (inView && !laid.settled)) {
    layout = inView ? layoutGraph(graph, laid.layout) : placeGraph(graph, laid.layout);
    setLaid({ graph, layout, settled: inView });
  }

  const nodeName = (n: GraphNode): string =>
    n.kind === 'task' ? (index.tasks[n.task - 1]?.name ?? `#${n.task}`) : objectName(n.object);
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const at = (key: string): Point => layout.get(key) ?? { x: 0, y: 0 };
  const xs = graph.nodes.map((n) => at(n.key).x);
  const ys = graph.nodes.map((n) => at(n.key).y);
  const minX = Math.min(0, ...xs) - PAD;
  const minY = Math.min(0, ...ys) - PAD;
  const width = Math.max(...xs, 0) + PAD - minX;
  const height = Math.max(...ys, 0) + PAD - minY;
  const tieText = (from: GraphNode, kind: Graph['edges'][number]['kind'], to: GraphNode): string => `${nodeName(from)} ${text.edge[kind]} ${nodeName(to)}`;
  // The picture's text alternative: its size as its label, then each tie, one list item each.
  const ties = graph.edges.flatMap((e) => {
    const from = byKey.get(e.from);
    const to = byKey.get(e.to);
    return from === undefined || to === undefined ? [] : [{ key: `${e.kind}-${e.from}-${e.to}`, text: tieText(from, e.kind, to) }];
  });
  const label = graphSummary(
    { tasks: graph.nodes.filter((n) => n.kind === 'task').length, objects: graph.nodes.filter((n) => n.kind === 'object').length, ties: ties.length, cycle: graph.hasCycle },
    lang,
  );

  return (
    <section ref={sectionRef} className="loop-view await-graph" data-testid="await-graph" aria-label={text.graphTitle}>
      <h2 className="view-title" title={text.graphHint}>
        {text.graphTitle}
      </h2>
      {graph.hasCycle ? <p className="await-graph-cycle">{text.cycle}</p> : null}
      {graph.nodes.length === 0 ? (
        <p className="objects-empty">{text.graphEmpty}</p>
      ) : (
        <svg role="img" aria-label={label} viewBox={`${minX} ${minY} ${width} ${height}`} style={{ maxHeight: `${Math.min(height, 420)}px` }}>
          <defs>
            <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="context-stroke" />
            </marker>
          </defs>
          {graph.edges.map((e) => {
            const from = byKey.get(e.from);
            const to = byKey.get(e.to);
            if (from === undefined || to === undefined) return null;
            const [a, b] = [at(e.from), at(e.to)];
            const end = shorten(a, b, to.kind === 'task' ? TASK_R + 3 : BOX.h / 2 + 4);
            const start = shorten(b, a, from.kind === 'task' ? TASK_R : BOX.h / 2);
            return (
              <line
                key={`${e.kind}-${e.from}-${e.to}`}
                className="await-graph-edge"
                data-from={nodeName(from)}
                data-to={nodeName(to)}
                data-edge={e.kind}
                data-cycle={e.cycle}
                x1={start.x}
                y1={start.y}
                x2={end.x}
                y2={end.y}
                markerEnd={`url(#${arrowId})`}
              >
                <title>{tieText(from, e.kind, to)}</title>
              </line>
            );
          })}
          {graph.nodes.map((n) => {
            const p = at(n.key);
            const isTied = tied.has(n.key);
            if (n.kind === 'task') {
              const label = taskLabelText(taskLabel(index.tasks, n.task));
              return (
                <g
                  key={n.key}
                  className={`await-graph-node is-task${isTied ? ' is-tied' : ''}`}
                  data-node={nodeName(n)}
                  transform={`translate(${p.x},${p.y})`}
                  onClick={() => onShowTask(n.task)}
                >
                  <title>{text.jumpToLane(label)}</title>
                  <circle r={TASK_R} />
                  <text textAnchor="middle" dy={TASK_R + 12}>
                    {label}
                  </text>
                </g>
              );
            }
            return (
              <g
                key={n.key}
                className={`await-graph-node is-object${isTied ? ' is-tied' : ''}`}
                data-node={nodeName(n)}
                transform={`translate(${p.x},${p.y})`}
              >
                <title>{`${nodeName(n)} (${n.object.kind}): ${text.summary(n.object)}`}</title>
                <rect x={-BOX.w / 2} y={-BOX.h / 2} width={BOX.w} height={BOX.h} rx={4} />
                <text textAnchor="middle" dy={4}>
                  {nodeName(n)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {ties.length > 0 ? (
        <ul className="visually-hidden" data-testid="await-graph-ties">
          {ties.map((t) => (
            <li key={t.key}>{t.text}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The point `by` short of `to` on the way from `from`. */
function shorten(from: Point, to: Point, by: number): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: to.x - (dx / length) * by, y: to.y - (dy / length) * by };
}
