"""Plain records of what spaCy found (sentences, tokens, entities), in original-text offsets.

``sentences_from_spacy`` is the single place that reads spaCy objects; every later stage works on
these records, so spaCy objects never leave this package and rules can be tested on hand-built
sentences.

Named entities can be found lazily: a block parsed without spaCy's entity components gets one
``Names`` for its sentences, which runs them on the block's Doc the first time an entity label
(``Tok.ent``) or a sentence's entities (``Sent.ents``) are read there. Most blocks parsed are
never asked; those asked get the entities the full pipeline would have set (the entity
recognizer reads only the words, and a Doc is recognized alone as within a batch)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple, Union

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, TAG
from spacy.parts_of_speech import NAMES as _POS_NAMES

_STRING_ATTRS = [ORTH, LEMMA, POS, TAG, DEP, ENT_TYPE]  # string ids (POS: a part-of-speech id)
_NUMBER_ATTRS = [HEAD, IDX]
_LABEL_ATTRS = [IDX, ENT_TYPE]


class Tok(NamedTuple):
    """One token (a named tuple: made for every token parsed, it must be quick to build)."""
    i: int          # index within its sentence
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int       # sentence index of the head (itself for the root)
    start: int      # offsets into the document's original text
    end: int
    names: Union[str, "Names"] = ""  # entity label the token belongs to, or its block's Names

    @property
    def ent(self) -> str:
        """Entity label the token belongs to ("" outside entities)."""
        names = self.names
        return names if names.__class__ is str else names.label(self.start)


@dataclass(frozen=True)
class Ent:
    start: int
    end: int
    label: str
    text: str


class Names:
    """The named entities of one parsed block, found when first asked for: ``find`` (spaCy's
    entity components) runs on the block's Doc then, once."""
    __slots__ = ("_doc", "_base", "_find", "_labels", "_ents")

    def __init__(self, doc, base: int, find: Callable) -> None:
        self._doc, self._base, self._find = doc, base, find
        self._labels: dict[int, str] | None = None
        self._ents: dict[int, list[Ent]] = {}

    def _found(self) -> dict[int, str]:
        if self._labels is None:
            doc, base = self._find(self._doc), self._base
            self._doc = None
            strings = doc.vocab.strings
            offsets, labels = doc.to_array(_LABEL_ATTRS).T.tolist()
            self._labels = {base + at: strings[label] for at, label in zip(offsets, labels)}
            self._ents = {base + s.start_char: _ents(s, base) for s in doc.sents}
        return self._labels

    def label(self, start: int) -> str:
        """Entity label of the token that starts at ``start`` (document offset)."""
        return self._found()[start]

    def ents(self, start: int) -> list[Ent]:
        """Entities of the sentence that starts at ``start`` (document offset)."""
        self._found()
        return self._ents[start]


CONJ = frozenset({"conj"})            # ``Sent.climb``: to the first conjunct
COMPOUND = frozenset({"compound"})    # ... to the noun a chain of compounds modifies


