"""aiohttp.client_reqrep, simulated by Loopscope (net/aiohttp_sim.py): a response and what it
tells of its request. Loaded afresh as `aiohttp.client_reqrep` in every run."""
import json as _json

from loopscope.net import urls
from loopscope.net.headers import CIMultiDictProxy

from aiohttp.client_exceptions import ClientConnectionError, ClientResponseError, ContentTypeError


class URL(urls.TargetURL):
    """The part of yarl.URL programs read off a response."""

    __slots__ = ()

    query_string = property(lambda self: self._target.query)
    human_repr = urls.TargetURL.__str__


class ConnectionKey:
    __slots__ = ("host", "port", "is_ssl", "ssl")

    def __init__(self, target):
        self.host, self.port = target.host, target.port
        self.is_ssl = target.scheme == "https"
        self.ssl = True


class RequestInfo:
    __slots__ = ("url", "method", "headers", "real_url")

    def __init__(self, url, method, headers):
        self.url = self.real_url = url
        self.method = method
        self.headers = headers

    def __repr__(self):
        return (f"RequestInfo(url={self.url!r}, method={self.method!r}, "
                f"headers={self.headers!r}, real_url={self.real_url!r})")


class ClientResponse:
    def __init__(self, method, target, reply, request_info, release):
        self.method = method
        self._url = URL(target)
        self._target = target
        self.status = reply.status
        self.reason = reply.reason
        self.headers = CIMultiDictProxy(reply.headers)
        self._body = reply.body
        self._read = False
        self._released = False
        self._closed = False
        self._release_connection = release
        self.request_info = request_info
        self.history = ()
        self._in_context = False

    url = property(lambda self: self._url)
    real_url = property(lambda self: self._url)
    host = property(lambda self: self._target.host)
    ok = property(lambda self: 400 > self.status)
    closed = property(lambda self: self._closed)
    content_type = property(lambda self: self.headers.get("Content-Type", "application/octet-stream")
                            .split(";")[0].strip().lower())

    @property
    def charset(self):
        for part in self.headers.get("Content-Type", "").split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset":
                return value.strip('"')
        return None

    def __repr__(self):
        return f"<ClientResponse({self._url}) [{self.status} {self.reason}]>\n{self.headers!r}\n"

    def _connection_done(self):
        release, self._release_connection = self._release_connection, None
        if release is not None:
            release()

    def release(self):
        self._released = True
        self._connection_done()

    def close(self):
        self._released = True
        self._closed = True
        self._connection_done()

    async def wait_for_close(self):
        self.release()

    async def read(self):
        """The body, read once from the connection and kept: reading again gives it again."""
        if self._released:
            raise ClientConnectionError("Connection closed")
        if not self._read:
            self._read = True
            self._connection_done()    # the whole body has arrived: the connection is free
        return self._body

    async def text(self, encoding=None, errors="strict"):
        body = await self.read()
        return body.decode(encoding or self.charset or "utf-8", errors)

    async def json(self, *, encoding=None, loads=_json.loads, content_type="application/json"):
        body = await self.read()
        if content_type:
            mimetype = self.content_type
            if not (mimetype == content_type or (content_type == "application/json"
                                                   and mimetype.endswith("+json"))):
                raise ContentTypeError(
                    self.request_info, self.history, status=self.status,
                    message=f"Attempt to decode JSON with unexpected mimetype: {mimetype}",
                    headers=self.headers)
        stripped = body.strip()
        if not stripped:
            return None
        return loads(stripped.decode(encoding or self.charset or "utf-8"))

    def raise_for_status(self):
        if not self.ok:
            if not self._in_context:
                self.release()
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    async def __aenter__(self):
        self._in_context = True
        return self

    async def __aexit__(self, *exc):
        self._in_context = False
        self.release()
