"""Document matrix of border incidents, combat, inspections and ceremonies (round 16): short invented
ARTICLES in the ordinary styles of wire services, papers, broadcasters and briefs (headline first, a
dateline, sometimes an unrelated headline mixed in), each with the full list of events the extractor
must give for the whole document: the lead told again in other words is one event, recaps of earlier
incidents are events of their own with their own dates, and plans, threats, denials and aggregates give
nothing (or are optional where the gold would make them optional). All texts are invented for these
tests; the real temporal tagger reads their dates."""
from __future__ import annotations

from datetime import date

import pytest

from nkwatch.settings import Settings

from .helpers import make_doc, unmatched

pytestmark = pytest.mark.model

ANY = object()          # the row does not check this argument
UNKNOWN = None          # no date the text can tell (a report-day bound is fine)
OPT = "optional"

BORDER, COMBAT, INSPECT, CEREMONY = "border_incident", "combat_operation", "military_inspection", "ceremony"
EXERCISE, DEPLOY, WEAPONS = "military_exercise", "troop_deployment", "weapons_test"
NK, SK, RU, UA = "North Korea", "South Korea", "Russia", "Ukraine"


ARTICLES = {
    "balloons_then_loudspeakers": (
        date(2024, 6, 10),
        "N. Korea sends trash balloons again, Seoul turns on loudspeakers\n"
        "SEOUL, June 10 (Yonhap) -- North Korea sent around 310 balloons carrying trash toward South Korea on "
        "Sunday, the Joint Chiefs of Staff (JCS) said.\n"
        "About 50 of the balloons landed in Seoul and northern Gyeonggi Province, the JCS said, adding that no "
        "hazardous materials had been found.\n"
        "In response, the South Korean military resumed loudspeaker broadcasts along the border on Sunday "
        "evening for the first time in six years.\n"
        "Pyongyang warned it would respond with new countermeasures if the broadcasts continued.",
        [(BORDER, [NK], "2024-06-09"), (BORDER, [SK], "2024-06-09")]),
    "crossing_and_an_earlier_one": (
        date(2024, 6, 18),
        "North Korean soldiers cross border, retreat after warning shots\n"
        "SEOUL, June 18 (Reuters) - Several North Korean soldiers working on the northern side of the heavily "
        "fortified border briefly crossed the military demarcation line on Tuesday, prompting South Korean "
        "troops to fire warning shots, South Korea's military said.\n"
        "The soldiers retreated to the North after the shots were fired, the Joint Chiefs of Staff said.\n"
        "It was the second such incident this month after a similar crossing on June 9.\n"
        "The JCS said the crossing did not appear to be intentional.",
        [(BORDER, [NK], "2024-06-18"), (BORDER, [NK], "2024-06-09")]),
    "munitions_factory_undated_and_last_visit": (
        date(2024, 9, 13),
        "Kim Jong Un visits munitions plant, calls for more shells\n"
        "North Korean leader Kim Jong Un inspected a munitions factory producing artillery shells, state media "
        "reported on Friday, without saying when the visit took place.\n"
        "During the visit, Kim toured the production lines and called for a sharp rise in output, the Korean "
        "Central News Agency said.\n"
        "Kim last visited a munitions factory in August, when he inspected the production of new rocket "
        "launchers.",
        [(INSPECT, [NK], UNKNOWN), (INSPECT, [NK], "2024-08")]),
    "naval_clashes_brief": (
        date(2025, 6, 27),
        "Twenty-three years after the Second Battle of Yeonpyeong\n"
        "The Northern Limit Line has been the scene of several deadly naval clashes.\n"
        "On June 29, 2002, North Korean patrol boats attacked a South Korean patrol vessel near Yeonpyeong "
        "Island, killing six sailors.\n"
        "In November 2009, a North Korean patrol boat was set ablaze in a brief exchange of fire with a South "
        "Korean warship near Daecheong Island.\n"
        "Pyongyang has never accepted the line.",
        [(COMBAT, ANY, "2002-06-29"), (COMBAT, ANY, "2009-11"), (BORDER, ANY, ANY, OPT), (COMBAT, ANY, ANY, OPT)]),
    "kursk_capture": (
        date(2025, 1, 13),
        "Ukraine says it captured two North Korean soldiers in Kursk\n"
        "KYIV, Ukraine (AP) - Ukrainian forces captured two wounded North Korean soldiers in Russia's Kursk "
        "region, President Volodymyr Zelenskyy said on Saturday.\n"
        "The soldiers were taken to Kyiv and are being questioned by the Security Service of Ukraine, he said.\n"
        "Neither Moscow nor Pyongyang has confirmed that North Korean soldiers are fighting in the war.",
        [(COMBAT, ANY, UNKNOWN)]),
    "roads_blown_up_told_three_times": (
        date(2024, 10, 15),
        "N. Korea blows up inter-Korean roads\n"
        "SEOUL, Oct. 15 (Yonhap) -- North Korea blew up sections of two inter-Korean roads north of the "
        "military demarcation line on Tuesday, the Joint Chiefs of Staff said.\n"
        "The explosions were detected at around noon on the Gyeongui and Donghae roads, the JCS said.\n"
        "The demolition came days after the North said it would permanently cut off the border.\n"
        "The South's military said it had stepped up surveillance along the frontier.",
        [(BORDER, [NK], "2024-10-15")]),
    "drones_and_a_crashed_plane": (
        date(2022, 12, 27),
        "South Korea scrambles jets as North Korean drones cross border\n"
        "SEOUL (AP) - South Korea scrambled fighter jets and fired warning shots after five North Korean drones "
        "crossed the border on Monday, the military said.\n"
        "One of the drones flew as far as northern Seoul before returning to the North.\n"
        "A South Korean KA-1 light attack plane crashed while taking off during the response, but its two "
        "pilots ejected safely.\n"
        "It was the first North Korean drone incursion since 2017, when a drone crashed near a missile defense "
        "site.",
        [(BORDER, [NK], "2022-12-26"), (BORDER, [NK], ANY, OPT)]),
    "parade_and_the_last_one": (
        date(2023, 2, 9),
        "North Korea shows off ICBMs at night parade\n"
        "North Korea showcased a record number of intercontinental ballistic missiles at a night-time military "
        "parade in Pyongyang on Wednesday marking the 75th founding anniversary of its army, state media "
        "reported on Thursday.\n"
        "Leader Kim Jong Un attended the parade with his daughter, the Korean Central News Agency said.\n"
        "The North last held a military parade in September 2021.",
        [(CEREMONY, [NK], "2023-02-08"), (CEREMONY, [NK], "2021-09")]),
    "trash_balloons_after_threat": (
        date(2024, 5, 29),
        "North Korea flies trash balloons into South Korea\n"
        "North Korea flew some 260 balloons carrying trash and manure into South Korea on Tuesday night, the "
        "military said on Wednesday.\n"
        "The military dispatched chemical response teams to collect the debris.\n"
        "Pyongyang had said on Sunday that it would scatter piles of waste paper across the border.",
        [(BORDER, [NK], "2024-05-28")]),
    "kursk_acknowledged": (
        date(2025, 4, 28),
        "North Korea confirms for first time its troops fought in Kursk\n"
        "North Korea confirmed for the first time on Monday that it had sent troops to Russia's Kursk region, "
        "state media said.\n"
        "Its soldiers fought alongside Russian forces to drive Ukrainian troops out of the region, the Korean "
        "Central News Agency said.\n"
        "Kim Jong Un said a monument would be built in Pyongyang to honour the fallen soldiers.",
        [(COMBAT, [NK, RU], UNKNOWN), (DEPLOY, [NK], UNKNOWN)]),
    "island_unit_inspected_with_recaps": (
        date(2025, 2, 12),
        "Kim Jong Un inspects island unit near western sea border\n"
        "North Korean leader Kim Jong Un inspected a coastal artillery unit on an islet near the western sea "
        "border, the official news agency said on Wednesday, without saying when.\n"
        "The unit took part in the shelling of Yeonpyeong Island in November 2010, which killed four South "
        "Koreans.\n"
        "Kim last visited the unit in March 2013.",
        [(INSPECT, [NK], UNKNOWN), (BORDER, [NK], "2010-11"), (INSPECT, [NK], "2013-03"), (COMBAT, ANY, ANY, OPT)]),
    "jamming_and_balloons": (
        date(2024, 5, 30),
        "N. Korea jams GPS signals for second day\n"
        "North Korea attempted to jam GPS signals near the western border islands for a second day on Thursday, "
        "the Joint Chiefs of Staff said.\n"
        "The jamming, which began on Wednesday, disrupted navigation on some ferries and fishing boats but "
        "caused no major damage.\n"
        "The North also floated hundreds of trash balloons across the border on Tuesday night.",
        [(BORDER, [NK], ANY), (BORDER, [NK], "2024-05-28")]),
    "kursk_losses_with_unrelated_headline": (
        date(2025, 3, 11),
        "North Korean troops suffer heavy losses in Kursk, Kyiv says\n"
        "Most read: Samsung unveils its new foldable phone\n"
        "Ukraine's military intelligence said on Tuesday that North Korean units had lost dozens of soldiers in "
        "Ukrainian drone strikes near Sudzha over the weekend.\n"
        "The North Korean soldiers, fighting alongside Russian marines, have launched repeated assaults on "
        "Ukrainian positions, it said.\n"
        "Pyongyang has not acknowledged the deployment.",
        [(COMBAT, ANY, ANY), (COMBAT, ANY, ANY, OPT)]),
    "defection_under_fire": (
        date(2017, 11, 22),
        "North Korean soldier shot while defecting at Panmunjom\n"
        "A North Korean soldier defected across the Joint Security Area on Monday, dodging a hail of bullets "
        "from his comrades, the United Nations Command said on Wednesday.\n"
        "North Korean guards fired about 40 rounds at the soldier, who was hit at least five times.\n"
        "He was airlifted to a hospital near Seoul, where he underwent surgery.",
        [(BORDER, ANY, "2017-11-20")]),
}


