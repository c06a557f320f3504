"""One input's bytes and where they came from, loaded with the size limit applied."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace

from ...models import ReadError
from ...settings import Settings

STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class RawInput:
    """The bytes of one file, stdin, or one record of a container, before any decoding.

    name: the ``Document.name`` to give (relative path, ``<stdin>``, or ``file.warc#3``).
    path: the path as given (``ReadError.path``), ``<stdin>`` for standard input.
    source_path: ``Document.source_path``; None for standard input.
    record: index of this record inside its container file, when it is one.
    """
    data: bytes
    name: str
    path: str
    source_path: str | None
    record: int | None = None

    def error(self, reason: str, line: int | None = None, skipped: bool = False) -> ReadError:
        """A ReadError for this input (its record index unless ``line`` is given)."""
        return ReadError(self.path, reason, self.record if line is None else line, skipped)

    def record_name(self, index: int) -> str:
        return f"{self.name}#{index}"

    def part(self, index: int, data: bytes) -> "RawInput":
        """Record ``index`` of this container, holding ``data``."""
        return replace(self, data=data, name=self.record_name(index), record=index)


def load_file(path: str, name: str, settings: Settings) -> RawInput | ReadError:
    """Read a whole file, refusing files over ``settings.max_file_bytes`` and empty ones."""
    try:
        size = os.stat(path).st_size
        if size > settings.max_file_bytes:
            return ReadError(path, f"file too large: {size} bytes > {settings.max_file_bytes}")
        with open(path, "rb") as f:
            data = f.read(settings.max_file_bytes + 1)
    except OSError as exc:
        return ReadError(path, os_reason(exc))
    if len(data) > settings.max_file_bytes:  # grew while being read
        return ReadError(path, f"file too large: {len(data)} bytes > {settings.max_file_bytes}")
    if not data:
        return ReadError(path, "empty file")
    return RawInput(data, name, path, path)


def os_reason(exc: OSError) -> str:
    """The system's reason for an OSError, as reported: 'no such file or directory', 'permission
    denied', 'too many levels of symbolic links' (a link loop)."""
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]


def load_stdin(settings: Settings) -> RawInput | ReadError:
    """Read standard input (as bytes) with the same limits as a file."""
    data = sys.stdin.buffer.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        return ReadError(STDIN_NAME, f"file too large: more than {settings.max_file_bytes} bytes")
    if not data:
        return ReadError(STDIN_NAME, "empty file")
    return RawInput(data, STDIN_NAME, STDIN_NAME, None)


def length_error(raw: RawInput, text: str, settings: Settings, line: int | None = None) -> ReadError | None:
    """A ReadError when one article's text is longer than ``settings.max_doc_chars``."""
    if len(text) > settings.max_doc_chars:
        return raw.error(f"article too long: {len(text)} chars > {settings.max_doc_chars}", line)
    return None
