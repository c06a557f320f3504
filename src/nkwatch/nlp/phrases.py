"""Vocabulary matching: Aho-Corasick over a normalized copy of the text, offsets mapped back.

Normalization lower-cases, unifies apostrophes, turns hyphens and dashes into spaces and collapses
whitespace, so "Test-fired", "test fired" and "test  fired" are one phrase. Matches must start and
end at word boundaries. Used both for extraction and for the cheap relevance pre-filter.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import ahocorasick

_APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "`")
_SPACE_LIKE = "-\u2010\u2011\u2012\u2013\u2014\u2212_/"
# \s matches exactly the characters str.isspace() accepts
_SPACE_RUN = re.compile(rf"[\s{re.escape(_SPACE_LIKE)}]+")
_LONG_SPACE_RUN = re.compile(rf"[\s{re.escape(_SPACE_LIKE)}]{{2,}}")
# the runs that differ from one space: longer ones, and a single other character ("-", a tab).
# Replacing only these leaves what replacing every run leaves, but skips the single spaces between
# words (most runs), and the pattern starts with a character class, which the regex engine scans for.
_RUN_TO_SPACE = re.compile(rf"[\s{re.escape(_SPACE_LIKE)}](?:[\s{re.escape(_SPACE_LIKE)}]+|(?<! ))")


@dataclass(frozen=True)
class NormText:
    """A normalized copy of a text and the way back to original offsets: the kept characters
    (every character but the ones dropped from runs of spaces) in pieces that each follow the
    original text one to one; ``starts`` (position in the kept characters) and ``origins``
    (original offset) of each piece's first character."""
    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]
    original_length: int

    def offset(self, position: int) -> int:
        """Original offset of the character at ``position``."""
        piece = bisect_right(self.starts, position) - 1
        return self.origins[piece] + position - self.starts[piece]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalized slice [start, end)."""
        return self.offset(start), self.offset(end - 1) + 1


def normalize(text: str) -> NormText:
    """Runs of spaces and space-like characters become one space (none at the start), every other
    character is lower-cased on its own. Built with regular expressions over the whole text, as
    it runs on every block and sentence: only runs longer than one character, where characters
    are dropped, start a new piece of the offset map."""
    text_ = text
    for apostrophe in _APOSTROPHES:  # str.replace: much quicker than str.translate with a table
        if apostrophe in text_:
            text_ = text_.replace(apostrophe, "'")
    lead = _SPACE_RUN.match(text_)
    removed = lead.end() if lead else 0
    starts, origins = [0], [removed]
    for run in _LONG_SPACE_RUN.finditer(text_, removed):
        start, end = run.span()
        removed_before = removed
        removed += end - start - 1
        starts.append(start - removed_before + 1)
        origins.append(end)
    return NormText(_lower(_RUN_TO_SPACE.sub(" ", text_[lead.end() if lead else 0:])), tuple(starts),
                    tuple(origins), len(text))


def _lower(text: str) -> str:
    """Each character lower-cased on its own: str.lower of a whole text applies the Greek
    final-sigma rule, which no single character does."""
    return text.lower() if "\u03a3" not in text else "".join(ch.lower() for ch in text)


def norm_phrase(phrase: str) -> str:
    return normalize(phrase).text.strip()


@dataclass(frozen=True)
class Hit:
    start: int          # original offsets
    end: int
    phrase: str         # the normalized phrase that matched
    values: tuple       # payloads registered for that phrase


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _automaton(payloads: dict[str, Any]) -> ahocorasick.Automaton:
    """An automaton of phrases (normalized) -> (phrase, payload, whether it starts and whether it ends with
    a word character), the layout ``_matches`` reads."""
    automaton = ahocorasick.Automaton()
    for key, payload in payloads.items():
        automaton.add_word(key, (key, payload, _is_word_char(key[0]), _is_word_char(key[-1])))
    if payloads:
        automaton.make_automaton()
    return automaton


def _matches(automaton: ahocorasick.Automaton, text: str) -> Iterator[tuple[int, int, str, Any]]:
    """(start, end, phrase, payload) of each match at word boundaries in a normalized text: a phrase that
    starts (ends) with a word character must not have one before (after) it. The one boundary rule of
    ``PhraseIndex`` and ``PhraseScan``, which depends on the phrase and the text alone."""
    size = len(text)
    for end_idx, (key, payload, word_first, word_last) in automaton.iter(text):
        start = end_idx - len(key) + 1
        if word_first and start > 0 and text[start - 1].isalnum():
            continue
        if word_last and end_idx + 1 < size and text[end_idx + 1].isalnum():
            continue
        yield start, end_idx + 1, key, payload


def _hits(nt: NormText, matches: Iterable[tuple[int, int, str, tuple]], shift: int = 0) -> list[Hit]:
    """Hits (original offsets plus ``shift``) of matches in ``nt.text``, in the order given. A text of
    one piece (no run of spaces shortened after its start) moves every offset by the same amount."""
    if len(nt.starts) == 1:
        base = nt.origins[0] + shift
        return [Hit(start + base, end + base, key, values) for start, end, key, values in matches]
    hits = []
    for start, end, key, values in matches:
        start, end = nt.original(start, end)
        hits.append(Hit(start + shift, end + shift, key, values))
    return hits


def _in_order(hits: list[Hit]) -> list[Hit]:
    """Sorted by position, the longer first at one start (sorted in place; returned)."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return hits


