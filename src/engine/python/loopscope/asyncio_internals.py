"""Every private name of CPython's asyncio (and of Pyodide) the engine reads, with what for.

asyncio's private names change between Python versions without notice. Read from one place and
checked when the engine boots (`check`, at import of this module, so at import of
loopscope.run), a rename fails loudly, naming what is missing, instead of silently turning a
cancel's `via` into "loop" or a task's step into a plain callback.

Objects (classes, functions, code) are taken from here by the other modules. Attributes read on
asyncio's objects (`task._fut_waiter`...) are read directly where they are needed, because the
recorder is the hot path, but they are listed here and checked on real objects at boot."""
import importlib
import sys

_MODULES = ("asyncio", "asyncio.base_events", "asyncio.coroutines", "asyncio.events",
            "asyncio.futures", "asyncio.locks", "asyncio.queues", "asyncio.runners",
            "asyncio.taskgroups", "asyncio.tasks", "asyncio.timeouts", "asyncio.unix_events",
            "warnings")

# ------------------------------------------------------------------ names in asyncio's modules
# (module, dotted name): what Loopscope uses it for.
NAMES = {
    ("asyncio.tasks", "_PyTask"):
        "the pure-Python Task: a task made from it is a task too (TASK_TYPES)",
    ("asyncio.tasks", "_GatheringFuture"):
        "gather()'s future: a task awaiting one waits on its children (AwaitTarget 'gather')",
    ("asyncio.futures", "_PyFuture"):
        "the pure-Python Future: a plain future the learner awaits is of it or of the C Future",
    ("asyncio.tasks", "shield"):
        "its code: the future create_future makes inside it is the shield's outer one (objects)",
    ("asyncio.tasks", "gather"):
        "its frame makes the _GatheringFuture: its local return_exceptions is read there",
    ("asyncio.base_events", "BaseEventLoop.create_future"):
        "wrapped for a run: a future the learner's code (or shield()) makes is an object",
    ("asyncio.futures", "_set_result_unless_cancelled"):
        "the timer callback of asyncio.sleep(delay): its handle is that sleep (HandleTarget 'sleep')",
    ("asyncio.events", "_get_running_loop"):
        "which loop runs now, without raising (the run's get_event_loop)",
    ("asyncio.events", "_set_running_loop"):
        "Pyodide's WebLoop counts as running: cleared for a run, restored after",
    ("asyncio.events", "Handle._run"):
        "its code: a cancel() called from it was scheduled by the learner (call_soon(task.cancel))",
    ("asyncio.tasks", "_AsCompletedIterator.__init__"):
        "as_completed()'s start, which puts its awaitables in a set: wrapped for a run so that "
        "coroutines become tasks in the order given, not in the order of their addresses "
        "(as_completed_order.py)",
    ("asyncio.runners", "run"):
        "CPython's asyncio.run: Pyodide replaces asyncio.run with its own, the learner gets this",
    ("asyncio.base_events", "BaseEventLoop._call_soon"):
        "overridden: every handle gets its number and owner when scheduled",
    ("asyncio.base_events", "BaseEventLoop._run_once"):
        "overridden by a copy with a virtual select() (see RUN_ONCE_READS)",
    ("asyncio.base_events", "BaseEventLoop._process_events"):
        "overridden: there is no selector",
    ("asyncio.base_events", "BaseEventLoop._write_to_self"):
        "overridden: there is no self-pipe",
    ("asyncio.base_events", "BaseEventLoop._timer_handle_cancelled"):
        "overridden: a cancelled timer is recorded ('unsched')",
    ("asyncio.base_events", "BaseEventLoop._check_closed"):
        "called, as BaseEventLoop's own call_at and run_in_executor do",
    ("asyncio.base_events", "_format_handle"):
        "debug mode's 'Executing <Task ...> took 0.200 seconds', worded as _run_once words it",
    ("asyncio.base_events", "logger"):
        "asyncio's logger, which debug mode's slow-step line goes to",
    ("asyncio.events", "_event_loop_policy"):
        "the policy asyncio asks for loops (C get_event_loop too): the run's RunPolicy for a run",
    ("asyncio.events", "_get_event_loop_policy"):
        "the policy, without 3.14's DeprecationWarning (compat '3.13', and the 3.14 wrappers)",
    ("asyncio.events", "_set_event_loop_policy"):
        "sets the policy, without 3.14's DeprecationWarning (compat '3.13', and the 3.14 wrappers)",
    ("asyncio.events", "_AbstractEventLoopPolicy"):
        "asyncio.AbstractEventLoopPolicy (3.14 warns for the public name); a policy's frame "
        "in a traceback (the removed-api hint of get_event_loop)",
    ("asyncio.events", "_BaseDefaultEventLoopPolicy"):
        "3.13's events.BaseDefaultEventLoopPolicy, under compat '3.13'",
    ("asyncio.unix_events", "_UnixDefaultEventLoopPolicy"):
        "the default policy: RunPolicy is one; its _loop_factory makes the run's loops",
    ("asyncio.unix_events", "_UnixDefaultEventLoopPolicy._loop_factory"):
        "the class of loop a DefaultEventLoopPolicy the program sets makes: the run's",
    ("asyncio.unix_events", "_UnixSelectorEventLoop"):
        "asyncio.SelectorEventLoop: the program's own loops are the run's",
    ("asyncio.unix_events", "_DefaultEventLoopPolicy"):
        "asyncio.DefaultEventLoopPolicy (3.14 warns for the public name)",
    ("asyncio.coroutines", "_iscoroutinefunction"):
        "asyncio.iscoroutinefunction without 3.14's DeprecationWarning, under compat '3.13'",
    ("asyncio", "__getattr__"):
        "asyncio's module __getattr__ (3.14's deprecated policy names): wrapped for a run",
    ("warnings", "_deprecated"):
        "3.14's deprecation warning of the policy API, worded and placed as asyncio's",
    ("warnings", "_showwarnmsg"):
        "warnings' own hook: unlike showwarning it gets the WarningMessage with its source, "
        "which CPython's 'Enable tracemalloc' line after a coroutine never awaited needs",
}

