"""What the store hands back: plain dataclasses wrapping the shared models with their row ids."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..models import Claim, Document, Mention

# restored: an older text of a stored article given again, its report again
ADD_STATUSES = ("new", "unchanged", "revision", "restored")


@dataclass(frozen=True)
class AddResult:
    """Outcome of ``Store.add_document``: status is one of ADD_STATUSES."""
    status: str
    document_id: int
    revision: int
    extracted_version: str | None = None


@dataclass(frozen=True)
class StoredText:
    """A text already stored, as ``Store.lookup_many`` finds it (by content hash): its row and
    the article it is a revision of, to tell what adding it again answers (``result_for``)."""
    document_id: int
    revision: int
    extracted_version: str | None
    current_revision: bool  # the article's report
    url: str | None
    name: str

    @property
    def article(self) -> tuple[str, str]:
        """The article's key: its URL, else (for a document without URL) its name."""
        return article_key(self.url, self.name)

    def result_for(self, url: str | None, name: str) -> AddResult | None:
        """What ``Store.add_document`` answers for this text given as the article at ``url`` (or,
        without URL, named ``name``): 'unchanged', else None when adding has work to do (the text
        is an older revision of that article, to become its report again)."""
        if not self.current_revision and self.article == article_key(url, name):
            return None
        return AddResult("unchanged", self.document_id, self.revision, self.extracted_version)


def article_key(url: str | None, name: str) -> tuple[str, str]:
    """What the revisions of one article share: its URL, else (without URL) its name."""
    return ("url", url) if url else ("name", name)


@dataclass(frozen=True)
class DocumentRow:
    """One line of the document list (no text)."""
    id: int
    hash: str
    name: str
    title: str | None
    url: str | None
    site: str | None
    published: date | None
    published_method: str
    revision: int
    supersedes: int | None
    ingested_at: datetime
    extracted_version: str | None
    current_revision: bool  # the article's report (its other revisions are not counted)
    size: int       # characters of the original text
    mentions: int   # stored mentions


@dataclass(frozen=True)
class StoredDocument:
    """A stored document with its place in the revision chain; current_id: the revision that is
    the article's report (this one's id when it is)."""
    id: int
    revision: int
    supersedes: int | None
    superseded_by: int | None
    current_id: int | None
    ingested_at: datetime
    extracted_version: str | None
    document: Document


@dataclass(frozen=True)
class StoredMention:
    """A stored mention; date_start/date_end: the days its date value covers (None when unknown)."""
    id: str
    document_id: int
    pipeline_version: str
    event_id: str | None
    date_start: date | None
    date_end: date | None
    mention: Mention


@dataclass(frozen=True)
class StoredClaim:
    id: str
    document_id: int
    pipeline_version: str
    claim: Claim


@dataclass(frozen=True)
class SearchHit:
    """A document matching a full-text query; score: higher is better (negated bm25)."""
    document_id: int
    name: str
    title: str | None
    published: date | None
    revision: int
    snippet: str
    score: float
