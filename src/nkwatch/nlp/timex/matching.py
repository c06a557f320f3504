"""Finding temporal expressions: run every rule, veto matches by their context, keep the longest
non-overlapping ones, and take in the modifiers in front of them ("early", "more than")."""
from __future__ import annotations

from dataclasses import dataclass

from .resources import DIGIT, TOKEN, Resources, Rule, base_name, vocab_key

CONTEXT = 60
WINDOW = 40  # characters around a trigger that an expression can reach


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str]


def _groups(m) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in m.groupdict().items():
        if value is not None:
            out.setdefault(base_name(name), value)
    return out


def _vetoed(text: str, rule: Rule, start: int, end: int, groups: dict[str, str], res: Resources) -> bool:
    capitalized = res.lists["capitalized"]
    for value in groups.values():
        if value[:1].islower() and vocab_key(value) in capitalized:
            return True
    if rule.not_before is not None and rule.not_before.search(text, max(0, start - CONTEXT), start):
        return True
    if rule.not_after is not None and rule.not_after.match(text, end, end + CONTEXT):
        return True
    if rule.requires_before is not None \
            and not rule.requires_before.search(text, max(0, start - CONTEXT), start):
        return True
    return False


def _trigger_keys(word: str, triggers) -> list[str]:
    """The trigger words of one token: the token itself with its inner stops dropped ("a.m.", "U.S."),
    else the words a stop glues together when a sentence runs into the next with no space after its
    full stop ("on Thursday.According to", "the previous day.State media")."""
    key = DIGIT if word.isdigit() else word.lower().replace(".", "")
    if key in triggers:
        return [key]
    return [k for part in word.split(".") if (k := part.lower()) in triggers] if "." in word else []


def windows(text: str, res: Resources) -> list[tuple[int, int, set[str]]]:
    """Stretches of text around trigger words, cut at whitespace, with the trigger words in each:
    the only places an expression can be."""
    out: list[list] = []
    n = len(text)
    triggers = res.triggers
    for m in TOKEN.finditer(text):
        word = m.group()
        # most tokens are plain words that trigger nothing: told apart here without a call
        if word.isalpha() and word.lower() not in triggers:
            continue
        keys = _trigger_keys(word, triggers)
        if not keys:
            continue
        start = max(0, m.start() - WINDOW)
        end = min(n, m.end() + WINDOW)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < n and not text[end].isspace():
            end += 1
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
            out[-1][2].update(keys)
        else:
            out.append([start, end, set(keys)])
    return [(s, e, keys) for s, e, keys in out]


_BY_TRIGGER: dict[int, tuple[Resources, dict[str, tuple[int, ...]]]] = {}


def _rules_by_trigger(res: Resources) -> dict[str, tuple[int, ...]]:
    """For each trigger word, the positions in ``res.rules`` of the rules it can start."""
    known = _BY_TRIGGER.get(id(res))
    if known is None or known[0] is not res:
        index: dict[str, list[int]] = {}
        for n, rule in enumerate(res.rules):
            for key in rule.triggers:
                index.setdefault(key, []).append(n)
        known = _BY_TRIGGER[id(res)] = (res, {k: tuple(v) for k, v in index.items()})
    return known[1]


def find(text: str, res: Resources) -> list[Match]:
    """The longest non-overlapping rule matches in ``text``, in text order."""
    found = []
    spans = windows(text, res)
    by_trigger = _rules_by_trigger(res)
    # the rules a trigger word of the text can start, in their order (the others find nothing)
    rules = [res.rules[n] for n in sorted({n for _, _, keys in spans for k in keys for n in by_trigger.get(k, ())})]
    for rule in rules:
        triggers, regex = rule.triggers, rule.regex
        for s, e, keys in spans:
            if triggers.isdisjoint(keys):
                continue
            for m in regex.finditer(text, s, e):
                start, end = m.span()
                if end == start:
                    continue
                groups = _groups(m)
                if not _vetoed(text, rule, start, end, groups, res):
                    found.append(Match(start, end, rule, groups))
    found.sort(key=lambda x: (-(x.end - x.start), -x.rule.priority, x.start))
    taken: list[Match] = []
    for cand in found:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    taken.sort(key=lambda x: x.start)
    return taken


def modifier(text: str, start: int, kind: str, res: Resources, floor: int = 0) -> tuple[int, str | None]:
    """A modifier phrase ending at ``start`` (kind "datemod": "early", "the end of", "mid-";
    "qmod": "more than", "at least"; "qmod_outside": "about"): the start of the expression with
    the modifier taken in (unchanged for qmod_outside) and its TIMEX3 mod."""
    regex = getattr(res, kind)
    m = regex.search(text, max(floor, start - 40), start)
    if not m:
        return start, None
    phrase = m.group().strip()
    mod = res.lookup(kind, phrase) or res.lookup(kind, phrase.rstrip("-") + "-")
    return (start if kind == "qmod_outside" else m.start()), mod
