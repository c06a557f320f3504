"""What nkwatch's HTTP clients share (``watch.fetch`` polling sources, ``alerts.webhooks``
delivering alerts): the User-Agent they announce and the backoff between two attempts."""
from __future__ import annotations

import random
from collections.abc import Callable

from . import __version__
from .settings import Settings


def user_agent(settings: Settings) -> str:
    """'nkwatch/0.1.0 (news monitor; +CONTACT)': who asks, and whom to tell when it misbehaves."""
    contact = f"; +{settings.contact}" if settings.contact else ""
    return f"nkwatch/{__version__} (news monitor{contact})"


def backoff(attempt: int, base: float, cap: float, rng: Callable[[], float] = random.random) -> float:
    """Seconds to wait before retry ``attempt`` (1, 2, ...): base * 2^(attempt-1), at most ``cap``,
    half of it fixed and half random (so that many clients do not come back together)."""
    full = min(cap, base * 2 ** (attempt - 1))
    return full / 2 + rng() * full / 2
