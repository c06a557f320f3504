"""Ingest: files, folders and stdin -> ``Document``s (readers), then cleaning and dating."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..models import Document, ReadError
from ..settings import Settings
from .folder_index import INDEX_NAMES, IndexEntry, is_index, read_index, with_index
from .readers import format_of_name, load_file, load_stdin, os_reason, read_raw, sniff_format

STDIN = "-"


def read_paths(paths: Iterable[str], settings: Settings) -> Iterator[Document | ReadError]:
    """Every Document under ``paths``, and one ReadError per input (or record) that is not one.

    Each path is a file (named by its base name), a folder, or ``-`` for standard input (format
    sniffed from the content, named ``<stdin>``). Folders are walked recursively in sorted
    order, their files named by their path relative to the folder; hidden files and folders
    are left out without a word. In a folder, a file of unknown type and a symbolic link to a
    folder (not followed) are skipped, with that reason; a folder that cannot be listed is a
    ReadError with the system's reason. A file of unknown type named explicitly is a ReadError
    "unsupported file type"; a path that cannot be reached (missing, a symbolic link loop, no
    permission) one with the system's reason. Records of JSON lists, JSONL, feeds and WARC files
    are named ``<file name>#<i>``. A folder's index (``index.tsv``/``index.csv``: ``folder_index``) fills
    in the URL, publication day, outlet and title its rows give the folder's single-document files; it is
    reported as skipped, with how many files it names or why it was not read. Nothing is raised: every
    failure is yielded as a ReadError.
    """
    indexes: dict[str, tuple[str | None, dict[str, IndexEntry] | ReadError | None]] = {}
    for arg in paths:
        if arg == STDIN:
            raw = load_stdin(settings)
            if isinstance(raw, ReadError):
                yield raw
            else:
                yield from read_raw(raw, sniff_format(raw.data), settings)
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(arg).st_mode)
        except OSError as exc:  # missing, a symbolic link loop, a folder on the way not searchable
            yield ReadError(arg, os_reason(exc))
            continue
        if is_dir:
            for entry in folder_entries(arg):
                if isinstance(entry, ReadError) and is_index(entry.path):
                    yield _index_report(entry.path, indexes, settings)
                elif isinstance(entry, ReadError):
                    yield entry
                else:
                    path, name = entry
                    yield from _indexed(read_file(path, name, format_of_name(name), settings), path, indexes, settings)
        elif format_of_name(arg) is None:
            yield ReadError(arg, "unsupported file type")
        else:
            yield from _indexed(read_file(arg, os.path.basename(arg), format_of_name(arg), settings), arg, indexes,
                                settings)


def _folder_index(folder: str, indexes: dict, settings: Settings
                  ) -> tuple[str | None, dict[str, IndexEntry] | ReadError | None]:
    """The index of ``folder`` (the first of ``INDEX_NAMES`` there): its path and what it says (None
    without one), read once per call of ``read_paths``."""
    if folder not in indexes:
        path = next((p for n in INDEX_NAMES if os.path.isfile(p := os.path.join(folder, n))), None)
        indexes[folder] = (path, read_index(path, settings) if path else None)
    return indexes[folder]


def _index_report(path: str, indexes: dict, settings: Settings) -> ReadError:
    """How a folder's index file is reported: skipped, as the index it is, or with why it was not read."""
    chosen, index = _folder_index(os.path.dirname(path), indexes, settings)
    if chosen is None or os.path.basename(chosen) != os.path.basename(path):
        return ReadError(path, "a second folder index, not read (the first of index.tsv, index.csv is)", skipped=True)
    if isinstance(index, ReadError):
        return index
    n = len(index or {})
    return ReadError(path, f"folder index: url, date and outlet of {n} file{'' if n == 1 else 's'}", skipped=True)


def _indexed(items: Iterable[Document | ReadError], path: str, indexes: dict, settings: Settings
             ) -> Iterator[Document | ReadError]:
    """The documents of the file at ``path``, with its folder index's row; a file of many records (JSONL,
    feeds, WARC) takes none: a row names one article."""
    _, index = _folder_index(os.path.dirname(path) or ".", indexes, settings)
    entry = index.get(os.path.basename(path)) if isinstance(index, dict) else None
    for item in items:
        yield with_index(item, entry) if isinstance(item, Document) and "#" not in item.name else item


def folder_entries(root: str) -> list[tuple[str, str] | ReadError]:
    """What is under ``root``, sorted by name relative to it: (path, name) of each file of a
    known type, and a ReadError for each other entry: skipped (a file of unknown type, a symbolic
    link to a folder) or failed (a folder that cannot be listed). Hidden entries (a name starting
    with '.') are left out."""
    found: list[tuple[str, tuple[str, str] | ReadError]] = []

    def unlisted(exc: OSError) -> None:
        path = exc.filename or root
        found.append((_relative(path, root), ReadError(path, os_reason(exc))))

    for folder, dirs, files in os.walk(root, onerror=unlisted):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for link in [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = os.path.join(folder, link)
            found.append((_relative(path, root), ReadError(path, "symbolic link to a folder (not followed)",
                                                           skipped=True)))
        for file in files:
            if file.startswith("."):
                continue
            path = os.path.join(folder, file)
            name = _relative(path, root)
            found.append((name, (path, name) if format_of_name(file) else
                          ReadError(path, "unsupported file type", skipped=True)))
    return [entry for _, entry in sorted(found, key=lambda item: item[0].split("/"))]


def _relative(path: str, root: str) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def read_file(path: str, name: str, fmt: str, settings: Settings) -> Iterator[Document | ReadError]:
    """The Documents of one file of format ``fmt``, named ``name`` (records ``name#i``)."""
    raw = load_file(path, name, settings)
    if isinstance(raw, ReadError):
        yield raw
    else:
        yield from read_raw(raw, fmt, settings)


__all__ = ["folder_entries", "read_file", "read_paths"]
