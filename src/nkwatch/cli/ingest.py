"""``nkwatch ingest``: read articles into the store (and extract), with progress and a summary."""
from __future__ import annotations

from contextlib import ExitStack, contextmanager
from typing import Iterator

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..ingest.run import IngestReport, ingest
from ..pipeline import Pipeline
from ..resolve_run import Resolver
from .db import open_store
from .engine_options import cli_engine, engine_options
from .output import cli_console, print_json


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--no-extract", is_flag=True,
              help="Store the documents without extracting them (a later ingest without this "
                   "flag extracts them).")
@click.option("--json", "as_json", is_flag=True,
              help="Print the report as JSON: the counts, then each input file with each of its records "
                   "(read and how it was stored, skipped or failed, with the reason).")
@engine_options
@click.pass_obj
def ingest_cmd(settings, paths: tuple[str, ...], no_extract: bool, as_json: bool, engine: str,
               workers: int | None, address: str | None) -> None:
    """Store articles and extract their events and claims.

    PATH: a file, a folder (read recursively) or - for standard input.

    A text already stored (under any name) is left untouched; a changed text at a stored URL
    (or, without URL, a stored name) is kept as a new revision beside the old one and becomes the
    article's report: the older revision stays stored, out of events and claim series. An older
    text given again becomes the report again (counted with the revisions).

    Exit status 1 when anything failed: an input that could not be read (a missing path, a
    symbolic link loop, no permission, an unsupported, binary or empty file, a malformed record,
    an entry a broken feed lost) or a document that could not be cleaned, stored or extracted.
    Every failure is listed with its reason. Records that are readable but not articles (an empty
    text field, e.g. photo items of a news dump; a WARC record that is no HTML page) and files of
    unknown type in a folder are listed as skipped, with their reason, and do not fail the run.

    Each document is stored, then extracted: in this process, or on --workers processes or Ray
    actors (--engine ray) while the next ones are stored; this process writes every result.
    """
    console = cli_console()
    with ExitStack() as stack:
        store = stack.enter_context(open_store(settings))
        extractor = None if no_extract else stack.enter_context(cli_engine(settings, engine, workers, address))
        progress = stack.enter_context(_progress())
        report = ingest(paths, store, Pipeline(settings), extract=not no_extract, progress=progress,
                        resolver=Resolver.load(settings), engine=extractor)
    if as_json:
        print_json(report.to_dict())
    else:
        print_report(report, console, extracted=not no_extract)
    if not report.ok:
        raise SystemExit(1)


def print_report(report: IngestReport, console: Console, extracted: bool) -> None:
    """Counts, then every failure and read error with its reason, then the speed."""
    table = Table(title="ingest", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [("new", report.new), ("unchanged", report.unchanged), ("revisions", report.revision)]
    if extracted:
        rows.append(("extracted", report.extracted))
    if report.events_refreshed:
        rows.append(("events reconciled again (new resolver version)", report.events_refreshed))
    rows += [("failed", report.failed), ("unreadable inputs", len(report.read_errors)),
             ("skipped (not articles)", len(report.skipped)), ("not read (language)", len(report.not_read))]
    for what, count in rows:
        style = "red" if count and what in ("failed", "unreadable inputs") else None
        table.add_row(what, str(count), style=style)
    console.print(table)
    problems = report.failures + [(f"{e.path}:{e.line}" if e.line is not None else e.path, e.reason)
                                  for e in report.read_errors]
    if problems:
        failures = Table(title="failures", title_style="red")
        failures.add_column("file", overflow="fold")
        failures.add_column("reason", overflow="fold")
        for name, reason in problems:
            failures.add_row(name, reason)
        console.print(failures)
    if report.skipped:
        print_skipped(report, console)
    if report.not_read:
        print_grouped("not read (stored; language)", [(why, name) for name, why in report.not_read], console)
    console.print(f"{report.documents} documents in {report.elapsed:.1f} s "
                  f"({report.docs_per_s:.1f} docs/s)", highlight=False)


SKIPPED_SHOWN = 20  # records named per reason (a crawl skips thousands of WARC requests); --json lists all


def print_skipped(report: IngestReport, console: Console) -> None:
    """Skipped records grouped by reason (``print_grouped``)."""
    print_grouped("skipped (not articles)", [(e.reason, f"{e.path}#{e.line}" if e.line is not None else e.path)
                                             for e in report.skipped], console)


def print_grouped(title: str, records: list[tuple[str, str]], console: Console) -> None:
    """(reason, record) pairs grouped by reason, each with (the first SKIPPED_SHOWN of) the records it concerns."""
    by_reason: dict[str, list[str]] = {}
    for reason, name in records:
        by_reason.setdefault(reason, []).append(name)
    table = Table(title=title)
    table.add_column("reason", overflow="fold")
    table.add_column("count", justify="right")
    table.add_column("records", overflow="fold")
    for reason, names in sorted(by_reason.items()):
        shown = ", ".join(n.rsplit("/", 1)[-1] for n in names[:SKIPPED_SHOWN])
        more = len(names) - SKIPPED_SHOWN
        table.add_row(reason, str(len(names)), shown + (f" and {more} more" if more > 0 else ""))
    console.print(table)


@contextmanager
def _progress() -> Iterator:
    """A progress callback for ``ingest``: a rich bar on a terminal's stderr, else plain lines."""
    err = cli_console(stderr=True)
    if not err.is_terminal:
        yield _plain_progress(err)
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        names = {"read": "reading", "store": "storing", "extract": "extracting"}
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(names.get(stage, stage), total=total)
            if stage != "read" and "read" in tasks:  # reading is over; storing and extracting overlap
                bar.update(tasks["read"], visible=False)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def _plain_progress(err: Console):
    """About ten lines per stage on stderr, for logs."""
    labels = {"store": "ingest", "extract": "extract"}

    def update(stage: str, done: int, total: int | None) -> None:
        if stage not in labels:
            return
        if total is None:  # extraction while documents are still being stored
            if done % 100 == 0:
                err.print(f"{labels[stage]}: {done} documents", highlight=False)
        elif done == total or done % max(1, total // 10) == 0:
            err.print(f"{labels[stage]}: {done}/{total} documents", highlight=False)
    return update


commands = [ingest_cmd]
