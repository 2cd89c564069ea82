"""One run of a learner's program: set the stage (virtual clock, the run's event loops, sandbox,
output capture, line tracer), exec the program as `python main.py` would, put everything back.

`run_program(source, options_json) -> str` returns the RunResult of src/protocol/trace.ts as JSON."""
from . import asyncio_internals  # noqa: F401  first: checks asyncio's private names at boot
import asyncio
import contextlib
import gc
import json
import linecache
import random
import signal
import sys

from . import encode
from .as_completed_order import AsCompletedOrder
from .clock import CLOCK, TimePatch
from .errors import exception_end, syntax_problem
from .event_loops import RunLoops
from .limits import RunEnded, memory_error_end, real_ms_since, real_now
from .lines import LineTracer
from .main_module import MainModule
from .console import Console
from .net import SimulatedNetwork   # issue 10: simulated aiohttp / httpx / requests
from .run_state import Run
from .sandbox import Sandbox
from .warning_hook import WarningHook

TRACE_VERSION = 3

# The run in progress, for the SIGINT handler (Pyodide's interrupt buffer delivers Stop there).
_CURRENT = [None]


def run_program(source, options_json="{}", progress=None):
    """Run one program. `progress(text)`, if given, receives finished events as they happen:
    JSON objects separated by commas (the caller wraps them in [ ])."""
    run = Run(source, json.loads(options_json), progress)
    try:
        code = compile(source, run.filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        return encode.value({"kind": "syntax-error", "problem": syntax_problem(exc, run.filename)})
    t0 = real_now()
    with _stage(run) as namespace:
        end = _execute(run, code, namespace)
    run.heartbeat(force=True)
    return _trace_json(run, end, real_ms_since(t0))


# ---------------------------------------------------------------- the stage
@contextlib.contextmanager
def _swapped(owner, name, value):
    saved = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, saved)


@contextlib.contextmanager
def _kept(get, set_):
    """Whatever the run does to a setting read by get() (the recursion limit), it is put back."""
    saved = get()
    try:
        yield
    finally:
        set_(saved)


@contextlib.contextmanager
def _stage(run):
    """Everything the program sees instead of the real thing, for the length of the run."""
    linecache.cache[run.filename] = (len(run.source), None, run.source.splitlines(True), run.filename)
    CLOCK.now, CLOCK.job = 0.0, None
    random.seed(run.seed)
    with contextlib.ExitStack() as stage:
        stage.enter_context(_swapped(CLOCK, "on_block", run.on_block))
        stage.enter_context(_current(run))
        stage.enter_context(_kept(sys.getrecursionlimit, sys.setrecursionlimit))
        stage.enter_context(_kept(lambda: signal.getsignal(signal.SIGINT),
                                  lambda handler: signal.signal(signal.SIGINT, handler)))
        stage.enter_context(TimePatch())
        stage.enter_context(Sandbox())
        # After Sandbox: the network's import finder goes first on the sandbox's meta_path.
        stage.enter_context(SimulatedNetwork(run))
        stage.enter_context(RunLoops(run))
        stage.enter_context(AsCompletedOrder())
        if run.record:
            stage.enter_context(run.objects.patched())
        stage.enter_context(Console(run.output, CLOCK))
        stage.enter_context(WarningHook(run))
        main = stage.enter_context(MainModule(run.filename))
        signal.signal(signal.SIGINT, _stop_requested)
        yield main.namespace


@contextlib.contextmanager
def _current(run):
    _CURRENT[0] = run
    try:
        yield
    finally:
        _CURRENT[0] = None


def _stop_requested(signum, frame):
    """SIGINT from the page's Stop button (Pyodide's interrupt buffer)."""
    run = _CURRENT[0]
    if run is not None:
        raise run.end_run({"kind": "stopped", "how": "interrupt"})
    raise KeyboardInterrupt


# ---------------------------------------------------------------- the program
def _execute(run, code, namespace):
    """exec the program under the line tracer; the RunEnd it came to."""
    tracer = LineTracer(run, code)
    tracer.install()
    try:
        end = _exec_program(run, code, namespace)
    finally:
        if run.ended is not None:
            _close_leftovers(run)
        tracer.remove()
    if run.ended is None:
        # asyncio reports "Task exception was never retrieved" when the task is collected.
        run.heartbeat(force=True)
        try:
            gc.collect()
        except RunEnded:
            pass
    return run.ended or end


def _exec_program(run, code, namespace):
    try:
        exec(code, namespace)
    except RunEnded:
        return run.ended
    except SystemExit as exc:
        return run.ended or _exit_end(exc, run)
    except MemoryError:
        return run.ended or memory_error_end(run.limits, run.line)
    except BaseException as exc:  # the learner's program raised: report it as CPython would
        if run.ended is not None:
            return run.ended
        end = exception_end(exc, run.filename)
        try:
            run.output.write("err", end["traceback"])
        except RunEnded:          # the traceback itself passed the output limit
            pass
        return run.ended or end
    return {"kind": "ok"}


def _exit_end(exc, run):
    code = exc.code
    if code is None:
        return {"kind": "exit", "code": 0}
    if isinstance(code, int):
        return {"kind": "exit", "code": code}
    try:
        run.output.write("err", f"{code}\n")     # what CPython prints for sys.exit("message")
    except RunEnded:
        return run.ended
    return {"kind": "exit", "code": 1}


def _close_leftovers(run):
    """Close the coroutines a stopped run left suspended, while the line tracer still stops
    every loop: left to the garbage collector, a coroutine whose `except BaseException` eats
    GeneratorExit would loop forever later, outside any limit, and hang the next run."""
    run.heartbeat(force=True)
    for loop in run.loops:
        for n, task in enumerate(asyncio.all_tasks(loop)):
            if n % 1000 == 999:
                run.heartbeat()  # 100,000 of them take seconds: still working, says the host
            try:
                task.get_coro().close()
            except BaseException:  # its own exception, or our RunEnded: it is closed either way
                pass


# ---------------------------------------------------------------- the result
def _trace_json(run, end, python_ms):
    # "events" first, as a placeholder: the events are JSON text already (see encode.py).
    fields = {
        "version": TRACE_VERSION,
        "events": None,
        "source": run.source,
        "seed": run.seed,
        "end": end,
        "stdout": run.output.text("out"),
        "stderr": run.output.text("err"),
        "stats": {"steps": run.steps, "iterations": run.iterations, "tasks": run.task_count,
                  "virtualTime": CLOCK.now, "pythonMs": round(python_ms, 2)},
        **({"notices": run.notices} if run.notices else {}),
    }
    if run.compat is not None:
        fields["compat"] = run.compat
    head = encode.value(fields)
    marker = '"events":null'
    at = head.index(marker)
    return "".join(['{"kind":"trace","trace":', head[:at], '"events":[', ",".join(run.events), "]",
                    head[at + len(marker):], "}"])
