"""The virtual clock: one per run. asyncio.sleep(10) takes no real time; time.sleep(d) in the
loop's thread advances the clock while blocking everything (the classic mistake, made visible);
inside a simulated executor worker, time.sleep only advances that worker's own clock."""
import copyreg
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
        self.saved_classes = (datetime_module.date, datetime_module.datetime)
        self.saved_reducers = {c: copyreg.dispatch_table.get(c) for c in _REAL_CLASSES}
        datetime_module.date = VirtualDate
        datetime_module.datetime = VirtualDatetime
        # A real date or datetime (a_datetime.date(), datetime.max) pickles under the name
        # datetime.date, which is now the virtual class: pickle would refuse a class that is not
        # the one its name finds. Reduced through the virtual class, the bytes are the same.
        for real, virtual in _REAL_CLASSES.items():
            copyreg.pickle(real, _reduce_through(virtual))
        return self

    def __exit__(self, *exc):
        for k, v in self.saved.items():
            setattr(time, k, v)
        datetime_module.date, datetime_module.datetime = self.saved_classes
        for real, saved in self.saved_reducers.items():
            if saved is None:
                copyreg.dispatch_table.pop(real, None)
            else:
                copyreg.dispatch_table[real] = saved
        return False


def _reduce_through(virtual):
    def reduce(obj):
        _, args = obj.__reduce__()
        return virtual, args
    return reduce


_REAL_DATE = datetime_module.date
_REAL_DATETIME = datetime_module.datetime


class VirtualDatetime(_REAL_DATETIME):
    """datetime.datetime whose now(), today() and utcnow() read the virtual clock in UTC.

    The C datetime reads the system clock itself, not time.time(), so the class the program
    imports is this subclass for the length of a run; its instances print and pickle as
    datetime.datetime's. (date is VirtualDate, below.)"""

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


class _DateClass(type):
    """The metaclass of VirtualDate: isinstance(x, date) and issubclass(c, date) ask the real
    date, so a datetime (which derives from the real date, not from VirtualDate) is still one."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, _REAL_DATE) if cls is VirtualDate else type.__instancecheck__(cls, obj)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, _REAL_DATE) if cls is VirtualDate else type.__subclasscheck__(cls, sub)


class VirtualDate(_REAL_DATE, metaclass=_DateClass):
    """datetime.date whose today() and fromtimestamp() read the virtual clock in UTC.

    C's date.today() does call time.time() (virtual), but turns it into a date with the C
    library's local time, which in Pyodide is the browser's zone: at 22:13 UTC the learner in
    Beijing would get tomorrow. fromtimestamp, like VirtualDatetime's, uses UTC. Its instances
    are real dates, as CPython's are."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        # date(2023, 1, 1) is a real date, as a_datetime.date() is: one type for every date
        # the program sees (a program's own subclass of date stays its own).
        if cls is VirtualDate:
            return _REAL_DATE(*args, **kwargs)
        return super().__new__(cls, *args, **kwargs)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(EPOCH + CLOCK.read())

    @classmethod
    def fromtimestamp(cls, t):
        day = _REAL_DATETIME.fromtimestamp(t, datetime_module.timezone.utc)
        return cls(day.year, day.month, day.day)


VirtualDate.__name__ = VirtualDate.__qualname__ = "date"
VirtualDate.__module__ = "datetime"

# Instances of the real classes that pickle must name through the virtual ones (TimePatch).
_REAL_CLASSES = {_REAL_DATE: VirtualDate, _REAL_DATETIME: VirtualDatetime}
