"""Quicker equivalents of two stock components of the English model, setting the same values.

The model's attribute ruler runs a spaCy Matcher of 179 one- and two-token patterns over every
token, and its rule lemmatizer caches only some of its answers (a base form is worked out again
each time); on the short paragraphs the cascade parses they cost as much as the parser itself.
``FastAttributeRuler.match`` finds the same matches as the Matcher (patterns indexed by the value
one of their predicates requires, every predicate then tested on the candidates alone) and
``set_annotations`` leaves each token what applying them one by one in their order leaves;
``FastLemmatizer`` caches every lemma by all the rule lemmatizer reads of a token (its text, part of
speech and morphology), and its index of known forms is made of sets. A pattern with a predicate the quick matcher does not know keeps the stock
attribute ruler.

``numpy_products`` makes the model's layers multiply their matrices with NumPy's BLAS (OpenBLAS in
the NumPy wheels) instead of thinc's default BLIS kernels: the same products to within float
rounding, about three times quicker on the CPUs measured here (README "Performance"); the parse,
tags, lemmas and entities came out identical on every text compared (tests/nlp/test_spacy_speed.py).
OpenBLAS is held to one thread: a worker is one core, and its threads would only contend for it.
"""
from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

_COLUMN = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_KNOWN_TOKENS = 200_000  # tokens (by their four values) whose one-token matches are kept


class _Unsupported(Exception):
    pass


def _predicate(name: str, value, strings):
    """(column, test on the column's value) of one token predicate of a pattern, as the Matcher
    reads it: string attributes compared by their hash, REGEX searched in the string."""
    if name not in _COLUMN:
        raise _Unsupported(name)
    col = _COLUMN[name]
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise _Unsupported(value)
        want = int(value)
        return col, lambda v: v == want
    if isinstance(value, str):
        want = get_string_id(value)
        return col, lambda v: v == want
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            wanted = frozenset(get_string_id(v) for v in arg)
            return col, lambda v: v in wanted
        if op == "NOT_IN":
            unwanted = frozenset(get_string_id(v) for v in arg)
            return col, lambda v: v not in unwanted
        if op == "REGEX":
            regex = re.compile(arg)
            return col, lambda v: bool(regex.search(strings[v]))
    raise _Unsupported(value)


class _Pattern:
    def __init__(self, attr_id: int, match_id: int, specs: list[dict], strings):
        self.attr_id, self.match_id, self.size = attr_id, match_id, len(specs)
        self.tests = [[_predicate(k, v, strings) for k, v in spec.items()] for spec in specs]
        first = specs[0]
        # the index key: an equality (or IN) on LOWER, else on TAG; else the pattern is tried everywhere
        self.keys: tuple[int, tuple] | None = None
        for name in ("LOWER", "TAG"):  # a word is the rarer key
            value = first.get(name)
            if isinstance(value, str):
                self.keys = (_COLUMN[name], (get_string_id(value),))
                break
            if isinstance(value, dict) and list(value) == ["IN"]:
                self.keys = (_COLUMN[name], tuple(get_string_id(v) for v in value["IN"]))
                break

    def matches(self, rows: list, i: int) -> bool:
        return self.first_matches(rows[i]) and self.rest_matches(rows, i)

    def first_matches(self, row: list) -> bool:
        """Do the predicates of the pattern's first token hold for ``row``?"""
        return all(test(row[col]) for col, test in self.tests[0])

    def rest_matches(self, rows: list, i: int) -> bool:
        """Do the tokens after ``i`` (as many as the pattern has) meet their predicates?"""
        if i + self.size > len(rows):
            return False
        return all(test(rows[i + k][col]) for k in range(1, self.size) for col, test in self.tests[k])


