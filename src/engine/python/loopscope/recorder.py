"""The recorder: turns what the virtual loop does into trace events (src/protocol/trace.ts).

Events are JSON strings appended to one list (see encode.py for why); nothing derived (queues,
task states) is stored: src/trace recomputes those from the events."""
import sys
from asyncio import Timeout
from operator import attrgetter
from inspect import CO_COROUTINE

from . import describe as d
from .asyncio_internals import GATHERING_FUTURE, SET_RESULT_UNLESS_CANCELLED, TASK_TYPES
from .await_chain import await_chain
from .encode import number, optional_id, optional_number, text, value
from .suspend_event import suspend_event

# Long output in one step is split so that joining writes never re-encodes a huge string.
OUT_EVENT_MAX = 4096


_NOTHING = (None, None, None)
_CODE = attrgetter("f_code")


def _sched(hid, last_hid, on, when=None, line=None):
    """A `sched` event as JSON text; `on` is its HandleTarget, JSON text already. Trace format 3
    leaves `h` out when it is the previous sched's plus one (README "The trace format")."""
    if hid == last_hid + 1:
        event = '{"e":"sched","on":' + on
    else:
        event = '{"e":"sched","h":%d,"on":%s' % (hid, on)
    if when is not None:
        event += ',"when":' + number(when)
    if line is not None:
        event += ',"l":%d' % line
    return event + "}"


