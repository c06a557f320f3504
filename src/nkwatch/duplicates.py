"""Facts one document tells twice, merged before they are stored.

The same mention or claim can come out of one extraction twice: two mentions of one type on one
evidence span (one id), or a sentence the article repeats (a lead given again after a dateline,
"SEOUL, South Korea — ...") yielding the same fact on two spans. Either way the document reports
it once: the first is kept, with the sources, actors and cues of both for a mention, and a claim
of a merged mention points at the one kept."""
from __future__ import annotations

from dataclasses import replace

from .models import Claim, Extraction, Mention


def merge_duplicates(extraction: Extraction, text: str) -> Extraction:
    """``extraction`` with each mention and claim once (``text``: the document's); the facts given
    are left unchanged."""
    mentions: list[Mention] = []
    seen: dict[object, int] = {}   # id or what it says -> index in mentions
    alias: dict[str, str] = {}     # id of a merged mention -> id of the one kept
    for m in extraction.mentions:
        keys = (m.id, _mention_key(m, text))
        at = next((seen[k] for k in keys if k in seen), None)
        if at is None:
            seen.update(dict.fromkeys(keys, len(mentions)))
            mentions.append(m)
            continue
        first = mentions[at]
        alias[m.id] = first.id
        mentions[at] = replace(first, sources=_union(first.sources, m.sources), actors=_union(first.actors, m.actors),
                               cues=_union(first.cues, m.cues), confidence=max(first.confidence, m.confidence))
    claims: list[Claim] = []
    said: set[object] = set()
    for c in extraction.claims:
        c = replace(c, mention_id=alias.get(c.mention_id, c.mention_id))
        keys = (c.id, _claim_key(c, text))
        if not said.intersection(keys):
            said.update(keys)
            claims.append(c)
    return replace(extraction, mentions=mentions, claims=claims)


def _union(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


def _said(text: str, span) -> str:
    return " ".join(text[span.start:span.end].split())


def _mention_key(m: Mention, text: str) -> tuple:
    """What a mention says, wherever it is said."""
    date, place = m.date, m.place
    return ("mention", m.type, _said(text, m.evidence), m.weapon, m.weapon_class, m.count, m.modality,
            date.value, date.precision, date.method, date.bound,
            (place.name, place.precision) if place else None)


def _claim_key(c: Claim, text: str) -> tuple:
    return ("claim", c.property, _said(text, c.evidence), c.value, c.value_max, c.bound, c.unit, c.period,
            c.source, c.subject, c.mention_id)
