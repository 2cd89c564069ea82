"""httpx, simulated by Loopscope: AsyncClient (awaited on the virtual clock), Client and the
module's get/post/... (blocking), Response, Timeout, Limits and httpx's exceptions, with no
network (README, "Simulated network"). Names, hierarchy and messages follow httpx's own."""
import asyncio
import datetime
import json as _json
import math

from loopscope.net import server, urls, wire
from loopscope.net.headers import HttpxHeaders

__loopscope_simulated__ = True


from httpx._exceptions import (  # noqa: F401  (httpx exports them)
    HTTPError,
    RequestError,
    TransportError,
    TimeoutException,
    ConnectTimeout,
    ReadTimeout,
    WriteTimeout,
    PoolTimeout,
    NetworkError,
    ConnectError,
    ReadError,
    UnsupportedProtocol,
    TooManyRedirects,
    HTTPStatusError,
    InvalidURL,
)


# ---------------------------------------------------------------- configuration
_UNSET = object()


class Timeout:
    """Seconds for connect, read, write and pool (None: no limit); httpx's default is 5 s each."""

    def __init__(self, timeout=_UNSET, *, connect=_UNSET, read=_UNSET, write=_UNSET, pool=_UNSET):
        if isinstance(timeout, Timeout):
            connect, read, write, pool = timeout.connect, timeout.read, timeout.write, timeout.pool
            timeout = _UNSET
        elif isinstance(timeout, tuple):
            connect, read, write, pool = (tuple(timeout) + (None,) * 4)[:4]
            timeout = _UNSET
        elif timeout is _UNSET and _UNSET in (connect, read, write, pool):
            raise ValueError("httpx.Timeout must either include a default, or set all four "
                             "parameters explicitly.")
        pick = lambda v: timeout if v is _UNSET else v
        self.connect, self.read, self.write, self.pool = pick(connect), pick(read), pick(write), pick(pool)

    def __eq__(self, other):
        return isinstance(other, Timeout) and (self.connect, self.read, self.write, self.pool) == \
            (other.connect, other.read, other.write, other.pool)

    def __repr__(self):
        name = type(self).__name__
        if len({self.connect, self.read, self.write, self.pool}) == 1:
            return f"{name}(timeout={self.connect})"
        return (f"{name}(connect={self.connect}, read={self.read}, write={self.write}, "
                f"pool={self.pool})")


class Limits:
    """At most max_connections requests at once (None: no limit); the rest wait for the pool."""

    def __init__(self, *, max_connections=None, max_keepalive_connections=None, keepalive_expiry=5.0):
        self.max_connections = max_connections
        self.max_keepalive_connections = max_keepalive_connections
        self.keepalive_expiry = keepalive_expiry

    def __eq__(self, other):
        return isinstance(other, Limits) and vars(self) == vars(other)

    def __repr__(self):
        return (f"{type(self).__name__}(max_connections={self.max_connections}, "
                f"max_keepalive_connections={self.max_keepalive_connections}, "
                f"keepalive_expiry={self.keepalive_expiry})")


DEFAULT_TIMEOUT_CONFIG = Timeout(timeout=5.0)
DEFAULT_LIMITS = Limits(max_connections=100, max_keepalive_connections=20)


# ---------------------------------------------------------------- requests and responses
class URL(urls.TargetURL):
    __slots__ = ()

    query = property(lambda self: self._target.query.encode())


class Request:
    def __init__(self, method, target, headers, content):
        self.method = method
        self.url = URL(target)
        self.headers = HttpxHeaders(headers.items())
        self.content = content

    def __repr__(self):
        return f"<Request({self.method!r}, {str(self.url)!r})>"


