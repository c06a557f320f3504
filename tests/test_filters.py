"""EventFilters: one filter object for the timeline, the Atom feed and alert subscriptions."""
from __future__ import annotations

from dataclasses import dataclass, fields

import pytest

from nkwatch.filters import EventFilters, FilterError


def test_parse_checks_values_and_ignores_blanks():
    filters = EventFilters.parse({"type": "weapons_test", "since": " 2024-03 ", "place": "", "q": None})
    assert filters == EventFilters(type="weapons_test", since="2024-03")
    with pytest.raises(FilterError, match="type: unknown value 'launch'"):
        EventFilters.parse({"type": "launch"})
    with pytest.raises(FilterError, match="until: not a date"):
        EventFilters.parse({"until": "soon"})
    with pytest.raises(FilterError, match="unknown filter") as raised:
        EventFilters.parse({"colour": "red"})
    assert raised.value.name == "colour"


def test_order_fields_are_not_selecting_filters():
    assert "sort" in EventFilters.names() and "sort" not in EventFilters.names(selecting_only=True)
    with pytest.raises(FilterError, match="unknown filter"):
        EventFilters.parse({"sort": "-date"}, selecting_only=True)


def test_store_args_hand_every_field_to_the_store_by_name():
    args = EventFilters(type="weapons_test", q="hwasong", sort="-date").store_args()
    assert args == {"type": "weapons_test", "since": None, "until": None, "weapon_class": None, "source": None,
                    "place": None, "conducted_by": None, "period": None, "text": "hwasong", "newest_first": True}


def test_a_new_field_flows_through_without_being_listed_again():
    """A filter added to EventFilters reaches the store arguments, parsing and the query string."""
    @dataclass(frozen=True)
    class WithActor(EventFilters):
        region: str | None = None

    assert "region" in WithActor.names(selecting_only=True)
    parsed = WithActor.parse({"region": " Kursk ", "type": "weapons_test"})
    assert parsed.store_args()["region"] == "Kursk"
    assert parsed.query() == {"type": "weapons_test", "region": "Kursk"}
    assert {f.name for f in fields(WithActor)} - {"q", "sort"} <= set(parsed.store_args())
