"""The recorder: turns what the virtual loop does into trace events (src/protocol/trace.ts).

Events are small dicts appended to one list; nothing derived (queues, task states) is stored:
src/trace recomputes those from the events."""
import sys
import weakref

from . import describe as d
from .limits import RunEnded, limit_end


class Recorder:
    def __init__(self, run):
        self.run = run                     # the Run: clock, limits, filename, ids shared by loops
        self.events = run.events
        self.filename = run.filename
        self.sleep_timers = weakref.WeakKeyDictionary()     # sleep future -> (handle id, deadline)
        self.executor_futures = weakref.WeakKeyDictionary()  # executor future -> function name
        self.object_labels = {}            # id(obj) -> "Queue#1" (objects kept alive in run.keep)
        self.object_counts = {}
        self.enabled = True

    # ------------------------------------------------------------------ basics
    def emit(self, event):
        events = self.events
        events.append(event)
        if len(events) > self.run.limits.max_events:
            self.enabled = False
            raise RunEnded(limit_end(
                "events", f"The run recorded more than {self.run.limits.max_events:,} events.",
                self.run.current_line()))

    def task_id(self, task):
        if task is None:
            return None
        tid = getattr(task, "_loopscope_id", None)
        if tid is None:
            tid = self.run.adopt_task(task)
        return tid

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
    def target(self, callback, args, when, current_task):
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, d.TASK_TYPES):
            name = getattr(callback, "__name__", "")
            kind = "wakeup" if "wakeup" in name else "step"
            return {"k": kind, "task": self.task_id(owner)}
        if callback is d.SET_RESULT_UNLESS_CANCELLED:
            # asyncio.sleep(delay): call_later(delay, _set_result_unless_cancelled, future, result)
            return {"k": "sleep", "task": self.task_id(current_task),
                    "delay": round(when - self.run.clock.now, 9) if when is not None else 0}
        if isinstance(owner, d.timeouts.Timeout):
            task = owner._task
            via = "wait_for" if getattr(owner, "_loopscope_wait_for", False) else "timeout"
            return {"k": "timeout", "task": self.task_id(task), "via": via}
        worker = getattr(callback, "_loopscope_worker", None)
        if worker is not None:
            return {"k": "worker", "fn": worker, "task": self.task_id(current_task)}
        target = {"k": "call", "fn": d.callable_name(callback)}
        if args or hasattr(callback, "keywords"):
            target["args"] = d.call_args(callback, args)
        return target

    def scheduled(self, handle, when, current_task):
        if not self.enabled:
            return
        callback = handle._callback
        event = {"e": "sched", "h": handle._loopscope_id,
                 "on": self.target(callback, handle._args, when, current_task)}
        if when is not None:
            event["when"] = when
            if callback is d.SET_RESULT_UNLESS_CANCELLED:
                self.sleep_timers[handle._args[0]] = (handle._loopscope_id, when)
        if event["on"]["k"] == "call":
            line = self.run.caller_line(sys._getframe(2))
            if line is not None:
                event["l"] = line
                event["on"]["user"] = True
        self.emit(event)

    def unscheduled(self, handle):
        if self.enabled:
            self.emit({"e": "unsched", "h": handle._loopscope_id})

    # ------------------------------------------------------------------ tasks
    def task_created(self, task, coro, current_task, frame):
        if not self.enabled:
            return
        code = getattr(coro, "cr_code", None)
        event = {"e": "task", "id": task._loopscope_id, "name": task.get_name(),
                 "coro": getattr(coro, "__qualname__", None) or d.short_repr(coro, 40),
                 "by": self.task_id(current_task), "l": self.run.caller_line(frame)}
        if code is None or code.co_filename != self.filename:
            event["internal"] = True
        events = self.events
        # The C Task schedules its first step inside __init__, before the factory returns:
        # put "task" before that "sched" so a reader meets the task before its step.
        last = events[-1] if events else None
        if last is not None and last["e"] == "sched" and last["on"].get("task") == event["id"] \
                and last["on"]["k"] == "step":
            events.insert(len(events) - 1, event)
        else:
            self.emit(event)

    def await_target(self, task):
        """What a suspended task waits on, its line, and the learner's await stack."""
        waiter = task._fut_waiter
        filename = self.filename
        frames = d.user_frames(task.get_coro(), filename)
        line = None
        stack = []
        api_frame = None
        for frame in frames:
            code = frame.f_code
            if code.co_filename == filename:
                line = frame.f_lineno
                stack.append([code.co_qualname, frame.f_lineno])
                api_frame = None
            elif api_frame is None and code.co_filename.startswith(d.ASYNCIO_DIR):
                api_frame = frame
        if waiter is None:
            return None, line, stack
        if isinstance(waiter, d.TASK_TYPES):
            on = {"k": "task", "task": self.task_id(waiter)}
        elif isinstance(waiter, d.GATHERING_FUTURE):
            on = {"k": "gather", "children": [
                self.task_id(c) if isinstance(c, d.TASK_TYPES) else None for c in waiter._children]}
        elif waiter in self.sleep_timers:
            hid, when = self.sleep_timers[waiter]
            on = {"k": "sleep", "until": when, "h": hid}
        elif waiter in self.executor_futures:
            on = {"k": "executor", "fn": self.executor_futures[waiter]}
        else:
            on = {"k": "future"}
            if api_frame is not None:
                on["api"] = api_frame.f_code.co_qualname
                owner = api_frame.f_locals.get("self")
                if owner is not None and not isinstance(owner, d.TASK_TYPES):
                    on["obj"] = self.label(owner)
        return on, line, stack

    def step_started(self, handle, task, target_kind):
        event = {"e": "run", "h": handle._loopscope_id}
        if task is not None:
            if target_kind == "wakeup":
                fut = handle._args[0] if handle._args else None
                if fut is not None and fut.done():
                    if fut.cancelled():
                        event["x"] = "CancelledError"
                    elif fut._exception is not None:
                        event["x"] = type(fut._exception).__name__
            elif task._must_cancel:
                event["x"] = "CancelledError"
        self.emit(event)

    def step_finished(self, task):
        tid = self.task_id(task)
        state = task._state
        if state == "PENDING":
            on, line, stack = self.await_target(task)
            if on is None:
                self.emit({"e": "yield", "task": tid, "l": line})
            else:
                event = {"e": "suspend", "task": tid, "l": line, "on": on}
                if len(stack) > 1:
                    event["stack"] = stack
                self.emit(event)
        elif state == "CANCELLED":
            event = {"e": "done", "task": tid, "outcome": "cancelled"}
            msg = task._cancel_message
            if msg is not None:
                event["exc"] = "CancelledError: " + d.short_repr(msg, 60)
            self.emit(event)
        else:
            exc = task._exception
            if exc is not None:
                self.emit({"e": "done", "task": tid, "outcome": "exception",
                           "exc": f"{type(exc).__name__}: {d.short_repr(str(exc), 100)[1:-1]}"
                           if str(exc) else type(exc).__name__})
            else:
                self.emit({"e": "done", "task": tid, "outcome": "result",
                           "value": d.short_repr(task._result)})

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
        self.emit(event)

    def uncancelled(self, task, via):
        if self.enabled:
            self.emit({"e": "uncancel", "task": self.task_id(task), "via": via})

    # ------------------------------------------------------------------ the rest
    def output(self, fd, s):
        if not self.enabled:
            return
        events = self.events
        last = events[-1] if events else None
        # print() writes the text and the newline separately: keep them one event.
        if last is not None and last["e"] == "out" and last.get("fd", "out") == fd:
            last["s"] += s
            return
        event = {"e": "out", "s": s}
        if fd == "err":
            event["fd"] = "err"
        self.emit(event)

    def blocked(self, secs, line):
        if self.enabled:
            self.emit({"e": "block", "d": secs, "l": line})

    def warning(self, kind, msg, task=None):
        if self.enabled:
            event = {"e": "warn", "kind": kind, "msg": msg}
            if task is not None:
                event["task"] = self.task_id(task)
            self.emit(event)
