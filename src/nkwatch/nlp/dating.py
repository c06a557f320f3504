"""Dates of events, from the temporal tagger's expressions (nkwatch.nlp.timex).

A date expression belongs to the first event cue or reporting verb above it in the parse: under a
cue, or under a verb whose subject or object is a cue noun ("the test was conducted on Thursday"),
it dates that event ("fired ... on Wednesday"); under a reporting verb it only bounds the events
of the sentence ("the KCNA reported on Saturday": on or before that day). An expression attached to
neither dates the nearest event of its sentence when its verb governs that event or shows it
("This picture taken on March 20 shows a test-fire"). Expressions inside parentheses (time-zone glosses),
expressions after a span marker ("since last fall", but not "for the first time on April 13") or in a
clause one opens ("since Lee took office in June"), values that are not calendar dates
(durations, PAST_REF) and times of day that name no day never date an event; a "when" clause dates
its events by the date it describes ("since September, when it fired ..."). "The same day" takes the last day named before it;
a day counted from another ("said on Monday it had tested a missile the previous day") is the event's when both hang
on it; a date on what befell people in an event ("marines killed in the shelling a dozen years ago") is that event's.
Nothing is guessed: with no publication date, relative expressions have no value and stay unknown."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol, Sequence

from ..dates import WEEKDAY_NAMES, date_interval, finer_within
from ..models import DateValue, Span
from .conductors import act_noun, by_phrase
from .events import Candidate, response_phrase
from .lexicon import Lexicon
from .phrases import normalize
from .records import CONJ
from .sentinfo import SentInfo

_PRECISIONS = [
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"\d{4}-W\d{2}"), "week"),
    (re.compile(r"\d{4}-\d{2}"), "month"),
    (re.compile(r"\d{4}-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"\d{4}-Q[1-4]"), "quarter"),
    (re.compile(r"\d{4}"), "year"),
    (re.compile(r"\d{3}"), "decade"),
]
_DATE_TYPES = ("DATE", "TIME")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RANK = {p: n for n, (_, p) in enumerate(_PRECISIONS)}
_ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "attr")
_REPORTED_DEPS = ("ccomp", "parataxis")  # the clause a reporting verb reports


class TimexLike(Protocol):
    start: int
    end: int
    text: str
    type: str
    value: str | None
    anchored: bool


@dataclass(frozen=True)
class DocTimex:
    """A tagged expression in document offsets, with its calendar value and precision."""
    start: int
    end: int
    text: str
    value: str
    precision: str
    anchored: bool
    same_day: bool = False


def calendar_value(value: str | None) -> tuple[str, str] | None:
    """(value, precision) of a TIMEX3 value that names a calendar period; a time keeps its day."""
    if not value:
        return None
    value = value.split("T")[0]
    for pattern, precision in _PRECISIONS:
        if pattern.fullmatch(value):
            return value, precision
    return None


def _in_parentheses(text: str, offset: int) -> bool:
    before = text[:offset]
    return before.count("(") > before.count(")")


def _plausible(tx: TimexLike, lex: Lexicon) -> bool:
    """Guards against a reading that would invent a day: a time of day that names no day ("in the
    morning", "at dawn", "starts at 10am") takes the publication day from the tagger. (The tagger
    itself leaves a past clock time undated, "fired at 8am": XXXX-XX-XXT08:00.)"""
    return not (tx.type == "TIME" and tx.anchored
                and not set(re.findall(r"[a-z]+", tx.text.lower())) & lex.day_words)


def doc_timexes(tagged: Sequence[TimexLike], base: int, block_text: str, lex: Lexicon) -> list[DocTimex]:
    """The calendar expressions of one block (shifted by ``base``), anaphoric 'same day' ones marked
    with an empty value to be resolved by :func:`resolve_same_day`."""
    out = []
    same_day = [(h.start, h.end) for h in lex.same_day.find(normalize(block_text))]
    for tx in tagged:
        if tx.type not in _DATE_TYPES or _in_parentheses(block_text, tx.start):
            continue
        if any(s <= tx.start and tx.end <= e or tx.start <= s and e <= tx.end for s, e in same_day) \
                and not (tx.value and tx.anchored and _offset(tx, lex)):  # "the day before" is no "the day"
            out.append(DocTimex(base + tx.start, base + tx.end, tx.text, "", "day", True, True))
            continue
        cal = calendar_value(tx.value)
        if cal is None or not _plausible(tx, lex):
            continue
        out.append(DocTimex(base + tx.start, base + tx.end, tx.text, cal[0], cal[1], tx.anchored))
    for s, e in same_day:  # the tagger may not tag "the same day" at all
        if not any(t.start <= base + s < t.end for t in out):
            out.append(DocTimex(base + s, base + e, block_text[s:e], "", "day", True, True))
    return sorted(out, key=lambda t: t.start)


def vague_spans(tagged: Sequence[TimexLike], base: int) -> list[tuple[int, int]]:
    """Document spans of expressions like "recently" (TimeML PAST_REF): the text says the event is
    not (only) bounded by the report date, so a report-date fallback would be a guess."""
    return [(base + t.start, base + t.end) for t in tagged if t.value and t.value.endswith("_REF")]


def set_spans(tagged: Sequence[TimexLike], base: int) -> list[tuple[int, int]]:
    """Document spans of recurring times ("every year", TimeML SET): what they date is a habit."""
    return [(base + t.start, base + t.end) for t in tagged if t.type == "SET"]


def resolve_same_day(timexes: list[DocTimex]) -> list[DocTimex]:
    """Give 'the same day' the last day value before it; drop it when there is none."""
    out, last_day = [], None
    for tx in timexes:
        if tx.same_day:
            if last_day is not None:
                out.append(DocTimex(tx.start, tx.end, tx.text, last_day, "day", True))
            continue
        out.append(tx)
        if tx.precision == "day":
            last_day = tx.value
    return out


def _past(sent, i: int) -> bool:
    """Is the clause of token ``i`` told in the past ("fired", "was held", "has launched")? Read on
    the nearest verb at or above it."""
    v = sent.verb_above(i)
    if v is None:
        return False
    tok = sent.toks[v]
    aux = [k for k in sent.kids(v) if k.dep in ("aux", "auxpass")]
    if any(k.lemma.lower() in ("will", "shall") or k.tag == "MD" for k in aux):
        return False
    return tok.tag == "VBD" or any(k.tag == "VBD" for k in aux) or (
        tok.tag == "VBN" and any(k.lemma.lower() == "have" for k in aux))


def _presupposed(sent, i: int, lex: Lexicon) -> bool:
    """Is token ``i`` the event of a phrase that presupposes it happened ("following the breakdown of
    February's summit", [modality] presupposing_preps), whatever tense its clause is told in?"""
    words = lex.modality.get("presupposing_preps", frozenset())
    chain = [i] + sent.ancestors(i)
    return any(sent.toks[a].text.lower() in words and sent.toks[b].dep in ("pobj", "dobj")
               for b, a in zip(chain, chain[1:]))


def _not_after(tx: DocTimex, published: date | None) -> DocTimex | None:
    """A past report never happened after the publication day: a date whose year or week the
    tagger had to choose ("in December", "on Sunday") and that falls after it is the occurrence
    before (the previous year of a month, the previous week of a weekday); one that names its year
    or cannot be moved stays as written or is dropped. A weekday that is the day after publication is
    dropped: a report dated in a time zone behind Korea's names the Korean day of the event; so is "last"
    and the weekday of the day before publication, which may as well mean the one a week earlier."""
    span = date_interval(tx.value) if tx.value else None
    if published is None or span is None or not tx.anchored:
        return tx
    words = set(re.findall(r"[a-z]+", tx.text.lower()))
    month = any(w.startswith(_MONTHS) for w in words)
    weekday = tx.precision == "day" and bool(words & set(WEEKDAY_NAMES)) and not month and not re.search(r"\d", tx.text)
    if weekday and (span[0] == published + timedelta(days=1)
                    or span[0] == published - timedelta(days=6) and "last" not in words):
        return None  # the weekday after publication: the report's clock may run behind the event's (a
        # Thursday-dated Washington report of a launch "early Friday" in Korea); six days earlier is a guess,
        # unless the text says "last Tuesday" (written on a Monday: the Tuesday of the week before)
    if weekday and "last" in words and span[0] == published - timedelta(days=1):
        return None  # "last Sunday" written on a Monday: the day before, or the Sunday of the week before?
    if span[0] <= published:
        return tx
    if re.search(r"\d{4}", tx.text):
        return tx
    if weekday:
        moved = span[0] - timedelta(days=7)
        return replace(tx, value=moved.isoformat()) if moved <= published else None
    if tx.precision in ("day", "month") and month:
        year, rest = tx.value.split("-", 1)
        value = f"{int(year) - 1:04d}-{rest}"
        moved = date_interval(value)
        return replace(tx, value=value) if moved and moved[1] <= published else None
    return None


def _in_span_clause(sent, head: int, verb: int, lex: Lexicon) -> bool:
    """Is the cue at ``head`` inside a subordinate clause that ``verb`` governs through a span marker
    ("after the army dismantled its loudspeakers, the North responded four days later": the later
    day is the response's)? (A phrase, "following an incursion", is not told apart: the parser
    hangs a closing date on the main verb as often as not.)"""
    for a in [head] + sent.ancestors(head):
        if a == verb:
            return False
        if _span_clause_verb(sent, a, lex):
            return True
    return False


def _before_in_clause(sent, head: int, verb: int, lex: Lexicon) -> bool:
    """Is the cue at ``head`` told, in a clause that ``verb`` governs, by a phrase of what came before or around that
    clause's event ([heads] apart_preps: "visited in January, when tensions rose following its test a few weeks
    earlier")? The date on ``verb`` is the clause's, not the cue's."""
    apart = False
    for a in [head] + sent.ancestors(head):
        if a == verb:
            return False
        apart = apart or _apart_word(sent, a, lex)
        if apart and sent.toks[a].dep in ("advcl", "relcl"):
            return True
    return False


def _apart_word(sent, i: int, lex: Lexicon) -> bool:
    """Is token ``i`` a word opening a phrase of what came before or around an event ([heads] apart_preps: "after",
    "following", "amid"), as a preposition or as the participle the parser reads "following" as?"""
    tok = sent.toks[i]
    return tok.dep in ("prep", "acl") and tok.text.lower() in lex.apart_preps


def _shares_subject(sent, verb: int, head: int) -> bool:
    """Is ``verb`` a conjunct, with no subject, object or content clause of its own, of the verb
    that tells the event at ``head`` ("drones crossed the border and were detected on Monday")?"""
    tok = sent.toks[verb]
    if tok.dep != "conj" or any(k.dep in ("nsubj", "nsubjpass", "expl", "ccomp", "xcomp", "dobj", "parataxis")
                                for k in sent.kids(verb)):
        return False  # a verb with a content clause or an object of its own tells something else
        # ("fired a missile and warned on Friday that ...")
    own = sent.verb_above(head)
    return own is not None and tok.head == own


def _perceived(sent, verb: int, heads) -> int | None:
    """The event a passive reporting verb conjoined to it says was perceived ("the missile was
    launched and was detected at 7:10 a.m. on Thursday", "drones crossed the border and were
    spotted on Monday"): its subject is the event's, so its day is no report date but the event's."""
    if not any(k.dep == "auxpass" for k in sent.kids(verb)):
        return None
    return next((h for h in heads if _shares_subject(sent, verb, h)), None)


def _sequence_verb(sent, verb: int, tx: DocTimex, lex: Lexicon) -> bool:
    """Is ``verb`` a verb that orders its subject after or before its object ("the drills follow a
    conference last month"), with the date ``tx`` after it? A date before it, in the subject ("his
    talks on Saturday followed a meeting"), stays the subject's."""
    tok = sent.toks[verb]
    return tok.pos == "VERB" and tok.lemma.lower() in lex.sequence_verbs and tx.start > tok.start


def _reaction_verb(sent, verb: int, heads, lex: Lexicon) -> bool:
    """Is ``verb`` a verb of reacting (condemning, protesting, discussing) whose object is an event
    cue (a plural noun object the parser may read as a clause: "discussed North Korea's launches")? A date
    it carries is the reaction's; the event it reacts to came before, on a day of its own."""
    tok = sent.toks[verb]
    return tok.pos == "VERB" and tok.lemma.lower() in lex.reaction_verbs and any(
        k.i in heads and k.dep in ("dobj", "nsubjpass", "ccomp") for k in sent.kids(verb))


def _under_cue(sent, i: int, heads) -> bool:
    """Does the phrase of ``i`` hang on an event cue, through prepositions and nouns only?"""
    for a in sent.ancestors(i):
        if a in heads:
            return True
        if sent.toks[a].pos in ("VERB", "AUX"):
            return False
    return False


def _rate_verb(sent, verb: int, lex: Lexicon) -> bool:
    """Is ``verb`` a verb of an event's pace ([dating] rate_verbs: "accelerated", "stepped up")?"""
    tok = sent.toks[verb]
    if tok.pos != "VERB":
        return False
    particle = next((k.text.lower() for k in sent.kids(verb) if k.dep == "prt"), None)
    return tok.lemma.lower() in lex.rate_verbs or (particle is not None and f"{tok.lemma.lower()} {particle}" in lex.rate_verbs)


def _ordinal_occasion(sent, i: int, lex: Lexicon) -> bool:
    """"(for) the first time", "(for) the third time": an occasion counted, no span of time."""
    return sent.toks[i].lemma.lower() in lex.occasion_nouns and any(k.ent == "ORDINAL" for k in sent.kids(i))


def _span_start(sent, verb: int, noun: int, lex: Lexicon) -> bool:
    """Is ``verb`` a participle of starting ([dating] start_verbs) that opens the span of time ``noun``
    at a date ("over three consecutive days starting January 5", "for a week beginning Monday")? The
    date is then the event's first day."""
    tok = sent.toks[verb]
    return tok.dep == "acl" and tok.head == noun and tok.tag == "VBG" and tok.lemma.lower() in lex.start_verbs


def _span_clause_verb(sent, i: int, lex: Lexicon) -> bool:
    """The verb of a subordinate clause a span marker opens ("since Lee took office", "after the
    talks collapsed")."""
    tok = sent.toks[i]
    return tok.pos in ("VERB", "AUX") and tok.dep == "advcl" and any(
        k.dep == "mark" and k.text.lower() in lex.span_markers for k in sent.kids(i))


def _moments_after(sent, i: int, lex: Lexicon) -> bool:
    """Is the marker at ``i`` an "after" right behind a word of moments ([dating] moment_words: "exploded
    seconds after it was launched on Wednesday", "broke apart minutes after liftoff")? The two happened on
    one day: the date of what it opens is the event's too."""
    return sent.toks[i].text.lower() == "after" and i > 0 and sent.toks[i - 1].text.lower() in lex.moment_words


def _meeting_purpose(info: SentInfo, prep: int, noun: int, lex: Lexicon) -> bool:
    """"arrived in Pyongyang for an official visit on Nov. 29", "signed during his visit to Pyongyang
    in June": the meeting an event was for or took place in is the event's own, and so is its date."""
    return info.sent.toks[prep].text.lower() in ("for", "during") and any(
        noun in info.toks_of(h) and any(v.type in lex.meeting_types for v in h.values) for h in info.cues)


def _whole_of_part(info: SentInfo, prep: int, noun: int, heads, lex: Lexicon) -> bool:
    """"held anti-submarine drills during the Freedom Edge exercise staged in November", "practised
    landings throughout the second round of the Ssangyong exercise held last spring": the exercise a
    drill of the sentence was part of ([heads] part_of_preps, part_of_types), the noun or its "of"
    phrase, is that drill's, and so is its date."""
    sent = info.sent
    if sent.toks[prep].text.lower() not in lex.part_of_preps or sent.toks[prep].head == prep:
        return False
    nouns = {noun} | sent.prep_objects([noun], ("of",))
    if not any(nouns & set(info.toks_of(h)) and any(v.type in lex.part_of_types for v in h.values) for h in info.cues):
        return False
    verb = sent.toks[prep].head
    return any(c.type in lex.part_of_types and (h == verb or sent.toks[h].head == verb) for h, c in heads.items())


def _befallen_in(sent, verb: int, heads, lex: Lexicon) -> int | None:
    """The event a participle of what befell someone happened in ([dating] befall_preps: "two marines
    killed in the North's shelling of the island a dozen years ago", "sailors who died in the sinking of the
    warship in 2010", "troops wounded during the clash last month"): a date on the participle is that event's."""
    tok = sent.toks[verb]
    if tok.tag != "VBN" or tok.dep not in ("acl", "relcl"):
        return None
    return min(sent.prep_objects([verb], tuple(lex.befall_preps)) & set(heads), default=None)


def _before_reported_subject(sent, verb: int, idx: list[int], reporting: set[int]) -> bool:
    """A date between a reporting verb and the subject of the clause it reports with no "that" ("North Korea
    said on Wednesday it had tested ...", "Seoul said Monday the North fired ..."): the parser hangs it on the
    reported verb, but it dates the report."""
    tok = sent.toks[verb]
    if tok.dep not in _REPORTED_DEPS or tok.head not in reporting or not tok.head < min(idx):
        return False
    subject = _subject_of(sent, verb)
    return subject is not None and max(idx) < subject and not any(k.dep == "mark" and k.i < min(idx)
                                                                   for k in sent.kids(verb))


def _subject_of(sent, verb: int) -> int | None:
    """The subject of ``verb`` (active or passive), if it has one."""
    return next((k.i for k in sent.kids(verb) if k.dep in ("nsubj", "nsubjpass")), None)


def _fronted_over(sent, head: int, attached: dict[int, DocTimex], heads) -> DocTimex | None:
    """The date a verb shares with the verb it is coordinated with: the cue ``head`` (or the light verb it
    is the object of) a second verb of one subject ("In 2017, the North conducted its sixth nuclear test
    and launched three ICBMs"), the first verb's event dated by a date fronted before their subject, the
    second naming no time of its own."""
    verb = head if sent.toks[head].pos in ("VERB", "AUX") else sent.verb_above(head)
    if verb is None or sent.toks[verb].dep != "conj" or _subject_of(sent, verb) is not None:
        return None
    first = sent.toks[verb].head
    subject = _subject_of(sent, first)
    if subject is None:
        return None
    start = min(sent.subtree(subject))
    shared = next((tx for h, tx in attached.items() if h in heads and (h == first or sent.verb_above(h) == first)
                   and tx.end <= sent.toks[start].start), None)
    if shared is None or any(sent.toks[i].ent in _DATE_TYPES for i in sent.subtree(verb)):
        return None   # (the entities read last)
    return shared


def _fronted_before_told(sent, verb: int, idx: list[int], heads) -> bool:
    """Does a date that opens the sentence stand before what a trailing attribution reports ("On Feb. 26, North
    Korea test-fired cruise missiles, KCNA said")? The reporting verb and its subject come after a cue told after
    the date; then the date is the event's, not the day of the report (which "On Feb. 26, KCNA said North Korea
    had fired" gives)."""
    told = [h for h in heads if max(idx) < h < verb]
    subject = _subject_of(sent, verb)
    return bool(told) and min(idx) <= 2 and subject is not None and subject > min(told)


def _names_its_noun(sent, root: int, noun: int) -> bool:
    """Is the date (its head ``root``) the possessive of a noun that no cue is ("Wednesday's meeting",
    "Sunday's talks")? It is that noun's day, never the day of another event of its sentence."""
    tok = sent.toks[root]
    return tok.dep == "poss" and tok.head == noun and sent.toks[noun].tag in ("NN", "NNS") \
        and sent.toks[noun].ent not in _DATE_TYPES


def _date_value(tx: DocTimex, method: str | None = None, bound: str = "on") -> DateValue:
    return DateValue(tx.value, tx.precision, method or ("relative" if tx.anchored else "explicit"), bound,
                     Span(tx.start, tx.end))


def _after_span_marker(info: SentInfo, first_tok: int, lex: Lexicon) -> bool:
    toks = info.sent.toks
    prev = [toks[i].text.lower() for i in range(max(0, first_tok - 2), first_tok)]
    return bool(prev) and (prev[-1] in lex.span_markers or " ".join(prev) in lex.span_markers)


def _host_cue(sent, head: int, lex: Lexicon) -> int | None:
    """The verb a drill noun is the object of ("Kim inspected a drill of artillery units", "guided the
    strike drill") or whose "during" phrase holds it ("fired howitzers during a routine drill", "tested a
    new weapon during the exercise"): an event told on that verb happened while the drill went on. Not a
    drill with doers of its own ("fired missiles during joint drills by Seoul and Washington", "during the
    allies' exercise"): another side's drill, which may have begun days before."""
    tok = sent.toks[head]
    if tok.dep == "dobj" and tok.head != head:
        return tok.head
    prep = sent.toks[tok.head]
    own = by_phrase(sent, head) or any(k.dep == "poss" or (k.dep == "prep" and k.text.lower() in ("with", "between"))
                                       for k in sent.kids(head))
    if tok.dep == "pobj" and prep.dep == "prep" and prep.text.lower() in lex.part_of_preps and prep.head != prep.i \
            and not own:
        return prep.head
    return None


def _ongoing_since(info: SentInfo, first_tok: int, tx: DocTimex, cands: list, lex: Lexicon) -> bool:
    """A day after "since" on a verb in the perfect, with an event of [dating] ongoing_types below it
    ("have been conducting drills since Monday", "the exercise has been under way since March 10", "has
    been holding joint drills since Aug. 21"): the day the event began."""
    sent = info.sent
    if tx.precision != "day" or first_tok == 0 or sent.toks[first_tok - 1].text.lower() not in lex.since_preps:
        return False
    verb = sent.verb_above(first_tok)
    if verb is None or not any(k.lemma.lower() == "have" and k.dep == "aux" for k in sent.kids(verb)):
        return False
    if not (sent.toks[verb].tag == "VBG" or sent.toks[verb].lemma.lower() == "be"):
        return False   # "have held joint drills since March": drills in the plural, none begun that day
    return any(c.type in lex.ongoing_types and sent.verb_above(c.head) == verb for c in cands)


_RANGE_OPENERS = ("between", "from")   # a range's first end comes after one of these
_RANGE_JOINS = ("and", "to", "-", "–", "through", "until", "till")
_DAY_AFTER_DASH = re.compile(r"\s*[-–]\s*\d{1,2}\b")


def _ranges(info: SentInfo, timexes: list[DocTimex]) -> tuple[set[DocTimex], set[DocTimex]]:
    """(ends that date nothing, starts that date the event) of the ranges of a sentence: "from
    Sept. 15 to 19" dates an event by its first day (when it began), never by its last; what
    happened "between 2012 and 2017" lasted or repeated over the range, and neither end is its day."""
    text, start = info.sent.text, info.sent.start
    skip: set[DocTimex] = set()
    starts: set[DocTimex] = set()
    for a in timexes:   # "from August 3-5": the tagger leaves the last day out of a hyphenated range
        before = text[:a.start - start].rstrip().lower().rsplit(" ", 1)[-1]
        if before == "from" and _DAY_AFTER_DASH.match(text, a.end - start):
            starts.add(a)
    for a, b in zip(timexes, timexes[1:]):
        join = text[a.end - start:b.start - start].strip().lower()
        before = text[:a.start - start].rstrip().lower().rsplit(" ", 1)[-1]
        if join not in _RANGE_JOINS or before not in _RANGE_OPENERS:
            continue
        skip.add(b)
        if before == "from":
            starts.add(a)
        else:
            skip.add(a)
    return skip, starts


@dataclass
class SentenceDates:
    report: DateValue | None           # a report date stated in the sentence
    report_sources: list[str]          # who reported on that date


_COMPLEMENT_DEPS = frozenset({"xcomp", "oprd"})   # a verb's complement tells what happened at the verb's time


def _when_clause_date(sent, head: int, timexes: list[DocTimex], lex: Lexicon) -> DocTimex | None:
    """The date a "when" clause holding the cue describes ("since September, when it test-launched
    two cruise missiles", "on March 3, when the North fired", "in 2017, when it conducted"), also
    through the complement of the clause's verb ("in 2017, when a drone was found crashed", "since May,
    when the North began flying balloons"); not that of a cue the clause reaches through a phrase of what came
    before or around it ([heads] apart_preps: "in March, when tensions rose following its third nuclear test a
    few weeks earlier")."""
    path = [head] + sent.ancestors(head)
    verb = next((a for a in path if sent.toks[a].pos in ("VERB", "AUX") or sent.toks[a].tag.startswith("VB")), None)
    if verb is not None and any(_apart_word(sent, a, lex) for a in path[:path.index(verb) + 1]):
        return None
    verb = None if verb is None else sent.climb(verb, _COMPLEMENT_DEPS)
    if verb is None or sent.toks[verb].dep != "relcl" \
            or not any(k.dep == "advmod" and k.lemma.lower() == "when" for k in sent.kids(verb)):
        return None
    antecedent = sent.toks[verb].head
    return next((t for t in timexes if antecedent in sent.tokens_in(t.start, t.end)), None)


def _told_in_relative(sent, verb: int, heads, idx: list[int]) -> int | None:
    """The cue a relative clause whose verb is ``verb`` tells, nearest the date at ``idx`` ("Yeonpyeong,
    which fell under North Korean attack in 2010", "the island, which the North shelled in 2010"): the date
    is that event's, not the host clause's."""
    if sent.toks[verb].dep != "relcl":
        return None
    inside = [h for h in heads if h in sent.subtree(verb) and h not in idx]
    return min(inside, key=lambda h: abs(h - idx[0])) if inside else None


def _fired_participle(info: SentInfo, verb: int, heads) -> bool:
    """Is ``verb`` a past participle of a verb of firing that describes a noun which is no event of the
    sentence ("missiles fired at the city on Wednesday were supplied by ...", "shells launched at the
    port on Monday came from ...")? It tells a firing of its own: a date on it is that one's. (Other
    participles, "a picture obtained by Reuters on Nov. 21", are as often the event's day misplaced.)"""
    tok = info.sent.toks[verb]
    return tok.dep == "acl" and tok.tag == "VBN" and tok.head not in heads and any(
        verb in info.toks_of(h) and any(v.type == "weapons_test" and v.pos == "verb" for v in h.values)
        for h in info.cues)


def _dated_relative(sent, verb: int, heads, tx: DocTimex) -> bool:
    """Is ``verb`` the verb of a relative clause about a noun which is no event of the sentence, with a
    date that names its year ("the armistice that ended the war in 1953", "a hotel which opened on
    March 3, 2019", "the space centre, inaugurated in 2016")? It tells a fact of that noun's past; the event
    above it has a date of its own. (A day named relative to the report, "a ship that was trying to smuggle
    arms on Monday", is as often the parser hanging the event's own day from the nearest verb; and so is a
    participle with no comma, "a picture obtained by Reuters on Nov. 21, 2023".)"""
    tok = sent.toks[verb]
    noun = tok.head if tok.dep == "relcl" else verb - 2 if _loose_participle(sent, verb) else None
    return noun is not None and not tx.anchored and noun != verb and noun not in heads


def _loose_participle(sent, verb: int) -> bool:
    """A participle after a comma describing the noun before it, which the parser coordinates with the verb of
    the clause ("introduced him to the space centre, inaugurated in 2016") or hangs on it as an adverbial clause
    ("welcomed him to the centre, opened in 2016"): no subject, object or subordinating word of its own; of verbs
    coordinated there, the last, with no conjunction joining it to the one before."""
    tok = sent.toks[verb]
    if tok.dep not in ("conj", "advcl") or tok.tag not in ("VBD", "VBN") or verb < 2 \
            or sent.toks[verb - 1].text != "," or sent.toks[verb - 2].pos not in ("NOUN", "PROPN") \
            or any(k.dep == "mark" for k in sent.kids(verb)):
        return False
    kids = sent.kids(tok.head) if tok.dep == "conj" else []
    before = max((k.i for k in kids if k.dep == "conj" and k.i < verb), default=tok.head)
    return not any(k.dep == "conj" and k.i > verb for k in kids) \
        and not any(k.dep in ("cc", "preconj") and before < k.i < verb for k in kids) \
        and not any(k.dep in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for k in sent.kids(verb))


def _not_the_verbs(info: SentInfo, head: int, verb: int | None, lex: Lexicon) -> bool:
    """Is the cue in a phrase on the verb that tells another event than the verb's: what it answers ("sanctions
    were approved on June 12 in response to its nuclear test") or what a recording it releases shows ("aired
    footage on Friday of soldiers fighting": [context] recording, not a [dating] depiction verb's "taken on
    March 20")? The verb's date is not the cue's."""
    if verb is None:
        return False
    sent = info.sent
    above = sent.ancestors(head)
    below = above[:above.index(verb)] if verb in above else []   # the words from the cue up to the verb
    # the recording the verb acts on: what the cue hangs from, or the verb's object ("aired footage on Friday
    # that it said was of ...", the parser hanging the clause on the verb)
    objects = {k.i for k in sent.kids(verb) if k.dep == "dobj"}
    shown = sent.toks[verb].lemma.lower() not in lex.depiction_verbs and bool(
        {info.head_of(h) for h in info.context("recording")} & (set(below) | objects))
    return shown or any(response_phrase(info, a) for a in below)


def _offset(tx: DocTimex, lex: Lexicon) -> bool:
    """Is ``tx`` a day counted from another one named before it ("the previous day", "the day before",
    "two days earlier"): a relative expression with an offset word ([dating] offset_words) and no day or
    month name of its own?"""
    words = set(re.findall(r"[a-z]+", tx.text.lower()))
    return tx.anchored and bool(words & lex.offset_words) and not words & lex.day_words


def _attach(sent, attached: dict[int, DocTimex], head: int, tx: DocTimex, lex: Lexicon) -> None:
    """The cue's date: the first one attached to it, unless a later one names a time inside it ("Earlier
    this month, from August 3-5, he visited", "Last week, on Tuesday, the North fired"): the finer one; or
    a later one is counted from it ("said on Monday it had tested a missile the previous day": the parser
    hung the report's day on the event too, and the offset is the event's day), with no object of the
    verb coordinated between them ("blew up a road on Tuesday and a rail line two days later": the rail
    line's day)."""
    first = attached.get(head)
    if first is None or finer_within(tx.value, first.value) \
            or (_offset(tx, lex) and not _offset(first, lex) and tx.start > first.end
                and not any(t.dep == "conj" and t.pos in ("NOUN", "PROPN", "PRON") and first.end <= t.start < tx.start
                            for t in sent.toks)):
        attached[head] = tx


def assign_dates(info: SentInfo, timexes: list[DocTimex], cands: list[Candidate], reporting: set[int],
                 sources: list[str], lex: Lexicon, published: date | None = None) -> SentenceDates:
    """Set ``date`` on the sentence's candidates; return the sentence's report date. ``published``:
    the publication day, after which nothing told in the past happened."""
    sent = info.sent

    def dated(tx: DocTimex, at: int) -> DocTimex | None:
        return _not_after(tx, published) if _past(sent, at) or _presupposed(sent, at, lex) else tx

    heads = {c.head: c for c in cands}
    acts = {act.i: c.head for c in cands
            if c.type in lex.act_types and (act := act_noun(sent, sent.toks[c.head], lex)) is not None}
    # "nine days after the North test-fired cruise missiles on March 5" parsed as one noun phrase whose head is
    # the weapon: a date on the weapon noun dates the verb glued on it (``events._glued_verb``)
    glued = {sent.toks[c.head].head: c.head for c in cands if c.verbal and sent.toks[c.head].dep == "amod"}
    attached: dict[int, DocTimex] = {}
    loose: list[tuple[int, DocTimex]] = []
    barred: set[int] = set()   # subjects of a sequence verb: a date after it is never theirs
    report, report_at = None, None
    range_ends, range_starts = _ranges(info, timexes)
    for tx in timexes:
        idx = sent.tokens_in(tx.start, tx.end)
        if not idx or tx in range_ends:
            continue
        if _after_span_marker(info, min(idx), lex) and tx not in range_starts \
                and not _ongoing_since(info, min(idx), tx, cands, lex):
            continue
        root = sent.root_of(idx)
        path = [root] + sent.ancestors(root)
        for n, a in enumerate(path):
            if n > 0 and a in glued and a not in idx:
                _attach(sent, attached, glued[a], tx, lex)
                break
            if n > 1 and sent.toks[a].text.lower() in lex.span_markers and sent.toks[path[n - 1]].dep == "pobj" \
                    and not _moments_after(sent, a, lex) \
                    and not _ordinal_occasion(sent, path[n - 1], lex) \
                    and not _meeting_purpose(info, a, path[n - 1], lex) \
                    and not _whole_of_part(info, a, path[n - 1], heads, lex) \
                    and not (n > 1 and _span_start(sent, path[n - 2], path[n - 1], lex)):
                break  # "after the conflict in October": the date belongs to that phrase
            if a in acts and a not in idx:   # "the North's launch of balloons on Thursday": the balloons' date
                _attach(sent, attached, acts[a], tx, lex)
                if a not in heads:
                    break
            if a in heads and a not in idx and _before_reported_subject(sent, a, idx, reporting):
                if report is None or _RANK[tx.precision] < _RANK[report.precision]:
                    report, report_at = tx, sent.toks[a].head   # "said on Wednesday it had tested ... on Tuesday"
                break
            if n == 1 and tx.precision == "season" and len(idx) == 1 and sent.toks[root].dep in ("amod", "compound", "nmod"):
                break  # "a winter exercise", "the summer drills": a kind of exercise, not its time
            if n > 1 and a not in heads and sent.toks[a].pos == "NOUN" and sent.toks[a].lemma.lower() in lex.talk_nouns \
                    and sent.toks[path[n - 1]].dep == "prep" and _under_cue(sent, a, heads):
                break  # "discussed the launches in a call on Monday": the call's day
            if a in heads and a not in idx and n == 2 and sent.toks[path[1]].dep == "prep" \
                    and _reaction_verb(sent, sent.toks[a].head, {a}, lex):
                break  # "discussed the launches on Monday": the discussion's day as well as the launches'
            if a in heads and a not in idx:
                _attach(sent, attached, a, tx, lex)
                break
            if n == 1 and _names_its_noun(sent, root, a):
                break  # "Wednesday's meeting may ease the freeze after its nuclear test": the meeting's day
            if (told := _told_in_relative(sent, a, heads, idx)) is not None:
                _attach(sent, attached, told, tx, lex)  # "Yeonpyeong, which fell under attack in 2010": the attack's date
                break
            if a in reporting and (cue := _perceived(sent, a, heads)) is not None:
                attached.setdefault(cue, tx)  # "drones crossed the border and were detected on Monday"
                break
            if a in reporting and n > 0 and sent.toks[path[n - 1]].dep in _REPORTED_DEPS:
                loose.append((root, tx))  # inside what is reported ("X fired ... on Monday, Y said"), not the report
                break
            if a in reporting and _fronted_before_told(sent, a, idx, heads):
                loose.append((root, tx))  # "On Feb. 26, the North test-fired missiles, KCNA said": the firing's day
                break
            if a in reporting:
                if report is None or _RANK[tx.precision] < _RANK[report.precision]:
                    report, report_at = tx, a  # "this spring, X announced on April 26": the day is the report date
                break
            if _sequence_verb(sent, a, tx, lex):
                obj = next((k.i for k in sent.kids(a) if k.i in heads and k.dep == "dobj"), None)
                if obj is not None:
                    attached.setdefault(obj, tx)
                else:  # "follows an incident that occurred on June 9, when ...": a clause of the object's
                    loose.append((root, tx))
                    barred |= {k.i for k in sent.kids(a) if k.dep in ("nsubj", "nsubjpass")}
                break  # "the drills follow a conference last month": the date is the conference's
            if _reaction_verb(sent, a, heads, lex):
                break  # "the Council condemned the launch last week": the condemnation's date, not the launch's
            if _rate_verb(sent, a, lex):
                break  # "the transfers have accelerated this year": the change of pace's date, not the transfers'
            # a light verb carrying an event noun: "the test-fire was conducted on Thursday"
            arg = next((k.i for k in sent.kids(a) if k.i in heads and k.dep in _ARG_DEPS), None)
            if arg is None and n > 0:
                arg = _befallen_in(sent, a, heads, lex)
            if arg is not None:
                _attach(sent, attached, arg, tx, lex)
                break
            if _span_clause_verb(sent, a, lex) and not any(k.dep == "mark" and _moments_after(sent, k.i, lex)
                                                           for k in sent.kids(a)):
                break  # "since Lee took office in June": the date belongs to that clause
            if _dated_relative(sent, a, heads, tx):
                break  # "the armistice that ended the war in 1953": the date belongs to that clause
            if _fired_participle(info, a, heads):
                break  # "missiles fired at the city on Wednesday were supplied by ...": the firing's date
        else:
            loose.append((root, tx))
    for c in cands:
        if c.head in attached and (tx := dated(attached[c.head], c.head)) is not None:
            c.date = _date_value(tx)
    for c in cands:   # "In 2017, the North conducted its sixth nuclear test and launched three ICBMs"
        if c.head not in attached and (tx := _fronted_over(sent, c.head, attached, heads)) is not None \
                and (tx := dated(tx, c.head)) is not None:
            attached[c.head] = tx
            c.date = _date_value(tx)
    for root, tx in loose:
        # a date on another verb dates that verb's event, unless the verb governs the cue or shows it
        verb = sent.verb_above(root)
        # (a cue inside the date's own phrase, "in March, when tensions rose following its test", is dated by
        # what that phrase says of it: ``_when_clause_date``)
        own = sent.subtree(sent.climb(root, CONJ))
        free = [c for c in cands if c.head not in attached and c.head not in barred and c.date.value is None
                and c.head not in own and not _not_the_verbs(info, c.head, verb, lex) and (
            verb is None or (verb in sent.ancestors(c.head) and not _in_span_clause(sent, c.head, verb, lex)
                             and not _before_in_clause(sent, c.head, verb, lex))
            or sent.toks[verb].lemma.lower() in lex.depiction_verbs)]
        if free:
            nearest = min(free, key=lambda c: abs(c.head - root))
            if (tx := dated(tx, nearest.head)) is not None:
                nearest.date = _date_value(tx)
    for c in cands:   # "Kim watched a drill on Tuesday", "fired howitzers during a drill on Tuesday"
        if c.date.value is None and c.type in lex.ongoing_types and (v := _host_cue(sent, c.head, lex)) in attached \
                and (tx := dated(attached[v], c.head)) is not None:
            c.date = _date_value(tx)
    for c in cands:   # "since September, when Pyongyang test-launched two cruise missiles"
        if c.date.value is None and (tx := _when_clause_date(sent, c.head, timexes, lex)) is not None \
                and (tx := dated(tx, c.head)) is not None:
            c.date = _date_value(tx)
    if report is not None and report_at is not None:
        report = dated(report, report_at)
    report_date = _date_value(report, "report_date", "on_or_before") if report else None
    if report_date:
        for c in cands:   # what lasts (troops fighting in a war; "is supplying shells") is not bounded by the day it was told
            if c.date.value is None and c.kind not in lex.durative_kinds and (
                    c.type not in lex.durative_types or _past(sent, c.head)):
                c.date = report_date
    return SentenceDates(report_date, sources if report_date else [])
