"""Manual merges and splits survive re-resolution (full and incremental)."""
from datetime import datetime

import pytest

from nkwatch.resolve import Decision, resolve
from nkwatch.resolve.decisions import split_event_id

from .factories import mention


def launches():
    return [mention(doc, date="2024-06-26", weapon_class="srbm", sources=[src])
            for doc, src in (("a", "JCS"), ("b", "KCNA"), ("c", "Japan's defense ministry"))]


def test_merge_survives_a_full_rerun_and_an_incremental_one(rules):
    day1 = mention("a", date="2024-05-30", weapon_class="srbm")
    day2 = mention("b", date="2024-05-31", weapon_class="srbm")
    auto = resolve([day1, day2], [], [], {}, rules=rules)
    e1, e2 = auto.assignments[day1.id], auto.assignments[day2.id]
    assert e1 != e2
    merge = Decision("merge", event_ids=(e1, e2), mention_ids=(day1.id, day2.id), at=datetime(2025, 1, 2))
    merged = resolve([day1, day2], [], [merge], {}, rules=rules)
    assert merged.assignments == {day1.id: e1, day2.id: e1}
    assert merged.explanations[day2.id].rule == "merge"
    event = merged.new_events[0]
    assert event.fields["date"].disputed  # the analyst merged two days: the dates stay flagged
    again = resolve([day1, day2], merged.new_events, [merge], {}, rules=rules)
    assert again.assignments == merged.assignments
    assert not again.new_events and not again.updated_events and not again.removed_events


def test_merge_of_existing_events_removes_the_merged_away_one(rules):
    day1 = mention("a", date="2024-05-30", weapon_class="srbm")
    day2 = mention("b", date="2024-05-31", weapon_class="srbm")
    auto = resolve([day1, day2], [], [], {}, rules=rules)
    e1, e2 = auto.assignments[day1.id], auto.assignments[day2.id]
    later = mention("c", date="2024-05-31", weapon_class="srbm")
    result = resolve([later], auto.new_events, [Decision("merge", event_ids=(e1, e2))], {}, rules=rules)
    assert result.removed_events == [e2]
    assert result.assignments[later.id] == e1
    assert sorted(result.updated_events[0].member_ids) == sorted([day1.id, day2.id, later.id])


def test_split_survives_reextraction_and_new_reports(rules):
    a, b, c = launches()
    auto = resolve([a, b, c], [], [], {}, rules=rules)
    assert len(set(auto.assignments.values())) == 1
    split = Decision("split", mention_ids=(c.id,), at=datetime(2025, 1, 3))
    result = resolve([a, b, c], [], [split], {}, rules=rules)
    assert result.assignments[c.id] == split_event_id(split)
    assert result.assignments[a.id] == result.assignments[b.id] != result.assignments[c.id]
    assert result.explanations[c.id].rule == "split"
    # incremental: the same document re-extracted, and a new outlet reporting the launch
    d = mention("d", date="2024-06-26", weapon_class="srbm")
    existing = result.new_events
    later = resolve([c, d], existing, [split], {}, rules=rules)
    assert later.assignments[c.id] == split_event_id(split)
    # the new report fits both halves equally: rather than guess, it founds its own event
    assert later.explanations[d.id].notes[0].startswith("ambiguous")
    assert not later.removed_events


def test_decisions_replay_in_time_order(rules):
    a, b, c = launches()
    split = Decision("split", mention_ids=(c.id,), at=datetime(2025, 1, 3))
    undo = Decision("merge", mention_ids=(a.id, c.id), at=datetime(2025, 1, 4))
    result = resolve([a, b, c], [], [undo, split], {}, rules=rules)
    assert len(set(result.assignments.values())) == 1


def test_a_split_must_name_mentions():
    with pytest.raises(ValueError):
        Decision("split", event_ids=("ev-1",))
    with pytest.raises(ValueError):
        Decision("join", event_ids=("ev-1", "ev-2"))
