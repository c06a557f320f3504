"""Within-document merging: a report told as earlier than the news or as another event ("a similar
drill"), with a time of its own, in a text whose publication day is unknown, is an event of its own,
whatever its type (issue 11); where the day is known, an undated report told as earlier beside the
dated news is one too."""
from __future__ import annotations

from datetime import date

import pytest

from .helpers import make_doc


def of_type(extractor, text: str, type_: str, published: date | None = None) -> list:
    return [m for m in extractor.extract(make_doc(text, published=published)).mentions if m.type == type_]


@pytest.mark.parametrize("text, type_", [
    # an earlier adverb on the cue's verb, a month of its own
    ("Kim Jong Un met Russian President Vladimir Putin in Vladivostok, state media reported.\n"
     "Kim had earlier met Putin in September for talks on arms.", "diplomatic_engagement"),
    ("Choe Son Hui met Russian Foreign Minister Sergei Lavrov in Moscow, the ministry said.\n"
     "Choe previously met Lavrov in Pyongyang in July.", "diplomatic_engagement"),
    ("South Korea and the United States held joint air drills, the military said.\n"
     "Earlier, in April, the two allies conducted joint naval exercises in the East Sea.", "military_exercise"),
    # ... on the verb the cue is the complement of
    ("North Korea jammed GPS signals near the border islands, Seoul's military said.\n"
     "The North last tried to jam GPS signals in May.", "border_incident"),
    # an other-event word on the cue noun
    ("North Korean warplanes staged airstrike drills, Seoul said.\n"
     "The North conducted a similar drill on Thursday.", "military_exercise"),
    ("North Korea held artillery drills near the border, Seoul said.\n"
     "The North staged similar drills in March, officials said.", "military_exercise"),
    ("Kim Jong Un met Russian President Vladimir Putin in Vladivostok, state media reported.\n"
     "The two leaders held another meeting in September at a space centre.", "diplomatic_engagement"),
])
def test_a_report_told_as_earlier_or_other_with_a_time_of_its_own_is_another_event(extractor, text, type_):
    assert len(of_type(extractor, text, type_)) == 2


@pytest.mark.parametrize("text, type_", [
    # no word tells it earlier: the same jamming told again with its month
    ("North Korea jammed GPS signals near the border islands, Seoul's military said.\n"
     "The North jammed GPS signals in May, officials said.", "border_incident"),
    # told earlier, but the same month as the news: the news told again
    ("South Korea and the United States held joint naval exercises in April, the military said.\n"
     "Earlier, in April, the two allies conducted joint naval exercises in the East Sea.", "military_exercise"),
])
def test_without_an_earlier_word_or_with_the_same_time_it_is_the_news(extractor, text, type_):
    assert len(of_type(extractor, text, type_)) == 1

D = date(2025, 3, 14)


@pytest.mark.parametrize("text, type_", [
    # a publication day known, the news dated by it, an undated report told as earlier: two events
    ("North Korea has deployed more troops to Russia, Seoul's spy agency said on Thursday.\n"
     "Previously, Pyongyang deployed around 11,000 troops to the Kursk region.", "troop_deployment"),
    ("North Korea sent more soldiers to Russia on Wednesday, officials said.\n"
     "The North had previously deployed officers to occupied areas of Ukraine.", "troop_deployment"),
])
def test_an_undated_report_told_as_earlier_beside_the_dated_news_is_another_event(extractor, text, type_):
    assert len(of_type(extractor, text, type_, D)) == 2


def test_the_news_told_again_without_an_earlier_word_is_one_event(extractor):
    text = ("North Korea has deployed more troops to Russia, Seoul's spy agency said on Thursday.\n"
            "Pyongyang deployed the troops to the Kursk region, the agency said.")
    assert len(of_type(extractor, text, "troop_deployment", D)) == 1
