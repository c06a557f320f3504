"""Round 18 (claims): figures the claims reader gave twice, under the wrong property or not at all, by class
(nlp/extract.py ``_given_before``, data/claim_properties.toml). All texts are invented for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)


def found(extractor, text: str) -> list[tuple]:
    doc = make_doc(text, D)
    return [(c.property, c.value, c.value_max, c.bound, doc.text[c.evidence.start:c.evidence.end])
            for c in extractor.extract(doc).claims]


def claims(extractor, text: str) -> set[tuple]:
    return {(p, v, b) for p, v, _, b, _ in found(extractor, text)}


# a headline's figure that the body gives again is the body's, whatever their sources
@pytest.mark.parametrize("text, prop, value, body", [
    ("Three dead, 12 hurt as North shells border town\n"
     "North Korean guns shelled a border town on Tuesday. Three soldiers were killed and 12 villagers were "
     "wounded.", "killed", 3, "Three soldiers"),
    ("Three dead, 12 hurt as North shells border town\n"
     "North Korean guns shelled a border town on Tuesday. Three soldiers were killed and 12 civilians were "
     "wounded.", "wounded", 12, "12 civilians"),
    ("North Korea fires three short-range ballistic missiles\n"
     "North Korea fired three short-range ballistic missiles into the sea on Monday, Japan's defence ministry "
     "said.", "count", 3, "three short-range ballistic missiles"),
    ("Pyongyang says it flew 80 fighter jets near the border\n"
     "North Korea said on Monday that more than 80 fighter jets took part in an air drill on Saturday.",
     "aircraft", 80, "more than 80"),
])
def test_a_headline_figure_the_body_repeats(extractor, text, prop, value, body):
    got = [f for f in found(extractor, text) if f[1] == value]
    assert [f[0] for f in got] == [prop] and got[0][4].startswith(body)


@pytest.mark.parametrize("text, expected", [
    # the headline's figure the body does not repeat stays
    ("North Korea fires four cruise missiles\n"
     "North Korea fired cruise missiles off its west coast on Monday, the military said. Three of them flew "
     "for two hours.", ("count", 4)),
    # two body sentences with a source each keep their figures (two claims)
    ("North Korea fired two ballistic missiles on Monday, Seoul's military said. Tokyo also said that two "
     "ballistic missiles had landed outside its waters.", ("count", 2)),
])
def test_a_figure_the_body_does_not_give_again(extractor, text, expected):
    assert expected in {(f[0], f[1]) for f in found(extractor, text)}


# troops whose sentence, or one of the three before it, speaks of reinforcing are reinforcements
@pytest.mark.parametrize("text, expected", [
    ("Pyongyang has sent more troops to Russia to reinforce units fighting near Kursk, the spy agency said. The "
     "exact number is unclear, but local media put it at 2,000 to 4,000 soldiers.",
     ("reinforcements", 2000, "eq")),
    ("The agency said the North had dispatched some 1,500 soldiers to reinforce Russian units in March.",
     ("reinforcements", 1500, "approx")),
    ("The agency said North Korean reinforcements reached the front in early March. It did not say how many. "
     "Officials later said that more than 2,500 North Korean troops had arrived by train.",
     ("reinforcements", 2500, "ge")),
    ("North Korea shipped additional troops to the front last week, officials said. A military source said "
     "about 900 soldiers left by train.", ("reinforcements", 900, "approx")),
])
def test_troops_that_reinforce(extractor, text, expected):
    assert expected in claims(extractor, text)


@pytest.mark.parametrize("text, expected", [
    # the first or the whole contingent is troops
    ("Pyongyang has sent more troops to reinforce its units, officials said. The North initially sent some "
     "11,000 soldiers to the region last year.", ("troops", 11000, "approx")),
    ("Russian units, reinforced by 11,000 North Korean soldiers, retook the town in March, officials said.",
     ("troops", 11000, "eq")),
    # a sentence that counts reinforcements itself keeps its troops
    ("Officials said the North sent 11,000 troops to Russia last year and 3,000 reinforcements in January.",
     ("troops", 11000, "eq")),
    # no reinforcing said
    ("The North has deployed about 12,000 troops to the Kursk region, the agency said.",
     ("troops", 12000, "approx")),
])
def test_troops_that_are_no_reinforcements(extractor, text, expected):
    got = claims(extractor, text)
    assert expected in got
    assert not {c for c in got if c[0] == "reinforcements" and c[1] == expected[1]}


# a test's yield in tons of explosive power
@pytest.mark.parametrize("text, expected", [
    ("The agency said the device had 2,000 tons explosive power, twice the previous one.", ("yield_kt", 2, "eq")),
    ("Seismologists said the blast carried some 800 tons of explosive power.", ("yield_kt", 0.8, "approx")),
    ("The test yielded about 900 tonnes of explosive force, the institute said.", ("yield_kt", 0.9, "approx")),
])
def test_a_yield_in_tons_of_explosive_power(extractor, text, expected):
    assert expected in claims(extractor, text)
