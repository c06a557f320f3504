"""Temporal tagger: finds temporal expressions in English news and normalizes them to TimeML
TIMEX3 (type DATE / TIME / DURATION / SET, value, mod) against the document's reference date.

Pure Python and regular expressions; the rules and vocabularies are data (data/timex/*.toml).
Usage::

    tagger = TimexTagger(settings)
    for t in tagger.tag(text, dct=datetime.date(2025, 2, 28)):
        print(t.start, t.end, t.type, t.value)
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from .context import is_narrative
from .matching import find, modifier
from .normalize import NORMALIZERS, Norm
from .ranges import split_ranges
from .resolve import State
from .resources import Resources, load_resources
from .zones import date_paired_times

__all__ = ["Timex", "TimexTagger"]

POINT_NORMS = ("date", "deixis", "relunit", "anaphor", "time")


@dataclass(frozen=True)
class Timex:
    """One temporal expression: its character span in the text and its TIMEX3 normalization.

    value is None when it cannot be normalized (e.g. a relative expression with no reference
    date); it has X placeholders where the text does not say the place in time ("the same day"
    with no day before it: XXXX-XX-XX; "at 8am" in a report of the past: XXXX-XX-XXT08:00).
    anchored is True when the value was computed relative to the reference date."""
    start: int
    end: int
    text: str
    type: str            # DATE | TIME | DURATION | SET
    value: str | None
    mod: str | None = None
    anchored: bool = False


class TimexTagger:
    """Loads the rule and vocabulary files once; ``tag`` is then pure and thread-safe."""

    def __init__(self, settings) -> None:
        self.resources: Resources = load_resources(settings.data_path("timex"))

    def tag(self, text: str, dct: datetime.date | None, *, tense_hints: bool = True) -> list[Timex]:
        """Temporal expressions in ``text`` in text order, normalized against ``dct`` (the document
        creation / publication date); one whose value would fall outside years 1..9999 has none. With ``tense_hints`` False, bare weekdays and months take
        their default direction instead of the one suggested by the clause's tense."""
        if isinstance(dct, datetime.datetime):
            dct = dct.date()
        res = self.resources
        narrative = dct is not None and is_narrative(text, dct, res.cues)
        state = State(text, dct, res, narrative, tense_hints)
        items: list[tuple[int, int, Norm]] = []
        floor = 0
        for m in find(text, res):
            try:
                norm = NORMALIZERS[m.rule.norm](m.groups, text[m.start:m.end], m.rule, m.start, m.end,
                                                state)
            except (ValueError, OverflowError):  # arithmetic past the calendar's years 1..9999
                norm = Norm(m.rule.type or "DATE", None)
            if norm is None:
                continue
            start, mod = self._modifiers(text, m.start, m.rule.norm, norm, floor)
            items.append((start, m.end, replace(norm, mod=norm.mod or mod or m.rule.mod)))
            if norm.point is not None and norm.point.calendar and norm.type in ("DATE", "TIME") \
                    and norm.sets_ref and not (narrative and norm.deictic):
                state.ref, state.ref_end = norm.point, m.end
                state.last_of[norm.point.gran] = norm.point
            floor = m.end
        items = date_paired_times(text, split_ranges(text, items))
        return [Timex(s, e, text[s:e], n.type, n.value, n.mod, n.anchored) for s, e, n in items]

    def _modifiers(self, text: str, start: int, kind: str, norm: Norm, floor: int) -> tuple[int, str | None]:
        res = self.resources
        if norm.type == "DURATION" or kind == "offset":
            new_start, mod = modifier(text, start, "qmod", res, floor)
            if mod or text.startswith(("the ", "The "), start):
                return new_start, mod   # "over the next two years": "over" is a preposition
            return modifier(text, start, "qmod_outside", res, floor)
        if kind in POINT_NORMS and norm.point is not None:
            return modifier(text, start, "datemod", res, floor)
        return start, None
