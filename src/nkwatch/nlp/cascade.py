"""The relevance cascade: which blocks of a document the spaCy pipeline has to parse, decided on
words alone (the lexicon's phrase indexes over the block's normalized text, no parse).

A block can *yield* a mention or a claim only when it holds
  - a cue whose requirements (``requires`` in event_cues.toml) its words can meet, or
  - a claim word of claim_properties.toml where a number can go with it: a unit right after a
    number (a prefix unit right before one), a count noun or count verb after a number, a
    casualty verb before one.
A block can *change what other blocks yield* only when
  - it speaks of a weapon or a test's traces with a reporting verb or a source preposition: its
    sources join a test told before (``events.references``), so it is parsed wherever it is (and,
    like a block that yields, it reads what attribution remembers), or
  - it names a source together with a reporting verb or a source preposition ("according to"):
    what attribution remembers, read by later sentences, and the report dates of sources, which
    need a day named in the block (``extract``: a day-precision expression of the temporal
    tagger; after the last block that can yield or refers back, only report dates are left to
    change), or
  - it is the first block and holds a statement verb (the author of a reproduced statement is
    read from the lead sentence).

A document none of whose blocks can yield is not parsed at all (it has no mention and no claim);
in the others, every block that can yield or change what others yield is parsed. What a block
only changes for others is read from its syntax and the lexicon, never from its named entities:
such a block is parsed without them (``Parse.SYNTAX``), aside from the lead holding a statement
verb (the author may be a person's name) and a block that refers back (it yields a candidate with
its sources, persons among them). Each test is a necessary condition of what it stands for,
checked on the whole block (a superset of any of its sentences), so the extraction is the same
with the cascade on or off; the requirement tests mirror ``events._requirement`` and are kept
beside it in meaning: a requirement whose words cannot be known without the parse counts as met.
"""
from __future__ import annotations

import enum
import operator
import re
from collections.abc import Callable
from itertools import accumulate

from .claims import ARTICLES
from .events import FOREIGN_PRONOUNS
from .lexicon import COUNTED_CONTEXTS, Cue, Lexicon
from .phrases import NormText, PhraseIndex, PhraseScan, ScannedText, verb_forms

# Requirements the parse alone can tell (``events._requirement``): "weapon" is waived for a
# definite noun cue ("the launch"), "counterpart" accepts a PERSON entity, "not_facility" and
# "not_conflict" and "no_X" are negative tests (an unknown name: never skipped on).
_NOT_LEXICAL = frozenset({"weapon", "counterpart", "not_facility", "not_conflict", "not_infinitive"})
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")  # runs of letters: the words a chunk like "twenty-nine," holds


# roles a context requirement names after the context (``events._requirement``): a word modifying the cue,
# its object, what a cue of giving hands over, its subject, who acts, its aim, anywhere in the sentence
_CONTEXT_ROLES = frozenset({"mod", "obj", "given", "subj", "side", "goal", "any"})


class Parse(enum.Enum):
    """How a block is parsed: not at all (false), by every component, or without named entities."""
    NO = "no"
    FULL = "full"
    SYNTAX = "syntax"

    def __bool__(self) -> bool:
        return self is not Parse.NO