def _leftmost_longest(hits: list[Hit]) -> list[Hit]:
    """The longest hits first, each kept unless it overlaps one kept before; by position."""
    if len(hits) < 2:  # most texts hold no phrase of a table: nothing to choose (a new list either way)
        return hits
    chosen: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


class PhraseIndex:
    """Phrases (normalized) -> payloads; finds them in texts at word boundaries."""

    def __init__(self, entries: Iterable[tuple[str, Any]]):
        table: dict[str, list[Any]] = {}
        for phrase, value in entries:
            key = norm_phrase(phrase)
            if key:
                table.setdefault(key, [])
                if value not in table[key]:
                    table[key].append(value)
        # the phrases with their payloads, which a ``PhraseScan`` joins with other indexes' phrases
        self.table: dict[str, tuple] = {key: tuple(values) for key, values in table.items()}
        self._automaton = _automaton(self.table)
        self.size = len(table)

    def _matches(self, text: str) -> Iterator[tuple[int, int, str, tuple]]:
        """(start, end, phrase, values) of each match at word boundaries in a normalized text."""
        return _matches(self._automaton, text)

    def find_all(self, nt: NormText) -> list[Hit]:
        """Every match at word boundaries, overlapping ones included, sorted by position."""
        if not self.size:
            return []
        return _in_order(_hits(nt, self._matches(nt.text)))

    def find(self, nt: NormText) -> list[Hit]:
        """Leftmost-longest, non-overlapping matches."""
        return _leftmost_longest(self.find_all(nt))

    def contains_any(self, nt: NormText) -> bool:
        """Is there a match? (The first one answers.)"""
        return bool(self.size) and next(self._matches(nt.text), None) is not None


class PhraseScan:
    """Several phrase indexes matched in one pass over a text. The lexicon's tables (weapons, cues,
    actors, places, contexts ...) are all searched in the same sentence or block; one Aho-Corasick
    automaton of all their phrases reads the text once instead of once per table. Each phrase carries
    the indexes it belongs to with its payloads in each, so a phrase of several indexes is reported to
    every one, and the word-boundary rule depends on the phrase and the text only: an index gets
    exactly the hits it finds alone, whatever the other indexes hold. Built once (it is as large as
    the tables together); ``scan`` reads one text."""

    def __init__(self, indexes: Iterable[PhraseIndex]) -> None:
        self._slots: dict[int, int] = {}          # id of an index -> its slot
        self._indexes: list[PhraseIndex] = []     # (held, so that the ids stay theirs)
        owners: dict[str, list[tuple[int, tuple]]] = {}   # phrase -> (slot, payloads) of each index holding it
        for index in indexes:
            if id(index) in self._slots:
                continue
            slot = self._slots[id(index)] = len(self._indexes)
            self._indexes.append(index)
            for key, values in index.table.items():
                owners.setdefault(key, []).append((slot, values))
        self._automaton = _automaton({key: tuple(owned) for key, owned in owners.items()})
        self.size = len(owners)

    def __reduce__(self):
        """Pickled (or copied) as its indexes and built again: the slots go by the indexes' ids, which
        are other objects' once unpickled."""
        return PhraseScan, (self._indexes,)

    def slot(self, index: PhraseIndex) -> int | None:
        """The index's slot, None for an index the scan does not hold."""
        return self._slots.get(id(index))

    def scan(self, nt: NormText, shift: int = 0) -> ScannedText:
        """The hits of every index in a normalized text (``shift``: added to the original offsets)."""
        found: dict[int, list[tuple[int, int, str, tuple]]] = {}
        if not self.size:   # (an automaton without phrases is never made: nothing to iterate)
            return ScannedText(self, nt, shift, found)
        for start, end, key, owned in _matches(self._automaton, nt.text):
            for slot, values in owned:
                if slot in found:
                    found[slot].append((start, end, key, values))
                else:
                    found[slot] = [(start, end, key, values)]
        return ScannedText(self, nt, shift, found)


