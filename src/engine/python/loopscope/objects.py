"""The asyncio objects a program makes (Lock, Semaphore, Event, Condition, Queue, Barrier; and
the future-like ones of objects_futures.py: Futures, gather, TaskGroup, timeout, shield): when
each is made, and its state after every step that changed it ('obj' and 'objstate' events).

Nothing here changes what asyncio does. The only hooks are a wrapper around each class's
__init__ (and around create_future), which registers the new object after CPython's own code
ran. Everything else is read from the objects' real state after each step (the private names
are in asyncio_internals.OBJECT_READS), so who holds, who waits and who is woken is whatever
CPython did. How each kind is read: objects_locks.py and objects_futures.py.

Recording stays cheap: an object's state is read only when its signature (its scalars, and the
length, ends and woken head of each waiter deque) changed, and lists go out as changes (drop
from the front, drop from the back, append) when that is shorter than the list."""
import sys

from . import describe as d
from . import objects_futures as futures
from . import objects_locks as locks
from . import objects_made as made
from .objects_semaphore import semaphore_step
from .asyncio_internals import BASE_EVENT_LOOP, WATCHED_CLASSES
from .encode import optional_id, plain_value, text
from .objects_lines import line_for, read_line

_ASYNCIO_DIR = d.ASYNCIO_DIR
LINE_LIMIT = locks.LINE_LIMIT        # tasks of a line, items of a queue, recorded by name
_UNSAID = object()     # a field the trace has not given yet (a timeout's deadline, a result)


def _kind(obj):
    """The asyncio class a learner's object is (a subclass of Queue is a Queue)."""
    for cls in type(obj).__mro__:
        if cls in WATCHED_CLASSES:
            return futures.kind_of_class(cls)
    return type(obj).__name__


def list_change(old, new):
    """The JSON of `new` as a change of `old`, or None when equal. A change is {"d": dropped from
    the front, "b": dropped from the back, "a": appended}; the whole list when that is shorter."""
    if old == new:
        return None
    n_old, n_new = len(old), len(new)
    if n_new <= 4 or n_old == 0:
        return new
    if n_new > n_old and new[:n_old] == old:       # only joined at the back
        return {"a": new[n_old:]}
    for dropped in range(1, min(n_old, 8) + 1):   # FIFO: some left at the head, others joined
        kept = n_old - dropped
        if kept <= n_new and old[dropped:] == new[:kept]:
            change = {"d": dropped}
            if n_new > kept:
                change["a"] = new[kept:]
            return change
    prefix = _common_prefix(old, new)
    if prefix > 0 and n_old - prefix <= 8:        # LIFO: popped from the back, pushed there
        change = {"b": n_old - prefix}
        if n_new > prefix:
            change["a"] = new[prefix:]
        return change
    return new


def _common_prefix(old, new):
    """How many items `old` and `new` share from the front: a binary search over slices compared
    in C (a step changes a line of 50 holders near its ends, so a loop in Python over it was
    most of list_change)."""
    low, high = 0, min(len(old), len(new))      # old[:low] == new[:low]; past high they differ
    while low < high:
        mid = (low + high + 1) // 2
        if old[low:mid] == new[low:mid]:
            low = mid
        else:
            high = mid - 1
    return low


_STATES = {**locks.STATES, **futures.STATES}
# Kinds read and written in one pass, signature, state and change (objects_semaphore.py).
_FUSED = {"Semaphore": semaphore_step, "BoundedSemaphore": semaphore_step}
_SIGNATURES = {**locks.SIGNATURES, **futures.SIGNATURES}


def _made_with(obj, kind):
    return None if kind in futures.STATES else locks.made_with(obj, kind)


def _new_state(kind, made):
    return futures.new_state(kind) if kind in futures.STATES else locks.new_state(kind, made)


class Watched:
    """One object and what the trace last said of it."""
    __slots__ = ("obj", "oid", "kind", "frame", "line", "by", "made", "more", "sig", "state",
                 "holders", "item_ids", "items", "extra", "settled", "lines", "fused")

    def __init__(self, obj, oid, kind, frame, line, by, more):
        self.obj, self.oid, self.kind = obj, oid, kind
        self.frame, self.line, self.by = frame, line, by
        self.made = _made_with(obj, kind)
        self.more = more                  # [(field, JSON text)] the 'obj' event adds
        self.sig = None
        # What src/trace assumes before the first 'objstate': the state a new object has.
        self.state = _new_state(kind, self.made)
        self.extra = None                 # what a kind's reader keeps between steps
        self.settled = False              # its state can no longer change: not read again
        self.holders = []
        self.item_ids = []
        self.items = []
        self.lines = {}                   # id(a deque of waiters) -> its WaiterLine (objects_lines)
        self.fused = _FUSED.get(kind)     # its one-pass reader, if its kind has one


