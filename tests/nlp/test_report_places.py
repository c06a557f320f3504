"""Where a report places its events when their sentences name no place (nlp/report_places.py):
on blocks written for these tests, with the packaged lexicon (no spaCy model needed)."""
from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from nkwatch.nlp.lexicon import load_lexicon
from nkwatch.nlp.report_places import WORD, _words_before, introduced, report_place
from nkwatch.settings import Settings


@dataclass(frozen=True)
class Block:
    start: int
    text: str


@pytest.fixture(scope="module")
def lex():
    return load_lexicon(Settings())


def place_of(lex, *texts: str):
    blocks, start = [], 0
    for text in texts:
        blocks.append(Block(start, text))
        start += len(text) + 1
    return report_place(blocks, lex)


@pytest.mark.parametrize("texts, expected", [
    (["The launch was watched by officials.", "It was conducted from the Sunan area, state media said."],
     ("Sunan", "site")),
    (["Missiles flew into the East Sea."], ("East Sea", "sea")),
    (["Drills were held in the DPRK.", "Units moved near Kaechon."], ("Kaechon", "area")),  # the country gives way
    (["Troops gathered in Hamhung and at Sinpo."], ("North Korea", "country")),  # two places, one country
    (["The ceremony took place in the country."], ("North Korea", "country")),
    (["Officials met in Moscow and in Pyongyang."], None),  # places of two states
    (["Tension rose on the Korean Peninsula."], None),  # a region spanning states
    (["The test took place at an undisclosed location."], ("undisclosed location", "undisclosed")),
    (["The test took place at an undisclosed location in Jangyon."], ("Jangyon", "area")),
    (["Pyongyang condemned the drills."], None),  # named, but not as where something happened
    (["They met at the DPRK-Russia summit, in the Asia-Pacific region."], None),  # compounds place nothing
    (["A group of the General Association of Korean Residents in Japan arrived."], None),  # in a proper name
])
def test_the_place_the_report_gives(lex, texts, expected):
    found = place_of(lex, *texts)
    assert (found and (found.name, found.precision)) == (expected or None)
    if found:
        joined = "\n".join(texts)
        assert joined[found.span.start:found.span.end].lower() in {  # its evidence: where it is named
            "the sunan area", "the east sea", "kaechon", "hamhung", "the country", "undisclosed location", "jangyon"}


def test_introduced_skips_articles_but_not_other_words(lex):
    text = "fired off the coast of Wonsan and praised Sinpo. In Nampo too"
    assert introduced(text, text.index("Wonsan"), lex) and introduced(text, text.index("Nampo"), lex)
    assert not introduced(text, text.index("Sinpo"), lex)


def test_words_before_a_name_are_the_last_words_of_the_whole_text_before_it():
    """``introduced`` reads only a stretch before the name: the same words as a scan from the start
    of the paragraph, cut words, apostrophes and long texts included."""
    rng = random.Random(7)
    letters = "ab c'd  e\nK-9 éx "
    for _ in range(3000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 400)))
        end, n = rng.randint(0, len(text)), rng.randint(1, 6)
        assert [m.span() for m in _words_before(text, end, n)] == \
            [m.span() for m in list(WORD.finditer(text, 0, end))[-n:]]


def test_a_province_gives_way_to_the_site_named_in_it(lex):
    for text, name in [
        ("The tremor was detected near the Punggye-ri site in North Hamgyong Province.", "Punggye-ri nuclear test site"),
        ("The rockets took off near Sunchon in South Pyongan Province, officials said.", "Sunchon"),
    ]:
        place = report_place([Block(0, text)], lex)
        assert place is not None and place.name == name, text
