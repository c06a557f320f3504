"""Per-sentence view: the vocabulary hits of every data table, mapped to the sentence's tokens, and
the syntactic neighbourhood ("scope") of a word that the rules of the other modules look in."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial

from .lexicon import COUNTED_CONTEXTS, Lexicon, Named
from .phrases import Hit, NormText, ScannedText, normalize
from .records import Sent, Tok

# Dependencies that start another clause: a cue's scope does not descend into them.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj", "xcomp", "relcl", "parataxis", "csubj", "cc", "punct", "mark",
                         "acl", "appos", "preconj"})
NOUN_SKIP_DEPS = frozenset({"relcl", "acl", "appos", "conj", "cc", "punct", "parataxis"})
WINDOW = 4
# word lists whose words, inside a civilian name, do not count (SentInfo.context)
_MASKED = frozenset({"military", "troops", "facility"})
# a romanized Korean given name as the wires hyphenate it ("Yong-hyun", "In-ho"), after one space
_GIVEN_NAME = re.compile(r" [A-Z][a-z]+-[a-z]+\b")


class Persons:
    """The persons named so far in a document with their state, by each word of their name (None: a word
    of the names of persons of two states): what ``SentInfo.remember_persons`` learns, read by
    ``SentInfo.actors``. A sentence's lesson waits until a word it may teach is asked for (it reads the
    entities, which tell the words of a person's name); then every lesson waiting is learned, in the
    order of the sentences, and the answer is the one learning them at once would have given."""

    def __init__(self) -> None:
        self._known: dict[str, Named | None] = {}
        self._waiting: list[tuple[frozenset[str], Callable[[dict[str, Named | None]], None]]] = []

    def __bool__(self) -> bool:
        return bool(self._known or self._waiting)

    def get(self, word: str) -> Named | None:
        if any(word in words for words, _ in self._waiting):
            waiting, self._waiting = self._waiting, []
            for _, lesson in waiting:
                lesson(self._known)
        return self._known.get(word)

    def learn(self, words: frozenset[str], lesson: Callable[[dict[str, Named | None]], None]) -> None:
        """``lesson``: an update of the persons known that sets none but ``words``."""
        if words:
            self._waiting.append((words, lesson))


def _learn(names: list[tuple[Named, list[Tok]]], known: dict[str, Named | None]) -> None:
    """Each word of each name the tagger marks as a person's, of the name's state (``remember_persons``)."""
    for actor, words in names:
        words = [w for w in words if w.ent == "PERSON"]
        person = Named(" ".join(w.text for w in sorted(words, key=lambda w: w.i)), actor.country, "person")
        for w in words:
            key = w.text.lower()
            prior = known.get(key, person)
            known[key] = person if prior and prior.country == person.country else None


@dataclass
class SentInfo:
    sent: Sent
    lex: Lexicon
    # the persons named before in the document with their state, by each word of their name (None: a word of
    # the names of persons of two states); read by ``actors``, extended by ``remember_persons``
    persons: Persons = field(default_factory=Persons)
    nt: NormText = field(init=False)

    def __post_init__(self) -> None:
        s = self.sent
        self.nt = normalize(s.text)
        # phrase hits come in sentence-relative offsets: shift them to document offsets
        self._shift = s.start

    @cached_property
    def _scanned(self) -> ScannedText:
        """The sentence read once for every phrase index of the lexicon (``Lexicon.sentence_scan``), hits in
        document offsets."""
        return self.lex.sentence_scan.scan(self.nt, self._shift)

    def _hits(self, index) -> list[Hit]:
        return self._scanned.find(index)

    def find(self, index) -> list[Hit]:
        """Hits of any phrase index in this sentence (document offsets), computed once per index."""
        cache = self.__dict__.setdefault("_found", {})
        if id(index) not in cache:
            cache[id(index)] = self._hits(index)
        return cache[id(index)]

    @cached_property
    def weapons(self) -> list[Hit]:
        return self._hits(self.lex.weapons)

    @cached_property
    def cues(self) -> list[Hit]:
        return self._hits(self.lex.cues)

    @cached_property
    def actors(self) -> list[Hit]:
        """Actor names; "the South" read as "South" (for "the reclusive South") is no actor at the
        head of a longer name ("South Phyongan Province", "South Africa", "North Macedonia") nor in lower
        case ("north of Seoul"), and a surname alone is none before another person's given name."""
        found = [h for h in self._hits(self.lex.actors)
                 if not (h.phrase in self.lex.bare_aliases and (self._name_goes_on(h.end) or self._lower(h.start)))
                 and not (h.phrase in self.lex.surnames and self._given_name_follows(h.end))]
        return found + self._persons_again(found)

    def _lower(self, start: int) -> bool:
        """Is the word at ``start`` in lower case ("north of the capital": a direction, not "the North")?"""
        return self.sent.text[start - self.sent.start:][:1].islower()

    def _persons_again(self, found: list[Hit]) -> list[Hit]:
        """The persons named before with their state and named here by their name alone ("Chinese Vice
        Foreign Minister Wu Dawei ... Wu met", "Mr Wen"): a proper noun that is a word of their name."""
        if not self.persons:
            return []
        taken = {i for h in found for i in self.toks_of(h)}
        return [Hit(t.start, t.end, t.text.lower(), (person,)) for t in self.sent.toks
                if t.pos == "PROPN" and t.i not in taken and (person := self.persons.get(t.text.lower()))
                and all(self.persons.get(w.text.lower()) is person for w in self._name_words(t))]

    def _name_words(self, tok) -> list:
        """The other words of the person's name a proper noun is part of ("Alexander" in "Colonel General
        Alexander Fomin": Fomin), those the tagger marks as a person's name."""
        sent = self.sent
        head = sent.toks[tok.head] if tok.dep == "compound" and tok.head != tok.i else tok
        return [w for w in [head] + sent.kids(head.i) if w.i != tok.i and w.pos == "PROPN"
                and (w is head or w.dep == "compound") and w.ent == "PERSON"]

    def remember_persons(self) -> None:
        """Learn the persons this sentence names with their state, a state name or adjective on their name
        or on the office it is in apposition to ("Chinese Premier Wen Jiabao", "Russia's Sergey Lavrov",
        "U.S. envoy John Lee"), for the sentences after it: each word of
        the name the tagger marks as a person's, not an office ("Premier", "Foreign Minister"); a word of
        the names of persons of two states ("U.S. envoy John Lee", "Chinese diplomat Lee Bo") names none.
        Learned when a later sentence asks for one of the words (``Persons``)."""
        names = self._state_names()
        self.persons.learn(frozenset(w.text.lower() for _, words in names for w in words), partial(_learn, names))

    def _state_names(self) -> list[tuple[Named, list[Tok]]]:
        """(state actor, the proper nouns of the name it stands on) for each actor of a state on a name,
        before the tagger tells which of the words name a person."""
        sent = self.sent
        actors = [h for h in self.actors if h.values[0].country and h.values[0].kind != "person"]
        taken = {i for h in self.actors for i in self.toks_of(h)}
        out = []
        for h in actors:
            for i in self.toks_of(h):
                tok = sent.toks[i]
                if tok.dep not in ("amod", "compound", "poss") or tok.head == i:
                    continue
                name = sent.toks[tok.head]
                while name.dep == "compound" and name.head != name.i and sent.toks[name.head].pos == "PROPN":
                    name = sent.toks[name.head]   # "Chinese Vice Foreign Minister Wu Dawei": up the title to the name
                if name.pos != "PROPN":   # "U.S. envoy John Lee", "the North's foreign minister, Ri Yong Ho"
                    name = next((k for k in sent.kids(name.i) if k.dep == "appos" and k.pos == "PROPN"), None)
                if name is None:
                    continue
                words = [k for k in sent.kids(name.i) if k.dep == "compound"] + [name]
                words = [w for w in words if w.pos == "PROPN" and w.i not in taken]
                if words:   # (not the words of an actor's own name, "Korean People's Army")
                    out.append((h.values[0], words))
        return out

    def _name_goes_on(self, end: int) -> bool:
        rest = self.sent.text[end - self.sent.start:].lstrip(" ")
        return rest[:1].isupper() and rest[:1].isalpha()

    def _given_name_follows(self, end: int) -> bool:
        """Does a hyphenated given name follow ("Kim Yong-hyun", "Kim In-ho")? Then the surname before it
        names another person than the actor whose surname alone it is."""
        return bool(_GIVEN_NAME.match(self.sent.text, end - self.sent.start))

    @cached_property
    def places(self) -> list[Hit]:
        return self._hits(self.lex.places)

    @cached_property
    def sources(self) -> list[Hit]:
        return self._hits(self.lex.sources)

    @cached_property
    def reporting(self) -> list[Hit]:
        return self._hits(self.lex.reporting)

    @cached_property
    def source_preps(self) -> list[Hit]:
        return self._hits(self.lex.source_preps)

    def context(self, name: str) -> list[Hit]:
        """Hits of a [context] word list; a word inside a civilian name ("Youth Shock Brigade",
        "class education base": [context] civilian) is none of the military lists' words."""
        index = self.lex.contexts.get(name)
        if index is None:
            return []
        hits = self.find(index)
        if (counted := COUNTED_CONTEXTS.get(name)) in self.lex.contexts:
            hits = hits + [h for h in self.find(self.lex.contexts[counted]) if self._counted(h)]
        if name in _MASKED and (civil := self.context("civilian")):
            hits = [h for h in hits if not any(c.start <= h.start and h.end <= c.end for c in civil)]
        return hits

    def _counted(self, hit: Hit) -> bool:
        """Does a number count the words of the hit ("some 8,000 North Koreans")?"""
        head = self.head_of(hit)
        return head is not None and any(k.dep == "nummod" for k in self.sent.kids(head))

    # --- token helpers -------------------------------------------------------------------------------
    def toks_of(self, hit: Hit) -> list[int]:
        return self.sent.tokens_in(hit.start, hit.end)

    def head_of(self, hit: Hit) -> int | None:
        return self.sent.root_of(self.toks_of(hit))

    def scope(self, head: int) -> set[int]:
        """The words a cue governs in its own clause: for a verb its arguments and adjuncts, for a
        noun its modifiers and complements (no relative clauses)."""
        tok = self.sent.toks[head]
        skip = CLAUSE_DEPS if tok.pos in ("VERB", "AUX") or tok.tag.startswith("VB") else NOUN_SKIP_DEPS
        return self.sent.subtree(head, skip)

    def near(self, head: int, cue_toks: list[int]) -> set[int]:
        lo = max(0, min(cue_toks) - WINDOW)
        hi = min(len(self.sent.toks), max(cue_toks) + WINDOW + 1)
        return self.scope(head) | set(range(lo, hi))

    def hits_in(self, hits: list[Hit], idx: set[int], exclude: Hit | None = None) -> list[Hit]:
        out = []
        for h in hits:
            if exclude is not None and h.start < exclude.end and exclude.start < h.end:
                continue
            if any(i in idx for i in self.toks_of(h)):
                out.append(h)
        return out

    def countries(self) -> set[str]:
        return {v.country for h in self.actors for v in h.values if v.country}
