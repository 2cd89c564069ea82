"""JSON text for trace events, written directly.

The recorder keeps events as JSON strings, not dicts: strings are invisible to the garbage
collector (a run's final gc.collect() otherwise walks every event) and the finished trace is
one str.join instead of a json.dumps over thousands of dicts."""
import json
import math
from json.encoder import encode_basestring  # C-accelerated, keeps non-ASCII text as is

text = encode_basestring


# repr() of a float is slow in Pyodide (several µs), and a run's times repeat: the virtual clock
# and the timers' deadlines land on the same few values (1,000 tasks sleeping 0.01 s). Finite,
# non-zero floats only: a float equals only itself there (0.0 == -0.0, 1.0 == 1, and those
# reprs differ). Emptied when full, so it stays small.
_FLOAT_TEXT = {}
_FLOAT_TEXT_MOST = 4096


def number(x):
    """JSON has no inf or nan: a deadline of call_later(float('inf')) is shown as very far."""
    if type(x) is float and x:
        text_ = _FLOAT_TEXT.get(x)
        if text_ is not None:
            return text_
        if x - x == 0:
            if len(_FLOAT_TEXT) >= _FLOAT_TEXT_MOST:
                _FLOAT_TEXT.clear()
            text_ = _FLOAT_TEXT[x] = repr(x)
            return text_
    elif x - x == 0:        # finite (inf - inf and nan - nan are nan); ints and floats alike
        return repr(x)
    return "1e308" if x > 0 else ("-1e308" if x < 0 else "0")


def optional_number(x):
    return "null" if x is None else number(x)


def optional_id(x):
    """A task id or null (ints only: no finiteness to check)."""
    return "null" if x is None else "%d" % x


def value(obj):
    """Any JSON-able structure (dicts, lists, str, numbers, None), for the rarer events."""
    try:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    except ValueError:  # inf or nan somewhere
        return json.dumps(_make_finite(obj), ensure_ascii=False, separators=(",", ":"), default=str)


# The text of the task ids a trace lists (small, positive, the same ones over and over), made
# once: str() of an int, 32 times for a line of waiters, cost more than the rest of its objstate
# in Pyodide. Grown as a run's ids grow, up to _ID_TEXT_MOST (past that, str() as before).
_ID_TEXT = []
_ID_TEXT_MOST = 1 << 16


def ids(xs):
    """A list of task ids (ints > 0) as JSON: value(xs)'s text."""
    try:
        return "[" + ",".join([_ID_TEXT[x] for x in xs]) + "]"
    except IndexError:
        if len(_ID_TEXT) < _ID_TEXT_MOST:
            _ID_TEXT.extend([str(n) for n in range(len(_ID_TEXT), min(max(xs) + 1024, _ID_TEXT_MOST))])
        return "[" + ",".join(map(str, xs)) + "]"


_INTS, _STRS = {int}, {str}
_LIST_CHANGE_KEYS = frozenset(("d", "b", "a"))


def plain_value(x):
    """value() for the plain data of the objects' states (ints, bools, strings, lists of ints or
    of strings, a list's change), the same text without json.dumps's set-up at every call: an
    object's state goes out at most steps of a run. Anything else goes through value()."""
    kind = type(x)
    if kind is int:
        return "%d" % x
    if kind is bool:
        return "true" if x else "false"
    if kind is str:
        return text(x)
    if kind is list:
        if not x:
            return "[]"
        kinds = set(map(type, x))
        if kinds == _INTS:
            return "[" + ",".join(map(str, x)) + "]"
        if kinds == _STRS:
            return "[" + ",".join(map(text, x)) + "]"
    elif kind is dict:
        if x.keys() <= _LIST_CHANGE_KEYS:           # a list's change (objects.list_change)
            return "{" + ",".join(['"%s":%s' % (k, plain_value(v)) for k, v in x.items()]) + "}"
    elif x is None:
        return "null"
    return value(x)


def _make_finite(obj):
    if isinstance(obj, float) and not math.isfinite(obj):
        return 1e308 if obj > 0 else (-1e308 if obj < 0 else 0.0)
    if isinstance(obj, dict):
        return {k: _make_finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_make_finite(v) for v in obj]
    return obj
