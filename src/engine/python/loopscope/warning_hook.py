"""The program's warnings, printed as CPython prints them and recorded as `warn` events.

The hook is warnings' own `_showwarnmsg` (private: asyncio_internals says why): unlike the
public `showwarning`, it receives the whole WarningMessage with its `source`, which is what makes
CPython add "Enable tracemalloc to get the object allocation traceback" after a coroutine that was
never awaited."""
from types import CoroutineType

from .asyncio_internals import warnings_module as warnings
from .compat import POLICY_API_VERSION

ENGINE_DIR = __file__.rsplit("/", 1)[0] + "/"


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
            if isinstance(msg.filename, str) and msg.filename.startswith(ENGINE_DIR):
                # Raised with only the engine's own code on the stack (a coroutine freed by the
                # collection after the program ended): CPython raises these with no Python frame
                # left, at interpreter shutdown, and calls the place "<sys>:0"; tracemalloc cannot
                # be imported by then, so no "Enable tracemalloc" line follows.
                msg.filename, msg.lineno, msg.line, msg.source = "<sys>", 0, None, None
            if run.recording():
                # CPython's "coroutine ... was never awaited" is the one warning whose source is
                # the coroutine itself (warnings._warn_unawaited_coroutine).
                kind = "never-awaited" if isinstance(msg.source, CoroutineType) else "callback-error"
                api = None
                if run.deprecating is not None:
                    # An API 3.14 deprecated warned (compat.py says which, as it warns).
                    kind, api = "deprecated-api", (run.deprecating, POLICY_API_VERSION)
                run.recorder.warning(kind, f"{msg.category.__name__}: {msg.message}", api=api)
            original(msg)

        warnings._showwarnmsg = showwarnmsg
        return self

    def __exit__(self, *exc):
        warnings._showwarnmsg = self.saved
        return False
