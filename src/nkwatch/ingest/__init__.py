"""Ingest: files, folders and stdin -> ``Document``s (readers), then cleaning and dating."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..models import Document, ReadError
from ..settings import Settings
from .readers import format_of_name, load_file, load_stdin, read_raw, sniff_format

STDIN = "-"


def read_paths(paths: Iterable[str], settings: Settings) -> Iterator[Document | ReadError]:
    """Every Document under ``paths``, and one ReadError per input (or record) that cannot be read.

    Each path is a file (named by its base name), a folder, or ``-`` for standard input (format
    sniffed from the content, named ``<stdin>``). Folders are walked recursively in sorted
    order, their files named by their path relative to the folder; hidden files and folders
    are skipped, and so are files of an unknown type. A file of unknown type named explicitly
    is a ReadError "unsupported file type". Records of JSON lists, JSONL, feeds and WARC files
    are named ``<file name>#<i>``. Nothing is raised: every failure is yielded as a ReadError.
    """
    for arg in paths:
        if arg == STDIN:
            raw = load_stdin(settings)
            if isinstance(raw, ReadError):
                yield raw
            else:
                yield from read_raw(raw, sniff_format(raw.data), settings)
        elif os.path.isdir(arg):
            for path, name in folder_files(arg):
                yield from read_file(path, name, format_of_name(name), settings)
        elif not os.path.exists(arg):
            yield ReadError(arg, "no such file or directory")
        elif format_of_name(arg) is None:
            yield ReadError(arg, "unsupported file type")
        else:
            yield from read_file(arg, os.path.basename(arg), format_of_name(arg), settings)


def folder_files(root: str) -> list[tuple[str, str]]:
    """(path, name relative to root) of the readable files under ``root``, sorted by name;
    hidden entries (a name starting with '.') and files of unknown type left out."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for file in files:
            if file.startswith(".") or format_of_name(file) is None:
                continue
            path = os.path.join(folder, file)
            found.append((path, Path(os.path.relpath(path, root)).as_posix()))
    return sorted(found, key=lambda item: item[1].split("/"))


def read_file(path: str, name: str, fmt: str, settings: Settings) -> Iterator[Document | ReadError]:
    """The Documents of one file of format ``fmt``, named ``name`` (records ``name#i``)."""
    raw = load_file(path, name, settings)
    if isinstance(raw, ReadError):
        yield raw
    else:
        yield from read_raw(raw, fmt, settings)


__all__ = ["folder_files", "read_file", "read_paths"]
