/**
 * Where the await graph's nodes go: a d3-force layout (links pull tied nodes together, nodes
 * push each other apart and never overlap), run to rest synchronously. Stable from step to
 * step: a node that was on the last step's graph starts where it was, and a new node starts
 * next to a node it is tied to, so the simulation only settles what changed. A new node that
 * takes the place of one that left (same kind, tied to the same node: the next task in a
 * Semaphore's line when the first one got in) steps into its place, and when every new node
 * does, nothing is simulated: a long line moving on costs no layout at all. d3-force's own
 * randomness is seeded, so the same graph from the same start lays out the same.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';

export interface LayoutInput {
  readonly nodes: readonly { readonly key: string; readonly kind: 'task' | 'object' }[];
  readonly edges: readonly { readonly from: string; readonly to: string }[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where a node was laid out, with what a newcomer needs to take its place when it leaves. */
export interface Placed extends Point {
  readonly kind: 'task' | 'object';
  /** The keys of the nodes it was tied to. */
  readonly ties: readonly string[];
  /** Placed by placeGraph beside a tie, not yet settled by the simulation: the next layoutGraph moves it. */
  readonly unsettled?: true;
}

export type Layout = ReadonlyMap<string, Placed>;

interface SimNode extends SimulationNodeDatum {
  readonly key: string;
  readonly kind: 'task' | 'object';
}

const TICKS_FRESH = 80;
/** A step changes a few nodes: settling them is enough, and keeps scrubbing at frame rate. */
const TICKS_SETTLE = 25;

export function layoutGraph(graph: LayoutInput, previous: Layout): Layout {
  return arrange(graph, previous, true);
}

/**
 * Where the nodes start, without the simulation: a node of the last layout where it was, a
 * newcomer in a vacated place or beside a node it is tied to. For a graph nobody sees (scrolled
 * out of view while the learner scrubs): every node has a place, at no cost, and the next
 * layoutGraph settles them from there, so the graph stays as stable as if each step had been
 * laid out.
 */
export function placeGraph(graph: LayoutInput, previous: Layout): Layout {
  return arrange(graph, previous, false);
}

function arrange(graph: LayoutInput, previous: Layout, settle: boolean): Layout {
  const neighbours = new Map<string, string[]>();
  for (const e of graph.edges) {
    (neighbours.get(e.from) ?? neighbours.set(e.from, []).get(e.from))?.push(e.to);
    (neighbours.get(e.to) ?? neighbours.set(e.to, []).get(e.to))?.push(e.from);
  }
  const placed = (key: string, kind: 'task' | 'object', p: Point, unsettled = false): [string, Placed] => [
    key,
    { x: p.x, y: p.y, kind, ties: neighbours.get(key) ?? [], ...(unsettled ? { unsettled } : {}) },
  ];
  const waiting = graph.nodes.some((n) => previous.get(n.key)?.unsettled === true);
  const moved = settle && waiting ? null : takeVacatedPlaces(graph, previous, neighbours);
  if (graph.nodes.length > 0 && moved !== null) {
    return new Map(
      graph.nodes.map((n) => {
        const was = previous.get(n.key);
        return placed(n.key, n.kind, was ?? moved.get(n.key) ?? { x: 0, y: 0 }, was?.unsettled === true);
      }),
    );
  }
  let known = 0;
  const fresh = new Set<string>();
  const nodes: SimNode[] = graph.nodes.map((n, i) => {
    const was = previous.get(n.key);
    if (was !== undefined) {
      // A node placeGraph left unsettled starts where it was put, and is settled now.
      if (was.unsettled === true) fresh.add(n.key);
      else known++;
      return { key: n.key, kind: n.kind, x: was.x, y: was.y };
    }
    fresh.add(n.key);
    const near = (neighbours.get(n.key) ?? []).map((k) => previous.get(k)).find((p) => p !== undefined);
    // A deterministic spiral for nodes with no placed neighbour; beside the neighbour otherwise.
    const angle = i * 2.4;
    const r = near !== undefined ? 40 : 30 + 12 * Math.sqrt(i);
    return {
      key: n.key,
      kind: n.kind,
      x: (near?.x ?? 0) + r * Math.cos(angle),
      y: (near?.y ?? 0) + r * Math.sin(angle),
    };
  });
  if (!settle) return new Map(nodes.map((n) => placed(n.key, n.kind, { x: n.x ?? 0, y: n.y ?? 0 }, fresh.has(n.key))));
  const links = graph.edges.map((e) => ({ source: e.from, target: e.to }));
  const simulation = forceSimulation<SimNode>(nodes)
    .force(
      'link',
      forceLink<SimNode, { source: string; target: string }>(links)
        .id((n) => n.key)
        .distance(70),
    )
    .force('charge', forceManyBody<SimNode>().strength(-220))
    .force('collide', forceCollide<SimNode>(30))
    .force('x', forceX<SimNode>(0).strength(0.04))
    .force('y', forceY<SimNode>(0).strength(0.06))
    .stop();
  if (known === nodes.length && nodes.length > 0) simulation.alpha(0.3);
  simulation.tick(known > 0 ? TICKS_SETTLE : TICKS_FRESH);
  return new Map(nodes.map((n) => placed(n.key, n.kind, { x: n.x ?? 0, y: n.y ?? 0 })));
}

/**
 * Places for the nodes that are new since `previous`, each the place of a node that left which
 * was of the same kind and tied to a node this one is tied to; null if some new node finds none
 * (then the graph changed shape and needs the simulation). Vacated places are taken in the
 * order they were laid out, so the same step from the same layout gets the same places.
 */
function takeVacatedPlaces(
  graph: LayoutInput,
  previous: Layout,
  neighbours: ReadonlyMap<string, readonly string[]>,
): ReadonlyMap<string, Point> | null {
  const current = new Set(graph.nodes.map((n) => n.key));
  const vacated = [...previous].filter(([key]) => !current.has(key)).map(([, p]) => p);
  const taken = new Map<string, Point>();
  for (const n of graph.nodes) {
    if (previous.has(n.key)) continue;
    const ties = neighbours.get(n.key) ?? [];
    const i = vacated.findIndex((p) => p.kind === n.kind && p.ties.some((t) => ties.includes(t) && current.has(t)));
    const place = vacated[i];
    if (place === undefined) return null;
    taken.set(n.key, place);
    vacated.splice(i, 1);
  }
  return taken;
}
