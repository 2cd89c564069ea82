"""The asyncio objects a program makes (Lock, Semaphore, Event, Condition, Queue, Barrier): when
each is made, and its state after every step that changed it ('obj' and 'objstate' events).

Nothing here changes what asyncio does. The only hook is a wrapper around each class's
__init__, which registers the new object after CPython's own __init__ ran. Everything else is
read from the objects' real state after each step (the private names are in
asyncio_internals.OBJECT_READS), so who holds, who waits and who is woken is whatever CPython
did. Holders, which CPython does not keep, follow from what the step did: a Lock locked in a
task's step is held by that task; a Semaphore's permits go to the task whose step took them
(its value fell) or to the waiter the step woke (its future got its result).

Recording stays cheap: an object's state is read only when its signature (its scalars, and the
length, ends and woken head of each waiter deque) changed, and lists go out as changes (drop
from the front, drop from the back, append) when that is shorter than the list."""
import heapq
import sys

from . import describe as d
from .asyncio_internals import WATCHED_CLASSES
from .encode import optional_id, text, value

_ASYNCIO_DIR = d.ASYNCIO_DIR
# How many tasks of a line, and items of a queue, are recorded by name; the rest as a count
# (`wn`, `size`...): the page shows the first ones and how many more.
LINE_LIMIT = 32


def _kind(obj):
    """The asyncio class a learner's object is (a subclass of Queue is a Queue)."""
    for cls in type(obj).__mro__:
        if cls in WATCHED_CLASSES:
            return cls.__name__
    return type(obj).__name__


def _deque_sig(dq):
    """What changes when a waiter joins, leaves or is woken (woken from the head: asyncio wakes in
    FIFO order). A waiter cancelled in the middle of a line shows when its task leaves it."""
    if not dq:
        return 0
    woken = 0
    for fut in dq:
        if not fut.done():
            break
        woken += 1
    return (len(dq), id(dq[0]), id(dq[-1]), woken)


def list_change(old, new):
    """The JSON of `new` as a change of `old`, or None when equal. A change is {"d": dropped from
    the front, "b": dropped from the back, "a": appended}; the whole list when that is shorter."""
    if old == new:
        return None
    n_old, n_new = len(old), len(new)
    if n_new <= 4 or n_old == 0:
        return new
    prefix = 0
    limit = min(n_old, n_new)
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    if prefix == n_old:
        return {"a": new[prefix:]}
    for dropped in range(1, min(n_old, 8) + 1):   # FIFO: some left at the head, others joined
        kept = n_old - dropped
        if kept <= n_new and old[dropped:] == new[:kept]:
            change = {"d": dropped}
            if n_new > kept:
                change["a"] = new[kept:]
            return change
    if prefix > 0 and n_old - prefix <= 8:        # LIFO: popped from the back, pushed there
        change = {"b": n_old - prefix}
        if n_new > prefix:
            change["a"] = new[prefix:]
        return change
    return new


class Watched:
    """One object and what the trace last said of it."""
    __slots__ = ("obj", "oid", "kind", "frame", "line", "by", "made", "sig", "state", "holders",
                 "item_ids", "items")

    def __init__(self, obj, oid, kind, frame, line, by):
        self.obj, self.oid, self.kind = obj, oid, kind
        self.frame, self.line, self.by = frame, line, by
        self.made = _made_with(obj, kind)
        self.sig = None
        # What src/trace assumes before the first 'objstate': the state a new object has.
        self.state = _new_state(kind, self.made)
        self.holders = []
        self.item_ids = []
        self.items = []


