"""Clock times dated through a paired zone time: the pairs that cannot be dated stay undated
instead of breaking the tagger (news/0079: a zone time's weekday with no document date)."""
from __future__ import annotations

import datetime as dt

import pytest

from nkwatch.nlp.timex import TimexTagger
from nkwatch.settings import Settings

PAIR = "The first missile was launched at 5:55 am (2055 GMT Thursday) and flew 800 kilometers."


@pytest.fixture(scope="module")
def tagger() -> TimexTagger:
    return TimexTagger(Settings())


def values(tagger, text, dct):
    return [(t.text, t.value) for t in tagger.tag(text, dct)]


def test_a_zone_pair_without_document_date_stays_undated(tagger):
    assert values(tagger, PAIR, None) == [("5:55 am", None), ("2055 GMT Thursday", None)]


def test_a_zone_pair_with_document_date_takes_its_day(tagger):
    assert values(tagger, PAIR, dt.date(2016, 3, 18)) == [("5:55 am", "2016-03-18T05:55"),
                                                          ("2055 GMT Thursday", "2016-03-17T20:55")]


@pytest.mark.parametrize("text, dct", [("at 9:30 am (2330 GMT Friday)", dt.date(9999, 12, 31)),
                                       ("at 11 pm (0200 GMT) Monday", dt.date(1, 1, 1))])
def test_a_pair_beyond_the_calendar_is_left_as_it_is(tagger, text, dct):
    tagger.tag(text, dct)  # no OverflowError
