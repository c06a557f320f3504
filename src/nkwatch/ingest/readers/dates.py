"""Publication dates from metadata values: ISO 8601, RFC 2822 (feeds, HTTP), epoch numbers.
A date-time keeps the calendar date it was written in (its own time zone); nothing is guessed."""
from __future__ import annotations

import email.utils
from datetime import date, datetime, timezone
from typing import Any

# Epoch numbers: at or above this they are milliseconds (after March 1973 in ms);
# between EPOCH_S_MIN and it, seconds (1973..5138). Smaller numbers are not taken as dates.
EPOCH_MS_MIN = 100_000_000_000
EPOCH_S_MIN = 100_000_000


def parse_date(value: Any) -> date | None:
    """A date from an ISO string, an RFC 2822 string, or epoch milliseconds/seconds (UTC);
    None when the value is none of these (a date is never guessed)."""
    if isinstance(value, str) and value.strip().isdecimal() and value.strip().isascii():
        value = int(value.strip())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value >= EPOCH_MS_MIN:
            value /= 1000
        elif value < EPOCH_S_MIN:
            return None
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
