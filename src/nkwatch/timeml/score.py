"""TempEval-3 Task A scoring of TIMEX3 extents and normalizations.

A system TIMEX3 matches a gold one strictly when the extents are equal and relaxed when they
overlap; precision counts the system tags that match some gold tag, recall the gold tags that some
system tag matches. Type and value accuracy are taken over the relaxed matches (each gold tag paired
with the system tag that overlaps it most); value F1 = relaxed F1 x value accuracy.

Values are compared as strings, as TempEval-3 does. Alongside, ``value_f1_canonical`` compares them
after rewriting notations that say the same thing ("2014-XX-XX" = "2014", "2013-10-W41" = "2013-W41",
"2015-03-13-WXX-5" = "2015-03-13", "2013-11-3" = "2013-11-03", "T7:30" = "T07:30"), to tell
notation from substance when reading errors."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .reader import TimexTag

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass
class Tally:
    """Counts that add up over documents."""
    gold: int = 0
    system: int = 0
    strict_gold: int = 0      # gold tags with an exact system match
    strict_system: int = 0    # system tags with an exact gold match
    relaxed_gold: int = 0
    relaxed_system: int = 0
    pairs: int = 0            # relaxed gold-system pairs
    type_ok: int = 0
    value_ok: int = 0
    canonical_ok: int = 0
    by_type: dict[str, Counter] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in ("gold", "system", "strict_gold", "strict_system", "relaxed_gold",
                     "relaxed_system", "pairs", "type_ok", "value_ok", "canonical_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for t, c in other.by_type.items():
            self.by_type.setdefault(t, Counter()).update(c)
        self.errors.extend(other.errors)


def canonical_value(value: str | None) -> str | None:
    """A TIMEX3 value in one notation among equivalent ones (see the module docstring)."""
    if value is None:
        return None
    v = value.strip()
    v = re.sub(r"^(\d{4}-\d\d-\d\d)-WXX-\d", r"\1", v)
    v = re.sub(r"^(\d{4})-\d\d-(W\d+)", r"\1-\2", v)
    v = re.sub(r"(?<=-W)(\d)(?!\d)", r"0\1", v)
    v = re.sub(r"^(\d{4})-(\d)(?=-|$)", r"\1-0\2", v)
    v = re.sub(r"^(\d{4}-\d\d)-(\d)(?=T|$)", r"\1-0\2", v)
    v = re.sub(r"T(\d)(?=:)", r"T0\1", v)
    v = re.sub(r"(T\d\d)$", r"\1:00", v)
    while re.fullmatch(r"\d{4}(?:-(?:\d\d|XX))*-XX", v):
        v = v[:-3]
    return v


def _overlap(a: TimexTag, b: TimexTag) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score_document(gold: list[TimexTag], system: list[TimexTag], text: str = "",
                   doc: str = "") -> Tally:
    """Tally one document; ``text`` and ``doc`` only label the error list."""
    t = Tally(gold=len(gold), system=len(system))
    for g in gold:
        t.by_type.setdefault(g.type or "?", Counter())["gold"] += 1
    for s in system:
        t.by_type.setdefault(s.type or "?", Counter())["system"] += 1
    exact = {(g.start, g.end) for g in gold}
    t.strict_system = sum((s.start, s.end) in exact for s in system)
    exact_sys = {(s.start, s.end) for s in system}
    t.strict_gold = sum((g.start, g.end) in exact_sys for g in gold)
    t.relaxed_system = sum(any(_overlap(s, g) > 0 for g in gold) for s in system)
    for g in gold:
        cands = [s for s in system if _overlap(s, g) > 0]
        if not cands:
            t.errors.append({"doc": doc, "kind": "missed", "gold": text[g.start:g.end],
                             "gold_type": g.type, "gold_value": g.value})
            continue
        s = max(cands, key=lambda c: (_overlap(c, g), -abs(c.start - g.start)))
        t.relaxed_gold += 1
        t.pairs += 1
        t.by_type[g.type or "?"]["matched"] += 1
        type_ok, value_ok = s.type == g.type, s.value == g.value
        t.type_ok += type_ok
        t.value_ok += value_ok
        t.canonical_ok += canonical_value(s.value) == canonical_value(g.value)
        if not (type_ok and value_ok and (s.start, s.end) == (g.start, g.end)):
            t.errors.append({"doc": doc, "kind": "wrong" if not value_ok else
                             "type" if not type_ok else "extent",
                             "gold": text[g.start:g.end], "system": text[s.start:s.end],
                             "gold_type": g.type, "system_type": s.type,
                             "gold_value": g.value, "system_value": s.value})
    for s in system:
        if not any(_overlap(s, g) > 0 for g in gold):
            t.errors.append({"doc": doc, "kind": "spurious", "system": text[s.start:s.end],
                             "system_type": s.type, "system_value": s.value})
    return t


def _prf(p_num: int, p_den: int, r_num: int, r_den: int) -> tuple[float, float, float]:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summary(t: Tally) -> dict:
    """The TempEval-3 figures (percentages) and counts of a tally."""
    sp, sr, sf = _prf(t.strict_system, t.system, t.strict_gold, t.gold)
    rp, rr, rf = _prf(t.relaxed_system, t.system, t.relaxed_gold, t.gold)
    type_acc = t.type_ok / t.pairs if t.pairs else 0.0
    value_acc = t.value_ok / t.pairs if t.pairs else 0.0
    canonical_acc = t.canonical_ok / t.pairs if t.pairs else 0.0
    pct = lambda x: round(100 * x, 2)  # noqa: E731
    return {
        "strict_precision": pct(sp), "strict_recall": pct(sr), "strict_f1": pct(sf),
        "relaxed_precision": pct(rp), "relaxed_recall": pct(rr), "relaxed_f1": pct(rf),
        "type_accuracy": pct(type_acc), "value_accuracy": pct(value_acc),
        "type_f1": pct(rf * type_acc), "value_f1": pct(rf * value_acc),
        "value_accuracy_canonical": pct(canonical_acc), "value_f1_canonical": pct(rf * canonical_acc),
        "gold": t.gold, "system": t.system, "matched": t.pairs,
        "by_type": {k: {"gold": c["gold"], "system": c["system"], "matched": c["matched"]}
                    for k, c in sorted(t.by_type.items())},
    }
