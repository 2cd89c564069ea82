"""The program's warnings, printed as CPython prints them and recorded as `warn` events.

The hook is warnings' own `_showwarnmsg` (private: asyncio_internals says why): unlike the
public `showwarning`, it receives the whole WarningMessage with its `source`, which is what makes
CPython add "Enable tracemalloc to get the object allocation traceback" after a coroutine that was
never awaited.

Where a never-awaited coroutine was made is the line a quick fix needs (`await` before the
call), and only the coroutine knows it: the hook turns on CPython's coroutine origin tracking at
depth 1 for the run, reads the line from `cr_origin`, and words the warning as CPython does
without tracking (no "Coroutine created at" lines). Debug mode tracks 10 frames and keeps them,
as CPython prints them."""
import sys
from types import CoroutineType

from .asyncio_internals import warnings_module as warnings
from .compat import POLICY_API_VERSION

ENGINE_DIR = __file__.rsplit("/", 1)[0] + "/"


# The run's coroutine origin tracking: the creating frame only.
ORIGIN_DEPTH = 1


def _origin_line(coro, filename):
    """The learner's line that made `coro` (from cr_origin, innermost frame first), or None."""
    origin = coro.cr_origin
    if origin and origin[0][0] == filename:
        return origin[0][1]
    return None


class WarningHook:
    def __init__(self, run):
        self.run = run

    def __enter__(self):
        self.saved = warnings._showwarnmsg
        run, original = self.run, self.saved

        def showwarnmsg(msg):
            if run.ended is not None:
                # Left behind by asyncio.run's cleanup after a limit ended the run: not the program's.
                return
            # CPython's "coroutine ... was never awaited" is the one warning whose source is
            # the coroutine itself (warnings._warn_unawaited_coroutine).
            never_awaited = isinstance(msg.source, CoroutineType)
            line = None
            if never_awaited:
                line = _origin_line(msg.source, run.filename)
                if msg.source.cr_origin is not None and \
                        sys.get_coroutine_origin_tracking_depth() == ORIGIN_DEPTH:
                    # Our tracking, not the program's debug mode: CPython's words without it.
                    msg.message = msg.category(
                        f"coroutine '{msg.source.__qualname__}' was never awaited")
            if isinstance(msg.filename, str) and msg.filename.startswith(ENGINE_DIR):
                # Raised with only the engine's own code on the stack (a coroutine freed by the
                # collection after the program ended): CPython raises these with no Python frame
                # left, at interpreter shutdown, and calls the place "<sys>:0"; tracemalloc cannot
                # be imported by then, so no "Enable tracemalloc" line follows.
                msg.filename, msg.lineno, msg.line, msg.source = "<sys>", 0, None, None
                line = None
            if run.recording():
                # (Not for the engine's "<sys>:0" ones, which have lost their source.)
                never_awaited = isinstance(msg.source, CoroutineType)
                kind = "never-awaited" if never_awaited else "callback-error"
                api = None
                coro = msg.source.__qualname__ if never_awaited else None
                if run.deprecating is not None:
                    # An API 3.14 deprecated warned (compat.py says which, as it warns).
                    kind, api = "deprecated-api", (run.deprecating, POLICY_API_VERSION)
                run.recorder.warning(kind, f"{msg.category.__name__}: {msg.message}", api=api,
                                     coro=coro, line=line)
            original(msg)

        warnings._showwarnmsg = showwarnmsg
        self.saved_depth = sys.get_coroutine_origin_tracking_depth()
        sys.set_coroutine_origin_tracking_depth(ORIGIN_DEPTH)
        return self

    def __exit__(self, *exc):
        warnings._showwarnmsg = self.saved
        sys.set_coroutine_origin_tracking_depth(self.saved_depth)
        return False
