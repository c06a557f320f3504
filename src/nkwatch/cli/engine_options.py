"""Where extraction runs, for the commands that extract (``ingest``, ``extract``): options and the
engine they open (``nkwatch.engines``)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

import click

from ..engines import ENGINES, ExtractionEngine, open_engine
from ..settings import Settings


def engine_options(command: Callable) -> Callable:
    """--engine, --workers and --address, passed to the command as ``engine``, ``workers``,
    ``address``."""
    options = [
        click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                     help="local: worker processes on this machine; ray: Ray actors (a local Ray, "
                          "or the cluster at --address). This process stays the one writer."),
        click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="Extraction processes or Ray actors, one spaCy model each "
                          "[env NKWATCH_WORKERS; default 1: extraction in this process]."),
        click.option("--address", default=None, metavar="ADDRESS",
                     help="Ray cluster to join: auto (on a cluster node) or ray://HEAD:10001; "
                          "without it --engine ray starts a local Ray for the run."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@contextmanager
def cli_engine(settings: Settings, engine: str, workers: int | None,
               address: str | None) -> Iterator[ExtractionEngine | None]:
    """The engine the options name, started (each worker loads the model) and stopped on exit;
    None for one local worker: the command's pipeline extracts in this process. A start that
    fails is a clean CLI error."""
    if address is not None and engine != "ray":
        raise click.UsageError("--address goes with --engine ray")
    if engine == "local" and (workers or settings.workers) <= 1:
        yield None
        return
    with ExitStack() as stack:
        try:
            opened = stack.enter_context(open_engine(settings, engine, workers, address))
        except (ImportError, ConnectionError, RuntimeError, OSError) as exc:
            raise click.ClickException(f"cannot start the {engine} engine: {exc}") from None
        yield opened
