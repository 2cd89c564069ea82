"""How much CPU work a step did, counted so that the same program gives the same count on any
machine: the learner's lines the step ran (the `line` events it recorded) and the loop rounds
(backward jumps, which lines.py counts for the busy-loop limit) it ran without awaiting. A step
that did enough of both gets a 'cpu' fact in the trace, after its lines: src/trace's
blocking-call finding decides from it whether the step held the loop as long as asyncio's
slow_callback_duration (the calibration against real CPython is in the README's Pitfalls).

Nothing here runs per line or per jump: the counts come from the events the step appended (a
scan only when the step grew past FACT_FLOOR) and from run.busy. Work in a simulated executor
job (run_in_executor, to_thread) is another thread's: its lines are not recorded and its rounds
are taken off (loop.py counts them into run.job_rounds)."""
from inspect import CO_COROUTINE

# Lines + loop rounds a step must reach for the trace to carry its 'cpu' fact: far below what the
# finding needs (src/trace/findings/blockingCall.ts), so the fact is there to be read, and far
# above what a step of a correct program runs, so the trace stays small.
FACT_FLOOR = 10_000

_LINE_EVENT = '{"e":"line","l":'     # how lines.py writes a line event
_LINE_AT = len(_LINE_EVENT)


class StepSamples:
    """Where the step's rounds were spent: every 1,024 rounds lines.py asks for the line of the
    innermost coroutine on the stack (the `await`-less call that is doing the work, or the loop
    itself when it is in the coroutine's body); kept per step, most frequent wins."""
    __slots__ = ("step", "lines", "filename", "stop_code")

    def __init__(self, filename, stop_code):
        self.step, self.lines = -1, {}
        self.filename, self.stop_code = filename, stop_code

    def sample(self, step, frame):
        if step != self.step:
            self.step, self.lines = step, {}
        line = coroutine_line(frame, self.filename, self.stop_code)
        if line is not None:
            self.lines[line] = self.lines.get(line, 0) + 1

    def line(self, step):
        if step != self.step or not self.lines:
            return None
        return max(self.lines.items(), key=lambda item: (item[1], -item[0]))[0]


def coroutine_line(frame, filename, stop_code):
    """The line of the innermost learner coroutine on the stack from `frame` out; failing that (a
    plain callback), of the outermost learner frame. None outside the learner's code."""
    outermost = None
    while frame is not None:
        code = frame.f_code
        if code is stop_code:
            break
        if code.co_filename == filename:
            if code.co_flags & CO_COROUTINE:
                return frame.f_lineno
            outermost = frame.f_lineno
        frame = frame.f_back
    return outermost


def cpu_fact(events, start, rounds, sampled_line):
    """The 'cpu' event of a step whose events began at `start` and that ran `rounds` loop rounds
    of its own, or None when it did less than FACT_FLOOR. Its line is where the samples put the
    rounds; with no samples (recursion: lines without loops), the line the step ran most."""
    lines = 0
    counts = {} if sampled_line is None else None
    for i in range(start, len(events)):
        e = events[i]
        if e.startswith(_LINE_EVENT):
            lines += 1
            if counts is not None:
                n = int(e[_LINE_AT:-1])
                counts[n] = counts.get(n, 0) + 1
    if lines + rounds < FACT_FLOOR:
        return None
    line = sampled_line
    if line is None and counts:
        line = max(counts.items(), key=lambda item: (item[1], -item[0]))[0]
    return '{"e":"cpu","lines":%d,"rounds":%d,"l":%s}' % (
        lines, rounds, "null" if line is None else str(line))