class Response:
    def __init__(self, reply, request, elapsed):
        self.status_code = reply.status
        self.reason_phrase = reply.reason
        self.headers = HttpxHeaders(reply.headers)
        self.content = reply.body
        self._request = request
        self.elapsed = datetime.timedelta(seconds=elapsed)
        self.http_version = "HTTP/1.1"
        self.history = []

    request = property(lambda self: self._request)
    url = property(lambda self: self._request.url)
    encoding = property(lambda self: "utf-8")
    text = property(lambda self: self.content.decode("utf-8", "replace"))
    is_informational = property(lambda self: 100 <= self.status_code <= 199)
    is_success = property(lambda self: 200 <= self.status_code <= 299)
    is_redirect = property(lambda self: 300 <= self.status_code <= 399)
    is_client_error = property(lambda self: 400 <= self.status_code <= 499)
    is_server_error = property(lambda self: 500 <= self.status_code <= 599)
    is_error = property(lambda self: 400 <= self.status_code <= 599)
    has_redirect_location = property(lambda self: self.status_code in (301, 302, 303, 307, 308)
                                     and "Location" in self.headers)

    def json(self, **kwargs):
        return _json.loads(self.content, **kwargs)

    def read(self):
        return self.content

    async def aread(self):
        return self.content

    def close(self):
        pass

    async def aclose(self):
        pass

    def raise_for_status(self):
        if self.is_success:
            return self
        if self.has_redirect_location:
            message = (
                "{error_type} '{0.status_code} {0.reason_phrase}' for url '{0.url}'\n"
                "Redirect location: '{0.headers[location]}'\n"
                "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{0.status_code}"
            )
        else:
            message = (
                "{error_type} '{0.status_code} {0.reason_phrase}' for url '{0.url}'\n"
                "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{0.status_code}"
            )
        error_types = {1: "Informational response", 3: "Redirect response", 4: "Client error",
                       5: "Server error"}
        error_type = error_types.get(self.status_code // 100, "Invalid status code")
        raise HTTPStatusError(message.format(self, error_type=error_type), request=self._request,
                              response=self)

    def __repr__(self):
        return f"<Response [{self.status_code} {self.reason_phrase}]>"


# ---------------------------------------------------------------- building a request
def _prepare(method, url, base_url, params, content, data, json, headers, default_headers):
    text = str(url)
    if base_url and "://" not in text:
        text = base_url.rstrip("/") + "/" + text.lstrip("/")
    try:
        target = urls.split(text, params)
    except urls.BadURL as bad:
        if bad.kind == "no-scheme":
            raise UnsupportedProtocol(
                "Request URL is missing an 'http://' or 'https://' protocol.") from None
        if bad.kind == "scheme":
            raise UnsupportedProtocol(
                f"Request URL has an unsupported protocol '{bad.detail}://'.") from None
        if bad.kind == "port":
            raise InvalidURL(f"Invalid port: {bad.detail!r}") from None
        if bad.kind == "no-host":
            # httpx has no check of its own for an empty host ("http://"): the request goes out
            # with no Host header (httpx/_models.py, Request: `if not has_host and
            # self.url.host`), httpcore checks only the scheme (httpcore/_async/connection_pool.py)
            # and the lookup of the empty name fails.
            raise ConnectError(_DNS_WORDS) from None
        raise InvalidURL(f"Invalid URL {text!r}") from None
    body, extra = b"", {}
    if json is not None:
        body, extra = _json.dumps(json).encode(), {"Content-Type": "application/json"}
    elif content is not None:
        body = content.encode() if isinstance(content, str) else bytes(content)
    elif data is not None:
        from urllib.parse import urlencode
        body = urlencode(list(data.items()) if hasattr(data, "items") else list(data)).encode()
        extra = {"Content-Type": "application/x-www-form-urlencoded"}
    sent = {"Host": target.host if target.port in (80, 443) else f"{target.host}:{target.port}",
            "Accept": "*/*", "Accept-Encoding": "gzip, deflate", "Connection": "keep-alive",
            "User-Agent": "python-httpx (simulated by Loopscope)"}
    sent.update(default_headers)
    sent.update(extra)
    sent.update(headers or {})
    return target, body, sent


def _timeout_of(value, default):
    if value is _UNSET:
        return default
    return value if isinstance(value, Timeout) else Timeout(value)


# What httpx raises when the answer does not come, in the words each transport gives: httpx
# passes on the message of httpcore's exception (httpx/_transports/default.py,
# map_httpcore_exceptions: `message = str(exc)`). Awaited (httpcore/_backends/anyio.py): the
# timeouts are anyio.fail_after's TimeoutError, which has no message, and a refused connection is
# anyio's own OSError("All connection attempts failed") (anyio/_core/_sockets.py, connect_tcp).
# Blocking (httpcore/_backends/sync.py): the socket's own words, ssl's for a read over https.
_DNS_WORDS = "[Errno -2] Name or service not known"


def _outcome(reply, limits, request, blocking):
    """(seconds on the wire, the failure its timer names or None, the exception to raise then or
    None) for a request httpx sent: the same for both clients but for the words."""
    if reply.failure in ("dns", "connect"):
        if limits.connect is not None and reply.latency > limits.connect:
            text = "timed out" if blocking else ""
            return limits.connect, "timeout", ConnectTimeout(text, request=request)
        text = _DNS_WORDS if reply.failure == "dns" else \
            "[Errno 111] Connection refused" if blocking else "All connection attempts failed"
        return reply.latency, reply.failure, ConnectError(text, request=request)
    arrives = math.inf if reply.failure == "timeout" else reply.latency
    if limits.read is not None and arrives > limits.read:
        text = "" if not blocking else \
            "The read operation timed out" if request.url.scheme == "https" else "timed out"
        return limits.read, "timeout", ReadTimeout(text, request=request)
    return arrives, None, None


_METHODS = ("get", "options", "head", "post", "put", "patch", "delete")


class _ClientBase:
    def __init__(self, *, timeout=DEFAULT_TIMEOUT_CONFIG, limits=DEFAULT_LIMITS, headers=None,
                 base_url="", **_ignored):
        self.timeout = _timeout_of(timeout, DEFAULT_TIMEOUT_CONFIG)
        self.limits = limits
        self.headers = dict(headers or {})
        self.base_url = str(base_url)
        self._closed = False

    is_closed = property(lambda self: self._closed)

    def _build(self, method, url, params, content, data, json, headers, timeout):
        """The Request to send and its timeouts, or httpx's error for a closed client or a bad URL."""
        if self._closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        method = method.upper()
        target, body, sent = _prepare(method, url, self.base_url, params, content, data, json,
                                      headers, self.headers)
        return Request(method, target, sent, body), sent, _timeout_of(timeout, self.timeout)


class AsyncClient(_ClientBase):
    """Awaited requests: each waits on the virtual clock, at most limits.max_connections at once."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._pool = wire.ConnectionPool(self.limits.max_connections or 0, 0)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.aclose()

    async def aclose(self):
        self._closed = True

    async def request(self, method, url, *, params=None, content=None, data=None, json=None,
                      headers=None, timeout=_UNSET, **_ignored):
        request, sent, limits = self._build(method, url, params, content, data, json, headers, timeout)
        target = request.url._target
        loop = asyncio.get_running_loop()
        started = loop.time()
        host = (target.host, target.port)
        try:
            if limits.pool is not None:
                async with asyncio.timeout(limits.pool):
                    await self._pool.acquire(host, request.method, target.text)
            else:
                await self._pool.acquire(host, request.method, target.text)
        except TimeoutError:
            raise PoolTimeout("", request=request) from None
        try:
            reply = server.answer(request.method, target, request.content, sent)
            seconds, fails, error = _outcome(reply, limits, request, blocking=False)
            await wire.on_the_wire(request.method, target.text, seconds, fails)
            if error is not None:
                raise error
        finally:
            self._pool.release(host)
        return Response(reply, request, loop.time() - started)

    async def send(self, request, **kwargs):
        return await self.request(request.method, str(request.url), **kwargs)


class Client(_ClientBase):
    """Blocking requests: each blocks the whole loop for its latency (as `requests` does)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._closed = True

    def request(self, method, url, *, params=None, content=None, data=None, json=None,
                headers=None, timeout=_UNSET, **_ignored):
        request, sent, limits = self._build(method, url, params, content, data, json, headers, timeout)
        target = request.url._target
        reply = server.answer(request.method, target, request.content, sent)
        seconds, _, error = _outcome(reply, limits, request, blocking=True)
        wire.block_on_the_wire("httpx", request.method, target.text, seconds)
        if error is not None:
            raise error
        return Response(reply, request, reply.latency)

    def send(self, request, **kwargs):
        return self.request(request.method, str(request.url), **kwargs)


def _bind(method, is_async):
    if is_async:
        async def call(self, url, **kwargs):
            return await self.request(method, url, **kwargs)
    else:
        def call(self, url, **kwargs):
            return self.request(method, url, **kwargs)
    call.__name__ = call.__qualname__ = method.lower()
    return call


for _name in _METHODS:
    setattr(AsyncClient, _name, _bind(_name.upper(), True))
    setattr(Client, _name, _bind(_name.upper(), False))


def request(method, url, **kwargs):
    client_kwargs = {k: kwargs.pop(k) for k in ("timeout", "headers", "base_url") if k in kwargs}
    with Client(**client_kwargs) as client:
        return client.request(method, url, **kwargs)


def _module_call(method):
    def call(url, **kwargs):
        return request(method, url, **kwargs)
    call.__name__ = call.__qualname__ = method.lower()
    return call


get, options, head, post, put, patch, delete = (_module_call(m.upper()) for m in _METHODS)

for _cls in (HTTPError, RequestError, TransportError, TimeoutException, ConnectTimeout, ReadTimeout,
             WriteTimeout, PoolTimeout, NetworkError, ConnectError, ReadError, UnsupportedProtocol,
             TooManyRedirects, HTTPStatusError, InvalidURL, Timeout, Limits, URL, Request, Response,
             AsyncClient, Client):
    _cls.__module__ = "httpx"
