"""The ``nkwatch`` command: a thin click group. Each sub-module of this package defines its
commands over library functions and is registered in COMMAND_MODULES (one line each)."""
from __future__ import annotations

import importlib

import click

from ..settings import Settings

# Every module listed here exposes ``commands``: a list of click commands/groups.
COMMAND_MODULES = [
    "eval",
    "ingest",
    "docs",
    "db",
    "timeml",
    "events",
    "serve",
    "watch",
    "alerts",
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="NKWATCH_DB", default=None,
              help="Store: SQLite path or SQLAlchemy URL [env NKWATCH_DB; default ./nkwatch.db].")
@click.version_option(package_name="nkwatch")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """nkwatch: events and attributed claims about North Korea's military activity."""
    ctx.obj = Settings.from_env(db=db)


for _name in COMMAND_MODULES:
    for _cmd in importlib.import_module(f"{__name__}.{_name}").commands:
        cli.add_command(_cmd)


def main() -> None:
    cli(prog_name="nkwatch")
