"""Ranges written with the month or the century once: "19-20 October", "between 14 and 16
November", "April 24 and 25", "Oct. 19-20, 1998", "1915-17". TimeML tags each end of the range as a
date of its own; the bare day number takes the month and year of the date beside it (and a year
written after the range dates both ends); a two-digit year after a year takes its century."""
from __future__ import annotations

import re
from dataclasses import replace

from .calendar import Point, safe_point
from .normalize import Norm

# A bare day number ending right before a date, joined to it by a range word.
RANGE_WORD = r"(?:\s*[-–]\s*|\s+(?:to|and|&|or|through|till|until)\s+)"
DAY_BEFORE = re.compile(rf"(?<![^\s(])(\d{{1,2}})(?:st|nd|rd|th)?{RANGE_WORD}$")
# A bare day number right after a date, and a year closing the range.
DAY_AFTER = re.compile(rf"{RANGE_WORD}(\d{{1,2}})(?:st|nd|rd|th)?"
                       r"(?![\w%]|[.,]\d|\s*(?:%|per\s?cent|[a-z]))(?:,?\s+(\d{4})(?!\d))?")
# Two digits closing a range of years ("1950-53", "2007-08").
YEAR_AFTER = re.compile(r"\s*[-–]\s*(\d\d)(?![\d%])(?!\s*(?:%|per\s?cent))")
REACH = 12
# What may stand between the two ends of a range of dates.
RANGE_JOINS = {"-", "–", "/", "to", "and", "&", "or", "through", "till", "until"}

Item = tuple[int, int, Norm]


def _date_of(n: Norm, gran: str) -> bool:
    return n.type == "DATE" and n.point is not None and n.point.calendar and n.point.gran == gran


def _with_day(n: Norm, day: int, year: int | None = None) -> Norm | None:
    """``n`` moved to another day of its month (and to ``year`` when given)."""
    q = safe_point("D", year or n.point.year, n.point.month, day)
    return None if q is None else replace(n, value=q.value(), point=q, anchored=n.anchored and year is None)


def split_ranges(text: str, items: list[Item]) -> list[Item]:
    """``items`` with the bare ends of day and year ranges added as dates, in text order."""
    out: list[Item] = []
    taken = {(s, e) for s, e, _ in items}
    absorbed: set[tuple[int, int]] = set()   # a year closing a range, now part of its second end

    def free(s: int, e: int, year: tuple[int, int] | None = None) -> bool:
        return all(e <= ts or s >= te for ts, te in taken if (ts, te) != year)

    for s, e, n in items:
        if (s, e) in absorbed:
            continue
        if _date_of(n, "Y") and re.fullmatch(r"\d{4}", text[s:e]):
            m = YEAR_AFTER.match(text, e)
            if m and free(*m.span(1)):
                year = n.point.year // 100 * 100 + int(m.group(1))
                if year > n.point.year:
                    out.append((*m.span(1), replace(n, value=f"{year:04d}", point=Point("Y", year))))
        if not _date_of(n, "D"):
            out.append((s, e, n))
            continue
        m = DAY_BEFORE.search(text, max(0, s - REACH), s) if text[s:s + 1].isdigit() else None
        if m and free(*m.span(1)) and int(m.group(1)) < n.point.day:
            first = _with_day(n, int(m.group(1)))
            if first is not None:
                out.append((*m.span(1), first))
        m = DAY_AFTER.match(text, e) if text[e - 1:e].isdigit() else None
        year_span = m.span(2) if m and m.group(2) else None
        if m and free(m.start(1), m.end(), year_span) and int(m.group(1)) > n.point.day:
            year = int(m.group(2)) if year_span and not re.search(r"\d{4}", text[s:e]) else None
            second = _with_day(n, int(m.group(1)), year)
            if second is not None:
                if year is not None:
                    n = _with_day(n, n.point.day, year) or n
                    absorbed.add(year_span)
                out.append((s, e, n))
                out.append((m.start(1), m.end(2) if year else m.end(1), second))
                continue
        out.append((s, e, n))
    return _shared_years(text, sorted(out, key=lambda x: x[0]))


def _yearless(n: Norm) -> bool:
    return n.type == "DATE" and n.anchored and n.point is not None and n.point.calendar \
        and n.point.gran in ("D", "M")


def _shared_years(text: str, items: list[Item]) -> list[Item]:
    """A month or day without a year that a range word joins to a date with one takes its year
    ("from May 15 to August 16, 1988", "in April and June 1955", "July-November 1954"); the year
    before when it comes later in the year than the second end ("December - March 1951")."""
    out = list(items)
    for i in range(len(out) - 2, -1, -1):
        s, e, n = out[i]
        s2, _, n2 = out[i + 1]
        if not _yearless(n) or n2.type != "DATE" or n2.anchored or n2.point is None \
                or not n2.point.calendar or n2.point.gran not in ("D", "M") \
                or text[e:s2].strip().lower() not in RANGE_JOINS:
            continue
        p, q = n.point, n2.point
        year = q.year - (1 if (p.month, p.day) > (q.month, q.day) else 0)
        if safe_point(p.gran, year, p.month, p.day) is None:   # 29 February in a year without it
            continue
        moved = replace(p, year=year)
        out[i] = (s, e, replace(n, value=moved.value(), point=moved, anchored=False))
    return out