# The names BaseEventLoop._run_once reads: VirtualLoop._run_once is a copy of it with a virtual
# clock instead of the selector. If CPython's changes, the copy must be looked at again.
RUN_ONCE_READS = frozenset((
    "len", "_scheduled", "_MIN_SCHEDULED_TIMER_HANDLES", "_timer_cancelled_count",
    "_MIN_CANCELLED_TIMER_HANDLES_FRACTION", "_cancelled", "append", "heapq", "heapify", "heappop",
    "_ready", "_stopping", "_when", "time", "MAXIMUM_SELECT_TIMEOUT", "_selector", "select",
    "_process_events", "_clock_resolution", "range", "popleft", "_debug", "_current_handle", "_run",
    "slow_callback_duration", "logger", "warning", "_format_handle",
))

# ------------------------------------------------------------------ attributes of asyncio's objects
# (object, attribute): what Loopscope reads it for. Checked on real objects made at boot.
ATTRIBUTES = {
    ("loop", "_ready"): "the ready queue: the copy of _run_once runs it, and handles join it",
    ("loop", "_scheduled"): "the timer heap: the clock jumps to its earliest timer",
    ("loop", "_stopping"): "loop.stop() was called: _run_once must not wait",
    ("loop", "_current_handle"): "the handle running now (TaskGroup's abort: which child failed)",
    ("loop", "_timer_cancelled_count"): "kept right when _run_once drops cancelled timers",
    ("loop", "_clock_resolution"): "timers due within it of now run in this iteration",
    ("handle", "_callback"): "what a handle runs (its HandleTarget)",
    ("handle", "_args"): "its arguments (a wakeup's future, a sleep's future, a callback's args)",
    ("handle", "_cancelled"): "a cancelled handle is skipped ('skip')",
    ("handle", "_loop"): "the loop whose recorder a cancelled handle reports to",
    ("timer", "_when"): "a timer's deadline",
    ("timer", "_scheduled"): "a timer still in the heap",
    ("task", "_state"): "how a step left the task: PENDING, CANCELLED or FINISHED",
    ("task", "_fut_waiter"): "what a suspended task waits on (AwaitTarget)",
    ("task", "_must_cancel"): "a cancel() that the next step throws in ('run' x: CancelledError)",
    ("task", "_exception"): "a finished task's exception, read without marking it retrieved",
    ("task", "_result"): "a finished task's result, read without task.result()",
    ("task", "_cancel_message"): "the message of cancel(msg)",
    ("task", "_source_traceback"): "debug mode's 'created at': the engine's own frames are dropped",
    ("future", "_exception"): "the exception a wakeup throws into the task",
    ("policy", "_local"): "a default policy's thread-local state (3.13's get_event_loop, under compat)",
    ("policy-local", "_loop"): "the loop a default policy holds (3.13's get_event_loop, under compat)",
    ("timeout", "_task"): "the task an asyncio.timeout deadline will cancel",
    ("gathering", "_children"): "the tasks gather() waits for",
}

