"""The limits a run is held to, and the exceptions that end a run early.

Both exceptions subclass KeyboardInterrupt on purpose: asyncio's Task and Handle let
KeyboardInterrupt/SystemExit escape instead of storing them as a task's result, and
`except Exception` in the learner's code cannot swallow them."""
from time import perf_counter as _real_perf_counter  # bound before the time module is patched


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


def memory_end(limits, line):
    return limit_end("memory", f"The program used more than {limits.max_memory // 2**20:,} MB of "
                     "memory.", line)


def real_ms_since(t0):
    return (_real_perf_counter() - t0) * 1000.0


def real_now():
    return _real_perf_counter()


class RunEnded(KeyboardInterrupt):
    """The run must stop now; `end` is the RunEnd dict the trace will carry."""

    def __init__(self, end):
        super().__init__(end.get("message", ""))
        self.end = end


def limit_end(kind, message, line):
    return {"kind": "limit", "limit": kind, "message": message, "line": line}
