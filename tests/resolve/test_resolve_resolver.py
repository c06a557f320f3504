"""Cross-article resolution on hand-built mentions of invented reports."""
from datetime import date

from nkwatch.models import Place
from nkwatch.resolve import CanonicalEvent, MatchExplanation, Member, resolve
from nkwatch.resolve.features import CandidateIndex, profile

from .factories import claim, mention

SEA_OF_JAPAN = Place("Sea of Japan", "sea")


def five_outlets():
    return [
        mention("kcna", date="2024-01-14", weapon_class="hypersonic", weapon="Hwasong-16B",
                actors=["Kim Jong Un"], sources=["KCNA"], method="relative"),
        mention("yonhap", date="2024-01-14", weapon_class="irbm", place=Place("East Sea", "sea"),
                actors=["North Korea"], sources=["JCS"]),
        mention("nhk", date="2024-01-14", weapon_class="ballistic_unspecified", place=SEA_OF_JAPAN,
                sources=["Japan's defense ministry"]),
        mention("wire", date="2024-01-14", weapon_class="irbm", count=1, sources=["JCS"]),
        mention("tass", date="2024-01-14", sources=["KCNA"]),
    ]


def test_five_outlets_of_one_launch_make_one_event_with_five_members(rules):
    mentions = five_outlets()
    result = resolve(mentions, [], [], {}, rules=rules)
    assert len(result.new_events) == 1
    event = result.new_events[0]
    assert sorted(event.docs) == ["kcna", "nhk", "tass", "wire", "yonhap"]
    assert len(event.members) == 5
    assert event.id.startswith("ev-")
    rules_used = sorted(result.explanations[m.id].rule for m in mentions)
    assert rules_used == ["founded"] + ["matched"] * 4
    joined = [result.explanations[m.id] for m in mentions if result.explanations[m.id].rule == "matched"]
    assert all("date" in e.agreed and e.score >= rules.threshold for e in joined)
    assert event.date == "2024-01-14" and event.weapon_class == "irbm"
    assert event.value("place") == "East Sea" and "place" not in event.disputed


def test_founder_is_the_earliest_report_whatever_the_input_order(rules):
    mentions = five_outlets()
    dates = {"nhk": date(2024, 1, 14), "yonhap": date(2024, 1, 15)}
    forward = resolve(mentions, [], [], dates, rules=rules)
    backward = resolve(list(reversed(mentions)), [], [], dates, rules=rules)
    assert forward.assignments == backward.assignments
    assert [m.mention.doc for m in forward.new_events[0].members][:2] == ["nhk", "yonhap"]


def test_a_month_precision_mention_joins_the_day_event(rules):
    day = mention("a", date="2025-02-26", weapon_class="cruise", place=Place("West Sea", "sea"))
    month = mention("b", date="2025-02", weapon_class="cruise", place=Place("Yellow Sea", "sea"))
    result = resolve([day, month], [], [], {}, rules=rules)
    assert result.assignments[day.id] == result.assignments[month.id]
    explanation = result.explanations[month.id]
    assert {"date", "weapon_class", "place"} <= set(explanation.agreed)
    assert result.new_events[0].date == "2025-02-26"


def test_a_report_date_bound_joins_an_earlier_day_within_the_window(rules):
    day = mention("a", date="2025-03-10", weapon_class="srbm")
    bounded = mention("b", date="2025-03-14", weapon_class="srbm", method="report_date",
                      bound="on_or_before")
    late = mention("c", date="2025-04-20", weapon_class="srbm", method="report_date",
                   bound="on_or_before")
    result = resolve([day, bounded, late], [], [], {}, rules=rules)
    assert result.assignments[bounded.id] == result.assignments[day.id]
    assert result.assignments[late.id] != result.assignments[day.id]


def test_different_weapon_classes_on_the_same_day_stay_apart(rules):
    cruise = mention("a", date="2024-01-24", weapon_class="cruise")
    ballistic = mention("b", date="2024-01-24", weapon_class="srbm")
    artillery = mention("c", date="2024-01-24", weapon_class="artillery")
    result = resolve([cruise, ballistic, artillery], [], [], {}, rules=rules)
    assert len(set(result.assignments.values())) == 3


