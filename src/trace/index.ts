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
  ObjectRef,
  Opening,
  StepNarration,
  TaskLabel,
  TaskRef,
  TimeoutKind,
} from './narration';
export { describeAwaitAt } from './objectAwait';
export { describeAwait, describeTarget, shortCoroName, taskLabel, taskName } from './describe';
export { crashedEnd, partialTrace, type CrashCause } from './partialTrace';
export { objectsAt, objectCount, type ObjectState, type ObjectView } from './objects';
export {
  awaitGraph,
  objectKey,
  taskKey,
  GRAPH_LINE_LIMIT,
  type AwaitEdge,
  type AwaitEdgeKind,
  type AwaitGraph,
  type GraphNode,
} from './awaitGraph';
export { simulatedRequests, usedSimulatedNetwork } from './network';
export { runFacts, type RunFact, type RunFactKind } from './runFacts';
export { findings } from './findings/findings';
export type {
  BlockingCallFinding,
  BusyPollingFinding,
  CancelSwallowedFinding,
  DeadlockFinding,
  DeadlockWait,
  ExceptionNeverRetrievedFinding,
  Finding,
  FindingBase,
  FindingKind,
  FindingSeverity,
  FoundKind,
  LabelledFinding,
  LoopMisuseFinding,
  NeverAwaitedFinding,
  RemovedApiFinding,
  SequentialAwaitsFinding,
  TaskNotAwaitedFinding,
  UnboundedFanOutFinding,
} from './findings/types';
export {
  compareRuns,
  runLabel,
  runSummary,
  type CompareFact,
  type CompareFactKind,
  type RunComparison,
  type RunSummary,
} from './compare';
export {
  breakpointHits,
  cursorAfterEvent,
  eventBreakpointKey,
  nextHit,
  previousHit,
  EVENT_BREAKPOINT_KINDS,
  type BreakpointHit,
  type Breakpoints,
  type EventBreakpoint,
  type EventBreakpointKind,
  type HitReason,
} from './breakpoints';
export { choiceKey, questionAt, MAX_CHOICES, type PredictChoice, type PredictQuestion, type PredictWhy, type QuestionKind } from './predict';
