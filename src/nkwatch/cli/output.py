"""Shared output helpers for the CLI: JSON to stdout, rich tables otherwise."""
from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import Any, Iterable, Sequence

from rich.console import Console
from rich.table import Table


def _default(o: Any) -> Any:
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    if hasattr(o, "__dataclass_fields__"):
        from ..models import to_dict
        return to_dict(o)
    return str(o)


# Below this width rich squeezes a wide table's columns down to nothing; when stdout is a pipe or
# a file (CI logs, `| less`) there is no terminal width to respect, so lines are allowed to be long.
MIN_WIDTH = 160


def cli_console(stderr: bool = False, min_width: int = MIN_WIDTH) -> Console:
    """A rich console for CLI output: the terminal's width, and at least ``min_width`` columns when
    the output is not a terminal."""
    plain = Console(stderr=stderr)
    if plain.is_terminal:
        return plain
    return Console(stderr=stderr, width=max(plain.width, min_width))


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, default=_default, ensure_ascii=False, indent=2) + "\n")


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    n = 0
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
        n += 1
    out = cli_console()
    if n == 0:
        out.print(f"{title}: nothing found")
    else:
        out.print(table)
