"""Canonical events and what hangs on them: ``events`` (list, show, merge, split), ``claims``
(list, series), ``timeline``, ``extract`` (re-extract and resolve stored documents),
``reconcile`` (against a reference missile-test database) and ``export``."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..display import claimed, shown_date, what
from ..export import FORMATS, export
from ..models import to_dict
from ..pipeline import Pipeline
from ..reference import load_reference
from ..resolve import claim_series, event_to_dict, reconcile, series_dicts, series_table
from ..resolve_run import Resolver, merge_events, reextract, split_event
from ..store import EventRow, FactRecord, StoreError, StoredEvent
from .db import open_store
from .engine_options import cli_engine, engine_options
from .output import cli_console, print_json

DEFAULT_REFERENCE = "../shared/reference/nk-missile-tests/tests.json"
EXCERPT_CHARS = 160
_NO_WRAP = ("id", "date")  # table columns kept on one line: ids and dates are copied from the output

_filters = [
    click.option("--type", "type_", help="Only events of this type (weapons_test, ...)."),
    click.option("--since", help="Only events whose date reaches this day or later (2024, 2024-03, 2024-03-15)."),
    click.option("--until", help="Only events whose date starts on or before this (same forms)."),
    click.option("--weapon-class", help="Only events of this weapon class (icbm, cruise, ...)."),
    click.option("--place", help="Only events whose place name holds this (case-insensitive)."),
    click.option("--conducted-by", help="Only events carried out by this state (\"North Korea\"; case-insensitive)."),
    click.option("--text", help="Only events whose label, weapon, place, a source or the evidence of a "
                                "report holds this (case-insensitive)."),
]


def _with_filters(command):
    for option in reversed(_filters):
        command = option(command)
    return command


def _fail(exc: Exception):
    raise click.ClickException(str(exc)) from None


def _row_dict(row: EventRow) -> dict:
    return {**to_dict(row), "date_shown": shown_date(row)}


def _events_table(title: str, rows: list[EventRow]) -> Table:
    table = Table(title=title)
    for column in ("id", "date", "type", "what", "by", "place", "sources", "docs", "disputed"):
        table.add_column(column, overflow="fold", no_wrap=column in _NO_WRAP,
                         justify="right" if column in ("sources", "docs") else "left")
    for r in rows:
        table.add_row(r.id, shown_date(r), r.type, Text(what(r)), Text(", ".join(r.conducted_by)),
                      Text(r.place or ""), str(len(r.sources)), str(r.documents), ", ".join(r.disputed))
    return table


# -- events -------------------------------------------------------------------------------------

@click.group("events", invoke_without_command=True)
@_with_filters
@click.option("--source", help="Only events one of whose mentions is attributed to this source.")
@click.option("--limit", default=100, show_default=True, help="How many events to list.")
@click.option("--offset", default=0, show_default=True, help="Skip this many events first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def events_group(ctx: click.Context, type_, since, until, weapon_class, place, conducted_by, text, source, limit,
                 offset, as_json) -> None:
    """List canonical events (date order); `events show ID`, `merge A B`, `split EVENT MENTION...`."""
    if ctx.invoked_subcommand is not None:
        return
    with open_store(ctx.obj) as store:
        try:
            rows = store.events(type=type_, since=since, until=until, weapon_class=weapon_class, place=place,
                                conducted_by=conducted_by, text=text, source=source, limit=limit, offset=offset)
        except StoreError as exc:
            _fail(exc)
    if as_json:
        print_json([_row_dict(r) for r in rows])
    elif rows:
        cli_console().print(_events_table(f"events {offset + 1}..{offset + len(rows)}", rows))
    else:
        click.echo("no events found")


@events_group.command("show")
@click.argument("key", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def show_cmd(settings, key: str, as_json: bool) -> None:
    """One event: reconciled fields with their reasons and values by source, its mentions (why
    each joined, with evidence) and its claims."""
    with open_store(settings) as store:
        try:
            stored = store.get_event(key)
        except StoreError as exc:
            _fail(exc)
    if stored is None:
        raise click.ClickException(f"no event {key!r}")
    if as_json:
        print_json(_event_json(stored))
        return
    _print_event(cli_console(), stored)


def _event_json(stored: StoredEvent) -> dict:
    data = event_to_dict(stored.event)
    for member in data["members"]:
        member["document"] = to_dict(stored.documents[member["doc"]])
        member["evidence_text"] = stored.texts.get(member["mention_id"])
    data["claims"] = [{**to_dict(c), "id": c.id, "document": to_dict(stored.documents[c.doc]),
                       "evidence_text": stored.texts.get(c.id)} for c in stored.event.claims]
    return {**_row_dict(stored.row), **data}


def _shown_value(value) -> str:
    """A field value for reading: a claimed number as '>10,000', '~600 km', '7,961–7,973 s'."""
    if not isinstance(value, dict) or "value" not in value:
        return str(value)
    return claimed(value["value"], value.get("value_max"), value.get("bound"), value.get("unit"))


def _excerpt(text: str | None) -> str:
    piece = " ".join((text or "").split())
    return piece if len(piece) <= EXCERPT_CHARS else piece[:EXCERPT_CHARS - 1] + "…"


def _print_event(console: Console, stored: StoredEvent) -> None:
    row, event = stored.row, stored.event
    say = lambda text, **kw: console.print(text, markup=False, highlight=False, soft_wrap=True, **kw)  # noqa: E731
    say(f"{row.id}  {row.type}  {shown_date(row)}" + (f"  {row.label}" if row.label else ""))
    say(f"{row.mentions} mention(s) in {row.documents} document(s); sources: {', '.join(row.sources) or '-'}")
    for name, choice in event.fields.items():
        flag = "  [disputed]" if choice.disputed else ""
        value = ", ".join(choice.value) if isinstance(choice.value, list) else choice.value
        say(f"  {name}: {value if value not in (None, '') else '-'}{flag}")
        say(f"      {choice.reason}", style="dim")
        if len(choice.values) > 1 or choice.disputed:
            for v in choice.values:
                say(f"      {_shown_value(v.value)}: {', '.join(v.sources)}", style="dim")
    say("\nmentions:")
    for member in event.members:
        m, doc, x = member.mention, stored.documents[member.mention.doc], member.explanation
        why = x.rule + (f" {x.score:g} (agreed: {', '.join(x.agreed) or '-'})" if x.rule == "matched" else "")
        say(f"  {member.id}  {doc.name} [{m.evidence.start}-{m.evidence.end}]  {m.date.value or 'undated'}  "
            f"sources: {', '.join(m.sources) or '-'}  {why}")
        for note in x.notes:
            say(f"      {note}", style="dim")
        say(f"      {_excerpt(stored.texts.get(member.id))}", style="dim")
    if event.claims:
        say("\nclaims:")
        for c in event.claims:
            doc = stored.documents[c.doc]
            say(f"  {c.property} {c.bound} {c.value:g}{' ' + c.unit if c.unit else ''}  "
                f"source: {c.source or '-'}  {doc.name} [{c.evidence.start}-{c.evidence.end}]")
            say(f"      {_excerpt(stored.texts.get(c.id))}", style="dim")


@events_group.command("merge")
@click.argument("first", metavar="A")
@click.argument("others", nargs=-1, required=True, metavar="B...")
@click.option("--note", help="Why (kept with the decision).")
@click.option("--author", help="Who decided (kept with the decision).")
@click.pass_obj
def merge_cmd(settings, first: str, others: tuple[str, ...], note, author) -> None:
    """Merge events B... into A. Recorded as a decision that survives re-extraction."""
    with open_store(settings) as store:
        try:
            merge_events(store, Resolver.load(settings), [first, *others], note=note, author=author)
            merged = store.get_event(first)
        except StoreError as exc:
            _fail(exc)
    click.echo(f"merged into {merged.row.id}: {merged.row.mentions} mention(s) from "
               f"{merged.row.documents} document(s)")


@events_group.command("split")
@click.argument("event_key", metavar="EVENT")
@click.argument("mentions", nargs=-1, required=True, metavar="MENTION...")
@click.option("--note", help="Why (kept with the decision).")
@click.option("--author", help="Who decided (kept with the decision).")
@click.pass_obj
def split_cmd(settings, event_key: str, mentions: tuple[str, ...], note, author) -> None:
    """Take MENTION... (ids or unique prefixes, see `events show`) out of EVENT into an event of
    their own. Recorded as a decision that survives re-extraction."""
    with open_store(settings) as store:
        try:
            result = split_event(store, Resolver.load(settings), event_key, list(mentions), note=note,
                                 author=author)
        except StoreError as exc:
            _fail(exc)
    created = [e.id for e in result.new_events]
    click.echo(f"split into {', '.join(created)}" if created else "nothing changed: the split is already in effect")


# -- claims -------------------------------------------------------------------------------------

def _claims_table(title: str, records: list[FactRecord]) -> Table:
    table = Table(title=title)
    for column in ("report date", "source", "property", "value", "event", "document", "evidence"):
        table.add_column(column, overflow="fold")
    for r in records:
        c = r.fact.claim
        value = f"{c.value:g}" + (f"-{c.value_max:g}" if c.value_max is not None else "")
        value = f"{'' if c.bound == 'eq' else c.bound + ' '}{value}{' ' + c.unit if c.unit else ''}"
        table.add_row(str(r.document.published or "undated"), Text(c.source or "unattributed"), c.property,
                      value, r.event_id or "", Text(r.document.name), Text(_excerpt(r.text)))
    return table


@click.group("claims", invoke_without_command=True)
@click.option("--property", "prop", help="Only claims of this property (troops, range_km, ...).")
@click.option("--event", "event_key", help="Only claims of this event (id or slug).")
@click.option("--limit", default=100, show_default=True, help="How many claims to list.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def claims_group(ctx: click.Context, prop, event_key, limit, as_json) -> None:
    """List attributed numbers with their event and evidence; `claims series PROPERTY --event SLUG`
    shows one event's values over time."""
    if ctx.invoked_subcommand is not None:
        return
    with open_store(ctx.obj) as store:
        records = store.claim_records(event_id=event_key, property=prop, limit=limit)
    if as_json:
        print_json([{**to_dict(r.fact.claim), "id": r.fact.id, "event_id": r.event_id,
                     "document": to_dict(r.document), "evidence_text": r.text} for r in records])
    elif records:
        cli_console().print(_claims_table("claims", records))
    else:
        click.echo("no claims found")


