"""Sentences run into the next with no space after a full stop that follows a number ("starting March
8.In a statement"): they are parsed as two sentences, so that each date dates its own sentence's event."""
import pytest

from .test_dating import mentions

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, etype, day", [
    ("The North test-fired a new cruise missile on March 3.On March 11, it held artillery drills near the border.",
     "military_exercise", "2025-03-11"),
    ("The spy agency said North Korea began sending troops to Russia starting March 8.In a statement released "
     "on Wednesday, it said more would follow.", "troop_deployment", "2025-03-08"),
])
def test_a_sentence_glued_after_a_number_is_a_sentence_of_its_own(extractor, text, etype, day):
    (m,) = mentions(extractor, text, etype=etype)
    assert m.date.value == day
