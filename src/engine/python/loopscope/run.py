"""One run of a learner's program: set the stage (virtual clock, loop factory, sandbox, output
capture, line tracer), exec the program as `python main.py` would, put everything back.

`run_program(source, options_json) -> str` returns the RunResult of src/protocol/trace.ts as JSON."""
import asyncio
import gc
import json
import linecache
import math
import random
import signal
import sys
import warnings
from asyncio import events, runners

from . import describe as d
from . import encode
from .clock import CLOCK, TimePatch
from .errors import exception_end, syntax_problem
from .limits import Limits, RunEnded, limit_end, memory_end, memory_exceeded, real_ms_since, real_now
from .lines import LineTracer
from .loop import VirtualLoop
from .net import SimulatedNetwork   # issue 10: simulated aiohttp / httpx / requests
from .output import Output, Stream
from .recorder import Recorder
from .sandbox import Sandbox
from .tasks import VTask

TRACE_VERSION = 1
FLUSH_SECONDS = 0.25
OUTPUT_FLUSH_SECONDS = 0.01
_RUN_ONCE_CODE = VirtualLoop._run_once.__code__


class LoopPolicy(events._BaseDefaultEventLoopPolicy):
    """new_event_loop() / asyncio.Runner() / asyncio.run() all get a VirtualLoop of this run."""

    def __init__(self, run):
        super().__init__()
        self.run = run

    def new_event_loop(self):
        return VirtualLoop(self.run)


