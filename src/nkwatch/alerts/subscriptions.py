"""Webhook subscriptions, from a TOML file: each names the events it wants with the timeline's
filters (the fields of ``EventFilters``, by the same names), the URL to POST them to, and the
secret that signs them.

    [[subscription]]
    name = "launches"                      # unique; deliveries are recorded under it
    url = "https://hooks.example.org/nk"
    secret_env = "NK_HOOK_SECRET"          # or: secret = "..."
    [subscription.filters]                 # optional: no filters, every event
    type = "weapons_test"
    weapon_class = "icbm"
    q = "hwasong"
"""
from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..filters import EventFilters, FilterError

KEYS = ("name", "url", "secret", "secret_env", "filters")


class SubscriptionError(ValueError):
    """A subscriptions file that cannot be used, with where and why."""


@dataclass(frozen=True)
class Subscription:
    name: str
    url: str
    secret: str = field(repr=False)
    filters: EventFilters = field(default_factory=EventFilters)


def load_subscriptions(path: str | Path, environ: Mapping[str, str] | None = None) -> list[Subscription]:
    """The subscriptions of the TOML file at ``path`` (secrets named by ``secret_env`` read from
    ``environ``, default the process environment). Raises SubscriptionError."""
    environ = os.environ if environ is None else environ
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SubscriptionError(f"{path}: {exc}") from None
    unknown = set(data) - {"subscription"}
    if unknown:
        raise SubscriptionError(f"{path}: unknown table(s) {', '.join(sorted(unknown))} (use [[subscription]])")
    found: list[Subscription] = []
    for n, table in enumerate(data.get("subscription", []), 1):
        where = f"{path}: subscription {n}"
        if not isinstance(table, dict):
            raise SubscriptionError(f"{where}: not a table")
        found.append(_subscription(table, where, environ))
    names = [s.name for s in found]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise SubscriptionError(f"{path}: subscription names used twice: {', '.join(repeated)}")
    return found


def _subscription(table: dict, where: str, environ: Mapping[str, str]) -> Subscription:
    unknown = set(table) - set(KEYS)
    if unknown:
        raise SubscriptionError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (one of {', '.join(KEYS)})")
    name = str(table.get("name") or "").strip()
    if not name:
        raise SubscriptionError(f"{where}: a name is needed")
    where = f"{where} ({name})"
    url = str(table.get("url") or "").strip()
    if not url.lower().startswith(("http://", "https://")):
        raise SubscriptionError(f"{where}: url must be an http(s) URL, not {url!r}")
    secret = table.get("secret")
    if table.get("secret_env"):
        secret = environ.get(str(table["secret_env"]))
        if not secret:
            raise SubscriptionError(f"{where}: environment variable {table['secret_env']} is not set")
    if not secret or not isinstance(secret, str):
        raise SubscriptionError(f"{where}: a secret (or secret_env) is needed to sign the deliveries")
    filters = table.get("filters") or {}
    if not isinstance(filters, dict):
        raise SubscriptionError(f"{where}: filters must be a table")
    try:
        parsed = EventFilters.parse(filters, selecting_only=True)
    except FilterError as exc:
        raise SubscriptionError(f"{where}: filter {exc}") from None
    return Subscription(name, url, secret, parsed)