def test_other_days_types_and_the_same_document_never_merge(rules):
    a = mention("a", date="2024-05-30", weapon_class="srbm")
    next_day = mention("b", date="2024-05-31", weapon_class="srbm")
    same_doc = mention("a", start=100, end=140, date="2024-05-30", weapon_class="srbm")
    exercise = mention("c", type="military_exercise", date="2024-05-30")
    result = resolve([a, next_day, same_doc, exercise], [], [], {}, rules=rules)
    assert len(set(result.assignments.values())) == 4


def test_an_undated_mention_founds_its_own_event(rules):
    dated = mention("a", date="2025-03-20", weapon_class="anti_air", actors=["Kim Jong Un"])
    undated = mention("b", weapon_class="anti_air", actors=["Kim Jong Un"])
    result = resolve([dated, undated], [], [], {}, rules=rules)
    assert result.assignments[dated.id] != result.assignments[undated.id]
    assert result.explanations[undated.id].notes == ["no compatible event"]


def test_an_ambiguous_month_mention_founds_its_own_event(rules):
    first = mention("a", date="2025-02-10", weapon_class="cruise")
    second = mention("b", date="2025-02-26", weapon_class="cruise")
    month = mention("c", date="2025-02", weapon_class="cruise")
    result = resolve([first, second, month], [], [], {}, rules=rules)
    assert len(set(result.assignments.values())) == 3
    assert result.explanations[month.id].notes[0].startswith("ambiguous")


def test_text_similarity_and_weapon_names_count(rules):
    texts = {}
    a = mention("a", date="2024-09", weapon_class="srbm", weapon="Hwasong-11")
    b = mention("b", date="2024-09", weapon_class="srbm", weapon="Hwasong-11")
    c = mention("c", date="2024-09", weapon_class="srbm", weapon="KN-25")
    texts[a.id] = "The missile carried a new 4.5-tonne warhead, the test of the Hwasong-11 variant showed."
    texts[b.id] = "A Hwasong-11 variant with a 4.5-tonne warhead was tested, officials in Seoul said."
    texts[c.id] = "A salvo of super-large rockets was fired at an island target."
    result = resolve([a, b, c], [], [], {}, evidence_text=texts, rules=rules)
    assert result.assignments[a.id] == result.assignments[b.id] != result.assignments[c.id]
    assert result.explanations[b.id].features["text"] > 0
    assert result.explanations[b.id].features["weapon"] > 0


def deployment(doc, date=None, place="Russia", actors=("North Korea", "Russia"), start=0):
    return mention(doc, type="troop_deployment", start=start, end=start + 50, date=date,
                   place=(place, "country") if place else None, actors=actors)


def test_a_long_running_event_absorbs_mentions_across_months(rules):
    mentions = [deployment("oct", "2024-10"), deployment("feb", "2025-02-27", place="Kursk Oblast"),
                deployment("apr", "2025-04-28", place=None, actors=["Ukraine"]), deployment("undated")]
    texts = {mentions[2].id: "Some 11,000 North Korean soldiers were sent to fight for Russia, Kyiv said."}
    troops = claim("apr", "troops", 11000, bound="approx", source="Ukrainian officials",
                   mention_id=mentions[2].id)
    result = resolve(mentions, [], [], {}, claims=[troops], evidence_text=texts, rules=rules)
    assert set(result.assignments.values()) == {"dprk-troops-russia"}
    event = result.new_events[0]
    assert event.long_running == "dprk-troops-russia" and len(event.members) == 4
    assert [c.id for c in event.claims] == [troops.id]
    assert event.date is None and "long-running" in event.fields["date"].reason


def test_long_running_definitions_leave_other_deployments_alone(rules):
    border = deployment("a", "2024-06", place="DMZ", actors=["North Korea"])
    workers = deployment("b", "2025-06", place="Kursk Oblast")
    arms = mention("c", type="arms_transfer", actors=["North Korea", "Russia"])
    by_subject = deployment("d", place=None, actors=[])
    texts = {workers.id: "Pyongyang will send 1,000 deminers and 5,000 military construction workers to Kursk."}
    subject_claim = claim("d", "troops", 3000, subject="dprk-troops-russia", mention_id=by_subject.id)
    result = resolve([border, workers, arms, by_subject], [], [], {}, claims=[subject_claim],
                     evidence_text=texts, rules=rules)
    assert result.assignments[border.id].startswith("ev-")
    assert result.assignments[workers.id].startswith("ev-")
    assert result.assignments[arms.id] == "dprk-arms-russia"
    assert result.assignments[by_subject.id] == "dprk-troops-russia"


