"""Bytes to text: byte-order marks, UTF-8, a declared charset, then charset-normalizer's guess.

Nothing is normalized: the decoded string keeps every character and line ending of the input
(a byte-order mark is an encoding marker, not text, and is dropped by the codec).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 and C1 control characters other than tab, line feed, vertical tab, form feed, carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.05  # more than this share of control characters: not text
WESTERN = "cp1252"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def bom_encoding(data: bytes) -> str | None:
    """The codec a leading byte-order mark announces, if any."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(text: str) -> bool:
    """True when too many characters are control characters for this to be text."""
    return len(CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text)


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, declared: str | None = None) -> Decoded | None:
    """Decode ``data``; None when it is binary (NUL bytes without a BOM, undecodable, or mostly
    control characters).

    Order: BOM; strict UTF-8; the ``declared`` charset (an HTTP header or a <meta> tag);
    charset-normalizer's best guess, preferring cp1252 when it fits as well as any other.
    """
    encoding = bom_encoding(data)
    if encoding is None and b"\x00" in data:
        return None
    candidates = [encoding] if encoding else ["utf-8", declared]
    for enc in filter(None, candidates):
        text = _try(data, enc)
        if text is not None:
            return None if looks_binary(text) else Decoded(text, codecs.lookup(enc).name)
    if encoding:
        return None
    return _guess(data)


def _guess(data: bytes) -> Decoded | None:
    """charset-normalizer's guess; among equally plausible single-byte code pages, windows-1252
    (what the WHATWG Encoding Standard reads for latin-1 and unlabeled Western pages)."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    if any(m.chaos <= best.chaos and WESTERN in m.could_be_from_charset for m in matches):
        text = _try(data, WESTERN)
        if text is not None and not looks_binary(text):
            return Decoded(text, WESTERN)
    text = str(best)
    return None if looks_binary(text) else Decoded(text, best.encoding)
