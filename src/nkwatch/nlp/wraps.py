"""Hard-wrapped text: which adjacent lines of kept text are one paragraph that a fixed line width broke.

Some pages wrap their text at a fixed width ("North Korea fired about 200" / "artillery shells near the
border"); parsed line by line, the number is cut from its noun and the cue from its object. A line
continues into the next one (same paragraph: no blank line and nothing cleaned away between them, the
next line no list item) when it does not end a sentence and

- the next line starts in lower case ("... about 200" / "artillery shells ..."), and it ends a sentence,
  runs on itself, is longer than a heading or the document is wrapped (a time stamp and "share with
  facebook", a credit and "tags ..." stay apart), or
- it ends with a function word or a title before a name (``function_words``: "... several times in" /
  "2010, killing ..."; "... the respected Marshal" / "Kim Jong Un ...") and it is longer than a heading
  (``_HEADING_WORDS``: "Trump weighs in" and "... support of new leader" / "By J. Smith" stay apart),
  starts in lower case (no heading does) or the document is wrapped, or
- the document is wrapped (most of its lines are of about one width, ``wrap_width``), the line is of about
  that width and it is not a title ("Kim Meets Putin In Vladivostok": its words are capitalised).

Decided from structure only; everything else (titles, bylines, captions, banners, list items, short
lines) stays a line of its own."""
from __future__ import annotations

import re
from typing import Collection, Sequence

_CLOSERS = "\"'”’»)]"
_ENDS = ".!?…:;\"”’»"                   # a line ending with one of these ends a sentence (or a quote)
_LIST_ITEM = re.compile(r"[-–—•·▪►*]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MIN_LINES = 5        # a wrapped document: at least this many lines,
_SHARE = 0.6          # of which this share are of about its width
_BAND = 0.75          # "about the width": at least this share of it
_WIDTH = (45, 130)    # fixed widths pages wrap at (narrower is a list of items, wider a paragraph per line)
_TITLE_CAPS = 0.8     # a title: this share of its words of 4+ letters begin with a capital
_HEADING_WORDS = 15   # headings, bylines and captions: at most this many words


def wrap_width(lengths: Sequence[int]) -> int | None:
    """The width the lines of a document are wrapped at, or None when they are not: the length of its
    longer lines (the 90th percentile), when most lines are of about that length."""
    if len(lengths) < _MIN_LINES:
        return None
    width = sorted(lengths)[int(0.9 * (len(lengths) - 1))]
    if not _WIDTH[0] <= width <= _WIDTH[1]:
        return None
    near = sum(1 for n in lengths if _BAND * width <= n <= width * 1.1)
    return width if near >= _SHARE * len(lengths) else None


def continues(line: str, after: str, gap: str, width: int | None, function_words: Collection[str],
              then: bool = False) -> bool:
    """Does ``line`` run on into ``after`` (the next kept line; ``gap``: the text between them; ``then``:
    ``after`` runs on into the line after it)?"""
    if gap.count("\n") != 1 or gap.strip() or _LIST_ITEM.match(after):
        return False
    if not line or _sentence_end(line):
        return False
    if after[0].islower() and (width is not None or then or _sentence_end(after)
                               or len(after.split()) > _HEADING_WORDS):
        return True
    words = line.split()
    if (words[-1].strip(_CLOSERS).lower() in function_words
            and (width is not None or len(words) > _HEADING_WORDS or line[0].islower())):
        return True
    return width is not None and len(line) >= _BAND * width and not _title_case(line)


def _sentence_end(line: str) -> bool:
    return line.rstrip(")]")[-1:] in _ENDS


def _title_case(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    return bool(words) and sum(w[0].isupper() for w in words) >= _TITLE_CAPS * len(words)


def paragraphs(text: str, lines: Sequence[tuple[int, int]], function_words: Collection[str]
               ) -> list[tuple[int, int]]:
    """``lines`` (the spans of a document's kept lines, in order) grouped into paragraphs: the span of
    each run of lines that ``continues`` joins."""
    width = wrap_width([e - s for s, e in lines])
    joins = [False] * len(lines)   # line n runs on into line n + 1 (decided from the end: ``then``)
    for n in range(len(lines) - 2, -1, -1):
        (start, end), (after, after_end) = lines[n], lines[n + 1]
        joins[n] = continues(text[start:end], text[after:after_end], text[end:after], width, function_words,
                             joins[n + 1])
    out: list[tuple[int, int]] = []
    for n, (start, end) in enumerate(lines):
        if n and joins[n - 1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def as_spaces(text: str) -> str:
    """A paragraph's text with its line breaks read as spaces (the same length: offsets stay exact)."""
    return text.replace("\r", " ").replace("\n", " ")
