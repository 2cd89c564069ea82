"""Loopscope's simulated network: `import aiohttp`, `import httpx` and `import requests` inside a
run give stand-ins that answer on the virtual clock, with no network at all (README,
"Simulated network"). The real packages are not in Pyodide, and nothing may leave the page.

`SimulatedNetwork(run)` is entered after the Sandbox for the length of a run: it reads the
program's network comments (rules.py), puts an import finder first on sys.meta_path, and on
exit takes the simulated modules out of sys.modules so every run imports them afresh."""
import importlib.util
import os
import sys

from . import rules, wire

_HERE = os.path.dirname(__file__)

# Top-level name -> the file that is run as that package.
LIBRARIES = {"aiohttp": "aiohttp_sim.py", "httpx": "httpx_sim.py", "requests": "requests_sim.py"}
# Their submodules (programs import these by name too) -> the file run as that module.
SUBMODULES = {"aiohttp.client_exceptions": "aiohttp_exceptions.py",
              "aiohttp.client_reqrep": "aiohttp_reqrep.py",
              "requests.exceptions": "requests_exceptions.py",
              "httpx._exceptions": "httpx_exceptions.py"}


class Network:
    """One run's network: its seed, its rules, how often each method and URL was asked."""

    def __init__(self, run, rule_list):
        self.run = run
        self.seed = run.seed
        self.rules = rule_list
        self.counts = {}

    def next_count(self, method, url):
        key = (method, url)
        n = self.counts.get(key, 0)
        self.counts[key] = n + 1
        return n


class SimulatedImport:
    """The meta-path finder of the simulated libraries."""

    def find_spec(self, name, path=None, target=None):
        file = LIBRARIES.get(name)
        if file is not None:
            return importlib.util.spec_from_file_location(
                name, os.path.join(_HERE, file), submodule_search_locations=[])
        file = SUBMODULES.get(name)
        if file is not None:
            return importlib.util.spec_from_file_location(name, os.path.join(_HERE, file))
        top = name.partition(".")[0]
        if top in LIBRARIES:
            # name=None: `from aiohttp import web` would otherwise swallow this error and say
            # only "cannot import name 'web'", without the why.
            raise ModuleNotFoundError(
                f"No module named '{name}': Loopscope simulates only the client side of "
                f"{top} (README, \"Simulated network\")", name=None)
        return None


def _is_simulated(name):
    return name.partition(".")[0] in LIBRARIES


class SimulatedNetwork:
    def __init__(self, run):
        self.run = run

    def __enter__(self):
        rule_list, problems = rules.parse_rules(self.run.source)
        for line, problem in problems:
            # A fact in the trace (RunNotice), said by the page and the CLI, never written into
            # the program's stderr, which stays what CPython would write: a network comment that
            # cannot be read would otherwise be ignored in silence.
            self.run.notices.append({"kind": "net-comment-ignored", "line": line,
                                     "problem": problem.problem, "text": problem.text})
        wire.CURRENT[0] = Network(self.run, rule_list)
        self.finder = SimulatedImport()
        self.saved = {k: v for k, v in sys.modules.items() if _is_simulated(k)}
        for k in self.saved:
            del sys.modules[k]
        sys.meta_path.insert(0, self.finder)
        return self

    def __exit__(self, *exc):
        if self.finder in sys.meta_path:
            sys.meta_path.remove(self.finder)
        for k in [k for k in sys.modules if _is_simulated(k)]:
            del sys.modules[k]
        sys.modules.update(self.saved)
        wire.CURRENT[0] = None
        return False
