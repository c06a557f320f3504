"""The watch schedule: each round polls the sources that are due (all of them with ``once``), one
after the other, then lets the alerts run; between rounds it sleeps until the next poll or the
next delivery retry is due. Setting ``stop`` (the CLI does on SIGINT/SIGTERM) ends the run after
the item being taken in: no new item, poll or delivery is started."""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from ..settings import Settings
from ..store import Store, WatchSource
from .fetch import Fetcher
from .poll import PollOutcome, TakeIn, poll_source


class AfterRound(Protocol):
    """What runs after each round of polls (``alerts.Alerts`` is one)."""

    def run(self) -> Any: ...


@dataclass
class WatchRun:
    """What a run did: every poll's outcome, in order; rounds of polls."""
    rounds: int = 0
    outcomes: list[PollOutcome] = field(default_factory=list)


class Watcher:
    def __init__(self, store: Store, take_in: TakeIn, fetcher: Fetcher, settings: Settings, *,
                 every: float, stop: threading.Event, log: Callable[[str], None],
                 after_round: AfterRound | None = None,
                 next_due: Callable[[], datetime | None] | None = None) -> None:
        self.store, self.take_in, self.fetcher, self.settings = store, take_in, fetcher, settings
        self.every, self.stop, self.log = every, stop, log
        self.after_round, self.next_due = after_round, next_due

    def run(self, locators: list[str], once: bool = False) -> WatchRun:
        """Poll the sources ``locators`` (registered beforehand) until ``stop`` is set, or one
        round of all of them with ``once``."""
        done = WatchRun()
        while not self.stop.is_set():
            sources = self.store.watch_sources(locators)
            now = self.store.now()
            due = sources if once else [s for s in sources if s.next_poll is None or s.next_poll <= now]
            for source in sorted(due, key=lambda s: (s.next_poll or datetime.min, s.id)):
                if self.stop.is_set():
                    break
                done.outcomes.append(self._poll(source))
            done.rounds += 1
            if self.after_round is not None:
                self.after_round.run()
            if once:
                break
            self._sleep_until_due(locators)
        return done

    def _poll(self, source: WatchSource) -> PollOutcome:
        outcome = poll_source(source, self.store, self.take_in, self.fetcher, self.settings, self.every, self.stop)
        self.log(f"{source.locator}: {outcome.summary}")
        for note in outcome.notes:
            self.log(f"  {note}")
        return outcome

    def _sleep_until_due(self, locators: list[str]) -> None:
        times = [s.next_poll for s in self.store.watch_sources(locators) if s.next_poll is not None]
        if self.next_due is not None and (delivery := self.next_due()) is not None:
            times.append(delivery)
        wait = self.every
        if times:
            wait = min(wait, (min(times) - self.store.now()).total_seconds())
        if wait > 0:
            self.stop.wait(wait)