class FastAttributeRuler(AttributeRuler):
    """The attribute ruler with quicker matching (same matches, same order of application)."""

    def _prepare_fast(self) -> None:
        strings = self.vocab.strings
        # [one-token patterns, longer ones]: by the TAG value they require, by the LOWER value, anywhere
        indexes: list[tuple[dict[int, list[_Pattern]], dict[int, list[_Pattern]], list[_Pattern]]] = [
            ({}, {}, []), ({}, {}, [])]
        for attr_id in range(len(self.attrs)):
            key = str(attr_id)
            match_id = strings.add(key)
            for specs in self.matcher.get(key)[1]:
                if not specs or any("OP" in spec or not spec for spec in specs):
                    raise _Unsupported(specs)
                pattern = _Pattern(attr_id, match_id, specs, strings)
                by_tag, by_lower, everywhere = indexes[pattern.size > 1]
                if pattern.keys is None:
                    everywhere.append(pattern)
                else:
                    col, values = pattern.keys
                    for v in values:
                        (by_tag if col == _COLUMN["TAG"] else by_lower).setdefault(v, []).append(pattern)
        self._fast = indexes
        self._one_token: dict[tuple, tuple[tuple[tuple[int, int], ...], tuple[_Pattern, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    def match(self, doc: Doc):
        """The stock ``match``: (attribute id, match id, start, end) of every match, sorted. What
        one-token patterns match, and which longer ones can start, depends on the token's four
        values alone: both are kept for each."""
        known = self._one_token
        if len(known) > _KNOWN_TOKENS:
            known.clear()
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        found = set()
        for i, row in enumerate(rows):
            key = tuple(row)
            entry = known.get(key)
            if entry is None:
                entry = known[key] = self._token_matches(row)
            hits, starts = entry
            for attr_id, match_id in hits:
                found.add((attr_id, match_id, i, i + 1))
            for pattern in starts:
                if pattern.rest_matches(rows, i):
                    found.add((pattern.attr_id, pattern.match_id, i, i + pattern.size))
        return sorted(found)

    def _token_matches(self, row: list) -> tuple[tuple[tuple[int, int], ...], tuple[_Pattern, ...]]:
        """(attribute id, match id) of the one-token patterns a token with these values matches, and
        the longer patterns whose first token it can be."""
        (by_tag, by_lower, everywhere), (long_by_tag, long_by_lower, long_everywhere) = self._fast
        hits = tuple((p.attr_id, p.match_id) for p in (*by_tag.get(row[0], ()), *by_lower.get(row[1], ()), *everywhere)
                     if p.first_matches(row))
        starts = tuple(p for p in (*long_by_tag.get(row[0], ()), *long_by_lower.get(row[1], ()), *long_everywhere)
                       if p.first_matches(row))
        return hits, starts

    def set_annotations(self, doc: Doc, matches) -> None:
        """Each token gets the attributes of its matches, a later rule's over an earlier one's
        (what setting them match by match, in order, leaves)."""
        per_token: dict[int, list[int]] = {}
        for attr_id, _match_id, start, end in matches:
            index = self.indices[attr_id]
            position = start + index if index >= 0 else end + index
            if not start <= position < end:
                return super().set_annotations(doc, matches)  # the stock error message
            per_token.setdefault(position, []).append(attr_id)
        merged = self._merged
        for position, attr_ids in per_token.items():
            key = tuple(attr_ids)
            attrs = merged.get(key)
            if attrs is None:
                attrs = merged[key] = {k: v for a in key for k, v in self.attrs[a].items()}
            set_token_attrs(doc[position], attrs)


class FastLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer with every answer cached by (text, POS, morphology), all it reads
    of a token; tokens that have a lemma already (from the attribute ruler) keep it."""

    def __call__(self, doc: Doc) -> Doc:
        if self.overwrite or self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        cache = self.__dict__.setdefault("_lemmas", {})
        strings = self.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                found = strings.add(self.lemmatize(doc[i])[0])
                if pos:   # no POS: the stock lemmatizer warns each time, never cached
                    cache[key] = found
            rows[i, 3] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], rows[:, 3:4])
        return doc


def _index_as_sets(lemmatizer: EnglishLemmatizer) -> None:
    """The rule lemmatizer's index of known forms per part of speech as sets: the stock
    ``rule_lemmatize`` only asks whether a form is in it, and the model ships lists (of up to 57,000
    words, scanned for each form)."""
    table = lemmatizer.lookups.get_table("lemma_index", None)
    for pos, forms in list((table or {}).items()):
        table[pos] = frozenset(forms)


def numpy_products(nlp: Language) -> Language:
    """Every layer of the model's trainable components multiplies with NumPy's BLAS, on one thread
    (module docstring)."""
    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops
    return nlp


def speed_up(nlp: Language, products: str = "numpy") -> Language:
    """Swap the attribute ruler and the English lemmatizer for the quicker equivalents above, and
    (``products="numpy"``) the matrix products for NumPy's."""
    if products == "numpy":
        numpy_products(nlp)
    for name, proc in nlp.pipeline:
        try:
            if type(proc) is AttributeRuler:
                proc.__class__ = FastAttributeRuler
                try:
                    proc._prepare_fast()
                except _Unsupported:
                    proc.__class__ = AttributeRuler
            elif type(proc) is EnglishLemmatizer:
                proc.__class__ = FastLemmatizer
                _index_as_sets(proc)
        except TypeError:  # a layout __class__ cannot take: the stock component
            pass
    return nlp