@dataclass
class Sent:
    start: int
    end: int
    text: str                    # the document text [start, end)
    toks: list[Tok]
    names: Union[list[Ent], Names] = field(default_factory=list)  # its entities, or its block's Names

    @property
    def ents(self) -> list[Ent]:
        names = self.names
        return names if names.__class__ is list else names.ents(self.start)

    @property
    def closed(self) -> bool:
        """Is it closed by a full stop (quotes and brackets after it aside), not a headline or a caption line?"""
        return self.text.rstrip().rstrip("\"'\u201d\u2019)").endswith((".", "!", "?", "\u2026"))

    @cached_property
    def children(self) -> dict[int, list[int]]:
        kids: dict[int, list[int]] = {}
        for t in self.toks:
            if t.head != t.i:
                kids.setdefault(t.head, []).append(t.i)
        return kids

    def kids(self, i: int) -> list[Tok]:
        return [self.toks[k] for k in self.children.get(i, [])]

    def subtree(self, i: int, skip_deps: frozenset[str] = frozenset()) -> set[int]:
        """Token indices under i (i included), not descending into children with a dep in skip_deps."""
        children, toks = self.children, self.toks
        out, stack = set(), [i]
        while stack:
            k = stack.pop()
            out.add(k)
            for c in children.get(k, ()):
                if toks[c].dep not in skip_deps:
                    stack.append(c)
        return out

    def prep_objects(self, heads: list[int], preps: tuple[str, ...]) -> set[int]:
        """The objects of the phrases that one of ``preps`` opens on one of ``heads`` ("fired at the drones")."""
        return {g.i for h in heads for k in self.kids(h) if k.dep == "prep" and k.text.lower() in preps
                for g in self.kids(k.i) if g.dep == "pobj"}

    def climb(self, i: int, deps: frozenset[str]) -> int:
        """Token ``i``, or the token it hangs from through links of ``deps`` only (``CONJ``: the first of
        the conjuncts it is one of, "troops and weapons" for "weapons")."""
        toks = self.toks
        while toks[i].dep in deps and toks[i].head != i:
            i = toks[i].head
        return i

    def verb_above(self, i: int) -> int | None:
        """The nearest verb (or auxiliary) at or above token ``i``: the verb of its clause."""
        return next((a for a in [i] + self.ancestors(i) if self.toks[a].pos in ("VERB", "AUX")), None)

    def phrase(self, idx: set[int] | list[int]) -> str:
        """The text from the first to the last of the given tokens."""
        start, end = self.char_span(idx)
        return self.text[start - self.start:end - self.start]

    def ancestors(self, i: int) -> list[int]:
        out, k = [], i
        while self.toks[k].head != k and len(out) < len(self.toks):
            k = self.toks[k].head
            out.append(k)
        return out

    @cached_property
    def _bounds(self) -> tuple[list[int], list[int]]:
        return [t.start for t in self.toks], [t.end for t in self.toks]

    def tokens_in(self, start: int, end: int) -> list[int]:
        """Indices of tokens overlapping [start, end) (original offsets): a run of them, found by
        bisection (tokens are in text order and do not overlap)."""
        starts, ends = self._bounds
        return list(range(bisect_right(ends, start), bisect_left(starts, end)))

    def root_of(self, idx: list[int]) -> int | None:
        """The token of idx whose head lies outside idx (the syntactic head of a phrase)."""
        s = set(idx)
        for i in idx:
            if self.toks[i].head not in s or self.toks[i].head == i:
                return i
        return idx[0] if idx else None

    def char_span(self, idx: set[int] | list[int]) -> tuple[int, int]:
        toks = [self.toks[i] for i in idx]
        return min(t.start for t in toks), max(t.end for t in toks)


def sentences_from_spacy(sdoc, base: int, find_names: Callable | None = None) -> list[Sent]:
    """Convert a spaCy Doc of a text that starts at ``base`` in the original document. With
    ``find_names`` (spaCy's entity components, which did not run on it), entities are found when
    they are first read (``Names``). The tokens' values are read from the Doc's arrays (no spaCy
    Token object is made: each costs more than the record)."""
    names = Names(sdoc, base, find_names) if find_names is not None else None
    strings, text = sdoc.vocab.strings, sdoc.text
    orths, lemmas, pos_ids, tags, deps, labels = sdoc.to_array(_STRING_ATTRS).T.tolist()
    heads, offsets = sdoc.to_array(_NUMBER_ATTRS).view("int64").T.tolist()  # HEAD: relative, signed
    sents = []
    for s in sdoc.sents:
        first = s.start
        toks = []
        for i in range(first, s.end):
            word, at = strings[orths[i]], base + offsets[i]
            toks.append(Tok(i - first, word, strings[lemmas[i]], _POS_NAMES[pos_ids[i]], strings[tags[i]],
                            strings[deps[i]], i + heads[i] - first, at, at + len(word), names or strings[labels[i]]))
        sents.append(Sent(base + s.start_char, base + s.end_char, text[s.start_char:s.end_char], toks,
                          names or _ents(s, base)))
    return sents


def _ents(s, base: int) -> list[Ent]:
    return [Ent(base + e.start_char, base + e.end_char, e.label_, e.text) for e in s.ents]
