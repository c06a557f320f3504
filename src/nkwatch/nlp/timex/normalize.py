"""Normalizers: from the groups a rule matched to a TIMEX3 type and value. One function per rule
``norm`` kind (rules.toml); each returns a ``Norm`` or None to drop the match."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from .calendar import Point, at, holiday_date, safe_point, season_point, shift, shift_date, weekday_near
from .numbers import duration_value, parse_count, word_year
from .resolve import State, pick_year
from .resources import Resources, Rule, vocab_key

DIGITS = re.compile(r"\d+")
POSSESSIVE = re.compile(r"['’]s\b")
PARTS = ("MO", "MI", "AF", "EV", "NI", "DT")
PERIOD_NOUN = re.compile(r"\b(quarter|month|week)$", re.IGNORECASE)
UNIT_WORD = re.compile(r"\b(fiscal year|year|quarter|month|week|day|morning|afternoon|evening|night)\b")
# TIMEX3 values of a period of each unit whose place in time the text does not say.
UNKNOWN = {"Y": "XXXX", "Q": "XXXX-QX", "M": "XXXX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "D": "XXXX-XX-XX",
           "DE": "XXX", "CE": "XX", **{part: f"XXXX-XX-XXT{part}" for part in PARTS}}
# Granularity of "<n> <unit> ago" counted from the document date.
AGO_GRAN = {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q", "DE": "Y", "CE": "Y", "ML": "Y",
            "FN": "D", "WE": "W", "NIGHT": "D", "H": "D", "N": "D", "S": "D"}


# A day of a month (or a month) without a year takes its nearest occurrence when that lies within
# this many days of the reference date, whatever the tense; farther off, the tense decides.
NEAREST_DAYS = 120
NEAREST_MONTH_DAYS = 62
# "a year ago" after a quarter or month mentioned this close before counts from that period
# ("sales in the third quarter rose from a year ago").
PERIOD_REACH = 400
# A clock time without a day is on the day mentioned this close before it ("on Oct. 23 ... at 10 p.m.").
TIME_REACH = 300


@dataclass(frozen=True)
class Norm:
    type: str
    value: str | None
    mod: str | None = None
    anchored: bool = False
    point: Point | None = None   # the calendar point, remembered as the last date mentioned
    zone: float | None = None    # TIME: hours from UTC when the expression names a zone
    dated: bool = True           # TIME: whether the expression itself says the day
    clock: tuple[int, int] | None = None  # TIME: (hour, minute) of a clock time, hour 24 = midnight
    deictic: bool = False        # counted from the document date ("today", "next week", "ago")
    sets_ref: bool = True        # becomes the reference time of later anaphora


def _unknown(type_: str = "DATE") -> Norm:
    return Norm(type_, None, anchored=True)


def _point_norm(p: Point | None, type_: str, anchored: bool, mod: str | None = None) -> Norm | None:
    if p is None:
        return None
    if p.gran in ("PART", "T"):
        type_ = "TIME"
    return Norm(type_, p.value(), mod, anchored, p)


def _int(text: str | None) -> int | None:
    m = DIGITS.search(text) if text else None
    return int(m.group()) if m else None


def _ordinal(text: str | None, res: Resources) -> int | None:
    if not text:
        return None
    n = res.lookup("ordinal", text)
    return n if n is not None else _int(text)


def _year(g: dict, st: State) -> int | None:
    if g.get("year"):
        text = g["year"]
        return int(text) if text.isdigit() else word_year(text, st.res)
    short = g.get("yy2") or g.get("shortyear")
    if short:
        yy = int(short.strip("'’"))
        limit = (st.dct or dt.date.today()).year % 100 + 10
        return (2000 if yy <= limit else 1900) + yy
    return None


def _unit(res: Resources, text: str | None) -> str | None:
    return res.lookup("unit", text) or res.lookup("adjunit", text)


def _with_part(p: Point | None, part: str | None) -> Point | None:
    if p is None or part is None or p.gran != "D":
        return p
    return Point("PART", p.year, p.month, p.day, part=part)


def _weekday_of_week(st: State, weekday: int, week_word: str) -> dt.date | None:
    """The weekday of the week a relative word names ("Thursday last week", "Wednesday of next week"): that week
    of the story's day, whichever way the clause points."""
    rel = st.res.lookup("rel", week_word)
    base = st.story_date()
    if base is None or rel is None:
        return None
    return shift(at(base, "W"), "W", rel).date + dt.timedelta(days=weekday - 1)


