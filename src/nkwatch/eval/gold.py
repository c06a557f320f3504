"""Gold annotation files (JSONL, one line per document; format in ../shared/eval/README.md).

Evidence is kept as written in the file until the document's text is at hand: an exact
substring (it stands for its first occurrence) or a ``Span``. ``locate`` turns it into a span;
``negative_spans`` does the same for a ``negatives`` list, where a string stands for every
occurrence and an entry may also be ``[s, e]`` or ``{"span": [s, e]}``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import Span

Evidence = str | Span


class GoldError(ValueError):
    """A gold file that cannot be read or does not fit its document."""


@dataclass(frozen=True)
class GoldEvent:
    cid: str
    type: str
    evidence: tuple[Evidence, ...]  # the main evidence first, then evidence_alt
    weapon_class: str | None = None
    date: str | None = None
    date_alt: tuple[str, ...] = ()
    location: str | None = None
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    count: int | None = None
    optional: bool = False
    conducted_by: tuple[str, ...] | None = None   # None: the gold does not say


@dataclass(frozen=True)
class GoldClaim:
    cid: str | None
    property: str
    value: float
    evidence: Evidence
    value_max: float | None = None
    bound: str = "eq"
    period: str | None = None
    source: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class GoldDoc:
    doc: str  # Document.name relative to the scored folder
    published: str | None = None
    events: tuple[GoldEvent, ...] = ()
    claims: tuple[GoldClaim, ...] = ()
    negatives: tuple[Evidence, ...] = field(default=())


def _span(raw: Any, where: str) -> Span:
    if isinstance(raw, dict) and "span" in raw:
        raw = raw["span"]
    if (isinstance(raw, (list, tuple)) and len(raw) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in raw)):
        try:
            return Span(raw[0], raw[1])
        except ValueError as exc:
            raise GoldError(f"{where}: {exc}") from None
    raise GoldError(f"{where}: expected a string, [start, end] or {{\"span\": [start, end]}}, got {raw!r}")


def _evidence(raw: Any, where: str) -> Evidence:
    if isinstance(raw, str):
        if not raw:
            raise GoldError(f"{where}: empty evidence string")
        return raw
    return _span(raw, where)


def _main_evidence(obj: dict, where: str) -> Evidence:
    if obj.get("span") is not None:
        return _span(obj["span"], where)
    if obj.get("evidence") is not None:
        return _evidence(obj["evidence"], where)
    raise GoldError(f"{where}: neither 'evidence' nor 'span'")


def _event(obj: dict, where: str) -> GoldEvent:
    try:
        alts = tuple(_evidence(a, f"{where} evidence_alt") for a in obj.get("evidence_alt") or ())
        return GoldEvent(
            cid=obj["cid"], type=obj["type"], evidence=(_main_evidence(obj, where),) + alts,
            weapon_class=obj.get("weapon_class"), date=obj.get("date"),
            date_alt=tuple(obj.get("date_alt") or ()), location=obj.get("location"),
            actors=tuple(obj.get("actors") or ()), sources=tuple(obj.get("sources") or ()),
            count=obj.get("count"), optional=bool(obj.get("optional", False)),
            conducted_by=None if obj.get("conducted_by") is None else tuple(obj["conducted_by"]))
    except KeyError as exc:
        raise GoldError(f"{where}: missing {exc}") from None


def _claim(obj: dict, where: str) -> GoldClaim:
    try:
        return GoldClaim(
            cid=obj.get("cid"), property=obj["property"], value=float(obj["value"]),
            evidence=_main_evidence(obj, where),
            value_max=None if obj.get("value_max") is None else float(obj["value_max"]),
            bound=obj.get("bound") or "eq", period=obj.get("period"), source=obj.get("source"),
            optional=bool(obj.get("optional", False)))
    except KeyError as exc:
        raise GoldError(f"{where}: missing {exc}") from None


def parse_gold_line(obj: dict, where: str = "gold") -> GoldDoc:
    """One gold line (a decoded JSON object) as a ``GoldDoc``."""
    if not isinstance(obj, dict) or not isinstance(obj.get("doc"), str):
        raise GoldError(f"{where}: a gold line is an object with a 'doc' name")
    name = obj["doc"]
    return GoldDoc(
        doc=name, published=obj.get("published"),
        events=tuple(_event(e, f"{where} {name} event {i}") for i, e in enumerate(obj.get("events") or ())),
        claims=tuple(_claim(c, f"{where} {name} claim {i}") for i, c in enumerate(obj.get("claims") or ())),
        negatives=tuple(_evidence(n, f"{where} {name} negative {i}")
                        for i, n in enumerate(obj.get("negatives") or ())))


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Every line of a gold JSONL file; blank lines are skipped, a doc named twice is an error."""
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{where}: {exc}") from None
            doc = parse_gold_line(obj, where)
            if doc.doc in seen:
                raise GoldError(f"{where}: {doc.doc} already has a gold line")
            seen.add(doc.doc)
            docs.append(doc)
    return docs


def locate(evidence: Evidence, text: str, doc: str = "") -> Span:
    """The span of one piece of evidence in ``text`` (a substring: its first occurrence)."""
    if isinstance(evidence, Span):
        if evidence.end > len(text):
            raise GoldError(f"{doc}: span {evidence.start}..{evidence.end} beyond the text ({len(text)} chars)")
        return evidence
    start = text.find(evidence)
    if start < 0:
        raise GoldError(f"{doc}: evidence not found in the text: {evidence[:80]!r}")
    return Span(start, start + len(evidence))


def negative_spans(negatives: tuple[Evidence, ...], text: str, doc: str = "") -> list[Span]:
    """Spans of a ``negatives`` list: every occurrence of each string, each span as given."""
    spans: list[Span] = []
    for neg in negatives:
        if isinstance(neg, Span):
            spans.append(locate(neg, text, doc))
            continue
        start = text.find(neg)
        if start < 0:
            raise GoldError(f"{doc}: negative not found in the text: {neg[:80]!r}")
        while start >= 0:
            spans.append(Span(start, start + len(neg)))
            start = text.find(neg, start + 1)
    return spans
