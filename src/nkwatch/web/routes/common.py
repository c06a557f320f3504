"""Helpers shared by the routers: blank form fields, 422 answers, paging, value display."""
from __future__ import annotations

from typing import Any

from fastapi.exceptions import RequestValidationError

from ...display import claimed, number
from ...filters import blank
from ...models import Claim
from ...store import DocumentRef

__all__ = ["MAX_OFFSET", "blank", "claim_facts", "claim_shown", "invalid", "paging", "shown"]

MAX_OFFSET = 2**31 - 1  # far beyond any page a store holds; larger ones (past what SQL integers take) 422


def invalid(name: str, message: str) -> RequestValidationError:
    """A 422 answer about query parameter ``name``, shaped like FastAPI's own."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": message}])


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
