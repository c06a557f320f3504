"""Reading single cells of the reference databases: unknowns, dates, times, kilometres, sources.

Each function takes a cell as read (str, number, datetime, time or None) and returns a plain value,
or None when the cell says the value is unknown. A cell that holds something unreadable raises
ValueError, so that a format change is noticed instead of silently losing data.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

# Cells that mean "no value" in the CNS database and its derivatives.
_UNKNOWN = {"", "unknown", "n/a", "na", "none", "-", "--", "?"}

_DAY_FORMATS = ("%d-%b-%y", "%d-%b-%Y", "%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d", "%d %B %Y",
                "%B %d, %Y", "%b %d, %Y", "%d %b %Y")
_MONTH_FORMATS = ("%b-%y", "%b-%Y", "%Y-%m", "%B %Y", "%b %Y")
_TIME_FORMATS = ("%I:%M:%S %p", "%I:%M %p", "%H:%M:%S", "%H:%M")

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_RANGE = re.compile(rf"(?:between\s+)?({_NUMBER})\s*(?:-|–|to|and)\s*({_NUMBER})", re.I)
_SINGLE = re.compile(rf"(?:about|around|approximately|approx\.?|~|over|more than|up to)?\s*({_NUMBER})",
                     re.I)
# Units other than the column's own (the codebook defines Apogee and Distance in kilometres).
_OTHER_UNITS = {"m": 0.001, "meters": 0.001, "metres": 0.001, "mi": 1.609344, "miles": 1.609344,
                "nm": 1.852, "nmi": 1.852, "nautical miles": 1.852}
_UNIT = re.compile(rf"{_NUMBER}\s*([a-z][a-z .]*?)\s*$", re.I)
_URL_START = re.compile(r"\s+(?=https?://)")

PYONGYANG = ZoneInfo("Asia/Pyongyang")


def text(cell) -> str | None:
    """The cell as stripped text (non-breaking spaces normalised), None when empty or unknown."""
    if cell is None:
        return None
    value = " ".join(str(cell).replace("\xa0", " ").split())
    return None if value.lower() in _UNKNOWN else value


def day(cell) -> tuple[date, str] | None:
    """(date, precision) of a date cell; precision is 'day' or 'month' ('Sep-84', '1984-09')."""
    if isinstance(cell, datetime):
        return cell.date(), "day"
    if isinstance(cell, date):
        return cell, "day"
    value = text(cell)
    if value is None:
        return None
    for fmt in _DAY_FORMATS:
        try:
            return datetime.strptime(value, fmt).date(), "day"
        except ValueError:
            pass
    for fmt in _MONTH_FORMATS:
        try:
            return datetime.strptime(value, fmt).date(), "month"
        except ValueError:
            pass
    raise ValueError(f"unreadable date {cell!r}")


def clock(cell) -> time | None:
    """A time-of-day cell ('10:51:00 PM', '05:53 (UTC)', an Excel time or day fraction)."""
    if isinstance(cell, datetime):
        return cell.time()
    if isinstance(cell, time):
        return cell
    if isinstance(cell, float) and 0 <= cell < 1:
        seconds = round(cell * 86400)
        return time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    value = text(cell)
    if value is None:
        return None
    value = re.sub(r"\s*\(?\b(UTC|GMT|Z)\b\)?\s*$", "", value, flags=re.I).upper()
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(value, fmt).time()
        except ValueError:
            pass
    raise ValueError(f"unreadable time {cell!r}")


def local_day(utc_day: date, utc_time: time | None) -> date:
    """The Pyongyang calendar date of a launch given in UTC (the UTC date when time is unknown)."""
    if utc_time is None:
        return utc_day
    moment = datetime.combine(utc_day, utc_time, tzinfo=timezone.utc)
    return moment.astimezone(PYONGYANG).date()


def kilometres(cell) -> tuple[float | None, float | None]:
    """(value, upper value) in km of an Apogee / Distance cell.

    The column's unit is km, so a number with no unit, 'km' or a mistyped unit is km; metres and
    miles are converted. 'between 25 and 90 km' gives (25, 90); unknown gives (None, None).
    """
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return float(cell), None
    value = text(cell)
    if value is None:
        return None, None
    factor = 1.0
    unit = _UNIT.search(value)
    if unit and unit.group(1).lower().strip(" .") in _OTHER_UNITS:
        factor = _OTHER_UNITS[unit.group(1).lower().strip(" .")]
    found = _RANGE.search(value)
    if found:
        low, high = (float(g.replace(",", "")) * factor for g in found.groups())
        return low, high
    found = _SINGLE.match(value)
    if not found:
        raise ValueError(f"unreadable distance {cell!r}")
    return float(found.group(1).replace(",", "")) * factor, None


def coordinate(cell) -> float | None:
    """A latitude or longitude in decimal degrees (accepts a trailing '°')."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return float(cell)
    value = text(cell)
    if value is None:
        return None
    try:
        return float(value.rstrip("°NEne ").strip())
    except ValueError:
        raise ValueError(f"unreadable coordinate {cell!r}") from None


def source_list(cell) -> tuple[str, ...]:
    """The Source(s) cell split into single references (';', new lines, or URLs run together);
    a list of references (JSON) is split the same way, item by item."""
    if cell is None:
        return ()
    items = cell if isinstance(cell, (list, tuple)) else [cell]
    pieces = []
    for part in (p for item in items for p in re.split(r"[;\n\r]+", str(item))):
        for piece in _URL_START.split(part) if part.count("http") > 1 else [part]:
            piece = piece.strip().strip("\"'").strip()
            if piece:
                pieces.append(piece)
    return tuple(pieces)


def lowered(cell) -> str | None:
    """A categorical cell in lower case ('Success' -> 'success'); None when unknown."""
    value = text(cell)
    return value.lower() if value else None


def iso(cell):
    """A cell as kept in ``raw``: dates and times as ISO strings, everything else as read."""
    if isinstance(cell, (datetime, date, time)):
        return cell.isoformat()
    return cell