@pytest.fixture(scope="module")
def extractor():
    from nkwatch.nlp.extract import Extractor
    return Extractor(Settings())   # the real temporal tagger: the dates of the articles are part of the test


def _fits(m, want) -> bool:
    etype, conducted, when = want[:3]
    if m.type != etype:
        return False
    if conducted is not ANY and sorted(m.conducted_by) != sorted(conducted):
        return False
    if when is ANY:
        return True
    if when is UNKNOWN:
        return m.date.value is None or m.date.bound == "on_or_before"
    return m.date.value == when and m.date.bound == "on"


@pytest.mark.parametrize("name", list(ARTICLES))
def test_document(extractor, name):
    published, text, expected = ARTICLES[name]
    mentions = extractor.extract(make_doc(text, published)).mentions
    missing, extra = unmatched(mentions, [w for w in expected if len(w) == 3], _fits,
                               [w for w in expected if len(w) == 4])   # a fourth field: optional
    shown = [(m.type, m.conducted_by, m.date.value, m.date.bound, text[m.evidence.start:m.evidence.end][:60])
             for m in extra]
    assert not missing and not extra, f"missing {missing}; extra {shown}"


# --- the causes of the articles, each with other phrasings ------------------------------------------------
def _events(extractor, text, published, etype):
    return [m for m in extractor.extract(make_doc(text, published)).mentions if m.type == etype]


