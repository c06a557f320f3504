"""Reading TimeML (.tml) documents without an XML parser: the creation time from <DCT>, the text
inside <TEXT> with its tags taken out (offsets refer to that plain text), the gold TIMEX3 spans,
and every other tag with its place, so that the TEXT can be written back exactly."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)([^>]*?)(/?)>", re.S)
ATTR = re.compile(r'([\w:.-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
TEXT_OPEN = re.compile(r"<TEXT\b[^>]*>", re.I)
TEXT_CLOSE = re.compile(r"</TEXT\s*>", re.I)
DCT = re.compile(r"<DCT\b[^>]*>(.*?)</DCT\s*>", re.I | re.S)
DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


class TmlError(ValueError):
    """A file that is not a readable TimeML document."""


@dataclass(frozen=True)
class TimexTag:
    """A TIMEX3 span in the plain text with its attributes (type, value, mod...)."""
    start: int
    end: int
    attrs: dict[str, str]

    @property
    def type(self) -> str | None:
        return self.attrs.get("type")

    @property
    def value(self) -> str | None:
        return self.attrs.get("value")


@dataclass(frozen=True)
class Element:
    """Any other tag of the TEXT: an element spanning [start, end) of the plain text, or an empty
    tag (end == start, close == "") at one place."""
    start: int
    end: int
    open: str
    close: str
    order: int


@dataclass
class TmlDocument:
    path: str
    raw: str
    text_start: int      # raw offsets of the TEXT content
    text_end: int
    text: str            # TEXT content without tags (entities left as written)
    dct: dt.date | None
    timexes: list[TimexTag] = field(default_factory=list)
    elements: list[Element] = field(default_factory=list)


def attributes(tag: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in ATTR.finditer(tag)}


def _dct(raw: str) -> dt.date | None:
    m = DCT.search(raw)
    if not m:
        return None
    inner = m.group(1)
    value = attributes(inner).get("value") or re.sub(r"<[^>]+>", "", inner)
    d = DATE.search(value or "")
    if not d:
        return None
    try:
        return dt.date(int(d.group(1)), int(d.group(2)), int(d.group(3)))
    except ValueError:
        return None


def parse_tml(raw: str, path: str = "<string>") -> TmlDocument:
    """Split a TimeML document into plain text, gold TIMEX3 spans and the other tags."""
    m_open = TEXT_OPEN.search(raw)
    m_close = TEXT_CLOSE.search(raw, m_open.end()) if m_open else None
    if not m_open or not m_close:
        raise TmlError(f"{path}: no <TEXT> ... </TEXT>")
    start, end = m_open.end(), m_close.start()
    plain: list[str] = []
    offset = 0
    timexes: list[TimexTag] = []
    elements: list[Element] = []
    stack: list[tuple[str, int, str, int, dict]] = []  # name, start offset, open tag, order, attrs
    pos = start
    for order, m in enumerate(TAG.finditer(raw, start, end)):
        chunk = raw[pos:m.start()]
        plain.append(chunk)
        offset += len(chunk)
        pos = m.end()
        closing, name, rest, empty = m.group(1), m.group(2), m.group(3), m.group(4)
        if empty:
            if name.upper() != "TIMEX3":
                elements.append(Element(offset, offset, m.group(), "", order))
        elif not closing:
            stack.append((name, offset, m.group(), order, attributes(rest)))
        else:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    _, s, open_tag, o, attrs = stack.pop(i)
                    if name.upper() == "TIMEX3":
                        timexes.append(TimexTag(s, offset, attrs))
                    else:
                        elements.append(Element(s, offset, open_tag, m.group(), o))
                    break
            else:
                elements.append(Element(offset, offset, m.group(), "", order))
    for name, s, open_tag, o, _ in stack:
        if name.upper() != "TIMEX3":
            elements.append(Element(s, s, open_tag, "", o))
    plain.append(raw[pos:end])
    timexes.sort(key=lambda t: (t.start, t.end))
    return TmlDocument(path, raw, start, end, "".join(plain), _dct(raw), timexes, elements)


def read_tml(path: str | Path) -> TmlDocument:
    p = Path(path)
    return parse_tml(p.read_text(encoding="utf-8", errors="replace"), str(p))


def tml_files(root: str | Path) -> list[Path]:
    """The .tml files under ``root`` (recursively), sorted; ``root`` may be one file."""
    root = Path(root)
    if root.is_file():
        return [root]
    return sorted(root.rglob("*.tml"))
