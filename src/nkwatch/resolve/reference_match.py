"""Reconciling extracted launch events with a reference database (CNS: one row per missile).

Only weapons_test events of a class or weapon the reference records (resolution.toml [reference])
are compared. Rows are grouped by their Pyongyang launch day; an event dated to that day takes
every row of the day (a 3-missile launch matches 3 rows), the rows going to the event whose class
fits best when several launches share a day. A row without launch time carries its UTC date, which
may be a day before the Pyongyang date, so an event with no same-day rows may take rows one day
away. Disagreements on date, class and count are listed per match; reference days no event took
are listed with the reason (what was extracted around that day, if anything).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from ..reference import ReferenceLaunch, launch_days
from .events import CanonicalEvent
from .features import class_relation
from .intervals import date_interval, width
from .rules import ResolutionRules, load_rules, recorded_states


@dataclass(frozen=True)
class Disagreement:
    field: str  # 'date' | 'weapon_class' | 'count'
    event_value: Any
    reference_value: Any
    note: str


class ReferenceMatch(NamedTuple):
    event: CanonicalEvent
    rows: list[ReferenceLaunch]
    disagreements: list[Disagreement]


class MissedDay(NamedTuple):
    day: date
    rows: list[ReferenceLaunch]
    reason: str


@dataclass
class ReconcileReport:
    """matched: events with their rows; missing_from_reference: day-dated events no row matched;
    missed_reference_days: reference launch days no event matched, with the reason;
    not_day_dated: reference-class events whose date is coarser than a day (never matched)."""
    matched: list[ReferenceMatch] = field(default_factory=list)
    missing_from_reference: list[CanonicalEvent] = field(default_factory=list)
    missed_reference_days: list[MissedDay] = field(default_factory=list)
    not_day_dated: list[CanonicalEvent] = field(default_factory=list)
    reference_days: list[date] = field(default_factory=list)

    @property
    def matched_days(self) -> set[date]:
        return {r.local_date or r.date for m in self.matched for r in m.rows}

    @property
    def day_recall(self) -> float | None:
        """Share of reference launch days some extracted event matched."""
        return len(self.matched_days) / len(self.reference_days) if self.reference_days else None

    @property
    def day_recall_exact_date(self) -> float | None:
        """Share of reference launch days matched by an event carrying that very date."""
        if not self.reference_days:
            return None
        exact = {r.local_date or r.date for m in self.matched for r in m.rows
                 if m.event.date == (r.local_date or r.date).isoformat()}
        return len(exact) / len(self.reference_days)


def _recorded(event: CanonicalEvent, rules: ResolutionRules) -> bool:
    """Whether the reference records launches like this event's."""
    if event.type != "weapons_test":
        return False
    if not (event.weapon_class in rules.reference_classes or event.value("weapon") in rules.reference_weapons):
        return False
    return _reference_actor(event, rules)


def _reference_actor(event: CanonicalEvent, rules: ResolutionRules) -> bool:
    """Another country's launch ("U.S. forces launched Minuteman-3 ICBMs") is not the reference's:
    the event is compared when a state that carried it out is one the reference records (events of
    stores older than conducted_by: when its reports name no other actors only)."""
    actors = {a for member in event.members for a in member.mention.actors}
    return recorded_states(event.value("conducted_by") or [], actors, rules.reference_actors)


def _event_day(event: CanonicalEvent) -> date | None:
    choice = event.fields.get("date")
    if event.date_precision != "day" or (choice and choice.bound == "on_or_before"):
        return None
    return date_interval(event.date)[0]


def _row_fit(event: CanonicalEvent, row: ReferenceLaunch, rules: ResolutionRules) -> float | None:
    fits = [class_relation(event.weapon_class, c, rules) for c in (row.weapon_class, *row.class_alternatives)]
    fits = [f for f in fits if f is not None]
    return max(fits) if fits else None


def _assign(rows: list[ReferenceLaunch], events: list[CanonicalEvent], taken: dict[str, list],
            rules: ResolutionRules) -> None:
    """Give each row to the candidate event it fits best (compatible class, then spare count)."""
    for row in rows:
        def key(e: CanonicalEvent) -> tuple:
            fit = _row_fit(e, row, rules)
            spare = e.count is None or len(taken[e.id]) < e.count
            return (fit is not None, fit or 0.0, spare, -len(taken[e.id]), e.id)
        taken[max(events, key=key).id].append(row)


