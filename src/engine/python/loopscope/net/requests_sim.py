"""requests, simulated by Loopscope: get/post/..., Session, Response and requests.exceptions,
with no network (README, "Simulated network"). A call BLOCKS: the whole loop stops for the
request's latency, recorded as a blocking step (a `block` event with `req`), the mistake the
tutorials warn about made visible. Inside asyncio.to_thread / run_in_executor it spends the
simulated worker's time instead. Names, hierarchy and messages follow requests 2.x / urllib3 2.x."""
import datetime
import json as _json
import math
import types

from loopscope.net import server, urls, wire
from loopscope.net.headers import CaseInsensitiveDict

__loopscope_simulated__ = True


from requests.exceptions import (  # noqa: F401  (requests exports them)
    RequestException,
    InvalidJSONError,
    JSONDecodeError,
    HTTPError,
    ConnectionError,
    ProxyError,
    SSLError,
    Timeout,
    ConnectTimeout,
    ReadTimeout,
    URLRequired,
    TooManyRedirects,
    MissingSchema,
    InvalidSchema,
    InvalidURL,
)


# ---------------------------------------------------------------- requests and responses
class PreparedRequest:
    def __init__(self, method, url, headers, body):
        self.method = method
        self.url = url
        self.headers = CaseInsensitiveDict(headers.items())
        self.body = body or None

    def __repr__(self):
        return f"<PreparedRequest [{self.method}]>"


class Response:
    def __init__(self, reply, request, elapsed):
        self.status_code = reply.status
        self.reason = reply.reason
        self.headers = CaseInsensitiveDict(reply.headers)
        self.content = reply.body
        self.url = request.url
        self.request = request
        self.elapsed = datetime.timedelta(seconds=elapsed)
        self.encoding = "utf-8"
        self.history = []

    ok = property(lambda self: not 400 <= self.status_code < 600)
    text = property(lambda self: self.content.decode(self.encoding or "utf-8", "replace"))

    def __bool__(self):
        return self.ok

    def __repr__(self):
        return f"<Response [{self.status_code}]>"

    def json(self, **kwargs):
        try:
            return _json.loads(self.text, **kwargs)
        except _json.JSONDecodeError as e:
            raise JSONDecodeError(e.msg, e.doc, e.pos) from None

    def iter_content(self, chunk_size=1, decode_unicode=False):
        data = self.text if decode_unicode else self.content
        size = chunk_size or len(data) or 1
        return iter([data[i:i + size] for i in range(0, len(data), size)])

    def close(self):
        pass

    def raise_for_status(self):
        http_error_msg = ""
        reason = self.reason
        if 400 <= self.status_code < 500:
            http_error_msg = f"{self.status_code} Client Error: {reason} for url: {self.url}"
        elif 500 <= self.status_code < 600:
            http_error_msg = f"{self.status_code} Server Error: {reason} for url: {self.url}"
        if http_error_msg:
            raise HTTPError(http_error_msg, response=self)


# ---------------------------------------------------------------- sending
def _pool(target):
    kind = "HTTPSConnectionPool" if target.scheme == "https" else "HTTPConnectionPool"
    return f"{kind}(host={target.host!r}, port={target.port})"


def _path(target):
    return target.path + (f"?{target.query}" if target.query else "")


def _connection(target):
    kind = "HTTPSConnection" if target.scheme == "https" else "HTTPConnection"
    return f"<urllib3.connection.{kind} object at {wire.object_address(target.text)}>"


def _timeouts(timeout):
    if isinstance(timeout, tuple):
        connect, read = timeout
        return connect, read
    return timeout, timeout