class ObjectWatch:
    def __init__(self, run):
        self.run = run
        self.watched = []          # in creation order
        self.by_id = {}            # id(obj) -> Watched (objects kept alive in run.keep)
        self.new = []              # made, not yet announced: their variable is bound after __init__
        self.waiter_task = {}      # id(a future a task suspended on) -> the task's id

    # ---------------------------------------------------------------- the hook
    def patched(self):
        return _InitPatch(self)

    def created(self, obj, frame):
        """Called by the wrapped __init__; `frame` is its caller. Objects asyncio makes for
        itself (a Queue's Event, a Barrier's Condition) are part of their owner, not objects."""
        run = self.run
        if not run.recording() or id(obj) in self.by_id:
            return
        if frame.f_code.co_filename.startswith(_ASYNCIO_DIR):
            return
        learner = frame
        while learner is not None and learner.f_code.co_filename != run.filename:
            learner = learner.f_back
        run.keep.append(obj)
        w = Watched(obj, len(self.watched) + 1, _kind(obj), learner, run.caller_line(frame),
                    run.recorder.task_id(run.current_task()))
        self.watched.append(w)
        self.by_id[id(obj)] = w
        self.new.append(w)

    # ---------------------------------------------------------------- the events
    def announce(self):
        """'obj' for each object made since the last call, named by the variable it went into."""
        new, self.new = self.new, []
        emit = self.run.recorder.emit
        for w in new:
            obj = w.obj
            event = '{"e":"obj","o":%d,"kind":"%s"' % (w.oid, w.kind)
            name = _variable_name(obj, w.frame)
            w.frame = None                    # do not keep the frame's locals alive
            if name is not None:
                event += ',"name":' + text(name)
            event += ',"l":%s,"by":%s' % (optional_id(w.line), optional_id(w.by))
            if w.made is not None:
                event += ',"%s":%d' % w.made
            if w.kind == "Condition":
                lock = self.by_id.get(id(obj._lock))
                if lock is not None:
                    event += ',"lock":%d' % lock.oid
            emit(event + "}")

    def observe(self, task):
        """After a step (of `task`, or of a plain callback when None): an 'objstate' event for
        each object whose state the step changed."""
        if self.new:
            self.announce()
        current = self.run.recorder.task_id(task) if task is not None else None
        for w in self.watched:
            sig = _SIGNATURES[w.kind](w.obj)
            if sig != w.sig:
                w.sig = sig
                self._changed(w, current)

    def _changed(self, w, current):
        state = _STATES[w.kind](self, w, current)
        old = w.state
        parts = []
        for key, now in state.items():
            before = old.get(key)
            if isinstance(now, list):
                change = list_change(before or [], now)
                if change is not None:
                    parts.append('"%s":%s' % (key, value(change)))
            elif now != before:
                parts.append('"%s":%s' % (key, value(now)))
        w.state = state
        if parts:
            self.run.recorder.emit('{"e":"objstate","o":%d,%s}' % (w.oid, ",".join(parts)))

    # ---------------------------------------------------------------- reading the objects
    def line_of(self, dq):
        """(waiting, woken, how many wait): the first LINE_LIMIT tasks waiting in a deque of
        waiter futures, in FIFO order, and the ones woken (their future got its result, they
        have not run yet). Cancelled waiters are leaving: in neither. Past the first ones every
        future counts as waiting, so that 1,000 tasks in line cost LINE_LIMIT reads a step."""
        waiting, woken = [], []
        if not dq:
            return waiting, woken, 0
        tasks = self.waiter_task
        seen = 0
        for fut in dq:
            if len(waiting) >= LINE_LIMIT:
                break
            seen += 1
            tid = tasks.get(id(fut))
            if tid is None:
                continue
            if not fut.done():
                waiting.append(tid)
            elif not fut.cancelled():
                woken.append(tid)
        return waiting, woken, len(dq) - seen          # how many more after the ones listed

    def items_of(self, w, head):
        """Short reprs of a queue's first items; only items not shown before are repr'd."""
        ids = [id(x) for x in head]
        old_ids = w.item_ids
        if ids != old_ids:
            change = list_change(old_ids, ids)
            if isinstance(change, dict):
                items = w.items[change.get("d", 0):len(w.items) - change.get("b", 0)]
                items += [d.short_repr(x, 30) for x in head[len(items):]]
            else:
                items = [d.short_repr(x, 30) for x in head]
            w.item_ids, w.items = ids, items
        return list(w.items)


def _variable_name(obj, frame):
    """The learner's name for `obj` in the frame that made it: a local, a global, or an
    attribute of `self` (self.lock); None when it went nowhere named (a list, an argument)."""
    if frame is None:
        return None
    try:
        local_vars = frame.f_locals
        for name, v in local_vars.items():
            if v is obj:
                return name
        owner = local_vars.get("self")
        if owner is not None:
            for name, v in getattr(owner, "__dict__", {}).items():
                if v is obj:
                    return "self." + name
        for name, v in frame.f_globals.items():
            if v is obj:
                return name
    except Exception:  # a learner's object with a strange __dict__ must not break the trace
        return None
    return None


# ---------------------------------------------------------------- per kind
def _made_with(obj, kind):
    """The figure an object was made with, as (field, number): read at once, since the step that
    made it may change it before the 'obj' event goes out."""
    if kind in ("Semaphore", "BoundedSemaphore"):
        return ("init", obj._value)
    if kind in ("Queue", "PriorityQueue", "LifoQueue"):
        return ("max", obj._maxsize)
    if kind == "Barrier":
        return ("parties", obj._parties)
    return None


def _new_state(kind, made):
    if kind in ("Lock", "Condition"):
        return {"locked": False, "hold": [], "wait": [], "wn": 0, "woke": []}
    if kind in ("Semaphore", "BoundedSemaphore"):
        return {"v": made[1], "hold": [], "wait": [], "wn": 0, "woke": []}
    if kind == "Event":
        return {"set": False, "wait": [], "wn": 0, "woke": []}
    if kind == "Barrier":
        return {"n": 0, "phase": "filling", "wait": [], "wn": 0, "woke": []}
    return {"items": [], "size": 0, "get": [], "gn": 0, "put": [], "pn": 0, "unf": 0, "join": [],
            "jn": 0}