def _weekday_date(st: State, weekday: int, rel_word: str | None, start: int, end: int) -> dt.date | None:
    res = st.res
    rel = res.lookup("rel", rel_word)
    anaphoric = rel_word is not None and vocab_key(rel_word) in res.lists["anaphoric_rel"]
    anchor = st.anchor()
    base = anchor.date if anaphoric and anchor is not None and anchor.calendar else st.story_date()
    if base is None:
        return None
    if rel in (-1, 1):
        return weekday_near(base, weekday, rel, strict=True)
    if rel == 0:
        return base + dt.timedelta(days=weekday - base.isoweekday())
    if POSSESSIVE.match(st.text, end):
        direction = -1   # "Saturday's test": a day named as the owner of an event is past news
    else:
        direction = st.direction(start, end, default=0 if st.narrative else -1)
    if direction:
        return weekday_near(base, weekday, direction)
    back, ahead = weekday_near(base, weekday, -1), weekday_near(base, weekday, 1)
    return back if (base - back) <= (ahead - base) else ahead


def norm_date(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> Norm | None:
    res = st.res
    low = text.lower()
    part = res.lookup("part", g.get("part"))
    if g.get("bc"):
        return _point_norm(Point("Y", -int(float(g["bc"]))), "DATE", False)
    if g.get("ad"):
        return _point_norm(Point("Y", int(float(g["ad"]))), "DATE", False)
    if g.get("century"):
        n = _ordinal(g["century"], res)
        if not n or n < 1 or n > 30:
            return None
        return _point_norm(Point("CE", (-(n - 1) if g.get("bcmark") else (n - 1)) * 100), "DATE", False)
    if g.get("decadeword"):
        return _point_norm(Point("DE", res.lookup("decadeword", g["decadeword"])), "DATE", False)
    if g.get("decade"):
        dec = g["decade"]
        if dec.startswith(("'", "’")):
            yy = int(dec[1:])
            now = (st.dct or dt.date.today()).year
            year = 2000 + yy if 2000 + yy <= now else 1900 + yy
            return _point_norm(Point("DE", year), "DATE", False)
        year = int(dec)
        if g.get("bcmark"):
            return _point_norm(Point("DE", -year), "DATE", False)
        return _point_norm(Point("DE", year // 10 * 10), "DATE", False)

    year = _year(g, st)
    anchored = False
    yrel_word = g.get("yrel") or g.get("yrel2")
    if year is None and yrel_word:
        if st.dct is None:
            return _unknown()
        r = res.lookup("rel", yrel_word)
        anaphoric = vocab_key(yrel_word) in res.lists["anaphoric_rel"]
        base_year = st.story_year() if anaphoric else st.dct.year
        year, anchored = base_year + r, True
    if year is None and re.search(r"\b(?:that|the same) year\b|\bof the (?:fiscal )?year\b", low):
        anchor = st.anchor(rule.antecedent)
        if anchor is None:
            month = res.lookup("month", g.get("month"))
            return Norm("DATE", f"XXXX-{month:02d}" if month and st.dct else None, anchored=True)
        year, anchored = anchor.year, True

    weekday = res.lookup("weekday", g.get("weekday"))
    month = res.lookup("month", g.get("month"))
    if month is None and (g.get("mm") or g.get("monthnum")):
        month = int(g.get("mm") or g.get("monthnum"))
    day = _int(g.get("day") or g.get("dd") or g.get("daynum"))

    make = None
    gran_type = "DATE"
    if g.get("quarter"):
        q = _ordinal(g["quarter"], res)
        q = 4 if q == -1 else q
        if q not in (1, 2, 3, 4):
            return None
        make = lambda y: Point("Q", y, 3 * (q - 1) + 1)  # noqa: E731
    elif g.get("half"):
        h = _ordinal(g["half"], res)
        h = 2 if h == -1 else h
        if h not in (1, 2):
            return None
        make = lambda y: Point("H", y, 1 if h == 1 else 7)  # noqa: E731
    elif g.get("season"):
        code = res.lookup("season", g["season"])
        make = lambda y: season_point(y, code)  # noqa: E731
    elif g.get("holiday"):
        hrule = res.lookup("holiday", g["holiday"])

        def make(y):
            d = holiday_date(hrule, y)
            return at(d, "D") if d else None
        if len(hrule) == 10:
            return _point_norm(make(0), "DATE", False)
    elif month is not None and day is not None:
        gran = "W" if rule.unit == "W" else "D"

        def make(y):
            p = safe_point("D", y, month, day)
            return at(p.date, gran) if p else None
    elif month is not None:
        make = lambda y: Point("M", y, month)  # noqa: E731
    elif g.get("dayonly"):
        return _day_only(int(g["dayonly"]), start, end, st)
    elif weekday is not None:
        d = _weekday_of_week(st, weekday, g["wrel"]) if g.get("wrel") else _weekday_date(st, weekday, g.get("rel"),
                                                                                           start, end)
        if d is None:
            return _unknown(rule.type or "DATE")
        return _point_norm(_with_part(at(d, "D"), part), rule.type or "DATE", True)
    elif year is not None:
        return _point_norm(Point("Y", year), "DATE", anchored)
    else:
        return None

    if year is not None:
        p = make(year)
        if p is None:
            return None
        return _point_norm(_with_part(p, part), gran_type, anchored)
    base = st.story_date()
    if base is None:
        return _unknown()
    rel_word = g.get("rel")
    rel = res.lookup("rel", rel_word)
    context_year = st.year_context() if rel is None and weekday is None else None
    if context_year is not None:
        return _point_norm(_with_part(make(context_year), part), gran_type, True)
    if weekday is not None and day is not None:
        for y in (base.year, base.year - 1, base.year + 1):
            p = make(y)
            if p is not None and p.date.isoweekday() == weekday:
                return _point_norm(_with_part(p, part), gran_type, True)
    default = 0
    if rel is not None:
        direction = 0
    elif g.get("quarter") or g.get("half"):
        direction = -1   # a quarter or half named alone is the one under way or reported on
    elif st.narrative:
        direction = 0    # a story's month or season without a year is in the year it is telling
    else:
        direction, default = st.direction(start, end), -1   # news reports mostly what happened
    window = 0 if st.narrative else NEAREST_DAYS if day is not None else NEAREST_MONTH_DAYS
    p = pick_year(make, base, rel, direction, window, default)
    return _point_norm(_with_part(p, part), gran_type, True)


def _day_only(day: int, start: int, end: int, st: State) -> Norm | None:
    base = st.story_date()
    if base is None:
        return _unknown()
    direction = st.direction(start, end)
    month_start = base.replace(day=1)
    if direction < 0 and day > base.day:
        month_start = shift_date(month_start, "M", -1)
    elif direction > 0 and day < base.day:
        month_start = shift_date(month_start, "M", 1)
    return _point_norm(safe_point("D", month_start.year, month_start.month, day), "DATE", True)


def norm_deixis(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> Norm | None:
    res = st.res
    word = g.get("deixis")
    part = res.lookup("part", g.get("part")) or res.lookup("deixis_part", word)
    type_ = "TIME" if part else "DATE"
    if st.dct is None:
        return _unknown(type_)
    if word is None:
        anchor = st.anchor()
        if anchor is not None and anchor.calendar and anchor.gran in ("D", "PART", "T"):
            base = anchor.date
        elif st.narrative:
            return Norm(type_, f"XXXX-XX-XXT{part}", anchored=True)
        else:
            base = st.dct
    else:
        base = st.dct + dt.timedelta(days=res.lookup("deixis", word))
        return replace(_point_norm(_with_part(at(base, "D"), part), type_, True), deictic=True)
    return _point_norm(_with_part(at(base, "D"), part), type_, True)


def norm_relunit(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> Norm | None:
    res = st.res
    low = text.lower()
    unit = res.lookup("calunit", g.get("calunit")) or ("WE" if "weekend" in low else None)
    if unit is None:
        return None
    rel_word = g.get("rel")
    rel = res.lookup("rel", rel_word)
    mod = res.lookup("relmod", g.get("relmod"))
    if rel_word is None:
        anaphoric = g.get("relmod") is not None
    else:
        key = vocab_key(rel_word)
        anaphoric = st.narrative or key in res.lists["anaphoric_rel"] or (
            key.startswith("the ") and rel != 0 and unit in ("D",) + PARTS)
    type_ = "TIME" if unit in PARTS else "DATE"
    if st.dct is None:
        return _unknown(type_)
    anchor = st.anchor()
    from_anchor = anaphoric and anchor is not None and anchor.calendar
    base = anchor.date if from_anchor else st.dct
    if unit in PARTS:
        d = base + dt.timedelta(days=rel or 0)
        p = Point("PART", d.year, d.month, d.day, part=unit)
    elif unit == "WE":
        if rel is None:
            # on a weekend it is this one; on a Friday, unless the clause is past, the one coming
            direction = st.direction(start, end, default=-1 if base.isoweekday() < 5 else 0)
            offset = 0 if (base.isoweekday() >= 6 or direction >= 0) else -1
        else:
            offset = rel
        p = at(base + dt.timedelta(days=7 * offset), "WE")
    elif from_anchor and rel_word is None and not anchor.finer_than(unit) and anchor.gran != unit:
        p = anchor
    else:
        p = shift(at(base, unit), unit, rel or 0)
    return replace(_point_norm(p, type_, True, mod), deictic=not from_anchor)


def norm_anaphor(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> Norm | None:
    res = st.res
    low = text.lower()
    unit = res.lookup("calunit", g.get("calunit"))
    if unit is None:
        m = UNIT_WORD.search(low)
        unit = res.lookup("calunit", m.group(1)) if m else None
    if unit is None:
        return None
    type_ = "TIME" if unit in PARTS else "DATE"
    anchor = st.anchor(rule.antecedent)
    if anchor is None:
        return Norm(type_, UNKNOWN.get(unit) if st.dct is not None else None, anchored=True)
    if unit == "Y" and rule.current and not st.narrative:
        anchor = at(st.dct, "D")   # news: "the full year" is the one under way, whatever year came up
    n = -1 if re.search(r"\bbefore$", low) else 1 if re.search(r"\bafter$", low) else 0
    if not anchor.calendar:
        return _point_norm(anchor, type_, True)
    if unit in PARTS:
        d = anchor.date + dt.timedelta(days=n)
        return _point_norm(Point("PART", d.year, d.month, d.day, part=unit), type_, True)
    if anchor.finer_than(unit) or anchor.gran == unit:
        return _point_norm(shift(at(anchor.date, unit), unit, n), type_, True)
    same = st.last_of.get(unit)   # "the quarter" after "the third quarter ... in 1989"
    return _point_norm(shift(same, unit, n) if same is not None else anchor, type_, True)


def norm_period(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> Norm | None:
    """"the 1988 period", "the latest period": the quarter (or half, or month) last mentioned,
    moved to the year given; the year itself when no such period was mentioned."""
    year = _year(g, st)
    word = text.lower().rsplit(None, 1)[-1]
    units = {"quarter": ("Q",), "half": ("H",)}.get(word, ("Q", "H", "M"))
    for unit in units:
        p = st.last_of.get(unit)
        if p is not None and p.calendar:
            return _point_norm(p if year is None else replace(p, year=year), "DATE", True)
    if year is None:   # "the latest quarter" with none mentioned: the relative rules read it
        return None
    return _point_norm(Point("Y", year), "DATE", False)


def _whole(n: float, unit: str) -> tuple[int, str]:
    """A fractional count moved to a smaller unit where one exists (1.5 years -> 18 months)."""
    if float(n).is_integer():
        return int(n), unit
    smaller = {"Y": ("M", 12), "DE": ("Y", 10), "CE": ("Y", 100), "M": ("D", 30), "W": ("D", 7)}
    if unit in smaller:
        u, f = smaller[unit]
        return round(n * f), u
    return round(n), unit


def norm_offset(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> Norm | None:
    res = st.res
    if rule.value == "-1":
        parts, sign, deictic = [(1.0, _unit(res, g.get("unit")))], -1, False
    else:
        dir_word = g.get("offset_dir")
        sign = res.lookup("offset_dir", dir_word)
        deictic = vocab_key(dir_word) in res.lists["deictic_offset"]
        parts = [(parse_count(g.get("count", ""), res), _unit(res, g.get("unit")))]
        if g.get("count2"):
            parts.append((parse_count(g["count2"], res), _unit(res, g.get("unit2"))))
    if any(n is None or u is None for n, u in parts):
        return None
    if any(n == "X" for n, _ in parts):
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if st.dct is None:
        return _unknown()
    anchor = st.anchor()
    if deictic and not (anchor is not None and anchor.gran in ("H", "Q", "M")
                        and start - st.ref_end < PERIOD_REACH
                        and all(u in ("Y", "DE") for _, u in parts)):
        d = st.dct
        for n, unit in parts:
            k, u = _whole(n, unit)
            if u not in ("H", "N", "S"):
                d = shift_date(d, u, sign * k)
        return replace(_point_norm(at(d, AGO_GRAN.get(parts[0][1], "D")), "DATE", True), deictic=True,
                       sets_ref=False)
    p = anchor
    if rule.value == "-1" and p.calendar and p.year < st.dct.year:
        # "the year-ago results" compares with the period being reported, not with an earlier
        # year the text went back to: a year before the document's year
        p = Point("Y", st.dct.year)
    if p.gran == "PART" or (p.gran == "T" and not any(u in ("H", "N", "S") for _, u in parts)):
        p = at(p.date, "D")
    for n, unit in parts:
        k, u = _whole(n, unit)
        if u in ("H", "N", "S"):
            if p.gran == "T":
                minutes = {"H": 60, "N": 1, "S": 0}[u] * k * sign
                moment = dt.datetime(p.year, p.month, p.day, min(p.hour, 23), p.minute or 0) \
                    + dt.timedelta(minutes=minutes + (60 if p.hour == 24 else 0))
                p = Point("T", moment.year, moment.month, moment.day, hour=moment.hour,
                          minute=moment.minute)
            continue
        p = shift(p, u, sign * k)
    noun = PERIOD_NOUN.search(text)
    named = res.lookup("calunit", noun.group(1)) if noun else None
    if named and p.calendar and p.finer_than(named):
        p = at(p.date, named)   # "the year-ago quarter" after "the quarter ended Sept. 30": a quarter
    return replace(_point_norm(p, "DATE", True), sets_ref=False)  # "a year earlier" twice is not two years


def norm_duration(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> Norm | None:
    res = st.res
    word = g.get("unit") or g.get("unit1")
    unit = _unit(res, word)
    if unit is None:
        return None
    if rule.value == "plural":
        if not vocab_key(word).endswith(("s", "ia")):
            return None
        return Norm("DURATION", duration_value([("X", unit)]))
    if g.get("unit1"):
        return Norm("DURATION", duration_value([(1.0, unit)]))
    if g.get("count") is None:
        low = text.lower()
        n = "X" if re.search(r"[a-z]s-long", low) else 1.5 if "half" in low else 1.0
        return Norm("DURATION", duration_value([(n, unit)]))
    n = parse_count(g["count"], res)
    if n is None:
        return None
    if rule.value == "range":
        return Norm("DURATION", duration_value([("X", unit)]))
    parts = [(n, unit)]
    if g.get("count2"):
        n2, u2 = parse_count(g["count2"], res), _unit(res, g.get("unit2"))
        if n2 is None or u2 is None:
            return None
        parts.append((n2, u2))
    if re.search(r"\band[\s-]+(?:a[\s-]+)?half\b", text, re.IGNORECASE) and isinstance(n, float) \
            and float(n).is_integer():
        parts[0] = (n + 0.5, unit)
    return Norm("DURATION", duration_value(parts))


def norm_set(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> Norm:
    res = st.res
    low = text.lower()
    part = res.lookup("part", g.get("part"))
    time = f"T{part}" if part else ""
    if g.get("freq"):
        return Norm("SET", res.lookup("freq", g["freq"]))
    weekday = res.lookup("weekdays", g.get("weekdays")) or res.lookup("weekday", g.get("weekday"))
    if weekday:
        return Norm("SET", f"XXXX-WXX-{weekday}{time}")
    if g.get("month"):
        return Norm("SET", f"XXXX-{res.lookup('month', g['month']):02d}")
    if part:
        return Norm("SET", f"XXXX-XX-XX{time}")
    if "weekend" in low:
        return Norm("SET", "XXXX-WE")
    unit = _unit(res, g.get("unit"))
    n = parse_count(g["count"], res) if g.get("count") else (2.0 if " other " in low else 1.0)
    if unit is None or n is None:
        return None
    return Norm("SET", duration_value([(n, unit)]))


def norm_fuzzy(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> Norm | None:
    value = rule.value or st.res.lookup("fuzzy", g.get("fuzzy") or text)
    return Norm("DATE", value) if value else None


def norm_block(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> None:
    return None


def norm_const(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> Norm:
    return Norm(rule.type or "DATE", rule.value, rule.mod)


def norm_time(g: dict, text: str, rule: Rule, start: int, end: int, st: State) -> Norm | None:
    res = st.res
    low = text.lower()
    if g.get("hhmm"):
        hour, minute = int(g["hhmm"][:2]), int(g["hhmm"][2:])
    elif g.get("hour"):
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
    elif g.get("hourword"):
        hour, minute = res.lookup("numword", g["hourword"]), 0
        if not isinstance(hour, int) or not 1 <= hour <= 12:
            return None
    elif "midnight" in low:
        hour, minute = 24, 0
    else:
        hour, minute = 12, 0
    ampm = (g.get("ampm") or "").lower()
    part = res.lookup("part", g.get("part")) or ("EV" if "evening" in low or "afternoon" in low
                                                 else None)
    if ampm.startswith("p") or (part in ("AF", "EV") and hour < 12) or (part == "NI" and 6 <= hour < 12):
        if hour > 12:
            return None
        hour = hour + 12 if hour < 12 else hour
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or (hour == 24 and minute) or (ampm and hour > 23 and not ampm.startswith("p")):
        return None
    zone = res.lookup("zone", g.get("zone"))

    year = _year(g, st)
    month = res.lookup("month", g.get("month")) or _int(g.get("mm"))
    day = _int(g.get("day") or g.get("dd"))
    weekday = res.lookup("weekday", g.get("weekday"))
    date, dated = None, True
    if year and month and day:
        p = safe_point("D", year, month, day)
        date = p.date if p else None
    elif month and day:
        base = st.story_date()
        p = pick_year(lambda y: safe_point("D", y, month, day), base, None,
                      st.direction(start, end), NEAREST_DAYS) if base else None
        date = p.date if p else None
    elif weekday:
        date = _weekday_date(st, weekday, None, start, end)
    elif g.get("deixis"):
        date = st.dct + dt.timedelta(days=res.lookup("deixis", g["deixis"])) if st.dct else None
    else:
        dated = False
        ref = st.ref
        day_ref = ref is not None and ref.calendar and ref.gran in ("D", "PART", "T")
        if day_ref and (st.narrative or start - st.ref_end < TIME_REACH):
            date = ref.date
        elif not st.narrative and st.dct is not None and st.direction(start, end) >= 0:
            date = st.dct   # "the ceremony starts at 10am": the publication day
        else:
            # "fired at 8am, officials said": news of the past does not say which day; a
            # day written right after it ("8am on Tuesday") may still date it (see zones)
            unknown = f"XXXX-XX-XXT{hour:02d}:{minute:02d}" if st.dct is not None else None
            return Norm("TIME", unknown, None, True, zone=zone, dated=False, clock=(hour, minute))
    if date is None:
        return Norm("TIME", None, anchored=True, zone=zone, dated=dated, clock=(hour, minute))
    p = Point("T", date.year, date.month, date.day, hour=hour, minute=minute)
    return Norm("TIME", p.value(), None, not (year and month and day), p, zone, dated, clock=(hour, minute))


NORMALIZERS = {
    "date": norm_date, "deixis": norm_deixis, "relunit": norm_relunit, "anaphor": norm_anaphor,
    "offset": norm_offset, "duration": norm_duration, "set": norm_set, "fuzzy": norm_fuzzy,
    "const": norm_const, "time": norm_time, "period": norm_period, "block": norm_block,
}
