"""The simulated servers every URL reaches: httpbin's test endpoints on any host, a small page
anywhere else, and the failures a program asks for (rules.py) or a host's name promises.

All of it is drawn from the method, the URL, the run's seed and how many times this method and
URL were asked before: never from the program's `random` or `hash()`."""
import http
import json
import uuid
from urllib.parse import parse_qsl

from . import rules as r
from .wire import digest_bytes, fraction, network

# The caller's address the simulated httpbin reports (TEST-NET-3, RFC 5737: never a real host).
ORIGIN = "203.0.113.7"
# Where simulated hosts "are" (TEST-NET-1), for messages that name an address.
SERVER_ADDRESS = "192.0.2.1"
# Hosts that fail as DNS would: the reserved .invalid domain (RFC 2606) and names that say so.
FAILING_LABELS = frozenset(("invalid", "nonexistent", "doesnotexist", "does-not-exist",
                            "no-such-host", "nosuchhost"))
MAX_DELAY = 10.0            # httpbin's /delay/N answers after at most 10 s
MAX_BYTES = 100 * 1024      # httpbin's /bytes/N gives at most 100 KiB
DNS_SECONDS = 0.02          # how long a failing lookup or a refused connection takes

# httpbin's /json: its sample slideshow document.
SLIDESHOW = {"slideshow": {
    "author": "Yours Truly",
    "date": "date of publication",
    "slides": [
        {"title": "Wake up to WonderWidgets!", "type": "all"},
        {"items": ["Why <em>WonderWidgets</em> are great", "Who <em>buys</em> WonderWidgets"],
         "title": "Overview", "type": "all"},
    ],
    "title": "Sample Slide Show",
}}


class Target:
    """A request's URL, split: what the libraries check and the servers answer."""

    __slots__ = ("scheme", "host", "port", "path", "query", "text")

    def __init__(self, scheme, host, port, path, query):
        self.scheme, self.host, self.port, self.path, self.query = scheme, host, port, path, query
        default = {"http": 80, "https": 443}.get(scheme)
        netloc = host if port == default else f"{host}:{port}"
        self.text = f"{scheme}://{netloc}{path}" + (f"?{query}" if query else "")


class Reply:
    """What comes back: a response, or a failure ('dns', 'connect', 'timeout': no answer)."""

    __slots__ = ("status", "reason", "headers", "body", "latency", "failure")

    def __init__(self, status, headers, body, latency, failure=None):
        self.status = status
        self.reason = reason_of(status)
        self.headers = headers
        self.body = body
        self.latency = latency
        self.failure = failure


def reason_of(status):
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def fails_dns(host):
    return any(label in FAILING_LABELS for label in host.lower().split("."))


def _pretty(obj):
    # httpbin's own layout: two-space indent, sorted keys, ", " between items.
    return (json.dumps(obj, indent=2, sort_keys=True, separators=(", ", ": ")) + "\n").encode()


def _json_reply(obj):
    return [("Content-Type", "application/json")], _pretty(obj)


def _echo(method, target, body, headers, fields):
    """httpbin's echo of the request: only the fields its endpoint shows."""
    text = body.decode("utf-8", "replace") if body else ""
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = None
    is_form = headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded")
    args = {}
    for k, v in parse_qsl(target.query, keep_blank_values=True):
        args[k] = v if k not in args else (args[k] if isinstance(args[k], list) else [args[k]]) + [v]
    everything = {
        "args": args,
        "data": "" if is_form else text,
        "files": {},
        "form": dict(parse_qsl(text)) if is_form else {},
        "headers": dict(headers),
        "json": parsed,
        "method": method,
        "origin": ORIGIN,
        "url": target.text,
    }
    return {k: everything[k] for k in fields}


_GET_FIELDS = ("args", "headers", "origin", "url")
_BODY_FIELDS = ("args", "data", "files", "form", "headers", "json", "origin", "url")
_DELAY_FIELDS = ("args", "data", "files", "form", "headers", "origin", "url")


