"""Where a report places what it tells, for the events whose own sentences name no place: the
gazetteer places (data/places.csv) named in their paragraphs outside the evidence of the report's
other events (whose places are theirs), each
introduced by a preposition of place ("in", "at", "off", "near": event_cues.toml
[places] paragraph_preps, stricter than the sentence rule's) or naming a site, a sea or an
undisclosed location. Paragraphs, not the whole
report: a digest of the day's news or a statement ranging over the world names places that have
nothing to do with the event (over the KCNA 2024 articles, the places of whole reports were
wrong more often than right). The answer stays as precise as the text allows, and no more:

    one place, or one place and the country holding it      that place ("from the Sunan area ...
                                                             in the DPRK": Sunan)
    several places of one country                            the country
    a country alone                                          the country
    places of different countries, seas, or none            no place

A region spanning states (the Korean Peninsula, the DMZ) says too little to place an event by
itself and is left out here, as is a name in a hyphened compound ("the DPRK-Russia summit"); an undisclosed location counts only when nothing else is named.
Read from the blocks as given to spaCy (the dateline cut off): the same with the relevance cascade
on or off."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from ..models import Place, Span
from .lexicon import Lexicon, Named
from .phrases import normalize
from .places import region

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
SENTENCE_END = re.compile(r"[.!?;:\n]")
LOOK_BACK = 4  # words before a name searched for its preposition
_SELF_LOCATING = {"site", "sea", "undisclosed"}


class TextBlock(Protocol):
    start: int
    text: str


def report_place(blocks: Iterable[TextBlock], lex: Lexicon,
                 skip: Iterable[tuple[int, int]] = ()) -> Place | None:
    """The place ``blocks`` (paragraphs of a report) give (see the module table), with the span of
    its first naming; None when they give none, or several that disagree. Names within ``skip``
    (the evidence of the report's other events, whose places are theirs) are not counted."""
    skip = list(skip)
    named: dict[str, tuple[Named, Span]] = {}
    for block in blocks:
        for hit in lex.places.find(normalize(block.text)):
            place = hit.values[0]
            at = (block.start + hit.start, block.start + hit.end)
            if any(s < at[1] and at[0] < e for s, e in skip):
                continue
            if not place.country and place.precision == "area":
                continue  # a region spanning states
            if _compound(block.text, hit.start, hit.end):
                continue
            if place.precision in _SELF_LOCATING or introduced(block.text, hit.start, lex):
                named.setdefault(place.name, (place, Span(*at)))
    chosen = _agreed([p for p, _ in named.values()], lex)
    if chosen is None:
        return None
    # its evidence: where it is named, or (a country given by places in it) the first of those
    span = named[chosen.name][1] if chosen.name in named else min(
        s for p, s in named.values() if p.country == chosen.name)
    return Place(chosen.name, chosen.precision, chosen.lat, chosen.lon, span)


def introduced(text: str, start: int, lex: Lexicon) -> bool:
    """Is the name at ``start`` of ``text`` preceded by a preposition of place (skipping articles
    and the like, as ``places.place_arg`` does with tokens), itself not inside a proper name
    (right after a capitalized word of the same sentence: "the General Association of Korean
    Residents in Japan")?"""
    words = _words_before(text, start, LOOK_BACK + 1)
    for i in range(len(words) - 1, max(-1, len(words) - 1 - LOOK_BACK), -1):
        word = words[i].group().lower()
        if word in lex.paragraph_preps:
            if i == 0:
                return True
            before = words[i - 1]
            return not before.group()[:1].isupper() or bool(SENTENCE_END.search(text, before.end(), words[i].start()))
        if word not in lex.place_skippable:
            return False
    return False


def _words_before(text: str, end: int, n: int) -> list[re.Match]:
    """The last ``n`` words of ``text`` before ``end``, read from a stretch that widens until it
    holds more than ``n`` (its first word may be cut, so it is not counted): a paragraph is not
    read from its start for every name in it."""
    start, width = end, 16 * n
    while True:
        start = max(0, start - width)
        words = list(WORD.finditer(text, start, end))
        if start == 0:
            return words[-n:]
        if len(words) > n:
            return words[1:][-n:]
        width *= 2


def _compound(text: str, start: int, end: int) -> bool:
    """A name joined to another by a hyphen modifies a noun, it places nothing: "the DPRK-Russia
    summit", "the U.S.-Japan talks", "the Asia-Pacific region"."""
    return text[end:end + 1] == "-" or text[start - 1:start] == "-"


def _agreed(places: list[Named], lex: Lexicon) -> Named | None:
    """The one place ``places`` agree on (the module table), or None."""
    if any(p.precision != "undisclosed" for p in places):
        places = [p for p in places if p.precision != "undisclosed"]
    countries = [p for p in places if p.precision == "country"]
    within = [p for p in places if p.precision != "country"]
    # a province gives way to the town or site in it named with it ("the Punggye-ri site in North Hamgyong Province")
    within = [p for p in within if not (region(p) and any(q.country == p.country and not region(q) for q in within))]
    # a country holding another named place gives way to it
    countries = [c for c in countries if not any(p.country == c.name for p in within)]
    if len(within) == 1 and not countries:
        return within[0]
    if not within and len(countries) == 1:
        return countries[0]
    states = {p.country for p in within}
    if within and not countries and len(states) == 1 and "" not in states:
        return _country(states.pop(), lex)
    return None


def _country(name: str, lex: Lexicon) -> Named | None:
    """The gazetteer entry of the country ``name``."""
    return next((h.values[0] for h in lex.places.find(normalize(name)) if h.values[0].precision == "country"), None)
