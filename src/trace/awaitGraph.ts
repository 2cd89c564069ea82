/**
 * awaitGraph: who awaits whom at a cursor. Nodes are the unfinished tasks that wait on
 * something or hold something, and the objects they wait on or hold; edges say how they are tied.
 *
 * Every edge goes from the task that is tied to what it is tied to:
 * - `awaits`: the task awaits another task (`await other`, `await task`) or a plain Future;
 * - `child`: the task is a child of another: of the task that awaits gather() over it, or of the
 *   task that runs `async with` of its TaskGroup (`_parent_task`);
 * - `waits`: the task stands in an object's line (a permit, the lock, set(), get()...);
 * - `holds`: the task holds the object (a Lock, a Semaphore's permit, a Condition's lock).
 * A task waits for what it awaits or waits on, a parent for its children while it awaits their
 * gather or waits in its TaskGroup's exit, and an object waits for its holders to release it:
 * following those, a cycle is a deadlock (nothing in it can move by itself). Its edges are
 * marked `cycle`. gather, TaskGroup and timeout objects are no nodes: their ties are the `child`
 * edges between tasks (a timeout ties no one: it waits for nothing).
 */
import type { ObjectId, TaskId } from '../protocol/trace';
import { objectsAt, type ObjectView } from './objects';
import { stateAt } from './stateAt';
import type { Cursor, TraceIndex } from './types';

export type AwaitEdgeKind = 'awaits' | 'child' | 'waits' | 'holds';

export type GraphNode =
  | { readonly kind: 'task'; readonly key: string; readonly task: TaskId }
  | { readonly kind: 'object'; readonly key: string; readonly object: ObjectView };

export interface AwaitEdge {
  readonly kind: AwaitEdgeKind;
  readonly from: string;
  readonly to: string;
  /** On a cycle of waiting: a deadlock if nothing else (a timer) can break it. */
  readonly cycle: boolean;
}

export interface AwaitGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly AwaitEdge[];
  /** True when some edges form a cycle. */
  readonly hasCycle: boolean;
}

/** Node keys, stable from step to step so a layout can keep each node where it was. */
export const taskKey = (task: TaskId): string => `t${task}`;
export const objectKey = (object: ObjectId): string => `o${object}`;

/** At most this many tasks of one object's line (or its holders, or a gather's children) become nodes. */
export const GRAPH_LINE_LIMIT = 8;

