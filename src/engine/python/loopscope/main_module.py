"""The program runs as the `__main__` module, as `python main.py` runs it: pickle finds the
classes it defines (`__main__.Point`), unittest.main() finds its tests, `sys.modules['__main__']`
is its own namespace."""
import builtins
import sys
import types


class MainModule:
    """A fresh `__main__` for one run, in sys.modules while it runs; `namespace` is its dict."""

    def __init__(self, filename):
        module = types.ModuleType("__main__")
        module.__file__ = filename
        module.__builtins__ = builtins
        module.__spec__ = None
        self.module = module
        self.namespace = module.__dict__

    def __enter__(self):
        self.saved = sys.modules.get("__main__")
        sys.modules["__main__"] = self.module
        return self

    def __exit__(self, *exc):
        if self.saved is None:
            sys.modules.pop("__main__", None)
        else:
            sys.modules["__main__"] = self.saved
        return False
