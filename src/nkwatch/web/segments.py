"""An original text cut into segments for display: kept text vs boilerplate (with the rule that
removed it), and the evidence spans of mentions and claims marked, so a template can render the
text exactly as stored (escaped) with the evidence highlighted and the boilerplate greyed."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from ..models import Document, Span


@dataclass(frozen=True)
class Mark:
    """A span to highlight: kind 'mention' or 'claim', id the fact's id."""
    span: Span
    kind: str
    id: str


def text_segments(doc: Document, marks: list[Mark] = ()) -> list[dict[str, Any]]:
    """Consecutive segments covering ``doc.text``, each {start, end, text, boilerplate (the rule,
    '' when outside the kept spans without one, None when kept), kinds, ids, first (ids whose span
    starts here)}. A document never cleaned (no kept spans, no boilerplate) is all kept."""
    text = doc.text
    cleaned = bool(doc.kept or doc.boilerplate)
    kept = sorted(doc.kept)
    kept_starts = [s.start for s in kept]
    cuts = {0, len(text)}
    for span in [*kept, *(b.span for b in doc.boilerplate), *(m.span for m in marks)]:
        cuts.update((min(span.start, len(text)), min(span.end, len(text))))
    bounds = sorted(cuts)
    segments: list[dict[str, Any]] = []
    for start, end in zip(bounds, bounds[1:]):
        piece = Span(start, end)
        hits = [m for m in marks if m.span.overlaps(piece)]
        boilerplate = None
        if cleaned and not _inside(piece, kept, kept_starts):
            boilerplate = next((b.rule for b in doc.boilerplate if b.span.overlaps(piece)), "")
        kinds = tuple(sorted({m.kind for m in hits}))
        ids = tuple(m.id for m in hits)
        first = tuple(m.id for m in hits if m.span.start == start)
        last = segments[-1] if segments else None
        if last and not first and (last["boilerplate"], last["kinds"], last["ids"]) == (boilerplate, kinds, ids):
            last["end"], last["text"] = end, text[last["start"]:end]
            continue
        segments.append({"start": start, "end": end, "text": text[start:end], "boilerplate": boilerplate,
                         "kinds": kinds, "ids": ids, "first": first})
    return segments


def _inside(piece: Span, kept: list[Span], starts: list[int]) -> bool:
    i = bisect_right(starts, piece.start) - 1
    return i >= 0 and kept[i].contains(piece)


def snippet_segments(snippet: str, mark: str) -> list[dict[str, Any]]:
    """A search snippet whose matches are wrapped in ``mark`` (e.g. '**') as [{text, hit}]."""
    parts = snippet.split(mark)
    return [{"text": part, "hit": i % 2 == 1} for i, part in enumerate(parts) if part]
