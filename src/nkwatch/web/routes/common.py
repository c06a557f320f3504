"""Helpers shared by the routers: blank form fields, checks of query values, paging, value display."""
from __future__ import annotations

from collections.abc import Collection
from typing import Any

from fastapi.exceptions import RequestValidationError

from ...dates import date_interval
from ...display import claimed, number
from ...models import Claim
from ...store import DocumentRef

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


def paging(found: int, limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    """``limit``, ``offset`` and the offsets of the pages before and after, for a page whose query
    asked for ``limit + 1`` rows and got ``found`` (more than ``limit``: a next page follows);
    with the ``total`` of rows, the numbered pages too."""
    data = {"limit": limit, "offset": offset, "next_offset": offset + limit if found > limit else None,
            "prev_offset": max(0, offset - limit) if offset else None}
    if total is not None:
        data |= {"total": total, "pages": page_numbers(total, limit, offset)}
    return data


PAGES_AROUND = 2  # numbered pages shown on each side of the current one


def page_numbers(total: int, limit: int, offset: int) -> list[dict[str, Any] | None]:
    """The pages to number: the first, the last and those around the current one, None where
    pages are skipped: [1, None, 4, 5, 6, 7, 8, None, 20]. None at all for a single page."""
    count = -(-total // limit)
    if count <= 1:
        return []
    current = offset // limit + 1
    shown = sorted({1, count, *range(max(1, current - PAGES_AROUND), min(count, current + PAGES_AROUND) + 1)})
    pages: list[dict[str, Any] | None] = []
    for n in shown:
        if pages and pages[-1] is not None and n > pages[-1]["number"] + 1:
            pages.append(None)
        pages.append({"number": n, "offset": (n - 1) * limit, "current": n == current})
    return pages


def claim_shown(claim: Claim) -> str:
    """A claim's value as reported: '>10,000', '7,961–7,973 s', '~600 km'."""
    return shown({"value": claim.value, "value_max": claim.value_max, "bound": claim.bound, "unit": claim.unit})


def claim_facts(claim_id: str, claim: Claim, document: DocumentRef, evidence_text: str | None) -> dict[str, Any]:
    """A claim as the claims and event pages list it: the value as reported (bound, range, unit,
    and as text), its source, document and evidence."""
    return {"id": claim_id, "property": claim.property, "value": claim.value, "value_max": claim.value_max,
            "bound": claim.bound, "unit": claim.unit, "period": claim.period, "source": claim.source,
            "shown": claim_shown(claim), "document_id": document.id, "document": document.name,
            "evidence": [claim.evidence.start, claim.evidence.end], "evidence_text": evidence_text}


def shown(value: Any) -> str:
    """A reconciled field value as text: lists joined, claim values with their range, '' for none."""
    if value is None:
        return ""
    if isinstance(value, dict) and "value" in value:
        return claimed(value["value"], value.get("value_max"), value.get("bound"), value.get("unit"))
    if isinstance(value, (list, tuple)):
        return ", ".join(shown(v) for v in value)
    if isinstance(value, float):
        return number(value)
    return str(value)
