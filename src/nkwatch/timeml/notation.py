"""Notations for writing TIMEX3 values.

The tagger writes TimeML values ("timeml", the default and what the rest of nkwatch uses). Some
annotated corpora write the same points in time in a notation of their own, and TempEval-3 compares
value strings exactly, so scoring against them measures notation as much as normalization. A
notation here rewrites finished values only; what is found and which day it is stays the same.

- "tweets": the conventions of the annotated tweets corpus (Zhong et al. 2017, annotations from
  TweeTIME): a date named by its weekday keeps the weekday ("Friday" = 2015-03-13-WXX-5, also before a
  time of day: 2015-03-15-WXX-7TAF), a year written as a number is 2014-XX-XX, and a week is
  qualified by the month of the document date (2013-10-W41 in a tweet of 2013-10-17).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Callable

from ..nlp.timex import Timex
from ..nlp.timex.resources import Resources

Rewrite = Callable[[Timex, "dt.date | None", Resources], "str | None"]

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?=T|$)")


def _timeml(t: Timex, dct: dt.date | None, res: Resources) -> str | None:
    return t.value


def _named_weekday(text: str, res: Resources) -> int | None:
    for word in re.findall(r"[A-Za-z]+\.?", text):
        day = res.lookup("weekday", word)
        if day is not None:
            return int(day)
    return None


def _tweets(t: Timex, dct: dt.date | None, res: Resources) -> str | None:
    v = t.value
    if v is None or t.type not in ("DATE", "TIME"):
        return v
    m = _DAY.match(v)
    if m:
        weekday = _named_weekday(t.text, res)
        day = dt.date(*map(int, m.groups()))
        if weekday is not None and day.isoweekday() == weekday:
            return f"{m.group(0)}-WXX-{weekday}{v[m.end():]}"
        return v
    if re.fullmatch(r"\d{4}", v) and t.text.strip() == v:
        return f"{v}-XX-XX"
    week = re.fullmatch(r"(\d{4})-W(\d\d)", v)
    if week and dct is not None:
        return f"{week.group(1)}-{dct.month:02d}-W{week.group(2)}"
    return v


NOTATIONS: dict[str, Rewrite] = {"timeml": _timeml, "tweets": _tweets}


def rewrite(timexes: list[Timex], dct: dt.date | None, res: Resources, notation: str) -> list[Timex]:
    """``timexes`` with their values written in ``notation`` (a key of NOTATIONS)."""
    if notation not in NOTATIONS:
        raise ValueError(f"unknown TIMEX3 notation {notation!r}; known: {', '.join(NOTATIONS)}")
    write = NOTATIONS[notation]
    return [replace(t, value=write(t, dct, res)) for t in timexes]
