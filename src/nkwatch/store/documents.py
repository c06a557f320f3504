"""SQL for the documents table: content-addressed inserts with revisions, lookups, listing."""
from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import Connection, bindparam, func, insert, select, update

from ..models import Boilerplate, Document, Span
from .errors import AmbiguousKey, StoreError
from .revisions import article_params, article_statement, make_current, same_article
from .rows import AddResult, DocumentRow, StoredDocument, StoredText
from .schema import documents, mentions

MIN_HASH_PREFIX = 4
# the largest document id each dialect holds: documents.id is INTEGER, 64 bits on SQLite and 32 on
# PostgreSQL (a larger number is no id there: compared with the column, it raises)
MAX_ID = {"sqlite": 2**63 - 1, "postgresql": 2**31 - 1}
LOOKUP_CHUNK = 500  # hashes per statement of lookup_many
_HEX = re.compile(r"[0-9a-f]+")


def add(conn: Connection, doc: Document, now: datetime) -> AddResult:
    """Store ``doc`` unless its text is already stored (see ``Store.add_document``)."""
    found = _stored(conn, [doc.hash]).get(doc.hash)
    if found is not None:
        unchanged = found.result_for(doc.url, doc.name)
        if unchanged is not None:
            return unchanged
        # An older text of the article given again: its report again, resolved anew once extracted.
        make_current(conn, found.document_id, found.url, found.name)
        conn.execute(update(documents).where(documents.c.id == found.document_id).values(extracted_version=None))
        return AddResult("restored", found.document_id, found.revision)
    _check_spans(doc)
    previous = latest_revision(conn, doc)
    revision = previous.revision + 1 if previous is not None else 1
    values = document_values(doc) | {
        "revision": revision,
        "supersedes": previous.id if previous is not None else None,
        "ingested_at": now,
        "extracted_version": None,
        "current_revision": True,
    }
    new_id = conn.execute(_INSERT, values).inserted_primary_key[0]
    if previous is None:  # the article's first row: inserted as its report, no other to replace
        return AddResult("new", new_id, revision)
    make_current(conn, new_id, doc.url, doc.name)
    return AddResult("revision", new_id, revision)


def lookup_many(conn: Connection, digests: Collection[str]) -> dict[str, StoredText]:
    """The texts already stored under these content hashes, by hash (a few statements):
    ``StoredText.result_for`` tells what ``add`` answers for each ('unchanged', or None when it
    has work to do: an older revision of the article given again, to become its report again)."""
    return _stored(conn, sorted(set(digests)))


_STORED = (select(documents.c.hash, documents.c.id, documents.c.revision, documents.c.extracted_version,
                  documents.c.current_revision, documents.c.url, documents.c.name)
           .where(documents.c.hash.in_(bindparam("hashes", expanding=True))))
_LATEST = article_statement(lambda article: select(documents.c.id, documents.c.revision).where(article)
                            .order_by(documents.c.revision.desc()).limit(1))
_INSERT = insert(documents)


def _stored(conn: Connection, digests: list[str]) -> dict[str, StoredText]:
    found: dict[str, StoredText] = {}
    for i in range(0, len(digests), LOOKUP_CHUNK):
        for r in conn.execute(_STORED, {"hashes": digests[i:i + LOOKUP_CHUNK]}):
            found[r.hash] = StoredText(r.id, r.revision, r.extracted_version, bool(r.current_revision), r.url, r.name)
    return found


def latest_revision(conn: Connection, doc: Document):
    """The newest stored row with the same URL (or, for a document without URL, the same name)."""
    return conn.execute(_LATEST[bool(doc.url)], article_params(doc.url, doc.name)).first()


def document_values(doc: Document) -> dict:
    """Column values of ``doc`` (revision bookkeeping left to the caller)."""
    return {
        "hash": doc.hash, "name": doc.name, "source_path": doc.source_path, "fmt": doc.fmt,
        "url": doc.url, "title": doc.title, "author": doc.author, "site": doc.site,
        "published": doc.published, "published_method": doc.published_method, "text": doc.text,
        "kept": [[s.start, s.end] for s in doc.kept],
        "boilerplate": [[b.span.start, b.span.end, b.rule] for b in doc.boilerplate],
        "meta": doc.meta,
    }


def _check_spans(doc: Document) -> None:
    size = len(doc.text)
    for span in [*doc.kept, *(b.span for b in doc.boilerplate)]:
        if span.end > size:
            raise StoreError(f"{doc.name}: span {span.start}..{span.end} lies beyond the text ({size} chars)")


def get(conn: Connection, key: int | str) -> StoredDocument | None:
    """The document with id ``key`` (an int or a string of digits) or whose hash starts with ``key``."""
    if isinstance(key, int) or (isinstance(key, str) and key.isdecimal()):
        if not 0 < int(key) <= MAX_ID.get(conn.dialect.name, 2**31 - 1):
            return None
        where = documents.c.id == int(key)
    else:
        prefix = key.strip().lower()
        if len(prefix) < MIN_HASH_PREFIX or not _HEX.fullmatch(prefix):
            raise StoreError(f"not a document id or hash prefix ({MIN_HASH_PREFIX}+ hex digits): {key!r}")
        # A range instead of LIKE, so that the unique index on hash serves it on every dialect.
        where = (documents.c.hash >= prefix) & (documents.c.hash < prefix + "g")
    rows = conn.execute(select(documents).where(where).limit(2)).all()
    if len(rows) > 1:
        raise AmbiguousKey(f"hash prefix {key!r} matches several documents; give more digits")
    if not rows:
        return None
    row = rows[0]
    superseded_by = conn.execute(
        select(documents.c.id).where(documents.c.supersedes == row.id)).scalar()
    current_id = row.id if row.current_revision else conn.execute(
        select(documents.c.id).where(same_article(row.url, row.name) & documents.c.current_revision)).scalar()
    return StoredDocument(
        id=row.id, revision=row.revision, supersedes=row.supersedes, superseded_by=superseded_by,
        current_id=current_id, ingested_at=row.ingested_at, extracted_version=row.extracted_version,
        document=Document(
            name=row.name, text=row.text, fmt=row.fmt, source_path=row.source_path, title=row.title,
            url=row.url, author=row.author, site=row.site, published=row.published,
            published_method=row.published_method,
            kept=[Span(s, e) for s, e in row.kept],
            boilerplate=[Boilerplate(Span(s, e), rule) for s, e, rule in row.boilerplate],
            meta=row.meta))


def listing(conn: Connection, limit: int, offset: int) -> list[DocumentRow]:
    """Stored documents in the order they were stored, without their text."""
    n_mentions = (select(func.count()).select_from(mentions)
                  .where(mentions.c.document_id == documents.c.id).scalar_subquery())
    query = (select(documents.c.id, documents.c.hash, documents.c.name, documents.c.title,
                    documents.c.url, documents.c.site, documents.c.published,
                    documents.c.published_method, documents.c.revision, documents.c.supersedes,
                    documents.c.ingested_at, documents.c.extracted_version, documents.c.current_revision,
                    func.length(documents.c.text).label("size"), n_mentions.label("mentions"))
             .order_by(documents.c.id).limit(limit).offset(offset))
    return [DocumentRow(**row._mapping) for row in conn.execute(query)]


def needs_extraction(conn: Connection, version: str) -> list[int]:
    """Ids of documents whose stored extraction is missing or from another pipeline version."""
    stale = documents.c.extracted_version.is_(None) | (documents.c.extracted_version != version)
    return list(conn.execute(select(documents.c.id).where(stale).order_by(documents.c.id)).scalars())