# ------------------------------------------------------------------ the objects a program makes
# The classes whose objects are recorded (objects.py wraps their __init__ for a run), and what
# objects.py reads on them after each step: (class, attribute): what for. Checked on real objects.
WATCHED_CLASS_NAMES = (("asyncio.locks", "Lock"), ("asyncio.locks", "Event"),
                       ("asyncio.locks", "Condition"), ("asyncio.locks", "Semaphore"),
                       ("asyncio.locks", "BoundedSemaphore"), ("asyncio.locks", "Barrier"),
                       ("asyncio.queues", "Queue"), ("asyncio.queues", "PriorityQueue"),
                       ("asyncio.queues", "LifoQueue"), ("asyncio.tasks", "_GatheringFuture"),
                       ("asyncio.taskgroups", "TaskGroup"), ("asyncio.timeouts", "Timeout"))
# Locals of asyncio's functions read in their frames: (function, local): what for.
FRAME_LOCALS = {
    ("gather", "return_exceptions"): "gather(return_exceptions=True): shown on its card",
    ("shield", "inner"): "the future (often a task) a shield protects, when its outer is made",
}
OBJECT_READS = {
    ("Lock", "_locked"): "whether the lock is held",
    ("Lock", "_waiters"): "the tasks waiting for it, FIFO (a deque of futures, or None)",
    ("Semaphore", "_value"): "the permits left (and, as it falls, who took one)",
    ("Semaphore", "_waiters"): "the tasks waiting for a permit, FIFO",
    ("Event", "_value"): "whether the event is set",
    ("Event", "_waiters"): "the tasks waiting for it to be set",
    ("Condition", "_lock"): "the condition's lock: held or not",
    ("Condition", "_waiters"): "the tasks in wait(), FIFO: notify(n) wakes the first n",
    ("Queue", "_queue"): "the items, in storage order (a deque; a heap for PriorityQueue)",
    ("Queue", "_maxsize"): "its size limit",
    ("Queue", "_getters"): "the tasks waiting in get(), FIFO",
    ("Queue", "_putters"): "the tasks waiting in put() on a full queue, FIFO",
    ("Queue", "_unfinished_tasks"): "items put and not yet task_done()",
    ("Queue", "_finished"): "the Event join() waits on: its waiters are the joiners",
    ("Barrier", "_count"): "how many tasks are in the barrier",
    ("Barrier", "_state"): "filling, draining, resetting or broken (an enum whose value says so)",
    ("Barrier", "_parties"): "how many it waits for",
    ("Barrier", "_cond"): "the Condition the waiting tasks wait in",
    ("Future", "_state"): "PENDING, FINISHED or CANCELLED (also a gather's)",
    ("Future", "_result"): "its result, read without result() (which would mark it retrieved)",
    ("Future", "_exception"): "its exception, read without exception()",
    ("Future", "_callbacks"): "its done callbacks: a task's wakeup among them is an awaiter",
    ("gather", "_children"): "the futures (mostly tasks) gather() waits for",
    ("TaskGroup", "_entered"): "async with entered it",
    ("TaskGroup", "_exiting"): "its __aexit__ runs: the parent waits for the children",
    ("TaskGroup", "_aborting"): "a child failed (or the parent was cancelled): the rest are cancelled",
    ("TaskGroup", "_tasks"): "its children still running (a set)",
    ("TaskGroup", "_parent_task"): "the task that runs async with",
    ("TaskGroup", "_errors"): "the children's exceptions so far (None once raised as a group)",
    ("TaskGroup", "_on_completed_fut"): "the future __aexit__ waits on: set, the parent runs soon",
    ("Timeout", "_state"): "created, active, expiring, expired or finished (an enum's value)",
    ("Timeout", "_when"): "its deadline on the loop's clock (None: never)",
    ("Timeout", "_task"): "the task it will cancel at the deadline",
}

# Which asyncio function asked for a cancellation, by the qualified name of its code: the code's
# qualname -> (its module, the CancelVia of src/protocol/trace.ts).
CANCEL_VIA_CODE = {
    "Timeout._on_timeout": ("asyncio.timeouts", "timeout"),
    "Timeout.__aexit__": ("asyncio.timeouts", "timeout"),
    "TaskGroup._abort": ("asyncio.taskgroups", "TaskGroup"),
    "TaskGroup._on_task_done": ("asyncio.taskgroups", "TaskGroup"),
    "TaskGroup.__aexit__": ("asyncio.taskgroups", "TaskGroup"),
    "TaskGroup._aexit": ("asyncio.taskgroups", "TaskGroup"),
    "_GatheringFuture.cancel": ("asyncio.tasks", "gather"),
    "_cancel_all_tasks": ("asyncio.runners", "runner"),
    "Runner._on_sigint": ("asyncio.runners", "runner"),
    "Runner.run": ("asyncio.runners", "runner"),
    "wait_for": ("asyncio.tasks", "wait_for"),
}
CANCEL_VIA = {qualname: via for qualname, (_module, via) in CANCEL_VIA_CODE.items()}
# asyncio.wait_for's code: a Timeout scheduled from inside it is wait_for's deadline.
WAIT_FOR_QUALNAME = "wait_for"

