"""Where the program's writes go: print() and sys.stdout/sys.stderr, but also the console itself
(sys.__stdout__, sys.__stderr__, os.write(1, ...) and os.write(2, ...)), which CPython writes to
the terminal. In a run they all reach the run's output, in the order they were written."""
import os
import sys

from .output import Stream


class Console:
    """For the length of a run: every way to the console leads to `output`."""

    def __init__(self, output, clock):
        self.out = Stream(output, "out", clock)
        self.err = Stream(output, "err", clock)

    def __enter__(self):
        self.saved = (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__, os.write)
        sys.stdout = sys.__stdout__ = self.out
        sys.stderr = sys.__stderr__ = self.err
        real_write = os.write
        streams = {1: self.out, 2: self.err}

        def write(fd, data):
            stream = streams.get(fd)
            if stream is None:
                return real_write(fd, data)
            data = memoryview(data).tobytes()   # bytes, bytearray, memoryview: what os.write takes
            # A console shows bytes as text; bytes that are not UTF-8 show as U+FFFD there too.
            stream.write(data.decode("utf-8", "replace"))
            return len(data)

        os.write = write
        return self

    def __exit__(self, *exc):
        sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__, os.write = self.saved
        return False
