"""Earlier events a sentence recalls by their own dates: lists of dates ("tests in 2006, 2009 and
2013"), plural recaps ("its two previous tests"), occurrence nouns ("earlier rounds held in June and
November last year") and "its first X since DATE". All texts are written for these tests."""
import re
from datetime import date

import pytest

from nkwatch.models import Span
from nkwatch.nlp.dating import DocTimex
from nkwatch.nlp.enumerations import date_lists
from nkwatch.nlp.records import sentences_from_spacy
from nkwatch.nlp.sentinfo import SentInfo

from .helpers import MONTHS, FakeTagger, FakeTimex, make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday
_MONTH = "|".join(MONTHS)


class ListTagger(FakeTagger):
    """The fake tagger, plus bare years ("in 2006"), "May 2009", "November last year" and a bare
    month ("in June", this year), as the real tagger reads them."""

    def tag(self, text, dct, *, tense_hints=True):
        out = list(super().tag(text, dct, tense_hints=tense_hints))
        more = []
        for m in re.finditer(rf"\b({_MONTH}) last year\b", text, re.I):
            value = f"{dct.year - 1}-{MONTHS.index(m[1].lower()) + 1:02d}" if dct else None
            more.append(FakeTimex(m.start(), m.end(), m[0], "DATE", value, anchored=True))
        for m in re.finditer(rf"\b({_MONTH}) (\d{{4}})\b", text, re.I):
            more.append(FakeTimex(m.start(), m.end(), m[0], "DATE", f"{m[2]}-{MONTHS.index(m[1].lower()) + 1:02d}"))
        for m in re.finditer(rf"\b({_MONTH})\b(?! \d)", text, re.I):
            value = f"{dct.year}-{MONTHS.index(m[1].lower()) + 1:02d}" if dct else None
            more.append(FakeTimex(m.start(), m.end(), m[0], "DATE", value, anchored=True))
        for m in re.finditer(r"\b(19|20)\d\d\b", text):
            more.append(FakeTimex(m.start(), m.end(), m[0], "DATE", m[0]))
        kept = []
        for t in sorted(out + more, key=lambda t: t.start - t.end):  # longest first
            if not any(o.start < t.end and t.start < o.end for o in kept):
                kept.append(t)
        return sorted(kept, key=lambda t: t.start)


@pytest.fixture(scope="module")
def lister(settings):
    from nkwatch.nlp.extract import Extractor
    return Extractor(settings, tagger=ListTagger())


def events(extractor, text, etype="weapons_test", published=D):
    doc = make_doc(text, published)
    found = [m for m in extractor.extract(doc).mentions if m.type == etype]
    return doc, sorted(found, key=lambda m: m.evidence.start)


def test_a_list_of_dates_is_one_event_per_date(lister):
    doc, found = events(lister, "The country conducted nuclear tests in 2006, 2009 and 2013, officials said.")
    assert [m.date.value for m in found] == ["2006", "2009", "2013"]
    assert {m.weapon_class for m in found} == {"nuclear_test"}
    # each keeps its own evidence: the clause up to its date, then each date alone
    assert [doc.span_text(m.evidence) for m in found] == ["The country conducted nuclear tests in 2006", "2009",
                                                          "2013"]


def test_a_verb_with_two_days(lister):
    _, found = events(lister, "North Korea launched cruise missiles on March 3 and March 9, the military said.")
    assert [m.date.value for m in found] == ["2025-03-03", "2025-03-09"]
    assert len({m.evidence for m in found}) == 2


def test_previous_tests_with_their_dates_are_events(lister):
    # "previous" alone makes a plural a summary; with one date each, they are events
    _, found = events(lister, "Its previous nuclear tests, in May 2009 and February 2013, drew new sanctions.")
    assert [m.date.value for m in found] == ["2009-05", "2013-02"]


def test_previous_tests_are_of_the_kind_the_article_leads_with(lister):
    text = ("North Korea conducted a nuclear test on Tuesday, Seoul said.\n"
            "The blast was larger than the country's two previous tests in 2009 and 2013.\n"
            "The test drew swift condemnation, Seoul said.")
    doc, found = events(lister, text)
    assert [m.date.value for m in found] == ["2025-03-11", "2009", "2013"]
    assert {m.weapon_class for m in found} == {"nuclear_test"}
    # the later "the test" joins the event of the day, not a recalled one
    assert doc.span_text(found[1].evidence).endswith("in 2009")


