"""How far two annotations of the same documents agree: one taken as gold, the other scored against it.

    python tools/agreement.py FIRST.gold.jsonl SECOND.gold.jsonl [--required | --strict]

Both files are span gold (``tools/gold_spans.py convert``); SECOND is taken as gold, FIRST as the
prediction, with the scoring rules of ../shared/eval/README.md: events match on type and overlapping evidence,
one to one; a match with an optional event counts neither way; claims match on property, overlapping evidence
and a value within 0.5%. By default an event FIRST marks optional counts neither way either (two annotators'
agreement as the news gold's review measured it); with ``--required`` FIRST's optional events are dropped (what
FIRST commits to, scored as nkwatch is: a gold event it only marks optional is a miss); with ``--strict`` every
event of FIRST counts as a prediction. Only the documents both files hold are compared.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

from nkwatch.eval.gold import GoldDoc, parse_gold_line
from nkwatch.eval.score import date_verdict, greedy_match, overlap, prf
from nkwatch.models import Span

HEADER = f"{'set':10} {'docs':>5} {'events F1':>9} {'P':>6} {'R':>6} {'dates =':>8} {'class =':>8} {'claims F1':>9}"


def _spans(event) -> list[Span]:
    return [e for e in event.evidence if isinstance(e, Span)]


def compare(first: dict[str, GoldDoc], second: dict[str, GoldDoc], strict: bool = False) -> Counter:
    """Counts of FIRST scored against SECOND (the gold), over SECOND's documents."""
    c = Counter()
    for doc, gold in second.items():
        pred = first.get(doc)
        pred_events = list(pred.events) if pred else []
        pairs = [(max(overlap(a, b) for a in _spans(p) for b in _spans(g)), g.optional, pi, gi)
                 for pi, p in enumerate(pred_events) for gi, g in enumerate(gold.events) if p.type == g.type]
        match = greedy_match(pairs)
        for pi, gi in match.items():
            g, p = gold.events[gi], pred_events[pi]
            if g.optional or (p.optional and not strict):
                continue
            c["tp"] += 1
            c["date_same"] += date_verdict(p.date, g.date, g.date_alt) == "strict"
            c["class_n"] += g.type == "weapons_test"
            c["class_same"] += g.type == "weapons_test" and p.weapon_class == g.weapon_class
        c["fp"] += sum(1 for pi, p in enumerate(pred_events) if pi not in match and (strict or not p.optional))
        c["fn"] += sum(1 for gi, g in enumerate(gold.events) if gi not in match.values() and not g.optional)
        pred_claims = list(pred.claims) if pred else []
        cpairs = [(overlap(p.evidence, g.evidence), g.optional, pi, gi) for pi, p in enumerate(pred_claims)
                  for gi, g in enumerate(gold.claims) if p.property == g.property
                  and isinstance(p.evidence, Span) and isinstance(g.evidence, Span)]
        cm = greedy_match(cpairs)
        c["ctp"] += sum(1 for pi, gi in cm.items() if abs(pred_claims[pi].value - gold.claims[gi].value)
                        <= 0.005 * abs(gold.claims[gi].value))
        c["cpred"] += len(pred_claims)
        c["cgold"] += len(gold.claims)
    c["docs"] = len(second)
    return c


def row(name: str, c: Counter) -> str:
    events = prf(c["tp"], c["fp"], c["fn"])
    p, r, f = (events[k] or 0.0 for k in ("precision", "recall", "f1"))
    cf = 2 * c["ctp"] / (c["cpred"] + c["cgold"]) if c["cpred"] + c["cgold"] else 0.0
    dates = c["date_same"] / c["tp"] if c["tp"] else 0.0
    cls = c["class_same"] / c["class_n"] if c["class_n"] else 0.0
    return f"{name:10} {c['docs']:5d} {f:9.3f} {p:6.3f} {r:6.3f} {dates:8.3f} {cls:8.3f} {cf:9.3f}"


def read(path: Path) -> dict[str, GoldDoc]:
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {x["doc"]: parse_gold_line(x) for x in lines}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--required", action="store_true", help="FIRST's optional events dropped")
    mode.add_argument("--strict", action="store_true", help="FIRST's optional events count as predictions")
    args = parser.parse_args(argv)
    first, second = read(args.first), read(args.second)
    if args.required:
        first = {d: dataclasses.replace(g, events=[e for e in g.events if not e.optional]) for d, g in first.items()}
    both = first.keys() & second.keys()
    c = compare({d: first[d] for d in both}, {d: second[d] for d in both}, args.strict or args.required)
    print(HEADER)
    print(row("all", c))
    print(f"tp {c['tp']} fp {c['fp']} fn {c['fn']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
