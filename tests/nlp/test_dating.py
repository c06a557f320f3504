"""Event dates on invented news texts (nkwatch.nlp.dating and the extractor's report dates): a date
belongs to the event it modifies, the day a source spoke is not the event's day, a past report is
never dated after publication, a wire dateline below a title is still a dateline."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def mentions(extractor, text: str, published=D, etype: str | None = None):
    res = extractor.extract(make_doc(text, published))
    return [m for m in res.mentions if etype is None or m.type == etype]


def test_dateline_below_a_title_is_a_report_date_not_an_event_date(extractor):
    text = ("Foreign minister in Pyongyang\n"
            "By a staff writer\n"
            "BEIJING, March 13 (Newswire) -- The Chinese foreign minister arrived in Pyongyang on Wednesday "
            "for talks with North Korean officials.\n")
    (m,) = mentions(extractor, text, etype="diplomatic_engagement")
    assert m.date.value == "2025-03-12"
    assert "South Korea" not in m.conducted_by and "China" in m.conducted_by


def test_dateline_of_an_unknown_agency_still_bounds_the_lead_event(extractor):
    text = ("Drills by the North\n"
            "TOKYO, March 13 (Newswire) -- North Korea's artillery units held a firing drill near the coast.\n")
    (m,) = mentions(extractor, text, etype="military_exercise")
    assert (m.date.value, m.date.bound) == ("2025-03-13", "on_or_before")


def test_place_only_dateline_is_not_an_actor(extractor):
    text = ("Artillery drill\n"
            "SEOUL — North Korean leader Kim Jong Un guided an artillery firing drill of his army on Thursday.\n")
    (m,) = mentions(extractor, text, etype="military_exercise")
    assert m.conducted_by == ["North Korea"]