@pytest.mark.parametrize("text", [
    # a pronoun for the coalition's lead state named as the reporting subject of a sentence before
    "North Korea confirmed on Monday that it had sent troops to Kursk. Its soldiers fought alongside Russian forces "
    "to drive Ukrainian troops out, state media said.",
    "North Korea confirmed on Monday that it had sent troops to Kursk. Its soldiers fought in the Kursk region, KCNA "
    "said.",
    "Pyongyang admitted on Monday that it had deployed troops to Russia. They fought alongside Russian units to "
    "retake the region, state media said.",
])
def test_a_pronoun_for_the_lead_state_fights_as_the_coalition(extractor, text):
    found = _events(extractor, text, date(2025, 4, 28), COMBAT)
    assert [sorted(m.conducted_by) for m in found] == [[NK, RU]]


@pytest.mark.parametrize("text", [
    # a pronoun for another state is that state, never the coalition
    "Ukraine said on Monday that it had pushed into Russia's Kursk region. They captured two North Korean soldiers in "
    "Kursk on Tuesday.",
])
def test_a_pronoun_for_another_state_is_not_the_coalition(extractor, text):
    found = _events(extractor, text, date(2025, 4, 28), COMBAT)
    assert found and all(sorted(m.conducted_by) != [NK, RU] for m in found)


