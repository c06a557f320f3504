"""Scoring extractions against gold documents (rules: ../shared/eval/README.md). Pure: no I/O.

Events. A prediction whose evidence overlaps a ``negatives`` span is a false positive (also
counted in ``negatives_fp``) and takes no part in matching. The others match gold events of the
same type whose evidence or evidence_alt spans they overlap, one to one, greedily by overlap size
(ties: non-optional gold first, then file order). A match with an optional gold event counts
neither way; an unmatched prediction overlapping the spans of a matched gold event of its type
is a duplicate (neither way); any other unmatched prediction is a false positive.

Dates, arguments and clusters are scored over matches with non-optional gold events. A date is
strict-right when its value is the gold date or one of date_alt, relaxed-right when it is
strict-right or its interval (``nkwatch.dates.date_interval``) and one gold interval nest; a
null prediction is right when the gold date is null, else missing; a value that is not
relaxed-right is wrong. An open bound ("on or before X") counts as no date when X is the
publication day or later, else as relaxed-right when a gold value (date or date_alt) ends by X,
else as wrong.
conducted_by (where the gold gives it) is right when it names the same states; location and actors
(where the gold gives them) are found when a predicted name names the gold one (alias tables).

Claims: a prediction matching an optional gold claim counts neither way; an unmatched prediction
overlapping a matched gold claim of its property is a duplicate (the number said twice, reported,
neither way); precision is over the other predictions. Fractions are None when their denominator
is 0.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Mapping

from ..dates import date_interval
from ..models import Claim, Document, Extraction, Mention, Span
from .gold import GoldClaim, GoldDoc, GoldEvent, locate, negative_spans
from .sources import SourceAliases, same_states, source_found

VALUE_TOLERANCE = 0.005  # claims: relative difference allowed between predicted and gold values


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return {"precision": p, "recall": r, "f1": f1(p, r), "tp": tp, "fp": fp, "fn": fn}


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def greedy_match(pairs: Iterable[tuple[int, bool, int, int]]) -> dict[int, int]:
    """One-to-one matching from (overlap, gold optional, prediction index, gold index) candidates:
    largest overlap first, non-optional gold before optional, then by index. Returns pred -> gold."""
    used_pred: dict[int, int] = {}
    used_gold: set[int] = set()
    for ov, _opt, pi, gi in sorted(pairs, key=lambda t: (-t[0], t[1], t[2], t[3])):
        if ov > 0 and pi not in used_pred and gi not in used_gold:
            used_pred[pi] = gi
            used_gold.add(gi)
    return used_pred


def nested(a: tuple[date, date], b: tuple[date, date]) -> bool:
    """True when one interval contains the other."""
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def date_verdict(predicted: str | None, gold_date: str | None, gold_alt: Iterable[str] = (),
                 bound: str = "on", published: date | None = None) -> str:
    """'strict', 'relaxed' (relaxed-right only), 'wrong' or 'missing' for one matched event.
    ``bound`` 'on_or_before': the prediction says only that the event happened by the end of its
    value (scored by the open-bound rule against ``published``)."""
    accepted = [gold_date, *gold_alt]
    if predicted is not None and bound == "on_or_before":
        limit = date_interval(predicted)
        if limit is None or (published is not None and limit[1] >= published):
            predicted = None        # "on or before the publication day" says nothing more
        else:
            # relaxed-right when an accepted gold reading ends by X (README: "every gold value ends
            # by X"; with alternatives, the prediction needs to fit one reading, as strict does)
            ends = [g[1] for v in accepted if v and (g := date_interval(v))]
            return "relaxed" if not ends or any(end <= limit[1] for end in ends) else "wrong"
    if predicted is None:
        return "strict" if gold_date is None else "missing"
    if predicted in accepted:
        return "strict"
    interval = date_interval(predicted)
    if interval and any((g := date_interval(v)) and nested(interval, g) for v in accepted if v):
        return "relaxed"
    return "wrong"


def claim_value_right(pred: Claim, gold: GoldClaim) -> bool:
    def close(p: float | None, g: float) -> bool:
        return p is not None and abs(p - g) <= VALUE_TOLERANCE * abs(g)
    return close(pred.value, gold.value) and (gold.value_max is None or close(pred.value_max, gold.value_max))


def b_cubed(items: list[tuple[str, str]]) -> dict[str, float | None]:
    """B-cubed precision/recall/F1 of (predicted cluster, gold cluster) labels, one pair per item."""
    if not items:
        return {"b3_precision": None, "b3_recall": None, "b3_f1": None}
    p_sum = r_sum = 0.0
    for pred, gold in items:
        both = sum(1 for p, g in items if p == pred and g == gold)
        p_sum += both / sum(1 for p, _ in items if p == pred)
        r_sum += both / sum(1 for _, g in items if g == gold)
    p, r = p_sum / len(items), r_sum / len(items)
    return {"b3_precision": p, "b3_recall": r, "b3_f1": f1(p, r)}


@dataclass
class _Tally:
    """Counts for one document (or everything), merged into the result at the end."""
    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0
    negatives_fp: int = 0
    optional_matched: int = 0
    dates_strict: int = 0
    dates_relaxed: int = 0
    dates_wrong: int = 0
    dates_missing: int = 0
    wc_right: int = 0
    wc_n: int = 0
    count_right: int = 0
    count_n: int = 0
    src_found: int = 0
    src_n: int = 0
    claims_gold: int = 0
    claims_matched: int = 0
    claims_value_right: int = 0
    claims_predicted: int = 0
    claims_unmatched: int = 0
    claims_duplicates: int = 0
    claims_optional: int = 0
    cb_right: int = 0
    cb_n: int = 0
    loc_found: int = 0
    loc_n: int = 0
    act_found: int = 0
    act_n: int = 0

    def add(self, other: "_Tally") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _error(errors: list, kind: str, doc: str, type_: str | None, span: Span | None,
           text: str | None, detail: str = "") -> None:
    errors.append({"kind": kind, "doc": doc, "type": type_,
                   "span": [span.start, span.end] if span else None,
                   "text": text, "detail": detail})


@dataclass(frozen=True)
class NameTables:
    """Alias tables that tell when two names stand for the same source, state or place."""
    sources: SourceAliases | None = None
    actors: SourceAliases | None = None
    places: SourceAliases | None = None


def _published(g: GoldDoc, doc: Document) -> date | None:
    if g.published:
        try:
            return date.fromisoformat(g.published)
        except ValueError:
            pass
    return doc.published


def _score_events(g: GoldDoc, doc: Document, mentions: list[Mention], t: _Tally, per_type: dict,
                  errors: list, names: NameTables,
                  matched_out: list[tuple[Mention, GoldEvent]]) -> None:
    text = doc.text
    gold_spans = [[locate(ev, text, g.doc) for ev in e.evidence] for e in g.events]
    negs = negative_spans(g.negatives, text, g.doc)

    def bump(type_: str, key: str) -> None:
        per_type.setdefault(type_, {"tp": 0, "fp": 0, "fn": 0})[key] += 1

    candidates: list[int] = []
    for pi, m in enumerate(mentions):
        if any(m.evidence.overlaps(n) for n in negs):
            t.fp += 1
            t.negatives_fp += 1
            bump(m.type, "fp")
            _error(errors, "negative_fp", g.doc, m.type, m.evidence, doc.span_text(m.evidence))
        else:
            candidates.append(pi)
    pairs = [(max(overlap(mentions[pi].evidence, s) for s in gold_spans[gi]), e.optional, pi, gi)
             for pi in candidates for gi, e in enumerate(g.events) if e.type == mentions[pi].type]
    match = greedy_match(pairs)
    matched_gold = set(match.values())

    for pi in candidates:
        m = mentions[pi]
        if pi in match:
            e = g.events[match[pi]]
            if e.optional:
                t.optional_matched += 1
                continue
            t.tp += 1
            bump(e.type, "tp")
            matched_out.append((m, e))
            _score_args(g.doc, doc, m, e, t, errors, names, _published(g, doc))
        elif any(g.events[gi].type == m.type and any(m.evidence.overlaps(s) for s in gold_spans[gi])
                 for gi in matched_gold):
            t.duplicates += 1
        else:
            t.fp += 1
            bump(m.type, "fp")
            _error(errors, "fp", g.doc, m.type, m.evidence, doc.span_text(m.evidence))
    for gi, e in enumerate(g.events):
        if gi not in matched_gold and not e.optional:
            t.fn += 1
            bump(e.type, "fn")
            span = gold_spans[gi][0]
            _error(errors, "fn", g.doc, e.type, span, doc.span_text(span), e.cid)


def _score_args(name: str, doc: Document, m: Mention, e: GoldEvent, t: _Tally, errors: list,
                names: NameTables, published: date | None) -> None:
    verdict = date_verdict(m.date.value, e.date, e.date_alt, m.date.bound, published)
    t.dates_strict += verdict == "strict"
    t.dates_relaxed += verdict in ("strict", "relaxed")
    t.dates_wrong += verdict == "wrong"
    t.dates_missing += verdict == "missing"
    gold_dates = " | ".join(str(v) for v in (e.date, *e.date_alt))
    if verdict in ("wrong", "missing"):
        _error(errors, f"date_{verdict}", name, e.type, m.evidence, doc.span_text(m.evidence),
               f"predicted {m.date.value} ({m.date.bound}), gold {gold_dates}")
    if e.type == "weapons_test":
        t.wc_n += 1
        if m.weapon_class == e.weapon_class:
            t.wc_right += 1
        else:
            _error(errors, "weapon_class", name, e.type, m.evidence, doc.span_text(m.evidence),
                   f"predicted {m.weapon_class}, gold {e.weapon_class}")
    if e.count is not None:
        t.count_n += 1
        if m.count == e.count:
            t.count_right += 1
        else:
            _error(errors, "count", name, e.type, m.evidence, doc.span_text(m.evidence),
                   f"predicted {m.count}, gold {e.count}")
    if e.conducted_by is not None:
        t.cb_n += 1
        if same_states(list(e.conducted_by), m.conducted_by, names.actors):
            t.cb_right += 1
        else:
            _error(errors, "conducted_by", name, e.type, m.evidence, doc.span_text(m.evidence),
                   f"predicted {m.conducted_by}, gold {list(e.conducted_by)}")
    if e.location:
        t.loc_n += 1
        if m.place is not None and source_found(e.location, [m.place.name], names.places):
            t.loc_found += 1
        else:
            _error(errors, "location", name, e.type, m.evidence, doc.span_text(m.evidence),
                   f"predicted {m.place.name if m.place else None}, gold {e.location}")
    for actor in e.actors:
        t.act_n += 1
        t.act_found += source_found(actor, m.actors, names.actors)
    for src in e.sources:
        t.src_n += 1
        if source_found(src, m.sources, names.sources):
            t.src_found += 1
        else:
            _error(errors, "source", name, e.type, m.evidence, doc.span_text(m.evidence),
                   f"gold source {src!r} not among {m.sources}")


def _score_claims(g: GoldDoc, doc: Document, claims: list[Claim], t: _Tally, errors: list) -> None:
    text = doc.text
    spans = [locate(c.evidence, text, g.doc) for c in g.claims]
    pairs = [(overlap(p.evidence, spans[gi]), c.optional, pi, gi)
             for pi, p in enumerate(claims) for gi, c in enumerate(g.claims) if c.property == p.property]
    match = greedy_match(pairs)
    matched_gold = {gi: pi for pi, gi in match.items()}
    duplicates = [pi for pi, p in enumerate(claims) if pi not in match and any(
        g.claims[gi].property == p.property and p.evidence.overlaps(spans[gi]) for gi in matched_gold)]
    t.claims_predicted += len(claims)
    t.claims_duplicates += len(duplicates)
    t.claims_optional += sum(g.claims[gi].optional for gi in match.values())
    t.claims_unmatched += len(claims) - len(match) - len(duplicates)
    for pi in range(len(claims)):
        if pi not in match and pi not in duplicates:
            p = claims[pi]
            _error(errors, "claim_fp", g.doc, p.property, p.evidence, doc.span_text(p.evidence), f"{p.value:g}")
    for gi, c in enumerate(g.claims):
        if c.optional:
            continue
        t.claims_gold += 1
        if gi not in matched_gold:
            _error(errors, "claim_fn", g.doc, c.property, spans[gi], doc.span_text(spans[gi]),
                   f"{c.value:g}" + (f"..{c.value_max:g}" if c.value_max is not None else ""))
            continue
        t.claims_matched += 1
        p = claims[matched_gold[gi]]
        if claim_value_right(p, c):
            t.claims_value_right += 1
        else:
            _error(errors, "claim_value", g.doc, c.property, p.evidence, doc.span_text(p.evidence),
                   f"predicted {p.value:g}..{p.value_max}, gold {c.value:g}..{c.value_max}")


def _missing_doc(g: GoldDoc, t: _Tally, per_type: dict, errors: list) -> None:
    """A gold document with no prediction (unreadable or absent): every required fact is missed."""
    for e in g.events:
        if not e.optional:
            t.fn += 1
            per_type.setdefault(e.type, {"tp": 0, "fp": 0, "fn": 0})["fn"] += 1
            ev = e.evidence[0]
            _error(errors, "fn", g.doc, e.type, ev if isinstance(ev, Span) else None,
                   ev if isinstance(ev, str) else None, e.cid)
    t.claims_gold += sum(not c.optional for c in g.claims)


def _summary(t: _Tally) -> dict[str, Any]:
    events = prf(t.tp, t.fp, t.fn) | {
        "duplicates": t.duplicates, "negatives_fp": t.negatives_fp, "optional_matched": t.optional_matched}
    return {
        "events": events,
        "dates": {"matched": t.tp, "strict": ratio(t.dates_strict, t.tp),
                  "relaxed": ratio(t.dates_relaxed, t.tp), "wrong": t.dates_wrong, "missing": t.dates_missing},
        "args": {"weapon_class": ratio(t.wc_right, t.wc_n), "count": ratio(t.count_right, t.count_n),
                 "sources": ratio(t.src_found, t.src_n), "conducted_by": ratio(t.cb_right, t.cb_n),
                 "location": ratio(t.loc_found, t.loc_n), "actors": ratio(t.act_found, t.act_n),
                 "scored": {"weapon_class": t.wc_n, "count": t.count_n, "sources": t.src_n,
                            "conducted_by": t.cb_n, "location": t.loc_n, "actors": t.act_n}},
        "claims": {"gold": t.claims_gold, "matched": t.claims_matched,
                   "recall": ratio(t.claims_matched, t.claims_gold),
                   "precision": ratio(t.claims_matched, t.claims_matched + t.claims_unmatched),
                   "value_accuracy": ratio(t.claims_value_right, t.claims_matched),
                   "predicted": t.claims_predicted, "unmatched_predictions": t.claims_unmatched,
                   "duplicates": t.claims_duplicates},
    }


def score(gold: list[GoldDoc], predictions: Mapping[str, tuple[Document, Extraction]],
          clusters: Mapping[str, str] | None = None, sources: SourceAliases | None = None,
          names: NameTables | None = None) -> dict:
    """Scores of ``predictions`` (Document.name -> (document, extraction)) against ``gold``.

    Only documents named in ``gold`` are scored. ``clusters`` maps Mention.id to a canonical event
    id (from resolution); without it the cluster scores are None. ``sources`` is the alias table
    used to match source names (``names``: all alias tables, sources included). Raises GoldError
    when gold evidence does not fit its document.
    """
    names = names or NameTables(sources=sources)
    total = _Tally()
    per_type: dict[str, dict] = {}
    per_document: dict[str, dict] = {}
    errors: list[dict] = []
    matched: list[tuple[Mention, GoldEvent]] = []
    missing_docs: list[str] = []
    not_read: dict[str, str] = {}
    for g in gold:
        t = _Tally()
        if g.doc in predictions:
            doc, extraction = predictions[g.doc]
            if extraction.not_read:
                not_read[g.doc] = extraction.not_read
            _score_events(g, doc, extraction.mentions, t, per_type, errors, names, matched)
            _score_claims(g, doc, extraction.claims, t, errors)
        else:
            missing_docs.append(g.doc)
            _missing_doc(g, t, per_type, errors)
        total.add(t)
        s = _summary(t)
        per_document[g.doc] = {**s["events"], "dates_wrong": t.dates_wrong,
                               "dates_missing": t.dates_missing, "claims_gold": t.claims_gold,
                               "claims_matched": t.claims_matched}
    result = _summary(total)
    if clusters is None:
        result["clusters"] = {"mentions": len(matched), "b3_precision": None, "b3_recall": None, "b3_f1": None}
    else:
        items = [(clusters.get(m.id, f"mention:{m.id}"), e.cid) for m, e in matched]
        result["clusters"] = {"mentions": len(items), **b_cubed(items)}
    result["per_type"] = {k: prf(v["tp"], v["fp"], v["fn"]) for k, v in sorted(per_type.items())}
    result["per_document"] = per_document
    result["documents"] = {"gold": len(gold), "missing": missing_docs, "not_read": not_read}
    result["errors"] = errors
    return result
