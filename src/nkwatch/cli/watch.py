"""``nkwatch watch``: poll feeds, pages and folders, take in what is new or changed, send the
alerts; ``nkwatch sources``: the watched sources and how their polls went."""
from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime, timezone

import click
from rich.table import Table
from rich.text import Text

from ..alerts import Alerts, SubscriptionError, load_subscriptions
from ..ingest.run import ingest_documents
from ..pipeline import Pipeline
from ..resolve_run import Resolver
from ..settings import Settings
from ..watch.fetch import Fetcher
from ..watch.loop import Watcher
from ..watch.sources import SourceError, locate
from ..watch.status import source_dict, source_state
from .db import open_store
from .duration import DURATION
from .output import cli_console, print_json


def log_line(message: str) -> None:
    """One line on stderr, stamped with the time (UTC)."""
    stamp = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    click.echo(f"{stamp} {message}", err=True)


@contextmanager
def stop_on_signals(stop: threading.Event, log: Callable[[str], None]) -> Iterator[None]:
    """SIGINT and SIGTERM set ``stop`` (the run ends after the item it is taking in); a second
    one ends the process at once."""
    def handler(signum, _frame) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        log(f"{signal.Signals(signum).name}: stopping after the current item (again to stop at once)")

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


class _LoggedAlerts:
    """The alerts round after each round of polls, with a line when it did something."""

    def __init__(self, alerts: Alerts, log: Callable[[str], None]) -> None:
        self.alerts, self.log = alerts, log

    def run(self) -> None:
        done = self.alerts.run()
        if done.versions or done.created or done.attempts:
            self.log(f"alerts: {done.summary}")


@click.command("watch")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--every", type=DURATION, default=None,
              help="Time between two polls of one source: 90s, 15m, 1h [env NKWATCH_WATCH_EVERY (seconds); "
                   "default 15m].")
@click.option("--once", is_flag=True,
              help="Poll every source once, send the alerts due, and exit (for cron or a systemd timer).")
@click.option("--subscriptions", type=click.Path(dir_okay=False), default=None,
              help="TOML file of webhook subscriptions [env NKWATCH_SUBSCRIPTIONS].")
@click.pass_obj
def watch_cmd(settings: Settings, sources: tuple[str, ...], every: float | None, once: bool,
              subscriptions: str | None) -> None:
    """Poll SOURCE... and take in what is new or changed, through the same cleaning, extraction
    and event resolution as `nkwatch ingest`.

    SOURCE: an RSS/Atom feed URL, a page URL, or a folder (its new and changed files). Each
    source keeps its state in the store (ETag, Last-Modified, items seen, last success, last
    error, next poll; see `nkwatch sources`). A feed entry that carries only a summary has its
    article page fetched. Requests are polite: robots.txt obeyed, a User-Agent naming nkwatch
    (NKWATCH_CONTACT adds yours), NKWATCH_HOST_DELAY seconds between two requests to one host,
    conditional GETs, retries with backoff on 5xx and timeouts.

    With a subscriptions file, the alerts run after each round of polls: events that gained or
    lost reports get a new version, which is delivered once to each matching subscription (signed
    JSON, retried with backoff; `nkwatch alerts` lists deliveries). Without one they wait: the
    next run with a file takes up the changes from where the alerts last stopped.

    Without --once it runs until SIGINT or SIGTERM, and then finishes the item it is taking in
    before it exits. With --once the exit status is 1 when a source could not be polled.
    """
    every = every or settings.watch_every
    try:
        located = [locate(s) for s in sources]
    except SourceError as exc:
        raise click.UsageError(str(exc)) from None
    path = subscriptions or settings.subscriptions
    try:
        subs = load_subscriptions(path) if path else None
    except SubscriptionError as exc:
        raise click.ClickException(str(exc)) from None
    stop = threading.Event()
    locators = [locator for locator, _ in located]
    with open_store(settings) as store, stop_on_signals(stop, log_line), \
            Fetcher(settings, stop=stop, log=log_line) as fetcher, ExitStack() as stack:
        store.add_watch_sources(located)
        pipeline, resolver = Pipeline(settings), Resolver.load(settings)
        if not once:  # a service loads the model before the first poll, not when the first article comes
            log_line(f"extraction pipeline {pipeline.version} loaded")
        alerts = None
        if subs is not None:  # without a subscriptions file the alerts wait, from where they stopped
            alerts = Alerts(store, subs, settings, log=log_line, stop=stop)
            stack.callback(alerts.close)
            alerts.start()
        told = f"{len(subs)} subscription(s)" if subs is not None else "no subscriptions file: webhooks off"
        log_line(f"watching {len(locators)} source(s) every {every:g} s" + (", once" if once else "")
                 + f"; {told}; store {store.url}")
        watcher = Watcher(store, lambda items: ingest_documents(items, store, pipeline, resolver=resolver),
                          fetcher, settings, every=every, stop=stop, log=log_line,
                          after_round=_LoggedAlerts(alerts, log_line) if alerts else None,
                          next_due=store.next_delivery_at if alerts else None)
        run = watcher.run(locators, once=once)
    failed = [o for o in run.outcomes if o.status == "error"]
    log_line(f"stopped after {run.rounds} round(s), {len(run.outcomes)} poll(s), {len(failed)} failed"
             if not once else f"done: {len(run.outcomes)} poll(s), {len(failed)} failed")
    if once and failed:
        raise SystemExit(1)


@click.command("sources")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def sources_cmd(settings: Settings, as_json: bool) -> None:
    """The sources `nkwatch watch` polls, with their state: kind, items taken in, last success,
    last error, next poll and what the last poll did."""
    with open_store(settings) as store:
        rows = store.watch_sources()
    if as_json:
        print_json([source_dict(r) for r in rows])
        return
    if not rows:
        click.echo("no sources watched yet (nkwatch watch SOURCE...)")
        return
    table = Table(title="watched sources (times UTC)")
    for column in ("source", "kind", "state", "items", "last success", "next poll", "last poll", "last error"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(Text(r.locator), r.kind, source_state(r), str(r.items), _when(r.last_success),
                      _when(r.next_poll), Text(r.last_outcome or ""),
                      Text(f"{_when(r.last_error_at)} {r.last_error}" if r.last_error else ""))
    cli_console().print(table)


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value else "-"


commands = [watch_cmd, sources_cmd]
