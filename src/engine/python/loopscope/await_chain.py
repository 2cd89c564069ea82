"""Where a suspended task waits in the learner's code: the learner's frames of its await chain
and the asyncio API they called (what a `suspend` event names)."""
from . import describe as d


def _is_private(qualname):
    return qualname.rsplit(".", 1)[-1].startswith("_")


def api_frame(frames, filename):
    """The index of the asyncio API the learner called, below their innermost frame: private
    plumbing such as _ContextManagerMixin.__aenter__ (`async with lock`) is passed over down to
    Lock.acquire; None when there is none."""
    api_at = None
    for i, frame in enumerate(frames):
        code = frame.f_code
        if code.co_filename == filename:
            api_at = None
        elif code.co_filename.startswith(d.ASYNCIO_DIR):
            if api_at is None or (_is_private(frames[api_at].f_code.co_qualname)
                                  and not _is_private(code.co_qualname)):
                api_at = i
    return api_at


def await_chain(frames, filename):
    """(the indexes of the learner's frames, the index of the asyncio API called or None) of a
    suspended task's await chain: they depend on its frames' code objects only."""
    return (tuple(i for i, f in enumerate(frames) if f.f_code.co_filename == filename),
            api_frame(frames, filename))
