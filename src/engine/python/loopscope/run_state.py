"""Run: everything one run of a program shares across its event loops (a program may run several):
ids, the step it is in, its limits, the events streamed so far, how it ended."""
import asyncio
import math
import sys

from . import describe as d
from .clock import CLOCK
from .cpu import FACT_FLOOR, StepSamples, cpu_fact
from .limits import (BUSY_ENOUGH, Limits, RunEnded, busy_loop_end, events_end, heap_end,
                     memory_exceeded, output_end, real_now, sleep_past_clock_end, steps_end,
                     wall_clock_end)
from .loop import VirtualLoop
from .objects import ObjectWatch
from .objects_made import resolve_made
from .output import Output
from .recorder import Recorder
from .tasks import VTask

FLUSH_SECONDS = 0.25
OUTPUT_FLUSH_BURST = 64
OUTPUT_FLUSHES_PER_SECOND = 100
_RUN_ONCE_CODE = VirtualLoop._run_once.__code__


class Run:
    def __init__(self, source, options, progress=None):
        self.source = source
        self.filename = options.get("filename") or "main.py"
        self.seed = int(options.get("seed", 0))
        self.record = bool(options.get("record", True))
        # "3.13": run as Python 3.13 would where 3.14 changed asyncio (compat.py); None: as 3.14.
        self.compat = options.get("compat")
        # While an API 3.14 deprecated is warning: which (compat.py), for the warnings hook.
        self.deprecating = None
        self.limits = Limits(options.get("limits") or {})
        self.clock = CLOCK
        self.events = []
        self.keep = []
        self.task_count = 0
        # The N of the last "Task-N" name given (C's counter, per run: a task the program names
        # takes no number).
        self.task_names = 0
        self.handle_count = 0
        # VTask.cancel() calls so far, and whether a task of another class (whose cancel() is not
        # counted) was met: a line of waiters read at the same count has had none cancelled.
        self.cancels = 0
        self.foreign_tasks = False
        self.iterations = 0
        self.steps = 0
        # The ids of the tasks that finished in a step so far (while objects are watched): a
        # gather's reader takes its done children from here (objects_futures._GatherReads).
        self.finished_ids = []
        self.loop_count = 0
        self.line = None          # the learner's line running now (where a limit stopped it)
        self.busy = 0             # backward jumps since the loop last had control
        self.job_depth = 0
        # A step's CPU work (cpu.py): where its events began, the rounds its executor jobs ran
        # (another thread's: loop.py counts them), where its rounds were spent (lines.py samples).
        self.step_start = 0
        self.job_rounds = 0
        self.samples = StepSamples(self.filename, _RUN_ONCE_CODE)
        self.ended = None         # the RunEnd dict once a limit/deadlock/stop ended the run
        self.notices = []         # RunNotice dicts: what Loopscope tells about the run (net comments)
        self.active_loop = None
        self.loops = []
        self.task_class = VTask
        # Streaming: finished events go out every FLUSH_SECONDS of real time, so a page that has
        # to kill a stuck engine (a long C call) still has the trace up to then.
        self.progress = progress if self.record else None
        # Who hears the heartbeats, recording or not: the host's watchdog (see heartbeat()).
        self.listener = progress
        self.last_beat = -FLUSH_SECONDS
        self.flushed = 0
        self.last_flush = -FLUSH_SECONDS  # the first chance flushes
        self.last_output_flush = real_now()
        self.flush_tokens = OUTPUT_FLUSH_BURST
        self.recorder = Recorder(self)
        self.objects = ObjectWatch(self)
        self.output = Output(self.limits, self._output_limit)
        if self.record:
            self.output.recorder = self.recorder

    # ---------------------------------------------------------------- ids
    def next_task_id(self):
        self.task_count += 1
        return self.task_count

    def next_handle_id(self):
        self.handle_count += 1
        return self.handle_count

    def adopt_task(self, task):
        """A task made without our factory (e.g. asyncio.Task(...) called directly): numbered
        when the recorder first meets it, which is inside its creation (its first step's call_soon)."""
        tid = task._loopscope_id = self.next_task_id()
        self.foreign_tasks = True
        if self.recording():
            self.recorder.task_created(tid, task.get_name(), task.get_coro(), self.current_task(),
                                       sys._getframe(1))
        return tid

    # ---------------------------------------------------------------- where we are
    def recording(self):
        return self.record and self.ended is None and self.recorder.enabled

    def current_task(self):
        loop = self.active_loop
        return loop.current_task_ if loop is not None else None

    def current_handle(self):
        loop = self.active_loop
        return loop._current_handle if loop is not None else None

    def caller_line(self, frame):
        return d.innermost_user_line(frame, self.filename, _RUN_ONCE_CODE)

    # ---------------------------------------------------------------- loops and steps
    def loop_opened(self, loop):
        self.loop_count += 1
        self.loops.append(loop)
        loop._loopscope_n = self.loop_count
        if self.recording():
            self.recorder.loop(self.loop_count, True)

    def loop_closed(self, loop):
        if self.recording():
            self.recorder.loop(loop._loopscope_n, False)

    def begin_step(self, loop, handle):
        if self.ended is not None:
            raise RunEnded(self.ended)
        if self.objects.making:           # asyncio.Future() at top level
            resolve_made(self.objects)
        if self.steps >= self.limits.max_steps:
            raise self.end_run(steps_end(self.limits, self.line, self.clock.now))
        # The real clock and the heap's size cost a call each: every 64 steps is soon enough.
        if self.steps & 63 == 0 or len(self.events) > self.limits.max_events:
            self.check_limits(self.line)
        elif self.progress is not None:
            self.maybe_flush()
        self.steps += 1
        self.active_loop = loop
        self.busy = 0
        task = handle._loopscope_task
        loop.current_task_ = task
        if self.record and self.recorder.enabled:
            if self.objects.new:          # made at top level: announced before the step
                self.objects.announce()
            self.recorder.step_started(handle, task, handle._loopscope_kind)
            self.step_start = len(self.events)
            self.job_rounds = 0

    def end_step(self, loop, handle):
        if self.objects.making:           # asyncio.Future() in this step: made by its task
            resolve_made(self.objects)
        task = loop.current_task_
        loop.current_task_ = None
        if self.recording():
            rounds = self.busy - self.job_rounds
            if rounds + len(self.events) - self.step_start >= FACT_FLOOR:
                fact = cpu_fact(self.events, self.step_start, rounds, self.samples.line(self.steps))
                if fact is not None:
                    self.recorder.emit(fact)
            if task is not None:
                self.recorder.step_finished(task)
            if self.objects.watched:
                if task is not None and task.done():
                    self.finished_ids.append(id(task))
                self.objects.observe(task)

    def check_limits(self, line):
        """The limits a run can pass anywhere, in a step or in a long stretch of the learner's
        code: checked at a step's start (begin_step) and every 1,024 backward jumps (lines.py).
        Then sends what is new to the page, if it is time."""
        if self.ended is not None:
            raise RunEnded(self.ended)
        limits = self.limits
        if self.busy > limits.max_lines:
            raise self.end_run(busy_loop_end(line, limits.max_lines))
        if limits.wall_exceeded():
            raise self.end_run(wall_clock_end(limits, line))
        if memory_exceeded(limits):
            raise self.end_run(heap_end(limits, line))
        if len(self.events) > limits.max_events:
            if self.busy > BUSY_ENOUGH:
                # The events piled up because a loop never awaited: that is the limit it passed.
                raise self.end_run(busy_loop_end(line, self.busy))
            raise self.end_run(events_end(limits, line))
        self.maybe_flush()

    # ---------------------------------------------------------------- streaming
    def maybe_flush(self):
        """At a step's start and in long stretches of lines: send what is new every 250 ms."""
        if self.progress is not None:
            now = real_now()
            if now >= self.last_flush + FLUSH_SECONDS:
                self.last_flush = now
                self.flush()

    def flush_for_output(self):
        """After a finished line of output: output is what a learner watches, and a long C call
        may come next (the host then kills the engine and keeps only what was sent). Each flush
        is a call into JavaScript, so they are rationed like a token bucket: a burst of
        OUTPUT_FLUSH_BURST at once (a program's few prints are all sent at once), then
        OUTPUT_FLUSHES_PER_SECOND (a print flood costs little more than no flushing)."""
        if self.progress is not None:
            now = real_now()
            tokens = min(OUTPUT_FLUSH_BURST,
                         self.flush_tokens + (now - self.last_output_flush) * OUTPUT_FLUSHES_PER_SECOND)
            self.last_output_flush = now
            if tokens >= 1:
                self.flush_tokens = tokens - 1
                self.flush()
            else:
                self.flush_tokens = tokens

    def flush(self):
        events = self.events
        if len(events) > self.flushed:
            chunk = ",".join(events[self.flushed:])
            self.flushed = len(events)
            # Sent events are final: the next print() starts a new "out" event.
            self.recorder.out_index = -1
            self.progress(chunk)

    def heartbeat(self, force=False):
        """A sign of life between a run's end phases (closing the coroutines it left, collecting,
        writing the JSON), which make no events and, for 100,000 tasks, take seconds: what is new,
        or an empty chunk. The host's watchdog gives a run that sent one in the last second more
        time, and kills only a run that went quiet (one C call that never returns). At most one
        per FLUSH_SECONDS unless `force` (just before a phase that is one long C call)."""
        if self.listener is None:
            return
        now = real_now()
        if not force and now < self.last_beat + FLUSH_SECONDS:
            return
        self.last_beat = now
        if self.progress is not None and len(self.events) > self.flushed:
            self.flush()
        else:
            self.listener("")

    # ---------------------------------------------------------------- ending early
    def end_run(self, end):
        if self.ended is None:
            self.ended = end
            # asyncio.run's cleanup still cancels and steps tasks on the way out: that is not
            # the program's doing, so the trace ends here.
            self.recorder.enabled = False
        return RunEnded(self.ended)

    def _output_limit(self):
        raise self.end_run(output_end(self.limits, self.line))

    def on_block(self, secs, frame, request=None):
        """time.sleep(secs) in the loop's thread: nothing else can run meanwhile. `request`:
        the simulated `requests` call that blocks ({"method", "url"}), if it is one."""
        line = self.caller_line(frame)
        if not math.isfinite(secs) or self.clock.now + secs > self.limits.max_virtual_time:
            raise self.end_run(sleep_past_clock_end(self.limits, line, secs))
        if self.recording():
            self.recorder.blocked(secs, line, request, frame)

    def deadlock_end(self, loop):
        stuck = []
        for task in sorted(asyncio.all_tasks(loop), key=lambda t: getattr(t, "_loopscope_id", 0)):
            on, line, _stack = self.recorder.await_target(task)
            stuck.append({"task": self.recorder.task_id(task), "name": task.get_name(),
                          "line": line, "on": on})
        return {"kind": "deadlock", "stuck": stuck}
