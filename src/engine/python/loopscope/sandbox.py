"""What the learner's program may not touch: the page (Pyodide's JavaScript bridge), the
keyboard, the process. Shared links run someone else's code, so these are closed for the
length of a run and restored afterwards.

Every refusal is CPython's own exception, in CPython's own words, marked (hints.mark) with why:
the explanation is the run's hint, which the page words in the learner's language."""
import builtins
import errno
import functools
import io
import os
import socket
import sys

from .asyncio_internals import is_javascript_finder
from .hints import BLOCKED_MODULES, mark


class BlockedImport:
    """A meta-path finder that refuses the JavaScript bridge as if it were not installed."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED_MODULES:
            raise mark(ModuleNotFoundError(f"No module named '{name}'", name=name), "no-page")
        return None


def _no_input(prompt=""):
    # What CPython's input() does with nothing on stdin: the prompt, then EOFError.
    if prompt:
        sys.stdout.write(str(prompt))
    raise mark(EOFError("EOF when reading a line"), "no-input")


def network_refused():
    """The OSError a connection gets on a machine with no network (as CPython words it)."""
    return mark(OSError(errno.ENETUNREACH, os.strerror(errno.ENETUNREACH)), "no-network")


def processes_refused():
    """The OSError of starting a program where there is no way to (as CPython words it)."""
    return mark(OSError(errno.ENOSYS, os.strerror(errno.ENOSYS)), "no-processes")


def _no_network(*args, **kwargs):
    raise network_refused()


class _OfflineSocket(socket.socket):
    """socket.socket that refuses to reach anywhere (Node's Pyodide would really connect)."""

    def connect(self, address):
        _no_network()

    def connect_ex(self, address):
        _no_network()

    def sendto(self, *args):
        _no_network()


def _no_exit(code=0):
    # os._exit would kill the whole Python runtime: end the program like sys.exit instead.
    raise SystemExit(code)


def _marking_processes(fn):
    """`fn` (an os function that starts or waits for a process) with its OSError marked: Pyodide
    raises it in CPython's words from C, where no frame says which function refused."""
    @functools.wraps(fn)
    def marking(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except OSError as exc:
            mark(exc, "no-processes")
            raise
    return marking


# os's process functions in C; its Python ones (spawnv, execl, ...) call these by global name.
OS_PROCESS_FUNCTIONS = ("fork", "forkpty", "execv", "execve", "posix_spawn", "posix_spawnp",
                        "wait", "wait3", "wait4", "waitid", "waitpid")

SOCKET_PATCH = {
    "socket": _OfflineSocket,
    "create_connection": _no_network,
    "getaddrinfo": _no_network,
    "gethostbyname": _no_network,
    "gethostbyname_ex": _no_network,
    "gethostbyaddr": _no_network,
}


def _patches():
    """(object, attribute, value while a run lasts)."""
    yield builtins, "input", _no_input
    yield os, "_exit", _no_exit
    yield sys, "stdin", io.StringIO("")
    for name in OS_PROCESS_FUNCTIONS:
        fn = getattr(os, name, None)
        if fn is not None:
            yield os, name, _marking_processes(fn)
    for name, value in SOCKET_PATCH.items():
        yield socket, name, value


class Sandbox:
    def __enter__(self):
        self.saved_modules = {k: v for k, v in sys.modules.items()
                              if k.partition(".")[0] in BLOCKED_MODULES}
        for k in self.saved_modules:
            del sys.modules[k]
        self.finder = BlockedImport()
        # Pyodide's own finders would rebuild `js` if the program took ours off meta_path.
        self.saved_meta_path = list(sys.meta_path)
        sys.meta_path[:] = [self.finder] + [f for f in sys.meta_path if not is_javascript_finder(f)]
        self.saved = []
        for obj, name, value in _patches():
            self.saved.append((obj, name, getattr(obj, name)))
            setattr(obj, name, value)
        return self

    def __exit__(self, *exc):
        for obj, name, value in reversed(self.saved):
            setattr(obj, name, value)
        sys.meta_path[:] = self.saved_meta_path
        for k in [k for k in sys.modules if k.partition(".")[0] in BLOCKED_MODULES]:
            del sys.modules[k]
        sys.modules.update(self.saved_modules)
        return False