# The callbacks a task schedules for itself. The C Task's step is a TaskStepMethWrapper (a C type
# with no __name__), its wakeup the bound method task_wakeup; the pure-Python Task's are the
# bound methods __step and __wakeup.
C_TASK_STEP_TYPE = "TaskStepMethWrapper"
STEP_NAMES = frozenset(("__step",))
WAKEUP_NAMES = frozenset(("task_wakeup", "__wakeup"))

# ------------------------------------------------------------------ Pyodide
# Pyodide's import hook that builds `js` from the page: its class is Pyodide's JsFinder, in a
# module of Pyodide's. The sandbox takes it off sys.meta_path for a run.
def is_javascript_finder(finder):
    kind = finder if isinstance(finder, type) else type(finder)
    return "pyodide" in (kind.__module__ or "") or "Js" in kind.__name__


# ------------------------------------------------------------------ the check
class MissingInternal(RuntimeError):
    """This Python's asyncio lacks a name the engine reads: the engine cannot be trusted on it."""

    def __init__(self, name, purpose):
        super().__init__(
            f"Loopscope's engine reads {name} ({purpose}), which this Python "
            f"({sys.version.split()[0]}) does not have: see loopscope/asyncio_internals.py")
        self.name = name


def _resolve(modules, module, dotted):
    obj = modules[module]
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _check_names(modules):
    for (module, dotted), purpose in NAMES.items():
        try:
            _resolve(modules, module, dotted)
        except AttributeError:
            raise MissingInternal(f"{module}.{dotted}", purpose) from None
    reads = frozenset(_resolve(modules, "asyncio.base_events",
                               "BaseEventLoop._run_once").__code__.co_names)
    if reads != RUN_ONCE_READS:
        changed = sorted(reads ^ RUN_ONCE_READS)
        raise MissingInternal(f"BaseEventLoop._run_once as it was (it changed: {', '.join(changed)})",
                              NAMES[("asyncio.base_events", "BaseEventLoop._run_once")])
    for qualname, (module, via) in CANCEL_VIA_CODE.items():
        purpose = f"a cancel() from its code is via {via!r}"
        try:
            fn = _resolve(modules, module, qualname)
        except AttributeError:
            raise MissingInternal(f"{module}.{qualname}", purpose) from None
        code = getattr(getattr(fn, "__func__", fn), "__code__", None)
        if code is None or code.co_qualname != qualname:
            raise MissingInternal(f"code named {qualname} in {module}", purpose)


def _samples(modules):
    """Real objects of each kind ATTRIBUTES reads, made on a loop that never runs, and the
    callbacks a C and a pure-Python task schedule for their steps and wakeups."""
    base_events = modules["asyncio.base_events"]
    events = modules["asyncio.events"]
    tasks = modules["asyncio.tasks"]
    loop = base_events.BaseEventLoop()
    policy = modules["asyncio.unix_events"]._UnixDefaultEventLoopPolicy()
    objects = {"loop": loop, "policy": policy, "policy-local": policy._local}
    callbacks = []
    running = events._get_running_loop()
    events._set_running_loop(loop)           # a task's step runs only in its running loop
    try:
        future = loop.create_future()
        objects["future"] = future
        objects["handle"] = loop.call_soon(len, ())
        objects["timer"] = loop.call_later(1, len, ())
        objects["timeout"] = modules["asyncio.timeouts"].Timeout(None)
        objects["gathering"] = tasks._GatheringFuture([], loop=loop)
        for task_class in (tasks.Task, tasks._PyTask):
            loop._ready.clear()

            async def wait(fut):
                await fut

            fut = loop.create_future()
            task = task_class(wait(fut), loop=loop)
            step = loop._ready.popleft()
            callbacks.append(("step", task_class, step._callback))
            step._run()                      # the first step: it now awaits fut
            fut.set_result(None)
            wakeup = loop._ready.popleft()
            callbacks.append(("wakeup", task_class, wakeup._callback))
            wakeup._run()                    # the task finishes
            objects["task" if task_class is tasks.Task else "py-task"] = task
    finally:
        events._set_running_loop(running)
        loop._ready.clear()
        loop.close()
    return objects, callbacks


