/**
 * The hosts' watchdog (the page's src/host/engineClient.ts, the CLI's cli/engineHost.ts): kills
 * an engine stuck in one C call past the run's wall-clock limit, and tells it from a run that is
 * still working. Python checks its limits itself, so a run normally ends before the watchdog; but
 * one that ended at a limit may spend seconds afterwards closing 100,000 coroutines and writing
 * their trace, sending a heartbeat (an empty progress chunk) between those end phases. When the
 * watchdog fires within LIVELY_MS of the engine's last message, it waits its grace once more, at
 * most WATCHDOG_EXTENSIONS times; an engine silent for LIVELY_MS is stuck.
 */

/** How recent the engine's last message must be for the watchdog to wait longer. */
export const LIVELY_MS = 1000;
/** How many times the watchdog waits one grace more for an engine that is still talking. */
export const WATCHDOG_EXTENSIONS = 2;

export interface WatchdogOptions {
  /** When to fire first (the run's wall-clock limit plus the grace). */
  readonly firstMs: number;
  /** How much longer each extension waits. */
  readonly graceMs: number;
  readonly onKill: () => void;
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  readonly now: () => number;
}

export interface Watchdog {
  /** The engine sent a message (a heartbeat counts). */
  heard(): void;
  /** The run ended: the watchdog will not fire. */
  cancel(): void;
}

export function startWatchdog(opts: WatchdogOptions): Watchdog {
  let lastHeard = opts.now();
  let extensions = 0;
  let timer: unknown = null;
  const fire = (): void => {
    timer = null;
    if (extensions < WATCHDOG_EXTENSIONS && opts.now() - lastHeard < LIVELY_MS) {
      extensions += 1;
      timer = opts.setTimer(fire, opts.graceMs);
      return;
    }
    opts.onKill();
  };
  timer = opts.setTimer(fire, opts.firstMs);
  return {
    heard() {
      lastHeard = opts.now();
    },
    cancel() {
      if (timer !== null) opts.clearTimer(timer);
      timer = null;
    },
  };
}