@pytest.mark.parametrize("text, when", [
    # warships attacking in Korean waters: a naval battle
    ("On June 29, 2002, North Korean patrol boats attacked a South Korean patrol vessel near Yeonpyeong Island, "
     "killing six sailors.", "2002-06-29"),
    ("A South Korean frigate was attacked by North Korean gunboats near the Northern Limit Line on Tuesday.",
     "2025-06-24"),
    ("The North's navy attacked a South Korean patrol ship near the disputed sea border on Tuesday.", "2025-06-24"),
    # fire exchanged with or between warships, told by a noun
    ("In November 2009, a North Korean patrol boat was set ablaze in a brief exchange of fire with a South Korean "
     "warship near Daecheong Island.", "2009-11"),
    ("An exchange of gunfire between North and South Korean warships near the sea border on Tuesday left one boat "
     "damaged.", "2025-06-24"),
])
def test_warships_attacking_or_exchanging_fire_fight_a_naval_battle(extractor, text, when):
    found = _events(extractor, text, date(2025, 6, 27), COMBAT)
    assert [(sorted(m.conducted_by), m.date.value) for m in found] == [([NK, SK], when)]
    assert not _events(extractor, text, date(2025, 6, 27), BORDER)


@pytest.mark.parametrize("text", [
    # troops on land: a border incident still
    "North Korean troops attacked a South Korean guard post in the DMZ on Tuesday.",
    "North and South Korean troops were involved in an exchange of fire across the DMZ on Tuesday.",
])
def test_troops_on_land_are_a_border_incident(extractor, text):
    assert _events(extractor, text, date(2025, 6, 27), BORDER)
    assert not _events(extractor, text, date(2025, 6, 27), COMBAT)


@pytest.mark.parametrize("text, when", [
    # a kin noun cue in a paragraph of its own: one more incident of the kind told, in the setting told
    ("North Korean soldiers crossed the military demarcation line on Tuesday, the JCS said.\n"
     "It was the second such incident this month after a similar crossing on June 9.", "2024-06-09"),
    ("Five North Korean drones crossed into South Korean airspace on Tuesday, the military said.\n"
     "It was the first since another incursion on June 3.", "2024-06-03"),
    ("North Korean troops briefly crossed the demarcation line on Tuesday.\n"
     "A previous breach, on June 9, ended after warning shots.", "2024-06-09"),
])
def test_a_kin_noun_in_a_later_paragraph_is_an_earlier_incident(extractor, text, when):
    found = _events(extractor, text, date(2024, 6, 18), BORDER)
    assert sorted(m.date.value for m in found) == sorted(["2024-06-18", when])


@pytest.mark.parametrize("text", [
    # no date of its own: the kind told again, no other event
    "North Korean soldiers crossed the military demarcation line on Tuesday.\nA similar crossing was reported earlier.",
    # no incident of the kind told before: nothing
    "North Korea fired a ballistic missile on Tuesday.\nIt came after a similar crossing on June 9.",
])
def test_a_kin_noun_needs_its_date_and_a_kind_told(extractor, text):
    found = _events(extractor, text, date(2024, 6, 18), BORDER)
    assert len(found) <= 1 and all(m.date.value == "2024-06-18" for m in found)


@pytest.mark.parametrize("text", [
    # an incident the time phrase of another side's act names is not that side's (a mine blast no clause gives
    # a doer is the North's, [conductors] default_kinds)
    "South Korea resumed propaganda broadcasts along the border on Monday in retaliation for a land mine blast that "
    "maimed two soldiers.",
    "Seoul restarted its border broadcasts on Monday after a mine explosion in the DMZ on Aug. 4.",
    "South Korean troops stepped up patrols along the DMZ following the detonation of a landmine near a guard post.",
    # "mine" the noun of a headline, tagged as the possessive pronoun, names no one either
    "Seoul resumes propaganda broadcasts after mine blast",
    "S. Korea fires warning shots after mine blast in DMZ",
])
def test_a_mine_blast_after_which_a_side_acts_is_not_that_sides(extractor, text):
    found = [m for m in _events(extractor, text, date(2015, 8, 11), BORDER)
             if any(w in " ".join(m.cues).lower() for w in ("mine", "detonation"))]
    assert [m.conducted_by for m in found] == [["North Korea"]]


