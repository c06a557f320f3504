"""TimeML tooling: read .tml documents, re-annotate them with our temporal tagger, and score the
tagger as TempEval-3 Task A does."""
from __future__ import annotations

from pathlib import Path

from ..nlp.timex import TimexTagger
from .annotate import annotate_dir, render, system_timexes
from .notation import NOTATIONS
from .reader import TmlDocument, TmlError, parse_tml, read_tml, tml_files
from .score import Tally, score_document, summary

__all__ = ["NOTATIONS", "TmlDocument", "TmlError", "annotate_dir", "evaluate", "parse_tml", "read_tml",
           "render", "score_document", "summary", "system_timexes", "tml_files"]


def evaluate(gold: str | Path, tagger: TimexTagger, *, errors: bool = False,
             notation: str = "timeml") -> dict:
    """Annotate every .tml under ``gold`` in memory and score it: ``{"total": {...},
    "folders": {name: {...}}}`` with one entry per first-level subfolder (files directly in
    ``gold`` count under "."); with ``errors`` each summary lists its errors too. ``notation``
    writes our values in another corpus's notation (see notation.py) before they are compared."""
    root = Path(gold)
    total, folders = Tally(), {}
    for path in tml_files(root):
        doc = read_tml(path)
        rel = path.relative_to(root) if root.is_dir() else Path(path.name)
        folder = rel.parts[0] if len(rel.parts) > 1 else "."
        t = score_document(doc.timexes, system_timexes(doc, tagger, notation), doc.text, str(rel))
        folders.setdefault(folder, Tally()).add(t)
        total.add(t)

    def out(t: Tally) -> dict:
        s = summary(t)
        if errors:
            s["errors"] = t.errors
        return s
    return {"total": out(total), "folders": {k: out(v) for k, v in sorted(folders.items())}}
