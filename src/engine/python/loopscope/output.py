"""stdout/stderr for the learner's program: every write is kept (for the CLI, byte for byte) and
recorded as an `out` event in the step that wrote it."""
import io


class Output:
    def __init__(self, limits, on_limit):
        self.parts = {"out": [], "err": []}
        self.size = 0
        self.limits = limits
        self.on_limit = on_limit    # called once when the output limit is passed
        self.recorder = None        # set when the run records

    def write(self, fd, s):
        self.size += len(s)
        if self.size > self.limits.max_output:
            keep = len(s) - (self.size - self.limits.max_output)
            if keep > 0:
                self._keep(fd, s[:keep])
            self.on_limit()
            return
        self._keep(fd, s)

    def _keep(self, fd, s):
        self.parts[fd].append(s)
        rec = self.recorder
        if rec is not None:
            rec.output(fd, s)

    def text(self, fd):
        return "".join(self.parts[fd])


class Stream(io.TextIOBase):
    """sys.stdout / sys.stderr during a run."""

    def __init__(self, output, fd, clock):
        self._output = output
        self._fd = fd
        self._clock = clock
        self.name = "<stdout>" if fd == "out" else "<stderr>"

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        if not s:
            return 0
        job = self._clock.job
        if job is not None:
            # A print inside a simulated worker thread shows up at the worker's virtual time.
            at = job.start + job.elapsed
            if job.prints and job.prints[-1][0] == at and job.prints[-1][1] == self._fd:
                job.prints[-1] = (at, self._fd, job.prints[-1][2] + s)
            else:
                job.prints.append((at, self._fd, s))
            return len(s)
        self._output.write(self._fd, s)
        return len(s)

    def flush(self):
        pass