class Run:
    """Everything one run shares across its event loops (a program may run several)."""

    def __init__(self, source, options):
        self.source = source
        self.filename = options.get("filename") or "main.py"
        self.seed = int(options.get("seed", 0))
        self.record = bool(options.get("record", True))
        self.limits = Limits(options.get("limits") or {})
        self.clock = CLOCK
        self.events = []
        self.keep = []
        self.task_count = 0
        self.handle_count = 0
        self.iterations = 0
        self.steps = 0
        self.loop_count = 0
        self.line = None          # the learner's line running now (for messages)
        self.busy = 0             # lines and jumps since the loop last had control
        self.job_depth = 0
        self.ended = None         # the RunEnd dict once a limit/deadlock/stop ended the run
        self.active_loop = None
        self.loops = []
        self.task_class = VTask
        # Streaming: finished events go out every FLUSH_SECONDS of real time, so a page that has
        # to kill a stuck engine (a long C call) still has the trace up to then.
        self.progress = None
        self.flushed = 0
        self.last_flush = self.last_output_flush = -FLUSH_SECONDS  # the first chance flushes
        self.recorder = Recorder(self)
        self.output = Output(self.limits, self._output_limit)
        if self.record:
            self.output.recorder = self.recorder

    # ---------------------------------------------------------------- ids
    def next_task_id(self):
        self.task_count += 1
        return self.task_count

    def next_handle_id(self):
        self.handle_count += 1
        return self.handle_count

    def adopt_task(self, task):
        """A task made without our factory (e.g. asyncio.Task(...) called directly)."""
        tid = task._loopscope_id = self.next_task_id()
        if self.recording():
            coro = task.get_coro()
            self.recorder.emit(encode.value({"e": "task", "id": tid, "name": task.get_name(),
                                             "coro": getattr(coro, "__qualname__", "?"),
                                             "by": None, "l": self.line}))
        return tid

    # ---------------------------------------------------------------- where we are
    def recording(self):
        return self.record and self.ended is None and self.recorder.enabled

    def current_task(self):
        loop = self.active_loop
        return loop.current_task_ if loop is not None else None

    def current_handle(self):
        loop = self.active_loop
        return loop._current_handle if loop is not None else None

    def caller_line(self, frame):
        return d.innermost_user_line(frame, self.filename, _RUN_ONCE_CODE)

    def current_line(self):
        return self.line

    # ---------------------------------------------------------------- loops and steps
    def loop_opened(self, loop):
        self.loop_count += 1
        self.loops.append(loop)
        loop._loopscope_n = self.loop_count
        if self.recording():
            self.recorder.loop(self.loop_count, True)

    def loop_closed(self, loop):
        if self.recording():
            self.recorder.loop(loop._loopscope_n, False)

    def begin_step(self, loop, handle):
        if self.ended is not None:
            raise RunEnded(self.ended)
        limits = self.limits
        if self.steps >= limits.max_steps:
            raise self.end_run(limit_end(
                "steps", f"The program ran more than {limits.max_steps:,} loop steps "
                f"(at t = {self.clock.now:.3f} s).", self.line))
        if self.steps & 63 == 0:
            if limits.wall_exceeded():
                raise self.end_run(limit_end(
                    "wall-clock", f"The program ran for more than {limits.max_wall:g} s of real "
                    "time.", self.line))
            if memory_exceeded(limits):
                raise self.end_run(memory_end(limits, self.line))
        if self.progress is not None:
            self.maybe_flush()
        if len(self.events) > limits.max_events:
            raise self.end_run(limit_end(
                "events", f"The run recorded more than {limits.max_events:,} events.", self.line))
        self.steps += 1
        self.active_loop = loop
        self.busy = 0
        task = handle._loopscope_task
        loop.current_task_ = task
        if self.record and self.recorder.enabled:
            self.recorder.step_started(handle, task, handle._loopscope_kind)

    def end_step(self, loop, handle):
        task = loop.current_task_
        loop.current_task_ = None
        if task is not None and self.recording():
            self.recorder.step_finished(task)

    def maybe_flush(self):
        """At a step's start and in long stretches of lines: send what is new every 250 ms."""
        if self.progress is not None:
            now = real_now()
            if now >= self.last_flush + FLUSH_SECONDS:
                self.last_flush = now
                self.flush()

    def flush_for_output(self):
        """After a print: output is what a learner watches, and a long C call may come next.
        At most one such flush per OUTPUT_FLUSH_SECONDS, so print-heavy loops stay cheap."""
        if self.progress is not None:
            now = real_now()
            if now >= self.last_output_flush + OUTPUT_FLUSH_SECONDS:
                self.last_output_flush = now
                self.flush()

    def flush(self):
        events = self.events
        if len(events) > self.flushed:
            chunk = ",".join(events[self.flushed:])
            self.flushed = len(events)
            # Sent events are final: the next print() starts a new "out" event.
            self.recorder.out_index = -1
            self.progress(chunk)

    # ---------------------------------------------------------------- ending early
    def end_run(self, end):
        if self.ended is None:
            self.ended = end
            # asyncio.run's cleanup still cancels and steps tasks on the way out: that is not
            # the program's doing, so the trace ends here.
            self.recorder.enabled = False
        return RunEnded(self.ended)

    def _output_limit(self):
        raise self.end_run(limit_end(
            "output", f"The program printed more than {self.limits.max_output:,} characters.",
            self.line))

    def on_block(self, secs, frame, request=None):
        """time.sleep(secs) in the loop's thread: nothing else can run meanwhile. `request`:
        the simulated `requests` call that blocks ({"method", "url"}), if it is one."""
        line = self.caller_line(frame)
        if not math.isfinite(secs) or self.clock.now + secs > self.limits.max_virtual_time:
            raise self.end_run(limit_end(
                "virtual-time", f"time.sleep({secs:g}) at line {line} would pass the "
                f"{self.limits.max_virtual_time:g} s limit of the program's clock.", line))
        if self.recording():
            self.recorder.blocked(secs, line, request)

    def deadlock_end(self, loop):
        stuck = []
        for task in sorted(asyncio.all_tasks(loop), key=lambda t: getattr(t, "_loopscope_id", 0)):
            on, line, _stack = self.recorder.await_target(task)
            stuck.append({"task": self.recorder.task_id(task), "name": task.get_name(),
                          "line": line, "on": on})
        waits = "; ".join(
            f"{s['name']} waits at line {s['line']}" + (f" on {s['on'].get('api') or s['on']['k']}"
                                                        if s["on"] else "")
            for s in stuck)
        message = "Deadlock: nothing is ready to run and no timer is pending, but tasks are " \
            "still waiting" + (f" ({waits})." if waits else ".")
        return {"kind": "deadlock", "message": message, "stuck": stuck}


def _close_leftovers(run):
    """Close the coroutines a stopped run left suspended, while the line tracer still stops
    every loop: left to the garbage collector, a coroutine whose `except BaseException` eats
    GeneratorExit would loop forever later, outside any limit, and hang the next run."""
    for loop in run.loops:
        for task in asyncio.all_tasks(loop):
            try:
                task.get_coro().close()
            except BaseException:  # its own exception, or our RunEnded: it is closed either way
                pass


def _stop_requested(signum, frame):
    """SIGINT from the page's Stop button (Pyodide's interrupt buffer)."""
    run = _CURRENT[0]
    if run is not None:
        raise run.end_run({"kind": "stopped", "message": "Stopped: the run was interrupted by "
                           "the Stop button."})
    raise KeyboardInterrupt


_CURRENT = [None]


