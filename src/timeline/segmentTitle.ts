/**
 * The tooltip words of the timeline: what a lane segment is ("waiting · steps 3–7 · 0.000 s –
 * 1.000 s · waiting for sleep until 1.000 s") and who a lane's task is. Pure, so both languages
 * are tested without rendering.
 */
import type { AwaitTarget, Seconds, TaskId } from '../protocol/trace';
import type { LaneSegment, TaskInfo } from '../trace/types';
import type { ViewStrings } from '../i18n/views';

export interface TitleFormat {
  readonly text: ViewStrings;
  readonly formatTime: (t: Seconds) => string;
  /**
   * What the task awaits, in words (describeAwaitAt from src/trace, rendered by src/i18n), at the
   * segment's first step: its place in an object's line then.
   */
  readonly awaitLabel: (on: AwaitTarget, segment: LaneSegment, task: TaskId | null) => string;
}

/** Longer "waiting for" texts (a gather of thousands of tasks) are cut: a tooltip is a glance. */
const MAX_AWAIT_CHARS = 160;

/** `count` > 1 when the rectangle stands for several merged sub-pixel segments. */
export function segmentTitle(segment: LaneSegment, count: number, f: TitleFormat, task: TaskId | null = null): string {
  const parts = [
    f.text.state[segment.state],
    // Segments cover the step bands [fromStep, toStep): name the steps inside.
    f.text.timeline.steps(segment.fromStep, Math.max(segment.fromStep, segment.toStep - 1)),
    segment.fromT === segment.toT
      ? f.formatTime(segment.fromT)
      : `${f.formatTime(segment.fromT)} – ${f.formatTime(segment.toT)}`,
  ];
  let title = parts.join(' · ');
  if (segment.on !== undefined) {
    const what = f.awaitLabel(segment.on, segment, task);
    const short = what.length > MAX_AWAIT_CHARS ? `${what.slice(0, MAX_AWAIT_CHARS - 1)}…` : what;
    title += `\n${f.text.timeline.waitingFor(short)}`;
  }
  if (count > 1) title += `\n${f.text.timeline.merged(count)}`;
  return title;
}

/** A lane label's tooltip: the task's name, its coroutine, and who created it when. */
export function laneTitle(task: TaskInfo, parentName: string | null, text: ViewStrings): string {
  const lines = [task.name === task.coro ? task.name : `${task.name} (${task.coro})`];
  if (parentName !== null) lines.push(text.timeline.createdBy(parentName, task.createdStep));
  if (task.internal) lines.push(text.timeline.internalTask);
  return lines.join('\n');
}
