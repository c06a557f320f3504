"""Combat in Russia's war told in ways the cues misread: soldiers filmed, not taken; losses of troops; an
event told by a noun and again by its verb. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import happened, make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def combats(extractor, text: str) -> int:
    return happened(extractor, text, D).count("combat_operation")


# soldiers "captured" on video, in footage or in photos are filmed, not taken prisoner
@pytest.mark.parametrize("text", [
    "North Korean soldiers in Kursk were captured on video by a Ukrainian drone on Monday.",
    "A Ukrainian drone captured North Korean troops on camera near the front line in Kursk.",
    "North Korean infantry advancing in the Kursk region were captured in drone footage released by Kyiv.",
])
def test_captured_on_video_is_no_capture(extractor, text):
    assert combats(extractor, text) == 0


def test_capture_in_a_place_stays_one(extractor):
    assert combats(extractor, "Ukrainian forces captured two North Korean soldiers in Kursk on Thursday, "
                              "the spy agency said.") == 1


# the losses of the North's troops in a named theatre are its fighting there
@pytest.mark.parametrize("text", [
    "The Pentagon confirmed losses among North Korean troops in the Kursk region on Monday.",
    "Kyiv says the North Korean army's heavy losses in Kursk have forced Moscow to pull the units back.",
])
def test_losses_of_troops_are_combat(extractor, text):
    assert combats(extractor, text) == 1


# ... not losses of another kind
def test_trade_losses_are_no_combat(extractor):
    assert combats(extractor, "North Korea's trade losses with Russia grew in 2024, a Seoul think tank said.") == 0


# a sentence telling an event by a noun and then by a finite verb: the verb's clause is the evidence
@pytest.mark.parametrize("text, verb_clause", [
    ("The agency said it knew of the battlefield situation, including the capture of North Korean soldiers, "
     "and confirmed that Ukraine captured two North Korean soldiers in Kursk on Thursday.",
     "Ukraine captured two North Korean soldiers"),
    ("Kyiv gave details of the battle in Kursk, including the capture of prisoners, and said its forces captured "
     "three North Korean soldiers on Monday.", "its forces captured three North Korean soldiers"),
])
def test_finite_verb_tells_the_event_better_than_a_noun(extractor, text, verb_clause):
    doc = make_doc(text, D)
    found = [m for m in extractor.extract(doc).mentions if m.type == "combat_operation"]
    assert len(found) == 1 and verb_clause in doc.span_text(found[0].evidence)
