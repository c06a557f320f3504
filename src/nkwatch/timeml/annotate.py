"""Writing a TimeML document back with our TIMEX3 tags in place of the gold ones: the TEXT is
reproduced exactly (other tags included), the rest of the file is left untouched."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..nlp.timex import Timex, TimexTagger
from .notation import rewrite
from .reader import Element, TimexTag, TmlDocument, read_tml, tml_files


def system_timexes(doc: TmlDocument, tagger: TimexTagger, notation: str = "timeml") -> list[TimexTag]:
    """Our TIMEX3 spans for a document, numbered t1, t2... in text order, with values written in
    ``notation`` (see notation.py)."""
    found = rewrite(tagger.tag(doc.text, doc.dct), doc.dct, tagger.resources, notation)
    return [TimexTag(t.start, t.end, _attrs(i, t)) for i, t in enumerate(found, start=1)]


def _attrs(i: int, t: Timex) -> dict[str, str]:
    attrs = {"tid": f"t{i}", "type": t.type}
    if t.value is not None:
        attrs["value"] = t.value
    if t.mod:
        attrs["mod"] = t.mod
    return attrs


def _nest(span: tuple[int, int], elements: list[Element]) -> tuple[int, int]:
    """Widen a span until no element crosses its boundaries (keeps the XML well formed)."""
    s, e = span
    changed = True
    while changed:
        changed = False
        for el in elements:
            if el.end == el.start or el.end <= s or el.start >= e:
                continue
            inside = s <= el.start and el.end <= e
            around = el.start <= s and e <= el.end
            if not (inside or around):
                s, e = min(s, el.start), max(e, el.end)
                changed = True
    return s, e


@dataclass(frozen=True)
class _Marker:
    offset: int
    phase: int        # 0 close, 1 empty tag, 2 open
    key: tuple
    tag: str


def render_text(doc: TmlDocument, timexes: list[TimexTag]) -> str:
    """The TEXT content with ``timexes`` as TIMEX3 tags among the document's other tags."""
    markers: list[_Marker] = []
    for el in doc.elements:
        if el.end == el.start and not el.close:
            markers.append(_Marker(el.start, 1, (el.order,), el.open))
            continue
        markers.append(_Marker(el.start, 2, (-el.end, 0, el.order), el.open))
        markers.append(_Marker(el.end, 0, (-el.start, 1, -el.order), el.close))
    for t in timexes:
        s, e = _nest((t.start, t.end), doc.elements)
        attrs = " ".join(f'{k}="{escape(v, quote=True)}"' for k, v in t.attrs.items())
        markers.append(_Marker(s, 2, (-e, 1, 0), f"<TIMEX3 {attrs}>"))
        markers.append(_Marker(e, 0, (-s, 0, 0), "</TIMEX3>"))
    markers.sort(key=lambda m: (m.offset, m.phase, m.key))
    out, pos = [], 0
    for m in markers:
        out.append(doc.text[pos:m.offset])
        out.append(m.tag)
        pos = m.offset
    out.append(doc.text[pos:])
    return "".join(out)


def render(doc: TmlDocument, timexes: list[TimexTag]) -> str:
    """The whole document with its TEXT re-tagged."""
    return doc.raw[:doc.text_start] + render_text(doc, timexes) + doc.raw[doc.text_end:]


def annotate_dir(gold_dir: str | Path, out_dir: str | Path, tagger: TimexTagger,
                 notation: str = "timeml") -> list[Path]:
    """Write every .tml under ``gold_dir`` to the same relative path under ``out_dir`` with our
    TIMEX3 tags (values in ``notation``); returns the files written."""
    gold_dir, out_dir = Path(gold_dir), Path(out_dir)
    written = []
    for path in tml_files(gold_dir):
        doc = read_tml(path)
        rel = path.relative_to(gold_dir) if gold_dir.is_dir() else Path(path.name)
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(doc, system_timexes(doc, tagger, notation)), encoding="utf-8")
        written.append(target)
    return written
