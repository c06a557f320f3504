"""Earlier events a sentence recalls by ordinals standing for the event noun, each with its own date
("its fifth test, following the first in October 2006 and the second in May 2009"). All texts are
written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc
from .test_enumerations import ListTagger

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


@pytest.fixture(scope="module")
def lister(settings):
    from nkwatch.nlp.extract import Extractor
    return Extractor(settings, tagger=ListTagger())


def _tests(extractor, text, published=D):
    doc = make_doc(text, published)
    found = [m for m in extractor.extract(doc).mentions if m.type == "weapons_test"]
    return doc, sorted(found, key=lambda m: m.evidence.start)


def test_ordinals_with_their_own_dates_are_earlier_events(lister):
    doc, found = _tests(lister, "The missile launch on Friday was the regime's sixth this year, following the first on "
                                "January 12 and the second on February 3.")
    assert sorted(m.date.value for m in found) == ["2025-01-12", "2025-02-03", "2025-03-14"]
    recaps = [doc.text[m.evidence.start:m.evidence.end] for m in found if m.date.value != "2025-03-14"]
    assert recaps == ["the first on January 12", "the second on February 3"]


def test_the_news_keeps_no_date_of_its_ordinal_list(lister):
    doc, found = _tests(lister, "It was the fifth nuclear detonation by the North, after the first in October 2006 "
                                "and the second in May 2009.", published=None)
    dates = sorted((m.date.value or "") for m in found)
    assert dates == ["", "2006-10", "2009-05"]
    assert all(m.weapon_class == "nuclear_test" for m in found)
    news = next(m for m in found if not m.date.value)
    assert "first" not in doc.text[news.evidence.start:news.evidence.end]


def test_an_ordinal_subject_of_a_dated_copula(lister):
    doc, found = _tests(lister, "North Korea conducted its fourth nuclear test on Friday; the third was in "
                                "February 2013.")
    assert sorted(m.date.value for m in found) == ["2013-02", "2025-03-14"]


@pytest.mark.parametrize("text", [
    "North Korea conducted its third nuclear test on Friday.",
    "The missile launch on Friday was the third this year, the military said.",
    "North Korea fired a missile on Friday, the first of the year.",
])
def test_an_ordinal_without_a_date_of_its_own_is_no_other_event(lister, text):
    _, found = _tests(lister, text)
    assert len(found) == 1


@pytest.mark.parametrize("text", [
    "North Korea conducted an engine test, the first of its kind in the country, at the Sohae site on Friday.",
    "North Korea fired a new cruise missile, the first in its arsenal, on Friday.",
])
def test_an_ordinal_in_apposition_to_the_cue_is_the_cue_itself(lister, text):
    _, found = _tests(lister, text)
    assert len(found) == 1


def test_a_recap_in_the_month_of_the_news_stays_apart(lister):
    doc, found = _tests(lister, "It was the second missile launch this month, after the first on March 2.")
    assert len(found) == 2
    assert "2025-03-02" in [m.date.value for m in found]


def test_an_ordinal_coordinated_with_the_cue_noun_is_another_event(lister):
    doc, found = _tests(lister, "North Korea fired a ballistic missile on Friday, its third launch in a week after "
                                "the first on Monday and the second on Wednesday.")
    assert sorted(m.date.value for m in found) == ["2025-03-10", "2025-03-12", "2025-03-14"]
