/**
 * How a scrub is paced (playbackSlice.ts). On their own, without imports, so the page bench
 * (checked without the DOM) can space its seeks by them.
 */

/**
 * A seek this soon after the last is part of a scrub, and this long after the last seek the
 * scrub has stopped. Longer than the gap between two frames of a loaded machine (the page
 * bench's scrub saw frames up to 48 ms apart), short enough that the panes settle as the
 * pointer comes to rest.
 */
export const SCRUB_SETTLE_MS = 120;

/**
 * While scrubbing, how often the heavy panes catch up with the cursor: about 3 times a second,
 * so the learner sees the panes move with the scrub. A catch-up is spread over PANE_TURNS.length
 * frames (PANE_TURN_MS apart), one group of panes a frame, so no frame of the scrub renders them
 * all (when one did, that frame ran two or three frames long).
 */
export const PANE_FOLLOW_MS = 300;

/**
 * The heavy panes in the order they catch up during a scrub, a group a frame: the biggest first
 * (the Objects view and the await graph), then the ready queue, the narration with the timeline's
 * spoken summary, the timers with the cancellations and the console, and the editor's line marks
 * last (setting them makes Monaco measure its lines in the next frame, a forced layout of the page).
 */
export const PANE_TURNS = ['objects', 'readyQueue', 'narration', 'timers', 'editor'] as const;

/** A group of heavy panes that catches up in one frame of a scrub. */
export type PaneTurn = (typeof PANE_TURNS)[number];

/** How long after one group of panes the next catches up: a frame. */
export const PANE_TURN_MS = 16;
