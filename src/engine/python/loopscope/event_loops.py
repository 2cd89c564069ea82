"""Which event loop the learner's program gets: a VirtualLoop of this run, wherever it asks.

asyncio asks its event-loop policy: asyncio.run() and asyncio.Runner() with no loop_factory call
events.new_event_loop() and events.set_event_loop(); get_event_loop() (C, also called by
asyncio.Future() and asyncio.Task() given no loop) returns the running loop or asks the
policy's get_event_loop(). For the length of a run the policy is the run's own RunPolicy, with
CPython 3.14's rules (no loop set: RuntimeError), or with 3.13's under `compat` (no loop set:
a DeprecationWarning, and a new loop is set: compat.py). Pyodide's own policy (its WebLoop) is put aside.

Loops the program builds itself are the run's too: asyncio.SelectorEventLoop, asyncio.EventLoop
(and the default policy's loop factory, for a program that sets a DefaultEventLoopPolicy) are
ProgramLoop, a VirtualLoop that finds the run by itself. asyncio.BaseEventLoop stays CPython's:
used directly it fails as CPython's does (it has no selector).

Pyodide's asyncio.run is put aside for the run the same way, and asyncio.Task is the run's own
task class (tasks.VTask), so that a task the program makes directly is named as CPython names it."""
import asyncio
from asyncio import events, tasks, unix_events

from . import compat
from .asyncio_internals import cpython_asyncio_run, get_running_loop_or_none, set_running_loop
from . import tasks as run_tasks
from .loop import VirtualLoop

# The run in progress: a ProgramLoop() the program builds belongs to it.
_RUN = [None]

# Where asyncio keeps the class of its default loop; the program's loops are made from these.
_LOOP_CLASSES = ((asyncio, "SelectorEventLoop"), (asyncio, "EventLoop"),
                 (unix_events, "SelectorEventLoop"), (unix_events, "EventLoop"),
                 (unix_events, "_UnixSelectorEventLoop"),
                 (unix_events._UnixDefaultEventLoopPolicy, "_loop_factory"))


class ProgramLoop(VirtualLoop):
    """asyncio.SelectorEventLoop() / asyncio.EventLoop() as the program builds them (a
    loop_factory, a subclass): a loop of the run in progress. `selector` is accepted as
    CPython's constructor accepts it; there is no selector to use."""

    def __init__(self, selector=None):
        super().__init__(_RUN[0])


ProgramLoop.__name__ = ProgramLoop.__qualname__ = "_UnixSelectorEventLoop"


class RunPolicy(unix_events._UnixDefaultEventLoopPolicy):
    """The default policy (it is one: isinstance(policy, asyncio.DefaultEventLoopPolicy)),
    holding the run's current loop, whose new loops are the run's. Its get_event_loop and
    set_event_loop are the base class's: CPython 3.14's, or 3.13's under compat (compat.py)."""

    def new_event_loop(self):
        return ProgramLoop()


RunPolicy.__name__ = RunPolicy.__qualname__ = unix_events._UnixDefaultEventLoopPolicy.__name__


class RunLoops:
    """The run's event-loop policy and loop classes, installed while it runs."""

    def __init__(self, run):
        self.run = run

    def __enter__(self):
        self.saved = [(owner, name, getattr(owner, name)) for owner, name in _LOOP_CLASSES]
        self.saved.append((asyncio, "run", asyncio.run))
        self.saved += [(asyncio, "Task", asyncio.Task), (tasks, "Task", tasks.Task)]
        self.saved.append((events, "_event_loop_policy", events._event_loop_policy))
        self.saved_running = get_running_loop_or_none()
        _RUN[0] = run_tasks.RUN[0] = self.run
        for owner, name in _LOOP_CLASSES:
            setattr(owner, name, ProgramLoop)
        # asyncio.Task(coro), made directly, is named and numbered by the run (tasks.py).
        asyncio.Task = tasks.Task = self.run.task_class
        events._event_loop_policy = RunPolicy()
        # Pyodide replaces asyncio.run with its own; the learner gets CPython's.
        asyncio.run = cpython_asyncio_run
        # Pyodide's WebLoop counts as running: the program starts with no loop running.
        set_running_loop(None)
        self.policy_api = compat.PolicyApi(self.run).__enter__()
        return self

    def __exit__(self, *exc):
        self.policy_api.__exit__(*exc)
        for owner, name, value in self.saved:
            setattr(owner, name, value)
        set_running_loop(self.saved_running)
        _RUN[0] = run_tasks.RUN[0] = None
        return False
