"""Field reconciliation: chosen values with reasons, disagreements kept and flagged."""
from nkwatch.models import Place
from nkwatch.resolve import CanonicalEvent, MatchExplanation, Member, reconcile_event

from .factories import claim, mention


def event_of(*mentions, claims=(), long_running=None):
    members = [Member(m, MatchExplanation("matched")) for m in mentions]
    return CanonicalEvent("ev-test", mentions[0].type, members, claims=list(claims), long_running=long_running)


def test_date_is_the_most_precise_value_consistent_with_the_others(rules):
    event = reconcile_event(event_of(
        mention("a", date="2025-02", sources=["KCNA"]),
        mention("b", date="2025-02-26", method="relative", sources=["JCS"]),
        mention("c", date="2025-02-28", method="report_date", bound="on_or_before")), rules)
    date = event.fields["date"]
    assert date.value == "2025-02-26" and not date.disputed and date.bound is None
    assert "consistent with 3 of 3" in date.reason
    assert {v.value for v in date.values} == {"2025-02", "2025-02-26", "2025-02-28"}


def test_conflicting_dates_are_flagged_with_values_by_source(rules):
    event = reconcile_event(event_of(
        mention("a", date="2025-02-26", sources=["KCNA"]),
        mention("b", date="2025-02-26", sources=["JCS"]),
        mention("c", date="2025-03-04", sources=["TASS"])), rules)
    date = event.fields["date"]
    assert date.value == "2025-02-26" and date.disputed and "date" in event.disputed
    assert {v.value: v.sources for v in date.values} == {"2025-02-26": ["KCNA", "JCS"], "2025-03-04": ["TASS"]}


def test_only_report_bounds_give_an_on_or_before_date(rules):
    event = reconcile_event(event_of(
        mention("a", date="2025-03-14", method="report_date", bound="on_or_before"),
        mention("b", date="2025-03-12", method="report_date", bound="on_or_before")), rules)
    assert event.fields["date"].bound == "on_or_before"


def test_weapon_and_class_prefer_the_most_specific(rules):
    event = reconcile_event(event_of(
        mention("a", weapon_class="ballistic_unspecified", sources=["Japan's defense ministry"]),
        mention("b", weapon_class="ballistic_unspecified", sources=["US officials"]),
        mention("c", weapon_class="srbm", weapon="Hwasong-11", sources=["JCS"]),
        mention("d", weapon_class="srbm", weapon="Hwasong-11Da-4.5", sources=["KCNA"])), rules)
    assert event.weapon_class == "srbm" and not event.fields["weapon_class"].disputed
    assert event.value("weapon") == "Hwasong-11Da-4.5" and not event.fields["weapon"].disputed


def test_incompatible_classes_and_weapons_are_disputed(rules):
    event = reconcile_event(event_of(
        mention("a", weapon_class="cruise", weapon="Hwasal-2", sources=["KCNA"]),
        mention("b", weapon_class="srbm", weapon="KN-23", sources=["JCS"])), rules)
    assert {"weapon_class", "weapon"} <= set(event.disputed)


def test_actors_all_kept_most_named_first_never_disputed(rules):
    event = reconcile_event(event_of(
        mention("a", type="diplomatic_engagement", actors=["North Korea", "Russia", "Sergei Shoigu"], sources=["KCNA"]),
        mention("b", type="diplomatic_engagement", actors=["Sergei Shoigu", "Russia", "Russia"], sources=["TASS"]),
        mention("c", type="diplomatic_engagement")), rules)
    actors = event.fields["actors"]
    assert actors.value == ["Russia", "Sergei Shoigu", "North Korea"] and not actors.disputed
    assert {v.value: v.sources for v in actors.values} == {
        "Russia": ["KCNA", "TASS"], "Sergei Shoigu": ["KCNA", "TASS"], "North Korea": ["KCNA"]}
    assert "actors" not in reconcile_event(event_of(mention("d")), rules).fields


def test_count_by_sources_and_disagreement(rules):
    a = mention("a", count=3, sources=["JCS"])
    event = reconcile_event(event_of(a, mention("b", count=2, sources=["KCNA"]),
                                     claims=[claim("c", "count", 3, source="Japan's defense ministry")]), rules)
    assert event.count == 3 and event.fields["count"].disputed
    assert "2 source(s)" in event.fields["count"].reason


def test_place_prefers_a_site_on_the_reported_sea(rules):
    event = reconcile_event(event_of(
        mention("a", place=Place("Yellow Sea", "sea")), mention("b", place=Place("Nampo", "site"))), rules)
    assert event.value("place") == "Nampo" and "place" not in event.disputed
    seas = reconcile_event(event_of(
        mention("a", place=Place("West Sea", "sea")), mention("b", place=Place("Sea of Japan", "sea"))), rules)
    assert "place" in seas.disputed


def test_claims_from_two_sources_that_disagree_are_disputed(rules):
    kcna = claim("a", "range_km", 1000, source="KCNA", unit="km")
    jcs = claim("b", "range_km", 600, source="JCS", unit="km", bound="approx")
    apogee = [claim("a", "apogee_km", 1500, source="KCNA"), claim("b", "apogee_km", 1510, source="JCS")]
    event = reconcile_event(event_of(mention("a"), mention("b"), claims=[kcna, jcs, *apogee]), rules)
    rng = event.fields["claim:range_km"]
    assert rng.disputed and rng.value is None
    assert "1000 (KCNA)" in rng.reason and "600 (JCS)" in rng.reason
    assert not event.fields["claim:apogee_km"].disputed
    assert event.fields["claim:apogee_km"].value == 1500


def test_long_running_claims_are_a_series_not_a_dispute(rules):
    troops = [claim("a", "troops", 10000, bound="ge"), claim("b", "troops", 15000, bound="approx")]
    event = reconcile_event(event_of(mention("a", type="troop_deployment"), claims=troops,
                                     long_running="dprk-troops-russia"), rules)
    assert not event.disputed and "series" in event.fields["claim:troops"].reason