def test_incremental_runs_join_existing_events_and_change_nothing_on_rerun(rules):
    first = resolve(five_outlets()[:2], [], [], {}, rules=rules)
    event_id = first.new_events[0].id
    later = five_outlets()[2:]
    second = resolve(later, first.new_events, [], {}, rules=rules)
    assert not second.new_events and [e.id for e in second.updated_events] == [event_id]
    assert set(second.assignments.values()) == {event_id}
    assert len(second.updated_events[0].members) == 5
    again = resolve(later, second.updated_events, [], {}, rules=rules)
    assert not again.new_events and not again.updated_events and not again.removed_events
    assert again.assignments == second.assignments


def test_a_re_extracted_document_replaces_its_old_mentions(rules):
    old = mention("a", date="2024-03-18", weapon_class="srbm", start=0, end=40)
    other = mention("b", date="2024-03-18", weapon_class="srbm")
    first = resolve([old, other], [], [], {}, rules=rules)
    assert len(first.new_events) == 1
    new = mention("a", date="2024-03-18", weapon_class="srbm", start=10, end=60)
    second = resolve([new], first.new_events, [], {}, rules=rules)
    event = second.updated_events[0]
    assert sorted(event.member_ids) == sorted([other.id, new.id])


def test_mentions_that_did_not_happen_are_skipped(rules):
    planned = mention("a", date="2025-05", weapon_class="icbm", modality="planned")
    result = resolve([planned], [], [], {}, rules=rules)
    assert planned.id in result.skipped and not result.assignments and not result.new_events


def test_candidates_are_indexed_by_month(rules):
    def prof(doc, when):
        m = mention(doc, date=when)
        return profile(CanonicalEvent(doc, m.type, [Member(m, MatchExplanation("founded"))]), rules)
    index = CandidateIndex()
    for p in (prof("jan", "2024-01-20"), prof("mar", "2024-03-02"), prof("y", "2024"), prof("u", None)):
        index.add(p)
    found = index.candidates("weapons_test", (date(2024, 2, 25), date(2024, 3, 10)))
    assert {p.event.id for p in found} == {"mar", "y", "u"}
    assert {p.event.id for p in index.candidates("weapons_test", None)} == {"jan", "mar", "y", "u"}
    assert index.candidates("ceremony", None) == []


def test_a_rare_class_recalled_by_its_year_joins_the_day_event(rules):
    # Invented: one outlet reports a nuclear test on its day, two later ones recall "the 2031 test"
    # and "the test of March 2031"; a missile launch recalled by year alone stays apart.
    day = mention("wire", date="2031-03-04", weapon_class="nuclear_test", actors=["North Korea"])
    year = mention("daily", date="2031", weapon_class="nuclear_test")
    month = mention("weekly", date="2031-03", weapon_class="nuclear_test", actors=["North Korea"])
    result = resolve([day, year, month], [], [], {"wire": date(2031, 3, 4), "daily": date(2031, 6, 1),
                                                  "weekly": date(2031, 9, 1)}, rules=rules)
    assert len({result.assignments[m.id] for m in (day, year, month)}) == 1
    launch = mention("wire", date="2031-03-04", weapon_class="srbm", actors=["North Korea"])
    recalled = mention("daily", date="2031", weapon_class="srbm")
    result = resolve([launch, recalled], [], [], {"wire": date(2031, 3, 4), "daily": date(2031, 6, 1)},
                     rules=rules)
    assert result.assignments[launch.id] != result.assignments[recalled.id]


def test_a_year_mention_between_two_rare_class_events_of_that_year_joins_neither(rules):
    # Invented: two nuclear tests in one year; "its 2032 test" cannot tell which one is meant.
    first = mention("wire", date="2032-01-10", weapon_class="nuclear_test")
    second = mention("agency", date="2032-09-20", weapon_class="nuclear_test")
    vague = mention("daily", date="2032", weapon_class="nuclear_test")
    result = resolve([first, second, vague], [], [],
                     {"wire": date(2032, 1, 10), "agency": date(2032, 9, 20), "daily": date(2032, 12, 1)},
                     rules=rules)
    assert len({result.assignments[m.id] for m in (first, second, vague)}) == 3
