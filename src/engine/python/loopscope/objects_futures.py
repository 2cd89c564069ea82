"""The future-like objects a program makes or awaits (plain Futures, gather, TaskGroup, timeout
and wait_for, shield): what objects.py records of them, kind by kind.

How they are met, since not all of them have an __init__ of their own to wrap:
- gather's _GatheringFuture, TaskGroup and Timeout: their Python __init__ is wrapped, like a
  Lock's (objects.py); gather() and timeout() make them inside asyncio, so the frame that counts
  is the first one outside asyncio, which must be the learner's (asyncio's own gather, in
  asyncio.run's clean-up, is not the learner's object);
- a Future the learner makes with loop.create_future(): BaseEventLoop.create_future is wrapped
  for the run, and a call from the learner's code makes it an object; a call from shield() is the
  shield's outer future, whose inner one shield() holds in its local `inner`;
- a Future made with asyncio.Future() (a C type, nothing to wrap): C's Future.__init__ asks its
  loop `get_debug()` by method lookup, with the learner's frame as the caller, so a wrapper of
  BaseEventLoop.get_debug for the run notes that frame and its line (`making`); at the end of
  the step the new plain futures in that frame's locals (or one level into a list, tuple, dict
  or `self`) are the ones it made. One that went nowhere the frame holds (straight into a call's
  arguments) is met when the learner's own code first awaits it (the recorder tells `awaited`),
  with no line of creation.

Every state is read from CPython's objects after a step (the names are in
asyncio_internals.OBJECT_READS). A Future's awaiters are the tasks whose wakeup is among its
done callbacks, in the order CPython will call them; once it is done they are the woken ones
until each has run. An object whose state can no longer change (a done future whose awaiters
all ran, a finished timeout, a TaskGroup that exited) is settled: no longer read."""
from operator import itemgetter

from . import describe as d
from .asyncio_internals import (GATHERING_FUTURE, SHIELD_CODE, TASK_TYPES, TIMEOUT,
                                WAIT_FOR_QUALNAME)

_ASYNCIO_DIR = d.ASYNCIO_DIR
# A gather's or TaskGroup's children recorded by id; the rest as a count (`nk`). How many are
# done is counted over all of them (`nd`; a TaskGroup's from `np`, its children still running).
CHILD_LIMIT = 32
# Done callbacks named (other than the tasks' wakeups, which are the awaiters).
CALLBACK_LIMIT = 8

FUTURE_STATES = {"PENDING": "pending", "FINISHED": "done", "CANCELLED": "cancelled"}
_SETTLED_TIMEOUT = ("expired", "finished")
_FIRST = itemgetter(0)           # a done callback's function, of its (function, context) pair


def kind_of_class(cls):
    """The kind a watched class's objects are recorded as."""
    if cls is GATHERING_FUTURE:
        return "gather"
    if cls is TIMEOUT:
        return "timeout"
    return cls.__name__


def made_by_api(kind):
    """True for the kinds asyncio's functions make for the learner (gather(), timeout(),
    shield()): the frame that made them is asyncio's, the one that asked is the learner's."""
    return kind in ("gather", "timeout", "Future")


def learner_frame(frame, filename):
    """The first frame outside asyncio, when it is the learner's code; else None."""
    while frame is not None and frame.f_code.co_filename.startswith(_ASYNCIO_DIR):
        frame = frame.f_back
    if frame is not None and frame.f_code.co_filename == filename:
        return frame
    return None


def made_with(obj, kind, frame):
    """What the 'obj' event says of how it was made, read from the frame that made it (asyncio's
    gather() or timeout()): [(field, JSON text)]."""
    if kind == "gather":
        # gather(..., return_exceptions=...) keeps the flag in its frame, not on the future.
        if frame.f_code.co_qualname == "gather" and frame.f_locals.get("return_exceptions"):
            return [("rexc", "true")]
    elif kind == "timeout":
        caller = frame.f_back
        if caller is not None and caller.f_code.co_qualname == WAIT_FOR_QUALNAME and \
                caller.f_code.co_filename.startswith(_ASYNCIO_DIR):
            return [("via", '"wait_for"')]
    return []


def new_state(kind):
    """The state src/trace assumes before the first 'objstate' (newState there)."""
    if kind in ("Future", "gather"):
        state = {"fut": "pending", "wait": [], "woke": [], "cbs": []}
        if kind == "gather":
            state["kids"], state["nk"], state["nd"] = [], 0, 0
        return state
    if kind == "TaskGroup":
        return {"tg": "new", "abort": False, "kids": [], "nk": 0, "pend": [], "np": 0, "errs": 0}
    return {"tmo": "created"}


