"""as_completed() with its awaitables taken in the order the program gave them.

CPython's as_completed starts with `{ensure_future(aw) for aw in set(aws)}`: coroutines go into a
set, which iterates in the order of their addresses, and become tasks in that order. Which task
gets which number (and which is scheduled first) then hangs on where the allocator put each
coroutine, which differs from run to run (anything that allocated before, such as a flush of
the trace to the page, moves it): the same program gave different traces. CPython promises no
order there, so any order is one CPython could take; the order given is the one a learner reads
in the code, and the same every run.

For the length of a run, the iterator's __init__ first makes the coroutines (and other
awaitables that are not futures) into tasks in the order given, once each, and hands CPython's
own __init__ those tasks: its set of them iterates by task number (tasks.py's VTask.__hash__),
and everything else it does is its own code."""
from asyncio import ensure_future, futures

from .asyncio_internals import AS_COMPLETED_ITERATOR, get_running_loop_or_none


class AsCompletedOrder:
    """Wraps _AsCompletedIterator.__init__ for a run, then puts it back."""

    def __enter__(self):
        self.original = original = AS_COMPLETED_ITERATOR.__init__

        def __init__(self, aws, timeout):
            original(self, _as_futures(aws), timeout)

        __init__.__qualname__ = original.__qualname__
        __init__.__doc__ = original.__doc__
        AS_COMPLETED_ITERATOR.__init__ = __init__
        return self

    def __exit__(self, *exc):
        AS_COMPLETED_ITERATOR.__init__ = self.original
        return False


def _as_futures(aws):
    """The awaitables as CPython's set(aws) would keep them (each once), those that are not
    futures made into tasks in the order given. A value that is not awaitable is passed on as it
    is, for CPython's ensure_future to refuse with its own TypeError."""
    given = list(aws)
    set(given)             # what cannot go into CPython's set fails as it fails there
    given = list(dict.fromkeys(given))
    loop = get_running_loop_or_none()
    if loop is None or all(futures.isfuture(aw) for aw in given):
        # Outside a running loop CPython's own get_event_loop() decides (it may raise, or warn at
        # the learner's line under compat '3.13'): nothing is made here.
        return given
    made = []
    for aw in given:
        if futures.isfuture(aw):
            made.append(aw)
            continue
        try:
            made.append(ensure_future(aw, loop=loop))
        except TypeError:
            made.append(aw)
    return made
