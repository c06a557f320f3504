"""Helpers shared by the routers: blank form fields, checks of query values, value display."""
from __future__ import annotations

from collections.abc import Collection
from typing import Any

from fastapi.exceptions import RequestValidationError

from ...dates import date_interval
from ..present import number

# As the CLI and the claim series show them: news "more than / at least" is ge, "up to" le.
BOUND_SIGN = {"ge": ">", "le": "<", "approx": "~", "eq": ""}


def blank(value: str | None) -> str | None:
    """An empty or all-space form field is no filter."""
    return value.strip() if value and value.strip() else None


def invalid(name: str, message: str) -> RequestValidationError:
    """A 422 answer about query parameter ``name``, shaped like FastAPI's own."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": message}])


def one_of(value: str | None, allowed: Collection[str], name: str) -> str | None:
    """``value`` (blank = None) when it is in ``allowed``; 422 otherwise."""
    value = blank(value)
    if value is not None and value not in allowed:
        raise invalid(name, f"unknown value {value!r} (one of {', '.join(allowed)})")
    return value


def date_value(value: str | None, name: str) -> str | None:
    """``value`` (blank = None) when it is a date value the store reads; 422 otherwise."""
    value = blank(value)
    if value is not None and date_interval(value) is None:
        raise invalid(name, f"not a date: {value!r} (use 2024, 2024-03, 2024-03-15, 2024-W11 ...)")
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
