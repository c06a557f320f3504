"""Publication date of a cleaned document: kept from the reader (header/metadata), read back from
the text's date header, read from a full date in its URL's path ("/2024/06/03/", as htmldate reads
it for HTML pages: JSON records and feed entries without a date field get it too), read from a
publication byline at the top of the text ("By Kim Published : June 21, 2024 - 16:55", "Posted on
Nov 19, 2012", "First published: 08 Apr. 2025, 18:52", "Posted at 7:48 PM, Sep 14, 2017"), from a date stamp line,
a field of a barred line or a wire dateline there ("Sat, Jan 24, 2009 - Page 5", "2008/07/03 10:47 KST", "SEOUL,
South Korea - May 25, 2009 - ...", "PANAMA CITY (AP) - July 16, 2013", "April 25, 2019 (EIRNS)—..."), or inferred
from the text only when it is unambiguous; never invented. The forms were gathered from a survey of 86 pages
of the search tool's store outside every gold set (eval/NEWS.md, stop 32).

Inference rule (method "inferred"). News copy names the day of publication by weekday ("announced
on Friday", "Saturday's test": AP style for dates within the week), while photo captions and
datelines carry explicit full dates ("released ... on March 21, 2025"). The candidate is the
latest explicit full date (day, month and year) in the kept text or captions. It is accepted when
1. support: a relative weekday mention ("on <Weekday>", "<Weekday>'s", or bare after a lower-case word
   as AP style writes it, "fired a missile Monday", "said Tuesday", not after a preposition of a span,
   "from Friday"; not attached to a date and not after last/next/this/every/...) names the candidate's
   weekday, and
2. no contradiction: the candidate is the latest day the text refers to at all: no day-month
   without year whose nearest occurrence to the candidate falls after it, no month-year or bare
   year after it; and every weekday written next to a full date agrees with the calendar.
Otherwise the date stays unknown. English month and weekday names come from the standard
``calendar`` module (the C locale).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor

from ..models import Document, Span

CAPTION_RULES = frozenset({"caption"})  # boilerplate whose text still counts as dating evidence

_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NUMBERS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH_NUMBERS["sept"] = 9
_WEEKDAY_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# a weekday written next to a date may be cut short ("Sat, Jan 24, 2009", "Thu. 11/26/2009"); a weekday
# told relatively never is read from an abbreviation ("the Sun" is no Sunday)
_WEEKDAY_NUMBERS |= {name.lower(): i for i, name in enumerate(calendar.day_abbr)}
_WEEKDAY_NUMBERS |= {"tues": 1, "thur": 3, "thurs": 3}

_MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in _MONTH_NUMBERS), key=len,
                                 reverse=True)) + ")"
_WEEKDAY = "(?:" + "|".join(calendar.day_name) + ")"
_STATED_WEEKDAY = "(?:" + "|".join(sorted((w.capitalize() for w in _WEEKDAY_NUMBERS), key=len,
                                          reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"

FULL_DATE = re.compile(
    rf"\b(?:(?P<wd_mdy>{_STATED_WEEKDAY}),?\s+)?(?P<m_mdy>{_MONTH})\.?\s+(?P<d_mdy>\d{{1,2}}){_ORD}(?:,\s*|\s+)"
    rf"(?P<y_mdy>\d{{4}})(?!\d)"
    rf"|\b(?:(?P<wd_dmy>{_STATED_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d_dmy>\d{{1,2}}){_ORD}\s+(?:of\s+)?"
    rf"(?P<m_dmy>{_MONTH})\.?,?\s+(?P<y_dmy>\d{{4}})(?!\d)"
    r"|\b(?P<y_iso>\d{4})(?P<sep_iso>[-/.])(?P<m_iso>\d{2})(?P=sep_iso)(?P<d_iso>\d{2})\b")
DAY_MONTH = re.compile(
    rf"\b(?P<m_md>{_MONTH})\.?\s+(?P<d_md>\d{{1,2}}){_ORD}\b"
    rf"|\b(?P<d_dm>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m_dm>{_MONTH})\b")
MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})\b")
YEAR = re.compile(r"(?<![\d,.$£€-])\b(?P<y>19\d\d|20\d\d)\b(?![\d,]\d|-\d)")
# a publication byline: its label, then a full date right after it ("Published : June 21, 2024",
# "Posted on Nov 19, 2012", "Created: 12-03-2024", "DATE : Friday 9 September 2016"); an "Updated" date is no
# publication day. Read only near the top of the text
BYLINE = re.compile(r"(?:\b|(?<=[a-z]))(?:(?:First published|Published|PUBLISHED|Posted|POSTED|Created)"
                    r"(?:\s+(?:on|at))?\s*:?|(?:Date|DATE)\s*:)\s*")
# a date in figures after a byline's label ("Published on 24/08/2011", "Created: 12-03-2024"): day and month
# are told apart only when one of them cannot be a month (or both are the same); otherwise no date
NUMERIC_DATE = re.compile(r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b")
BYLINE_WINDOW = 600
STALE_DAYS = 45   # a day named without its year this long before a bare date line: the story is older
PLAN_DAYS = 45    # ... and up to this long after a stamp: a plan the story tells, no later entry of a chronology
# a date stamp: a line near the top that holds a full date with its weekday, a clock time or an author,
# and nothing else ("Monday, October 6, 2014", "Sept. 3, 2013 - 10:23 By Kim", "By Jane Doe February 22, 2023",
# "March 3, 2024 | 10:23 KST", "• 01:28 PM, May 31, 2016", "November 14, 2024 at 16:09 JST", "April 9, 2025
# by admin", a print edition's "Sat, Jan 24, 2009 - Page 5"); a weekday beside a date in figures tells day
# from month ("Thu, 11/26/2009 - 14:45"; without one, only figures no month can be: "23/11/2010 11:10"). A wire dateline opens the story's first line ("SEOUL, South
# Korea - May 25, 2009 - North Korea said ...", "Beijing, 20 June 2019 (dpa) – ..."), and a date glued to the
# first words of the story is a stamp its page lost a line break after ("November 9, 2024North Korea ...").
# Read only when its weekday agrees, no other full date stands near the top and the text names no later day
_NAME = r"[A-Z\w][\w.'’-]*(?:\s+[\w.'’-]+){0,4}?"
_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?"
_SEP = r"\s*[,|·•–—-]?\s*"
_DATE_AHEAD = rf"(?={_MONTH}|\d|{_STATED_WEEKDAY})"
_CLOCK_BEFORE_DATE = rf"{_CLOCK}{_SEP}{_DATE_AHEAD}"   # "02:20 PM, December 07, 2016"
BYLINE_CLOCK = re.compile(_CLOCK_BEFORE_DATE)
STAMP_LEAD = re.compile(rf"\s*(?:[•·*]\s*)?(?:(?P<author>By\s+{_NAME}){_SEP}{_DATE_AHEAD}"
                        rf"|(?P<clock>{_CLOCK_BEFORE_DATE}))?")
STAMP_REST = re.compile(rf"(?:{_SEP}(?:at\s+)?{_CLOCK})?(?:{_SEP}[Bb]y\s+\S.{{0,60}}|{_SEP}Page\s+\w+.{{0,40}})?\s*$")
STAMP_NUMERIC = re.compile(rf"(?:(?P<wd>{_STATED_WEEKDAY}),?\s+)?(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})\b")
_PLACE = r"\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
_AGENCY = r"\([^()\n]{1,30}\)"
# a dateline's place, and its agency before the dash ("PANAMA CITY (AP) - July 16, 2013": then no dash need follow
# the date)
DATELINE_PLACE = re.compile(rf"{_PLACE}\s*(?:(?P<agency>{_AGENCY})\s*[–—-]|[,–—-])\s*")
DATELINE_END = re.compile(rf"\s*(?:{_AGENCY}\s*)?[–—-]")
# ... or the date opening the story before its agency ("April 25, 2019 (EIRNS)—North Korea ...")
AGENCY_AFTER = re.compile(rf"\s*{_AGENCY}\s*[–—-]")
GLUED = re.compile(r"[A-Z][a-z]")
# a date a label marks as a check of the page, not its publication ("This is the stable version, checked on 21
# March 2022", "Retrieved 3 May 2020"): it neither stamps the page nor stands against its stamp (an "Updated:" date
# does: it is as often the story's day beside a site's day, "Monday, February 26, 2024 ... Updated: Jan 24, 2024")
REVISION = re.compile(r"(?:[Cc]hecked|[Rr]eviewed|[Aa]ccessed|[Rr]etrieved)(?:\s+(?:on|at))?\s*:?\s*$")
RIVAL_LINE = 80   # the longest line whose date may rival a stamp (``_rival``): longer ones are running text
# the preposition of a date told in running text (``_rival``)
TOLD_DATE = re.compile(r"\b(?:on|in|since|from|until|till|by|of|before|after)\s+$")
# a line that is a date alone, or a name glued to it ("Tom Powell21 December 2017", "Jason DavisDec 12, 2012": an
# author's line that lost its space); it stamps the page only when the text backs it (``_bare_backed``)
BARE_NAME = re.compile(r"\s*(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*?[a-z](?=\d|[A-Z])")
RELATIVE_WEEKDAY = re.compile(
    rf"(?<![Ll]ast )(?<![Nn]ext )(?<![Tt]his )(?<![Cc]oming )(?<![Ff]ollowing )(?<![Pp]revious )(?<![Ee]very )"
    rf"(?:\b[Oo]n\s+(?P<on>{_WEEKDAY})\b|\b(?P<poss>{_WEEKDAY})['’]s\b|(?<=[a-z] )(?<!from )(?<!until )(?<!till )(?<!by )(?<!since )(?<!before )(?<!after )(?<!through )(?<!starting )"
    rf"(?<!beginning )(?<!as of )(?P<bare>{_WEEKDAY})\b(?!['’]))"
    rf"(?!,?\s+(?:the\s+)?(?:\d|{_MONTH}\b))")


@dataclass(frozen=True)
class FoundDate:
    """An explicit full date in the text, with the weekday written next to it (if any); ``bare``: a stamp line
    that is the date alone (``BARE_NAME``), which the text must back (``_bare_backed``)."""
    value: date
    span: Span
    stated_weekday: int | None = None
    bare: bool = False


def date_document(doc: Document) -> Document:
    """The document with ``published`` / ``published_method`` set: unchanged when already known,
    else the text's date header ('header'), else its URL's date ('url'), else its publication
    byline ('byline'), else an unambiguous inference ('inferred'), else None ('unknown')."""
    if doc.published is not None:
        return doc
    header = header_date(doc)
    if header:
        return replace(doc, published=header, published_method="header")
    in_url = url_date(doc.url)
    if in_url:
        return replace(doc, published=in_url, published_method="url")
    byline = byline_date(doc.text) or stamp_date(doc)
    if byline:
        return replace(doc, published=byline, published_method="byline")
    inferred = infer_published(doc)
    if inferred:
        return replace(doc, published=inferred, published_method="inferred")
    return replace(doc, published=None, published_method="unknown")


def header_date(doc: Document) -> date | None:
    """The date in the document's 'header' boilerplate span (set by cleaning), if any."""
    for b in doc.boilerplate:
        if b.rule == "header":
            found = full_dates(doc.text, b.span)
            if found:
                return found[0].value
    return None


