"""``nkwatch db``: schema migrations of the store; ``open_store`` for the other commands."""
from __future__ import annotations

import click

from ..settings import Settings
from ..store import Store, StoreError
from ..store.migrate import head


def open_store(settings: Settings, upgrade: bool = True) -> Store:
    """``Store.open`` with its errors turned into a clean CLI error."""
    try:
        return Store.open(settings, upgrade=upgrade)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@click.group("db")
def db_group() -> None:
    """Schema of the store: current revision, upgrade.

    The database is the one given by --db / NKWATCH_DB."""


@db_group.command("upgrade")
@click.pass_obj
def upgrade_cmd(settings: Settings) -> None:
    """Migrate the database to the newest schema revision (every command also does this)."""
    with open_store(settings, upgrade=False) as store:
        try:
            before, after = store.upgrade()
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
        if before == after:
            click.echo(f"{store.url}: already at revision {after} (head)")
        else:
            click.echo(f"{store.url}: upgraded from {before or 'empty'} to {after}")


@db_group.command("current")
@click.pass_obj
def current_cmd(settings: Settings) -> None:
    """Show the database's schema revision and the newest one this version knows."""
    with open_store(settings, upgrade=False) as store:
        current, newest = store.revision(), head()
        state = "up to date" if current == newest else "run `nkwatch db upgrade`"
        click.echo(f"{store.url}: revision {current or 'none (empty)'}; head {newest} ({state})")


commands = [db_group]
