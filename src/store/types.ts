/**
 * The shape of Loopscope's one store. It holds only what cannot be derived: the editor text,
 * the engine's status, the indexed trace of the last run and the cursor into it, and the
 * learner's preferences. The loop's state at the cursor, the highlighted line and the visible
 * console are computed from these by selectors (selectors.ts).
 */
import type { Lang } from '../i18n/lang';
import type { Compat, RunOptions, SyntaxProblem, Trace } from '../protocol/trace';
import type { BootDownload, BootStage } from '../protocol/worker';
import type { EmbedSettings, ShareErrorReason } from '../share';
import type { Cursor, TraceIndex } from '../trace/types';
import type { EngineClient, EngineEvent } from '../host/engineClient';
import type { KeyValueStore } from './storage';
import type { BreakpointsSlice } from './breakpointsSlice';
import type { PredictSlice } from './predictSlice';
import type { PaneTurn } from './scrubPace';

/** The engine's own health, independent of any run. */
export type EngineStatus = 'booting' | 'ready' | 'failed';

/** Where the last run is: none yet, going, finished with a trace, or finished without one. */
export type RunPhase = 'idle' | 'running' | 'done' | 'error';

/** The single status the page shows and tests wait on (`data-status` on the app root). */
export type AppStatus = 'booting' | 'ready' | 'running' | 'done' | 'error';

export type StepUnit = 'step' | 'line';

/**
 * What became of the run going on when the engine was restarted: its partial trace (built from
 * the events the worker streamed) is shown, or no run the page waited for was going on.
 */
export type RunAfterRestart = 'kept' | 'none';

/** Something the learner should know that is not part of the run: kept until dismissed. */
export type NoticeInput =
  | { readonly kind: 'stopped-restarted'; readonly run: RunAfterRestart }
  | { readonly kind: 'crashed'; readonly detail: string; readonly run: RunAfterRestart }
  | { readonly kind: 'worker-died'; readonly run: RunAfterRestart }
  | { readonly kind: 'boot-failed'; readonly detail: string }
  | {
      readonly kind: 'link-error';
      readonly reason: ShareErrorReason;
      readonly detail: string;
      readonly fallback: 'saved' | 'example';
    };

export type Notice = { readonly id: number } & NoticeInput;

/** A program opened from a share link. */
export interface SharedProgram {
  readonly source: string;
  readonly step?: number;
  readonly line?: number;
  /** The link's run behaved as this older Python (`compat=3.13`). */
  readonly compat?: Compat;
}

export interface EditorSlice {
  /** The editor text: the source of truth the Monaco model follows. */
  readonly source: string;
  readonly setSource: (text: string) => void;
  /** A request to the editor to scroll to and select a line (nonce makes repeats distinct). */
  readonly lineRequest: { readonly line: number; readonly nonce: number } | null;
  readonly revealLine: (line: number) => void;
  /** Save the text now (page hide) instead of waiting for the debounce. */
  readonly flushSave: () => void;
}

/** How far the engine's boot is (the worker's facts, src/protocol/worker.ts); null when not booting or not told yet. */
export interface BootProgress {
  readonly stage: BootStage;
  readonly downloads: readonly BootDownload[];
}

export interface RunSlice {
  readonly engineStatus: EngineStatus;
  readonly bootProgress: BootProgress | null;
  readonly pythonVersion: string;
  readonly phase: RunPhase;
  /** True while a run waits for Python to finish booting. */
  readonly runQueued: boolean;
  /** The index of the last run's trace; a new run replaces it when its result arrives. */
  readonly index: TraceIndex | null;
  /** The source the current trace (or syntax problem) came from. */
  readonly ranSource: string | null;
  readonly syntaxProblem: SyntaxProblem | null;
  readonly notices: readonly Notice[];
  /** Where to put the cursor when the next trace arrives (from a share link). */
  readonly pendingSeek: Cursor | null;
  /**
   * The older Python the runs behave as where 3.14 changed asyncio (RunOptions.compat), until the
   * learner goes back; null: as Python 3.14. What the shown run used is its trace's `compat`.
   */
  readonly compat: Compat | null;
  /** Run the program as `compat` would ("Run as Python 3.13 would"; null: back to 3.14), and keep to it. */
  readonly runAs: (compat: Compat | null) => void;
  /** Create the worker and boot Python (page load). Idempotent. */
  readonly startEngine: () => void;
  readonly run: () => void;
  readonly stop: () => void;
  /** After boot failures: try again with a fresh worker. */
  readonly retryEngine: () => void;
  readonly openSharedProgram: (program: SharedProgram) => void;
  /**
   * Show a trace made elsewhere as if it had just run, at its start (the e2e and page-bench hooks
   * today; a trace file the learner opens, later). The caller has checked it (parseTrace).
   */
  readonly openTrace: (trace: Trace) => void;
  readonly addNotice: (notice: NoticeInput) => void;
  readonly dismissNotice: (id: number) => void;
}

