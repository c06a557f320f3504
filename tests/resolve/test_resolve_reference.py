"""Reconciling launch events with reference rows (one row per missile)."""
from datetime import date, time

from nkwatch.reference import ReferenceLaunch
from nkwatch.reference.values import local_day
from nkwatch.resolve import CanonicalEvent, MatchExplanation, Member, reconcile, reconcile_event

from .factories import mention


def row(ref, day, at=None, weapon_class="srbm", also=()):
    return ReferenceLaunch(dataset="t.csv", ref_id=str(ref), date=day, weapon_class=weapon_class,
                           time=at, local_date=local_day(day, at), class_alternatives=also)


def event(rules, id, day, weapon_class, count=None, type="weapons_test", **kw):
    m = mention(id, type=type, date=day, weapon_class=weapon_class, count=count, **kw)
    return reconcile_event(CanonicalEvent(id, type, [Member(m, MatchExplanation("founded"))]), rules)


def test_a_three_missile_launch_matches_three_rows(rules):
    launch = event(rules, "ev-a", "2024-03-18", "srbm", count=3)
    rows = [row(i, date(2024, 3, 17), time(22, 44)) for i in (1, 2, 3)]  # 07:44 on the 18th in Pyongyang
    report = reconcile([launch], rows, rules)
    assert len(report.matched) == 1
    matched_event, matched_rows, disagreements = report.matched[0]
    assert matched_event is launch and [r.ref_id for r in matched_rows] == ["1", "2", "3"]
    assert disagreements == []
    assert report.day_recall == 1.0 and report.day_recall_exact_date == 1.0


def test_count_and_class_disagreements(rules):
    two = event(rules, "ev-a", "2024-05-30", "srbm", count=2)
    icbm = event(rules, "ev-b", "2024-10-31", "icbm")
    rows = [row(i, date(2024, 5, 30), time(3, 0)) for i in (1, 2, 3)] + [row(4, date(2024, 10, 30), time(22, 11))]
    report = reconcile([two, icbm], rows, rules)
    found = {m.event.id: m for m in report.matched}
    assert [(d.field, d.event_value, d.reference_value) for d in found["ev-a"].disagreements] == [("count", 2, 3)]
    assert [d.field for d in found["ev-b"].disagreements] == ["weapon_class"]


def test_class_alternatives_and_general_classes_agree(rules):
    hypersonic = event(rules, "ev-a", "2024-04-02", "hypersonic")
    vague = event(rules, "ev-b", "2024-06-26", "ballistic_unspecified")
    rows = [row(1, date(2024, 4, 2), time(0, 53), "irbm", also=("hypersonic",)), row(2, date(2024, 6, 26), time(0, 30))]
    report = reconcile([hypersonic, vague], rows, rules)
    assert all(m.disagreements == [] for m in report.matched) and len(report.matched) == 2


def test_rows_of_one_day_go_to_the_launch_whose_class_fits(rules):
    srbm = event(rules, "ev-a", "2024-09-18", "srbm", count=2)
    cruise_like = event(rules, "ev-b", "2024-09-18", "irbm", count=1)
    rows = [row(1, date(2024, 9, 18), time(1, 0), "irbm"), row(2, date(2024, 9, 18), time(2, 0)),
            row(3, date(2024, 9, 18), time(2, 0))]
    found = {m.event.id: [r.ref_id for r in m.rows] for m in reconcile([srbm, cruise_like], rows, rules).matched}
    assert found == {"ev-a": ["2", "3"], "ev-b": ["1"]}


def test_a_row_without_time_matches_the_next_day_with_a_date_note(rules):
    launch = event(rules, "ev-a", "2024-04-22", "srbm")
    report = reconcile([launch], [row(1, date(2024, 4, 21))], rules)
    (match,) = report.matched
    assert [d.field for d in match.disagreements] == ["date"]
    assert "time unknown" in match.disagreements[0].note
    assert report.day_recall == 1.0 and report.day_recall_exact_date == 0.0


def test_missing_days_with_reasons_and_launches_missing_from_the_reference(rules):
    cruise = event(rules, "ev-c", "2024-01-24", "cruise")
    month = event(rules, "ev-m", "2024-06", "srbm")
    near = event(rules, "ev-n", "2024-09-12", "srbm")
    extra = event(rules, "ev-x", "2024-11-05", "srbm")
    drill = event(rules, "ev-d", "2024-01-02", None, type="military_exercise")
    rows = [row(1, date(2024, 1, 24), time(1, 0)), row(2, date(2024, 6, 26), time(0, 30)),
            row(3, date(2024, 9, 10), time(0, 0)), row(4, date(2024, 2, 2), time(1, 0)),
            row(5, date(2025, 1, 6), time(3, 0))]
    report = reconcile([cruise, month, near, extra, drill], rows, rules, until=date(2024, 12, 31))
    reasons = {d.day: d.reason for d in report.missed_reference_days}
    assert list(reasons) == [date(2024, 1, 24), date(2024, 2, 2), date(2024, 6, 26), date(2024, 9, 10)]
    assert "cruise" in reasons[date(2024, 1, 24)]
    assert reasons[date(2024, 2, 2)] == "no extracted weapons test near that day"
    assert "2024-06" in reasons[date(2024, 6, 26)] and "month" in reasons[date(2024, 6, 26)]
    assert "2024-09-12" in reasons[date(2024, 9, 10)]
    assert [e.id for e in report.missing_from_reference] == ["ev-n", "ev-x"]
    assert [e.id for e in report.not_day_dated] == ["ev-m"]
    assert report.day_recall == 0.0 and len(report.reference_days) == 4


def test_weapons_the_reference_records_outside_its_classes(rules):
    """The 600mm system is 'multiple rocket launcher' to KCNA and an SRBM to CNS: its firings are
    compared; other rocket artillery is not."""
    super_large = event(rules, "ev-k", "2024-09-12", "mlrs", weapon="600mm super-large MLRS")
    artillery = event(rules, "ev-r", "2024-05-30", "mlrs", weapon="240mm MLRS")
    rows = [row(1, date(2024, 9, 12), time(7, 10)), row(2, date(2024, 9, 12), time(7, 10))]
    report = reconcile([super_large, artillery], rows, rules)
    (match,) = report.matched
    assert match.event is super_large and len(match.rows) == 2 and match.disagreements == []
    assert report.missing_from_reference == [] and report.day_recall == 1.0


def test_launches_of_other_countries_are_not_compared(rules):
    theirs = event(rules, "ev-us", "2024-06-04", "icbm", actors=["United States"])
    ours = event(rules, "ev-kp", "2024-06-26", "icbm", actors=["North Korea", "United States"])
    unnamed = event(rules, "ev-x", "2024-07-01", "srbm")
    report = reconcile([theirs, ours, unnamed], [], rules)
    assert [e.id for e in report.missing_from_reference] == ["ev-kp", "ev-x"]
