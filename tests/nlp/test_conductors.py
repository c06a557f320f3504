"""Who carried an event out (nkwatch.nlp.conductors), on invented sentences: the agent, anaphora,
the owner of deployed troops, a foreign system, a named exercise, both sides of a meeting, and the
domain default when nothing says whose a test was."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def conducted(extractor, text: str, etype: str) -> list[list[str]]:
    res = extractor.extract(make_doc(text, D))
    return [m.conducted_by for m in res.mentions if m.type == etype]


@pytest.mark.parametrize("text, etype, expected", [
    ("The United States test-launched a Minuteman III intercontinental ballistic missile from California on "
     "Tuesday, the Air Force said.", "weapons_test", ["United States"]),
    ("KCNA said a Minuteman III missile was launched from Vandenberg on Tuesday.", "weapons_test", ["United States"]),
    ("North Korea fired two short-range ballistic missiles into the East Sea on Thursday.", "weapons_test",
     ["North Korea"]),
    # (fired in answer, the allies' missiles are their drill: test_matrix_weapons)
    ("South Korea's military fired a Hyunmoo-2 missile into the sea on Thursday in response.", "military_exercise",
     ["South Korea"]),
    ("Russia has deployed North Korean troops to the Kursk region, Ukrainian officials said.", "troop_deployment",
     ["North Korea"]),
    ("South Korea and the United States began joint military exercises on Monday.", "military_exercise",
     ["South Korea", "United States"]),
    ("The Freedom Shield exercises began on Monday near the border.", "military_exercise",
     ["United States", "South Korea"]),
    ("Russian Foreign Minister Sergei Lavrov met North Korean leader Kim Jong Un in Pyongyang on Thursday.",
     "diplomatic_engagement", ["Russia", "North Korea"]),
])
def test_who_carried_it_out(extractor, text, etype, expected):
    found = conducted(extractor, text, etype)
    assert found, f"no {etype} in {text!r}"
    assert sorted(found[0]) == sorted(expected)


def test_a_pronoun_takes_the_state_named_before(extractor):
    text = ("Japan said on Friday that it had launched a H3 rocket carrying a satellite. "
            "North Korea said it test-fired a new solid-fuel missile on Thursday.")
    found = conducted(extractor, text, "weapons_test")
    assert ["North Korea"] in found


def test_a_test_nobody_is_named_for_is_north_koreas(extractor):
    found = conducted(extractor, "A ballistic missile was fired into the East Sea on Thursday, the JCS said.",
                      "weapons_test")
    assert found == [["North Korea"]]


def test_an_exercise_named_in_a_relative_clause_of_the_day_is_not_who_fired(extractor):
    text = ("Missiles were fired toward the East Sea on March 10, the day the allies began their Freedom Shield "
            "exercise, the JCS said.")
    assert conducted(extractor, text, "weapons_test") == [["North Korea"]]


@pytest.mark.parametrize("text, etype, expected", [
    # a list of states the parser reads as an apposition: every side of the drill
    ("South Korea, U.S., Japan stage combined military drills", "military_exercise",
     ["Japan", "United States", "South Korea"]),
    # the exercise named in an apposition of the cue
    ("The drills, known as Freedom Shield, began on Monday.", "military_exercise",
     ["United States", "South Korea"]),
])
def test_every_side_of_a_drill(extractor, text, etype, expected):
    found = conducted(extractor, text, etype)
    assert found, f"no {etype} in {text!r}"
    assert sorted(found[0]) == sorted(expected)


def test_a_dateline_closed_by_a_colon_is_cut_off(extractor):
    text = ("Drills begin\n"
            "Tokyo (Japan), March 10, 2025: Japan and the United States on Monday began a naval drill near Okinawa.\n")
    assert sorted(conducted(extractor, text, "military_exercise")[0]) == ["Japan", "United States"]


@pytest.mark.parametrize("text, etype, expected", [
    # a pronoun subject of a later sentence: the state the sentence before named as its subject
    ("The U.S. has raised its spending on nuclear arms this year. It is busy developing new warheads, "
     "conducting sub-critical nuclear tests in Nevada.", "weapons_test", ["United States"]),
    # artillery fired into the sea outside a war is a border incident (event_cues.toml [[retype]])
    ("South Korean troops began live-fire drills near the border on Monday. They also fired artillery shells "
     "into the sea on Tuesday.", "border_incident", ["South Korea"]),
    ("Japan's navy held a naval drill off Okinawa last week. It then test-fired a cruise missile on Sunday.",
     "weapons_test", ["Japan"]),
])
def test_a_pronoun_takes_the_subject_of_an_earlier_sentence(extractor, text, etype, expected):
    found = conducted(extractor, text, etype)
    assert found, f"no {etype} in {text!r}"
    assert found[-1] == expected


@pytest.mark.parametrize("text", [
    "Japan strongly condemned the launch of a ballistic missile on Friday.",
    "South Korea's military detected the launch of a ballistic missile on Friday.",
    "Seoul slammed the test of a new cruise missile on Sunday.",
])
def test_who_reacts_to_a_test_did_not_carry_it_out(extractor, text):
    assert conducted(extractor, text, "weapons_test") == [["North Korea"]]


@pytest.mark.parametrize("text, etype, expected", [
    # the governing verb's subject for a gerund after a preposition
    ("The United States committed itself to providing Japan with nuclear weapons and missiles.",
     "arms_transfer", ["United States"]),
    # a participle clause with no subordinator shares its verb's subject
    ("Russia stepped up its war effort, shipping artillery shells to Belarus by rail.", "arms_transfer",
     ["Russia"]),
    # the agent of a participle on the event noun
    ("Ukraine said the missile strike on Kharkiv, carried out by Russian forces, killed five people.",
     "combat_operation", ["Russia"]),
])
def test_the_agent_of_a_governing_verb_or_participle(extractor, text, etype, expected):
    found = conducted(extractor, text, etype)
    assert found, f"no {etype} in {text!r}"
    assert found[0] == expected


def test_a_passive_gerund_keeps_its_own_agent(extractor):
    text = "A South Korean official was detained near the border before being shot dead by soldiers."
    assert all(cb != ["South Korea"] for cb in conducted(extractor, text, "border_incident"))


def test_a_participle_clause_of_a_meeting_names_both_sides(extractor):
    text = "Kim Jong Un travelled to Vladivostok by train, holding talks with Vladimir Putin on Wednesday."
    found = conducted(extractor, text, "diplomatic_engagement")
    assert found and sorted(found[0]) == ["North Korea", "Russia"]


@pytest.mark.parametrize("text, expected", [
    ("A wreath-laying ceremony for the fallen soldiers was held at the cemetery on Sunday.", [["North Korea"]]),
    # a ceremony abroad, or one the other side held, is not North Korea's by default (a ceremony its
    # guests attend is held by the state of its venue: test_ceremony_guests)
    ("Military attaches attended the inauguration ceremony of the Iranian president in Tehran on Sunday.",
     [["Iran"]]),
    ("South Korean veterans held a memorial ceremony for the soldiers who died in the war.", [["South Korea"]]),
])
def test_a_ceremony_is_north_koreas_only_when_no_other_state_is_named(extractor, text, expected):
    assert conducted(extractor, text, "ceremony") == expected


def test_the_speaker_is_no_anaphor_of_a_state_named_before(extractor):
    text = ("The South Korean army fired shells near the border last week. "
            "When I visited the artillery unit on Monday, its officers were ready.")
    assert ["South Korea"] not in conducted(extractor, text, "military_inspection")


@pytest.mark.parametrize("text", [
    "Soldiers of the South Korean army collected the trash balloons near the border on Sunday.",
    "South Korean troops near the border are disposing of the leaflets found on Sunday.",
])
def test_who_collects_the_balloons_did_not_send_them(extractor, text):
    assert ["South Korea"] not in conducted(extractor, text, "border_incident")


@pytest.mark.parametrize("text, etype, expected", [
    # a wire dateline whose dash is glued to the lead's first word is cut off: the city is no doer
    ("Soldier defects\nSEOUL (Newswire) -A North Korean soldier defected to the South across the heavily armed "
     "border on Sunday, the military said.\n", "border_incident", ["North Korea"]),
    ("Talks in Moscow\nBEIJING (Newswire) -North Korea's foreign minister held talks with Russia's Lavrov in "
     "Moscow on Tuesday.\n", "diplomatic_engagement", ["North Korea", "Russia"]),
])
def test_a_dateline_with_a_glued_dash_is_cut_off(extractor, text, etype, expected):
    assert sorted(conducted(extractor, text, etype)[0]) == expected
