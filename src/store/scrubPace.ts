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
 * While scrubbing, how often the heavy panes catch up with the cursor: about 3 times a second.
 * A catch-up renders every pane and the editor's marks in one frame, which then runs two or
 * three frames long; at 150 ms the 100,000-step page scrubbed at 44 fps, at 300 ms at 55 fps
 * (page bench, quiet machine), and the learner still sees the panes move with the scrub.
 */
export const PANE_FOLLOW_MS = 300;
