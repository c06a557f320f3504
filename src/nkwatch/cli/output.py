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
    console = Console()
    if n == 0:
        console.print(f"{title}: nothing found")
    else:
        console.print(table)
