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
    requires_before: re.Pattern | None = None
    antecedent: bool = False  # refers to a date mentioned before; unknown without one
    current: bool = False     # in news, a year named so is the document's, not the last one mentioned
    triggers: frozenset[str] = frozenset()  # trigger words (DIGIT for digits) a match can contain


@dataclass(frozen=True)
class Cues:
    future: frozenset[str]
    past: frozenset[str]
    not_past_ed: frozenset[str]
    future_phrases: frozenset[str]
    passive_aux: frozenset[str]
    perfect_aux: frozenset[str]
    present_aux: frozenset[str]
    past_aux: frozenset[str]
    deictic: tuple[str, ...]
    near_years: int
    min_far_years: int
    far_share: float
    history_years: int


@dataclass(frozen=True)
class Resources:
    vocab: dict[str, dict[str, Any]]
    lists: dict[str, frozenset[str]]
    rules: tuple[Rule, ...]
    cues: Cues
    datemod: re.Pattern      # a date modifier ending right before an expression ("early ", "mid-")
    qmod: re.Pattern         # a quantity modifier ending right before a duration ("more than ")
    qmod_outside: re.Pattern  # one that gives a mod but stays outside the extent ("about ")
    triggers: frozenset[str]  # words (trigger_word form) one of which every expression contains

    def lookup(self, table: str, text: str | None) -> Any:
        if text is None:
            return None
        key = vocab_key(text)
        table_ = self.vocab[table]
        if key in table_:
            return table_[key]
        return table_.get(key.replace(" ", "-"))


def _key_tokens(key: str) -> list[str]:
    """A vocabulary key as a list of regex pieces, one per character (see the vocab.toml header)."""
    optional_dot = key.endswith(".")
    tokens = []
    for ch in key[:-1] if optional_dot else key:
        if ch == " ":
            tokens.append(r"\s+")
        elif ch == "-":
            tokens.append(r"[-\s]?")
        elif ch in "'’":
            tokens.append("['’]?")
        else:
            tokens.append(re.escape(ch.lower()))
    if optional_dot:
        tokens.append(r"\.?")
    return tokens


def _trie_regex(node: dict) -> str:
    """Regex of a trie of token lists: shared prefixes are matched once (fast with many keys),
    and longer keys are tried before the shorter ones they extend."""
    end = "" in node
    # pieces that can match nothing ("\.?") go last, so that longer keys are tried first
    toks = sorted((t for t in node if t != ""), key=lambda t: t.endswith("?"))
    branches = [tok + _trie_regex(node[tok]) for tok in toks]
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if end else "")


def _alternation(keys: list[str]) -> str:
    """One non-capturing group matching any of ``keys``, the longest where several fit."""
    trie: dict = {}
    for key in keys:
        node = trie
        for tok in _key_tokens(key):
            node = node.setdefault(tok, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


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


DIGIT = "#"
TOKEN = re.compile(r"[A-Za-z]+(?:\.[A-Za-z]+)*|\d")


def trigger_word(text: str) -> str:
    """The word of a phrase that stands for it among triggers: its longest word, lower case,
    without dots and apostrophes ("the day before yesterday" -> "yesterday", "B.C." -> "bc")."""
    words = [w.replace(".", "").lower() for w in re.split(r"[\s\-'’]+", text) if w]
    words = [w for w in words if w] or [""]
    return DIGIT if words[0].isdigit() else max(words, key=len)


def _references(pattern: str, patterns: dict[str, str], seen: set[str] | None = None) -> set[str]:
    """Names of the vocabulary tables and patterns a rule pattern uses, recursively."""
    seen = set() if seen is None else seen
    for m in PLACEHOLDER.finditer(pattern):
        name = m.group(2)
        if name not in seen:
            seen.add(name)
            if name in patterns:
                _references(patterns[name], patterns, seen)
    return seen


def _rule_triggers(pattern: str, regex: str, patterns: dict[str, str], vocab_keys: dict[str, set[str]],
                   trigger_keys: set[str]) -> frozenset[str]:
    """The trigger words a rule's matches can contain: those of the tables it uses, those written
    in its pattern, and DIGIT when it can match a digit."""
    keys: set[str] = set()
    for name in _references(pattern, patterns):
        table = {trigger_word(k) for k in vocab_keys.get(name, ())}
        keys |= (table | {k + "s" for k in table}) & trigger_keys
    literal = re.sub(r"\\[sbdw]|[\\()?:|*+\[\]]", " ", pattern.replace("['’]", "'")).lower()
    literal = re.sub(r"['’]", " ", literal.replace(".", ""))
    keys |= {k for k in trigger_keys if re.search(rf"(?<![a-z]){re.escape(k)}(?![a-z])", literal)}
    if "\\d" in regex or "0-9" in regex:
        keys.add(DIGIT)
    return frozenset(keys)


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
    patterns = raw_rules.get("patterns", {})
    expand = _expander(alts, patterns)
    trig = raw_rules["trigger"]
    trigger_words = [k for t in trig["tables"] for k in raw_vocab[t]] + trig["words"]
    trigger_keys = {trigger_word(w) for w in trigger_words}
    vocab_keys = {name: {vocab_key(k) for k in table} for name, table in raw_vocab.items()
                  if name != "provenance" and isinstance(table, dict)}
    vocab_keys.update({name: set(words) for name, words in lists.items()})

    rules = []
    for spec in raw_rules["rule"]:
        where = f"rules.toml rule {spec.get('id')!r}"
        body = expand(_spaces(spec["pattern"]))
        # at word boundaries; an apostrophe before may open a quotation, not end a contraction
        regex = _compile(rf"(?<!\w)(?<!\w['’])(?:{body})(?!\w)", where)
        rules.append(Rule(
            id=spec["id"], regex=regex, norm=spec["norm"], type=spec.get("type"),
            value=spec.get("value"), mod=spec.get("mod"), unit=spec.get("unit"),
            priority=spec.get("priority", 0),
            not_before=_compile(spec["not_before"], where) if "not_before" in spec else None,
            not_after=_compile(spec["not_after"], where) if "not_after" in spec else None,
            requires_before=_compile(spec["requires_before"], where) if "requires_before" in spec else None,
            antecedent=spec.get("antecedent", False), current=spec.get("current", False),
            triggers=_rule_triggers(spec["pattern"], body, patterns, vocab_keys, trigger_keys),
        ))

    tense, narrative = raw_cues["tense"], raw_cues["narrative"]
    cues = Cues(
        future=frozenset(tense["future"]), past=frozenset(tense["past"]),
        not_past_ed=frozenset(tense["not_past_ed"]),
        **{k: frozenset(tense[k]) for k in ("future_phrases", "passive_aux", "perfect_aux", "present_aux",
                                             "past_aux")},
        deictic=tuple(narrative["deictic"]),
        near_years=narrative["near_years"], min_far_years=narrative["min_far_years"],
        far_share=narrative["far_share"], history_years=narrative["history_years"],
    )
    return Resources(
        vocab=vocab, lists=lists, rules=tuple(rules), cues=cues,
        datemod=_prefix_regex(list(raw_vocab["datemod"])),
        qmod=_prefix_regex(list(raw_vocab["qmod"])),
        qmod_outside=_prefix_regex(list(raw_vocab["qmod_outside"])),
        triggers=frozenset(trigger_keys | {DIGIT}),
    )


def base_name(group: str) -> str:
    """The group name without the suffix that numbers its repeated occurrences."""
    return SUFFIX.sub("", group)
