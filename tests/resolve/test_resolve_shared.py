"""End-to-end over ../shared: resolution of the seeds' gold mentions, the seeds' troop series,
and a round trip of the reference launches through reconciliation."""
import json
from datetime import date
from pathlib import Path

import pytest

from nkwatch.models import Claim, DateValue, Mention, Place, Span
from nkwatch.reference import launch_events, load_reference
from nkwatch.resolve import (CanonicalEvent, MatchExplanation, Member, claim_series, reconcile,
                             reconcile_event, resolve)
from nkwatch.resolve.intervals import precision_of

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
WINDOW = (date(2023, 12, 24), date(2024, 11, 10))


def gold_rows():
    path = SHARED / "eval" / "seeds.gold.jsonl"
    if not path.exists():
        pytest.skip(f"seeds gold not found at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_inputs():
    """Mentions and claims as a perfect extractor would give them, with the gold cid of each."""
    mentions, cids, texts, claims, doc_dates = [], {}, {}, [], {}
    for row in gold_rows():
        text = (SHARED / "corpus" / "seeds" / row["doc"]).read_text(encoding="utf-8")
        doc_dates[row["doc"]] = date.fromisoformat(row["published"]) if row["published"] else None
        for e in row["events"]:
            start = text.index(e["evidence"])
            loc, when = e.get("location"), e.get("date")
            m = Mention(doc=row["doc"], type=e["type"], evidence=Span(start, start + len(e["evidence"])),
                        weapon_class=e.get("weapon_class"), count=e.get("count"),
                        date=DateValue(when, precision_of(when), "explicit") if when else DateValue(),
                        place=Place(loc, "sea" if "Sea" in loc else "area") if loc else None,
                        actors=e.get("actors", []), sources=e.get("sources", []))
            mentions.append(m)
            cids[m.id], texts[m.id] = e["cid"], e["evidence"]
        for c in row["claims"]:
            start = text.index(c["evidence"])
            claims.append(Claim(doc=row["doc"], property=c["property"], value=c["value"],
                                value_max=c.get("value_max"), bound=c["bound"], period=c.get("period"),
                                source=c["source"], evidence=Span(start, start + len(c["evidence"])),
                                subject=c["cid"]))
    return mentions, cids, texts, claims, doc_dates


def b_cubed(pred: dict, gold: dict) -> float:
    ids = list(gold)
    p = r = 0.0
    for i in ids:
        same_pred = {j for j in ids if pred[j] == pred[i]}
        same_gold = {j for j in ids if gold[j] == gold[i]}
        p += len(same_pred & same_gold) / len(same_pred)
        r += len(same_pred & same_gold) / len(same_gold)
    p, r = p / len(ids), r / len(ids)
    return 2 * p * r / (p + r)


@pytest.mark.e2e
def test_seed_gold_mentions_resolve_to_the_gold_events(rules):
    mentions, cids, texts, _, doc_dates = gold_inputs()
    result = resolve(mentions, [], [], doc_dates, evidence_text=texts, rules=rules)
    f1 = b_cubed(result.assignments, cids)
    print(f"seeds gold mentions: {len(mentions)}, events {len(set(result.assignments.values()))}, B3 F1 {f1:.3f}")
    assert f1 >= 0.9
    troops = [m.id for m in mentions if cids[m.id] == "dprk-troops-russia"]
    assert {result.assignments[m] for m in troops} == {"dprk-troops-russia"} and len(troops) == 5


@pytest.mark.e2e
def test_seed_troop_series(rules):
    _, _, _, claims, doc_dates = gold_inputs()
    inferred = {d for d, v in doc_dates.items() if v is None and d.startswith("001_")}
    doc_dates.update({d: date(2025, 3, 21) for d in inferred})  # what the publication-date stage infers
    methods = {d: "inferred" if d in inferred else ("header" if v else "unknown") for d, v in doc_dates.items()}
    points = claim_series(claims, "dprk-troops-russia", None, doc_dates, methods)
    assert [(p.shown_date, p.property, p.shown_value, p.source) for p in points] == [
        ("2025-03-21 (inferred)", "troops", ">10,000", "South Korean and Western intelligence agencies"),
        ("2025-04-28", "troops", "~11,000", "Ukrainian officials"),
        ("2025-04-28", "reinforcements", "~3,000", "Ukrainian officials"),
        ("undated", "troops", "~15,000", "South Korean assessments"),
        ("undated", "killed", "~600", "South Korean assessments"),
    ]


@pytest.mark.e2e
def test_reference_launches_round_trip_through_reconciliation(rules):
    path = SHARED / "reference" / "nk-missile-tests" / "tests.json"
    if not path.exists():
        pytest.skip(f"shared reference data not found at {path}")
    rows = load_reference(path)
    events = []
    for (day, site), group in launch_events(rows).items():
        if not WINDOW[0] <= day <= WINDOW[1]:
            continue
        m = Mention(doc=f"{day}-{site}", type="weapons_test", evidence=Span(0, 1), count=len(group),
                    weapon_class=group[0].weapon_class, date=DateValue(day.isoformat(), "day", "explicit"))
        events.append(reconcile_event(CanonicalEvent(f"ev-{day}-{site}", "weapons_test",
                                                     [Member(m, MatchExplanation("founded"))]), rules))
    report = reconcile(events, rows, rules, *WINDOW)
    assert len(report.reference_days) == 12 and report.day_recall == 1.0
    assert not report.missing_from_reference and not report.missed_reference_days
    assert sum(len(m.rows) for m in report.matched) == 41
    assert all(d.field == "weapon_class" for m in report.matched for d in m.disagreements)
