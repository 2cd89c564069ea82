/**
 * src/trace: pure functions over a Trace. Build the index once per run (indexTrace), then ask
 * it anything: the loop's state at a cursor, the tasks' lanes, the cancellations, the console,
 * what a step did (as facts: src/i18n renders them).
 */
export type {
  Cancellation,
  CancellationOutcome,
  ConsoleLine,
  Cursor,
  LaneSegment,
  LoopState,
  ReadyEntry,
  StepInfo,
  TaskInfo,
  TaskLane,
  TaskSnapshot,
  TaskState,
  TimerEntry,
  TraceIndex,
} from './types';
export { indexTrace, lineEventsOf } from './indexTrace';
export { stateAt, stateAfterEvents, eventPosition } from './stateAt';
export {
  clampCursor,
  nextCursor,
  prevCursor,
  stepAtTime,
  stepCount,
  stepOfEvent,
  timeOfStep,
} from './cursor';
export { taskLanes } from './lanes';
export { cancellations } from './cancellations';
export { consoleLines } from './console';
export { narrate } from './narrate';
export type {
  Action,
  AwaitLabel,
  CallRef,
  CreatedTask,
  Ending,
  HandleLabel,
  Narration,
  Opening,
  StepNarration,
  TaskLabel,
  TaskRef,
  TimeoutKind,
} from './narration';
export { describeAwait, describeTarget, shortCoroName, taskLabel, taskName } from './describe';
export { crashedEnd, partialTrace } from './partialTrace';
export { endHint, endHintText, type EndHint } from './endHint';
export { usedSimulatedNetwork } from './network';
