"""Loading the tagger's data files (data/timex/*.toml): vocabularies, rules with their patterns
expanded and compiled, and tense cues."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PLACEHOLDER = re.compile(r"\{(:?)([a-z_][a-z_0-9]*)(?::([a-z_][a-z_0-9]*))?\}")
SUFFIX = re.compile(r"__\d+$")


class RuleError(ValueError):
    """A rule or pattern in the data files cannot be compiled."""


def vocab_key(text: str) -> str:
    """The lookup form of a vocabulary word: lower case, one space, no trailing dot, plain apostrophe."""
    text = re.sub(r"[\s\-]+", " ", text.lower().replace("’", "'")).strip()
    return text[:-1] if text.endswith(".") else text


@dataclass(frozen=True)
class Rule:
    id: str
    regex: re.Pattern
    norm: str
    type: str | None = None
    value: str | None = None
    mod: str | None = None
    unit: str | None = None
    priority: int = 0
    not_before: re.Pattern | None = None
    not_after: re.Pattern | None = None


@dataclass(frozen=True)
class Cues:
    future: frozenset[str]
    past: frozenset[str]
    not_past_ed: frozenset[str]
    deictic: tuple[str, ...]
    near_years: int
    min_far_years: int
    far_share: float


@dataclass(frozen=True)
class Resources:
    vocab: dict[str, dict[str, Any]]
    lists: dict[str, frozenset[str]]
    rules: tuple[Rule, ...]
    cues: Cues
    datemod: re.Pattern      # a date modifier ending right before an expression ("early ", "mid-")
    qmod: re.Pattern         # a quantity modifier ending right before a duration ("more than ")
    qmod_outside: re.Pattern  # one that gives a mod but stays outside the extent ("about ")

    def lookup(self, table: str, text: str | None) -> Any:
        if text is None:
            return None
        key = vocab_key(text)
        table_ = self.vocab[table]
        if key in table_:
            return table_[key]
        return table_.get(key.replace(" ", "-"))


def _alternation(keys: list[str]) -> str:
    alts = []
    for key in sorted(keys, key=len, reverse=True):
        optional_dot = key.endswith(".")
        body = key[:-1] if optional_dot else key
        parts = []
        for ch in body:
            if ch == " ":
                parts.append(r"\s+")
            elif ch == "-":
                parts.append(r"[-\s]?")
            elif ch in "'’":
                parts.append("['’]?")
            else:
                parts.append(re.escape(ch))
        alts.append("".join(parts) + (r"\.?" if optional_dot else ""))
    return "(?:" + "|".join(alts) + ")"


def _expander(vocab_alts: dict[str, str], patterns: dict[str, str]):
    cache: dict[str, str] = {}

    def body(name: str, stack: tuple[str, ...]) -> str:
        if name in vocab_alts:
            return vocab_alts[name]
        if name not in patterns:
            raise RuleError(f"unknown placeholder {{{name}}}")
        if name in stack:
            raise RuleError(f"recursive placeholder {{{name}}}")
        if name not in cache:
            cache[name] = "(?:" + expand(patterns[name], stack + (name,), capture=False) + ")"
        return cache[name]

    def expand(pattern: str, stack: tuple[str, ...] = (), capture: bool = True) -> str:
        seen: dict[str, int] = {}
        out, pos = [], 0
        for m in PLACEHOLDER.finditer(pattern):
            out.append(pattern[pos:m.start()])
            silent, name, group = m.group(1) == ":", m.group(2), m.group(3) or m.group(2)
            alts = body(name, stack)
            if silent or not capture:
                out.append(alts)
            else:
                seen[group] = seen.get(group, 0) + 1
                label = group if seen[group] == 1 else f"{group}__{seen[group]}"
                out.append(f"(?P<{label}>{alts[3:-1]})")
            pos = m.end()
        out.append(pattern[pos:])
        return "".join(out)

    return expand


def _spaces(pattern: str) -> str:
    """A literal space in a rule pattern stands for one or more whitespace characters."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        elif ch == " " and not in_class:
            out.append(r"\s+")
            continue
        elif ch == "?" and out and out[-1] == r"\s+":
            out[-1] = r"\s*"
            continue
        out.append(ch)
    return "".join(out)


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{where}: {exc}") from None


def _prefix_regex(keys: list[str]) -> re.Pattern:
    alts = _alternation([k for k in keys if not k.endswith("-")])
    hyphened = _alternation([k[:-1] for k in keys if k.endswith("-")])
    return re.compile(rf"(?:(?<![\w-])(?:{alts})\s+|(?<![\w-]){hyphened}-)$", re.IGNORECASE)


def load_resources(data_dir: Path) -> Resources:
    """Read vocab.toml, rules.toml and cues.toml from ``data_dir``."""
    with open(data_dir / "vocab.toml", "rb") as fh:
        raw_vocab = tomllib.load(fh)
    with open(data_dir / "rules.toml", "rb") as fh:
        raw_rules = tomllib.load(fh)
    with open(data_dir / "cues.toml", "rb") as fh:
        raw_cues = tomllib.load(fh)

    vocab: dict[str, dict[str, Any]] = {}
    lists: dict[str, frozenset[str]] = {}
    alts: dict[str, str] = {}
    for name, table in raw_vocab.items():
        if name == "provenance":
            continue
        if set(table) == {"words"}:
            lists[name] = frozenset(vocab_key(w) for w in table["words"])
            alts[name] = _alternation(list(table["words"]))
            continue
        vocab[name] = {vocab_key(k): v for k, v in table.items()}
        alts[name] = _alternation(list(table))
    expand = _expander(alts, raw_rules.get("patterns", {}))

    rules = []
    for spec in raw_rules["rule"]:
        where = f"rules.toml rule {spec.get('id')!r}"
        body = expand(_spaces(spec["pattern"]))
        regex = _compile(rf"(?<![\w'’])(?:{body})(?![\w])", where)
        rules.append(Rule(
            id=spec["id"], regex=regex, norm=spec["norm"], type=spec.get("type"),
            value=spec.get("value"), mod=spec.get("mod"), unit=spec.get("unit"),
            priority=spec.get("priority", 0),
            not_before=_compile(spec["not_before"], where) if "not_before" in spec else None,
            not_after=_compile(spec["not_after"], where) if "not_after" in spec else None,
        ))

    tense, narrative = raw_cues["tense"], raw_cues["narrative"]
    cues = Cues(
        future=frozenset(tense["future"]), past=frozenset(tense["past"]),
        not_past_ed=frozenset(tense["not_past_ed"]), deictic=tuple(narrative["deictic"]),
        near_years=narrative["near_years"], min_far_years=narrative["min_far_years"],
        far_share=narrative["far_share"],
    )
    return Resources(
        vocab=vocab, lists=lists, rules=tuple(rules), cues=cues,
        datemod=_prefix_regex(list(raw_vocab["datemod"])),
        qmod=_prefix_regex(list(raw_vocab["qmod"])),
        qmod_outside=_prefix_regex(list(raw_vocab["qmod_outside"])),
    )


def base_name(group: str) -> str:
    """The group name without the suffix that numbers its repeated occurrences."""
    return SUFFIX.sub("", group)
