"""Errors the store raises for its callers to report (the CLI turns them into messages)."""
from __future__ import annotations


class StoreError(Exception):
    """A request the store cannot carry out, with a message meant for the user."""


class SearchSyntaxError(StoreError):
    """A full-text query the index cannot parse."""

    def __init__(self, query: str, reason: str) -> None:
        super().__init__(
            f"cannot search for {query!r}: {reason}. Use words, \"quoted phrases\", AND / OR / NOT, "
            f"prefix*, (parentheses), title:word")
        self.query = query
        self.reason = reason


class SearchUnavailable(StoreError):
    """The database has no full-text index (a dialect other than SQLite)."""


class AmbiguousKey(StoreError):
    """A hash prefix that matches more than one document."""
