"""One row of a reference missile-test database, as its compilers publish it (one row per missile)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Any


@dataclass(frozen=True)
class ReferenceLaunch:
    """One missile launch recorded by CNS (or a CNS-derived dataset).

    dataset / ref_id: the file name and the row's id in it (CNS's F1 number; the 1-based row
        number where the file has none), unique together.
    date: launch date in UTC, as CNS records it; ``date_precision`` is 'day' or 'month'
        (early tests are dated by month only: ``date`` is then the first of the month).
    time: launch time in UTC, None when CNS does not know it.
    local_date: the calendar date in Pyongyang (the date DPRK and ROK reports give); equal to
        ``date`` when the time is unknown, and then it may be one day early.
    missile_name / missile_type: as CNS names them ('Hwasong-16B', 'IRBM'); None for Unknown.
    weapon_class: nkwatch's class (models.WEAPON_CLASSES) through data/cns_classes.toml;
        class_alternatives: other classes reports commonly use for the same missile.
    apogee_km / distance_km: numbers in km; the *_max fields are set when CNS gives a range.
    outcome: 'success' | 'failure' | None; confirmation: 'confirmed' | 'unconfirmed' | None.
    raw: the row as read (column name -> cell, dates and times as ISO strings).
    """
    dataset: str
    ref_id: str
    date: date
    weapon_class: str
    date_precision: str = "day"
    time: time | None = None
    local_date: date | None = None
    missile_name: str | None = None
    missile_type: str | None = None
    class_alternatives: tuple[str, ...] = ()
    launch_agency: str | None = None
    facility: str | None = None
    facility_location: str | None = None
    facility_other_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    landing: str | None = None
    apogee_km: float | None = None
    apogee_km_max: float | None = None
    distance_km: float | None = None
    distance_km_max: float | None = None
    outcome: str | None = None
    confirmation: str | None = None
    notes: str | None = None
    sources: tuple[str, ...] = ()
    updated: date | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def site(self) -> str | None:
        """What identifies the launch place for grouping: the facility, else its location."""
        return self.facility or self.facility_location
