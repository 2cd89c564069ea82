"""The virtual clock: one per run. asyncio.sleep(10) takes no real time; time.sleep(d) in the
loop's thread advances the clock while blocking everything (the classic mistake, made visible);
inside a simulated executor worker, time.sleep only advances that worker's own clock."""
import time

# What time.time() reads at virtual t = 0: a fixed wall-clock moment keeps runs deterministic.
EPOCH = 1_700_000_000.0


class ExecutorJob:
    """A function running on a simulated worker thread: its own clock starts at `start`."""

    __slots__ = ("start", "elapsed", "prints")

    def __init__(self, start):
        self.start = start
        self.elapsed = 0.0
        # (virtual time, stream, text): replayed into the real stream at that time.
        self.prints = []


class Clock:
    def __init__(self):
        self.now = 0.0
        self.job = None          # the ExecutorJob running right now, if any
        # Called with (seconds, frame, request) when time.sleep blocks the loop's thread;
        # request is {"method", "url"} when a simulated `requests` call blocks (net/wire.py).
        self.on_block = None

    def read(self):
        job = self.job
        return self.now + job.elapsed if job is not None else self.now

    def sleep(self, secs, frame, request=None):
        if secs < 0:
            raise ValueError("sleep length must be non-negative")
        job = self.job
        if job is not None:
            job.elapsed += secs
            return
        if self.on_block is not None:
            self.on_block(secs, frame, request)
        self.now += secs


CLOCK = Clock()


def _sleep(secs):
    import sys
    CLOCK.sleep(float(secs), sys._getframe(1))


# The functions of the time module that read or spend time, in virtual time.
TIME_PATCH = {
    "sleep": _sleep,
    "time": lambda: EPOCH + CLOCK.read(),
    "time_ns": lambda: int((EPOCH + CLOCK.read()) * 1e9),
    "monotonic": lambda: CLOCK.read(),
    "monotonic_ns": lambda: int(CLOCK.read() * 1e9),
    "perf_counter": lambda: CLOCK.read(),
    "perf_counter_ns": lambda: int(CLOCK.read() * 1e9),
    "process_time": lambda: CLOCK.read(),
    "process_time_ns": lambda: int(CLOCK.read() * 1e9),
}


class TimePatch:
    """Swap the time module's functions for virtual ones for the length of a run."""

    def __enter__(self):
        self.saved = {k: getattr(time, k) for k in TIME_PATCH}
        for k, v in TIME_PATCH.items():
            setattr(time, k, v)
        return self

    def __exit__(self, *exc):
        for k, v in self.saved.items():
            setattr(time, k, v)
        return False
