"""The limits a run is held to, the RunEnd facts a limit ends a run with, and the exception
that ends a run early.

RunEnded subclasses KeyboardInterrupt on purpose: asyncio's Handle and Task re-raise
KeyboardInterrupt and SystemExit out of the loop instead of handing them to the exception
handler, and `except Exception` in the learner's code cannot swallow it. (`except BaseException`
can: every check below first re-raises a run that has already ended.)"""
from time import perf_counter as _real_perf_counter  # bound before the time module is patched


# Iterations without an await after which a flood of events is blamed on the loop (busy-loop),
# not on the events limit.
BUSY_ENOUGH = 10_000


class Limits:
    def __init__(self, d):
        self.max_steps = int(d.get("maxSteps", 100_000))
        self.max_virtual_time = float(d.get("maxVirtualTime", 3_600.0))
        self.max_lines = int(d.get("maxLines", 1_000_000))
        self.max_output = int(d.get("maxOutput", 1_000_000))
        self.max_wall = float(d.get("maxWallSeconds", 10.0))
        self.max_events = int(d.get("maxEvents", 1_000_000))
        self.max_memory = int(d.get("maxMemoryBytes", 1024 ** 3))
        self.wall0 = _real_perf_counter()

    def wall_exceeded(self):
        return _real_perf_counter() - self.wall0 > self.max_wall


# Reads the size of the WebAssembly heap (set by the engine's host at start-up).
HEAP_PROBE = [None]


def set_heap_probe(probe):
    HEAP_PROBE[0] = probe


def memory_exceeded(limits):
    probe = HEAP_PROBE[0]
    return probe is not None and probe() > limits.max_memory


def real_ms_since(t0):
    return (_real_perf_counter() - t0) * 1000.0


def real_now():
    return _real_perf_counter()


class RunEnded(KeyboardInterrupt):
    """The run must stop now; `end` is the RunEnd dict the trace will carry."""

    def __init__(self, end):
        super().__init__(end["kind"])
        self.end = end


# ------------------------------------------------------------------ the LimitEnd facts
# One constructor per LimitEnd of src/protocol/trace.ts, with exactly its fields: the words are
# made by src/i18n from these figures.

def _limit(limit, line, **figures):
    return {"kind": "limit", "limit": limit, "line": line, **figures}


def steps_end(limits, line, now):
    return _limit("steps", line, max=limits.max_steps, t=now)


def timer_past_clock_end(limits, when):
    """The loop's next timer is due past the clock's limit (`when` may be inf: encode makes it 1e308)."""
    return _limit("virtual-time", None, max=limits.max_virtual_time, cause="timer", at=when)


def sleep_past_clock_end(limits, line, secs):
    """time.sleep(secs) at `line` would block past the clock's limit."""
    return _limit("virtual-time", line, max=limits.max_virtual_time, cause="time.sleep", at=secs)


def request_past_clock_end(limits, line, secs, request):
    """A blocking simulated request (requests, httpx.get) at `line` would block past the clock's
    limit: `request` is its BlockingRequest ({"lib", "method", "url"})."""
    return _limit("virtual-time", line, max=limits.max_virtual_time, cause="request", at=secs,
                  request=request)


def busy_loop_end(line, rounds):
    return _limit("busy-loop", line, rounds=rounds)


def output_end(limits, line):
    return _limit("output", line, max=limits.max_output)


def wall_clock_end(limits, line):
    """Python noticed the real-time limit itself (the host reports `c-call` when it had to)."""
    return _limit("wall-clock", line, max=limits.max_wall, where="python")


def events_end(limits, line):
    return _limit("events", line, max=limits.max_events)


def heap_end(limits, line):
    return _limit("memory", line, maxBytes=limits.max_memory, cause="heap")


def memory_error_end(limits, line):
    """Python's allocator failed before the heap reached the limit: the program got MemoryError."""
    return _limit("memory", line, maxBytes=limits.max_memory, cause="memory-error")