class ScannedText:
    """One text read by a ``PhraseScan``: what each of its indexes finds there, asked as of the index
    itself (``find_all``, ``find``, ``contains_any`` return what the index's methods return, offsets
    plus ``shift``). An index the scan does not hold is asked directly. Hits are made when asked: most
    tables are asked about few texts."""
    __slots__ = ("_scan", "nt", "shift", "_found")

    def __init__(self, scan: PhraseScan, nt: NormText, shift: int,
                 found: dict[int, list[tuple[int, int, str, tuple]]]) -> None:
        self._scan = scan
        self.nt = nt
        self.shift = shift
        self._found = found   # slot -> (start, end, phrase, values) of its matches in the normalized text

    def find_all(self, index: PhraseIndex) -> list[Hit]:
        """``index.find_all`` of the text: every match, sorted by position."""
        slot = self._scan.slot(index)
        if slot is None:
            return self._shifted(index.find_all(self.nt))
        matches = self._found.get(slot)
        return _in_order(_hits(self.nt, matches, self.shift)) if matches else []

    def find(self, index: PhraseIndex) -> list[Hit]:
        """``index.find`` of the text: leftmost-longest, non-overlapping matches."""
        return _leftmost_longest(self.find_all(index))

    def contains_any(self, index: PhraseIndex) -> bool:
        """``index.contains_any`` of the text: is there a match?"""
        slot = self._scan.slot(index)
        return index.contains_any(self.nt) if slot is None else slot in self._found

    def _shifted(self, hits: list[Hit]) -> list[Hit]:
        return [Hit(h.start + self.shift, h.end + self.shift, h.phrase, h.values) for h in hits] \
            if self.shift else hits


# --- inflection of vocabulary entries ------------------------------------------------------------------
_VOWELS = set("aeiou")


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "sh", "ch")):
        return word + "es" if not word.endswith("s") else word
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def noun_forms(phrase: str) -> list[str]:
    """The phrase and its plural (last word pluralized)."""
    words = phrase.split(" ")
    plural = " ".join(words[:-1] + [_plural(words[-1])])
    return [phrase] if plural == phrase else [phrase, plural]


def _doubles(word: str) -> bool:
    """Ends in one vowel and one consonant (not w, x, y), whose final consonant English may double
    before -ed/-ing: only the spelling a text uses matches, so the undoubled forms stay too."""
    return len(word) > 2 and word[-1] not in _VOWELS | set("wxy") and word[-2] in _VOWELS \
        and word[-3] not in _VOWELS and word[-1].isalpha()


def verb_forms(entry: str) -> list[str]:
    """'send:sent' -> send, sends, sent, sending, sended... (regular forms of the first word of a
    multi-word verb, plus the irregular forms given after the colon)."""
    base, _, irregular = entry.partition(":")
    head, _, rest = base.strip().partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {head}
    forms.add(_plural(head) if not head.endswith("s") else head + "es")
    if head.endswith("e"):
        forms.add(head + "d")
        forms.add((head[:-1] if not head.endswith("ee") else head) + "ing")
    elif len(head) > 1 and head.endswith("y") and head[-2] not in _VOWELS:
        forms.add(head[:-1] + "ied")
        forms.add(head + "ing")
    else:
        forms.add(head + "ed")
        forms.add(head + "ing")
        if _doubles(head):   # "jam" -> jammed, jamming; "transfer" -> transferred (both spellings kept)
            forms.add(head + head[-1] + "ed")
            forms.add(head + head[-1] + "ing")
    out = [f + tail for f in sorted(forms)]
    out += [f.strip() for f in irregular.split(",") if f.strip()]
    return out