def _disagreements(event: CanonicalEvent, rows: list[ReferenceLaunch], day: date,
                   rules: ResolutionRules) -> list[Disagreement]:
    out = []
    days = sorted({r.local_date or r.date for r in rows})
    if days != [day]:
        out.append(Disagreement("date", day.isoformat(), [d.isoformat() for d in days],
                                "reference launch time unknown: its date is the UTC date"
                                if all(r.time is None for r in rows if (r.local_date or r.date) != day)
                                else "different launch day"))
    if all(_row_fit(event, r, rules) is None for r in rows):
        classes = sorted({r.weapon_class for r in rows})
        out.append(Disagreement("weapon_class", event.weapon_class, classes,
                                f"{event.weapon_class} is not compatible with the reference's {', '.join(classes)}"))
    if event.count is not None and event.count != len(rows):
        out.append(Disagreement("count", event.count, len(rows),
                                f"reports give {event.count}, the reference lists {len(rows)} missile(s)"))
    return out


def _missed_reason(day: date, events: list[CanonicalEvent], rules: ResolutionRules) -> str:
    same_day, near, coarse = [], [], []
    for e in events:
        span = date_interval(e.date)
        if e.type != "weapons_test" or span is None or not _reference_actor(e, rules):
            continue
        if _event_day(e) == day:
            same_day.append(e)
        elif _event_day(e) and abs((_event_day(e) - day).days) <= 3:
            near.append(e)
        elif span[0] <= day <= span[1] and width(span) > 1 or \
                (e.fields.get("date") and e.fields["date"].bound == "on_or_before"
                 and timedelta(0) <= span[1] - day <= timedelta(days=rules.report_window_days)):
            coarse.append(e)
    if same_day:
        kinds = ", ".join(sorted({e.weapon_class or "no class" for e in same_day}))
        return f"extracted a weapons test of class {kinds} that day (not a class the reference records)"
    if near:
        e = min(near, key=lambda e: abs((_event_day(e) - day).days))
        return f"nearest extracted launch {e.id} is dated {e.date} ({e.weapon_class})"
    if coarse:
        e = coarse[0]
        qualifier = "on or before " if e.fields["date"].bound == "on_or_before" else ""
        return f"an extracted launch {e.id} is dated only {qualifier}{e.date} ({e.date_precision})"
    return "no extracted weapons test near that day"


def reconcile(events: Iterable[CanonicalEvent], reference: Iterable[ReferenceLaunch],
              rules: ResolutionRules | None = None, since: date | None = None,
              until: date | None = None) -> ReconcileReport:
    """Match launch events to reference rows, within [since, until] (Pyongyang dates) if given."""
    rules = rules or load_rules()
    events = list(events)

    def in_scope(day: date) -> bool:
        return (since is None or day >= since) and (until is None or day <= until)

    days = {d: rows for d, rows in launch_days(reference).items() if in_scope(d)}
    report = ReconcileReport(reference_days=sorted(days))
    counted = [e for e in events if _recorded(e, rules)]
    by_day: dict[date, list[CanonicalEvent]] = {}
    for e in counted:
        day = _event_day(e)
        if day is None:
            span = date_interval(e.date)
            if span is None or (in_scope(span[0]) or in_scope(span[1])):
                report.not_day_dated.append(e)
        elif in_scope(day):
            by_day.setdefault(day, []).append(e)

    taken: dict[str, list[ReferenceLaunch]] = {e.id: [] for es in by_day.values() for e in es}
    left: dict[date, list[ReferenceLaunch]] = {}
    for day, rows in days.items():
        if day in by_day:
            _assign(rows, by_day[day], taken, rules)
        else:
            left[day] = rows
    slack = rules.unknown_time_slack_days
    for day, rows in list(left.items()):
        untimed = [r for r in rows if r.time is None]
        near = [e for offset in range(-slack, slack + 1) if offset
                for e in by_day.get(day + timedelta(days=offset), []) if not taken[e.id]]
        if near and len(untimed) == len(rows):
            _assign(rows, near, taken, rules)
            del left[day]

    for day in sorted(by_day):
        for e in by_day[day]:
            if taken[e.id]:
                report.matched.append(ReferenceMatch(e, taken[e.id], _disagreements(e, taken[e.id], day, rules)))
            else:
                report.missing_from_reference.append(e)
    report.missed_reference_days = [MissedDay(d, rows, _missed_reason(d, events, rules))
                                    for d, rows in sorted(left.items())]
    return report