def _exit_end(exc, run):
    code = exc.code
    if code is None:
        return {"kind": "exit", "code": 0}
    if isinstance(code, int):
        return {"kind": "exit", "code": code}
    run.output.write("err", f"{code}\n")     # what CPython prints for sys.exit("message")
    return {"kind": "exit", "code": 1}


def run_program(source, options_json="{}", progress=None):
    """Run one program. `progress(text)`, if given, receives finished events as they happen:
    JSON objects separated by commas (the caller wraps them in [ ])."""
    options = json.loads(options_json)
    run = Run(source, options)
    if run.record:
        run.progress = progress
    try:
        code = compile(source, run.filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        return encode.value({"kind": "syntax-error", "problem": syntax_problem(exc, run.filename)})
    linecache.cache[run.filename] = (len(source), None, source.splitlines(True), run.filename)
    t0 = real_now()
    CLOCK.now, CLOCK.job = 0.0, None
    CLOCK.on_block = run.on_block
    random.seed(run.seed)
    policy = LoopPolicy(run)
    saved = (events._get_event_loop_policy(), events._get_running_loop(), asyncio.run,
             sys.stdout, sys.stderr, warnings.showwarning, signal.getsignal(signal.SIGINT),
             sys.getrecursionlimit())
    tracer = LineTracer(run, code)
    end = {"kind": "ok"}
    _CURRENT[0] = run
    try:
        # SimulatedNetwork after Sandbox: its import finder goes first on the sandbox's meta_path.
        with TimePatch(), Sandbox(), SimulatedNetwork(run):
            events._set_event_loop_policy(policy)      # the private setter: no 3.14 warning
            events._set_running_loop(None)             # Pyodide's own WebLoop says it is running
            # Pyodide replaces asyncio.run with its own; the learner gets CPython's.
            asyncio.run = runners.run
            sys.stdout = Stream(run.output, "out", CLOCK)
            sys.stderr = Stream(run.output, "err", CLOCK)
            warnings.showwarning = _make_showwarning(run, saved[5])
            signal.signal(signal.SIGINT, _stop_requested)
            tracer.install()
            try:
                exec(code, {"__name__": "__main__", "__file__": run.filename,
                            "__builtins__": __builtins__})
            except RunEnded:
                end = run.ended
            except SystemExit as exc:
                end = _exit_end(exc, run) if run.ended is None else run.ended
            except MemoryError:
                end = run.ended or limit_end(
                    "memory", "The program needed more memory than the engine can have "
                    "(MemoryError).", run.line)
            except BaseException as exc:  # the learner's program raised: report it as CPython would
                end = run.ended or exception_end(exc, run.filename)
                if run.ended is None:
                    run.output.write("err", end["traceback"])
            finally:
                if run.ended is not None:
                    _close_leftovers(run)
                tracer.remove()
            # asyncio reports "Task exception was never retrieved" when the task is collected.
            if run.ended is None:
                try:
                    gc.collect()
                except RunEnded:
                    pass
    finally:
        (policy_, running, asyncio.run, sys.stdout, sys.stderr, warnings.showwarning,
         sigint, limit) = saved
        events._set_event_loop_policy(policy_)
        events._set_running_loop(running)
        signal.signal(signal.SIGINT, sigint)
        sys.setrecursionlimit(limit)
        CLOCK.on_block = None
        _CURRENT[0] = None
    python_ms = real_ms_since(t0)
    if run.ended is not None:
        end = run.ended
    # "events" first, as a placeholder: the events are JSON text already (see encode.py).
    head = encode.value({
        "version": TRACE_VERSION,
        "events": None,
        "source": source,
        "seed": run.seed,
        "end": end,
        "stdout": run.output.text("out"),
        "stderr": run.output.text("err"),
        "stats": {"steps": run.steps, "iterations": run.iterations, "tasks": run.task_count,
                  "virtualTime": CLOCK.now, "pythonMs": round(python_ms, 2)},
    })
    marker = '"events":null'
    at = head.index(marker)
    return "".join(['{"kind":"trace","trace":', head[:at], '"events":[', ",".join(run.events), "]",
                    head[at + len(marker):], "}"])


def _make_showwarning(run, original):
    def showwarning(message, category, filename, lineno, file=None, line=None):
        if run.ended is not None:
            # Left behind by asyncio.run's cleanup after a limit ended the run: not the program's.
            return
        if run.recording():
            kind = "never-awaited" if "never awaited" in str(message) else "callback-error"
            run.recorder.warning(kind, f"{category.__name__}: {message}")
        original(message, category, filename, lineno, file, line)
    return showwarning
