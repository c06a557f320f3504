"""Diplomatic engagements on invented sentences (issue 11, news): meetings that did not take place or
took place within one government, arrivals that are no visit, and every side of a meeting."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)
DIPLO = "diplomatic_engagement"


def meetings(extractor, text: str) -> list[list[str]]:
    """conducted_by of each diplomatic engagement the text reports as having happened."""
    res = extractor.extract(make_doc(text, D))
    return [m.conducted_by for m in res.mentions if m.type == DIPLO and m.modality == "happened"]


@pytest.mark.parametrize("text", [
    # called off, postponed, suspended, walked out of
    "North Korea called off the high-level talks with South Korea on Wednesday.",
    "Seoul expressed regret over Pyongyang's sudden postponement of the inter-Korean talks.",
    "Hours after North Korea pulled out of Wednesday's talks with Seoul, the South's minister spoke to reporters.",
    "The Japanese premier criticised North Korea for halting six-party nuclear negotiations with China.",
    "The suspended meeting between the two Koreas was to take place at Panmunjom.",
    # a meeting of one government's own body
    "A meeting of the National Security Council was convened in Seoul after North Korea's launch.",
    "South Korea's Foreign Ministry held an emergency meeting on Tuesday after the North Korean test.",
    "The Japanese cabinet meeting on Friday discussed the North Korean missile.",
    # an arrival that is no visit: a flight, a warship
    "The cargo plane left Pyongyang on Friday with U.S. envoy Stephen Bosworth aboard.",
    "The U.S. aircraft carrier USS Carl Vinson arrived in Busan on Tuesday in a show of force against "
    "North Korea.",
])
def test_no_engagement(extractor, text):
    assert meetings(extractor, text) == []


@pytest.mark.parametrize("text", [
    "The suspension of the 2018 inter-Korean military agreement angered Pyongyang.",
    "Japan's foreign minister held a meeting with his South Korean counterpart in Tokyo on Monday.",
    "A Chinese delegation led by a vice minister arrived in Pyongyang by air on Monday.",
    "The North Korean leader arrived in Russia aboard his armoured train on Tuesday.",
])
def test_engagement(extractor, text):
    assert meetings(extractor, text)


@pytest.mark.parametrize("text, expected", [
    # the state where two others met is no side; a lone side's destination is the host
    ("Trump and Kim Jong Un ended their Hanoi summit on Thursday without a deal.", ["United States", "North Korea"]),
    ("Donald Trump met Kim Jong Un in Hanoi on Thursday.", ["United States", "North Korea"]),
    ("Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Wednesday.", ["Russia", "North Korea"]),
    # a side a pronoun names
    ("Choe Son Hui said she was satisfied with the results of her visit to Russia.", ["North Korea", "Russia"]),
    ("Vladimir Putin said his talks with Kim Jong Un on Thursday had been useful.", ["Russia", "North Korea"]),
    # inter-Korean words name both Koreas
    ("The test violated an August agreement reached between the two Koreas to ease tension.",
     ["North Korea", "South Korea"]),
    ("Three of the North's top officials made a surprise visit on Saturday, raising hopes of inter-Korean "
     "reconciliation.", ["North Korea", "South Korea"]),
    # leaders of the years of summits are known by name
    ("Moon Jae-in and Kim Jong Un held a summit in Pyongyang on Thursday.", ["South Korea", "North Korea"]),
])
def test_sides(extractor, text, expected):
    found = meetings(extractor, text)
    assert found, f"no meeting in {text!r}"
    assert sorted(found[0]) == sorted(expected)
