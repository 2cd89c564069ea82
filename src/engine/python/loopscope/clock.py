"""The virtual clock: one per run. asyncio.sleep(10) takes no real time; time.sleep(d) in the
loop's thread advances the clock while blocking everything (the classic mistake, made visible);
inside a simulated executor worker, time.sleep only advances that worker's own clock."""
import datetime as datetime_module
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


def _wall(secs=None):
    """The wall-clock time a time-module function reads: `secs` when the program gives one,
    else EPOCH plus the virtual clock."""
    return EPOCH + CLOCK.read() if secs is None else secs


# Real C functions, bound before any patch: the virtual ones call them with a virtual timestamp.
_REAL_GMTIME = time.gmtime
_REAL_STRFTIME = time.strftime
_REAL_ASCTIME = time.asctime


def _gmtime(secs=None):
    return _REAL_GMTIME(_wall(secs))


def _strftime(format, t=None):
    return _REAL_STRFTIME(format, _gmtime() if t is None else t)


def _asctime(t=None):
    return _REAL_ASCTIME(_gmtime() if t is None else t)


def _ctime(secs=None):
    return _REAL_ASCTIME(_gmtime(secs))


# The functions of the time module that read or spend time, in virtual time. The program's zone
# is UTC (localtime is gmtime): the browser's own zone would make runs differ from place to place.
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
    "gmtime": _gmtime,
    "localtime": _gmtime,
    "ctime": _ctime,
    "asctime": _asctime,
    "strftime": _strftime,
    "timezone": 0,
    "altzone": 0,
    "daylight": 0,
    "tzname": ("UTC", "UTC"),
}


class TimePatch:
    """Swap the time module's functions, and datetime's clock readers, for virtual ones for the
    length of a run."""

    def __enter__(self):
        self.saved = {k: getattr(time, k) for k in TIME_PATCH}
        for k, v in TIME_PATCH.items():
            setattr(time, k, v)
        self.saved_datetime = datetime_module.datetime
        datetime_module.datetime = VirtualDatetime
        return self

    def __exit__(self, *exc):
        for k, v in self.saved.items():
            setattr(time, k, v)
        datetime_module.datetime = self.saved_datetime
        return False


_REAL_DATETIME = datetime_module.datetime


class VirtualDatetime(_REAL_DATETIME):
    """datetime.datetime whose now(), today() and utcnow() read the virtual clock in UTC.

    The C datetime reads the system clock itself, not time.time(), so the class the program
    imports is this subclass for the length of a run; its instances print and pickle as
    datetime.datetime's. (date.today() cannot be redirected this way: date is the base of
    datetime, and a subclass of it would break isinstance(a_datetime, date).)"""

    __slots__ = ()

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(EPOCH + CLOCK.read(), tz)

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def utcnow(cls):
        return cls.now()

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        if tz is None:
            # Local time is UTC in a run (see TIME_PATCH), whatever the browser's zone.
            return super().fromtimestamp(t, datetime_module.timezone.utc).replace(tzinfo=None)
        return super().fromtimestamp(t, tz)

    def __repr__(self):
        return "datetime." + super().__repr__()


VirtualDatetime.__name__ = VirtualDatetime.__qualname__ = "datetime"
VirtualDatetime.__module__ = "datetime"
