"""JSON articles: a list of objects, a single object, or one object per line (JSONL).

Fields are found by name: the first candidate holding a non-empty value wins. Every field not
used for text, title, url, author or date goes into ``Document.meta`` unchanged.
Errors carry ``line``: the 0-based record index for a JSON list (as in the ``#i`` name), the
1-based line number for JSONL, the parser's line for a file that is not valid JSON.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Iterator

from ...models import Document, ReadError
from ...settings import Settings
from .dates import parse_date
from .encoding import decode
from .source import RawInput, length_error

DEFAULT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "text": ("text", "story_text", "body", "content"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "author": ("author", "byline"),
    "date": ("date", "published"),
}


def field_map(fields: Mapping[str, list[str]] | None) -> dict[str, tuple[str, ...]]:
    """The default field names with the keys given in ``fields`` replaced."""
    merged = {k: tuple(v) for k, v in DEFAULT_FIELDS.items()}
    merged.update({k: tuple(v) for k, v in (fields or {}).items()})
    return merged


def _first(record: Mapping[str, Any], names: tuple[str, ...], kinds: tuple[type, ...] = (str,),
           ) -> tuple[str | None, Any]:
    """(field name, value) of the first candidate holding a non-blank value of one of ``kinds``."""
    for name in names:
        value = record.get(name)
        if isinstance(value, kinds) and not isinstance(value, bool) and (
                not isinstance(value, str) or value.strip()):
            return name, value
    return None, None


def _no_text_reason(record: Mapping[str, Any], names: tuple[str, ...]) -> str:
    present = [n for n in names if n in record]
    if not present:
        return f"no text (none of the fields {', '.join(names)})"
    kinds = [f"empty {n}" if isinstance(record[n], (str, type(None))) else f"{n} is not a string"
             for n in present]
    return f"no text ({', '.join(kinds)})"


def record_document(record: Any, raw: RawInput, name: str, fmt: str, settings: Settings,
                    fields: Mapping[str, tuple[str, ...]], encoding: str, line: int | None,
                    ) -> Document | ReadError:
    """One JSON object as a Document, or the reason it is not one."""
    if not isinstance(record, Mapping):
        return raw.error(f"record is not a JSON object ({type(record).__name__})", line)
    text_field, text = _first(record, fields["text"])
    if text_field is None:
        # An empty text field is a record that is not an article (skipped); no text field at all
        # means the field mapping does not fit the file (an error).
        has_field = any(n in record for n in fields["text"])
        return raw.error(_no_text_reason(record, fields["text"]), line, skipped=has_field)
    too_long = length_error(raw, text, settings, line)
    if too_long:
        return too_long
    found = {key: _first(record, fields.get(key, ())) for key in ("title", "url", "author")}
    date_field, raw_date = _first(record, fields.get("date", ()), (str, int, float))
    published = parse_date(raw_date)
    used = {text_field, *(name for name, _ in found.values())}
    if published:  # an unreadable date stays in meta
        used.add(date_field)
    meta = {k: v for k, v in record.items() if k not in used}
    meta["encoding"] = encoding
    return Document(
        name=name, text=text, fmt=fmt, source_path=raw.source_path,
        title=found["title"][1], url=found["url"][1], author=found["author"][1],
        published=published, published_method="metadata" if published else "unknown", meta=meta,
    )


def read_json(raw: RawInput, settings: Settings, fields: Mapping[str, list[str]] | None = None,
              ) -> Iterator[Document | ReadError]:
    """A JSON list (one Document per item, named ``name#i``) or a single object."""
    decoded = decode(raw.data)
    if decoded is None:
        yield raw.error("binary file")
        return
    try:
        data = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        yield raw.error(f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                        exc.lineno)
        return
    names = field_map(fields)
    if isinstance(data, list):
        for i, record in enumerate(data):
            yield record_document(record, raw, raw.record_name(i), "json", settings, names,
                                  decoded.encoding, i)
    else:
        yield record_document(data, raw, raw.name, "json", settings, names, decoded.encoding, None)


def read_jsonl(raw: RawInput, settings: Settings, fields: Mapping[str, list[str]] | None = None,
               ) -> Iterator[Document | ReadError]:
    """One Document per non-blank line, named ``name#i`` with i the 0-based line index."""
    decoded = decode(raw.data)
    if decoded is None:
        yield raw.error("binary file")
        return
    names = field_map(fields)
    for i, line in enumerate(decoded.text.split("\n")):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield raw.error(f"malformed JSON line: {exc.msg} (column {exc.colno})", i + 1)
            continue
        yield record_document(record, raw, raw.record_name(i), "jsonl", settings, names,
                              decoded.encoding, i + 1)