/**
 * A scrub going on: seeks coming closer together than SCRUB_SETTLE_MS (a drag of the scrubber
 * or across the timeline). The views under the pointer follow the cursor at every frame; the
 * heavy panes show `panes`, which catches up with the cursor every PANE_FOLLOW_MS, and all of
 * them show the cursor again once the scrub stops (playbackSlice.ts).
 */
export interface Scrub {
  /** The run this scrub moves through: a new run's cursor never shows an old run's step. */
  readonly index: TraceIndex;
  /**
   * The step each group of heavy panes shows meanwhile (scrubPace.ts PANE_TURNS): a catch-up
   * reaches the groups one a frame, so for a few frames they differ.
   */
  readonly panes: Readonly<Record<PaneTurn, Cursor>>;
}

export interface PlaybackSlice {
  readonly cursor: Cursor;
  readonly playing: boolean;
  /** The scrub going on, or null: every view shows the cursor. */
  readonly scrub: Scrub | null;
  /**
   * Move to a cursor (clamped to the trace); pauses playback like any manual move. A seek that
   * comes within SCRUB_SETTLE_MS of the last one is part of a scrub.
   */
  readonly seek: (cursor: Cursor) => void;
  readonly stepForward: (unit: StepUnit) => void;
  readonly stepBack: (unit: StepUnit) => void;
  readonly jumpStart: () => void;
  readonly jumpEnd: () => void;
  readonly play: () => void;
  readonly pause: () => void;
  readonly togglePlay: () => void;
}

export interface FindingsSlice {
  /**
   * The finding the learner chose (its place in allFindings of `index`). Kept with the trace it
   * belongs to, so a new run shows none chosen without anyone clearing it (selectChosenFinding).
   */
  readonly chosenFinding: { readonly index: TraceIndex; readonly at: number } | null;
  /** Choose a finding: jump to its step and show its line in the editor; null chooses none. */
  readonly chooseFinding: (at: number | null) => void;
}

/** The colour theme the learner picked: the system's (prefers-color-scheme), or one of the two. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** A run pinned for comparison. */
export interface PinnedRun {
  readonly index: TraceIndex;
}

export interface CompareSlice {
  /** The run pinned for comparison, shown above the current run; null: no comparison. */
  readonly pinned: PinnedRun | null;
  /** Pin the run on screen (a finished one) for comparison with the next runs. */
  readonly pin: () => void;
  readonly unpin: () => void;
}

export interface PrefsSlice {
  readonly lang: Lang;
  /** Playback speed in loop steps per second. */
  readonly speed: number;
  readonly theme: ThemeChoice;
  /** Presenter mode: larger type, thicker lanes and a big narration, for a projector. */
  readonly presenter: boolean;
  readonly setLang: (lang: Lang) => void;
  readonly setSpeed: (stepsPerSecond: number) => void;
  readonly setTheme: (theme: ThemeChoice) => void;
  readonly setPresenter: (on: boolean) => void;
}

export interface EmbedSlice {
  /** The embed's settings when the page is an embed (an `embed=1` link); null: the full app. */
  readonly embed: EmbedSettings | null;
}

export type LoopscopeState = EditorSlice & RunSlice & PlaybackSlice & FindingsSlice & PrefsSlice & EmbedSlice & CompareSlice & BreakpointsSlice & PredictSlice;

export interface Timers {
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  readonly setInterval: (fn: () => void, ms: number) => unknown;
  readonly clearInterval: (handle: unknown) => void;
}

/** Everything the store needs from the outside world, injected so tests can fake it. */
export interface StoreDeps {
  readonly createEngine: (onEvent: (event: EngineEvent) => void) => EngineClient;
  readonly storage: KeyValueStore;
  readonly timers: Timers;
  /** navigator.languages, to pick the first UI language. */
  readonly languages: readonly string[];
  /** The program the editor opens with when nothing is saved, in the UI's language. */
  readonly defaultSource: (lang: Lang) => string;
  readonly runOptions: RunOptions;
}

export type SetState = (partial: Partial<LoopscopeState> | ((s: LoopscopeState) => Partial<LoopscopeState>)) => void;
export type GetState = () => LoopscopeState;