class ObjectWatch:
    def __init__(self, run):
        self.run = run
        self.watched = []          # in creation order
        self.live = []             # the watched ones not settled: read after each step
        self.by_id = {}            # id(obj) -> Watched (objects kept alive in run.keep)
        self.new = []              # made, not yet announced: their variable is bound after __init__
        self.waiter_task = {}      # id(a future a task suspended on) -> the task's id
        self.making = []           # asyncio.Future() calls seen this step (objects_futures.py)

    # ---------------------------------------------------------------- the hook
    def patched(self):
        return _InitPatch(self)

    def created(self, obj, frame, kind=None):
        """Called by the wrapped __init__ (and create_future); `frame` is its caller. Objects
        asyncio makes for itself (a Queue's Event, a Barrier's Condition) are part of their
        owner, not objects; gather(), timeout() and shield() make theirs for the learner."""
        run = self.run
        if not run.recording() or id(obj) in self.by_id:
            return
        kind = kind or _kind(obj)
        more = []
        if futures.made_by_api(kind):
            learner = futures.learner_frame(frame, run.filename)
            if learner is None:
                return
            more = futures.made_with(obj, kind, frame)
            shield = futures.shield_of(self, frame)
            if shield is not None:
                more.append(("shield", shield))
        elif frame.f_code.co_filename.startswith(_ASYNCIO_DIR):
            return
        else:
            learner = frame
            while learner is not None and learner.f_code.co_filename != run.filename:
                learner = learner.f_back
        self._watch(obj, kind, learner, run.caller_line(frame), more)

    def awaited(self, fut, frame):
        """The learner's code (`frame`) suspended its task on `fut`, a future asyncio gave no
        meaning to: a plain Future is an object from now on (asyncio.Future() has no __init__ to
        wrap). Where it was made is not known."""
        if id(fut) not in self.by_id and made.is_plain_future(fut) and self.run.recording():
            self._watch(fut, "Future", frame, None, [])

    def made_plain(self, fut, frame, line):
        """asyncio.Future() at `line` of the learner's `frame` made `fut` (objects_futures.py)."""
        if id(fut) not in self.by_id and self.run.recording():
            self._watch(fut, "Future", frame, line, [])

    def _watch(self, obj, kind, frame, line, more):
        run = self.run
        run.keep.append(obj)
        w = Watched(obj, len(self.watched) + 1, kind, frame, line,
                    run.recorder.task_id(run.current_task()), more)
        self.watched.append(w)
        self.live.append(w)
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
            for field, json_text in w.more:
                event += ',"%s":%s' % (field, json_text)
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
        current = _UNSAID              # the step's task id, looked up only once something changed
        settled = False
        for w in self.live:
            fused = w.fused
            if fused is not None:
                fused(self, w, task, list_change)
                continue
            sig = _SIGNATURES[w.kind](w.obj, w)
            if sig != w.sig:
                w.sig = sig
                if current is _UNSAID:
                    current = self.run.recorder.task_id(task) if task is not None else None
                self._changed(w, current)
                settled = settled or w.settled
        if settled:
            self.live = [w for w in self.live if not w.settled]

    def _changed(self, w, current):
        state = _STATES[w.kind](self, w, current)
        old = w.state
        parts = []
        # Most fields did not change: equal ones are passed over before any call.
        for key, now in state.items():
            before = old.get(key, _UNSAID)
            if type(now) is list:
                if now == before:
                    continue
                change = list_change(before if before is not _UNSAID else [], now)
                if change is not None:
                    parts.append('"%s":%s' % (key, plain_value(change)))
            elif before is _UNSAID or now != before:
                parts.append('"%s":%d' % (key, now) if type(now) is int
                             else '"%s":%s' % (key, plain_value(now)))
        w.state = state
        if parts:
            self.run.recorder.emit('{"e":"objstate","o":%d,%s}' % (w.oid, ",".join(parts)))

    # ---------------------------------------------------------------- reading the objects
    def line_of(self, dq, w):
        """(waiting, woken, how many wait): the first LINE_LIMIT tasks waiting in a deque of
        waiter futures of `w`'s object, in FIFO order, and the ones woken (their future got its
        result, they have not run yet). Cancelled waiters are leaving: in neither. Past the
        first ones every future counts as waiting, so that 1,000 tasks in line cost LINE_LIMIT
        reads a step; and only what a step can have changed is read again (objects_lines.py)."""
        return read_line(line_for(w.lines, dq), dq, self.waiter_task)

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
            self.saved.append((cls, "__init__", original))
            cls.__init__ = _watching(original, self.watch)
        original = BASE_EVENT_LOOP.create_future
        self.saved.append((BASE_EVENT_LOOP, "create_future", original))
        BASE_EVENT_LOOP.create_future = made.watching_create_future(original, self.watch)
        original = BASE_EVENT_LOOP.get_debug
        self.saved.append((BASE_EVENT_LOOP, "get_debug", original))
        BASE_EVENT_LOOP.get_debug = made.watching_get_debug(original, self.watch)
        return self

    def __exit__(self, *exc):
        for cls, name, original in self.saved:
            setattr(cls, name, original)
        self.saved = []


def _watching(original, watch):
    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        watch.created(self, sys._getframe(1))
    __init__.__qualname__ = original.__qualname__
    __init__.__doc__ = original.__doc__
    return __init__
