"""Reference times for one document: the document date, the last date mentioned, the direction
(past or future) an underspecified date points to, and choosing the year it falls in."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from .calendar import Point, at, shift_date
from .context import tense
from .resources import Resources


@dataclass
class State:
    """What normalizing one document needs and remembers as it goes through the text."""
    text: str
    dct: dt.date | None
    res: Resources
    narrative: bool = False
    tense_hints: bool = True
    ref: Point | None = None  # the last calendar date mentioned (the narrative's reference time)
    ref_end: int = 0          # where the expression that gave ``ref`` ends
    last_of: dict[str, Point] = field(default_factory=dict)  # the last date mentioned per granularity

    def direction(self, start: int, end: int, default: int = 0) -> int:
        """-1 past / +1 future from the clause's tense, else ``default``."""
        if self.tense_hints:
            t = tense(self.text, start, end, self.res.cues)
            if t:
                return t
        return default

    def story_date(self) -> dt.date | None:
        """The date underspecified expressions count from: in a narrative the last date
        mentioned, else the document date."""
        if self.dct is None:
            return None
        if self.narrative and self.ref is not None and self.ref.calendar:
            return self.ref.date
        return self.dct

    def year_context(self) -> int | None:
        """The year a month or a day of a month without a year is in when the text sets it: in a
        narrative, the year of the last date mentioned. (In news, measured on TimeBank, a year
        written out earlier does not carry over: the document date decides.)"""
        if self.narrative and self.dct is not None and self.ref is not None and self.ref.calendar:
            return self.ref.year
        return None

    def story_year(self) -> int | None:
        if self.dct is None:
            return None
        if self.narrative and self.ref is not None:
            return self.ref.year
        return self.dct.year

    def anchor(self, antecedent: bool = False) -> Point | None:
        """The point anaphoric expressions ("a year earlier", "the same day") count from: the last
        date mentioned, else the document date, except for expressions that need an antecedent
        ("the same day", "that week"), which have none then."""
        if self.dct is None:
            return None
        if self.ref is not None or antecedent:
            return self.ref
        return at(self.dct, "D")


def _span(p: Point) -> tuple[dt.date, dt.date]:
    """First day and the day after the last day of a calendar point."""
    unit = {"D": "D", "PART": "D", "T": "D", "W": "W", "WE": "W"}.get(p.gran, p.gran)
    return p.date, shift_date(p.date, unit, 1)


def pick_year(make: Callable[[int], Point | None], base: dt.date, rel: int | None, direction: int,
              window: int = 0, default: int = 0) -> Point | None:
    """The occurrence of a yearly period (a month, a day of a month, a season, a quarter, a holiday)
    relative to ``base``: rel -1 "last", +1 "next", 0 "this"; otherwise the nearest occurrence
    when it lies within ``window`` days (news dates cluster around the publication day: measured on
    TimeBank, a closer one beats the tense cues), else the clause's ``direction``, else the
    ``default`` one; with no direction at all, the nearest occurrence (``window`` > 0) or the one
    in base's year."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        p = make(year)
        if p is not None and p.calendar:
            candidates.append(p)
    if not candidates:
        return None
    spans = [(p, *_span(p)) for p in candidates]

    def distance(item):
        p, start, end = item
        return 0 if start <= base < end else min(abs((start - base).days), abs((base - end).days))
    if rel is None and window:
        best = min(spans, key=distance)
        if distance(best) <= window:
            return best[0]
    direction = direction or default
    if rel == 0:
        return make(base.year)
    if rel == -1:
        past = [p for p, start, end in spans if end <= base]
        return past[-1] if past else None
    if rel == 1:
        future = [p for p, start, end in spans if start > base]
        return future[0] if future else None
    if direction < 0:
        past = [p for p, start, end in spans if start <= base]
        return past[-1] if past else None
    if direction > 0:
        future = [p for p, start, end in spans if end > base]
        return future[0] if future else None
    if not window:
        return make(base.year)
    return min(spans, key=distance)[0]