export function awaitGraph(index: TraceIndex, cursor: Cursor): AwaitGraph {
  const state = stateAt(index, cursor);
  const objects = objectsAt(index, cursor);
  const edges: Tie[] = [];
  const taskNodes = new Set<TaskId>();
  const addTask = (task: TaskId): string => {
    taskNodes.add(task);
    return taskKey(task);
  };
  const finished = new Set(state.tasks.filter((t) => t.state === 'done').map((t) => t.id));

  for (const snap of state.tasks) {
    const on = snap.on;
    if (snap.state === 'done' || on === undefined) continue;
    if (on.k === 'task') {
      edges.push({ kind: 'awaits', from: addTask(snap.id), to: addTask(on.task) });
    } else if (on.k === 'gather') {
      const pending = on.children.filter((c): c is TaskId => c !== null && !finished.has(c));
      for (const child of pending.slice(0, GRAPH_LINE_LIMIT)) {
        edges.push({ kind: 'child', from: addTask(child), to: addTask(snap.id), parentWaits: true });
      }
    }
  }
  const objectNodes: ObjectView[] = [];
  for (const o of objects) {
    const s = o.state;
    const key = objectKey(o.id);
    if (o.kind === 'TaskGroup') {
      if (s.parent === null || finished.has(s.parent) || s.groupPhase === 'done') continue;
      const pending = s.running.filter((c) => !finished.has(c));
      for (const child of pending.slice(0, GRAPH_LINE_LIMIT)) {
        // The parent waits for them only in the group's exit; before, it runs its body.
        edges.push({ kind: 'child', from: addTask(child), to: addTask(s.parent), parentWaits: s.groupPhase === 'exiting' });
      }
      continue;
    }
    if (o.kind === 'gather' || o.kind === 'timeout') continue;
    if (o.kind === 'Future') {
      if (s.waiters.length === 0) continue;
      objectNodes.push(o);
      for (const waiter of s.waiters.slice(0, GRAPH_LINE_LIMIT)) edges.push({ kind: 'awaits', from: addTask(waiter), to: key });
      continue;
    }
    const lines = [s.waiters, s.putters, s.joiners];
    if (s.holders.length === 0 && lines.every((l) => l.length === 0)) continue;
    objectNodes.push(o);
    for (const holder of [...new Set(s.holders)].slice(0, GRAPH_LINE_LIMIT)) {
      if (!finished.has(holder)) edges.push({ kind: 'holds', from: addTask(holder), to: key });
    }
    for (const line of lines) {
      for (const waiter of line.slice(0, GRAPH_LINE_LIMIT)) {
        edges.push({ kind: 'waits', from: addTask(waiter), to: key });
      }
    }
  }

  const onCycle = cycleEdges(edges);
  const nodes: GraphNode[] = [
    ...[...taskNodes].sort((a, b) => a - b).map((task): GraphNode => ({ kind: 'task', key: taskKey(task), task })),
    ...objectNodes.map((object): GraphNode => ({ kind: 'object', key: objectKey(object.id), object })),
  ];
  const marked = edges.map((e, i): AwaitEdge => ({ kind: e.kind, from: e.from, to: e.to, cycle: onCycle[i] === true }));
  return { nodes, edges: marked, hasCycle: marked.some((e) => e.cycle) };
}

/** An edge as it is built; `parentWaits`: a `child` edge whose parent waits for the child. */
interface Tie {
  readonly kind: AwaitEdgeKind;
  readonly from: string;
  readonly to: string;
  readonly parentWaits?: boolean;
}

/**
 * Which edges lie on a cycle of waiting: an edge is on one when both its ends are in the same
 * strongly connected component (Tarjan's algorithm) of the waits-for graph, where a `holds`
 * edge counts from the object to its holder, a `child` edge from the parent to the child (and
 * not at all while the parent does not wait for it).
 */
function cycleEdges(edges: readonly Tie[]): boolean[] {
  const waitsFor = (e: Tie): [string, string] | null => {
    if (e.kind === 'child') return e.parentWaits === true ? [e.to, e.from] : null;
    return e.kind === 'holds' ? [e.to, e.from] : [e.from, e.to];
  };
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const tie = waitsFor(e);
    if (tie === null) continue;
    const [a, b] = tie;
    const list = next.get(a);
    if (list === undefined) next.set(a, [b]);
    else list.push(b);
  }
  const component = stronglyConnected(next);
  return edges.map((e) => {
    const tie = waitsFor(e);
    if (tie === null) return false;
    const [a, b] = tie;
    return component.get(a) !== undefined && component.get(a) === component.get(b);
  });
}

/** Node -> its component's number, for the components of more than one node (iterative Tarjan). */
function stronglyConnected(next: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const root of next.keys()) {
    if (indexOf.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    while (work.length > 0) {
      const top = work[work.length - 1] as [string, number];
      const [node, i] = top;
      if (i === 0) {
        indexOf.set(node, counter);
        low.set(node, counter);
        counter++;
        stack.push(node);
        onStack.add(node);
      }
      const out = next.get(node) ?? [];
      if (i < out.length) {
        top[1] = i + 1;
        const to = out[i] as string;
        if (!indexOf.has(to)) work.push([to, 0]);
        else if (onStack.has(to)) low.set(node, Math.min(low.get(node) as number, indexOf.get(to) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(node) as number));
      if (low.get(node) === indexOf.get(node)) {
        const members: string[] = [];
        for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
          onStack.delete(member);
          members.push(member);
          if (member === node) break;
        }
        if (members.length > 1) {
          for (const m of members) result.set(m, components);
          components++;
        }
      }
    }
  }
  return result;
}