@pytest.mark.parametrize("text", [
    "The North carried out dozens of missile tests in 2016 and 2017, analysts said.",   # a vague aggregate
    "The North fired 20 ballistic missiles in 2016 and 2017, analysts said.",           # 20 is not two
    "The North fired ballistic missiles between March 3 and March 9, the military said.",  # a range
])
def test_not_one_event_per_date(lister, text):
    _, found = events(lister, text)
    assert len(found) <= 1


def test_consecutive_days_of_a_lasting_event_are_one_event(lister):
    _, found = events(lister, "The two foreign ministers held talks in Seoul on March 10 and March 11.",
                      "diplomatic_engagement")
    assert len(found) == 1


def test_earlier_rounds_share_the_year_of_the_last_date(lister):
    text = ("The allies began the joint military exercise on Monday, the third edition of the drill, "
            "with earlier rounds held in June and November last year.")
    _, found = events(lister, text, "military_exercise")
    assert sorted(m.date.value for m in found) == ["2024-06", "2024-11", "2025-03-10"]


@pytest.mark.parametrize("text, etype, published, expected", [
    # April of the publication year would come after it: the list's "last year" dates every month of it
    ("Pyongyang launched ICBMs in April, July and December last year, officials said.", "weapons_test", D,
     ["2024-04", "2024-07", "2024-12"]),
    # the exercise names are the cues, the verb's objects, each followed by its own date
    ("South Korea and the United States staged Freedom Shield in March 2023 and Ulchi Freedom Shield in August 2023.",
     "military_exercise", D, ["2023-03", "2023-08"]),
    # objects with dates share the year named last
    ("North Korea launched an SRBM in April and an ICBM in December last year.", "weapons_test", D,
     ["2024-04", "2024-12"]),
    # a month before the days it holds is not one more date of the list
    ("North Korea tested cruise missiles twice in January, on January 4 and January 25.", "weapons_test", D,
     ["2025-01-04", "2025-01-25"]),
    # a number standing for its noun, with its own day
    ("North Korea flew 260 balloons on Saturday and another 150 on Sunday.", "border_incident", date(2025, 3, 17),
     ["2025-03-15", "2025-03-16"]),
    # a place between two dates of a list
    ("Kim Jong Un and the U.S. president first met in Singapore in June 2018, then again in Hanoi in February 2019.",
     "diplomatic_engagement", D, ["2018-06", "2019-02"]),
])
def test_one_event_per_date_of_a_list_or_of_coordinated_objects(lister, text, etype, published, expected):
    _, found = events(lister, text, etype, published)
    assert [m.date.value for m in found] == expected


def test_objects_with_dates_keep_their_own_weapons(lister):
    _, found = events(lister, "North Korea launched an SRBM in April and an ICBM in December last year.")
    assert [m.weapon_class for m in found] == ["srbm", "icbm"]


def test_a_fronted_date_dates_the_verbs_coordinated_under_it(lister):
    _, found = events(lister, "In 2017, the North conducted its sixth nuclear test and launched three ICBMs.")
    assert [m.date.value for m in found] == ["2017", "2017"]


@pytest.mark.parametrize("text", [
    "The North conducted its sixth nuclear test in 2017 and launched three ICBMs.",   # the date is not fronted
    "In 2017, the North conducted its sixth nuclear test and Iran launched three missiles.",   # a subject of its own
])
def test_a_date_not_fronted_or_a_verb_with_its_own_subject_dates_one_verb(lister, text):
    _, found = events(lister, text)
    assert [m.date.value for m in found if m.date.value] == ["2017"]


def test_first_since_recalls_the_earlier_event(lister):
    doc, found = events(lister, "North Korea fired a ballistic missile on Friday, its first ballistic missile "
                                "launch since March 2, Seoul said.")
    assert [m.date.value for m in found] == ["2025-03-14", "2025-03-02"]
    assert doc.span_text(found[1].evidence) == "since March 2"
    assert found[1].weapon_class == "ballistic_unspecified"


def test_first_time_since_a_year(lister):
    _, found = events(lister, "It was the first time the North has launched a missile over Japan since 2017, "
                              "Tokyo said.")
    assert [m.date.value for m in found if m.date.value] == ["2017"]


@pytest.mark.parametrize("text", [
    # the noun before a gerund parsed as its subject holds the ordinal
    "Saturday's missile test, the North's first missile firing since January 14, came after a warning.",
    "The launch on Monday, the North's first rocket firing since January 14, drew condemnation from Tokyo.",
    "The test on Monday, its first cruise missile firing since January 14, was watched by Kim Jong Un.",
    "Tuesday's launch, the country's first missile firing since January 14, alarmed Tokyo.",
])
def test_first_firing_since_a_day(lister, text):
    _, found = events(lister, text)
    assert "2025-01-14" in [m.date.value for m in found]


