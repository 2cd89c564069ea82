"""The wire: how a simulated request spends virtual time, shared by the three simulated
libraries (aiohttp, httpx, requests).

An awaited request waits on a `RequestFuture` that a loop timer (`RequestTimer`) resolves
when its latency has passed: both carry `_loopscope_request = {"method", "url"}`, which the
recorder reads to label the timer ("the request's timer") and the wait ("waiting for GET …").
A blocking request (requests) spends its latency through the clock's time.sleep path instead,
so it shows as a step that blocks the whole loop."""
import asyncio
import collections
import hashlib
import sys

# The Network of the run in progress (set by loopscope.net.SimulatedNetwork).
CURRENT = [None]


def network():
    net = CURRENT[0]
    if net is None:
        raise RuntimeError("Loopscope's simulated network is only there while a program runs")
    return net


def fraction(*parts):
    """A number in [0, 1) from the parts alone: the same program and seed draw the same
    latencies and bodies, and the program's own `random` and `hash()` are left untouched."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64


def object_address(*parts):
    """The address a library's repr shows for one of its objects (`<... object at 0x7f...>`):
    drawn from the parts, so that runs stay the same where CPython's would differ."""
    return "0x7f" + format(int(fraction("object", *parts) * 16 ** 10), "010x")


def digest_bytes(n, *parts):
    """n deterministic bytes drawn from the parts (for /bytes/N and /uuid)."""
    out = bytearray()
    counter = 0
    while len(out) < n:
        out += hashlib.sha256("\x1f".join(map(str, parts + (counter,))).encode()).digest()
        counter += 1
    return bytes(out[:n])


class RequestFuture(asyncio.Future):
    """What a task awaits while a request is on the wire or queued for a connection.
    `_loopscope_request` tells the recorder what the wait is for (AwaitTarget 'request')."""

    _loopscope_request = None


class RequestTimer:
    """The loop timer of one request: when it fires, the response (or the failure) is there.
    `_loopscope_request` tells the recorder whose timer it is (HandleTarget 'request')."""

    __slots__ = ("_loopscope_request", "future", "fired")

    def __init__(self, request, future):
        self._loopscope_request = request
        self.future = future
        self.fired = False

    def __call__(self):
        self.fired = True
        if not self.future.done():
            self.future.set_result(None)


async def on_the_wire(method, url, seconds, fails=None):
    """Wait `seconds` of virtual time for the answer to METHOD URL, as a labelled timer.
    `fails` ("dns", "connect", "timeout"): the caller raises that failure when the timer fires,
    which the timer's label says (HandleTarget 'request' `fails`)."""
    loop = asyncio.get_running_loop()
    request = {"method": method, "url": url}
    if fails is not None:
        request["fails"] = fails
    future = RequestFuture(loop=loop)
    future._loopscope_request = request
    timer = RequestTimer(request, future)
    handle = loop.call_later(max(0.0, seconds), timer)
    try:
        await future
    finally:
        if not timer.fired:
            handle.cancel()    # cancelled (a timeout, or the task itself): the timer goes too


def block_on_the_wire(lib, method, url, seconds):
    """requests (`lib` "requests"; "httpx" for httpx.get): the call blocks the loop's thread
    for `seconds` (a `block` event with `req`), or, inside run_in_executor / to_thread, spends
    that worker's time instead."""
    from loopscope.clock import CLOCK
    from loopscope.limits import request_past_clock_end
    frame = sys._getframe(1)
    run = network().run
    request = {"lib": lib, "method": method, "url": url}
    if CLOCK.job is None and CLOCK.now + seconds > run.limits.max_virtual_time:
        # Said as what it is (a request whose server never answers, without a timeout), not as
        # the time.sleep the clock would otherwise name.
        raise run.end_run(request_past_clock_end(run.limits, run.caller_line(frame), seconds, request))
    CLOCK.sleep(float(seconds), frame, request)


class ConnectionPool:
    """A connector's connections: at most `limit` in use (0 = no limit) and at most
    `per_host` per host (0 = no limit). A request beyond them waits, first come first served,
    until a connection is released; the freed connection is handed to that waiter."""

    def __init__(self, limit, per_host):
        self.limit = limit or 0
        self.per_host = per_host or 0
        self.in_use = 0
        self.by_host = {}
        self.waiters = collections.deque()     # [host, future, still waiting]

    def _free(self, host):
        return (self.limit == 0 or self.in_use < self.limit) and \
            (self.per_host == 0 or self.by_host.get(host, 0) < self.per_host)

    def _take(self, host):
        self.in_use += 1
        self.by_host[host] = self.by_host.get(host, 0) + 1

    async def acquire(self, host, method, url):
        if not self._has_waiters_for(host) and self._free(host):
            self._take(host)
            return
        future = RequestFuture(loop=asyncio.get_running_loop())
        future._loopscope_request = {"method": method, "url": url, "queued": True}
        entry = [host, future, True]
        self.waiters.append(entry)
        try:
            await future
        except BaseException:
            if future.done() and not future.cancelled():
                self.release(host)             # handed a connection just as it was cancelled
            entry[2] = False
            raise

    def _has_waiters_for(self, host):
        waiters = self.waiters
        while waiters and not waiters[0][2]:
            waiters.popleft()
        if not waiters:
            return False
        if self.per_host == 0:
            return True                        # one queue: nobody overtakes
        return any(w[2] and w[0] == host for w in waiters)

    def release(self, host):
        self.in_use -= 1
        left = self.by_host.get(host, 1) - 1
        if left:
            self.by_host[host] = left
        else:
            self.by_host.pop(host, None)
        waiters = self.waiters
        while waiters and not waiters[0][2]:
            waiters.popleft()
        for i, entry in enumerate(waiters):
            if entry[2] and self._free(entry[0]):
                del waiters[i]
                entry[2] = False
                self._take(entry[0])
                entry[1].set_result(None)
                return
            if self.per_host == 0:
                return
