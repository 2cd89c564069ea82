"""The removed-api hint (src/protocol/trace.ts RunHint): the program failed on an API a newer
Python removed or changed, as the tutorials it came from still use it.

Decided from the exception object and the frames it was raised through, never its text:
- get_event_loop (3.14): the RuntimeError an event-loop policy's get_event_loop raised;
- wait-coroutines (3.11): the TypeError asyncio.wait raised with coroutines among its `fs`;
- coroutine-decorator (3.11): AttributeError for the name `coroutine` on the asyncio module;
- generator-coroutine (3.11): asyncio refused (TypeError, ValueError) a generator argument,
  in a call below the learner's last frame;
- loop-argument (3.10): a TypeError at a call of the learner's, to asyncio, that passes `loop=`
  (found in the program's syntax tree at the position the traceback gives)."""
import ast
import asyncio
import inspect
import linecache
import types
from asyncio import events, tasks

from .compat import get_event_loop_313


def _hint(api, version):
    return {"k": "removed-api", "api": api, "version": version}


def _frames(exc):
    """(frame, lasti) of each traceback entry, outermost first."""
    tb = exc.__traceback__
    while tb is not None:
        yield tb.tb_frame, tb.tb_lasti
        tb = tb.tb_next


def _innermost(exc):
    frames = list(_frames(exc))
    return frames[-1] if frames else (None, -1)


def _in_asyncio(frame):
    module = frame.f_globals.get("__name__") or ""
    return module == "asyncio" or module.startswith("asyncio.")


def _arguments(frame):
    code = frame.f_code
    count = code.co_argcount + code.co_kwonlyargcount
    return [frame.f_locals.get(name) for name in code.co_varnames[:count]]


def removed_api_hint(exc, filename):
    """The removed-api hint for `exc`, or None."""
    frame, _lasti = _innermost(exc)
    if isinstance(exc, AttributeError):
        if exc.name == "coroutine" and exc.obj is asyncio:
            return _hint("coroutine-decorator", "3.11")
        return None
    if frame is None:
        return None
    if isinstance(exc, RuntimeError):
        # (Under compat, 3.13's get_event_loop raises too once set_event_loop(None) ran: that
        # is no change of 3.14's.)
        if (frame.f_code.co_name == "get_event_loop"
                and frame.f_code is not get_event_loop_313.__code__
                and isinstance(frame.f_locals.get("self"), events._AbstractEventLoopPolicy)):
            return _hint("get_event_loop", "3.14")
        return None
    if not isinstance(exc, (TypeError, ValueError)):
        return None
    if _in_asyncio(frame):
        if frame.f_code is tasks.wait.__code__:
            fs = frame.f_locals.get("fs")
            if isinstance(fs, (set, frozenset)) and any(asyncio.iscoroutine(f) for f in fs):
                return _hint("wait-coroutines", "3.11")

    if _generator_refused(exc, filename):
        return _hint("generator-coroutine", "3.11")
    if isinstance(exc, TypeError) and _passes_loop_to_asyncio(exc, filename):
        return _hint("loop-argument", "3.10")
    return None


def _generator_refused(exc, filename):
    """Raised inside asyncio (or the engine's tasks and loops, which asyncio calls), below the
    learner's last frame, in a call given a generator."""
    below = []
    for frame, _lasti in _frames(exc):
        below = [] if frame.f_code.co_filename == filename else below + [frame]
    return any((_in_asyncio(f) or _in_engine(f))
               and any(isinstance(arg, types.GeneratorType) for arg in _arguments(f))
               for f in below)


def _in_engine(frame):
    return (frame.f_globals.get("__name__") or "").startswith("loopscope.")


# ---------------------------------------------------------------- loop=
def _passes_loop_to_asyncio(exc, filename):
    """The innermost of the learner's frames the TypeError went through is at a call, to a
    function or class of asyncio's, with a `loop=` keyword."""
    learner = [(f, lasti) for f, lasti in _frames(exc) if f.f_code.co_filename == filename]
    if not learner:
        return False
    frame, lasti = learner[-1]
    positions = _positions(frame.f_code, lasti)
    if positions is None:
        return False
    try:
        tree = ast.parse("".join(linecache.getlines(filename)), filename)
    except (SyntaxError, ValueError):
        return False
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and _spans(node, positions)
                and any(k.arg == "loop" for k in node.keywords)
                and _from_asyncio(_resolve(node.func, frame))):
            return True
    return False


def _positions(code, lasti):
    """(line, end line, column, end column) of the instruction at `lasti`: the call running."""
    if lasti < 0:
        return None
    try:
        line, end_line, col, end_col = list(code.co_positions())[lasti // 2]
    except IndexError:
        return None
    return None if line is None else (line, end_line, col, end_col)


def _spans(node, positions):
    """The call node of the instruction: a call's instruction spans exactly its expression."""
    return (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset) == positions


_MISSING = object()


def _resolve(node, frame):
    """What a callee expression (a name, or attributes of one) names in `frame`, read without
    running anything (no module __getattr__, no properties); _MISSING when it cannot be told."""
    if isinstance(node, ast.Name):
        for scope in (frame.f_locals, frame.f_globals, frame.f_builtins):
            if node.id in scope:
                return scope[node.id]
        return _MISSING
    if isinstance(node, ast.Attribute):
        owner = _resolve(node.value, frame)
        if owner is _MISSING:
            return _MISSING
        if isinstance(owner, types.ModuleType):
            return vars(owner).get(node.attr, _MISSING)
        return inspect.getattr_static(owner, node.attr, _MISSING)
    return _MISSING


def _from_asyncio(obj):
    """A function, class or module of asyncio's (`_asyncio` is its C half)."""
    if obj is _MISSING:
        return False
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    module = obj.__name__ if isinstance(obj, types.ModuleType) else getattr(obj, "__module__", None)
    return isinstance(module, str) and module.partition(".")[0] in ("asyncio", "_asyncio")
