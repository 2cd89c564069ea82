"""aiohttp, simulated by Loopscope: the client side (ClientSession, TCPConnector, ClientTimeout,
responses and exceptions) answering on the virtual clock, with no network (README, "Simulated
network"). Class names, hierarchy and messages follow aiohttp 3.x's own; the rest of aiohttp
(its server, websockets, streaming) is not here."""
import asyncio
import json as _json
import math
import types
import warnings

from loopscope.net import server, urls, wire
from loopscope.net.headers import CIMultiDictProxy

__loopscope_simulated__ = True


from aiohttp.client_exceptions import (  # noqa: F401  (aiohttp exports them all)
    ClientError,
    ClientResponseError,
    ContentTypeError,
    ClientConnectionError,
    ClientOSError,
    ClientConnectorError,
    ClientConnectorDNSError,
    ServerConnectionError,
    ServerDisconnectedError,
    ServerTimeoutError,
    ConnectionTimeoutError,
    SocketTimeoutError,
    ClientPayloadError,
    InvalidURL,
    InvalidUrlClientError,
    NonHttpUrlClientError,
)
from aiohttp.client_reqrep import URL, ClientResponse, ConnectionKey, RequestInfo  # noqa: F401


class ClientTimeout:
    """Timeouts in seconds; None is no timeout. The default: total=300, sock_connect=30."""

    __slots__ = ("total", "connect", "sock_read", "sock_connect", "ceil_threshold")

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None,
                 ceil_threshold=5):
        self.total, self.connect, self.sock_read = total, connect, sock_read
        self.sock_connect, self.ceil_threshold = sock_connect, ceil_threshold

    def __repr__(self):
        return (f"ClientTimeout(total={self.total!r}, connect={self.connect!r}, "
                f"sock_read={self.sock_read!r}, sock_connect={self.sock_connect!r}, "
                f"ceil_threshold={self.ceil_threshold!r})")

    def __eq__(self, other):
        return isinstance(other, ClientTimeout) and all(
            getattr(self, k) == getattr(other, k) for k in self.__slots__)


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60, sock_connect=30)


class BaseConnector:
    """Holds the connections: at most `limit` at once (0: no limit), `limit_per_host` to one
    host (0: no limit); a request beyond them waits, first come first served."""

    def __init__(self, *, limit=100, limit_per_host=0, force_close=False, loop=None, **_ignored):
        # As aiohttp: made outside a coroutine, there is no running loop to belong to.
        self._loop = loop or asyncio.get_running_loop()
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._pool = wire.ConnectionPool(limit, limit_per_host)
        self._closed = False

    limit = property(lambda self: self._limit)
    limit_per_host = property(lambda self: self._limit_per_host)
    closed = property(lambda self: self._closed)

    async def close(self):
        self._closed = True


class TCPConnector(BaseConnector):
    pass


class _RequestContextManager:
    """What session.get() returns: awaited, the response; `async with`, the response, released
    at the end of the block."""

    __slots__ = ("_coro", "_resp")

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def send(self, arg):
        return self._coro.send(arg)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def __iter__(self):
        return self.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        self._resp._in_context = True
        return self._resp

    async def __aexit__(self, *exc):
        self._resp._in_context = False
        self._resp.release()


_sentinel = object()