class Cascade:
    """Built once from the lexicon; ``blocks_to_parse`` decides for one document."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        rules = lex.claims
        self.units = PhraseIndex((u, True) for m in rules.measures if not m.prefix for u in m.units)
        self.prefix_units = PhraseIndex((u, True) for m in rules.measures if m.prefix for u in m.units)
        self.kin_words = PhraseIndex((w, True) for w in lex.kin_modifiers)
        # "600km": a unit glued to its number is a token of its own for spaCy but no word here
        glued = sorted((re.escape(u) for m in rules.measures for u in m.units if u[:1].isalnum()),
                       key=len, reverse=True)
        self.glued_unit = re.compile(rf"\d(?:{'|'.join(glued)})") if glued else None
        # "a single": the last word of a number phrase stands for it in a chunk
        self.number_words = (frozenset(rules.number_words) | frozenset(rules.multipliers)
                             | frozenset(w.split()[-1] for w in rules.number_words))
        # words after counted words that lead to their figure: "put the toll at 300", "the toll rose to 12",
        # "casualties have reached 3,000"
        self.to_figure = frozenset({"at", "to"} | {f for v in rules.total_verbs for f in verb_forms(v)})
        self.pronouns = PhraseIndex((w, True) for w in FOREIGN_PRONOUNS)
        self.scan = self._scan()

    def _scan(self) -> PhraseScan:
        """Every phrase index the tests below read a block with, in one automaton: a block is read
        once for all of them (``PhraseScan``), as each test asks several tables of the same block."""
        lex, rules = self.lex, self.lex.claims
        indexes = [lex.actors, lex.cues, lex.weapons, lex.exercises, lex.statement_verbs, lex.sources,
                   lex.reporting, lex.source_preps, lex.references, *lex.contexts.values(),
                   self.units, self.prefix_units, self.kin_words, self.pronouns,
                   rules.count_nouns, rules.count_verbs, rules.patient_forms]
        return PhraseScan(index for index in indexes if index is not None)

    def blocks_to_parse(self, texts: list[NormText], raw: list[str],
                        names_a_day: Callable[[int], bool] = lambda i: True) -> list[Parse]:
        """For each block (normalized text, original text) of one document: how to parse it.
        ``names_a_day(i)``: may block i name a day (the temporal tagger's answer; by default,
        words alone cannot tell)."""
        # each block read once for every phrase index (``_scan``); the tests below ask its ``ScannedText``
        scanned = [self.scan.scan(nt) for nt in texts]
        # a pronoun can stand for states only once a block has named one (``_possible``, "foreign")
        stated = list(accumulate((self._names_a_state(found) for found in scanned), operator.or_))
        yields = [self._can_yield(found, text, s) for found, text, s in zip(scanned, raw, stated)]
        if not any(yields):
            return [Parse.NO] * len(yields)
        refers = [not y and self._refers(found) for y, found in zip(yields, scanned)]
        # the last block that can yield or refers back: none after it reads what attribution remembers
        last = max(i for i, (y, r) in enumerate(zip(yields, refers)) if y or r)
        return [Parse.FULL if y or r else self._for_others(found, i, last, names_a_day)
                for i, (y, r, found) in enumerate(zip(yields, refers, scanned))]

    def _names_a_state(self, found: ScannedText) -> bool:
        return any(v.country for h in found.find_all(self.lex.actors) for v in h.values)

    def _can_yield(self, found: ScannedText, text: str, stated: bool = False) -> bool:
        for hit in found.find_all(self.lex.cues):
            if any(self._requirements_possible(cue, found, stated) for cue in hit.values):
                return True
        return self._claim_possible(found, text)

    def _claim_possible(self, found: ScannedText, text: str) -> bool:
        """Can a number go with a claim word here (``claims.sentence_claims``)? A unit must be the
        token right after the number (or a multiplier: "1.5 million km"), a prefix unit the one
        right before it ("Mach 10"); a count noun is the noun the number counts and a count verb
        follows the number or that noun, so both come after a number. Word chunks of the original
        text (split at white space) are tested: a number token ends the chunk before a unit."""
        if self.glued_unit is not None and self.glued_unit.search(found.nt.text):
            return True
        # (only the chunk next to a unit is split off; a stretch holds a number token where one of its
        # chunks does, as no chunk boundary is inside a word or a digit: ``_numeric`` of the whole stretch)
        for hit in found.find_all(self.units):
            before = text[:hit.start].rsplit(None, 1)
            if before and (self._numeric(before[-1]) or before[-1].lower() in ARTICLES):  # "an hour"
                return True
        for hit in found.find_all(self.prefix_units):
            after = text[hit.end:].split(None, 1)
            if after and self._numeric(after[0]):
                return True
        rules = self.lex.claims
        counted = found.find_all(rules.count_nouns) + found.find_all(rules.count_verbs)
        if counted and self._numeric(text[:max(h.end for h in counted)]):
            return True
        # a figure after "at", "to" or a total verb given to counted words before it: "put the death toll at 300"
        after = text[min(h.start for h in counted):].lower().split() if counted else []
        if any(w in self.to_figure and any(self._numeric(c) for c in after[k + 1:k + 4]) for k, w in enumerate(after)):
            return True
        # a casualty verb before the number it counts: "killing 600", "captured two"
        patients = found.find_all(rules.patient_forms) if rules.patient_forms is not None else []
        return bool(patients) and self._numeric(text[min(h.start for h in patients):])

    def _numeric(self, chunk: str) -> bool:
        """Does a chunk of text hold a number token (digits, a number word, a multiplier)?"""
        return bool(_DIGIT.search(chunk)) or any(w in self.number_words for w in _WORD.findall(chunk.lower()))

    def _requirements_possible(self, cue: Cue, found: ScannedText, stated: bool = False) -> bool:
        # a kin noun cue ("a similar crossing", "another drill") may leave unmet what its kin word stands for
        # (events.sentence_candidates, [heads] kin_met_requirements)
        kin = cue.pos == "noun" and found.contains_any(self.kin_words)
        return all(self._possible(name, found, stated) or (kin and name in self.lex.kin_met_requirements)
                   for name in cue.requires)

    def _possible(self, name: str, found: ScannedText, stated: bool = False) -> bool:
        """``stated``: this block or one before names a state (a pronoun may stand for it)."""
        lex = self.lex
        if name in _NOT_LEXICAL:
            return True
        if name == "weapon_subject":
            return found.contains_any(lex.weapons)
        if name == "border_any":
            return self._context(("border", "border_line"), found)
        if name == "military":
            return self._context(("military",), found) or found.contains_any(lex.weapons)
        if name == "military_near":  # a named exercise counts too
            return self._context(("military",), found) or found.contains_any(lex.weapons) or (
                lex.exercises is not None and found.contains_any(lex.exercises))
        base, _, role = name.rpartition("_")
        if role in _CONTEXT_ROLES and base in lex.contexts:  # a context in one role ("arms_given", "troops_obj")
            return self._context((base, COUNTED_CONTEXTS.get(base, "")), found)
        if name == "military_works":  # a works word and a military word, weapon or arms
            return self._context(("works",), found) and (self._context(("military", "arms"), found)
                                                       or found.contains_any(lex.weapons))
        if name == "foreign":  # two states, or one and a diplomatic party word: a state at least; or a pronoun
            # standing for states named before ("when they met in Vladivostok": events._foreign_by_pronoun)
            return self._names_a_state(found) or self._context(("bilateral", "both_parties"), found) \
                or (stated and found.contains_any(self.pronouns))
        if name in lex.contexts:  # troops (and the words a number may count as troops), arms, facility, border_line...
            return self._context((name, COUNTED_CONTEXTS.get(name, "")), found)
        return True  # a requirement this cascade does not know: never skip on it

    def _context(self, names: tuple[str, ...], found: ScannedText) -> bool:
        return any(name in self.lex.contexts and found.contains_any(self.lex.contexts[name]) for name in names)

    def _for_others(self, found: ScannedText, i: int, last: int, names_a_day: Callable[[int], bool]) -> Parse:
        """Can block ``i``, which can neither yield nor refer back, change what others yield?
        ``last``: the last block that can yield or refers back."""
        lex = self.lex
        if i == 0 and found.contains_any(lex.statement_verbs):
            return Parse.FULL
        attributed = found.contains_any(lex.sources) and self._reported(found)
        return Parse.SYNTAX if attributed and (i < last or names_a_day(i)) else Parse.NO

    def _reported(self, found: ScannedText) -> bool:
        return found.contains_any(self.lex.reporting) or found.contains_any(self.lex.source_preps)

    def _refers(self, found: ScannedText) -> bool:
        """Does the block speak of a test told before with a reporting verb or a source
        preposition? (Its sources, named entities among them, join that test:
        ``events.references``; it is parsed in full.)"""
        lex = self.lex
        return self._reported(found) and (found.contains_any(lex.weapons)
                                       or (lex.references is not None and found.contains_any(lex.references)))
