"""Helpers shared by the routers: blank form fields, vocabulary checks, value display."""
from __future__ import annotations

from collections.abc import Collection
from typing import Any

from fastapi import HTTPException

from ..present import number

BOUND_SIGN = {"ge": "≥ ", "le": "≤ ", "approx": "~", "eq": ""}


def blank(value: str | None) -> str | None:
    """An empty or all-space form field is no filter."""
    return value.strip() if value and value.strip() else None


def one_of(value: str | None, allowed: Collection[str], name: str) -> str | None:
    """``value`` (blank = None) when it is in ``allowed``; 400 otherwise."""
    value = blank(value)
    if value is not None and value not in allowed:
        raise HTTPException(400, f"unknown {name} {value!r} (one of {', '.join(allowed)})")
    return value


def shown(value: Any) -> str:
    """A reconciled field value as text: lists joined, claim values with their range, '' for none."""
    if value is None:
        return ""
    if isinstance(value, dict) and "value" in value:
        text = BOUND_SIGN.get(value.get("bound") or "eq", "") + number(value["value"])
        if value.get("value_max") is not None:
            text += "–" + number(value["value_max"])
        return f"{text} {value['unit']}" if value.get("unit") else text
    if isinstance(value, (list, tuple)):
        return ", ".join(shown(v) for v in value)
    if isinstance(value, float):
        return number(value)
    return str(value)
