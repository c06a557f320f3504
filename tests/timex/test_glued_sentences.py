"""A sentence glued to the next one with no space after its full stop ("on Thursday.According to",
common in pages whose paragraphs were joined): the expression before the stop is still found, and
abbreviations with inner stops ("a.m.", "U.S.") still read as one word."""
from __future__ import annotations

import datetime as dt

import pytest

from nkwatch.nlp.timex import TimexTagger
from nkwatch.settings import Settings

D = dt.date(2024, 8, 30)  # a Friday


@pytest.fixture(scope="module")
def tagger() -> TimexTagger:
    return TimexTagger(Settings())


def values(tagger, text, dct=D):
    return [(t.text, t.value) for t in tagger.tag(text, dct)]


@pytest.mark.parametrize("text, found", [
    ("The marines held a live-fire drill on Thursday.According to the navy, it lasted an hour.",
     ("Thursday", "2024-08-29")),
    ("The envoy arrived in Pyongyang on Monday.His talks with officials are expected to last two days.",
     ("Monday", "2024-08-26")),
    ("Kim inspected a munitions factory the previous day.State media carried photos of the visit.",
     ("the previous day", "2024-08-29")),
    ("Seoul said the drills would end next month.Officials gave no reason.", ("next month", "2024-09")),
])
def test_an_expression_before_a_glued_full_stop_is_found(tagger, text, found):
    assert found in values(tagger, text)


def test_abbreviations_with_inner_stops_still_read_as_one_word(tagger):
    assert values(tagger, "The missile was fired at 7:10 a.m. on Thursday.") == [
        ("7:10 a.m.", "2024-08-29T07:10"), ("Thursday", "2024-08-29")]
    assert values(tagger, "U.S.-led drills began on Thursday.") == [("Thursday", "2024-08-29")]