class Recorder:
    def __init__(self, run):
        self.run = run                     # the Run: clock, limits, filename, ids shared by loops
        self.events = run.events
        self.filename = run.filename
        self.object_labels = {}            # id(obj) -> "Queue#1" (objects kept alive in run.keep)
        self.object_counts = {}
        self.enabled = True
        self.out_index = -1                # index of the last "out" event, to join print()'s writes
        self.out_fd = None
        self.out_text = ""
        self.await_chains = {}             # await_target's reading of a chain of code objects
        # suspend_event's: ids of a chain's code objects -> (await_chain's reading, those codes)
        self.chains_by_code_id = {}
        self.future_texts = {}             # (those ids, id(its object)) -> a future's `on` text
        # Trace format 3 leaves out what a reader derives from earlier events (README "The
        # trace format"): these are what the reader knows at this point of the trace.
        self.last_hid = 0                  # the last sched's handle
        self.last_call_fn = None           # the last `call` target's fn
        self.future_at_line = {}           # line -> the last `future` target (JSON) a task awaited there
        self.task_by_name = {}             # a `task` event's name -> its task id (None: two tasks had it)
        # The events limit is checked at each step's start and in the line tracer, not here:
        # this is the hottest call of a recorded run.
        self.emit = self.events.append

    # ------------------------------------------------------------------ basics

    def task_id(self, task):
        if task is None:
            return None
        try:
            return task._loopscope_id
        except AttributeError:          # made without our factory: asyncio.Task(...) directly
            return self.run.adopt_task(task)

    def label(self, obj):
        key = id(obj)
        label = self.object_labels.get(key)
        if label is None:
            kind = type(obj).__name__
            n = self.object_counts.get(kind, 0) + 1
            self.object_counts[kind] = n
            label = self.object_labels[key] = f"{kind}#{n}"
            self.run.keep.append(obj)      # keep it alive so id() stays unique for the run
        return label

    # ------------------------------------------------------------------ handles
    def target(self, callback, when, current_task):
        """The HandleTarget of a callback that is not a task's step or wakeup, as JSON text, and
        its kind."""
        owner = getattr(callback, "__self__", None)
        if callback is SET_RESULT_UNLESS_CANCELLED:
            # asyncio.sleep(delay): call_later(delay, _set_result_unless_cancelled, future, result)
            delay = round(when - self.run.clock.now, 9) if when is not None else 0
            return '{"k":"sleep","task":%s,"delay":%s}' % (
                optional_id(self.task_id(current_task)), number(delay)), "sleep"
        if isinstance(owner, Timeout):
            via = "wait_for" if getattr(owner, "_loopscope_wait_for", False) else "timeout"
            return '{"k":"timeout","task":%s,"via":"%s"}' % (
                optional_id(self.task_id(owner._task)), via), "timeout"
        # issue 10: the timer of a simulated HTTP request (net/wire.py RequestTimer).
        request = getattr(callback, "_loopscope_request", None)
        if request is not None:
            target = {"k": "request", "method": request["method"], "url": request["url"],
                      "task": self.task_id(current_task)}
            if "fails" in request:
                target["fails"] = request["fails"]
            return value(target), "request"
        worker = getattr(callback, "_loopscope_worker", None)
        if worker is not None:
            return value({"k": "worker", "fn": worker, "task": self.task_id(current_task)}), "worker"
        return None, "call"

    def scheduled(self, handle, when, current_task):
        if not self.enabled:
            return
        hid = handle._loopscope_id
        last_hid, self.last_hid = self.last_hid, hid
        task = handle._loopscope_task
        if task is not None:
            # The hot path (a task's step or wakeup, a few per task): _sched's text written here,
            # with no target() round trip.
            try:
                tid = task._loopscope_id
            except AttributeError:
                tid = self.run.adopt_task(task)
            if hid == last_hid + 1:
                event = '{"e":"sched","on":{"k":"%s","task":%d}' % (handle._loopscope_kind, tid)
            else:
                event = '{"e":"sched","h":%d,"on":{"k":"%s","task":%d}' % (hid, handle._loopscope_kind, tid)
            if when is not None:
                event += ',"when":' + number(when)
            self.emit(event + "}")
            return
        callback = handle._callback
        on, kind = self.target(callback, when, current_task)
        line = None
        if on is None:
            on = self._call_target(callback, handle._args)
            line = self.run.caller_line(sys._getframe(2))
            on += ',"user":true}' if line is not None else "}"
        elif kind == "sleep" and when is not None and current_task is not None:
            # Remembered on the sleeping task (cheaper than a weak dict of futures).
            current_task._loopscope_sleep = (handle._args[0], hid, when)
        self.emit(_sched(hid, last_hid, on, when, line))

    def _call_target(self, callback, args):
        """A `call` HandleTarget's JSON text, without its closing brace. Format 3: `fn` is left
        out when it is the previous call's; a lone task argument (a done callback's, such as
        gather's `_done_callback`) is `of` its id when its name is the name of its `task` event
        and of no other task's."""
        fn = d.callable_name(callback)
        on = '{"k":"call"'
        if fn != self.last_call_fn:
            on += ',"fn":' + text(fn)
            self.last_call_fn = fn
        if len(args) == 1 and isinstance(args[0], TASK_TYPES) and not hasattr(callback, "keywords"):
            tid = self.task_id(args[0])
            if self.task_by_name.get(args[0].get_name()) == tid:
                return on + ',"of":%d' % tid
        if args or hasattr(callback, "keywords"):
            on += ',"args":' + text(d.call_args(callback, args))
        return on

    def unscheduled(self, handle):
        if self.enabled:
            self.emit('{"e":"unsched","h":%d}' % handle._loopscope_id)

    # ------------------------------------------------------------------ tasks
    def task_created(self, tid, name, coro, current_task, frame):
        """The `task` event: made before the task schedules (or eagerly runs) its first step."""
        if not self.enabled:
            return
        code = getattr(coro, "cr_code", None)
        self.task_by_name[name] = None if name in self.task_by_name else tid
        self.emit('{"e":"task","id":%d,"name":%s,"coro":%s,"by":%s,"l":%s%s}' % (
            tid, text(name), text(getattr(coro, "__qualname__", None) or d.short_repr(coro, 40)),
            optional_id(self.task_id(current_task)), optional_number(self.run.caller_line(frame)),
            ',"internal":true' if code is None or code.co_filename != self.filename else ""))

    def await_target(self, task):
        """What a suspended task waits on (an AwaitTarget dict), its line, and its await stack
        when more than one of the learner's frames is on it (else [])."""
        waiter = task._fut_waiter
        filename = self.filename
        frames = d.user_frames(task.get_coro(), filename)
        codes = tuple(map(_CODE, frames))
        # Which frames are the learner's and which one is the asyncio API called: the same for
        # every wait at the same place (1,000 tasks waiting at one `async with limit`).
        chain = self.await_chains.get(codes)
        if chain is None:
            chain = self.await_chains[codes] = await_chain(frames, filename)
        mine_at, api_at = chain
        mine = [frames[i] for i in mine_at]
        line = mine[-1].f_lineno if mine else None
        stack = [[f.f_code.co_qualname, f.f_lineno] for f in mine] if len(mine) > 1 else []
        if waiter is None:
            return None, line, stack
        sleep = getattr(task, "_loopscope_sleep", _NOTHING)
        if sleep[0] is waiter:
            return {"k": "sleep", "until": sleep[2], "h": sleep[1]}, line, stack
        if isinstance(waiter, TASK_TYPES):
            on = {"k": "task", "task": self.task_id(waiter)}
        elif isinstance(waiter, GATHERING_FUTURE):
            on = {"k": "gather", "children": [
                self.task_id(c) if isinstance(c, TASK_TYPES) else None for c in waiter._children]}
        elif getattr(task, "_loopscope_executor", _NOTHING)[0] is waiter:
            on = {"k": "executor", "fn": task._loopscope_executor[1]}
        elif getattr(waiter, "_loopscope_request", None) is not None:
            # issue 10: a simulated HTTP request on the wire, or queued for a connection.
            request = waiter._loopscope_request
            on = {"k": "request", "method": request["method"], "url": request["url"]}
            if request.get("queued"):
                on["queued"] = True
        else:
            on = {"k": "future"}
            api_frame = frames[api_at] if api_at is not None else None
            if api_frame is None and mine:
                # `await fut` in the learner's code: the future is an object (objects.py).
                self.run.objects.awaited(waiter, mine[-1])
            if api_frame is not None:
                on["api"] = api_frame.f_code.co_qualname
                owner = api_frame.f_locals.get("self")
                if owner is not None and not isinstance(owner, TASK_TYPES):
                    on["obj"] = self.label(owner)
        return on, line, stack

    def step_started(self, handle, task, target_kind):
        hid = handle._loopscope_id
        delivered = None
        if task is not None:
            if task._must_cancel:
                # cancel() came when what it awaited was already done: Task.__step throws anyway.
                delivered = "CancelledError"
            elif target_kind == "wakeup":
                fut = handle._args[0] if handle._args else None
                if fut is not None and fut.done():
                    if fut.cancelled():
                        delivered = "CancelledError"
                    elif fut._exception is not None:
                        delivered = type(fut._exception).__name__
        if delivered is None:
            self.emit('{"e":"run","h":%d}' % hid)
        else:
            self.emit('{"e":"run","h":%d,"x":%s}' % (hid, text(delivered)))

    def step_finished(self, task):
        tid = self.task_id(task)
        state = task._state
        if state == "PENDING":
            event = suspend_event(self, task, tid)     # the two most common waits, the short way
            if event is not None:
                self.emit(event)
                return
            on, line, stack = self.await_target(task)
            if on is None:
                self.emit('{"e":"yield","task":%d,"l":%s}' % (tid, optional_id(line)))
                return
            kind = on["k"]
            if kind == "sleep":
                # Format 3: its `until` and `h` are those of the task's last sleep sched.
                on_text = '{"k":"sleep"}'
            elif kind == "task":
                on_text = '{"k":"task","task":%d}' % on["task"]
            elif kind == "future" and len(on) <= 3:
                # A Semaphore's or Queue's future, most often: value()'s text, without json.dumps.
                on_text = '{"k":"future"'
                if "api" in on:
                    on_text += ',"api":' + text(on["api"])
                if "obj" in on:
                    on_text += ',"obj":' + text(on["obj"])
                on_text += "}"
            else:
                on_text = value(on)
            if kind == "future" and line is not None:
                # Format 3: no `on` when the task waits on what the last future at this line was.
                if self.future_at_line.get(line) == on_text:
                    on_text = None
                else:
                    self.future_at_line[line] = on_text
            # Which task a waiter future in a Lock's or Queue's deque stands for (objects.py).
            self.run.objects.waiter_task[id(task._fut_waiter)] = tid
            if on_text is None:
                event = '{"e":"suspend","task":%d,"l":%d' % (tid, line)
            else:
                event = '{"e":"suspend","task":%d,"l":%s,"on":%s' % (tid, optional_id(line), on_text)
            if stack:
                event += ',"stack":' + value(stack)
            self.emit(event + "}")
        elif state == "CANCELLED":
            msg = task._cancel_message
            if msg is None:
                self.emit('{"e":"done","task":%d,"outcome":"cancelled"}' % tid)
            else:
                self.emit('{"e":"done","task":%d,"outcome":"cancelled","exc":%s}' % (
                    tid, text("CancelledError: " + d.short_repr(msg, 60))))
        else:
            exc = task._exception
            if exc is not None:
                message = str(exc)
                described = type(exc).__name__
                if message:
                    described += ": " + (message if len(message) <= 100 else message[:99] + "…")
                self.emit('{"e":"done","task":%d,"outcome":"exception","exc":%s}' % (tid, text(described)))
            else:
                self.emit('{"e":"done","task":%d,"outcome":"result","value":%s}' % (
                    tid, text(d.short_repr(task._result))))

    # ------------------------------------------------------------------ cancellation
    def cancel_requested(self, task, msg, via, by, line, cause):
        if not self.enabled:
            return
        event = {"e": "cancel", "task": self.task_id(task), "by": self.task_id(by),
                 "via": via, "l": line}
        if msg is not None:
            event["msg"] = d.short_repr(msg, 60)
        if cause is not None:
            event["cause"] = self.task_id(cause)
        self.emit(value(event))

    def uncancelled(self, task, via):
        if self.enabled:
            self.emit('{"e":"uncancel","task":%d,"via":%s}' % (self.task_id(task), text(via)))

    # ------------------------------------------------------------------ the rest
    def output(self, fd, s):
        if not self.enabled:
            return
        events = self.events
        # print() writes the text and the newline separately: keep them one event.
        if self.out_index == len(events) - 1 and self.out_fd == fd and len(self.out_text) < OUT_EVENT_MAX:
            self.out_text += s
            events[-1] = self._out_event(fd, self.out_text)
        else:
            self.emit(self._out_event(fd, s))
            self.out_index, self.out_fd, self.out_text = len(events) - 1, fd, s
        self.output_written(s)

    def output_written(self, s):
        # A finished line is what a learner watches: keep it soon, in case a long C call comes next.
        if s.endswith("\n"):
            self.run.flush_for_output()

    @staticmethod
    def _out_event(fd, s):
        if fd == "err":
            return '{"e":"out","s":%s,"fd":"err"}' % text(s)
        return '{"e":"out","s":%s}' % text(s)

    def blocked(self, secs, line, request=None, frame=None):
        """`frame` called time.sleep: `co` says it is a coroutine's body in the learner's file
        (so `await asyncio.sleep` can stand in for it: a quick fix on the page)."""
        if self.enabled:
            if request is None:
                co = frame is not None and frame.f_code.co_flags & CO_COROUTINE \
                    and frame.f_code.co_filename == self.filename
                self.emit('{"e":"block","d":%s,"l":%s%s}' % (
                    number(secs), optional_id(line), ',"co":true' if co else ""))
            else:   # issue 10: a simulated `requests` call blocked the loop
                self.emit('{"e":"block","d":%s,"l":%s,"req":%s}' % (
                    number(secs), optional_id(line), value(request)))

    def worker(self, name, start, duration, hid):
        if self.enabled:
            self.emit(value({"e": "worker", "fn": name, "start": start, "d": duration, "h": hid}))

    def loop(self, n, is_open):
        if self.enabled:
            self.emit('{"e":"loop","n":%d,"open":%s}' % (n, "true" if is_open else "false"))

    def iteration(self, n, now, due):
        if due:
            self.emit('{"e":"iter","n":%d,"t":%s,"due":[%s]}' % (n, number(now), ",".join(map(str, due))))
        else:
            self.emit('{"e":"iter","n":%d,"t":%s}' % (n, number(now)))

    def skipped(self, handle):
        self.emit('{"e":"skip","h":%d}' % handle._loopscope_id)

    def warning(self, kind, msg, task=None, api=None, coro=None, line=None):
        """`api`: for kind 'deprecated-api', (the RemovedApi, the Python version that deprecated it).
        `coro`, `line`: for kind 'never-awaited', the coroutine's qualified name and the
        learner's line that made it."""
        if self.enabled:
            event = {"e": "warn", "kind": kind, "msg": msg}
            if task is not None:
                event["task"] = self.task_id(task)
            if api is not None:
                event["api"], event["version"] = api
            if coro is not None:
                event["coro"] = coro
            if line is not None:
                event["l"] = line
            self.emit(value(event))
