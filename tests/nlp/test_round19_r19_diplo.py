"""Round 19 (classes seen in several dev sets): soldiers a count names as what was done to them are no troops
sent anywhere: the ones a war side says it "eliminated" were killed, the ones something "inflicted wounds on"
were wounded, the ones "interrogated" were captured, and the ones "rescued" or "evacuated" are no figure of an
event (data/claim_properties.toml, nlp/claims.py). All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import happened_of, make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def claims(extractor, text: str) -> set[tuple]:
    return {(c.property, c.value) for c in extractor.extract(make_doc(text, D)).claims}


@pytest.mark.parametrize("text, want", [
    ("Ukrainian special forces said they had eliminated 40 North Korean troops in the Kursk region over two days.",
     ("killed", 40)),
    ("Kyiv's drone unit claims to have eliminated some 70 North Korean soldiers near Sudzha, its commander said.",
     ("killed", 70)),
    ("A landmine blast inflicted serious wounds on three South Korean soldiers near the border, the JCS said.",
     ("wounded", 3)),
    ("The mines North Korea planted inflicted injuries on two South Korean soldiers on patrol, Seoul said.",
     ("wounded", 2)),
    ("Ukraine's security service released a video of the interrogation of two soldiers it says came from North "
     "Korea.", ("captured", 2)),
    ("Kyiv said its officers had interrogated three North Korean soldiers held near Kursk.", ("captured", 3)),
])
def test_soldiers_a_verb_does_something_to_are_its_casualties(extractor, text, want):
    got = claims(extractor, text)
    assert want in got
    assert not {c for c in got if c[0] == "troops"}


@pytest.mark.parametrize("text", [
    "Sixty-two sailors were rescued from the sea after the corvette sank, investigators said.",
    "The coast guard rescued 14 South Korean soldiers from the flooded base on Monday.",
    "About 30 soldiers were evacuated from the island after the shelling, the military said.",
])
def test_rescued_soldiers_are_no_figure(extractor, text):
    assert not {c for c in claims(extractor, text) if c[0] == "troops"}


@pytest.mark.parametrize("text, want", [
    ("North Korea has deployed 12,000 troops to Russia, Seoul's spy agency said.", ("troops", 12000)),
    ("Pyongyang sent about 3,000 soldiers to the Kursk region last month, officials said.", ("troops", 3000)),
    ("Seoul said 25 North Korean soldiers were killed in the Ukrainian strike.", ("killed", 25)),
])
def test_troops_sent_and_killed_stay_as_they_were(extractor, text, want):
    assert want in claims(extractor, text)


# --- events of other states alone: no event of the story (data/event_cues.toml [conductors] story_types) ------

@pytest.mark.parametrize("text, etype", [
    ("On the same day, Vietnam held its National Day parade in Hanoi.", "ceremony"),
    ("Belarus also staged a military parade in Minsk on Friday.", "ceremony"),
    ("China's defence minister attended a military parade in Moscow on Friday.", "ceremony"),
    ("Iran has also sent military advisers to Syria, the report said.", "troop_deployment"),
])
def test_an_event_of_other_states_alone_is_none(extractor, text, etype):
    assert not happened_of(extractor, text, etype)


@pytest.mark.parametrize("text, etype", [
    ("North Korea held a military parade in Pyongyang on Thursday to mark the founding anniversary.", "ceremony"),
    ("Russian Defense Minister Belousov attended a military parade in Pyongyang on Thursday.", "ceremony"),
    ("Pyongyang has sent about 3,000 more troops to Russia, Seoul's spy agency said.", "troop_deployment"),
    ("Japan and Australia held joint air drills near Okinawa on Tuesday.", "military_exercise"),
    ("North Korea and Russia held joint naval drills off Vladivostok on Tuesday.", "military_exercise"),
])
def test_an_event_a_state_of_the_story_takes_part_in_stays(extractor, text, etype):
    assert happened_of(extractor, text, etype)


def test_a_guest_of_the_story_at_another_states_parade_takes_part(extractor):
    text = "Kim Jong Un attended a military parade in Hanoi alongside Vietnamese leaders on Tuesday."
    assert [m.conducted_by for m in happened_of(extractor, text, "ceremony")] == [["Vietnam"]]
    (visit,) = happened_of(extractor, text, "diplomatic_engagement")
    assert set(visit.conducted_by) == {"North Korea", "Vietnam"}
