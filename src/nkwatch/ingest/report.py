"""What one ingest did, down to each input record: read (and stored as new, unchanged or a
revision; a document stored but written in a language extraction does not read has that reason),
skipped with a reason (readable, not an article), or failed with a reason (unreadable, or a document
that could not be cleaned, stored or extracted)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..models import Document, ReadError

if TYPE_CHECKING:
    from ..store import AddResult

STDIN_FILE = "<stdin>"
RECORD_STATUSES = ("new", "unchanged", "revision", "restored", "skipped", "failed")


@dataclass(frozen=True)
class RecordOutcome:
    """One input record. file: the input as given (``<stdin>`` for standard input); name: the
    document's name when it was read; line: where a record that was not read is (``ReadError.line``:
    the 1-based line of a JSONL file, else the record's index), None for a whole file."""
    file: str
    status: str                 # one of RECORD_STATUSES
    name: str | None = None
    line: int | None = None
    reason: str | None = None
    document_id: int | None = None


@dataclass
class IngestReport:
    """What one ingest did. A document stored but not extracted counts as stored and failed."""
    documents: int = 0          # documents read (read errors not included)
    new: int = 0
    unchanged: int = 0
    revision: int = 0           # new texts of a stored document, and older texts made current again
    extracted: int = 0
    events_refreshed: int = 0   # stored events whose fields were reconciled again (new resolver version)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (document name, reason)
    read_errors: list[ReadError] = field(default_factory=list)
    skipped: list[ReadError] = field(default_factory=list)  # readable inputs that are not articles
    not_read: list[tuple[str, str]] = field(default_factory=list)  # (document name, why): stored, not read
    stored: list[tuple[str, "AddResult"]] = field(default_factory=list)  # (name, where it is) of every document in store
    inputs: list[tuple[str, str] | ReadError] = field(default_factory=list)  # (file, name) of each document read, or its error, in reading order
    elapsed: float = 0.0        # seconds, reading included

    def add_read(self, item: Document | ReadError) -> None:
        """Count one item as the readers yield it."""
        if isinstance(item, ReadError):
            (self.skipped if item.skipped else self.read_errors).append(item)
            self.inputs.append(item)
        else:
            self.documents += 1
            self.inputs.append((item.source_path or STDIN_FILE, item.name))

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        """True when every input was read and every document stored (and extracted); skipped
        records (not articles) do not count against it."""
        return not self.failures and not self.read_errors

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.elapsed if self.elapsed > 0 else 0.0

    def records(self) -> list[RecordOutcome]:
        """Every input record with what became of it, in reading order."""
        stored, failed, unread = dict(self.stored), dict(self.failures), dict(self.not_read)
        out = []
        for item in self.inputs:
            if isinstance(item, ReadError):
                out.append(RecordOutcome(item.path, "skipped" if item.skipped else "failed", line=item.line,
                                         reason=item.reason))
                continue
            file, name = item
            found = stored.get(name)
            status = "failed" if name in failed else found.status if found else "failed"
            out.append(RecordOutcome(file, status, name=name, reason=failed.get(name) or unread.get(name),
                                     document_id=found.document_id if found else None))
        return out

    def batch_failures(self) -> list[tuple[str, str]]:
        """Failures that concern no one document (e.g. the repeated-sentence analysis)."""
        names = {item[1] for item in self.inputs if isinstance(item, tuple)}
        return [(name, reason) for name, reason in self.failures if name not in names]

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON: counts, then each input file with its records."""
        files: dict[str, dict[str, Any]] = {}
        for r in self.records():
            entry = files.setdefault(r.file, {"file": r.file, "read": 0, "skipped": 0, "failed": 0, "records": []})
            entry["skipped" if r.status == "skipped" else "failed" if r.status == "failed" else "read"] += 1
            entry["records"].append({k: v for k, v in vars(r).items() if k != "file"})
        return {"ok": self.ok, "documents": self.documents, "new": self.new, "unchanged": self.unchanged,
                "revision": self.revision, "extracted": self.extracted, "events_refreshed": self.events_refreshed,
                "skipped": len(self.skipped), "not_read": len(self.not_read),
                "failed": self.failed + len(self.read_errors),
                "elapsed": round(self.elapsed, 3), "files": list(files.values()),
                "batch_failures": [{"name": n, "reason": r} for n, r in self.batch_failures()]}
