"""Name what the loop runs and what a task waits for, in the words asyncio's docs use.

Everything here reads asyncio's objects without changing them. Never call task.exception() or
task.result(): they mark an exception as retrieved and would silence asyncio's own warnings."""
import asyncio
import functools
from asyncio import futures
from types import AsyncGeneratorType, CoroutineType, GeneratorType

from .asyncio_internals import C_TASK_STEP_TYPE, STEP_NAMES, TASK_TYPES, WAKEUP_NAMES

ASYNCIO_DIR = asyncio.__file__.rsplit("/", 1)[0] + "/"


def task_callback(callback):
    """(task, "step" | "wakeup") when the callback is a task's own step or wakeup, else
    (None, None): call_soon(task.cancel) has a task behind it but is a plain callback."""
    owner = getattr(callback, "__self__", None)
    if owner is None or not isinstance(owner, TASK_TYPES):
        return None, None
    name = getattr(callback, "__name__", None)
    if name is None:
        return (owner, "step") if type(callback).__name__ == C_TASK_STEP_TYPE else (None, None)
    if name in WAKEUP_NAMES:
        return owner, "wakeup"
    if name in STEP_NAMES:
        return owner, "step"
    return None, None


def short_repr(value, limit=80):
    try:
        text = repr(value)
    except Exception:  # a broken __repr__ in the learner's class must not break the trace
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def callable_name(fn):
    if isinstance(fn, functools.partial):
        # asyncio.to_thread wraps the function as partial(context.run, func, *args).
        if fn.args and callable(fn.args[0]) and getattr(fn.func, "__name__", "") == "run":
            return callable_name(fn.args[0])
        return callable_name(fn.func)
    name = getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None)
    return name if name else type(fn).__name__


def argument_label(value):
    """A callback argument as a learner reads it: tasks by name (repr(task) is long and slow)."""
    if isinstance(value, TASK_TYPES):
        return f"<Task {value.get_name()}>"
    if isinstance(value, futures.Future):
        return "<Future>"
    return short_repr(value, 30)


def call_args(fn, args):
    parts = [argument_label(a) for a in args]
    if isinstance(fn, functools.partial):
        parts = [argument_label(a) for a in fn.args] + parts
        parts += [f"{k}={argument_label(v)}" for k, v in fn.keywords.items()]
    return "(" + ", ".join(parts) + ")"


_CORO_TYPES = {CoroutineType: ("cr_frame", "cr_await"),
               AsyncGeneratorType: ("ag_frame", "ag_await"),
               GeneratorType: ("gi_frame", "gi_yieldfrom")}


def user_frames(coro, filename):
    """The frames of a suspended coroutine's await chain, outermost first."""
    out = []
    while True:
        if type(coro) is CoroutineType:          # nearly always: skip the table
            frame = coro.cr_frame
            if frame is None:
                break
            out.append(frame)
            coro = coro.cr_await
            continue
        names = _CORO_TYPES.get(type(coro))
        if names is None:
            if coro is None or isinstance(coro, futures.Future):
                break                            # the end of the chain: what it awaits
            # A future, or a coroutine-like object from C: read it as the old code did.
            frame = getattr(coro, "cr_frame", None) or getattr(coro, "ag_frame", None) \
                or getattr(coro, "gi_frame", None)
            if frame is None:
                break
            out.append(frame)
            coro = getattr(coro, "cr_await", None) or getattr(coro, "ag_await", None) \
                or getattr(coro, "gi_yieldfrom", None)
            continue
        frame = getattr(coro, names[0])
        if frame is None:
            break
        out.append(frame)
        coro = getattr(coro, names[1])
    return out


def innermost_user_line(frame, filename, stop_code):
    """The learner's line on the current call stack, without crossing into the loop itself."""
    while frame is not None:
        code = frame.f_code
        if code.co_filename == filename:
            return frame.f_lineno
        if code is stop_code:
            return None
        frame = frame.f_back
    return None