# ---------------------------------------------------------------- futures and gather
def _awaiters(fut):
    """The tasks whose wakeup is a done callback of `fut` (in the order CPython calls them), and
    the names of its other callbacks."""
    tasks, names = [], []
    for callback, _context in fut._callbacks or ():
        owner, role = d.task_callback(callback)
        if role == "wakeup":
            tasks.append(owner)
        elif len(names) < CALLBACK_LIMIT:
            names.append(d.callable_name(callback))
    return tasks, names


def _outcome(fut, state):
    if fut._state == "FINISHED":
        exc = fut._exception
        if exc is not None:
            # As a task's 'done' event says it: "ValueError: bad input".
            message = str(exc)
            if len(message) > 60:
                message = message[:59] + "…"
            state["exc"] = type(exc).__name__ + (": " + message if message else "")
        else:
            state["res"] = d.short_repr(fut._result, 30)


class _GatherReads:
    """What a gather's reader keeps between steps: its awaiters (as a Future's), its children not
    seen done yet, and the run, whose count of finished tasks tells the signature that a child
    may have finished.

    A child task is done from the step that finished it on (a Task ends only in its own step),
    and the run logs the id of each task that finished (run.finished_ids; the child is alive, as
    the gather holds it, so the id is its own): a read takes off the children logged since the
    last one instead of asking each child again. 1,000 children finishing one per step cost
    half a million done() calls the other way. Children that are not tasks (futures set by a
    callback) are asked at each read, as before."""
    __slots__ = ("awaiters", "tasks", "left", "others", "seen", "run", "kids")

    def __init__(self, run, children):
        self.awaiters, self.run = [], run
        self.kids = None           # the listed children's ids: read once (see future_state)
        self.tasks = {}            # id(a child task not done yet) -> how often it is a child
        self.others = []           # the children not done yet that are not tasks
        for child in children:
            if child.done():
                continue
            if isinstance(child, TASK_TYPES):
                self.tasks[id(child)] = self.tasks.get(id(child), 0) + 1
            else:
                self.others.append(child)
        self.left = sum(self.tasks.values())
        self.seen = len(run.finished_ids)

    def remaining(self):
        """How many children are not done yet, brought up to date."""
        log = self.run.finished_ids
        if self.seen < len(log):
            tasks = self.tasks
            if tasks:
                pop = tasks.pop
                for key in log[self.seen:]:
                    self.left -= pop(key, 0)
            self.seen = len(log)
        if self.others:
            self.others = [c for c in self.others if not c.done()]
        return self.left + len(self.others)


def _awaiting(w):
    """The tasks that awaited `w`'s future when it was last read pending."""
    extra = w.extra
    return extra.awaiters if isinstance(extra, _GatherReads) else (extra or ())


def future_state(watch, w, current):
    fut = w.obj
    task_id = watch.run.recorder.task_id
    state = {"fut": FUTURE_STATES.get(fut._state, "pending")}
    gather = None
    if w.kind == "gather":
        gather = w.extra if w.extra is not None else _GatherReads(watch.run, fut._children)
        w.extra = gather
        remaining = gather.remaining()
    if fut._state == "PENDING":
        tasks, names = _awaiters(fut)
        if gather is not None:
            gather.awaiters = tasks
        else:
            w.extra = tasks
        state["wait"] = [task_id(t) for t in tasks]
        state["woke"] = []
        state["cbs"] = names
    else:
        # Woken: awaited it when it got done, and not run since (their _fut_waiter is still it).
        woken = [t for t in _awaiting(w) if t._fut_waiter is fut]
        state["wait"] = []
        state["woke"] = [task_id(t) for t in woken]
        state["cbs"] = []
        _outcome(fut, state)
        # A gather that failed early (no return_exceptions) still has children running: its
        # count of done ones goes on changing until the last one ends.
        if not woken and (gather is None or not remaining):
            w.settled = True
    if gather is not None:
        children = fut._children
        if gather.kids is None:
            # A gather's children never change (it keeps them from its start): their ids once.
            kids = [task_id(c) for c in children[:CHILD_LIMIT * 2] if isinstance(c, TASK_TYPES)]
            gather.kids = kids[:CHILD_LIMIT]
        state["kids"] = list(gather.kids)
        state["nk"] = len(children)
        # Done as CPython's children say (c.done()), over all of them, not only the listed ones.
        state["nd"] = len(children) - remaining
    return state


