"""A watched source's state as people read it, the same in ``nkwatch sources`` and the web page."""
from __future__ import annotations

from typing import Any

from ..store import WatchSource


def source_state(source: WatchSource) -> str:
    """'never polled', 'ok', or 'failing (N polls)' when the last polls failed."""
    if source.last_polled is None:
        return "never polled"
    if source.failures:
        return f"failing ({source.failures} poll{'s' if source.failures > 1 else ''})"
    return "ok"


def source_dict(source: WatchSource) -> dict[str, Any]:
    """Every column of the source (times as ISO strings, UTC) and its state."""
    data = {k: (v.isoformat() + "Z" if hasattr(v, "isoformat") else v) for k, v in vars(source).items()}
    return {**data, "state": source_state(source)}
