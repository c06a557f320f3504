"""Within-document merging of dates: a coarse date that holds a bounding report day (issue 11)."""
from nkwatch.models import DateValue
from nkwatch.nlp.merge import _dates_compatible


def _on(value: str, precision: str) -> DateValue:
    return DateValue(value, precision, "explicit", "on", None)


REPORTED = DateValue("2025-03-14", "day", "relative", "on_or_before", None)   # "fired, Seoul said on Friday"


def test_the_year_of_the_report_day_holds_it():
    # "the North's fifth launch this year" and "fired a missile, Seoul said on Friday": one launch
    assert _dates_compatible(_on("2025", "year"), REPORTED, 14)
    assert _dates_compatible(REPORTED, _on("2025-03", "month"), 14)


def test_a_year_that_ended_before_the_report_day_does_not():
    assert not _dates_compatible(_on("2024", "year"), REPORTED, 14)


def test_a_day_long_before_the_report_day_does_not():
    assert not _dates_compatible(_on("2025-01-02", "day"), REPORTED, 14)


def test_the_report_day_dates_the_group_rather_than_its_year():
    from types import SimpleNamespace
    from nkwatch.nlp.merge import Group
    members = [SimpleNamespace(date=REPORTED), SimpleNamespace(date=_on("2025", "year"))]
    assert Group(members).date is REPORTED
    assert Group([SimpleNamespace(date=_on("2025", "year"))]).date.value == "2025"
