"""The network comments: how a program sets latency and failures per URL, in comment lines
that real CPython ignores (so the same program still runs there):

    # loopscope: net [METHOD] PATTERN option=value ...

METHOD is GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS (none: every method). PATTERN is a
glob (`*`, `?`, `[...]`) matched against the whole URL (scheme, host, port, path and query;
without a `://` in the pattern, against the URL without its scheme). Options:

    latency=2.5 | 2.5s | 250ms     seconds until the response arrives
    status=503                     the response's status code
    fail=dns | connect | timeout   the host does not resolve / refuses / never answers
    body=TEXT                      the response body (quote it: body="{\"ok\": true}")

latency, status and fail take a comma list, one value per request to the same method and URL
in order, the last repeating: `status=503,503,200` fails twice, then answers. `fail=none`
is a request that does not fail. Every matching line applies, in order; a later line's option
overrides an earlier one's. Parsed once when the run starts (README, "Simulated network")."""
import fnmatch
import io
import shlex
import tokenize

PREFIX = "loopscope:"
METHODS = frozenset(("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"))
FAILURES = frozenset(("dns", "connect", "timeout", "none"))


class CommentProblem(ValueError):
    """What is wrong with a network comment, as data (RunNotice 'net-comment-ignored' in the
    trace): `problem` is one of NetCommentProblem (src/protocol/trace.ts), `text` the word."""

    def __init__(self, problem, text=None):
        super().__init__(problem, text)
        self.problem = problem
        self.text = text


class Rule:
    __slots__ = ("line", "method", "pattern", "scheme_free", "options")

    def __init__(self, line, method, pattern, options):
        self.line = line
        self.method = method
        self.pattern = pattern
        self.scheme_free = "://" not in pattern
        self.options = options

    def matches(self, method, url):
        if self.method is not None and self.method != method:
            return False
        if self.scheme_free:
            url = url.partition("://")[2] or url
        return fnmatch.fnmatchcase(url, self.pattern)


def _seconds(text):
    """latency: seconds from 0 up."""
    try:
        value = float(text[:-2]) / 1000.0 if text.endswith("ms") else \
            float(text[:-1] if text.endswith("s") else text)
    except ValueError:
        raise CommentProblem("bad-latency", text) from None
    if not 0 <= value < float("inf"):
        raise CommentProblem("bad-latency", text)
    return value


def _status(text):
    """status: an HTTP status code from 100 to 599."""
    try:
        code = int(text)
    except ValueError:
        raise CommentProblem("bad-status", text) from None
    if not 100 <= code <= 599:
        raise CommentProblem("bad-status", text)
    return code


def _failure(text):
    if text not in FAILURES:
        raise CommentProblem("bad-fail", text)
    return None if text == "none" else text


_SEQUENCES = {"latency": _seconds, "status": _status, "fail": _failure}


def parse_rule(line, text):
    """One comment's text after `loopscope:` `net`: a Rule, or CommentProblem saying what is wrong."""
    try:
        words = shlex.split(text)
    except ValueError:                     # "No closing quotation", "No escaped character"
        raise CommentProblem("bad-quotes") from None
    method = None
    if words and words[0] in METHODS:
        method = words.pop(0)
    if not words or "=" in words[0]:
        raise CommentProblem("no-pattern")
    pattern = words.pop(0)
    options = {}
    for word in words:
        name, eq, value = word.partition("=")
        if not eq:
            raise CommentProblem("not-option", word)
        if name == "body":
            options["body"] = value
        elif name in _SEQUENCES:
            options[name] = tuple(_SEQUENCES[name](v.strip()) for v in value.split(","))
        else:
            raise CommentProblem("unknown-option", name)
    return Rule(line, method, pattern, options)


def parse_rules(source):
    """All network comments of the program, and the problems of those that could not be read
    ((line, CommentProblem) pairs)."""
    rules, problems = [], []
    if PREFIX not in source:
        return rules, problems             # nearly every program: no need to tokenize it
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return rules, problems
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        body = token.string[1:].strip()
        if not body.startswith(PREFIX):
            continue
        words = body[len(PREFIX):].split(None, 1)
        if not words or words[0] != "net":
            continue                           # another loopscope: comment, not ours
        line = token.start[0]
        try:
            rules.append(parse_rule(line, words[1] if len(words) > 1 else ""))
        except CommentProblem as problem:
            problems.append((line, problem))
    return rules, problems


def options_for(rules, method, url, n):
    """The options of every rule matching METHOD URL, for its n-th request (0-based)."""
    chosen = {}
    for rule in rules:
        if rule.matches(method, url):
            for name, value in rule.options.items():
                chosen[name] = value if name == "body" else value[min(n, len(value) - 1)]
    return chosen
