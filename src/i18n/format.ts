/**
 * Numbers as the page writes them, the same in both languages: virtual times with their unit,
 * delays as the learner typed them, task labels. src/trace hands over seconds and names; these
 * make the text.
 */
import type { Seconds } from '../protocol/trace';
import type { CallRef, RequestRef, TaskLabel } from '../trace/narration';

/** Virtual time as the UI shows it: milliseconds resolution, unit attached ("1.250 s"). */
export function formatTime(t: Seconds): string {
  const ms = Math.round(t * 1000) / 1000;
  return `${(ms === 0 ? 0 : ms).toFixed(3)} s`;
}

/** A delay as the learner wrote it: sleep(1), sleep(0.5), not sleep(1.000). */
export function formatDelay(d: Seconds): string {
  return String(Number(d.toFixed(6)));
}

/** "fetch", or "worker (Task-3)" when several tasks run `worker`: names of code, in both languages. */
export function taskLabelText({ label, which }: TaskLabel): string {
  return which === null ? label : `${label} (${which})`;
}

/** A plain callback as called: "callback(3)", "Future.set_result". */
export function callText({ fn, args }: CallRef): string {
  return args === null ? fn : `${fn}${args}`;
}

/** A simulated HTTP request as HTTP writes it: "GET https://example.com/", in both languages. */
export function requestText({ method, url }: RequestRef): string {
  return `${method} ${url}`;
}
