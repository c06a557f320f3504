"""North Korea's support to Russia's war told in ways the plain "North Korea sent troops" rules miss:
troops and arms coordinated as what is sent, and a gerund clause of its own ("with the North sending
troops") under a clause told over a long period. All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def types(extractor, text: str) -> set[str]:
    return {m.type for m in extractor.extract(make_doc(text, D)).mentions}


# what is sent is every conjunct of the object, troops as arms
@pytest.mark.parametrize("text, wanted", [
    ("North Korea has sent soldiers and missiles to Russia, officials in Seoul said.",
     {"troop_deployment", "arms_transfer"}),
    ("Pyongyang has sent artillery shells and thousands of soldiers to Russia, according to Kyiv.",
     {"troop_deployment", "arms_transfer"}),
    ("The North has supplied Moscow with troops and rocket launchers, the spy agency said.", {"arms_transfer"}),
])
def test_coordinated_objects(extractor, text, wanted):
    assert wanted <= types(extractor, text)


# a gerund clause with its own subject under "with" tells its own event, not the long period's summary
@pytest.mark.parametrize("text, wanted", [
    ("Military cooperation has expanded over the past years, with North Korea supplying artillery shells "
     "to Russia.", "arms_transfer"),
    ("The two countries have moved closer in recent years, with Pyongyang deploying thousands of soldiers "
     "to Russia's Kursk region.", "troop_deployment"),
    ("The partnership has deepened over the years, with Moscow firing North Korean missiles at Kharkiv.",
     "combat_operation"),
])
def test_absolute_clause_under_long_period(extractor, text, wanted):
    assert wanted in types(extractor, text)


# ... while the long period on the cue's own clause still makes it background
def test_long_period_on_own_clause_is_background(extractor):
    assert "troop_deployment" not in types(
        extractor, "For decades, North Korea has sent military advisers to African states.")


# the evidence of a cue holds the nouns coordinated with its object (where the arms may be named)
@pytest.mark.parametrize("text, ends", [
    ("Seoul has accused the North of providing Moscow with thousands of troops and millions of artillery shells.",
     "millions of artillery shells"),
    ("Kyiv accuses Pyongyang of sending thousands of soldiers and crates of rockets to Russia.",
     "crates of rockets"),
])
def test_evidence_holds_coordinated_objects(extractor, text, ends):
    doc = make_doc(text, D)
    found = [m for m in extractor.extract(doc).mentions if m.type == "arms_transfer"]
    assert found and ends in doc.span_text(found[0].evidence)


# the side at war bringing in foreign troops: their deployment, by the state whose troops they are
@pytest.mark.parametrize("text", [
    "Russia has brought in thousands of North Korean soldiers to retake Kursk, Kyiv said.",
    "Despite the Kremlin bringing in North Korean troops, Russian forces have struggled to regain ground.",
])
def test_troops_brought_in(extractor, text):
    found = [m for m in extractor.extract(make_doc(text, D)).mentions if m.type == "troop_deployment"]
    assert found and found[0].conducted_by == ["North Korea"]


def test_rules_brought_in_for_troops_are_no_deployment(extractor):
    assert "troop_deployment" not in types(extractor, "The ministry brought in new rules for troops on Monday.")


# deployments named as by states with none in common are two events of one article
@pytest.mark.parametrize("text", [
    "A US aircraft carrier arrived in Busan on Sunday.\nMeanwhile North Korea has sent thousands of troops to "
    "Russia, Seoul says.",
    "Washington deployed more troops to South Korea in March.\nPyongyang, for its part, has dispatched soldiers "
    "to Russia's Kursk region.",
])
def test_deployments_of_other_states_apart(extractor, text):
    found = [m for m in extractor.extract(make_doc(text, D)).mentions if m.type == "troop_deployment"]
    assert sorted(tuple(m.conducted_by) for m in found) == [("North Korea",), ("United States",)]


# a fight told as lasting years is the war as a whole, not one combat event
@pytest.mark.parametrize("text", [
    "North Korea has backed Russia throughout its three-year-long offensive in Ukraine.",
    "Kim praised the North's soldiers for their role in the years-long fighting between Russian and Ukrainian forces.",
])
def test_years_long_fight_is_background(extractor, text):
    assert "combat_operation" not in types(extractor, text)


# ... while a month-long drill is one drill
def test_month_long_exercise_is_one(extractor):
    assert "military_exercise" in types(
        extractor, "South Korea and the United States held a month-long exercise near the border in March.")
