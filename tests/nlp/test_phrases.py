"""Vocabulary matching: normalization, word boundaries, offsets, inflection."""
from nkwatch.nlp.phrases import PhraseIndex, normalize, noun_forms, verb_forms


def test_normalize_maps_back_to_original_offsets():
    text = "North Korea  test\u2011fired a Hwasong\u201017"
    nt = normalize(text)
    assert nt.text == "north korea test fired a hwasong 17"
    i = nt.text.index("test fired")
    s, e = nt.original(i, i + len("test fired"))
    assert text[s:e] == "test\u2011fired"


def test_index_respects_word_boundaries_and_prefers_longest():
    index = PhraseIndex([("cruise missile", "c"), ("strategic cruise missile", "s"), ("test", "t")])
    text = "The latest strategic cruise missile contest and the test."
    hits = index.find(normalize(text))
    assert [text[h.start:h.end] for h in hits] == ["strategic cruise missile", "test"]
    assert hits[0].values == ("s",)


def test_curly_apostrophes_match_straight_ones():
    index = PhraseIndex([("South Korea's military", 1)])
    text = "South Korea’s military said"
    (hit,) = index.find(normalize(text))
    assert text[hit.start:hit.end] == "South Korea’s military"


def test_inflections():
    assert set(verb_forms("fire")) >= {"fire", "fires", "fired", "firing"}
    assert "sent troops" in verb_forms("send troops:sent troops")
    assert "supplied" in verb_forms("supply")
    assert noun_forms("ballistic missile") == ["ballistic missile", "ballistic missiles"]


def test_verbs_that_double_their_last_consonant_match_both_spellings():
    assert {"jammed", "jamming"} <= set(verb_forms("jam"))
    assert {"transferred", "transferring", "transfers"} <= set(verb_forms("transfer"))
    assert {"visited", "visiting"} <= set(verb_forms("visit"))
    assert "shelld" not in verb_forms("shell") and "shelled" in verb_forms("shell")
