/**
 * deadlockCycle: why a deadlocked run cannot move, as facts for its end message. Read from the
 * await graph at the last step (awaitGraph marks the edges of a cycle of waiting): the cycle in
 * order, each task with what it holds and what it waits for ("`t1` holds `a` and waits for `b`,
 * which `t2` holds while waiting for `a`"); or, when there is no cycle, the objects the stuck
 * tasks wait on that no task is left to wake them from (an Event nobody sets).
 */
import type { TaskId } from '../protocol/trace';
import { awaitGraph, type AwaitEdge, type GraphNode } from './awaitGraph';
import { taskLabel } from './describe';
import type { ObjectRef, TaskRef } from './narration';
import type { ObjectView } from './objects';
import type { TraceIndex } from './types';

/** What a task on the cycle waits for: an object's line, or another task (awaited or gathered). */
export type CycleTarget =
  | { readonly kind: 'object'; readonly object: ObjectRef }
  | { readonly kind: 'task'; readonly task: TaskRef; readonly via: 'awaits' | 'child' };

/** One task on the cycle, in order. */
export interface CycleLink {
  readonly task: TaskRef;
  /**
   * The object the link before this one waits for, which this task holds (for the first link:
   * what the last one waits for); null when the link before waits for this task itself.
   */
  readonly holds: ObjectRef | null;
  readonly waitsFor: CycleTarget;
}

/** An object stuck tasks stand in line for, when there is no cycle: the first tasks, and how many more. */
export interface StuckLine {
  readonly object: ObjectRef;
  readonly tasks: readonly TaskRef[];
  readonly more: number;
}

export type DeadlockCause =
  /** A cycle of waiting, in order from its lowest-numbered task; the last link waits for the first. */
  | { readonly kind: 'cycle'; readonly links: readonly CycleLink[] }
  /** No cycle: the stuck tasks wait on these objects (none: on futures no task will complete). */
  | { readonly kind: 'no-cycle'; readonly lines: readonly StuckLine[] };

/** Tasks of a line listed by name; the rest counted. */
const LISTED = 3;

/** The step a deadlock's cause is read at, and the cycle's story there. Null for a run that did not deadlock. */
export function deadlockCause(index: TraceIndex): { readonly step: number; readonly cause: DeadlockCause } | null {
  if (index.trace.end.kind !== 'deadlock') return null;
  const step = index.steps.length;
  const graph = awaitGraph(index, { step });
  const links = cycleLinks(index, graph.nodes, graph.edges.filter((e) => e.cycle));
  if (links !== null) return { step, cause: { kind: 'cycle', links } };
  const stuck = new Set(index.trace.end.stuck.map((s) => s.task));
  const lines: StuckLine[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== 'object') continue;
    const s = node.object.state;
    const waiting = [...s.waiters, ...s.putters, ...s.joiners].filter((t) => stuck.has(t));
    if (waiting.length === 0) continue;
    const more = s.waitersMore + s.puttersMore + s.joinersMore + Math.max(0, waiting.length - LISTED);
    lines.push({ object: objectRef(node.object), tasks: waiting.slice(0, LISTED).map((t) => taskRef(index, t)), more });
  }
  return { step, cause: { kind: 'no-cycle', lines } };
}

function taskRef(index: TraceIndex, id: TaskId): TaskRef {
  return { id, ...taskLabel(index.tasks, id) };
}

function objectRef(o: ObjectView): ObjectRef {
  return { name: o.name, type: o.kind, ordinal: o.ordinal };
}

/**
 * Walk the cycle's edges in the waits-for direction (a task to what it waits for or awaits, an
 * object to its holder) from the lowest-numbered task until back at it. Null when no edge is
 * on a cycle. A strongly connected part may hold several cycles: the walk takes the first edge
 * out of each node that leads back to the start.
 */
function cycleLinks(index: TraceIndex, nodes: readonly GraphNode[], edges: readonly AwaitEdge[]): CycleLink[] | null {
  const next = new Map<string, AwaitEdge[]>();
  for (const e of edges) {
    const from = e.kind === 'holds' ? e.to : e.from;
    (next.get(from) ?? next.set(from, []).get(from))?.push(e);
  }
  const start = nodes.find((n) => n.kind === 'task' && next.has(n.key));
  if (start === undefined) return null;
  const path = pathBack(start.key, next);
  if (path === null) return null;
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const nodeOf = (e: AwaitEdge): GraphNode | undefined => byKey.get(e.kind === 'holds' ? e.from : e.to);

  // The path alternates as the graph does: task → object → (its holder) task, or task → task.
  const links: CycleLink[] = [];
  let holds: ObjectRef | null = null;
  for (const e of path) {
    const to = nodeOf(e);
    const fromKey = e.kind === 'holds' ? e.to : e.from;
    const from = byKey.get(fromKey);
    if (to === undefined || from === undefined) return null;
    if (from.kind === 'object') {
      holds = objectRef(from.object); // the object's holder is the next task on the cycle
      continue;
    }
    const waitsFor: CycleTarget =
      to.kind === 'object'
        ? { kind: 'object', object: objectRef(to.object) }
        : { kind: 'task', task: taskRef(index, to.task), via: e.kind === 'child' ? 'child' : 'awaits' };
    links.push({ task: taskRef(index, from.task), holds, waitsFor });
    holds = null;
  }
  // The first task holds what the last link waits for, when that is an object.
  const first = links[0];
  if (first === undefined) return null;
  const last = path[path.length - 1];
  const closing = last === undefined ? undefined : byKey.get(last.kind === 'holds' ? last.to : last.from);
  links[0] = { ...first, holds: closing?.kind === 'object' ? objectRef(closing.object) : null };
  return links;
}

/** The edges of a simple path from `start` back to it (depth first, edges in graph order). */
function pathBack(start: string, next: ReadonlyMap<string, readonly AwaitEdge[]>): AwaitEdge[] | null {
  const target = (e: AwaitEdge): string => (e.kind === 'holds' ? e.from : e.to);
  const seen = new Set<string>([start]);
  const path: AwaitEdge[] = [];
  const visit = (node: string): boolean => {
    for (const e of next.get(node) ?? []) {
      const to = target(e);
      if (to === start) {
        path.push(e);
        return true;
      }
      if (seen.has(to)) continue;
      seen.add(to);
      path.push(e);
      if (visit(to)) return true;
      path.pop();
    }
    return false;
  };
  return visit(start) ? path : null;
}

