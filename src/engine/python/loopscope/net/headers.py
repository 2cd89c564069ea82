"""Response headers: a case-insensitive, read-only mapping, printed as each library prints its own."""


class Headers:
    __slots__ = ("_items", "_index")

    def __init__(self, items):
        self._items = list(items)
        self._index = {}
        for k, v in self._items:
            self._index.setdefault(k.lower(), v)

    def __getitem__(self, key):
        return self._index[key.lower()]

    def get(self, key, default=None):
        return self._index.get(key.lower(), default)

    def getall(self, key, default=None):
        found = [v for k, v in self._items if k.lower() == key.lower()]
        return found if found else ([] if default is None else default)

    def __contains__(self, key):
        return isinstance(key, str) and key.lower() in self._index

    def __iter__(self):
        return iter(k for k, _ in self._items)

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [k for k, _ in self._items]

    def values(self):
        return [v for _, v in self._items]

    def items(self):
        return list(self._items)

    def __eq__(self, other):
        if isinstance(other, Headers):
            return self._items == other._items
        if isinstance(other, dict):
            return self._index == {k.lower(): v for k, v in other.items()}
        return NotImplemented


class CIMultiDictProxy(Headers):
    """aiohttp's response.headers."""

    __slots__ = ()

    def __repr__(self):
        body = ", ".join(f"{k!r}: {v!r}" for k, v in self._items)
        return f"<CIMultiDictProxy({body})>"


class HttpxHeaders(Headers):
    """httpx's Headers."""

    __slots__ = ()

    def __repr__(self):
        return f"Headers({dict((k.lower(), v) for k, v in self._items)!r})"


class CaseInsensitiveDict(Headers):
    """requests' response.headers."""

    __slots__ = ()

    def __repr__(self):
        return repr(dict(self._items))
