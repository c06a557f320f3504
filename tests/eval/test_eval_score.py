"""The scoring rules of shared/eval/README.md, one test per rule, on an invented article."""
import pytest

from nkwatch.eval.gold import parse_gold_line
from nkwatch.dates import date_interval
from nkwatch.eval.score import b_cubed, date_verdict, nested, score
from nkwatch.eval.sources import SourceAliases
from nkwatch.models import Claim, DateValue, Document, Extraction, Mention, Span

A = ("North Korea fired two short-range ballistic missiles into the East Sea on Tuesday, "
     "South Korea's Joint Chiefs of Staff said. ")
B = "The launch came a day after Seoul and Washington began their annual spring drills. "
C = "The missiles flew about 350 km before splashing down, the JCS said. "
D = "State media said on Wednesday that the test verified a new guidance system. "
E = "In a separate event, the North fired artillery rounds near the border island on Monday. "
H = "One missile flew for between 7,961 and 7,973 seconds, the agency said. "
F = "Sign up for our morning briefing. "
TEXT = A + B + C + D + E + H + F + F.strip()
NAME = "2025-03-12_launch.txt"


def sp(part: str, occurrence: int = 0) -> Span:
    """Span of the given occurrence of ``part`` in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(part, start + 1)
    return Span(start, start + len(part))


def inside(part: str, a: int, b: int) -> Span:
    """Characters a..b of ``part`` (a sub-span of its first occurrence)."""
    s = sp(part)
    return Span(s.start + a, s.start + b)


def event(cid, type_, evidence, **kw):
    return {"cid": cid, "type": type_, "evidence": evidence, **kw}


GOLD_LINE = {
    "doc": NAME, "published": "2025-03-12",
    "events": [
        event("test", "weapons_test", A.strip(), evidence_alt=[[sp(D).start, sp(D).end]],
              weapon_class="srbm", count=2, date="2025-03-11", sources=["South Korea"]),
        event("drills", "military_exercise", B.strip(), date="2025-03", date_alt=["2025-03-10"]),
        event("artillery", "weapons_test", E.strip(), weapon_class="artillery", date="2025-03-10", optional=True),
    ],
    "claims": [
        {"cid": "test", "property": "range_km", "value": 350, "bound": "approx", "evidence": "flew about 350 km"},
        {"cid": "test", "property": "flight_time_s", "value": 7961, "value_max": 7973,
         "evidence": "between 7,961 and 7,973 seconds"},
        {"cid": "test", "property": "count", "value": 2, "evidence": "two short-range", "optional": True},
    ],
    "negatives": ["Sign up for our morning briefing."],
}
DOC = Document(name=NAME, text=TEXT)


def m(type_, span, **kw) -> Mention:
    return Mention(doc=DOC.hash, type=type_, evidence=span, **kw)


def run(mentions=(), claims=(), line=None, clusters=None, sources=None, extra=None):
    gold = [parse_gold_line(line or GOLD_LINE)]
    predictions = {NAME: (DOC, Extraction(DOC.hash, "test", list(mentions), list(claims)))}
    predictions.update(extra or {})
    return score(gold, predictions, clusters=clusters, sources=sources)


# --- event matching ---------------------------------------------------------------------------

def test_overlap_is_enough_and_misses_count():
    r = run([m("weapons_test", inside(A, 12, 40))])
    ev = r["events"]
    assert (ev["tp"], ev["fp"], ev["fn"]) == (1, 0, 1)            # the drills are missed
    assert ev["precision"] == 1.0 and ev["recall"] == 0.5 and ev["f1"] == pytest.approx(2 / 3)
    assert [(e["kind"], e["type"]) for e in r["errors"] if e["kind"] in ("fp", "fn")] == [("fn", "military_exercise")]
    assert r["per_type"]["military_exercise"]["fn"] == 1


def test_type_must_agree():
    r = run([m("military_exercise", sp(A)), m("weapons_test", sp(B))])
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (0, 2, 2)


def test_greedy_one_to_one_by_overlap():
    # two gold tests, A and D; P1 touches A a little and D a lot, P2 covers A
    line = {"doc": NAME, "events": [event("a", "weapons_test", A.strip()), event("d", "weapons_test", D.strip())]}
    p1 = Span(sp(A).end - 20, sp(D).start + 40)
    p2 = inside(A, 0, 30)
    r = run([m("weapons_test", p1), m("weapons_test", p2)], line=line)
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"], r["events"]["duplicates"]) == (2, 0, 0, 0)


def test_largest_overlap_wins_and_the_other_is_a_duplicate():
    small = m("weapons_test", inside(A, 0, 10), date=DateValue("2025-03-20"))
    large = m("weapons_test", sp(A), date=DateValue("2025-03-11"))
    r = run([small, large])
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["duplicates"]) == (1, 0, 1)
    assert r["dates"]["wrong"] == 0 and r["dates"]["strict"] == 1.0   # the large one was matched


def test_optional_gold_counts_neither_way():
    r = run([m("weapons_test", sp(E))])
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (0, 0, 2)
    assert r["events"]["optional_matched"] == 1
    required = {**GOLD_LINE, "events": [dict(e, optional=False) for e in GOLD_LINE["events"]]}
    r = run([m("weapons_test", sp(E))], line=required)
    assert (r["events"]["tp"], r["events"]["fn"]) == (1, 2)


def test_duplicates_on_evidence_alt():
    r = run([m("weapons_test", sp(A)), m("weapons_test", inside(D, 5, 30)), m("weapons_test", sp(C))])
    ev = r["events"]
    assert (ev["tp"], ev["duplicates"], ev["fp"]) == (1, 1, 1)     # C reports no gold event: a false positive
    assert [e["span"] for e in r["errors"] if e["kind"] == "fp"] == [[sp(C).start, sp(C).end]]


def test_negatives_every_occurrence():
    r = run([m("ceremony", sp(F.strip(), 1)), m("weapons_test", sp(A))])
    assert (r["events"]["fp"], r["events"]["negatives_fp"], r["events"]["tp"]) == (1, 1, 1)
    assert r["events"]["precision"] == 0.5


def test_negative_spans_are_taken_as_given():
    second = sp(F.strip(), 1)
    line = {**GOLD_LINE, "negatives": [{"span": [second.start, second.end]}]}
    r = run([m("ceremony", sp(F.strip(), 0))], line=line)
    assert (r["events"]["fp"], r["events"]["negatives_fp"]) == (1, 0)
    r = run([m("ceremony", second)], line=line)
    assert (r["events"]["fp"], r["events"]["negatives_fp"]) == (1, 1)


def test_negative_overlap_beats_a_match():
    line = {**GOLD_LINE, "negatives": [A[:20]]}
    r = run([m("weapons_test", sp(A))], line=line)
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["negatives_fp"]) == (0, 1, 1)


def test_span_gold_equals_substring_gold():
    as_spans = {**GOLD_LINE, "events": [
        {k: v for k, v in e.items() if k != "evidence"} | {"span": [sp(e["evidence"]).start, sp(e["evidence"]).end]}
        for e in GOLD_LINE["events"]]}
    preds = [m("weapons_test", inside(A, 5, 50)), m("military_exercise", sp(E)), m("ceremony", sp(C))]
    assert run(preds, line=as_spans) == run(preds)


def test_repeated_substring_means_first_occurrence():
    line = {"doc": NAME, "events": [event("x", "ceremony", F.strip())]}
    r = run([m("ceremony", sp(F.strip(), 1))], line=line)
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (0, 1, 1)
    second = sp(F.strip(), 1)
    line = {"doc": NAME, "events": [{"cid": "x", "type": "ceremony", "span": [second.start, second.end]}]}
    assert run([m("ceremony", second)], line=line)["events"]["tp"] == 1


# --- dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("predicted, gold, alt, verdict", [
    ("2025-03-11", "2025-03-11", [], "strict"),
    ("2025-03-10", "2025-W11", ["2025-03-10"], "strict"),
    ("2025-03-12", "2025-W11", [], "relaxed"),       # the day lies in the week
    ("2025-W11", "2025-03-12", [], "relaxed"),       # ... and the other way round
    ("2025-03-17", "2025-W11", [], "wrong"),         # W11 of 2025 is 10-16 March
    ("2025-W14", "2025-03", [], "wrong"),            # 31 March - 6 April overlaps March, not nested
    ("2024-10", "2024-FA", [], "relaxed"),
    ("2024-12", "2024-FA", [], "wrong"),
    ("2025-01-15", "2024-WI", [], "relaxed"),        # winter runs into the next year
    ("2024", "2024-06-19", [], "relaxed"),
    (None, None, [], "strict"),
    ("2025-03-11", None, [], "wrong"),               # gold null, no alternative: only null is right
    (None, None, ["2025-08-23"], "strict"),
    ("2025-08-23", None, ["2025-08-23"], "strict"),
    ("2025-08", None, ["2025-08-23"], "relaxed"),
    (None, "2025-03-11", [], "missing"),
    ("sometime", "2025-03-11", [], "wrong"),
])
def test_date_verdict(predicted, gold, alt, verdict):
    assert date_verdict(predicted, gold, alt) == verdict


def test_nested_either_way_but_not_overlap():
    week, day, month = date_interval("2025-W11"), date_interval("2025-03-12"), date_interval("2025-03")
    assert nested(week, day) and nested(day, week) and nested(month, week)
    assert not nested(date_interval("2025-W09"), month)    # 24 Feb - 2 Mar overlaps March without nesting


def test_date_figures_over_matched_events():
    r = run([m("weapons_test", sp(A), date=DateValue("2025-03-11")),
             m("military_exercise", sp(B), date=DateValue("2025-03-11", bound="on_or_before"))])
    # on or before the 11th, published the 12th: the gold reading 2025-03-10 ends by it
    assert r["dates"] == {"matched": 2, "strict": 0.5, "relaxed": 1.0, "wrong": 0, "missing": 0}
    r = run([m("weapons_test", sp(A)), m("military_exercise", sp(B), date=DateValue("2025-W14")),
             m("weapons_test", sp(E), date=DateValue("1999"))])          # optional: not scored
    assert r["dates"] == {"matched": 2, "strict": 0.0, "relaxed": 0.0, "wrong": 1, "missing": 1}
    assert sorted(e["kind"] for e in r["errors"] if e["kind"].startswith("date")) == ["date_missing", "date_wrong"]


# --- arguments ------------------------------------------------------------------------------------

def test_arguments_over_matched_events():
    r = run([m("weapons_test", sp(A), weapon_class="srbm", count=2, sources=["South Korea's military"]),
             m("military_exercise", sp(B), weapon_class="other")])
    assert r["args"]["weapon_class"] == 1.0 and r["args"]["count"] == 1.0 and r["args"]["sources"] == 1.0
    assert r["args"]["scored"] == {"weapon_class": 1, "count": 1, "sources": 1, "conducted_by": 0, "location": 0,
                                   "actors": 0}
    r = run([m("weapons_test", sp(A), weapon_class="mrbm", count=None, sources=["KCNA"])])
    assert (r["args"]["weapon_class"], r["args"]["count"], r["args"]["sources"]) == (0.0, 0.0, 0.0)


def test_sources_through_the_alias_table():
    line = {"doc": NAME, "events": [event("test", "weapons_test", A.strip(), sources=["KCNA", "JCS"])]}
    aliases = SourceAliases({("kcna",): frozenset({"KCNA"}), ("korean", "central", "news", "agency"): frozenset({"KCNA"})})
    pred = [m("weapons_test", sp(A), sources=["Korean Central News Agency"])]
    assert run(pred, line=line)["args"]["sources"] == 0.0
    assert run(pred, line=line, sources=aliases)["args"]["sources"] == 0.5


# --- claims ---------------------------------------------------------------------------------------

def c(prop, span, value, value_max=None) -> Claim:
    return Claim(doc=DOC.hash, property=prop, value=value, value_max=value_max, evidence=span)


def test_claims_tolerance_and_value_max():
    r = run(claims=[c("range_km", sp(C), 351.7), c("flight_time_s", sp(H), 7961)])
    assert (r["claims"]["gold"], r["claims"]["matched"], r["claims"]["recall"]) == (2, 2, 1.0)
    assert r["claims"]["value_accuracy"] == 0.5             # value_max missing
    r = run(claims=[c("range_km", sp(C), 351.8), c("flight_time_s", sp(H), 7961, 7975)])
    assert r["claims"]["value_accuracy"] == 0.5             # 351.8 is 0.51% off; 7975 is 0.03% off


def test_claims_need_the_same_property_and_overlap():
    r = run(claims=[c("apogee_km", sp(C), 350), c("range_km", sp(B), 350), c("count", inside(A, 18, 30), 2)])
    assert (r["claims"]["matched"], r["claims"]["recall"], r["claims"]["value_accuracy"]) == (0, 0.0, None)
    assert r["claims"]["unmatched_predictions"] == 2        # the optional count matched, counts neither way
    assert [e["kind"] for e in r["errors"]] == ["fn", "fn", "claim_fp", "claim_fp", "claim_fn", "claim_fn"]
    assert r["claims"]["precision"] == 0.0


# --- clusters -------------------------------------------------------------------------------------

def test_b_cubed_by_hand():
    # gold a a a b b, predicted X X Y Y Y: P = R = (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15
    r = b_cubed([("X", "a"), ("X", "a"), ("Y", "a"), ("Y", "b"), ("Y", "b")])
    assert r["b3_precision"] == pytest.approx(11 / 15) and r["b3_recall"] == pytest.approx(11 / 15)
    # one predicted cluster over gold a a b b b: P = (2*2/5 + 3*3/5) / 5 = 13/25, R = 1
    r = b_cubed([("X", g) for g in "aabbb"])
    assert r["b3_precision"] == pytest.approx(13 / 25) and r["b3_recall"] == 1.0
    assert r["b3_f1"] == pytest.approx(2 * 0.52 / 1.52)
    assert b_cubed([])["b3_f1"] is None


def test_clusters_across_documents():
    other_text = "Seoul said the North launched two missiles on Tuesday."
    other = Document(name="other.txt", text=other_text)
    other_line = {"doc": "other.txt", "events": [event("test", "weapons_test", other_text)]}
    gold = [parse_gold_line(GOLD_LINE), parse_gold_line(other_line)]
    ma, mb = m("weapons_test", sp(A)), m("military_exercise", sp(B))
    mo = Mention(doc=other.hash, type="weapons_test", evidence=Span(0, len(other_text)))
    preds = {NAME: (DOC, Extraction(DOC.hash, "t", [ma, mb])),
             "other.txt": (other, Extraction(other.hash, "t", [mo]))}
    assert score(gold, preds)["clusters"]["b3_f1"] is None
    right = score(gold, preds, clusters={ma.id: "E1", mo.id: "E1", mb.id: "E2"})["clusters"]
    assert right["b3_f1"] == 1.0 and right["mentions"] == 3
    merged = score(gold, preds, clusters={ma.id: "E1", mo.id: "E1", mb.id: "E1"})["clusters"]
    assert merged["b3_precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3) and merged["b3_recall"] == 1.0
    split = score(gold, preds, clusters={ma.id: "E1"})["clusters"]      # unmapped mentions are singletons
    assert split["b3_precision"] == 1.0 and split["b3_recall"] == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)


# --- documents ------------------------------------------------------------------------------------

def test_only_gold_documents_are_scored_and_missing_ones_are_misses():
    stray = Document(name="stray.txt", text="A parade was held.")
    extra = {"stray.txt": (stray, Extraction(stray.hash, "t", [Mention(stray.hash, "ceremony", Span(0, 5))]))}
    r = run([m("weapons_test", sp(A)), m("military_exercise", sp(B))], extra=extra)
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (2, 0, 0)
    assert set(r["per_document"]) == {NAME}
    r = score([parse_gold_line(GOLD_LINE)], {})
    assert (r["events"]["tp"], r["events"]["fn"], r["claims"]["gold"]) == (0, 2, 2)
    assert r["documents"]["missing"] == [NAME]
    assert r["errors"][0]["text"] == A.strip()


def test_claim_precision_and_duplicates():
    r = run(claims=[c("range_km", sp(C), 350), c("range_km", inside(C, 4, 20), 350), c("range_km", sp(B), 9)])
    assert r["claims"]["matched"] == 1 and r["claims"]["duplicates"] == 1     # the same number said twice
    assert r["claims"]["unmatched_predictions"] == 1 and r["claims"]["precision"] == 0.5


# --- open bounds, conducted_by, location, actors ---------------------------------------------------

@pytest.mark.parametrize("predicted, published, verdict", [
    ("2025-03-12", "2025-03-12", "missing"),    # on or before the publication day: no date at all
    ("2025-03-14", "2025-03-12", "missing"),
    ("2025-03-11", "2025-03-12", "relaxed"),    # gold 2025-03-11 ends by it: never wrong
    ("2025-03-10", "2025-03-12", "wrong"),      # gold ends after it
    ("2025-W11", "2025-03-20", "relaxed"),
])
def test_open_bound_rule(predicted, published, verdict):
    from datetime import date
    assert date_verdict(predicted, "2025-03-11", (), "on_or_before", date.fromisoformat(published)) == verdict


def test_open_bound_takes_the_documents_publication_day():
    line = dict(GOLD_LINE, published="2025-03-12")
    bounded = DateValue("2025-03-12", "day", "report_date", "on_or_before")
    r = run([m("weapons_test", sp(A), date=bounded)], line=line)
    assert (r["dates"]["missing"], r["dates"]["wrong"]) == (1, 0)


def test_conducted_by_location_and_actors_where_the_gold_gives_them():
    line = {"doc": NAME, "events": [event("test", "weapons_test", A.strip(), conducted_by=["North Korea"],
                                          location="East Sea", actors=["North Korea", "Kim Jong Un"])]}
    from nkwatch.eval.score import NameTables
    from nkwatch.models import Place
    names = NameTables(actors=SourceAliases({("dprk",): frozenset({"North Korea"}),
                                            ("north", "korea"): frozenset({"North Korea"})}),
                       places=SourceAliases({("sea", "of", "japan"): frozenset({"East Sea"}),
                                             ("east", "sea"): frozenset({"East Sea"})}))
    gold = [parse_gold_line(line)]

    def scored(**kw):
        pred = {NAME: (DOC, Extraction(DOC.hash, "t", [m("weapons_test", sp(A), **kw)], []))}
        return score(gold, pred, names=names)["args"]

    right = scored(conducted_by=["DPRK"], place=Place("Sea of Japan", "sea"), actors=["North Korea"])
    assert (right["conducted_by"], right["location"], right["actors"]) == (1.0, 1.0, 0.5)
    wrong = scored(conducted_by=["North Korea", "United States"], place=None)
    assert (wrong["conducted_by"], wrong["location"]) == (0.0, 0.0)
    assert scored()["conducted_by"] == 0.0                   # unknown where the gold says: wrong
    assert run([m("weapons_test", sp(A))])["args"]["scored"]["conducted_by"] == 0   # gold silent: not scored
