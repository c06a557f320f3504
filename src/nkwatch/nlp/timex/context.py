"""Cheap context around an expression: the tense of its clause (from cue words, no tagger) and
whether a document reads as a narrative anchored to its own dates rather than to its publication."""
from __future__ import annotations

import datetime as dt
import re

from .resources import Cues

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll|'d")
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'(])|\n\s*\n")
YEAR = re.compile(r"(?<![\d,.$])(1[0-9]\d\d|20\d\d)(?![\d,%])")
BC_YEAR = re.compile(r"\b\d{1,4}s?\s*(?:BCE?|B\.C\.)")
QUOTE = re.compile(r'["“”]|``|\'\'')
LEFT_WINDOW, RIGHT_WINDOW = 12, 10


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): cut at sentence punctuation or blank lines, at most
    300 characters on either side."""
    lo = max(0, start - 300)
    left = lo
    for m in SENTENCE_END.finditer(text, lo, start):
        left = m.end()
    m = SENTENCE_END.search(text, end, min(len(text), end + 300))
    return left, (m.start() + 1 if m else min(len(text), end + 300))


def _cue(word: str, cues: Cues) -> int:
    w = word.lower()
    if w in cues.future:
        return 1
    if w in cues.past:
        return -1
    if len(w) > 4 and w.endswith("ed") and w not in cues.not_past_ed:
        return -1
    return 0


def _cue_at(words: list[str], i: int, cues: Cues) -> int | None:
    """The tense word ``i`` of a clause gives: -1, +1, 0 for a present auxiliary that settles
    it as unknown, None when the word says nothing. A past form after "be"/"been" is a passive
    participle and defers to the auxiliary before it ("will be paid", "had been scheduled"); after
    "has"/"have" it is a present perfect, past in news; a future word after "had" is a plan that
    lay in the past ("had been due to expire")."""
    w = words[i].lower()
    prev = words[i - 1].lower() if i > 0 else ""
    for n in (2, 3):
        if i + 1 >= n and " ".join(words[i + 1 - n:i + 1]).lower() in cues.future_phrases:
            return 1
    c = _cue(w, cues)
    if c < 0 and w not in cues.past_aux:
        if prev in cues.passive_aux:
            return None
        if prev in cues.perfect_aux:
            return -1
    if c > 0 and "had" in (x.lower() for x in words[max(0, i - 2):i]):
        return -1
    if c == 0 and w in cues.present_aux and i + 1 < len(words) and words[i + 1].lower() in cues.passive_aux:
        return 0
    return c or None


def tense(text: str, start: int, end: int, cues: Cues) -> int:
    """-1 past, +1 future, 0 unknown: the nearest cue word before the expression within its
    sentence, else the nearest after it."""
    left, right = sentence_bounds(text, start, end)
    # a quotation beside the expression has a clause of its own ('said "we will respond" on Saturday')
    for m in QUOTE.finditer(text, left, start):
        left = m.end()
    m = QUOTE.search(text, end, right)
    right = m.start() if m else right
    before = WORD.findall(text, left, start)
    lo = max(0, len(before) - LEFT_WINDOW)
    for i in range(len(before) - 1, lo - 1, -1):
        c = _cue_at(before, i, cues)
        if c is not None:
            return c
    after = before[-2:] + WORD.findall(text, end, right)[:RIGHT_WINDOW]
    for i in range(min(2, len(before)), len(after)):
        c = _cue_at(after, i, cues)
        if c is not None:
            return c
    return 0


def is_narrative(text: str, dct: dt.date, cues: Cues) -> bool:
    """True when most explicit years are far from the document date and few words point at the
    publication day: a history, whose underspecified dates follow the story's own dates."""
    near = far = 0
    for m in YEAR.finditer(text):
        if abs(int(m.group(1)) - dct.year) <= cues.near_years:
            near += 1
        else:
            far += 1
    far += len(BC_YEAR.findall(text))
    history = near + far >= cues.history_years
    if not history and (far < cues.min_far_years or far < cues.far_share * (near + far)):
        return False
    lowered = text.lower()
    deictic = sum(len(re.findall(rf"\b{re.escape(w)}\b", lowered)) for w in cues.deictic)
    return deictic * 4 < (near + far if history else far)
