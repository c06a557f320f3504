"""Rules that read a block's entities (``records.Names``: the entity recognizer runs on the block the
first time) only when what they found without them leaves the answer open; what they answer is what
reading the entities first gives."""
from __future__ import annotations

import pytest

from nkwatch.nlp.lexicon import Named
from nkwatch.nlp.records import Ent, Sent, Tok, sentences_from_spacy
from nkwatch.nlp.sentinfo import Persons, SentInfo


def _unread(doc):
    raise AssertionError("the entities were read")


def unread_sents(extractor, text: str) -> list[Sent]:
    """The sentences of ``text``, whose entities fail the test when a rule reads them."""
    return sentences_from_spacy(extractor.nlp(text), 0, _unread)


def sent(words: list[tuple[str, str, str]], ents: list[Ent] | None = None) -> Sent:
    """A hand-built sentence of (text, lemma, part of speech) words, one space apart."""
    toks, at = [], 0
    for i, (text, lemma, pos) in enumerate(words):
        toks.append(Tok(i, text, lemma, pos, "", "", i, at, at + len(text)))
        at += len(text) + 1
    return Sent(0, at - 1, " ".join(w for w, _, _ in words), toks, ents if ents is not None else [])


class Unread:
    """Entities that fail the test when they are read."""

    def ents(self, start):
        raise AssertionError("the entities were read")


# --- Persons: what a sentence teaches waits until a later sentence asks for one of its words -------------

WU = Named("Wu Dawei", "China", "person")


def test_a_lesson_waits_until_one_of_its_words_is_asked():
    persons, taught = Persons(), []
    persons.learn(frozenset({"wu", "dawei"}), lambda known: (taught.append("wu"), known.update(wu=WU)))
    assert persons and not taught
    assert persons.get("lee") is None and not taught   # a word no lesson may teach
    assert persons.get("wu") is WU and taught == ["wu"]
    assert persons.get("wu") is WU and taught == ["wu"]   # learned once


def test_lessons_are_learned_in_the_order_of_their_sentences():
    persons = Persons()
    persons.learn(frozenset({"lee"}), lambda known: known.update(lee=WU))
    persons.learn(frozenset({"kim"}), lambda known: known.update(kim=known.get("lee")))   # reads the first's
    assert persons.get("kim") is WU and persons.get("lee") is WU


def test_a_lesson_of_no_word_is_none():
    persons = Persons()
    persons.learn(frozenset(), lambda known: known.update(lee=WU))
    assert not persons and persons.get("lee") is None


# --- topics of the sentences a story is attributed by (Extractor._same_topic) ---------------------------

@pytest.mark.model
def test_sentences_sharing_no_noun_share_no_topic_and_read_no_entities(extractor):
    launch = sent([("missile", "missile", "NOUN"), ("flew", "fly", "VERB")])
    weather = sent([("rain", "rain", "NOUN"), ("fell", "fall", "VERB")])
    launch.names = weather.names = Unread()
    assert not extractor._same_topic(weather, [launch])


@pytest.mark.model
def test_a_shared_noun_is_a_topic_outside_names(extractor):
    launch = sent([("missile", "missile", "NOUN"), ("flew", "fly", "VERB")])
    named = sent([("Missile", "missile", "NOUN"), ("Command", "command", "NOUN"), ("said", "say", "VERB")],
                 [Ent(0, 15, "ORG", "Missile Command")])
    plain = sent([("the", "the", "DET"), ("missile", "missile", "NOUN"), ("fell", "fall", "VERB")])
    assert not extractor._same_topic(named, [launch])   # "missile" only in a name there
    assert extractor._same_topic(plain, [launch])


# --- rules that ask for the entities last ----------------------------------------------------------------

@pytest.mark.model
def test_no_person_among_no_words_reads_no_entities(extractor):
    from nkwatch.nlp.events import _person_in
    info = SentInfo(unread_sents(extractor, "Kim Jong Un met the delegation in Pyongyang.")[0], extractor.lex)
    assert not _person_in(info, set())


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Vladivostok hosted the talks in the morning.",   # a city with no preposition before it
    "The talks took place in the western sea on Monday.",   # no city at all
])
def test_a_city_no_preposition_introduces_reads_no_entities(extractor, text):
    from nkwatch.nlp.places import _candidates
    info = SentInfo(unread_sents(extractor, text)[0], extractor.lex)
    assert all(hit is not None for _, hit, _, _, _ in _candidates(info, extractor.lex))


@pytest.mark.model
@pytest.mark.parametrize("text, words, beside", [
    ("KCNA reported the launch.", "KCNA", False),
    ("A KCNA reporter said the launch failed.", "A KCNA reporter", True),
])
def test_a_person_beside_the_sources_needs_a_word_outside_them(extractor, text, words, beside):
    from nkwatch.nlp.attribution import _beside_sources
    info = SentInfo(unread_sents(extractor, text)[0], extractor.lex)
    assert _beside_sources(info, 0, len(words)) is beside


@pytest.mark.model
def test_a_cue_with_no_ordinal_reads_no_series(extractor):
    from nkwatch.nlp.merge import _ordinal
    info = SentInfo(unread_sents(extractor, "It was the launch since June.")[0], extractor.lex)

    class Cand:
        pass
    c = Cand()
    c.info, c.head = info, next(t.i for t in info.sent.toks if t.text == "launch")
    assert _ordinal(c) is None