def _lock_holders(w, locked, current):
    if not locked:
        w.holders = []
    elif not w.holders:
        # Lock.acquire sets _locked in the acquiring task's own step (also after a wake-up).
        w.holders = [current] if current is not None else []
    return list(w.holders)


def _lock_state(watch, w, current):
    obj = w.obj
    waiting, woken, total = watch.line_of(obj._waiters)
    return {"locked": obj._locked, "hold": _lock_holders(w, obj._locked, current),
            "wait": waiting, "wn": total, "woke": woken}


def _condition_state(watch, w, current):
    obj = w.obj
    locked = obj._lock._locked
    waiting, woken, total = watch.line_of(obj._waiters)
    return {"locked": locked, "hold": _lock_holders(w, locked, current),
            "wait": waiting, "wn": total, "woke": woken}


def _semaphore_state(watch, w, current):
    obj = w.obj
    waiting, woken, total = watch.line_of(obj._waiters)
    old = w.state
    holders = w.holders
    granted = [t for t in woken if t not in old["woke"]]
    # The value moves by releases, minus the step's own acquisitions, minus the permits handed
    # to the waiters it woke: what is left is this step's own takes (> 0) and gives (< 0).
    taken = old["v"] - obj._value - len(granted)
    holders.extend(granted)
    if taken > 0 and current is not None:
        holders.extend([current] * taken)
    for _ in range(-taken):
        if current in holders:
            holders.remove(current)
        elif holders:
            holders.pop(0)
    return {"v": obj._value, "hold": list(holders), "wait": waiting, "wn": total, "woke": woken}


def _event_state(watch, w, current):
    obj = w.obj
    waiting, woken, total = watch.line_of(obj._waiters)
    return {"set": obj._value, "wait": waiting, "wn": total, "woke": woken}


def _queue_state(watch, w, current):
    obj = w.obj
    raw = obj._queue
    if w.kind == "PriorityQueue":
        head = _in_priority_order(raw)
    else:
        head = [raw[i] for i in range(min(LINE_LIMIT, len(raw)))]   # storage order
    getters, _, getting = watch.line_of(obj._getters)
    putters, _, putting = watch.line_of(obj._putters)
    joiners, _, joining = watch.line_of(obj._finished._waiters)
    return {"items": watch.items_of(w, head), "size": len(raw), "get": getters, "gn": getting,
            "put": putters, "pn": putting, "unf": obj._unfinished_tasks, "join": joiners,
            "jn": joining}


def _in_priority_order(heap):
    """The heap's first LINE_LIMIT items in the order get() takes them (the heap as it is when
    its items do not compare)."""
    try:
        return heapq.nsmallest(LINE_LIMIT, heap)
    except TypeError:
        return heap[:LINE_LIMIT]


def _barrier_state(watch, w, current):
    obj = w.obj
    waiting, woken, total = watch.line_of(obj._cond._waiters)
    return {"n": obj._count, "phase": obj._state.value, "wait": waiting, "wn": total,
            "woke": woken}


_STATES = {
    "Lock": _lock_state, "Condition": _condition_state,
    "Semaphore": _semaphore_state, "BoundedSemaphore": _semaphore_state,
    "Event": _event_state, "Barrier": _barrier_state,
    "Queue": _queue_state, "PriorityQueue": _queue_state, "LifoQueue": _queue_state,
}


def _queue_sig(q):
    raw = q._queue
    ends = (id(raw[0]), id(raw[-1])) if raw else None
    return (len(raw), ends, _deque_sig(q._getters), _deque_sig(q._putters), q._unfinished_tasks,
            _deque_sig(q._finished._waiters))


_SIGNATURES = {
    "Lock": lambda o: (o._locked, _deque_sig(o._waiters)),
    "Condition": lambda o: (o._lock._locked, _deque_sig(o._waiters)),
    "Semaphore": lambda o: (o._value, _deque_sig(o._waiters)),
    "BoundedSemaphore": lambda o: (o._value, _deque_sig(o._waiters)),
    "Event": lambda o: (o._value, _deque_sig(o._waiters)),
    "Barrier": lambda o: (o._count, o._state, _deque_sig(o._cond._waiters)),
    "Queue": _queue_sig, "PriorityQueue": _queue_sig, "LifoQueue": _queue_sig,
}


class _InitPatch:
    """Wraps each watched class's __init__ for the length of a run, then puts it back."""

    def __init__(self, watch):
        self.watch = watch
        self.saved = []

    def __enter__(self):
        for cls in WATCHED_CLASSES:
            original = cls.__dict__.get("__init__")
            if original is None:              # PriorityQueue, LifoQueue: Queue's
                continue
            self.saved.append((cls, original))
            cls.__init__ = _watching(original, self.watch)
        return self

    def __exit__(self, *exc):
        for cls, original in self.saved:
            cls.__init__ = original
        self.saved = []


def _watching(original, watch):
    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        watch.created(self, sys._getframe(1))
    __init__.__qualname__ = original.__qualname__
    __init__.__doc__ = original.__doc__
    return __init__