def byline_date(text: str) -> date | None:
    """The full date right after a publication label ("Published : June 21, 2024 - 16:55", glued to
    an author's name too: "By Kim ArinPublished : ...", or in figures: ``numeric_date``) in the first
    ``BYLINE_WINDOW`` characters."""
    for m in BYLINE.finditer(text, 0, min(len(text), BYLINE_WINDOW)):
        at = m.end()
        if clock := BYLINE_CLOCK.match(text, at):   # "Published on 02:20 PM, December 07, 2016"
            at = clock.end()
        found = full_dates(text, Span(at, min(len(text), at + 40)))
        if found and found[0].span.start == at:
            return found[0].value
        figures = NUMERIC_DATE.match(text, at)
        if figures and (day := numeric_date(int(figures["a"]), int(figures["b"]), int(figures["y"]))):
            return day
    return None


def numeric_date(a: int, b: int, year: int) -> date | None:
    """The day "a/b/year" names when its order is beyond doubt: day first when ``a`` cannot be a month
    (24/08/2011), month first when ``b`` cannot (08/24/2011), either when they are equal; else None."""
    if a == b or a > 12:
        return _date(year, b, a)
    return _date(year, a, b) if b > 12 else None


def stamp_date(doc: Document) -> date | None:
    """The full date of a date stamp line in the first ``BYLINE_WINDOW`` characters (the forms above
    ``STAMP_LEAD``): a written weekday must agree with the calendar, no other date but a page check's
    (``REVISION``) may stand near the top, no day, month or year of the text may come after it (a chronology's
    first heading is no stamp), and a bare date must be backed by the text (``_bare_backed``)."""
    text = doc.text
    for start, end in _stamp_lines(text):
        stamp = _stamp(text, start, end)
        if stamp is None:
            continue
        if stamp.stated_weekday is not None and stamp.stated_weekday != stamp.value.weekday():
            return None
        if stamp.bare and not _bare_backed(text, stamp.value):
            continue   # a line that may head the story, not stamp the page: a stamp below it may still

        whole = Span(0, len(text))   # boilerplate too: a chronology's headings may be cleaned away
        found = full_dates(text, whole)
        dates = [d for d in found if not _revision(text, d)]
        if any(d.value != stamp.value and _rival(text, d) for d in dates if d.span.start < BYLINE_WINDOW):
            return None   # "Monday, February 26, 2024 ... Posted: Jan 24, 2024": a site's day beside the story's
        taken = [d.span for d in found] + [stamp.span]
        if any(d.value > stamp.value for d in dates) or _later_reference(text, whole, stamp.value, taken, PLAN_DAYS):
            return None
        return stamp.value
    return None


