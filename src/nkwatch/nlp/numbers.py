"""Reading numbers as news writes them: "1,587", "1.5", "two", "twenty-nine", "ten-thousand", "ten-thousand-200" (groups of digits
separated by spaces and multipliers such as "1.5 million" are joined by the claims reader)."""
from __future__ import annotations

import re

from .lexicon import ClaimRules

_DIGITS = re.compile(r"^(\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?:\.(\d+))?$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
_ORDINAL_WORDS = re.compile(r"^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
                            r"|(thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)th"
                            r"|((twenty|thirty|forty|fifty)-)?"
                            r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
                            r"|(twentie|thirtie|fortie|fiftie)th)$", re.IGNORECASE)


def parse_number(text: str, rules: ClaimRules) -> float | None:
    """The value of one number token (digits or a number word); None if it is not one."""
    t = text.strip().lower()
    if t[:-1].isdigit() and t.endswith("-"):
        t = t[:-1]  # "20- to 30-kilotonne": the first number of a range whose unit both share
    if not t or _ORDINAL.match(t):
        return None
    m = _DIGITS.match(t)
    if m:
        whole = re.sub(r"\D", "", m.group(1))
        return float(f"{whole}.{m.group(2)}") if m.group(2) else float(whole)
    if t in rules.number_words:
        return rules.number_words[t]
    parts = t.split("-")  # "twenty-nine"
    if len(parts) == 2 and all(p in rules.number_words for p in parts) and rules.number_words[parts[0]] >= 20 \
            and rules.number_words[parts[1]] < 10:
        return rules.number_words[parts[0]] + rules.number_words[parts[1]]
    # "ten-thousand", "15-hundred", "ten-thousand-200": a number joined to its multiplier
    if len(parts) in (2, 3) and (first := parse_number(parts[0], rules)) is not None:
        return with_multiplier(first, "-".join(parts[1:]), rules)
    return None


def with_multiplier(value: float, text: str, rules: ClaimRules) -> float | None:
    """``value`` times the multiplier ``text`` names ("thousand"), plus a smaller number joined to it
    by a hyphen ("thousand-100", as in "four-thousand-100"); None when ``text`` is no multiplier."""
    head, _, rest = text.strip().lower().partition("-")
    m = rules.multipliers.get(head)
    if m is None:
        return None
    if not rest:
        return value * m
    more = parse_number(rest, rules)
    return value * m + more if more is not None and more < m else None


def is_ordinal(text: str) -> bool:
    """Is the token an ordinal ("third", "21st", "twenty-first")?"""
    t = text.strip()
    return bool(_ORDINAL.match(t) or _ORDINAL_WORDS.match(t))


def ordinal_modifier(sent, head: int) -> str | None:
    """The ordinal modifying the word at ``head`` of a sentence record ("its third nuclear test"), lower-cased."""
    return next((k.text.lower() for k in sent.kids(head) if k.dep == "amod" and is_ordinal(k.text)), None)


def multiplier(text: str, rules: ClaimRules) -> float | None:
    return rules.multipliers.get(text.strip().lower())
