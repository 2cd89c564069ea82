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
 * While scrubbing, how often the heavy panes catch up with the cursor: about 7 times a second,
 * so one frame in nine pays for them (a frame that does misses its deadline on a 1,000-task
 * page), and a learner still sees them move with the scrub.
 */
export const PANE_FOLLOW_MS = 150;
