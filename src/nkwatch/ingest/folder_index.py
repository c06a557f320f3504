"""A folder's index: ``index.tsv`` or ``index.csv`` beside saved articles, one row per file, giving what
the text itself may not say — the page's URL, its publication day, its outlet and title — as analysts keep
it in a spreadsheet and as ``../shared/corpus/news/index.tsv`` ships it (columns ``doc``, ``url``,
``outlet``, ``published``).

The first row names the columns. A file is named by the first of ``FILE_COLUMNS`` the header has (its
base name is matched against the files of the index's own folder); the other columns are read by the
names in ``COLUMNS``, any others are ignored. What a row gives only fills what the reader left unknown:
a date header in the text, an HTML page's own metadata come first. A publication day is taken only as a
real day a metadata field could give (``readers.dates.parse_date``: ISO, RFC 2822, epoch) and not after
today; a URL only with an http(s) scheme. An index that cannot be read is reported with its reason and
changes nothing; it never stops the folder's files from being read.
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from ..models import Document, ReadError
from ..settings import Settings
from .readers.dates import parse_date
from .readers.encoding import decode
from .readers.source import load_file

INDEX_NAMES = ("index.tsv", "index.csv")
FILE_COLUMNS = ("doc", "file", "filename", "name", "path", "text")
COLUMNS = {"url": ("url", "link"), "published": ("published", "date", "publication_date"),
           "site": ("outlet", "site", "publication"), "title": ("title", "headline")}


@dataclass(frozen=True)
class IndexEntry:
    """What a folder's index says of one file."""
    url: str | None = None
    published: date | None = None
    site: str | None = None
    title: str | None = None


def is_index(name: str) -> bool:
    """Is the file at ``name`` a folder's index (named exactly as one of ``INDEX_NAMES``)?"""
    return os.path.basename(name) in INDEX_NAMES


def read_index(path: str, settings: Settings, today: date | None = None) -> dict[str, IndexEntry] | ReadError:
    """File base name -> its ``IndexEntry``; a skipped ReadError (with the reason) for an index that
    cannot be read: as a file (too large, empty, unreachable: ``load_file``), binary, no header naming a
    file column, a row that is not a row."""
    raw = load_file(path, os.path.basename(path), settings)
    if isinstance(raw, ReadError):
        return ReadError(path, f"folder index not read: {raw.reason}", skipped=True)
    decoded = decode(raw.data)
    if decoded is None:
        return ReadError(path, "folder index not read: binary file", skipped=True)
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    try:
        rows = list(csv.reader(io.StringIO(decoded.text), delimiter=delimiter))
    except csv.Error as exc:
        return ReadError(path, f"folder index not read: {exc}", skipped=True)
    if not rows:
        return ReadError(path, "folder index not read: empty", skipped=True)
    header = [h.strip().lower() for h in rows[0]]
    file_col = next((header.index(c) for c in FILE_COLUMNS if c in header), None)
    if file_col is None:
        return ReadError(path, "folder index not read: no column names the files "
                               f"({', '.join(FILE_COLUMNS)})", skipped=True)
    cols = {field: next((header.index(n) for n in names if n in header), None) for field, names in COLUMNS.items()}
    today = today or date.today()
    entries: dict[str, IndexEntry] = {}
    for row in rows[1:]:
        if len(row) <= file_col or not row[file_col].strip():
            continue
        cell = {field: (row[i].strip() or None) if i is not None and i < len(row) else None
                for field, i in cols.items()}
        entries[os.path.basename(row[file_col].strip().replace("\\", "/"))] = IndexEntry(
            url=_web_url(cell["url"]), published=_day(cell["published"], today), site=cell["site"],
            title=cell["title"])
    return entries


def with_index(doc: Document, entry: IndexEntry | None) -> Document:
    """``doc`` with what its index row says filled in where the reader left it unknown."""
    if entry is None:
        return doc
    published, method = doc.published, doc.published_method
    if published is None and entry.published is not None:
        published, method = entry.published, "metadata"
    return replace(doc, url=doc.url or entry.url, site=doc.site or entry.site, title=doc.title or entry.title,
                   published=published, published_method=method)


def _day(value: str | None, today: date) -> date | None:
    """The day a cell names as metadata does (``parse_date``: ISO, RFC 2822, epoch), not one to come."""
    day = parse_date(value)
    return day if day is not None and day <= today else None


def _web_url(value: str | None) -> str | None:
    return value if value and urlsplit(value).scheme in ("http", "https") else None