def _bare_backed(text: str, day: date) -> bool:
    """Does the text back a bare date line as its publication day? A weekday it names relatively is that day's
    or the day before's (news told the next morning: "said Monday" under "28 Sep, 2021", a Tuesday), and no day
    it names without a year lies more than ``STALE_DAYS`` before it (a story older than the line over it:
    "the Oct. 8 flights" under "February 25, 2024")."""
    whole = Span(0, len(text))
    named = relative_weekdays(text, whole)
    if named and not {day.weekday(), (day.weekday() - 1) % 7} & named:
        return False
    full = [d.span for d in full_dates(text, whole)]
    for m in DAY_MONTH.finditer(text):
        if any(Span(m.start(), m.end()).overlaps(f) for f in full):
            continue   # a day with its year says which year it is
        month, number = (m.group("m_md"), m.group("d_md")) if m.group("m_md") else (m.group("m_dm"), m.group("d_dm"))
        nearest = _nearest(day, _MONTH_NUMBERS[month.lower()], int(number))
        if nearest is not None and (day - nearest).days > STALE_DAYS:
            return False
    return True


def _stamp_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line in the first ``BYLINE_WINDOW`` characters, and of each field of a line whose
    fields a bar parts ("SHARE | Monday, 18 September 2017 | By Jane Doe")."""
    out, pos = [], 0
    for line in text[:BYLINE_WINDOW].split("\n"):
        start, pos = pos, pos + len(line) + 1
        out.append((start, start + len(line)))
        if "|" in line:
            cuts = [start] + [start + i + 1 for i, ch in enumerate(line) if ch == "|"] + [start + len(line) + 1]
            out += [(a, b - 1) for a, b in zip(cuts, cuts[1:])]
    return out


def _rival(text: str, d: FoundDate) -> bool:
    """Could the date stamp the page against another stamp: on a short line of its own ("By IANS Updated: Jan 24,
    2024 6:29 pm") or opening its line (a dateline: "Seoul, 19 June 2024 (dpa) - ..."), not told in running text (a
    caption's "a restaurant October 9, 2006 at the border", "in this photo released by KCNA on September 16, 2017":
    the day of what the sentence tells)?"""
    start = text.rfind("\n", 0, d.span.start) + 1
    end = text.find("\n", d.span.end)
    line = text[start:end if end >= 0 else len(text)]
    return (len(line) <= RIVAL_LINE or d.span.start - start <= RIVAL_LINE // 2) \
        and not TOLD_DATE.search(text, max(0, d.span.start - 12), d.span.start)


def _revision(text: str, d: FoundDate) -> bool:
    """Does a label mark the date as a check of the page (``REVISION``)?"""
    return bool(REVISION.search(text, max(0, d.span.start - 30), d.span.start))


def _bare(text: str, start: int, end: int) -> FoundDate | None:
    """The date of a line that is a full date alone, or glued to a name before it (``BARE_NAME``), if any."""
    name = BARE_NAME.match(text, start, end)
    rest = text[name.end() if name else start:end]
    offset = end - len(rest.lstrip())
    line = " " + text[offset:end]   # a space before it: the name glued to it is no part of the date
    found = full_dates(line, Span(0, len(line)))
    if not found or found[0].span.start != 1 or line[found[0].span.end:].strip():
        return None
    return FoundDate(found[0].value, Span(offset, offset + found[0].span.end - 1), found[0].stated_weekday, bare=True)


def _stamp(text: str, start: int, end: int) -> FoundDate | None:
    """The date the line ``text[start:end]`` stamps, in one of the forms above ``STAMP_LEAD``, if any.
    A bare date heads a story as often as it stamps the page ("February 25, 2024" over a 2022 story): the
    date needs a weekday, an author or a clock before it, or a figure or a byline after it; alone on its line,
    or glued to an author's name, it is ``bare`` and stands only where the text backs it (``_bare_backed``)."""
    lead = STAMP_LEAD.match(text, start, end)
    led = bool(lead["author"] or lead["clock"])
    at = lead.end()

    def signed(after: int) -> bool:
        return bool(STAMP_REST.match(text, after, end)) and (led or bool(re.search(r"\d|\b[Bb]y\b", text[after:end])))

    found = full_dates(text, Span(at, end))
    first = found[0] if found and found[0].span.start == at else None
    if first is not None:
        if (first.stated_weekday is not None and STAMP_REST.match(text, first.span.end, end)) or signed(first.span.end):
            return first
        if not led and GLUED.match(text, first.span.end, end):
            return first   # "November 9, 2024North Korea conducted ..."
    figures = STAMP_NUMERIC.match(text, at, end)
    if figures and figures["wd"] and STAMP_REST.match(text, figures.end(), end):
        return _weekday_figures(figures)
    if figures and not figures["wd"] and signed(figures.end()):
        day = numeric_date(int(figures["a"]), int(figures["b"]), int(figures["y"]))   # "23/11/2010 11:10"
        return FoundDate(day, Span(figures.start(), figures.end())) if day else None
    if not led and (bare := _bare(text, start, end)) is not None:
        return bare
    if first is not None and not led and AGENCY_AFTER.match(text, first.span.end, end):
        return first   # "April 25, 2019 (EIRNS)—North Korea ..."
    place = DATELINE_PLACE.match(text, start, end)
    if place and not led:
        found = full_dates(text, Span(place.end(), end))
        if found and found[0].span.start == place.end() and (
                place["agency"] or DATELINE_END.match(text, found[0].span.end, end)):
            return found[0]
    return None


