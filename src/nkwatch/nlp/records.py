"""Plain records of what spaCy found (sentences, tokens, entities), in original-text offsets.

``sentences_from_spacy`` is the single place that reads spaCy objects; every later stage works on
these records, so spaCy objects never leave this package and rules can be tested on hand-built
sentences."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple


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
    ent: str = ""   # entity label the token belongs to


@dataclass(frozen=True)
class Ent:
    start: int
    end: int
    label: str
    text: str


@dataclass
class Sent:
    start: int
    end: int
    text: str                    # the document text [start, end)
    toks: list[Tok]
    ents: list[Ent] = field(default_factory=list)

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
        out, stack = set(), [i]
        while stack:
            k = stack.pop()
            out.add(k)
            stack += [c for c in self.children.get(k, []) if self.toks[c].dep not in skip_deps]
        return out

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


def sentences_from_spacy(sdoc, base: int) -> list[Sent]:
    """Convert a spaCy Doc of a text that starts at ``base`` in the original document."""
    sents = []
    for s in sdoc.sents:
        first = s.start
        toks = [Tok(t.i - first, t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i - first,
                    base + t.idx, base + t.idx + len(t.text), t.ent_type_) for t in s]
        ents = [Ent(base + e.start_char, base + e.end_char, e.label_, e.text) for e in s.ents]
        start, end = base + s.start_char, base + s.end_char
        sents.append(Sent(start, end, s.text, toks, ents))
    return sents
