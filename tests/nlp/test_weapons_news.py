"""Weapons tests as ordinary news reports them: counts, nuclear tests, space launches and their
failures, participles, compound modifiers, prohibitions, sentences that speak of a test told before,
and who the reports are attributed to. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def launches_in(extractor, text, published=D):
    """The document and its weapons-test mentions."""
    doc = make_doc(text, published)
    return doc, [m for m in extractor.extract(doc).mentions if m.type == "weapons_test"]


@pytest.mark.parametrize("text, count", [
    ("The North fired a ballistic missile into the sea on Thursday, Seoul said.", 1),
    ("The North fired a single short-range missile toward the sea on Thursday.", 1),
    ("The army fired three cruise missiles over the sea on Thursday.", 3),
    # "a" counts the launch, not the missiles; two weapons coordinated are not one
    ("The North carried out a missile launch on Thursday, Seoul said.", None),
    ("The North fired a ballistic missile and a cruise missile on Thursday, Seoul said.", None),
    # a nuclear test fires nothing
    ("The North conducted a nuclear test on Thursday, Seoul said.", None),
])
def test_count_from_the_article(extractor, text, count):
    _, (m,) = launches_in(extractor, text)
    assert m.count == count


def test_a_numeral_beats_an_article(extractor):
    text = ("The North held a flight test of a new cruise missile on Thursday, state media said.\n"
            "In the test on Thursday the North fired two cruise missiles, state media said.")
    _, (m,) = launches_in(extractor, text)
    assert m.count == 2


@pytest.mark.parametrize("text, cls", [
    ("The country said it had tested a hydrogen bomb on Wednesday.", "nuclear_test"),
    ("The regime said it had performed its first nuclear weapons test on Monday.", "nuclear_test"),
    ("The North launched a long-range rocket from its west coast on Sunday, Seoul said.", "space_launch"),
    ("The rocket carrying the satellite exploded shortly after liftoff on Monday, state media said.",
     "space_launch"),
    ("The country put a reconnaissance satellite into orbit on Tuesday, state media said.", "space_launch"),
])
def test_nuclear_tests_and_space_launches(extractor, text, cls):
    _, (m,) = launches_in(extractor, text)
    assert m.weapon_class == cls


def test_a_missile_able_to_carry_a_bomb_stays_a_missile(extractor):
    _, (m,) = launches_in(extractor, "The North fired an intercontinental ballistic missile capable of carrying a "
                                     "hydrogen bomb on Friday, Seoul said.")
    assert m.weapon_class == "icbm"


def test_a_participle_on_a_weapon_with_a_date_reports_the_launch(extractor):
    doc, (m,) = launches_in(extractor, "The missile launched on Friday by the North landed in the sea east of the "
                                       "peninsula, officials said.")
    assert doc.span_text(m.evidence).startswith("The missile launched on Friday")


@pytest.mark.parametrize("text", [
    # a hyphenated participle names a kind of weapon
    "The cargo plane carried shoulder-launched rockets and rifles, the police said.",
    # what a ban forbids did not happen
    "The resolution bars the country from launching ballistic missiles.",
    "The treaty prohibits nuclear tests of any kind.",
    # a weapon that explodes in a war zone is a strike, not a test
    "A missile exploded over Kyiv on Monday, Ukrainian officials said.",
])
def test_not_weapons_tests(extractor, text):
    _, found = launches_in(extractor, text)
    assert found == []


def test_a_pretext_is_not_a_second_test(extractor):
    _, (m,) = launches_in(extractor, "The North launched a long-range rocket on Sunday, a move which experts say is a "
                                     "cover for testing ballistic missile technology.")
    assert m.weapon_class == "space_launch"


def test_a_sentence_about_the_missile_lends_its_source_and_class(extractor):
    text = ("The North fired a ballistic missile over the sea on Friday morning.\n"
            "The projectile is believed to be a Hwasong-12, Japan's defense ministry said.")
    _, (m,) = launches_in(extractor, text)
    assert m.weapon_class == "irbm"
    assert "Japan's defense ministry" in m.sources


def test_a_seismic_trace_lends_its_source_to_the_nuclear_test_only(extractor):
    text = ("The North conducted a nuclear test on Sunday and fired a cruise missile on Monday.\n"
            "The US Geological Survey said the tremor measured 5.1.")
    _, found = launches_in(extractor, text)
    by_class = {m.weapon_class: m for m in found}
    assert "USGS" in by_class["nuclear_test"].sources
    assert "USGS" not in by_class["cruise"].sources


def test_a_restatement_is_not_the_evidence(extractor):
    text = ("The North fired a short-range ballistic missile on Friday, the JCS said.\n"
            "The launch and the drills are a warning to Seoul, analysts at the Asan Institute said.")
    doc, (m,) = launches_in(extractor, text)
    assert doc.span_text(m.evidence).startswith("The North fired")


def test_an_office_and_the_person_who_holds_it(extractor):
    _, (m,) = launches_in(extractor, "Japan's Defense Minister Taro Sato said the North fired a ballistic missile "
                                     "on Friday.")
    assert "Japan's defense ministry" in m.sources and "Taro Sato" in m.sources
