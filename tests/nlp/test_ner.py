"""NER corrections of the spaCy pipeline (data/ner_patterns.jsonl)."""
import pytest

from nkwatch.nlp.lexicon import load_lexicon
from nkwatch.nlp.records import sentences_from_spacy
from nkwatch.nlp.spacy_pipeline import build_nlp

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ents(settings):
    nlp = build_nlp(settings, load_lexicon(settings).ner_patterns)

    def run(text):
        return {(e.text, e.label) for s in sentences_from_spacy(nlp(text), 0) for e in s.ents}
    return run


def test_kursk_is_a_place_not_a_product(ents):
    found = ents("Thousands of troops were sent to Kursk last autumn.")
    assert ("Kursk", "GPE") in found
    assert not any(label == "PRODUCT" for _, label in found)


def test_dprk_is_a_state(ents):
    assert ("DPRK", "GPE") in ents("The DPRK said the launch was successful.")


def test_the_north_is_a_state_but_north_korea_stays_whole(ents):
    found = ents("Seoul said the North fired two missiles, and North Korea denied it.")
    assert ("North", "GPE") in found and ("North Korea", "GPE") in found


def test_time_zones_are_not_organizations(ents):
    found = ents("The missile was launched at 2300 GMT on Tuesday from the coast.")
    assert not any(text == "GMT" for text, _ in found)


def test_possessives_are_cut_off(ents):
    found = ents("Seoul's defense ministry and Japan's coast guard reported the launch.")
    assert ("Seoul", "GPE") in found
    assert not any(text.endswith("'s") for text, _ in found)


def test_entity_offsets_point_into_the_original_text(settings):
    nlp = build_nlp(settings, load_lexicon(settings).ner_patterns)
    text = "Report follows. Troops moved into the Kursk region on Monday."
    base = 100
    sents = sentences_from_spacy(nlp(text[16:]), base + 16)
    original = " " * base + text
    for s in sents:
        assert original[s.start:s.end] == s.text
        for e in s.ents:
            assert original[e.start:e.end] == e.text