def _send(method, url, params, data, json, headers, timeout, default_headers):
    text = str(url)
    try:
        target = urls.split(text, params)
    except urls.BadURL as bad:
        if bad.kind == "no-scheme":
            raise MissingSchema(f"Invalid URL {text!r}: No scheme supplied. Perhaps you meant "
                                f"https://{text}?") from None
        if bad.kind == "scheme":
            raise InvalidSchema(f"No connection adapters were found for {text!r}") from None
        if bad.kind == "no-host":
            raise InvalidURL(f"Invalid URL {text!r}: No host supplied") from None
        raise InvalidURL(f"Failed to parse: {text}") from None
    body = b""
    extra = {}
    if json is not None:
        body, extra = _json.dumps(json).encode(), {"Content-Type": "application/json"}
    elif isinstance(data, (bytes, str)):
        body = data.encode() if isinstance(data, str) else data
    elif data is not None:
        from urllib.parse import urlencode
        body = urlencode(list(data.items()) if hasattr(data, "items") else list(data)).encode()
        extra = {"Content-Type": "application/x-www-form-urlencoded"}
    sent = {"Host": target.host if target.port in (80, 443) else f"{target.host}:{target.port}",
            "User-Agent": "python-requests (simulated by Loopscope)",
            "Accept-Encoding": "gzip, deflate", "Accept": "*/*", "Connection": "keep-alive"}
    sent.update(default_headers)
    if body:
        sent["Content-Length"] = str(len(body))
    sent.update(extra)
    sent.update(headers or {})
    request = PreparedRequest(method, target.text, sent, body)
    connect_limit, read_limit = _timeouts(timeout)
    reply = server.answer(method, target, body, sent)
    if reply.failure in ("dns", "connect"):
        wire.block_on_the_wire("requests", method, target.text, reply.latency)
        if reply.failure == "dns":
            cause = (f'NameResolutionError("{_connection(target)}: Failed to resolve '
                     f"'{target.host}' ([Errno -2] Name or service not known)\")")
        else:
            cause = (f"NewConnectionError('{_connection(target)}: Failed to establish a new "
                     "connection: [Errno 111] Connection refused')")
        raise ConnectionError(f"{_pool(target)}: Max retries exceeded with url: {_path(target)} "
                              f"(Caused by {cause})", request=request)
    arrives = math.inf if reply.failure == "timeout" else reply.latency
    if read_limit is not None and arrives > read_limit:
        wire.block_on_the_wire("requests", method, target.text, read_limit)
        raise ReadTimeout(f"{_pool(target)}: Read timed out. (read timeout={read_limit})",
                          request=request)
    wire.block_on_the_wire("requests", method, target.text, arrives)
    return Response(reply, request, reply.latency)


class Session:
    def __init__(self):
        self.headers = {}
        self.adapters = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        pass

    def mount(self, prefix, adapter):
        self.adapters[prefix] = adapter

    def request(self, method, url, params=None, data=None, headers=None, cookies=None,
                files=None, auth=None, timeout=None, allow_redirects=True, proxies=None,
                hooks=None, stream=None, verify=None, cert=None, json=None):
        return _send(method.upper(), url, params, data, json, headers, timeout, self.headers)

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def options(self, url, **kwargs):
        return self.request("OPTIONS", url, **kwargs)

    def head(self, url, **kwargs):
        return self.request("HEAD", url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request("POST", url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request("PUT", url, data=data, **kwargs)

    def patch(self, url, data=None, **kwargs):
        return self.request("PATCH", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)


def session():
    return Session()


def request(method, url, **kwargs):
    with Session() as s:
        return s.request(method=method, url=url, **kwargs)


def get(url, params=None, **kwargs):
    return request("get", url, params=params, **kwargs)


def options(url, **kwargs):
    return request("options", url, **kwargs)


def head(url, **kwargs):
    return request("head", url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("post", url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request("put", url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request("patch", url, data=data, **kwargs)


def delete(url, **kwargs):
    return request("delete", url, **kwargs)


codes = types.SimpleNamespace(ok=200, OK=200, created=201, not_found=404, NOT_FOUND=404,
                              too_many_requests=429, internal_server_error=500,
                              service_unavailable=503)

for _cls in (PreparedRequest, Response, Session):
    _cls.__module__ = "requests"
