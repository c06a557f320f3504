"""Calendar points at a granularity (a day, an ISO week, a quarter, a season...) and their arithmetic,
formatted as TIMEX3 values."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

# Granularities from coarse to fine. PART is a part of a day (morning...), T a clock time.
GRANS = ("CE", "DE", "Y", "H", "Q", "SE", "M", "W", "WE", "D", "PART", "T")
SEASONS = ("SP", "SU", "FA", "WI")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
UNIT_MONTHS = {"Y": 12, "H": 6, "Q": 3, "SE": 3, "M": 1, "DE": 120, "CE": 1200, "ML": 12000}
UNIT_DAYS = {"W": 7, "WE": 7, "FN": 14, "D": 1}


@dataclass(frozen=True)
class Point:
    """A calendar period. ``year``/``month``/``day`` give its first day (for W/WE: the Monday);
    years <= 0 are BC (astronomical numbering is not used: -380 means 380 BC)."""
    gran: str
    year: int
    month: int = 1
    day: int = 1
    season: str | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None

    @property
    def date(self) -> dt.date:
        return dt.date(self.year, self.month, self.day)

    @property
    def calendar(self) -> bool:
        """True when the point is a real calendar date (not BC, within datetime's range)."""
        return 1 <= self.year <= 9999

    def finer_than(self, gran: str) -> bool:
        return GRANS.index(self.gran) > GRANS.index(gran)

    def value(self) -> str:
        g, y = self.gran, self.year
        if y <= 0:
            n = -y
            return {"CE": f"BC{n // 100:02d}", "DE": f"BC{n // 10:03d}"}.get(g, f"BC{n:04d}")
        if g == "CE":
            return f"{y // 100:02d}"
        if g == "DE":
            return f"{y // 10:03d}"
        if g == "Y":
            return f"{y:04d}"
        if g == "H":
            return f"{y:04d}-H{1 if self.month <= 6 else 2}"
        if g == "Q":
            return f"{y:04d}-Q{(self.month - 1) // 3 + 1}"
        if g == "SE":
            return f"{y:04d}-{self.season}"
        if g == "M":
            return f"{y:04d}-{self.month:02d}"
        if g in ("W", "WE"):
            iy, iw, _ = self.date.isocalendar()
            return f"{iy:04d}-W{iw:02d}" + ("-WE" if g == "WE" else "")
        day = f"{y:04d}-{self.month:02d}-{self.day:02d}"
        if g == "PART":
            return f"{day}T{self.part}"
        if g == "T":
            return f"{day}T{self.hour:02d}:{self.minute or 0:02d}"
        return day


def safe_point(gran: str, year: int, month: int = 1, day: int = 1) -> Point | None:
    """The point starting on that day, or None when there is no such day (30 February)."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return Point(gran, year, month, day)


def at(d: dt.date, gran: str, **extra) -> Point:
    """The period of granularity ``gran`` that contains day ``d``."""
    if gran == "CE":
        return Point("CE", d.year // 100 * 100)
    if gran == "DE":
        return Point("DE", d.year // 10 * 10)
    if gran == "Y":
        return Point("Y", d.year)
    if gran == "H":
        return Point("H", d.year, 1 if d.month <= 6 else 7)
    if gran == "Q":
        return Point("Q", d.year, (d.month - 1) // 3 * 3 + 1)
    if gran == "SE":
        year, season = season_of(d)
        return Point("SE", year, SEASON_START[season], season=season)
    if gran == "M":
        return Point("M", d.year, d.month)
    if gran in ("W", "WE"):
        monday = d - dt.timedelta(days=d.weekday())
        return Point(gran, monday.year, monday.month, monday.day)
    return Point(gran, d.year, d.month, d.day, **extra)


def season_of(d: dt.date) -> tuple[int, str]:
    """(season year, season code); winter belongs to the year of its December."""
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, SEASONS[(d.month - 3) // 3]


def season_point(year: int, season: str) -> Point:
    return Point("SE", year, SEASON_START[season], season=season)


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.year * 12 + d.month - 1 + n
    year, month = divmod(m, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(d.day, last))


def shift_date(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units (Y, H, Q, SE, M, DE, CE, W, WE, FN, D)."""
    if unit in UNIT_MONTHS:
        return add_months(d, UNIT_MONTHS[unit] * n)
    return d + dt.timedelta(days=UNIT_DAYS.get(unit, 1) * n)


def shift(p: Point, unit: str, n: int) -> Point:
    """``p`` moved by ``n`` units, keeping its granularity."""
    if not p.calendar:
        step = {"Y": 1, "DE": 10, "CE": 100}.get(unit)
        return replace(p, year=p.year - n * step) if step else p
    d = shift_date(p.date, unit, n)
    if not 1 <= d.year <= 9999:
        return p
    if p.gran in ("PART", "T"):
        return replace(at(d, "D"), gran=p.gran, part=p.part, hour=p.hour, minute=p.minute)
    return at(d, p.gran)


def weekday_near(ref: dt.date, weekday: int, direction: int, strict: bool = False) -> dt.date:
    """The day of ISO ``weekday`` (1=Monday) nearest ``ref`` in ``direction`` (-1 past, +1 future);
    ``ref`` itself counts unless ``strict``."""
    delta = weekday - ref.isoweekday()
    if direction < 0:
        back = (-delta) % 7
        if strict and back == 0:
            back = 7
        return ref - dt.timedelta(days=back)
    ahead = delta % 7
    if strict and ahead == 0:
        ahead = 7
    return ref + dt.timedelta(days=ahead)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> dt.date | None:
    """The day a holiday rule (vocab.toml [holiday]) falls on in ``year``."""
    try:
        if rule.startswith("easter"):
            return easter(year) + dt.timedelta(days=int(rule[6:] or 0))
        parts = rule.split("-")
        if len(parts) == 2:
            return dt.date(year, int(parts[0]), int(parts[1]))
        if len(parts) == 3 and not parts[1].startswith("W"):
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        if parts[1].startswith("W"):
            month, weekday = int(parts[0]), int(parts[-1])
            nth = -int(parts[2]) if parts[1] == "W" else int(parts[1][1:])
            if nth > 0:
                first = weekday_near(dt.date(year, month, 1), weekday, +1)
                return first + dt.timedelta(days=7 * (nth - 1))
            last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
            return weekday_near(last, weekday, -1)
    except ValueError:
        return None
    return None
