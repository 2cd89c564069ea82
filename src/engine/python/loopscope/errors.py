"""Errors as a learner should see them: CPython's own words, trimmed to the learner's frames."""
import traceback

from .hints import run_hint
from .loop_misuse import loop_misuse


def syntax_problem(exc, filename):
    """A SyntaxError (or IndentationError/TabError) from compile(), as the protocol's SyntaxProblem."""
    text = "".join(traceback.format_exception_only(type(exc), exc))
    problem = {
        "type": type(exc).__name__,
        "message": exc.msg if isinstance(exc, SyntaxError) else str(exc),
        "line": (exc.lineno or 1) if isinstance(exc, SyntaxError) else 1,
        "column": (exc.offset or 1) if isinstance(exc, SyntaxError) else 1,
        "text": text,
    }
    if isinstance(exc, SyntaxError):
        if exc.end_lineno:
            problem["endLine"] = exc.end_lineno
        # CPython says -1 when it does not know where the error ends (IndentationError:
        # unexpected indent): left out, as the protocol's columns start at 1.
        if exc.end_offset and exc.end_offset > 0:
            problem["endColumn"] = exc.end_offset
    return problem


def _prune(te, filename, seen):
    if id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename == filename])
    for nested in (te.__cause__, te.__context__):
        if nested is not None:
            _prune(nested, filename, seen)
    for sub in te.exceptions or ():
        _prune(sub, filename, seen)


def user_traceback(exc, filename):
    """The traceback CPython would print, keeping only frames from the learner's file."""
    te = traceback.TracebackException.from_exception(exc)
    _prune(te, filename, set())
    return "".join(te.format())


def last_user_line(exc, filename):
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def exception_end(exc, filename):
    end = {
        "kind": "exception",
        "type": type(exc).__name__,
        "message": str(exc),
        "traceback": user_traceback(exc, filename),
        "line": last_user_line(exc, filename),
    }
    hint = run_hint(exc, filename)
    if hint is not None:
        end["hint"] = hint
    misuse = loop_misuse(exc)
    if misuse is not None:
        end["misuse"] = misuse
    return end
