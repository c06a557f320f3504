"""Border incidents of round 11 on invented sentences: artillery aimed at a sea by any of its names,
an incident a relative or "when" clause tells beside another of its type, incidents listed by date.
All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def mentions(extractor, text: str, etype: str, published: date | None = D):
    res = extractor.extract(make_doc(text, published))
    return [m for m in res.mentions if m.type == etype]


@pytest.mark.parametrize("text", [
    # artillery fired toward or into a sea, whatever the sea's name or the preposition
    "The North Korean army fired artillery shells toward the Yellow Sea on Friday, the JCS said.",
    "North Korea fired dozens of artillery rounds towards the Sea of Japan on Tuesday.",
    "North Korean coastal artillery units fired shells into the waters off the west coast on Monday.",
])
def test_artillery_fired_toward_a_sea_is_an_incident(extractor, text):
    assert mentions(extractor, text, "border_incident") and not mentions(extractor, text, "weapons_test")


@pytest.mark.parametrize("text", [
    # a sea named elsewhere than where the shells went; a new gun's test-fire
    "North Korea fired artillery shells on Friday from a base near the Yellow Sea coast during a drill.",
    "North Korea test-fired a new artillery system toward the Yellow Sea on Friday.",
])
def test_artillery_not_aimed_at_a_sea_stays_a_test(extractor, text):
    assert mentions(extractor, text, "weapons_test") and not mentions(extractor, text, "border_incident")


@pytest.mark.parametrize("text, day", [
    # a "when" clause dates the event its verb's complement tells ("was found crashed", "began flying")
    ("It is the first incursion since June 9, 2017, when a North Korean drone was found crashed in the mountains.",
     "2017-06-09"),
    ("Tensions have run high since May 28, 2024, when North Korea began flying trash balloons across the border.",
     "2024-05-28"),
    ("Seoul has kept the units on alert since April 4, 2023, when North Korean soldiers were seen crossing the "
     "demarcation line.", "2023-04-04"),
])
def test_a_when_clause_dates_the_event_its_verb_complements(extractor, text, day):
    assert [m.date.value for m in mentions(extractor, text, "border_incident")] == [day]


@pytest.mark.parametrize("text, words", [
    # the event recalled by "since DATE" and told by the "when" clause on that date: the clause is its evidence
    ("It is the first incursion since June 9, 2017, when a North Korean drone was found crashed in the mountains.",
     "crashed"),
    ("It was the first border crossing since May 28, 2024, when North Korean soldiers were seen crossing the "
     "demarcation line.", "crossing the demarcation line"),
])
def test_the_when_clause_is_the_evidence_of_the_event_since_its_date(extractor, text, words):
    doc = make_doc(text, D)
    found = [m for m in extractor.extract(doc).mentions if m.type == "border_incident" and m.date.value]
    assert len(found) == 1 and words in doc.span_text(found[0].evidence)


@pytest.mark.parametrize("text, dates", [
    # a relative clause telling an incident of its own date beside its host clause's incident
    ("The shelling on Friday occurred near Yeonpyeong Island, which fell under North Korean attack on "
     "November 23, 2010.", ["2010-11-23", "2025-03-14"]),
    ("North Korea fired artillery shells into the sea on Friday near Baengnyeong Island, which the North shelled "
     "on March 3, 2016.", ["2016-03-03", "2025-03-14"]),
    ("The drone crossed the border on Friday near the village, where North Korean soldiers crossed the "
     "demarcation line on June 9, 2024.", ["2024-06-09", "2025-03-14"]),
])
def test_a_relative_clause_tells_an_incident_of_its_own(extractor, text, dates):
    assert sorted(m.date.value for m in mentions(extractor, text, "border_incident")) == dates


@pytest.mark.parametrize("text, dates", [
    # "similar/such/previous incidents" with a list of dates: one earlier incident of the sentence's kind per date
    ("North Korean soldiers crossed the demarcation line on Thursday, following two similar incidents on March 2 "
     "and March 9.", ["2025-03-02", "2025-03-09", "2025-03-13"]),
    ("North Korea flew trash balloons across the border on Thursday, after such incidents on February 2 and "
     "February 16.", ["2025-02-02", "2025-02-16", "2025-03-13"]),
    ("North Korean drones crossed the border on Thursday, the third incursion this year after previous incidents "
     "on January 4 and February 20.", ["2025-01-04", "2025-02-20", "2025-03-13"]),
])
def test_similar_incidents_listed_by_date(extractor, text, dates):
    assert sorted(m.date.value for m in mentions(extractor, text, "border_incident")) == dates


@pytest.mark.parametrize("text, day", [
    # a span of days a participle of starting opens at a date: the event's first day
    ("The North Korean military fired artillery shells toward the Yellow Sea over three consecutive days starting "
     "March 5.", "2025-03-05"),
    ("North Korea jammed GPS signals near the border over four days beginning March 2, officials said.",
     "2025-03-02"),
    ("North Korea sent trash balloons across the border during a week starting February 10.", "2025-02-10"),
])
def test_days_starting_a_date_begin_that_day(extractor, text, day):
    assert [m.date.value for m in mentions(extractor, text, "border_incident")] == [day]


@pytest.mark.parametrize("text", [
    # a cross-border incursion of another war, told beside North Korean troops, is no inter-Korean incident
    "Some 11,000 North Korean troops were sent to Kursk, where Ukrainian forces launched a cross-border incursion "
    "in August.",
    "North Korean soldiers are helping Russia repel Ukraine's cross-border incursion into the Kursk region.",
    "Pyongyang sent troops after Kyiv's border incursion into Russia last summer.",
])
def test_another_wars_incursion_is_no_border_incident(extractor, text):
    assert not mentions(extractor, text, "border_incident")


@pytest.mark.parametrize("text", [
    "South Korea's frontline units detected a North Korean drone incursion on Monday.",
    "The border crossing by North Korean soldiers on Tuesday came as Pyongyang deepens ties with Moscow.",
])
def test_an_inter_korean_incursion_stays_an_incident(extractor, text):
    assert mentions(extractor, text, "border_incident")


@pytest.mark.parametrize("text, side", [
    # "crossed into" (a phrase troop movements use too) still crosses the border line or airspace
    ("Five North Korean drones crossed into South Korean airspace on Monday.", ["North Korea"]),
    ("Several North Korean soldiers crossed into the South's side of the demilitarized zone on Tuesday.",
     ["North Korea"]),
    ("A North Korean patrol boat crossed into South Korean waters across the Northern Limit Line on Monday.",
     ["North Korea"]),
])
def test_crossed_into_the_other_side(extractor, text, side):
    assert [m.conducted_by for m in mentions(extractor, text, "border_incident")] == [side]
    assert not mentions(extractor, text, "troop_deployment")


@pytest.mark.parametrize("text", [
    # the "of" phrase of a noun of moving across names who moved
    "The defection of a North Korean soldier across the DMZ on Tuesday surprised officials.",
    "Seoul reported the intrusion of North Korean drones across the border on Monday.",
    "The military said the infiltration of North Korean soldiers across the demarcation line on Monday was brief.",
])
def test_who_moved_is_the_of_phrase_of_a_crossing_noun(extractor, text):
    assert [m.conducted_by for m in mentions(extractor, text, "border_incident")] == [["North Korea"]]
