"""Helpers for the extractor tests: invented documents and a tiny fake temporal tagger."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from nkwatch.models import Document, Span

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]


@dataclass(frozen=True)
class FakeTimex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    anchored: bool = False


class FakeTagger:
    """Understands just enough for the tests: 'Month D, YYYY', 'Month D', '<weekday>' (the last one on or
    before the reference date), 'last year', 'every year' (SET), 'recently' (PAST_REF), 'the same day'."""

    def tag(self, text: str, dct: date | None, *, tense_hints: bool = True) -> list[FakeTimex]:
        out = []
        month = "|".join(MONTHS)
        for m in re.finditer(rf"\b({month}) (\d{{1,2}}), (\d{{4}})\b", text, re.I):
            value = f"{m[3]}-{MONTHS.index(m[1].lower()) + 1:02d}-{int(m[2]):02d}"
            out.append(FakeTimex(m.start(), m.end(), m[0], "DATE", value))
        for m in re.finditer(rf"\b({month}) (\d{{1,2}})\b(?!, \d)", text, re.I):
            value = f"{dct.year}-{MONTHS.index(m[1].lower()) + 1:02d}-{int(m[2]):02d}" if dct else None
            out.append(FakeTimex(m.start(), m.end(), m[0], "DATE", value, anchored=True))
        for m in re.finditer(rf"\b({'|'.join(WEEKDAYS)})\b", text, re.I):
            value = None
            if dct is not None:
                back = (dct.weekday() - WEEKDAYS.index(m[1].lower())) % 7
                value = (dct - timedelta(days=back)).isoformat()
            out.append(FakeTimex(m.start(), m.end(), m[0], "DATE", value, anchored=True))
        for m in re.finditer(r"\blast year\b", text, re.I):
            out.append(FakeTimex(m.start(), m.end(), m[0], "DATE", str(dct.year - 1) if dct else None, anchored=True))
        for m in re.finditer(r"\bevery year\b", text, re.I):
            out.append(FakeTimex(m.start(), m.end(), m[0], "SET", "P1Y"))
        for m in re.finditer(r"\brecently\b", text, re.I):
            out.append(FakeTimex(m.start(), m.end(), m[0], "DATE", "PAST_REF"))
        for m in re.finditer(r"\bthe same day\b", text, re.I):
            out.append(FakeTimex(m.start(), m.end(), m[0], "DATE", dct.isoformat() if dct else None, anchored=True))
        return sorted(out, key=lambda t: t.start)


def make_doc(text: str, published: date | None = None, name: str = "fixture.txt") -> Document:
    """A cleaned document whose every non-empty line is kept."""
    kept, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            start = pos + line.index(line.strip())
            kept.append(Span(start, start + len(line.strip())))
        pos += len(line) + 1
    return Document(name=name, text=text, published=published,
                    published_method="header" if published else "unknown", kept=kept)


def meetings(extractor, text: str, published: date = date(2025, 3, 14)) -> list[list[str]]:
    """conducted_by of each diplomatic engagement the text reports as having happened."""
    res = extractor.extract(make_doc(text, published))
    return [m.conducted_by for m in res.mentions if m.type == "diplomatic_engagement" and m.modality == "happened"]


def happened(extractor, text: str, published: date = date(2025, 3, 14)) -> list[str]:
    """Types of the events the text reports as having happened."""
    res = extractor.extract(make_doc(text, published))
    return [m.type for m in res.mentions if m.modality == "happened"]


def mentions_of(extractor, text: str, published: date | None = date(2025, 3, 14), *, etype: str) -> list:
    """The mentions of one event type the extractor finds in an invented text."""
    return [m for m in extractor.extract(make_doc(text, published)).mentions if m.type == etype]


def happened_of(extractor, text: str, etype: str, published: date | None = date(2025, 3, 14)) -> list:
    """The mentions of one event type the text reports as having happened."""
    return [m for m in mentions_of(extractor, text, published, etype=etype) if m.modality == "happened"]


SATURDAY = date(2019, 1, 19)   # the publication day of the retired-set tests' invented texts


def titled_mentions(pipeline, text: str, etype: str, published: date | None = SATURDAY) -> list:
    """The mentions of one event type a pipeline finds in an invented text under a title line, in text order."""
    res = pipeline.extract(make_doc("Korea news\n\n" + text + "\n", published))
    return sorted((m for m in res.mentions if m.type == etype), key=lambda m: m.evidence.start)


def unmatched(found: list, expected: list, fits, optional: list = ()) -> tuple[list, list]:
    """How a document's events differ from the expected list (the document matrices, tests/nlp/test_documents_*):
    (expected events no found one ``fits``, found ones no expected event accounts for). Each expected event takes a
    found event of its own, so the lead told again is one too many; an ``optional`` one accounts for any number."""
    left, missing = list(found), []
    for want in expected:
        hit = next((m for m in left if fits(m, want)), None)
        if hit is None:
            missing.append(want)
        else:
            left.remove(hit)
    return missing, [m for m in left if not any(fits(m, w) for w in optional)]
