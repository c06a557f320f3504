"""Within-document merging in a text whose publication day is unknown: two undated reports of a one-day
event whose times cannot be the same whatever that day is (other weekdays, other months, a range and
a point, "last month" and "this week") are two events; the same event told with compatible times stays
one (issue 11)."""
from __future__ import annotations

import pytest

from .helpers import make_doc


def launches(extractor, text: str) -> list:
    return [m for m in extractor.extract(make_doc(text, published=None)).mentions if m.type == "weapons_test"]


@pytest.mark.parametrize("text", [
    # a past month and a recent time
    "North Korea fired about ten artillery rockets earlier this week, officials said.\n"
    "Last month, the North fired artillery rockets toward the Yellow Sea.",
    "North Korea launched a short-range ballistic missile yesterday, the military said.\n"
    "The North test-fired a ballistic missile last month off its west coast.",
    "North Korea fired a ballistic missile on Thursday, Japan's defense ministry said.\n"
    "Pyongyang launched a ballistic missile last year from a site near Nampo.",
    # one step apart on one unit
    "North Korea fired a ballistic missile into the East Sea this week, Seoul said.\n"
    "The North launched artillery rockets last week near the border.",
    # a weekday told with a time of day, another weekday
    "North Korea fired a short-range missile on Monday morning, the military said.\n"
    "It launched a short-range missile on Saturday over the sea.",
    # a range ending on a day and that day
    "North Korea has fired 30 ballistic missiles between early January and Friday, Seoul says.\n"
    "On Friday, it launched two ballistic missiles into the East Sea.",
    "North Korea fired more than 40 rockets from March to May, officials said.\n"
    "In May, it launched a new short-range missile from its east coast.",
    # the whole range, its second time coordinated with the first
    "North Korea has fired 30 ballistic missiles between early January and Friday, Seoul says.\n"
    "In January, it launched two ballistic missiles into the East Sea.",
])
def test_times_that_cannot_be_the_same_are_two_events(extractor, text):
    assert len(launches(extractor, text)) == 2


@pytest.mark.parametrize("text", [
    # a weekday of this week
    "North Korea fired about ten artillery rockets earlier this week, officials said.\n"
    "The North launched the rockets toward the Yellow Sea on Tuesday.",
    # a month name last month may be
    "North Korea fired a ballistic missile last month, officials said.\n"
    "The North launched the missile in March from near Pyongyang.",
    # the same weekday, one with a time of day
    "North Korea fired a cruise missile on Monday morning, the military said.\n"
    "The missile was launched on Monday from the west coast.",
    # yesterday may be Sunday
    "North Korea test-fired a ballistic missile yesterday, the military said.\n"
    "The missile was launched on Sunday toward the East Sea.",
])
def test_compatible_times_keep_one_event(extractor, text):
    assert len(launches(extractor, text)) == 1


@pytest.mark.parametrize("text, type_", [
    ("Kim Jong Un met Russian Foreign Minister Sergei Lavrov on Thursday, state media said.\n"
     "Kim met Lavrov last month in Vladivostok, the ministry said.", "diplomatic_engagement"),
    ("North Korean soldiers crossed the military demarcation line this week, Seoul said.\n"
     "North Korean soldiers crossed the military demarcation line last month, officials said.", "border_incident"),
])
def test_a_recent_time_and_a_past_month_are_two_events_of_other_types(extractor, text, type_):
    found = [m for m in extractor.extract(make_doc(text, published=None)).mentions if m.type == type_]
    assert len(found) == 2


def test_a_meeting_on_two_weekdays_stays_one_visit(extractor):
    text = ("Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Wednesday, state media said.\n"
            "Lavrov held talks with Kim Jong Un on Thursday, the ministry said.")
    found = [m for m in extractor.extract(make_doc(text, published=None)).mentions
             if m.type == "diplomatic_engagement"]
    assert len(found) == 1


def test_a_time_a_span_marker_opens_does_not_tell_the_event_apart(extractor):
    # "since last month" bounds the campaign, it does not date it in the past month
    text = ("North Korean soldiers have crossed the military demarcation line since last month, Seoul said.\n"
            "North Korean soldiers crossed the military demarcation line on Tuesday, officials said.")
    found = [m for m in extractor.extract(make_doc(text, published=None)).mentions if m.type == "border_incident"]
    assert len(found) == 1


@pytest.mark.parametrize("second", [
    "Its last nuclear test, in January, was said to be of a hydrogen bomb.",
    "The previous test, in March, was of a similar nuclear device.",
    "An earlier nuclear test in May was smaller, experts said.",
])
def test_a_previous_event_told_with_its_own_time_is_another_event(extractor, second):
    """"its last test, in January": in a text whose publication day is unknown, the test told as the one
    before, with a time of its own, is not the news."""
    text = "North Korea conducted a nuclear test at its Punggye-ri site, officials said.\n" + second
    assert len(launches(extractor, text)) == 2


def test_the_last_event_told_at_the_news_time_is_the_news(extractor):
    text = ("North Korea conducted a nuclear test on Monday, officials said.\n"
            "The last nuclear test, on Monday, was its sixth.")
    assert len(launches(extractor, text)) == 1


def test_a_previous_event_and_its_when_clause_are_one_event(extractor):
    text = ("North Korea fired a cruise missile off its west coast, officials said.\n"
            "Its previous missile test took place on October 22, when two hypersonic missiles were launched.")
    assert len(launches(extractor, text)) == 2