def future_sig(fut, w):
    extra = w.extra
    # A gather's children finish in their own steps: any task that finished may be one of them.
    # (A child that is a plain future, set by a callback, is counted at the next read.)
    finished = len(extra.run.finished_ids) if isinstance(extra, _GatherReads) else 0
    if fut._state == "PENDING":
        # In C (map), not a generator: a gather of 100,000 tasks is asked at every step.
        return (0, finished, tuple(map(id, map(_FIRST, fut._callbacks or ()))))
    return (fut._state, finished, tuple(t._fut_waiter is fut for t in _awaiting(w)))


# ---------------------------------------------------------------- TaskGroup
def _group_phase(tg):
    if not tg._entered:
        return "new"
    if not tg._exiting:
        return "open"
    # In __aexit__: it waits while children are left, and until it has run after the last one.
    if tg._tasks or tg._on_completed_fut is not None:
        return "exiting"
    return "done"


class _Children:
    """A TaskGroup's children as seen so far, in creation (task id) order, and where the ones
    still running begin: a child that left `_tasks` never comes back."""
    __slots__ = ("tasks", "ids", "first_running", "known")

    def __init__(self):
        self.tasks, self.ids, self.first_running, self.known = [], [], 0, 0


def task_group_state(watch, w, current):
    tg = w.obj
    task_id = watch.run.recorder.task_id
    kids = w.extra if w.extra is not None else _Children()
    w.extra = kids
    running = tg._tasks
    # Children join only in a step of a task of the group's (create_task) and leave only in
    # their done callbacks (other steps): _tasks is scanned for newcomers only when it grew.
    if len(running) > kids.known:
        known = set(kids.ids)
        fresh = sorted(((task_id(t), t) for t in running if task_id(t) not in known),
                       key=lambda pair: pair[0])
        last = kids.ids[-1] if kids.ids else 0
        for tid, t in fresh:
            kids.ids.append(tid)
            kids.tasks.append(t)
        if fresh and fresh[0][0] < last:        # an older task joined late: keep id order
            order = sorted(range(len(kids.ids)), key=kids.ids.__getitem__)
            kids.ids = [kids.ids[i] for i in order]
            kids.tasks = [kids.tasks[i] for i in order]
            kids.first_running = 0
    kids.known = len(running)
    # Still running as CPython counts them: a child leaves _tasks when its done callback runs.
    tasks = kids.tasks
    while kids.first_running < len(tasks) and tasks[kids.first_running] not in running:
        kids.first_running += 1
    pending = []
    for i in range(kids.first_running, len(tasks)):
        if len(pending) >= CHILD_LIMIT:
            break
        if tasks[i] in running:
            pending.append(kids.ids[i])
    phase = _group_phase(tg)
    errors = tg._errors
    state = {"tg": phase, "abort": tg._aborting, "kids": kids.ids[:CHILD_LIMIT], "nk": len(kids.ids),
             "pend": pending, "np": len(running),
             "errs": len(errors) if errors is not None else w.state.get("errs", 0)}
    if tg._parent_task is not None:
        state["parent"] = task_id(tg._parent_task)
    if phase == "done":
        w.settled = True
        w.extra = None
    return state


def task_group_sig(tg, w):
    return (tg._entered, tg._exiting, tg._aborting, len(tg._tasks), tg._on_completed_fut is None,
            len(tg._errors) if tg._errors else 0)


# ---------------------------------------------------------------- timeout and wait_for
def timeout_state(watch, w, current):
    tm = w.obj
    phase = tm._state.value
    state = {"tmo": phase, "when": tm._when}
    if tm._task is not None:
        state["task"] = watch.run.recorder.task_id(tm._task)
    if phase in _SETTLED_TIMEOUT:
        w.settled = True
    return state


def timeout_sig(tm, w):
    return (tm._state, tm._when, tm._task is None)


STATES = {"Future": future_state, "gather": future_state, "TaskGroup": task_group_state,
          "timeout": timeout_state}
SIGNATURES = {"Future": future_sig, "gather": future_sig, "TaskGroup": task_group_sig,
              "timeout": timeout_sig}


# ---------------------------------------------------------------- the hooks
def shield_of(watch, frame):
    """The 'shield' field of a Future that shield() made in `frame`: its inner future, as a task
    or an object; None when `frame` is not shield()'s."""
    if frame.f_code is not SHIELD_CODE:
        return None
    inner = frame.f_locals.get("inner")
    if isinstance(inner, TASK_TYPES):
        return '{"task":%d}' % watch.run.recorder.task_id(inner)
    known = watch.by_id.get(id(inner))
    return '{"o":%d}' % known.oid if known is not None else "{}"
