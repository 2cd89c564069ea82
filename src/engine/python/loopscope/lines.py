"""Which lines of the learner's code ran, via sys.monitoring (PEP 669).

Events are switched on only for code objects compiled from the learner's source, so asyncio
itself runs untraced and pays nothing. LINE events go into the trace; JUMP events only count:
a one-line `while True: pass` fires no LINE event, only backward jumps, so jumps are what the
busy-loop limit counts (loop iterations without the event loop getting control back), and
with the lines, what a step's CPU work is measured in (cpu.py)."""
import sys

M = sys.monitoring
TOOL = 4  # a free tool id (0 debugger, 1 coverage, 2 profiler, 5 optimizer are taken by convention)
CHECK_EVERY = 1024


def user_code_objects(code):
    stack = [code]
    while stack:
        c = stack.pop()
        yield c
        stack.extend(k for k in c.co_consts if hasattr(k, "co_code"))


class LineTracer:
    def __init__(self, run, code):
        self.run = run
        self.code = code

    def install(self):
        run = self.run
        events = run.events
        append = events.append
        record = run.record
        check_limits = run.check_limits
        sample = run.samples.sample
        getframe = sys._getframe

        # The learner's code is short: every line's event text is made once.
        line_texts = ['{"e":"line","l":%d}' % n for n in range(run.source.count("\n") + 2)]
        known = len(line_texts)

        def on_line(code, line):
            run.line = line
            if record and not run.job_depth:
                append(line_texts[line] if line < known else '{"e":"line","l":%d}' % line)

        def on_jump(code, src, dst):
            # A loop that never awaits must jump backwards: counting jumps (not lines) is enough
            # for the busy-loop limit, and keeps the per-line callback small.
            busy = run.busy = run.busy + 1
            if busy & (CHECK_EVERY - 1) == 0 or run.ended is not None:
                if not run.job_depth:         # where the step's rounds go (cpu.py)
                    sample(run.steps, getframe(1))
                check_limits(run.line)

        M.use_tool_id(TOOL, "loopscope")
        M.register_callback(TOOL, M.events.LINE, on_line)
        M.register_callback(TOOL, M.events.JUMP, on_jump)
        wanted = M.events.LINE | M.events.JUMP
        for c in user_code_objects(self.code):
            M.set_local_events(TOOL, c, wanted)

    def remove(self):
        try:
            M.clear_tool_id(TOOL)
        finally:
            M.free_tool_id(TOOL)
