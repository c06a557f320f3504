"""Lines and sentences of a text as spans into it: a light splitter for cleaning and dating,
which run before (and without) the spaCy pipeline. Spans are whitespace-trimmed, never empty."""
from __future__ import annotations

import re

from ..models import Span

# Any run of characters that are not line breaks (those str.splitlines() breaks on).
LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
# End of a possible sentence: terminal punctuation, closing quotes/brackets, then whitespace.
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
OPENERS = "\"'“‘«([¿¡"
DOTTED_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def trim(text: str, start: int, end: int) -> Span | None:
    """The span of text[start:end] without leading and trailing whitespace, or None if blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def line_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The non-blank lines of text[start:end], trimmed."""
    end = len(text) if end is None else end
    spans = (trim(text, m.start(), m.end()) for m in LINE.finditer(text, start, end))
    return [s for s in spans if s is not None]


def sentence_spans(text: str, span: Span, abbreviations: frozenset[str]) -> list[Span]:
    """The sentences of ``text`` within ``span``: a break after . ! ? (and closing quotes) that is
    followed by whitespace and a capital, digit or opening quote, unless the word before the
    period is in ``abbreviations`` (lowercase, without final period), a single letter or dotted
    initials (U.S., a.m.)."""
    spans: list[Span] = []
    begin = span.start
    for m in SENTENCE_END.finditer(text, span.start, span.end):
        after = _next_visible(text, m.end(), span.end)
        if after is None or not (text[after].isupper() or text[after].isdigit()
                                 or text[after] in OPENERS):
            continue
        if text[m.start()] == "." and _is_abbreviation(_word_before(text, begin, m.start()),
                                                       abbreviations):
            continue
        piece = trim(text, begin, m.end())
        if piece:
            spans.append(piece)
        begin = m.end()
    piece = trim(text, begin, span.end)
    if piece:
        spans.append(piece)
    return spans


def _next_visible(text: str, pos: int, end: int) -> int | None:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos if pos < end else None


def _word_before(text: str, begin: int, pos: int) -> str:
    start = pos
    while start > begin and not text[start - 1].isspace():
        start -= 1
    return text[start:pos].lstrip(OPENERS)


def _is_abbreviation(word: str, abbreviations: frozenset[str]) -> bool:
    return bool(word) and (word.lower() in abbreviations
                           or DOTTED_INITIALS.fullmatch(word) is not None)
