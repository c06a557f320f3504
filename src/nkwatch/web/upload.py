"""The upload form of ``POST /api/ingest``, read within bounds: nothing is read before the route's
guards have run (the token is checked first: the route declares no form parameters, so FastAPI
reads no body for it), a Content-Length beyond the limit is refused before the body is read, the
body is streamed with a hard limit, every field has a limit of its own, and what is read stays in
memory: nothing is spooled to disk, for a refused request or any other."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from fastapi import HTTPException, Request
from python_multipart.multipart import MultipartParser, parse_options_header

FORM_OVERHEAD = 64 * 1024  # bytes of boundaries, part headers and the name field beside the article
NAME_BYTES = 1000          # the name field
FIELDS = ("file", "text", "name")


@dataclass
class UploadForm:
    """The fields given (raw bytes) and the file part's own file name."""
    fields: dict[str, bytearray] = field(default_factory=dict)
    filename: str | None = None

    def text(self, name: str) -> str | None:
        """A text field, decoded (400 when it is not UTF-8)."""
        if name not in self.fields:
            return None
        try:
            return self.fields[name].decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPException(400, f"the {name} field is not UTF-8 text") from None


def too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"larger than {limit} bytes")


class _Fields:
    """Collects form fields, refusing unknown or repeated ones and any over its limit."""

    def __init__(self, limit: int) -> None:
        self.form = UploadForm()
        self.limits = {"file": limit, "text": limit, "name": NAME_BYTES}

    def start(self, name: str) -> bytearray:
        if name not in self.limits:
            raise HTTPException(400, f"unknown form field {name[:40]!r} (give {', '.join(FIELDS)})")
        if name in self.form.fields:
            raise HTTPException(400, f"form field {name!r} given twice")
        self.form.fields[name] = bytearray()
        return self.form.fields[name]

    def add(self, name: str, data: bytes) -> None:
        value = self.form.fields[name]
        if len(value) + len(data) > self.limits[name]:
            raise too_large(self.limits[name])
        value += data


class _Multipart:
    def __init__(self, boundary: bytes, fields: _Fields) -> None:
        self.fields = fields
        self.header: list[bytes] = [b"", b""]   # the part header being read: name, value
        self.disposition: bytes | None = None
        self.current: str | None = None
        self.parser = MultipartParser(boundary, {
            "on_part_begin": self._begin, "on_header_field": self._header_field,
            "on_header_value": self._header_value, "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished, "on_part_data": self._data})

    def _begin(self) -> None:
        self.disposition, self.current = None, None

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self.header[0] += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self.header[1] += data[start:end]

    def _header_end(self) -> None:
        if self.header[0].lower() == b"content-disposition":
            self.disposition = self.header[1]
        self.header = [b"", b""]

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self.disposition or b"")
        name = options.get(b"name", b"").decode("utf-8", "replace")
        self.current = name
        self.fields.start(name)
        if name == "file":
            self.fields.form.filename = options.get(b"filename", b"").decode("utf-8", "replace")

    def _data(self, data: bytes, start: int, end: int) -> None:
        self.fields.add(self.current, data[start:end])

    def write(self, chunk: bytes) -> None:
        self.parser.write(chunk)

    def finish(self) -> None:
        self.parser.finalize()


class _Urlencoded:
    def __init__(self, fields: _Fields) -> None:
        self.fields, self.body = fields, bytearray()

    def write(self, chunk: bytes) -> None:
        self.body += chunk

    def finish(self) -> None:
        for name, value in parse_qsl(self.body.decode("latin-1"), keep_blank_values=True, encoding="latin-1"):
            self.fields.start(name)
            self.fields.add(name, value.encode("latin-1"))


async def read_upload(request: Request, limit: int) -> UploadForm:
    """The form of ``request`` (multipart/form-data or application/x-www-form-urlencoded) whose
    file or text holds at most ``limit`` bytes; 413 beyond it (before reading, when the request
    says its length), 415 for another content type, 400 for a malformed form."""
    total = limit + FORM_OVERHEAD
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > total):
        raise too_large(limit) if declared.isdigit() else HTTPException(400, "bad Content-Length")
    kind, options = parse_options_header(request.headers.get("content-type", ""))
    fields = _Fields(limit)
    if kind == b"multipart/form-data" and options.get(b"boundary"):
        parser: _Multipart | _Urlencoded = _Multipart(options[b"boundary"], fields)
    elif kind in (b"application/x-www-form-urlencoded", b""):  # no type: an empty form, or a plain one
        parser = _Urlencoded(fields)
    else:
        raise HTTPException(415, "send a multipart/form-data (file) or application/x-www-form-urlencoded (text) form")
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > total:
                raise too_large(limit)
            parser.write(chunk)
        parser.finish()
    except HTTPException:
        raise
    except Exception as exc:  # python-multipart's errors on a malformed body
        raise HTTPException(400, f"malformed form: {type(exc).__name__}") from None
    return fields.form