def _weekday_figures(m: re.Match[str]) -> FoundDate | None:
    """The day "Thu, 11/26/2009" names: of the two orders of its figures, the one real day whose weekday
    is the one written."""
    weekday = _weekday_number(m["wd"])
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    days = {d for d in (_date(year, a, b), _date(year, b, a)) if d is not None and d.weekday() == weekday}
    return FoundDate(days.pop(), Span(m.start(), m.end()), weekday) if len(days) == 1 else None


def _weekday_number(written: str) -> int:
    """0 = Monday for a weekday as written beside a date ("Thursday", "Thu.", "Thurs")."""
    return _WEEKDAY_NUMBERS[written.rstrip(".").lower()]


def url_date(url: str | None, today: date | None = None) -> date | None:
    """The day a URL's path names in year, month, day order ("/2024/06/03/", "2024-06-03"), by
    htmldate's own reading; a day after ``today`` (default: the current day) is no publication day."""
    if not url:
        return None
    latest = datetime.combine(today or date.today(), datetime.max.time())
    options = Extractor(extensive=False, max=latest, min=datetime(1990, 1, 1), original=False, format="%Y-%m-%d")
    found = extract_url_date(url, options)
    return date.fromisoformat(found) if found else None


def infer_published(doc: Document) -> date | None:
    """The latest full date of the kept text and captions, when the text's relative weekdays
    support it and nothing in the text contradicts it (module docstring); else None."""
    regions = evidence_regions(doc)
    dates = [d for r in regions for d in full_dates(doc.text, r)]
    if not dates:
        return None
    if len({st.value for a, b in _stamp_lines(doc.text) if (st := _stamp(doc.text, a, b)) is not None}) > 1:
        return None   # two stamps near the top ("Friday April 26, 2024" over "February 25, 2017"): a site's day
        # and the page's
    candidate = max(d.value for d in dates)
    if any(d.stated_weekday is not None and d.stated_weekday != d.value.weekday() for d in dates):
        return None
    taken = [d.span for d in dates]
    if any(_later_reference(doc.text, r, candidate, taken) for r in regions):
        return None
    weekdays = {w for r in regions for w in relative_weekdays(doc.text, r)}
    return candidate if candidate.weekday() in weekdays else None