@pytest.mark.parametrize("text, type_, day", [
    # "since" on "time", the event in the clause that describes it
    ("North Korea fired an ICBM over Japan on Tuesday. It was the first time since 2017 that the North "
     "fired an ICBM over Japan.", "weapons_test", "2017"),
    ("North Korean drones crossed the border on Tuesday. This is the first time since March 3 that North "
     "Korean drones have crossed the border.", "border_incident", "2025-03-03"),
    ("North Korean soldiers shot dead a South Korean fisherman on Tuesday. It was the first time since "
     "2008 that a South Korean civilian was shot dead by the North.", "border_incident", "2008"),
])
def test_first_time_since_a_day_that_an_event_happened(lister, text, type_, day):
    _, found = events(lister, text, type_)
    assert day in [m.date.value for m in found]


@pytest.mark.parametrize("text", [
    "North Korea has fired ten missiles since March 2, Seoul said.",          # no "first": a span
    "North Korea has not fired a missile since March 2, Seoul said.",         # nothing happened
])
def test_since_without_a_first_event(lister, text):
    _, found = events(lister, text)
    assert not any(m.date.value == "2025-03-02" for m in found)


def _sentence(extractor, text):
    (sent,) = sentences_from_spacy(extractor.nlp(text), 0)
    return SentInfo(sent, extractor.lex)


def _timex(text, phrase, value, precision):
    start = text.index(phrase)
    return DocTimex(start, start + len(phrase), phrase, value, precision, False)


@pytest.mark.parametrize("text, phrases, lists", [
    ("The tests in 2006, 2009 and 2013 were small.", ["2006", "2009", "2013"], 1),
    ("The drills ran from 2006 and 2009 on.", ["2006", "2009"], 0),                 # a range word
    ("It was the first launch of 2024, 2025's launch being later.", ["2024", "2025"], 0),  # a possessive
    ("It was the launch of 2024, 2025 being a quiet year.", ["2024", "2025"], 0),   # no conjunction
])
def test_date_lists(lister, text, phrases, lists):
    info = _sentence(lister, text)
    timexes = [_timex(text, p, p, "year") for p in phrases]
    assert len(date_lists(info, timexes, lister.lex.enumeration)) == lists


def test_cascade_keeps_recalled_events(settings):
    from nkwatch.nlp.extract import Extractor
    docs = [make_doc("The country conducted nuclear tests in 2006, 2009 and 2013, officials said.", D),
            make_doc("The allies began the joint military exercise on Monday, with earlier rounds held in June and "
                     "November last year.", D)]
    on = [[(m.type, m.date.value, m.evidence) for m in r.mentions]
          for r in Extractor(settings, tagger=ListTagger()).extract_many(docs)]
    off = [[(m.type, m.date.value, m.evidence) for m in r.mentions]
           for r in Extractor(settings, cascade=False, tagger=ListTagger()).extract_many(docs)]
    assert on == off and all(len(r) >= 3 for r in on)
    assert isinstance(on[0][0][2], Span)


# --- coordinated objects, each with its own date ----------------------------------------------------------
@pytest.mark.parametrize("text, days, classes", [
    ("North Korea fired a ballistic missile on Monday and two cruise missiles on Thursday.",
     ["2025-03-10", "2025-03-13"], ["ballistic_unspecified", "cruise"]),
    # the parser hangs the second object on the first date
    ("The North launched two short-range missiles on March 3, 2025 and an ICBM on July 9, 2024, officials said.",
     ["2025-03-03", "2024-07-09"], ["srbm", "icbm"]),
    ("North Korea fired a ballistic missile on March 3, 2025 and another on March 9, 2025.",
     ["2025-03-03", "2025-03-09"], ["ballistic_unspecified", "ballistic_unspecified"]),
])
def test_objects_with_dates_of_their_own_are_one_event_each(lister, text, days, classes):
    _, found = events(lister, text)
    assert [m.date.value for m in found] == days
    assert [m.weapon_class for m in found] == classes
    assert len({m.evidence for m in found}) == len(found)


@pytest.mark.parametrize("text", [
    "North Korea fired two ballistic missiles and three cruise missiles on Thursday.",   # one date for both
    "North Korea fired two ballistic missiles on Thursday, Seoul said on Friday.",
])
def test_objects_sharing_a_date_are_one_event(lister, text):
    _, found = events(lister, text)
    assert len(found) == 1