@pytest.mark.parametrize("text", [
    # jamming: the default state's when nothing says whose
    "GPS jamming near the western border islands disrupted dozens of flights on Tuesday.",
    "The jamming of GPS signals near the border forced several fishing boats back to port on Tuesday.",
    "GPS signal disruptions near the border islands were caused by jamming on Tuesday, officials said.",
])
def test_jamming_is_the_norths_when_nobody_is_named(extractor, text):
    found = [m for m in _events(extractor, text, date(2015, 8, 11), BORDER) if "jamming" in " ".join(m.cues).lower()]
    assert [m.conducted_by for m in found] == [[NK]]


@pytest.mark.parametrize("text", [
    # a crossing by a third state's boat or aircraft is no incident between the two Koreas
    "A North Korean patrol boat crossed the NLL on Saturday, shortly after a similar NLL crossing by a Chinese "
    "fishing boat.",
    "Chinese fishing boats crossed the Northern Limit Line near Yeonpyeong Island on Saturday, the JCS said.",
])
def test_a_third_states_crossing_is_no_border_incident(extractor, text):
    found = _events(extractor, text, date(2023, 4, 17), BORDER)
    assert all(NK in m.conducted_by or SK in m.conducted_by for m in found)


@pytest.mark.parametrize("text", [
    # an attack whose target is a place of one Korea, with no doer named: by the other side
    "The unit took part in the shelling of Yeonpyeong Island in November 2010, which killed four people.",
    "It was a military base that in November 2010 fired about 170 rounds of artillery against Yeonpyeong.",
    "Artillery pieces from the islets manned by the army shelled Yeonpyeong in November 2010.",
    "Tensions rose after the November 2010 attack on Baengnyeong Island.",
])
def test_an_attack_on_a_place_of_one_korea_is_the_others(extractor, text):
    found = _events(extractor, text, date(2025, 2, 12), BORDER)
    assert [m.conducted_by for m in found] == [[NK]]


@pytest.mark.parametrize("text", [
    # fire a warship returns: the naval battle (the crossing and the warning shots before it stay an incident)
    "A North Korean patrol boat crossed the NLL near Yeonpyeong on Tuesday, prompting a South Korean naval ship to "
    "fire warning shots. The North Korean boat fired back before retreating.",
    "A South Korean navy ship fired warning shots after a North Korean patrol boat crossed the NLL on Tuesday. The "
    "North Korean vessel returned fire, the JCS said.",
    "North Korean patrol boats shot back at a South Korean frigate near the sea border on Tuesday.",
])
def test_fire_a_warship_returns_is_a_naval_battle(extractor, text):
    found = _events(extractor, text, date(2014, 10, 7), COMBAT)
    assert [sorted(m.conducted_by) for m in found] == [[NK, SK]]


def test_fire_returned_on_land_stays_a_border_incident(extractor):
    text = "North Korean troops crossed the MDL on Tuesday. The North Korean soldiers fired back after warning shots."
    assert not _events(extractor, text, date(2014, 10, 7), COMBAT)


@pytest.mark.parametrize("text, conducted", [
    # a gerund of means or time on a verb takes that verb's subject
    ("Seoul has responded by broadcasting propaganda and K-pop music to the North using loudspeakers.", [SK]),
    ("South Korea retaliated by turning on its loudspeakers along the border on Sunday.", [SK]),
    ("North Korea responded by sending more trash balloons across the border on Monday.", [NK]),
    ("Activists reacted by flying leaflets across the border on Tuesday.", []),
])
def test_a_gerund_of_means_is_done_by_the_verbs_subject(extractor, text, conducted):
    found = _events(extractor, text, date(2024, 6, 11), BORDER)
    assert [m.conducted_by for m in found] == [conducted]
