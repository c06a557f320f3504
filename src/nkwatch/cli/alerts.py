"""``nkwatch alerts``: webhook deliveries and their state; ``nkwatch digest``: the brief of new and
updated events and changed claims since a time."""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from ..alerts.digest import build_digest, render_html, render_markdown
from ..settings import Settings
from ..store.alerts import DELIVERY_STATES
from .db import open_store
from .duration import parse_duration
from .output import cli_console, print_json


@click.command("alerts")
@click.option("--status", type=click.Choice(DELIVERY_STATES), help="Only deliveries in this state.")
@click.option("--subscription", help="Only deliveries of this subscription.")
@click.option("--event", "event_id", help="Only deliveries of this event.")
@click.option("--limit", default=50, show_default=True, help="How many deliveries to list (newest first).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (payloads included).")
@click.pass_obj
def alerts_cmd(settings: Settings, status, subscription, event_id, limit: int, as_json: bool) -> None:
    """Webhook deliveries, newest first: the event version each carries, its state (pending,
    delivered, failing, given_up), attempts, the next attempt and the last error."""
    with open_store(settings) as store:
        rows = store.deliveries(status=status, subscription=subscription, event_id=event_id, limit=limit)
    if as_json:
        print_json(rows)
        return
    if not rows:
        click.echo("no deliveries")
        return
    table = Table(title="alert deliveries (times UTC)")
    for column in ("id", "subscription", "event", "version", "change", "status", "attempts", "last attempt",
                   "next attempt", "last error"):
        table.add_column(column, overflow="fold", no_wrap=column in ("id", "event"))
    for d in rows:
        table.add_row(str(d.id), Text(d.subscription), d.event_id, str(d.version), d.change, d.status,
                      str(d.attempts), _when(d.last_attempt_at), _when(d.next_attempt_at),
                      Text(d.last_error or ""))
    cli_console().print(table)


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value else "-"


def since_time(text: str, now: datetime) -> datetime:
    """A duration back from ``now`` ('24h', '7d'), or an ISO time in UTC ('2026-12-08T06:00')."""
    try:
        return now - timedelta(seconds=parse_duration(text))
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.strip().rstrip("Z"))
    except ValueError:
        raise click.BadParameter(f"{text!r} is neither a duration (24h, 7d) nor a time (2026-12-08T06:00)",
                                 param_hint="--since") from None


@click.command("digest")
@click.option("--since", "since_text", default="24h", show_default=True,
              help="Reports stored since: a duration back from now (24h, 7d) or a UTC time (2026-12-08T06:00).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True,
              help="Markdown, a self-contained HTML page, or JSON.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.pass_obj
def digest_cmd(settings: Settings, since_text: str, fmt: str, output: str | None) -> None:
    """The morning brief: events that gained a report since --since, by type (new ones first),
    each with its date at its precision, what, where, sources and the evidence sentence of its
    newest report; then the claims those reports made beside the earlier values of the same
    event and property. Event links start with NKWATCH_PUBLIC_URL."""
    with open_store(settings) as store:
        digest = build_digest(store, since_time(since_text, store.now()), settings)
    if fmt == "json":
        if output:
            Path(output).write_text(json.dumps(digest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        else:
            print_json(digest)
        return
    text = render_markdown(digest) if fmt == "md" else render_html(digest)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
    else:
        click.echo(text)


commands = [alerts_cmd, digest_cmd]
