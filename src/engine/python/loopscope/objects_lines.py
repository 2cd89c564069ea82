"""The line of waiters of an asyncio object (a deque of waiter futures: a Lock's, a Semaphore's,
a Queue's getters...), read after a step without reading all of it again.

1,000 tasks retrying on one Semaphore(50) change its line at almost every step: 50 woken
waiters stand at its head until each has run, then 32 listed waiters; reading the 82 futures
one by one after each step was most of a recorded run. What a step can do to a line is small:
drop waiters from the front (a woken task ran), append at the back (a task started to wait),
wake the next ones (their futures got done, in FIFO order). So what the last read saw is kept,
and a read checks only what can have changed: which futures left the front, whether the listed
waiters are still waiting, and the newcomers. Futures that are done stay done, and a future in
the deque is alive, so its id stays its own. Anything else (a waiter cancelled in the middle, a
future no task of the trace waits on, more change than that) is read again from the head, one
future at a time, as before. Both give the same answer; the short way is only taken when it can.
"""
from asyncio import Future
from itertools import islice

# How many tasks of a line, and items of a queue, are recorded by name; the rest as a count
# (`wn`, `size`...): the page shows the first ones and how many more.
LINE_LIMIT = 32
_DONE = Future.done        # asyncio's C Future's, called from map()
_MOST_DROPPED = 8          # waiters that left the front in one step, looked for


class WaiterLine:
    """One deque and what was read of it: for the signature, its length, ends and how many
    futures at its head are done; for the state, the futures read (the done head, then up to
    LINE_LIMIT waiting) and their tasks' ids (None: cancelled)."""
    __slots__ = ("dq", "n", "first", "second", "last", "head", "futs", "tids", "read_head", "gone",
                 "cancels")

    def __init__(self, dq):
        self.dq = dq
        self.n = -1
        self.first = self.second = self.last = None
        self.head = 0
        self.futs = []             # empty: the next read starts from the head
        self.tids = []
        self.read_head = 0
        self.gone = 0              # cancelled futures in the read head (tids None)
        # run.cancels when the listed futures were last all seen waiting (objects_semaphore)
        self.cancels = -1


def line_for(lines, dq):
    """The WaiterLine of deque `dq` in `lines` (a watched object's: id(deque) -> WaiterLine)."""
    line = lines.get(id(dq))
    if line is None or line.dq is not dq:
        line = lines[id(dq)] = WaiterLine(dq)
    return line


def woken_at_head(line, dq):
    """How many futures at the head of the line are done. When the line is the one of the last
    call with its first future gone or not and others appended at the back (the old first or
    second future is at the front, the old last one where it must then be: no other left), the
    futures that were done are still done and only the ones after them need a look."""
    n = len(dq)
    first = dq[0]
    old_n = line.n
    if first is line.first:
        dropped = 0
    elif first is line.second:
        dropped = 1
    else:
        dropped = -1
    if dropped >= 0 and n >= old_n - dropped and dq[old_n - 1 - dropped] is line.last:
        head = _done_from(dq, max(line.head - dropped, 0))
    else:
        head = _done_from(dq, 0)
    line.n, line.first, line.last = n, first, dq[-1]
    line.second = dq[1] if n > 1 else None
    line.head = head
    return head


def _done_from(dq, k):
    """The index of the first future not done at or after k (len(dq) when there is none): read
    in C, a chunk at a time."""
    n = len(dq)
    if k < n and not dq[k].done():
        return k                              # most steps: no waiter woke since the last read
    take = 64
    while k < n:
        try:
            done = list(map(_DONE, islice(dq, k, k + take)))
        except TypeError:                     # not asyncio's C futures: one by one
            for fut in islice(dq, k, None):
                if not fut.done():
                    return k
                k += 1
            return k
        try:
            return k + done.index(False)
        except ValueError:
            k += len(done)
            take *= 4
    return k


def read_line(line, dq, tasks):
    """(waiting, woken, how many more wait): the first LINE_LIMIT tasks waiting, in FIFO order,
    and the ones woken (their future got its result, they have not run yet); cancelled waiters
    are leaving, in neither. `tasks`: id(a waiter future) -> its task's id."""
    if not dq:
        line.futs = []
        return [], [], 0
    old = line.futs
    if old:
        result = _read_on(line, dq, tasks, old)
        if result is not None:
            return result
    return _read_from_head(line, dq, tasks)


def _read_on(line, dq, tasks, old):
    """The short read, from what the last one saw; None when it cannot tell."""
    m = len(old)
    cur = list(islice(dq, m + 2))
    for dropped in range(min(m, _MOST_DROPPED) + 1):
        if cur[:m - dropped] == old[dropped:]:
            break
    else:
        return None
    # Waiters that were still waiting may have left too (a Queue's getter is popped as it wakes).
    head = max(line.read_head - dropped, 0)
    kept = m - dropped
    try:
        done = list(map(_DONE, cur[head:]))
        new_tids = list(map(tasks.__getitem__, map(id, cur[kept:])))
    except (TypeError, KeyError):        # not asyncio's C futures; a stranger's future
        return None
    try:
        woke = done.index(False)         # the waiters woken since: FIFO, from the front
    except ValueError:
        woke = len(done)
    if True in done[woke:]:
        return None                      # a waiter done out of turn (cancelled)
    tids = line.tids[dropped:] + new_tids
    gone = line.gone
    if dropped:
        gone -= line.tids[:dropped].count(None)
    if woke:
        for i, fut in enumerate(cur[head:head + woke], head):
            if fut.cancelled():
                tids[i] = None
                gone += 1
    head += woke
    waiting = tids[head:head + LINE_LIMIT]
    if len(waiting) < LINE_LIMIT and len(cur) < len(dq):
        return None                      # more of the line must be read to list LINE_LIMIT
    del cur[head + LINE_LIMIT:], tids[head + LINE_LIMIT:]
    line.futs, line.tids, line.read_head, line.gone = cur, tids, head, gone
    woken = tids[:head]
    if gone:
        woken = [t for t in woken if t is not None]
    return waiting, woken, len(dq) - head - len(waiting)


def _read_from_head(line, dq, tasks):
    """The whole read, one future at a time: any line, whatever its shape. Keeps what it saw for
    the next short read when the line has the usual shape (the done head, then waiting futures
    of known tasks)."""
    waiting, woken = [], []
    futs, tids = [], []
    usual = True
    head = gone = 0
    seen = 0
    for fut in dq:
        if len(waiting) >= LINE_LIMIT:
            break
        seen += 1
        tid = tasks.get(id(fut))
        if tid is None:
            usual = False
            continue
        futs.append(fut)
        if not fut.done():
            waiting.append(tid)
            tids.append(tid)
        else:
            if waiting:
                usual = False            # done behind a waiting one
            elif fut.cancelled():
                tids.append(None)
                gone += 1
                head += 1
                continue
            else:
                head += 1
            if not fut.cancelled():
                woken.append(tid)
            tids.append(tid)
    if usual:
        line.futs, line.tids, line.read_head, line.gone = futs, tids, head, gone
    else:
        line.futs = []
    return waiting, woken, len(dq) - seen