def evidence_regions(doc: Document) -> list[Span]:
    """Kept spans and caption boilerplate; the whole text for a document never cleaned."""
    if not doc.kept and not doc.boilerplate:
        return [Span(0, len(doc.text))]
    captions = [b.span for b in doc.boilerplate if b.rule in CAPTION_RULES]
    return sorted(doc.kept + captions)


def full_dates(text: str, span: Span) -> list[FoundDate]:
    """Explicit dates with day, month and year ("March 21, 2025", "21 March 2025", "2025-03-21",
    optionally after a weekday) within ``span``; impossible dates are skipped."""
    found = []
    for m in FULL_DATE.finditer(text, span.start, span.end):
        for form in ("mdy", "dmy", "iso"):
            if m.group(f"y_{form}"):
                break
        month = m.group(f"m_{form}")
        number = int(month) if month.isdigit() else _MONTH_NUMBERS[month.lower()]
        value = _date(int(m.group(f"y_{form}")), number, int(m.group(f"d_{form}")))
        if value is None:
            continue
        weekday = m.groupdict().get(f"wd_{form}")
        found.append(FoundDate(value, Span(m.start(), m.end()),
                               _weekday_number(weekday) if weekday else None))
    return found


def relative_weekdays(text: str, span: Span) -> set[int]:
    """Weekdays (0 = Monday) named relatively: "on Friday", "Friday's", "said Friday", not attached to a date."""
    return {_WEEKDAY_NUMBERS[(m.group("on") or m.group("poss") or m.group("bare")).lower()]
            for m in RELATIVE_WEEKDAY.finditer(text, span.start, span.end)}


