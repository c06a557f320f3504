"""The temporal tagger on generated text: it never raises, its spans are the text's, and every
value it gives is a possible one (a real day, month, week, hour and minute)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import example, given, strategies as st

from nkwatch.dates import date_interval
from nkwatch.nlp.timex import TimexTagger
from nkwatch.nlp.timex.resources import load_resources
from nkwatch.settings import Settings

SETTINGS = Settings()
TAGGER = TimexTagger(SETTINGS)
# Words the rules are written for (every vocabulary key), numbers and punctuation they look at.
WORDS = sorted({key for table in load_resources(SETTINGS.data_path("timex")).vocab.values() for key in table}
               | {"the", "on", "at", "of", "in", "last", "next", "ago", "GMT", "KST", "am", "pm", "a.m.", "(",
                  ")", ",", "-", "--", "/", "Juche", "BC", "AD", "'s", "Friday", "2055", "0735", "12:30"})
TOKENS = st.one_of(st.sampled_from(WORDS), st.integers(0, 10_000).map(str),
                   st.text(st.characters(codec="utf-8"), max_size=6))
MONTHS = ["January", "Feb.", "March", "Sept.", "December"]
WEEKDAYS = ["Monday", "Thursday", "Friday", "Sunday"]
N = st.integers(0, 99)
YEARS = st.integers(0, 10_050)
# Expressions as news write them, with numbers out of range too (day 0 or 40, month 13, hour 27).
PHRASES = st.one_of(
    st.builds("{} {}, {}".format, st.sampled_from(MONTHS), N, YEARS),
    st.builds("{} {} {}".format, N, st.sampled_from(MONTHS), YEARS),
    st.builds("{:04d}-{:02d}-{:02d}".format, YEARS, N, N),
    st.builds("at {}:{:02d} {} ({:02d}{:02d} {} {})".format, N, N, st.sampled_from(["am", "p.m.", ""]), N, N,
              st.sampled_from(["GMT", "KST", "EST", "UTC"]), st.sampled_from(WEEKDAYS + [""])),
    st.builds("{} {} ago".format, N, st.sampled_from(["days", "weeks", "months", "years", "decades"])),
    st.builds("{} {}".format, st.sampled_from(["last", "next", "this", "early", "late", "the same"]),
              st.sampled_from(WEEKDAYS + ["week", "month", "year", "spring", "winter", "quarter", "day"])),
    st.builds("{} {}".format, st.sampled_from(["in", "the", "the week of", "Juche"]), YEARS),
)
SENTENCES = st.one_of(st.lists(TOKENS, max_size=25).map(" ".join),
                      st.lists(st.one_of(PHRASES, TOKENS), min_size=1, max_size=8).map(" ".join))
DCTS = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
                 st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
CALENDAR = re.compile(r"\d{4}(?:-(?:\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI))?(?:-\d{2}|-WE)?")
CLOCK = re.compile(r"T(\d{2}):(\d{2})")


def possible(value: str) -> bool:
    """A value naming a calendar period (no X placeholder) names one that exists; its clock time too."""
    date_part, _, _ = value.partition("T")
    if "X" not in date_part and CALENDAR.fullmatch(date_part) and date_interval(date_part) is None:
        return False
    clock = CLOCK.search(value)
    return clock is None or (int(clock[1]) <= 24 and int(clock[2]) < 60)


@given(SENTENCES, DCTS)
@example("The first missile was launched at 5:55 am (2055 GMT Thursday) and flew 800 km.", None)  # news/0079
@example("at 9:30 am (2330 GMT Friday)", dt.date(9999, 12, 31))
def test_the_tagger_never_raises_nor_gives_an_impossible_date(text, dct):
    for timex in TAGGER.tag(text, dct):
        assert 0 <= timex.start <= timex.end <= len(text) and timex.text == text[timex.start:timex.end]
        if timex.value is not None and timex.type in ("DATE", "TIME"):
            assert possible(timex.value), (timex.text, timex.value)


@pytest.mark.parametrize("value, ok", [("2025-02-28", True), ("2025-02-30", False), ("2025-W53", False),
                                       ("2026-W53", True), ("2025-13", False), ("XXXX-XX-XXT08:00", True),
                                       ("2025-02-28T25:00", False), ("2025-SP", True), ("PRESENT_REF", True)])
def test_possible(value, ok):
    assert possible(value) is ok
