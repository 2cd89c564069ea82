"""What objects.py records of the locks and queues (Lock, Condition, Semaphore,
BoundedSemaphore, Event, Barrier, Queue, PriorityQueue, LifoQueue), kind by kind: the figures
an object is made with, the state a new one has, its state read from CPython's object after a
step, and the signature that says whether a step changed it.

Holders, which CPython does not keep, follow from what the step did: a Lock locked in a task's
step is held by that task; a Semaphore's permits go to the task whose step took them (its value
fell) or to the waiter the step woke (its future got its result)."""
import heapq

from .objects_lines import LINE_LIMIT, line_for, woken_at_head


def _deque_sig(dq, w):
    """What changes when a waiter joins, leaves or is woken (woken from the head: asyncio wakes in
    FIFO order). A waiter cancelled in the middle of a line shows when its task leaves it."""
    if not dq:
        return 0
    return (len(dq), id(dq[0]), id(dq[-1]), woken_at_head(line_for(w.lines, dq), dq))


def made_with(obj, kind):
    """The figure an object was made with, as (field, number): read at once, since the step that
    made it may change it before the 'obj' event goes out."""
    if kind in ("Semaphore", "BoundedSemaphore"):
        return ("init", obj._value)
    if kind in ("Queue", "PriorityQueue", "LifoQueue"):
        return ("max", obj._maxsize)
    if kind == "Barrier":
        return ("parties", obj._parties)
    return None


def new_state(kind, made):
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
    waiting, woken, total = watch.line_of(obj._waiters, w)
    return {"locked": obj._locked, "hold": _lock_holders(w, obj._locked, current),
            "wait": waiting, "wn": total, "woke": woken}


def _condition_state(watch, w, current):
    obj = w.obj
    locked = obj._lock._locked
    waiting, woken, total = watch.line_of(obj._waiters, w)
    return {"locked": locked, "hold": _lock_holders(w, locked, current),
            "wait": waiting, "wn": total, "woke": woken}


def _semaphore_state(watch, w, current):
    obj = w.obj
    waiting, woken, total = watch.line_of(obj._waiters, w)
    old = w.state
    holders = w.holders
    granted = newly_woken(old["woke"], woken)
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


def newly_woken(was_woken, woken):
    """The woken tasks that were not woken before, in order. Most often the old ones minus the
    first that ran, then the new ones: only those are looked up (50 stand woken at a time)."""
    n = len(was_woken)
    rest = woken
    for dropped in (0, 1):
        if woken[:n - dropped] == was_woken[dropped:]:
            rest = woken[n - dropped:]
            break
    if not rest or not was_woken:
        return list(rest)
    was_woken = set(was_woken)
    return [t for t in rest if t not in was_woken]


def _event_state(watch, w, current):
    obj = w.obj
    waiting, woken, total = watch.line_of(obj._waiters, w)
    return {"set": obj._value, "wait": waiting, "wn": total, "woke": woken}


def _queue_state(watch, w, current):
    obj = w.obj
    raw = obj._queue
    if w.kind == "PriorityQueue":
        head = _in_priority_order(raw)
    else:
        head = [raw[i] for i in range(min(LINE_LIMIT, len(raw)))]   # storage order
    getters, _, getting = watch.line_of(obj._getters, w)
    putters, _, putting = watch.line_of(obj._putters, w)
    joiners, _, joining = watch.line_of(obj._finished._waiters, w)
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
    waiting, woken, total = watch.line_of(obj._cond._waiters, w)
    return {"n": obj._count, "phase": obj._state.value, "wait": waiting, "wn": total,
            "woke": woken}


STATES = {
    "Lock": _lock_state, "Condition": _condition_state,
    "Semaphore": _semaphore_state, "BoundedSemaphore": _semaphore_state,
    "Event": _event_state, "Barrier": _barrier_state,
    "Queue": _queue_state, "PriorityQueue": _queue_state, "LifoQueue": _queue_state,
}


def _queue_sig(q, w):
    raw = q._queue
    ends = (id(raw[0]), id(raw[-1])) if raw else None
    return (len(raw), ends, _deque_sig(q._getters, w), _deque_sig(q._putters, w), q._unfinished_tasks,
            _deque_sig(q._finished._waiters, w))


SIGNATURES = {
    "Lock": lambda o, w: (o._locked, _deque_sig(o._waiters, w)),
    "Condition": lambda o, w: (o._lock._locked, _deque_sig(o._waiters, w)),
    "Semaphore": lambda o, w: (o._value, _deque_sig(o._waiters, w)),
    "BoundedSemaphore": lambda o, w: (o._value, _deque_sig(o._waiters, w)),
    "Event": lambda o, w: (o._value, _deque_sig(o._waiters, w)),
    "Barrier": lambda o, w: (o._count, o._state, _deque_sig(o._cond._waiters, w)),
    "Queue": _queue_sig, "PriorityQueue": _queue_sig, "LifoQueue": _queue_sig,
}
