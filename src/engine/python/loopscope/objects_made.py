"""How a program's futures are met as they are made (see objects_futures.py's docstring): the
wrappers of BaseEventLoop.create_future and get_debug for a run, and the step-end look into the
frames get_debug noted for the asyncio.Future()s they made."""
import sys

from .asyncio_internals import PLAIN_FUTURES, SHIELD_CODE


def watching_create_future(original, watch):
    """BaseEventLoop.create_future, which also records a future the learner (or shield()) makes."""
    filename = watch.run.filename

    def create_future(self):
        fut = original(self)
        frame = sys._getframe(1)
        code = frame.f_code
        if code.co_filename == filename or code is SHIELD_CODE:
            watch.created(fut, frame, "Future")
        return fut
    create_future.__qualname__ = original.__qualname__
    create_future.__doc__ = original.__doc__
    return create_future


def watching_get_debug(original, watch):
    """BaseEventLoop.get_debug, which also notes a frame of the learner's that C's Future.__init__
    asked on behalf of (asyncio.Future() made there): resolved by resolve_made at the step's end."""
    filename = watch.run.filename

    def get_debug(self):
        frame = sys._getframe(1)
        if frame.f_code.co_filename == filename and watch.run.recording():
            watch.making.append((frame, frame.f_lineno, _plain_futures_in(frame)))
        # What `original` (BaseEventLoop.get_debug) returns, without its call: every handle
        # and future of a recorded run comes through here (19,000 for 1,000 retrying tasks).
        return self._debug
    get_debug.__qualname__ = original.__qualname__
    get_debug.__doc__ = original.__doc__
    return get_debug


def resolve_made(watch):
    """The plain futures the frames noted by get_debug made since: those the frame holds now and
    did not hold before the call, not yet watched; at most one per call, in the frame's order."""
    making, watch.making = watch.making, []
    taken = set()
    for frame, line, before in making:
        for fut in _plain_futures_in(frame).values():
            key = id(fut)
            if key not in before and key not in taken and key not in watch.by_id:
                taken.add(key)
                watch.made_plain(fut, frame, line)
                break


_HOLDERS = (list, tuple, set, dict)
_SCAN_LIMIT = 64          # values looked at per container: a future is rarely deeper in a list


def _plain_futures_in(frame):
    """The plain futures `frame` holds, in its locals, in `self`'s attributes, and one level into
    the lists, tuples, sets and dicts among them (a comprehension's list of futures)."""
    found = {}
    try:
        values = list(frame.f_locals.values())
        owner = frame.f_locals.get("self")
        if owner is not None:
            values.extend(getattr(owner, "__dict__", {}).values())
        for v in values:
            if type(v) in PLAIN_FUTURES:
                found[id(v)] = v
            elif isinstance(v, _HOLDERS):
                items = v.values() if isinstance(v, dict) else v
                for n, item in enumerate(items):
                    if n >= _SCAN_LIMIT:
                        break
                    if type(item) in PLAIN_FUTURES:
                        found[id(item)] = item
    except Exception:  # a learner's object with a strange __dict__ must not break the trace
        return {}
    return found


def is_plain_future(obj):
    """A future of asyncio's own Future class (not a Task, a gather, or a learner's subclass)."""
    return type(obj) in PLAIN_FUTURES
