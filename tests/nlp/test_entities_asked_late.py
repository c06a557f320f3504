"""Rules that read a block's entities (``records.Names``: the entity recognizer runs on the block the
first time) only when what they found without them leaves the answer open; what they answer is what
reading the entities first gives."""
from __future__ import annotations

import pytest

from nkwatch.nlp.records import Ent, Sent, Tok


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