def _httpbin(method, target, body, headers, n):
    """(status, headers, body, extra seconds) for httpbin's endpoints, or None for other paths."""
    parts = target.path.strip("/").split("/")
    head, arg = parts[0], (parts[1] if len(parts) > 1 else None)
    if head == "get" and len(parts) == 1:
        return (200, *_json_reply(_echo(method, target, body, headers, _GET_FIELDS)), 0.0) \
            if method in ("GET", "HEAD", "OPTIONS") else _not_allowed()
    if head in ("post", "put", "patch", "delete") and len(parts) == 1:
        return (200, *_json_reply(_echo(method, target, body, headers, _BODY_FIELDS)), 0.0) \
            if method == head.upper() or method == "OPTIONS" else _not_allowed()
    if head == "anything":
        return (200, *_json_reply(_echo(method, target, body, headers, _BODY_FIELDS[:5]
                                        + ("method",) + _BODY_FIELDS[5:])), 0.0)
    if head == "delay" and len(parts) == 2:
        try:
            seconds = min(max(float(arg), 0.0), MAX_DELAY)
        except ValueError:
            return None
        return (200, *_json_reply(_echo(method, target, body, headers, _DELAY_FIELDS)), seconds)
    if head == "status" and len(parts) == 2:
        codes = arg.split(",")
        try:
            code = int(codes[int(fraction("status", target.text, n) * len(codes))].split(":")[0])
        except ValueError:
            return 400, [("Content-Type", "text/html; charset=utf-8")], b"Invalid status code", 0.0
        return code, [("Content-Type", "text/html; charset=utf-8")], b"", 0.0
    if head == "json" and len(parts) == 1:
        return (200, *_json_reply(SLIDESHOW), 0.0)
    if head == "uuid" and len(parts) == 1:
        value = uuid.UUID(bytes=digest_bytes(16, network().seed, "uuid", target.text, n), version=4)
        return (200, *_json_reply({"uuid": str(value)}), 0.0)
    if head == "bytes" and len(parts) == 2 and arg.isdigit():
        count = min(int(arg), MAX_BYTES)
        return 200, [("Content-Type", "application/octet-stream")], \
            digest_bytes(count, network().seed, "bytes", target.text, n), 0.0
    if head == "headers" and len(parts) == 1:
        return (200, *_json_reply({"headers": dict(headers)}), 0.0)
    if head == "ip" and len(parts) == 1:
        return (200, *_json_reply({"origin": ORIGIN}), 0.0)
    if head == "user-agent" and len(parts) == 1:
        return (200, *_json_reply({"user-agent": headers.get("User-Agent", "")}), 0.0)
    return None


def _not_allowed():
    return 405, [("Content-Type", "text/html")], b"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 " \
        b"Final//EN\">\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n" \
        b"<p>The method is not allowed for the requested URL.</p>\n", 0.0


def _page(target, n, seed):
    token = int(fraction(seed, "page", target.text, n) * 16 ** 8)
    title = f"{target.host}{target.path}"
    return (f"<!doctype html>\n<html><head><title>{title}</title></head>\n<body><h1>{title}</h1>\n"
            f"<p>A page of Loopscope's simulated network (no request left your computer). "
            f"Page {token:08x}.</p></body></html>\n").encode()


def answer(method, target, body=b"", headers=None):
    """The simulated server's reply to one request, with the time it takes to arrive."""
    net = network()
    headers = headers or {}
    n = net.next_count(method, target.text)
    latency = round(0.05 + 0.45 * fraction(net.seed, method, target.text, n), 3)
    options = r.options_for(net.rules, method, target.text, n)
    failure = options.get("fail", "dns" if fails_dns(target.host) else None)
    if failure in ("dns", "connect"):
        return Reply(0, [], b"", options.get("latency", DNS_SECONDS), failure)
    found = _httpbin(method, target, body, headers, n)
    if found is None:
        status, reply_headers, content, extra = 200, [("Content-Type", "text/html; charset=utf-8")], \
            _page(target, n, net.seed), 0.0
    else:
        status, reply_headers, content, extra = found
    if "status" in options:
        status = options["status"]
        if found is None or not 200 <= status < 300:
            reply_headers, content = [("Content-Type", "text/plain; charset=utf-8")], \
                f"{status} {reason_of(status)}\n".encode()
    if "body" in options:
        content = options["body"].encode()
        reply_headers = [("Content-Type", _body_type(options["body"]))]
    if method == "HEAD":
        content = b""
    latency = options.get("latency", round(latency + extra, 3))
    reply_headers = reply_headers + [("Content-Length", str(len(content))),
                                     ("Server", "loopscope-simulated")]
    return Reply(status, reply_headers, content, latency, failure)


def _body_type(text):
    try:
        value = json.loads(text)
    except ValueError:
        return "text/plain; charset=utf-8"
    return "application/json" if isinstance(value, (dict, list)) else "text/plain; charset=utf-8"
