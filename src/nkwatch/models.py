"""The one data model shared by every stage: document -> mentions/claims -> events.

Plain dataclasses, no behaviour beyond small derived properties, so that every stage is a
function from these objects to these objects and can be called and tested alone.
Offsets (``Span``) always point into ``Document.text``, the original text exactly as read.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, asdict
from datetime import date
from typing import Any

# Vocabularies shared by every layer (extraction, store, eval, web).
EVENT_TYPES = (
    "weapons_test", "military_exercise", "troop_deployment", "arms_transfer",
    "diplomatic_engagement", "combat_operation", "military_inspection", "ceremony",
    "border_incident",
)
WEAPON_CLASSES = (
    "icbm", "irbm", "mrbm", "srbm", "ballistic_unspecified", "cruise", "hypersonic", "slbm",
    "anti_air", "mlrs", "artillery", "small_arms", "anti_tank", "torpedo_underwater",
    "space_launch", "nuclear_test", "engine_test", "other",
)
MODALITIES = ("happened", "planned", "threatened", "denied", "hypothetical")
PUBDATE_METHODS = ("header", "metadata", "url", "byline", "inferred", "unknown")
DATE_METHODS = ("explicit", "relative", "report_date", "unknown")
DATE_PRECISIONS = ("day", "week", "month", "season", "quarter", "year", "decade")
PLACE_PRECISIONS = ("site", "area", "sea", "country", "undisclosed")
BOUNDS = ("eq", "ge", "le", "approx")


def content_hash(text: str) -> str:
    """The key of a document: sha256 of its original text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character interval [start, end) into a document's original text."""
    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span {self.start}..{self.end}")

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Boilerplate:
    """A span cleaning removed, with the rule that removed it (for display and audit)."""
    span: Span
    rule: str


TEXT_LANGUAGE = "text_language"   # Document.meta key: the language the text is written in, as found
# (ingest.language); a reader's own "language" (an HTML page's declared one) is kept under "language"


@dataclass
class Document:
    """One article as received. ``text`` is never modified after reading.

    name: a locator unique within one ingest: a path relative to the ingested root, or
          ``file.json#12`` for record 12 (0-based) of a JSON/JSONL/feed/WARC file.
    published / published_method: the publication date and how it was obtained
          (header, metadata, url, inferred, unknown); ``None`` with ``unknown``, never invented.
    kept / boilerplate: filled by ``nkwatch.ingest.clean``; kept spans are sorted and disjoint.
    """
    name: str
    text: str
    fmt: str = "txt"  # txt | html | json | jsonl | rss | warc
    source_path: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    site: str | None = None
    published: date | None = None
    published_method: str = "unknown"
    kept: list[Span] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def hash(self) -> str:
        return content_hash(self.text)

    def span_text(self, span: Span) -> str:
        return self.text[span.start:span.end]


@dataclass(frozen=True)
class ReadError:
    """A record or file a reader could not turn into a Document, with the reason.

    ``skipped``: the input is readable but is not an article (a record with no text, e.g. a photo
    item of a news dump): reported with its reason, not counted as a failure."""
    path: str
    reason: str
    line: int | None = None  # 1-based line (JSONL) or record number, where known
    skipped: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class DateValue:
    """When something happened, as far as the text tells.

    value: ISO-like with its precision: '2025-02-26', '2025-W11', '2025-02', '2024-FA', '2025';
           None when unknown.
    method: explicit (a date in the text), relative (resolved against the publication date),
            report_date (only bounded by when it was reported), unknown.
    bound: 'on' (the event is within value), 'on_or_before' (report date bounds it).
    """
    value: str | None = None
    precision: str | None = None
    method: str = "unknown"
    bound: str = "on"
    evidence: Span | None = None


UNKNOWN_DATE = DateValue()


@dataclass(frozen=True)
class Place:
    name: str
    precision: str  # site | area | sea | country | undisclosed
    lat: float | None = None
    lon: float | None = None
    span: Span | None = None


@dataclass
class Mention:
    """What one document says about one event."""
    doc: str              # Document.hash
    type: str             # one of EVENT_TYPES
    evidence: Span
    weapon: str | None = None
    weapon_class: str | None = None
    count: int | None = None
    date: DateValue = UNKNOWN_DATE
    place: Place | None = None
    actors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    conducted_by: list[str] = field(default_factory=list)  # the state(s) whose forces did it
    modality: str = "happened"
    confidence: float = 0.5
    cues: list[str] = field(default_factory=list)  # what triggered it, for explanation

    @property
    def id(self) -> str:
        key = f"{self.doc}:{self.type}:{self.evidence.start}:{self.evidence.end}"
        return hashlib.sha1(key.encode()).hexdigest()[:16]


@dataclass
class Claim:
    """One attributed number. ``value`` is in base units (km, s, kt, persons, items)."""
    doc: str
    property: str
    value: float
    evidence: Span
    value_max: float | None = None
    bound: str = "eq"
    unit: str | None = None
    period: str | None = None
    source: str | None = None
    mention_id: str | None = None
    subject: str | None = None  # e.g. 'dprk-troops-russia' when known from the mention

    @property
    def id(self) -> str:
        key = f"{self.doc}:{self.property}:{self.evidence.start}:{self.evidence.end}:{self.value}"
        return hashlib.sha1(key.encode()).hexdigest()[:16]


@dataclass
class Extraction:
    """Everything extracted from one document by one pipeline version."""
    doc: str
    pipeline_version: str
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    not_read: str | None = None   # why the document was not read (a language extraction does not read)


def to_dict(obj: Any) -> Any:
    """JSON-ready dict of any model object (dates as ISO strings)."""
    def conv(v: Any) -> Any:
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        return v
    return conv(asdict(obj))
