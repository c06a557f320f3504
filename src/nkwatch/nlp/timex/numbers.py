"""Counts in temporal expressions ("63", "two", "twenty-four", "a few", "two and a half") and the
TIMEX3 duration values they make with a unit."""
from __future__ import annotations

import re

from .resources import Resources

HALF = re.compile(r"[\s-]+and[\s-]+(?:a[\s-]+)?half$|\s+1/2$", re.IGNORECASE)
HALF_A = re.compile(r"^half[\s-]+an?$", re.IGNORECASE)
TIME_UNITS = {"H": "H", "N": "M", "S": "S"}
# Units expressed through another: (letter, factor).
SCALED = {"FN": ("W", 2), "DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "Q": ("M", 3),
          "WE": ("D", 2), "NIGHT": ("D", 1)}
# A fraction of a unit written in the next smaller one: (unit, factor).
SPLIT = {"Y": ("M", 12), "D": ("H", 24), "H": ("N", 60), "N": ("S", 60)}


def parse_count(text: str, res: Resources) -> float | str | None:
    """The number a count phrase says: a float, "X" for vague counts, None when unreadable."""
    text = text.strip()
    if res.lookup("fuzzynum", text):
        return "X"
    if HALF_A.match(text):
        return 0.5
    extra = 0.0
    m = HALF.search(text)
    if m:
        extra, text = 0.5, text[:m.start()]
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text) + extra
    phrase = res.lookup("numword", text)   # "a couple of", "half a"
    if isinstance(phrase, (int, float)):
        return float(phrase) + extra
    total = current = 0.0
    for word in re.split(r"[\s-]+", text):
        if word.lower() == "and":
            continue
        value = res.lookup("numword", word) or res.lookup("article", word)
        if not isinstance(value, (int, float)):
            return None
        if value in (100, 1000):
            current = max(current, 1.0) * value
            if value == 1000:
                total, current = total + current, 0.0
        else:
            current += value
    return total + current + extra


def word_year(text: str, res: Resources) -> int | None:
    """A year said in words: "nineteen ninety-six", "two thousand and one"."""
    words = re.split(r"[\s-]+", text.strip().lower())
    first = res.lookup("numword", words[0])
    if isinstance(first, int) and 10 <= first <= 20 and len(words) > 1 and words[1] != "thousand":
        rest = [w for w in words[1:] if w not in ("hundred", "and")]
        tail = parse_count(" ".join(rest), res) if rest else 0.0
        if isinstance(tail, float) and 10 <= tail < 100:  # "twenty-two" is a number, not 2002
            return first * 100 + int(tail)
        return None
    n = parse_count(text, res)
    return int(n) if isinstance(n, float) and n.is_integer() and 1000 <= n <= 2100 else None


def number_text(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _split(count: float, letter: str) -> list[tuple[float, str]]:
    """A fractional count as a whole count and the rest in the next smaller unit, where that
    is exact ("5 1/2 hours" -> 5 H + 30 N), as TimeBank writes them (PT5H30M, P2Y6M)."""
    if float(count).is_integer() or letter not in SPLIT:
        return [(count, letter)]
    sub, factor = SPLIT[letter]
    whole, rest = int(count), (count - int(count)) * factor
    if not float(round(rest, 6)).is_integer():
        return [(count, letter)]
    return ([(float(whole), letter)] if whole else []) + [(round(rest), sub)]


def duration_value(parts: list[tuple[float | str, str]]) -> str:
    """P... for a list of (count, unit letter); "X" counts give PX<unit>."""
    date_part, time_part = [], []
    for count, unit in parts:
        letter, factor = SCALED.get(unit, (unit, 1))
        pieces = [(count, letter)] if count == "X" else _split(count * factor, letter)
        for amount, letter in pieces:
            amount = amount if amount == "X" else number_text(amount)
            if letter in TIME_UNITS:
                time_part.append(f"{amount}{TIME_UNITS[letter]}")
            else:
                date_part.append(f"{amount}{letter}")
    return "P" + "".join(date_part) + ("T" + "".join(time_part) if time_part else "")
