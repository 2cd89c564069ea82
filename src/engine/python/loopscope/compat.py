"""Running "as Python 3.13 would" (RunOptions.compat) where Python 3.14 changed asyncio, and
the facts of a program's use of what 3.14 deprecated.

3.14 changed, and compat '3.13' undoes for the run:
- get_event_loop() with no loop set raises RuntimeError; 3.13 warned (DeprecationWarning,
  attributed to the first frame outside asyncio) and made and set a new loop
  (get_event_loop_313, for every default policy: the run's and one the program sets).
- the event-loop policy API (get_event_loop_policy, set_event_loop_policy,
  asyncio.DefaultEventLoopPolicy, asyncio.AbstractEventLoopPolicy) and
  asyncio.iscoroutinefunction warn DeprecationWarning; 3.13 did not, and also had
  events.AbstractEventLoopPolicy, events.BaseDefaultEventLoopPolicy and
  unix_events.DefaultEventLoopPolicy under those names.

Without compat the policy API warns as 3.14's does, and the run records which API warned
(a `warn` event of kind 'deprecated-api'): the function here that warns says so to the
warnings hook (Run.deprecating), so nothing reads the warning's text."""
import asyncio
import contextlib
import sys
import threading
from asyncio import coroutines, events, unix_events

from .asyncio_internals import asyncio_module_getattr, warnings_module as warnings

PYTHON_313 = "3.13"
POLICY_API = "event-loop-policy"
POLICY_API_VERSION = "3.14"
_REMOVE = (3, 16)
_MISSING = object()


def warn_no_current_loop(frame):
    """3.13's BaseDefaultEventLoopPolicy.get_event_loop warning, for a get_event_loop() called
    from `frame`: attached to the first frame outside asyncio, as 3.13 walks the stack."""
    stacklevel = 3                      # this function, the policy's get_event_loop, its caller
    while frame is not None:
        module = frame.f_globals.get("__name__") or ""
        if not (module == "asyncio" or module.startswith("asyncio.")):
            break
        frame = frame.f_back
        stacklevel += 1
    warnings.warn("There is no current event loop", DeprecationWarning, stacklevel=stacklevel)


# 3.13's BaseDefaultEventLoopPolicy.get_event_loop and set_event_loop, for every default policy
# (the run's, and one the program sets) under compat. 3.13's `_set_called` (here
# `_loopscope_set_called`, 3.14 has none): once set_event_loop ran, even with None (asyncio.run
# does, as it ends), get_event_loop no longer makes a loop.
def get_event_loop_313(self):
    if self._local._loop is None and not getattr(self._local, "_loopscope_set_called", False):
        warn_no_current_loop(sys._getframe(1))
        self.set_event_loop(self.new_event_loop())
    if self._local._loop is None:
        raise RuntimeError("There is no current event loop in thread %r."
                           % threading.current_thread().name)
    return self._local._loop


def set_event_loop_313(self, loop):
    self._local._loopscope_set_called = True
    if loop is not None and not isinstance(loop, events.AbstractEventLoop):
        raise TypeError(f"loop must be an instance of AbstractEventLoop or None, "
                        f"not '{type(loop).__name__}'")
    self._local._loop = loop


def _policy_classes():
    return {"AbstractEventLoopPolicy": events._AbstractEventLoopPolicy,
            "DefaultEventLoopPolicy": unix_events._DefaultEventLoopPolicy}


class PolicyApi:
    """The policy API for the length of a run: 3.13's (no warnings) under compat, else 3.14's
    with its warnings noted as facts."""

    def __init__(self, run):
        self.run = run
        self.saved = []

    def _set(self, owner, name, value):
        self.saved.append((owner, name, owner.__dict__.get(name, _MISSING)))
        setattr(owner, name, value)

    def __enter__(self):
        if self.run.compat == PYTHON_313:
            self._as_313()
        else:
            self._as_314()
        return self

    def __exit__(self, *exc):
        for owner, name, value in reversed(self.saved):
            if value is _MISSING:
                delattr(owner, name)
            else:
                setattr(owner, name, value)
        self.saved = []
        return False

    def _as_313(self):
        self._set(events._BaseDefaultEventLoopPolicy, "get_event_loop", get_event_loop_313)
        self._set(events._BaseDefaultEventLoopPolicy, "set_event_loop", set_event_loop_313)
        for module in (asyncio, events):
            self._set(module, "get_event_loop_policy", events._get_event_loop_policy)
            self._set(module, "set_event_loop_policy", events._set_event_loop_policy)
        for name, cls in _policy_classes().items():
            self._set(asyncio, name, cls)
        self._set(events, "AbstractEventLoopPolicy", events._AbstractEventLoopPolicy)
        self._set(events, "BaseDefaultEventLoopPolicy", events._BaseDefaultEventLoopPolicy)
        self._set(unix_events, "DefaultEventLoopPolicy", unix_events._DefaultEventLoopPolicy)
        for module in (asyncio, coroutines):
            self._set(module, "iscoroutinefunction", coroutines._iscoroutinefunction)

    def _as_314(self):
        deprecating = self._deprecating

        # Each as CPython 3.14 writes it (warnings._deprecated warns at stacklevel 3: the
        # caller of these), only saying which API it is.
        def get_event_loop_policy():
            with deprecating():
                warnings._deprecated("asyncio.get_event_loop_policy", remove=_REMOVE)
            return events._get_event_loop_policy()

        def set_event_loop_policy(policy):
            with deprecating():
                warnings._deprecated("asyncio.set_event_loop_policy", remove=_REMOVE)
            events._set_event_loop_policy(policy)

        def __getattr__(name):
            classes = _policy_classes()
            if name in classes:
                with deprecating():
                    warnings._deprecated(f"asyncio.{name}", remove=_REMOVE)
                return classes[name]
            return asyncio_module_getattr(name)

        for module in (asyncio, events):
            self._set(module, "get_event_loop_policy", get_event_loop_policy)
            self._set(module, "set_event_loop_policy", set_event_loop_policy)
        self._set(asyncio, "__getattr__", __getattr__)

    @contextlib.contextmanager
    def _deprecating(self):
        self.run.deprecating = POLICY_API
        try:
            yield
        finally:
            self.run.deprecating = None