def _check_attributes(modules):
    objects, callbacks = _samples(modules)
    for (kind, attribute), purpose in ATTRIBUTES.items():
        for sample in ("task", "py-task") if kind == "task" else (kind,):
            if not hasattr(objects[sample], attribute):
                owner = type(objects[sample]).__qualname__
                raise MissingInternal(f"{owner}.{attribute}", purpose)
    for role, task_class, callback in callbacks:
        name = getattr(callback, "__name__", None)
        if role == "step":
            ok = name in STEP_NAMES if name is not None else type(callback).__name__ == C_TASK_STEP_TYPE
        else:
            ok = name in WAKEUP_NAMES
        if not ok:
            raise MissingInternal(f"the {role} callback of {task_class.__qualname__} as it was "
                                  f"(now {name or type(callback).__name__})",
                                  f"a handle that runs it is the task's {role}")


def _check_objects(modules):
    classes = {name: _resolve(modules, module, name) for module, name in WATCHED_CLASS_NAMES}
    loop = modules["asyncio.base_events"].BaseEventLoop()
    try:
        samples = {"Lock": classes["Lock"](), "Semaphore": classes["Semaphore"](2),
                   "Event": classes["Event"](), "Condition": classes["Condition"](),
                   "Queue": classes["Queue"](), "Barrier": classes["Barrier"](2),
                   "Future": modules["asyncio.futures"].Future(loop=loop),
                   "gather": classes["_GatheringFuture"]([], loop=loop),
                   "TaskGroup": classes["TaskGroup"](), "Timeout": classes["Timeout"](None)}
    finally:
        loop.close()
    for (kind, attribute), purpose in OBJECT_READS.items():
        if not hasattr(samples[kind], attribute):
            raise MissingInternal(f"{kind}.{attribute}", purpose)
    for (function, local), purpose in FRAME_LOCALS.items():
        code = _resolve(modules, "asyncio.tasks", function).__code__
        if local not in code.co_varnames + code.co_cellvars:
            raise MissingInternal(f"asyncio.tasks.{function}'s local {local}", purpose)
    if "__init__" not in vars(classes["BoundedSemaphore"]) or \
            samples["Barrier"]._state.value != "filling":
        raise MissingInternal("BoundedSemaphore.__init__ and Barrier's 'filling' state as they were",
                              "objects.py wraps every watched class's own __init__")


def _check_pyodide():
    if sys.platform == "emscripten" and not any(is_javascript_finder(f) for f in sys.meta_path):
        raise MissingInternal("Pyodide's JsFinder on sys.meta_path",
                              "the sandbox takes it off for a run, so `import js` fails")


def check(modules=None):
    """Raise MissingInternal naming the first name this Python lacks. `modules` maps module
    names to modules (a test passes stand-ins); by default, the real ones."""
    if modules is None:
        modules = {name: importlib.import_module(name) for name in _MODULES}
    _check_names(modules)
    _check_attributes(modules)
    _check_objects(modules)
    _check_pyodide()


check()

from asyncio import events as _events, futures as _futures, runners as _runners, tasks as _tasks  # noqa: E402

TASK_TYPES = (_tasks.Task, _tasks._PyTask)
GATHERING_FUTURE = _tasks._GatheringFuture
SET_RESULT_UNLESS_CANCELLED = _futures._set_result_unless_cancelled
HANDLE_RUN_CODE = _events.Handle._run.__code__
get_running_loop_or_none = _events._get_running_loop
set_running_loop = _events._set_running_loop
cpython_asyncio_run = _runners.run
format_handle = importlib.import_module("asyncio.base_events")._format_handle
asyncio_logger = importlib.import_module("asyncio.base_events").logger
asyncio_module_getattr = importlib.import_module("asyncio").__getattr__   # before any run wraps it
warnings_module = importlib.import_module("warnings")     # its _showwarnmsg is swapped for a run
WATCHED_CLASSES = tuple(getattr(importlib.import_module(module), name)
                        for module, name in WATCHED_CLASS_NAMES)
PLAIN_FUTURES = frozenset((_futures.Future, _futures._PyFuture))
SHIELD_CODE = _tasks.shield.__code__
BASE_EVENT_LOOP = importlib.import_module("asyncio.base_events").BaseEventLoop
TIMEOUT = importlib.import_module("asyncio.timeouts").Timeout
AS_COMPLETED_ITERATOR = _tasks._AsCompletedIterator