# ---------------------------------------------------------------- the session
class ClientSession:
    def __init__(self, base_url=None, *, connector=None, loop=None, timeout=_sentinel,
                 headers=None, raise_for_status=False, connector_owner=True, **_ignored):
        if loop is None and connector is not None:
            loop = connector._loop
        # As aiohttp: made outside a coroutine, there is no running loop to belong to.
        loop = loop or asyncio.get_running_loop()
        if timeout is not _sentinel and timeout is not None and not isinstance(timeout, ClientTimeout):
            raise ValueError(f"timeout parameter cannot be of {type(timeout)} type, "
                             "please use 'timeout=ClientTimeout(...)'")
        if connector is None:
            connector = TCPConnector(loop=loop)
        if connector._loop is not loop:
            raise RuntimeError("Session and connector has to use same event loop")
        self._loop = loop
        self._base_url = None if base_url is None else str(base_url)
        self._connector = connector
        self._connector_owner = connector_owner
        self._timeout = DEFAULT_TIMEOUT if timeout is _sentinel or timeout is None else timeout
        self._default_headers = dict(headers or {})
        self._raise_for_status = raise_for_status
        self._closed = False
        # aiohttp's repr is object's, by address: one drawn from the session's number in the run.
        net = wire.network()
        self._address = wire.object_address("ClientSession", net.next_count("object", "ClientSession"))
        self._network = net

    # Set last in __init__: a session that failed to be made has nothing to warn about.
    _network = None

    def __repr__(self):
        return f"<aiohttp.client.ClientSession object at {self._address}>"

    def __del__(self, _warnings=warnings):
        # As aiohttp's ClientSession.__del__ (aiohttp/client.py): a session never closed says so
        # when it is collected, through the loop's exception handler (the ResourceWarning is
        # ignored by Python's default filters). Only while its own run is still going: the
        # program's stderr is gone after that.
        if self._network is None or self._network is not wire.CURRENT[0] or self.closed:
            return
        _warnings.warn(f"Unclosed client session {self!r}", ResourceWarning, source=self)
        self._loop.call_exception_handler({"client_session": self, "message": "Unclosed client session"})

    closed = property(lambda self: self._closed or self._connector.closed)
    connector = property(lambda self: self._connector)
    timeout = property(lambda self: self._timeout)

    def __enter__(self):
        raise TypeError("Use async with instead")

    def __exit__(self, *exc):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()

    async def close(self):
        if not self._closed:
            self._closed = True
            if self._connector_owner:
                await self._connector.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method.upper(), url, **kwargs))

    def get(self, url, **kwargs):
        return _RequestContextManager(self._request("GET", url, **kwargs))

    def post(self, url, **kwargs):
        return _RequestContextManager(self._request("POST", url, **kwargs))

    def put(self, url, **kwargs):
        return _RequestContextManager(self._request("PUT", url, **kwargs))

    def patch(self, url, **kwargs):
        return _RequestContextManager(self._request("PATCH", url, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request("DELETE", url, **kwargs))

    def head(self, url, **kwargs):
        return _RequestContextManager(self._request("HEAD", url, **kwargs))

    def options(self, url, **kwargs):
        return _RequestContextManager(self._request("OPTIONS", url, **kwargs))

    async def _request(self, method, str_or_url, *, params=None, data=None, json=None,
                       headers=None, timeout=_sentinel, raise_for_status=None, **_ignored):
        if self.closed:
            raise RuntimeError("Session is closed")
        if data is not None and json is not None:
            raise ValueError("data and json parameters can not be used at the same time")
        text = str(str_or_url)
        if self._base_url is not None and "://" not in text:
            text = self._base_url.rstrip("/") + "/" + text.lstrip("/")
        try:
            target = urls.split(text, params)
        except urls.BadURL as bad:
            if bad.kind in ("no-scheme", "scheme"):
                raise NonHttpUrlClientError(urls.quoted(text)) from None
            raise InvalidUrlClientError(text) from None
        body, request_headers = _encode_body(data, json)
        sent = {"Host": target.host if target.port in (80, 443) else f"{target.host}:{target.port}",
                "Accept": "*/*", "Accept-Encoding": "gzip, deflate",
                "User-Agent": "Python aiohttp (simulated by Loopscope)"}
        sent.update(self._default_headers)
        sent.update(request_headers)
        sent.update(headers or {})
        if timeout is _sentinel:
            real_timeout = self._timeout
        elif isinstance(timeout, ClientTimeout):
            real_timeout = timeout
        else:
            real_timeout = ClientTimeout(total=timeout)
        loop = asyncio.get_running_loop()
        total = real_timeout.total
        if total:
            # aiohttp's TimeoutHandle: a deadline of 5 s or more is rounded up to a whole second.
            when = loop.time() + total
            if total >= real_timeout.ceil_threshold:
                when = math.ceil(when)
            async with asyncio.timeout_at(when):
                resp = await self._send(method, target, body, sent, real_timeout)
        else:
            resp = await self._send(method, target, body, sent, real_timeout)
        check = self._raise_for_status if raise_for_status is None else raise_for_status
        if callable(check):
            await check(resp)
        elif check:
            resp.raise_for_status()
        return resp

    async def _send(self, method, target, body, sent, real_timeout):
        pool = self._connector._pool
        url = target.text
        key = ConnectionKey(target)
        host = (target.host, target.port)
        if real_timeout.connect:
            try:
                async with asyncio.timeout(real_timeout.connect):
                    await pool.acquire(host, method, url)
            except TimeoutError as exc:
                raise ConnectionTimeoutError(f"Connection timeout to host {url}") from exc
        else:
            await pool.acquire(host, method, url)
        try:
            reply = server.answer(method, target, body, sent)
            if reply.failure == "dns":
                await wire.on_the_wire(method, url, reply.latency, "dns")
                raise ClientConnectorDNSError(key, OSError(-2, "Name or service not known"))
            if reply.failure == "connect":
                await wire.on_the_wire(method, url, reply.latency, "connect")
                raise ClientConnectorError(key, ConnectionRefusedError(
                    111, f"Connect call failed ('{server.SERVER_ADDRESS}', {target.port})"))
            arrives = math.inf if reply.failure == "timeout" else reply.latency
            read_limit = real_timeout.sock_read
            if read_limit and arrives > read_limit:
                await wire.on_the_wire(method, url, read_limit, "timeout")
                raise SocketTimeoutError("Timeout on reading data from socket")
            await wire.on_the_wire(method, url, arrives)
        except BaseException:
            pool.release(host)
            raise
        info = RequestInfo(URL(target), method, CIMultiDictProxy(sent.items()))
        return ClientResponse(method, target, reply, info, lambda: pool.release(host))


def _encode_body(data, json):
    if json is not None:
        return _json.dumps(json).encode(), {"Content-Type": "application/json"}
    if data is None:
        return b"", {}
    if isinstance(data, (bytes, bytearray)):
        return bytes(data), {"Content-Type": "application/octet-stream"}
    if isinstance(data, str):
        return data.encode(), {"Content-Type": "text/plain; charset=utf-8"}
    from urllib.parse import urlencode
    return urlencode(list(data.items()) if hasattr(data, "items") else list(data)).encode(), \
        {"Content-Type": "application/x-www-form-urlencoded"}


class _SessionRequestContextManager:
    """aiohttp.request(...): a session of its own, closed with the response."""

    def __init__(self, coro, session):
        self._coro = coro
        self._session = session
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        try:
            self._resp = await self._coro
        except BaseException:
            await self._session.close()
            raise
        return self._resp

    async def __aexit__(self, *exc):
        self._resp.close()
        await self._session.close()


def request(method, url, *, connector=None, timeout=_sentinel, **kwargs):
    session = ClientSession(connector=connector, timeout=timeout)
    return _SessionRequestContextManager(session._request(method.upper(), url, **kwargs), session)


hdrs = types.SimpleNamespace(METH_GET="GET", METH_POST="POST", METH_PUT="PUT", METH_PATCH="PATCH",
                             METH_DELETE="DELETE", METH_HEAD="HEAD", METH_OPTIONS="OPTIONS")
