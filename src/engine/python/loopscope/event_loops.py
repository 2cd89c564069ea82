"""Which event loop the learner's program gets: a VirtualLoop of this run, wherever it asks.

asyncio.run() and asyncio.Runner() with no loop_factory call asyncio.events.new_event_loop(),
and keep the loop current with events.set_event_loop(); a program may also call
asyncio.new_event_loop() / get_event_loop() / set_event_loop() itself. For the length of a run
these three functions are the run's own, with CPython 3.14's rules (get_event_loop() with no
running loop returns the loop set, or raises RuntimeError): no event-loop policy is involved,
so nothing here depends on the policy API that CPython 3.14 deprecates.

Pyodide's own asyncio.run and its WebLoop are put aside for the run the same way."""
import asyncio
import threading
from asyncio import events

from .asyncio_internals import cpython_asyncio_run, get_running_loop_or_none, set_running_loop
from .loop import VirtualLoop

_HOOKED = ("new_event_loop", "get_event_loop", "set_event_loop")


class RunLoops:
    """The run's new_event_loop / get_event_loop / set_event_loop, installed while it runs."""

    def __init__(self, run):
        self.run = run
        self.current = None          # the loop set_event_loop() made current (asyncio.Runner does)

    def new_event_loop(self):
        return VirtualLoop(self.run)

    def get_event_loop(self):
        loop = get_running_loop_or_none()
        if loop is not None:
            return loop
        if self.current is None:
            # CPython 3.14's words (3.10-3.13 warned and made a loop instead).
            raise RuntimeError("There is no current event loop in thread %r."
                               % threading.current_thread().name)
        return self.current

    def set_event_loop(self, loop):
        if loop is not None and not isinstance(loop, events.AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, "
                            f"not '{type(loop).__name__}'")
        self.current = loop

    def __enter__(self):
        self.saved = [(module, name, getattr(module, name))
                      for module in (events, asyncio) for name in _HOOKED]
        self.saved.append((asyncio, "run", asyncio.run))
        self.saved_running = get_running_loop_or_none()
        for module in (events, asyncio):
            for name in _HOOKED:
                setattr(module, name, getattr(self, name))
        # Pyodide replaces asyncio.run with its own; the learner gets CPython's.
        asyncio.run = cpython_asyncio_run
        # Pyodide's WebLoop counts as running: the program starts with no loop running.
        set_running_loop(None)
        return self

    def __exit__(self, *exc):
        for module, name, value in self.saved:
            setattr(module, name, value)
        set_running_loop(self.saved_running)
        return False