@claims_group.command("series")
@click.argument("properties", nargs=-1, metavar="PROPERTY...")
@click.option("--event", "event_key", required=True, help="The event (id or slug, e.g. dprk-troops-russia).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def series_cmd(settings, properties: tuple[str, ...], event_key: str, as_json: bool) -> None:
    """Every value claimed for PROPERTY... (all properties when none given) of one event, by
    source and report date (undated reports last)."""
    with open_store(settings) as store:
        try:
            stored = store.get_event(event_key)
        except StoreError as exc:
            _fail(exc)
    if stored is None:
        raise click.ClickException(f"no event {event_key!r}")
    docs = stored.documents
    points = claim_series(stored.event.claims, stored.event.id, list(properties) or None,
                          {h: d.published for h, d in docs.items()},
                          {h: d.published_method for h, d in docs.items()},
                          mention_ids=stored.event.member_ids)
    if as_json:
        print_json([{**p, "document": docs[p["doc"]].name, "url": docs[p["doc"]].url,
                     "evidence_text": stored.texts.get(p["claim_id"])} for p in series_dicts(points)])
    elif points:
        cli_console().print(series_table(points, title=f"{stored.event.id}: {', '.join(properties) or 'all'}"))
    else:
        click.echo(f"no claims of {', '.join(properties) or 'any property'} for {stored.event.id}")


# -- timeline -----------------------------------------------------------------------------------

@click.command("timeline")
@_with_filters
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def timeline_cmd(settings, type_, since, until, weapon_class, place, conducted_by, text, as_json) -> None:
    """Canonical events in date order, each date at its precision (2025-02 is a month, not
    2025-02-01), with how many sources report it and the fields they dispute."""
    with open_store(settings) as store:
        try:
            rows = store.events(type=type_, since=since, until=until, weapon_class=weapon_class, place=place,
                                conducted_by=conducted_by, text=text, limit=None)
        except StoreError as exc:
            _fail(exc)
    if as_json:
        print_json([_row_dict(r) for r in rows])
        return
    if not rows:
        click.echo("no events found")
        return
    table = Table(title="timeline")
    for column in ("date", "type", "what", "by", "place", "sources", "docs", "disputed", "id"):
        table.add_column(column, overflow="fold", no_wrap=column in _NO_WRAP,
                         justify="right" if column in ("sources", "docs") else "left")
    for r in rows:
        table.add_row(shown_date(r), r.type, Text(what(r)), Text(", ".join(r.conducted_by)), Text(r.place or ""),
                      str(len(r.sources)), str(r.documents), ", ".join(r.disputed) or "", r.id)
    cli_console().print(table)


# -- extract ------------------------------------------------------------------------------------

@click.command("extract")
@click.option("--all", "everything", is_flag=True, help="Re-extract every stored document.")
@engine_options
@click.pass_obj
def extract_cmd(settings, everything: bool, engine: str, workers: int | None, address: str | None) -> None:
    """Extract again the stored documents whose extraction is missing or from another pipeline
    version (--all: every document), resolving each into events as it is stored. Manual merges
    and splits are replayed. Exit status 1 when a document failed.

    Extraction runs in this process, on --workers processes or on Ray actors (--engine ray);
    this process stores every result."""
    pipeline = Pipeline(settings)
    err = cli_console(stderr=True)

    def progress(done: int, total: int) -> None:
        if done == total or done % max(1, total // 10) == 0:
            err.print(f"extract: {done}/{total} documents", highlight=False)

    with open_store(settings) as store, cli_engine(settings, engine, workers, address) as extractor:
        report = reextract(store, pipeline, Resolver.load(settings), everything=everything, progress=progress,
                           engine=extractor)
        version = (extractor or pipeline).version
    events = f"events: {report.events_new} new, {report.events_updated} updated"
    if report.events_refreshed:
        events += f", {report.events_refreshed} reconciled again (new resolver version)"
    unread = f" ({len(report.not_read)} not read: language)" if report.not_read else ""
    click.echo(f"{report.extracted} of {report.documents} documents extracted{unread} (pipeline {version}); {events}; "
               f"{len(report.failures)} failed; {report.elapsed:.1f} s")
    for name, reason in report.failures:
        click.echo(f"  {name}: {reason}")
    if report.failures:
        raise SystemExit(1)


# -- reconcile ----------------------------------------------------------------------------------

def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not a day (YYYY-MM-DD): {value!r}", param_hint=name) from None


@click.command("reconcile")
@click.option("--reference", "reference_path", default=DEFAULT_REFERENCE, show_default=True,
              help="Reference database: nk-missile-tests tests.json, or a CNS .xlsx / .csv.")
@click.option("--since", help="First Pyongyang launch day considered (YYYY-MM-DD).")
@click.option("--until", help="Last Pyongyang launch day considered (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def reconcile_cmd(settings, reference_path: str, since, until, as_json: bool) -> None:
    """Match extracted launch events to a reference missile-test database (one row per missile):
    matches with their disagreements (date, class, count), extracted launches the reference lacks,
    and reference launch days no event matched, with the reason."""
    first, last = _day(since, "--since"), _day(until, "--until")
    if not Path(reference_path).is_file():
        raise click.ClickException(f"no reference file {reference_path} (give --reference PATH)")
    try:
        rows = load_reference(reference_path, settings)
    except (OSError, ValueError) as exc:
        _fail(exc)
    resolver = Resolver.load(settings)
    with open_store(settings) as store:
        ids = [r.id for r in store.events(type="weapons_test", limit=None)]
        events = [s.event for s in store.event_details(ids)]
    report = reconcile(events, rows, resolver.rules, since=first, until=last)
    summary = {"reference": reference_path, "since": since, "until": until,
               "reference_days": len(report.reference_days), "matched_days": len(report.matched_days),
               "day_recall": report.day_recall, "day_recall_exact_date": report.day_recall_exact_date}
    if as_json:
        print_json({**summary, "matched": [_match_json(m) for m in report.matched],
                    "missing_from_reference": [_event_brief(e) for e in report.missing_from_reference],
                    "missed_reference_days": [{"day": d.day, "rows": [_ref_row(r) for r in d.rows],
                                               "reason": d.reason} for d in report.missed_reference_days],
                    "not_day_dated": [_event_brief(e) for e in report.not_day_dated]})
        return
    _print_reconcile(cli_console(), summary, report)


def _event_brief(e) -> dict:
    return {"id": e.id, "date": e.date, "date_precision": e.date_precision, "weapon": e.value("weapon"),
            "weapon_class": e.weapon_class, "count": e.count, "sources": e.value("sources") or [],
            "documents": len(e.docs)}


def _ref_row(r) -> dict:
    return {"dataset": r.dataset, "ref_id": r.ref_id, "date": r.date, "local_date": r.local_date,
            "time": r.time.isoformat() if r.time else None, "missile": r.missile_name,
            "type": r.missile_type, "weapon_class": r.weapon_class}


def _match_json(m) -> dict:
    return {"event": _event_brief(m.event), "rows": [_ref_row(r) for r in m.rows],
            "disagreements": [to_dict(d) for d in m.disagreements]}


def _print_reconcile(console: Console, summary: dict, report) -> None:
    fmt = lambda x: "-" if x is None else f"{x:.3f}"  # noqa: E731
    console.print(f"reference {summary['reference']}: {summary['reference_days']} launch days"
                  f"{' from ' + summary['since'] if summary['since'] else ''}"
                  f"{' to ' + summary['until'] if summary['until'] else ''}; matched {summary['matched_days']} "
                  f"(recall {fmt(summary['day_recall'])}, with the same date {fmt(summary['day_recall_exact_date'])})",
                  highlight=False, markup=False)
    table = Table(title=f"matched ({len(report.matched)} events)")
    for column in ("event", "date", "class", "count", "reference rows", "disagreements"):
        table.add_column(column, overflow="fold")
    for m in report.matched:
        names = ", ".join(sorted({r.missile_name or r.missile_type or "?" for r in m.rows}))
        table.add_row(m.event.id, m.event.date, m.event.weapon_class or "", str(m.event.count or ""),
                      f"{len(m.rows)}: {names}", Text("; ".join(d.note for d in m.disagreements)))
    console.print(table)
    if report.missing_from_reference:
        table = Table(title=f"extracted launches missing from the reference ({len(report.missing_from_reference)})")
        for column in ("event", "date", "class", "count", "sources"):
            table.add_column(column, overflow="fold")
        for e in report.missing_from_reference:
            table.add_row(e.id, e.date, e.weapon_class or "", str(e.count or ""),
                          Text(", ".join(e.value("sources") or [])))
        console.print(table)
    table = Table(title=f"reference launch days not matched ({len(report.missed_reference_days)})")
    for column in ("day", "reference rows", "reason"):
        table.add_column(column, overflow="fold")
    for d in report.missed_reference_days:
        names = ", ".join(sorted({r.missile_name or r.missile_type or "?" for r in d.rows}))
        table.add_row(d.day.isoformat(), f"{len(d.rows)}: {names}", Text(d.reason))
    console.print(table)
    if report.not_day_dated:
        console.print(f"{len(report.not_day_dated)} launch events dated coarser than a day were not compared",
                      highlight=False)


# -- export -------------------------------------------------------------------------------------

@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option("--events", "kind", flag_value="events", default=True, help="Export events (default).")
@click.option("--claims", "kind", flag_value="claims", help="Export claims.")
@click.option("--mentions", "kind", flag_value="mentions", help="Export mentions.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="File to write (default: standard output; parquet needs a file).")
@_with_filters
@click.pass_obj
def export_cmd(settings, fmt: str, kind: str, output: str | None, type_, since, until, weapon_class, place,
               conducted_by, text) -> None:
    """Export events, claims or mentions; every row carries its sources and evidence (document,
    URL, span, text). geojson: events with coordinates (the others are counted); cns: launch
    events in the CNS missile-test column layout, one row per missile; plover: PLOVER records,
    one JSON object per line; acled: an ACLED-style CSV. The filters select events (as `nkwatch
    events` does)."""
    if fmt == "parquet" and not output:
        raise click.UsageError("parquet is written to a file: give -o FILE")
    filters = {k: v for k, v in dict(type=type_, since=since, until=until, weapon_class=weapon_class, place=place,
                                     conducted_by=conducted_by, text=text).items() if v is not None}
    if filters and kind != "events":
        raise click.UsageError("the filters select events: export --events")
    resolver = Resolver.load(settings)
    with open_store(settings) as store:
        try:
            result = export(store, fmt, kind, output or sys.stdout, settings, resolver.rules.reference_classes,
                            resolver.rules.reference_actors, filters)
        except (ValueError, StoreError) as exc:
            raise click.UsageError(str(exc)) from None
    what = "rows" if fmt not in ("geojson", "plover") else "features" if fmt == "geojson" else "records"
    message = f"export: {result.rows} {what} ({fmt}, {kind})"
    if fmt in LEFT_OUT:
        message += f"; {result.left_out} events {LEFT_OUT[fmt]} left out"
    if fmt == "cns":
        message += f"; {result.flagged} rows of launches with an unknown missile count"
    click.echo(message, err=True)


# Why a format leaves events out.
LEFT_OUT = {"geojson": "without coordinates", "cns": "not weapons tests of a CNS class",
            "plover": "of no PLOVER category, date or source actor",
            "acled": "of unknown date, or dated coarser than a month, or long-running"}


commands = [events_group, claims_group, timeline_cmd, extract_cmd, reconcile_cmd, export_cmd]