def _later_reference(text: str, span: Span, candidate: date, taken: list[Span], grace: int = 0) -> bool:
    """Does ``span`` refer to a day, month or year after ``candidate`` (outside full dates)? A day named without
    its year up to ``grace`` days after it may be a plan the page tells ("the funeral will be held on 28
    December"), no later day of a chronology."""
    def free(m: re.Match[str]) -> bool:
        here = Span(m.start(), m.end())
        return not any(here.overlaps(t) for t in taken)

    for m in DAY_MONTH.finditer(text, span.start, span.end):
        month, day = (m.group("m_md"), m.group("d_md")) if m.group("m_md") else (
            m.group("m_dm"), m.group("d_dm"))
        nearest = _nearest(candidate, _MONTH_NUMBERS[month.lower()], int(day))
        if free(m) and nearest is not None and (nearest - candidate).days > grace:
            return True
    for m in MONTH_YEAR.finditer(text, span.start, span.end):
        month, year = _MONTH_NUMBERS[m.group("m").lower()], int(m.group("y"))
        if free(m) and (year, month) > (candidate.year, candidate.month):
            return True
    return any(free(m) and int(m.group("y")) > candidate.year
               for m in YEAR.finditer(text, span.start, span.end))


def _nearest(anchor: date, month: int, day: int) -> date | None:
    """The occurrence of month/day nearest to ``anchor`` (a day-month without year is read as
    the one closest to the time of writing)."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := _date(y, month, day)) is not None]
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
