"""Human names of stored codes (data/names.toml): 'ICBM' for ``icbm``, 'Weapons test' for
``weapons_test``; and the heading that says what happened: 'ICBM test (Hwasong-19), 2024-10-31'."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .display import shown_date, what
from .settings import Settings

if TYPE_CHECKING:  # the store imports display; only the type is needed here
    from .store import EventRow

NAMES_FILE = "names.toml"


@dataclass(frozen=True)
class Names:
    """The names of event types, weapon classes, weapons tests by class and place precisions."""
    event_types: dict[str, str]
    weapon_classes: dict[str, str]
    tests: dict[str, str]
    place_precisions: dict[str, str]

    @classmethod
    def load(cls, settings: Settings) -> "Names":
        with open(settings.data_path(NAMES_FILE), "rb") as f:
            data = tomllib.load(f)
        return cls(data["event_types"], data["weapon_classes"], data["tests"], data["place_precisions"])

    def event_type(self, code: str | None) -> str:
        """'Weapons test'; an unknown code as written, '' for none."""
        return self.event_types.get(code, code) if code else ""

    def weapon_class(self, code: str | None) -> str:
        return self.weapon_classes.get(code, code) if code else ""

    def place_precision(self, code: str | None) -> str:
        return self.place_precisions.get(code, code) if code else ""

    def kind(self, row: EventRow) -> str:
        """What kind of event it is: a weapons test by its class ('ICBM test'), a long-running
        event by its label, any other by its type."""
        if row.long_running and row.label:
            return row.label
        if row.type == "weapons_test":
            return self.tests.get(row.weapon_class or "other", self.event_type(row.type))
        return self.event_type(row.type)

    def what(self, row: EventRow) -> str:
        """``display.what`` with the weapon class named: '2 x KN-23 / SRBM'."""
        return what(row, self.weapon_class)

    def headline(self, row: EventRow) -> str:
        """What happened and when: 'ICBM test (Hwasong-19), 2024-10-31'; 'Diplomatic engagement
        (Russia, North Korea), reported 2024-06-19'. The parenthesis holds the weapon, else what
        the event's reports name most (nothing when it would repeat the kind)."""
        kind = self.kind(row)
        detail = row.weapon if row.type == "weapons_test" else self.what(row) if not row.long_running else ""
        detail = "" if not detail or detail == kind else f" ({detail})"
        return f"{kind}{detail}, {shown_date(row)}"
