"""Weapons tests as news of many outlets and eras tell them (the error classes of the fresh9-h dev
set): a free relative whose copula the parser cuts off, one more launch of the kind told ("a similar
launch in 2019"). All texts are written for these tests."""
from datetime import date

import pytest

from .helpers import make_doc

pytestmark = pytest.mark.model

D = date(2025, 3, 14)  # a Friday


def launches_in(extractor, text, published=D):
    doc = make_doc(text, published)
    return [m for m in extractor.extract(doc).mentions if m.type == "weapons_test"]


@pytest.mark.parametrize("text, cls", [
    ("North Korea fired what it claimed were two hypersonic missiles on Tuesday.", "hypersonic"),
    ("On Tuesday, Pyongyang launched what it claimed was the Hwasong-17, its largest ICBM.", "icbm"),
    ("The North on Tuesday tested what it claimed was a new solid-fuel engine.", "engine_test"),
])
def test_a_free_relative_cut_at_its_copula_still_names_the_weapon(extractor, text, cls):
    """"fired what it claimed were two missiles": the parser reads "were" as a clause of "fired" of
    its own; the weapon after it is still what was fired."""
    (m,) = launches_in(extractor, text)
    assert m.weapon_class == cls
    assert m.date.value == "2025-03-11"


def test_a_free_relative_naming_no_weapon_is_no_launch(extractor):
    assert launches_in(extractor, "North Korea launched what it claimed was a great success.") == []

