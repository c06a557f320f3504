"""Whether a gold source is among the predicted ones.

Two names match when, case, possessives and punctuation aside, the words of one appear in a row
in the other ("South Korea's military" / "South Korea"), or when both stand for the same entity
of the project's alias table (``data/sources.toml``: ``[[source]] name = "KCNA" aliases = [...]``);
a name stands for the entity of the longest alias it contains ("South Korea's Joint Chiefs of
Staff" -> JCS, "Russian state news agency TASS" -> TASS).
"""
from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?=\s|$)", re.IGNORECASE)
_NON_WORD = re.compile(r"[\W_]+")


def words(name: str) -> tuple[str, ...]:
    """The lower-cased words of a name, possessives and punctuation dropped, initials joined
    ("U.S." -> "us")."""
    out: list[str] = []
    previous_initial = False
    for word in _NON_WORD.sub(" ", _POSSESSIVE.sub("", name.lower())).split():
        initial = len(word) == 1
        if initial and previous_initial:
            out[-1] += word
        else:
            out.append(word)
        previous_initial = initial
    return tuple(out)


def _contains(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    n = len(b)
    return n > 0 and any(a[i:i + n] == b for i in range(len(a) - n + 1))


@dataclass(frozen=True)
class SourceAliases:
    """Canonical source names by the words of each of their aliases."""
    entities: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)

    def canonical(self, name: str) -> frozenset[str]:
        """The entities of the longest alias found inside ``name`` (as the extractor reads an
        attributed phrase); empty when none is."""
        key = words(name)
        found = [alias for alias in self.entities if _contains(key, alias)]
        if not found:
            return frozenset()
        longest = max(map(len, found))
        return frozenset().union(*(self.entities[a] for a in found if len(a) == longest))


def aliases_of(entries: list[tuple[str, list[str]]]) -> SourceAliases:
    """An alias table from (canonical name, aliases) pairs."""
    entities: dict[tuple[str, ...], frozenset[str]] = {}
    for name, aliases in entries:
        for alias in [name, *aliases]:
            if key := words(alias):
                entities[key] = entities.get(key, frozenset()) | {name}
    return SourceAliases(entities)


def load_source_aliases(path: str | Path, table: str = "source") -> SourceAliases:
    """The alias table of a TOML data file's ``[[table]]`` entries (sources.toml ``source``,
    actors.toml ``actor``); an absent file gives an empty table (string rules only)."""
    path = Path(path)
    if not path.is_file():
        return SourceAliases()
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return aliases_of([(e["name"], e.get("aliases", [])) for e in data.get(table, [])])


def load_place_aliases(path: str | Path) -> SourceAliases:
    """The alias table of places.csv (name, |-separated aliases; '#' lines are its header)."""
    path = Path(path)
    if not path.is_file():
        return SourceAliases()
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return aliases_of([(row["name"], [a for a in row["aliases"].split("|") if a])
                       for row in csv.DictReader(lines)])


def same_source(gold: str, predicted: str, aliases: SourceAliases | None = None) -> bool:
    g, p = words(gold), words(predicted)
    if _contains(g, p) or _contains(p, g):
        return True
    return aliases is not None and bool(aliases.canonical(gold) & aliases.canonical(predicted))


def same_states(gold: list[str], predicted: list[str], aliases: SourceAliases | None = None) -> bool:
    """The same set of states, each gold one named by a predicted one and the other way round."""
    return (all(source_found(g, predicted, aliases) for g in gold)
            and all(source_found(p, gold, aliases) for p in predicted))


def source_found(gold: str, predicted: list[str], aliases: SourceAliases | None = None) -> bool:
    """True when one of the predicted sources names the gold source."""
    return any(same_source(gold, p, aliases) for p in predicted)
