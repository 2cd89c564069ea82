"""The RunHint of an exception end (src/protocol/trace.ts): why an error comes from where the
program runs (the sandbox, Pyodide) rather than from the program.

Decided from the exception object, never from its text (removed_api.py: the APIs asyncio
removed or changed): the sandbox marks the exceptions it
raises itself (`mark`), and the others are told by their type and attributes (ModuleNotFoundError's
`name`) or by the module of a frame they were raised through (threading's start, subprocess)."""
from .removed_api import removed_api_hint

BLOCKED_MODULES = ("js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "micropip")
# Simulated by loopscope.net: a part of them that is not simulated (aiohttp.web) is not missing
# from the sandbox, and its ModuleNotFoundError says what is simulated instead.
SIMULATED_MODULES = ("aiohttp", "httpx", "requests")

# The sandbox's own exceptions carry CPython's words and this attribute: the hint's kind.
_MARK = "_loopscope_hint"


def mark(exc, kind):
    """`exc`, marked as the sandbox's refusal of kind `kind` ("no-network", "no-input", ...)."""
    setattr(exc, _MARK, kind)
    return exc


def _frame_modules(exc):
    tb = exc.__traceback__
    while tb is not None:
        yield tb.tb_frame.f_globals.get("__name__", ""), tb.tb_frame.f_code.co_name
        tb = tb.tb_next


def _own_hint(exc, filename):
    kind = getattr(exc, _MARK, None)
    if kind is not None:
        return {"k": kind}
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        top = exc.name.partition(".")[0]
        if top in SIMULATED_MODULES:
            return None
        return {"k": "no-page"} if top in BLOCKED_MODULES else {"k": "missing-module", "module": top}
    if isinstance(exc, RuntimeError):
        # Pyodide has no threads: Thread.start() raises RuntimeError from inside threading.
        if any(module == "threading" and name == "start" for module, name in _frame_modules(exc)):
            return {"k": "no-threads"}
    if isinstance(exc, OSError):
        # Pyodide has no processes: subprocess.Popen raises OSError from inside subprocess.
        if any(module == "subprocess" for module, _ in _frame_modules(exc)):
            return {"k": "no-processes"}
    return removed_api_hint(exc, filename)


def run_hint(exc, filename):
    """The RunHint dict for the exception a run ended with (in the program `filename`), or None.

    An OSError that wraps another (urllib's URLError around the sandbox's refused socket) takes
    the hint of the one it wraps; an exception group (a TaskGroup's), the hint all of its
    exceptions share."""
    if isinstance(exc, BaseExceptionGroup):
        hints = [run_hint(e, filename) for e in exc.exceptions]
        return hints[0] if hints and all(h == hints[0] for h in hints) else None
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        hint = _own_hint(exc, filename)
        if hint is not None or not isinstance(exc, OSError):
            return hint
        exc = exc.__cause__ or exc.__context__
    return None
