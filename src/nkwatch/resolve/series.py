"""Claim series: every value given for one subject and property (troops of the DPRK deployment to
Russia, killed...), by source and report date, as points, a rich table or JSON-ready dicts."""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from rich.table import Table

from ..display import claimed
from ..models import Claim, Span

# News bounds: 'more than' / 'at least' read as ge, 'fewer than' / 'up to' as le.
_SILENT_UNITS = {None, "", "persons", "person", "items", "item"}


@dataclass(frozen=True)
class SeriesPoint:
    """One attributed value, placed by the date of the report that gave it.

    report_date: the document's publication date (None when unknown); report_date_method: how that
    date was obtained (models.PUBDATE_METHODS: header, metadata, url, byline, inferred, unknown)."""
    subject: str | None
    property: str
    value: float
    value_max: float | None
    bound: str
    unit: str | None
    period: str | None
    source: str | None
    doc: str
    report_date: date | None
    report_date_method: str
    claim_id: str
    evidence: Span

    @property
    def shown_value(self) -> str:
        """'>10,000', '~600', '7,961-7,973 s', '1,000 km'."""
        return claimed(self.value, self.value_max, self.bound, None if self.unit in _SILENT_UNITS else self.unit)

    @property
    def shown_date(self) -> str:
        """'2025-04-28', '2025-03-21 (inferred)', 'undated'."""
        if self.report_date is None:
            return "undated"
        day = self.report_date.isoformat()
        return f"{day} (inferred)" if self.report_date_method == "inferred" else day

    def to_dict(self) -> dict:
        return {
            "subject": self.subject, "property": self.property, "value": self.value,
            "value_max": self.value_max, "bound": self.bound, "unit": self.unit, "period": self.period,
            "source": self.source, "doc": self.doc,
            "report_date": self.report_date.isoformat() if self.report_date else None,
            "report_date_method": self.report_date_method, "claim_id": self.claim_id,
            "evidence": [self.evidence.start, self.evidence.end],
            "shown": self.shown_value,
        }


def claim_series(claims: Iterable[Claim], subject: str | None, property: str | Collection[str] | None,
                 doc_dates: Mapping[str, date | None], doc_published_method: Mapping[str, str], *,
                 mention_ids: Collection[str] = ()) -> list[SeriesPoint]:
    """The values of ``property`` (one name, several, or None for all) claimed about ``subject``
    (a claim's subject, or a claim of one of ``mention_ids``, e.g. an event's members), sorted by
    report date (undated reports last), then document and position in it."""
    wanted = {property} if isinstance(property, str) else (set(property) if property is not None else None)
    members = set(mention_ids)
    points = [
        SeriesPoint(
            subject=c.subject or subject, property=c.property, value=c.value, value_max=c.value_max,
            bound=c.bound, unit=c.unit, period=c.period, source=c.source, doc=c.doc,
            report_date=doc_dates.get(c.doc),
            report_date_method=doc_published_method.get(c.doc, "unknown") if doc_dates.get(c.doc) else "unknown",
            claim_id=c.id, evidence=c.evidence)
        for c in claims
        if (wanted is None or c.property in wanted)
        and ((subject is not None and c.subject == subject) or (c.mention_id in members))
    ]
    return sorted(points, key=lambda p: (p.report_date is None, p.report_date or date.min, p.doc,
                                         p.evidence.start, p.property))


def series_dicts(points: Iterable[SeriesPoint]) -> list[dict]:
    """JSON-ready dicts of a series, in order."""
    return [p.to_dict() for p in points]


def series_table(points: Iterable[SeriesPoint], title: str | None = None) -> Table:
    """A rich table of a series: report date, source, property, value, period, document."""
    table = Table(title=title)
    for column in ("Report date", "Source", "Property", "Value", "Period", "Document"):
        table.add_column(column, justify="right" if column == "Value" else "left")
    for p in points:
        table.add_row(p.shown_date, p.source or "unattributed", p.property, p.shown_value,
                      p.period or "", p.doc[:12])
    return table
