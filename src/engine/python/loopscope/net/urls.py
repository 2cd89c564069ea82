"""Splitting a URL the way the three libraries need before they send anything. Each library
turns a `BadURL` into its own exception with its own words."""
from urllib.parse import quote, urlencode, urlsplit

from .server import Target

DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%")


class BadURL(ValueError):
    """kind: 'no-scheme', 'scheme' (not http/https), 'no-host', 'port', 'host'."""

    def __init__(self, kind, detail=""):
        super().__init__(kind)
        self.kind = kind
        self.detail = detail


def quoted(text):
    """The URL as yarl / httpx show it: spaces and other unsafe characters percent-encoded."""
    return quote(text, safe="/:?=&%#@!$'()*+,;[]~")


def split(text, params=None):
    """A Target for an http(s) URL string (with `params` added to its query), or BadURL."""
    text = str(text)
    try:
        parts = urlsplit(text.strip())
    except ValueError as exc:
        raise BadURL("host", str(exc)) from None
    scheme = parts.scheme.lower()
    if not scheme or not parts.netloc and "://" not in text:
        raise BadURL("no-scheme")
    if scheme not in ("http", "https"):
        raise BadURL("scheme", scheme)
    host = parts.hostname or ""
    if not host:
        raise BadURL("no-host")
    if not (host.startswith("[") or set(host) <= _HOST_CHARS):
        raise BadURL("host", host)
    try:
        port = parts.port
    except ValueError:
        raise BadURL("port", parts.netloc.rpartition(":")[2]) from None
    query = parts.query
    if params:
        extra = urlencode(list(params.items()) if hasattr(params, "items") else list(params))
        query = f"{query}&{extra}" if query else extra
    return Target(scheme, host.lower(), port or DEFAULT_PORTS[scheme], quoted(parts.path or "/"),
                  query)


class TargetURL:
    """What yarl.URL (aiohttp) and httpx.URL share, over a Target: each library's URL adds its own
    spelling of the query."""

    __slots__ = ("_target",)

    def __init__(self, target):
        self._target = target

    def __str__(self):
        return self._target.text

    def __repr__(self):
        return f"URL({self._target.text!r})"

    def __eq__(self, other):
        return str(self) == str(other) if isinstance(other, (TargetURL, str)) else NotImplemented

    def __hash__(self):
        return hash(self._target.text)

    host = property(lambda self: self._target.host)
    port = property(lambda self: self._target.port)
    scheme = property(lambda self: self._target.scheme)
    path = property(lambda self: self._target.path)
