"""Recalled events: a sentence that dates several earlier events in one phrase reports one event per date.

  "its previous nuclear tests in October 2006, May 2009 and February 2013"  -> three tests
  "the North fired such rockets in 2014, 2016 and 2019"                     -> three launches
  "cruise missile launches on May 8 and May 22"                             -> two launches
  "its first ballistic missile launch since March 27"                       -> a launch on March 27

A *list* is two or more of the sentence's dates (``DocTimex``) with nothing between them but
separators and repeated prepositions (event_cues.toml [enumeration]), not after a range word
("between May and July"). It belongs to the event cue its first date hangs from, directly or
through the verb that carries the cue ("tests were conducted in 2006 and 2009"); another cue on
the way stops the search. A plural cue that the modality reads as a summary only because a
recap word modifies it ("previous tests") counts here: with a list it names each event. A
numeral on the cue or its weapons must equal the number of dates ("two previous tests"); a vague quantifier
("dozens of tests in 2016 and 2017") keeps it an aggregate. Consecutive days of an event that
lasts (talks, drills) stay one event.

Each event keeps the cue's arguments and its own date and evidence: the first one the clause up
to its date, the others their date alone, so that no two of them share a span. A date without a
year followed by a date that names one takes that year ("in June and November last year"); the
dates are otherwise the temporal tagger's. In a text without a publication day, the dates it cannot
resolve ("in May and August", "on Wednesday, Sunday and Tuesday") still name one event each, undated,
except for the days of an event that lasts (``unresolved_dates``).

A verb whose coordinated objects each come with a date of their own ("fired two missiles on Friday
and two more five days earlier", "launched an SRBM in March and an ICBM in July") reports one event
per object and date (``gapped``): each keeps its object's weapon and its own part of the clause.

An ordinal "first" on a cue (or on the "time" its clause describes: "the first time since 2008 that
a civilian was shot dead") with "since DATE" recalls the previous event of its type on that date.

An ordinal that stands for the event noun of a cue told before it in the sentence, with a date of its
own ("its fifth test, following the first in October 2006 and the second in May 2009", "its fourth test;
the third was in February 2013") recalls one earlier event of the cue's type and kind per ordinal
(``ordinal_recaps``, for the types of [enumeration] ordinal_types); the cue keeps none of their dates.
Recalled events are marked ``recap``: they merge only
with a mention whose date matches theirs (``merge.compatible``)."""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from datetime import date

from ..dates import finer_within
from ..models import UNKNOWN_DATE, DateValue, Span
from .attribution import Attribution
from .dating import DocTimex
from .events import Candidate, sentence_candidates
from .lexicon import Lexicon
from .numbers import is_ordinal, ordinal_modifier, parse_number
from .sentinfo import SentInfo
from .weapons import weapon_arg

_VERBAL = ("VERB", "AUX")
_ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "attr")
_WORDS = re.compile(r"[^\W_]+|[^\w\s]")
_YEAR = re.compile(r"\b\d{4}\b")
_ANY_DAY = re.compile(r"^(\d{4})(-\d{2}(?:-\d{2})?)$")
_UNRESOLVED = "unresolved"   # the precision of a date the text cannot resolve (``unresolved_dates``)
_CUTS = (",", ";", "and", "or")
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_BESIDE_OBJECT = frozenset({"conj", "cc", "prep", "advmod", "npadvmod", "relcl", "acl"})   # what an object's phrase ends before


def recalled(info: SentInfo, timexes: list[DocTimex], found: list[Candidate], lex: Lexicon, att: Attribution,
             agents: list[tuple[str, ...]], before: list[Candidate], undated: bool = False) -> list[Candidate]:
    """The sentence's candidates with each cue that a list of dates enumerates replaced by one
    candidate per date, and an earlier event added for each "first ... since DATE".
    ``timexes``: the sentence's dates; ``before``: the document's candidates so far; ``undated``: the
    text has no publication day, so that the dates it cannot resolve still tell events apart
    (``unresolved_dates``)."""
    words = lex.enumeration
    if not words:
        return found
    out = list(found)
    dated = timexes + (unresolved_dates(info, timexes) if undated else [])
    lists = date_lists(info, dated, words, lex.claims.number_words)
    if lists:
        pool = [c for c in found if c.modality == "happened"] + _recap_plurals(info, lex, att, agents, found) \
            + _counted_tallies(info, lex, att, agents, found)
        for dates in lists:
            counts = breakdown(info, dates, lex)
            owner = _owner(info, dates[0], pool, words) or _occurrences(info, dates[0], pool, before, words)
            if owner is None or not _enumerable(info, owner, dates, lex, counts):
                continue
            if owner.date.value and owner.date.bound == "on" and owner.date.evidence \
                    and owner.date.evidence.start != dates[0].start and not counts:
                continue  # the cue has a date of its own: the list is not its dates
            out = [c for c in out if c is not owner] + _split(owner, _years_shared(dates), before, counts)
    return ordinal_recaps(info, dated, gapped(info, dated, out, lex), lex) + _since(info, timexes, found, lex)


def gapped(info: SentInfo, timexes: list[DocTimex], found: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """Each verbal cue whose coordinated objects come each with its own date, and each noun cue whose
    "of" objects do ("tests of the first-stage engine on Saturday and the second-stage engine on
    Tuesday"), split into one candidate per object and date; the others as they are."""
    out = list(found)
    for c in found:
        if c.modality != "happened" or c.span is not None or c.recap:
            continue
        if c.verbal:
            parts = _dated_objects(info, c.head, timexes, lex.enumeration)
        elif (of := _of_object(info, c.head)) is not None:
            parts = _dated_objects(info, info.sent.toks[c.head].head, timexes, lex.enumeration, of)
        elif _verb_object(info, c.head):   # "held Freedom Shield in March and Ulchi Freedom Shield in August"
            parts = _dated_objects(info, info.sent.toks[c.head].head, timexes, lex.enumeration, c.head)
        else:
            continue
        if parts:
            parts = list(zip([o for o, _ in parts], _years_shared([t for _, t in parts])))
            out = [x for x in out if x is not c] + _split_objects(info, c, parts, lex)
    return out


def _verb_object(info: SentInfo, head: int) -> bool:
    """Is the noun cue the direct object of a verb ("held Freedom Shield", "staged drills")?"""
    tok = info.sent.toks[head]
    return tok.dep == "dobj" and tok.head != head and info.sent.toks[tok.head].pos in _VERBAL


def _of_object(info: SentInfo, head: int) -> int | None:
    """The object of a noun cue that is the object of its verb ("conducted tests of an engine"): the
    noun of its "of" phrase."""
    sent = info.sent
    tok = sent.toks[head]
    if tok.dep != "dobj" or tok.head == head or sent.toks[tok.head].pos not in _VERBAL:
        return None
    return next((g.i for k in sent.kids(head) if k.dep == "prep" and k.text.lower() == "of"
                 for g in sent.kids(k.i) if g.dep == "pobj"), None)


def _dated_objects(info: SentInfo, verb: int, timexes: list[DocTimex],
                   words: dict[str, frozenset[str]], first: int | None = None) -> list[tuple[int, DocTimex]]:
    """(object, date) of each object of ``verb`` when two or more of them are coordinated, each
    followed by its own date with nothing but a preposition before it and nothing but a separator or
    a conjunction after it ("two SRBMs on Friday and two MRBMs five days earlier"); else [].
    ``first``: the first object, when it is that of a noun cue (the "of" object of "tests")."""
    sent = info.sent
    dated = sorted((t for t in timexes if t.value or t.precision == _UNRESOLVED), key=lambda t: t.start)
    in_date = {i for t in dated for i in sent.tokens_in(t.start, t.end)}
    # the parser hangs the second object on the verb, on the first object or on the first date
    heads = {verb} | {k.i for k in sent.kids(verb) if k.dep == "dobj"} | (in_date & sent.subtree(verb))
    heads |= {first} if first is not None else set()
    # ("260 balloons on Saturday and another 150 on Sunday": a number standing for its noun)
    objs = sorted(g.i for h in heads for g in sent.kids(h) if g.i > verb and g.i not in in_date
                  and g.pos in ("NOUN", "PROPN", "PRON", "NUM") and (g.dep == "conj" or (h == verb and g.dep == "dobj")))
    if first is not None:
        objs = sorted({first} | {o for o in objs if sent.toks[o].dep == "conj" and o > first})
    elif not any(sent.toks[o].dep == "dobj" for o in objs):
        return []
    if len(objs) < 2:
        return []
    starts = [sent.toks[min(sent.subtree(o, frozenset({"conj", "cc", "prep", "advmod", "npadvmod"})))].start
              for o in objs] + [sent.end]
    separators = {w for s in words.get("separators", ()) for w in _WORDS.findall(s)}
    allowed = separators | {w for c in words.get("conjunctions", ()) for w in _WORDS.findall(c)}
    preps = words.get("list_preps", frozenset())
    text = lambda a, b: _WORDS.findall(sent.text[a - sent.start:b - sent.start].lower())  # noqa: E731
    parts = []
    for n, o in enumerate(objs):
        # the object with its name in apposition ("an ICBM, the Hwasong-18, in December 2023")
        end = max(sent.toks[i].end for i in sent.subtree(o, _BESIDE_OBJECT) if sent.toks[i].start < starts[n + 1])
        own = [t for t in dated if end <= t.start < starts[n + 1]]
        if len(own) != 1 or not (set(text(end, own[0].start)) <= preps | separators or _closes(info, o, own[0], preps)):
            return []
        if n + 1 < len(objs) and not set(text(own[0].end, starts[n + 1])) <= allowed:
            return []
        parts.append((o, own[0]))
    return parts if len({t.value or t.text.lower() for _, t in parts}) == len(parts) else []


def _closes(info: SentInfo, obj: int, t: DocTimex, preps: frozenset[str]) -> bool:
    """Does the date close the object's phrase after a preposition, hung by the parser on a modifier of the
    object ("an ICBM capable of reaching the mainland on Saturday")? It dates the object all the same."""
    sent = info.sent
    before = _WORDS.findall(sent.text[sent.toks[obj].end - sent.start:t.start - sent.start].lower())
    return t.end == max(sent.toks[i].end for i in sent.subtree(obj, frozenset({"conj", "cc"}))) \
        and bool(before) and before[-1] in preps


def _split_objects(info: SentInfo, owner: Candidate, parts: list[tuple[int, DocTimex]],
                   lex: Lexicon) -> list[Candidate]:
    """One candidate per (object, date): the first the clause up to its date, the others their
    object with its date, each with its object's weapon; those after the first are recalled events."""
    sent = info.sent
    out = []
    for n, (o, t) in enumerate(parts):
        phrase = set(sent.subtree(o, frozenset({"conj", "cc"})))
        start = min(owner.evidence[0], sent.toks[owner.head].start) if n == 0 else sent.toks[min(phrase)].start
        c = replace(owner, date=_date(t), span=(start, t.end), recap=n > 0)
        if owner.type == "weapons_test":
            w = weapon_arg(info, phrase, phrase, lex.claims)
            if w.cls is not None or w.name is not None:
                c = replace(c, weapon=w.name, weapon_class=w.cls, count=w.count, count_article=w.count_article)
        out.append(c)
    return out


def date_lists(info: SentInfo, timexes: list[DocTimex], words: dict[str, frozenset[str]],
               numbers: Collection[str] = ()) -> list[list[DocTimex]]:
    """Runs of two or more dates of the sentence joined by separators, a conjunction before the
    last one ("in 2006, 2009 and 2013"), or a count before each date's preposition ("three on Monday
    and two on Thursday", ``numbers``: the number words); not a range ("between May and July") nor a
    date that modifies a noun ("of the New Year, Sunday's launch")."""
    sent = info.sent
    text = lambda a, b: sent.text[a - sent.start:b - sent.start]  # noqa: E731
    dated = sorted((t for t in timexes if t.value or t.precision == _UNRESOLVED), key=lambda t: t.start)
    conj = [tuple(_WORDS.findall(c)) for c in words.get("conjunctions", ())]
    allowed = {w for s in words.get("separators", ()) for w in _WORDS.findall(s)} | {w for c in conj for w in c}
    preps = words.get("list_preps", frozenset())

    def listed(gap: list[str]) -> bool:
        return bool(gap) and all(w in allowed or w in preps or _counts(w, numbers) for w in gap)

    places: list | None = None   # the entities are read only when a gap asks ("the entities read last")
    runs: list[list[DocTimex]] = []
    for t in dated:
        between = _WORDS.findall(text(runs[-1][-1].end, t.start)) if runs else []
        gap = [w.lower() for w in between] or None
        if gap and not listed(gap) and all(listed([w.lower()]) or w[:1].isupper() for w in between):
            # a place named between two dates is where the second was ("in Singapore in June 2018, then again in
            # Hanoi in February 2019")
            places = [e for e in sent.ents if e.label in _PLACE_LABELS] if places is None else places
            gap = _WORDS.findall(_text_without(text, runs[-1][-1].end, t.start, places).lower())
        if listed(gap):
            runs[-1].append(t)
        else:
            runs.append([t])
    ranges = words.get("range_words", frozenset())
    out = []
    for run in runs:
        if len(run) > 2 and _holds_the_rest(run):
            run = run[1:]   # "twice in January, on Jan. 4 and Jan. 25": the month holds the days the list names
        while len(run) > 1 and not _has(_WORDS.findall(text(run[-2].end, run[-1].start).lower()), conj):
            run = run[:-1]  # "A, B" with no conjunction: not a list
        if len(run) < 2 or len({t.value or t.text.lower() for t in run}) < len(run):
            continue
        before = _WORDS.findall(text(sent.start, run[0].start).lower())
        if before and before[-1] in preps:
            before = before[:-1]
        if before and _counts(before[-1], numbers):
            before = before[:-1]
        if before and before[-1] in ranges:
            continue
        if any(re.match(r"\s*['’]s\b", text(t.end, sent.end)) for t in run):
            continue
        out.append(run)
    return out


def _text_without(text, start: int, end: int, spans: list) -> str:
    """The text between ``start`` and ``end`` with the ``spans`` inside it left out."""
    cut = sorted((max(s.start, start), min(s.end, end)) for s in spans if start <= s.start and s.end <= end)
    out, at = [], start
    for a, b in cut:
        out.append(text(at, a))
        at = b
    return " ".join(out + [text(at, end)])


def _holds_the_rest(run: list[DocTimex]) -> bool:
    """Is the first date of the run a coarser time that every other date of it falls in?"""
    return all(finer_within(t.value, run[0].value) for t in run[1:])


def _counts(word: str, numbers: Collection[str]) -> bool:
    return word.isdigit() or word in numbers


def breakdown(info: SentInfo, dates: list[DocTimex], lex: Lexicon) -> list[int] | None:
    """The count before each date of a list that breaks a total down by day ("three on Monday and two
    on Thursday"): every date preceded by a number and a list preposition; else None."""
    sent = info.sent
    preps = lex.enumeration.get("list_preps", frozenset())
    out = []
    for t in dates:
        words = _WORDS.findall(sent.text[:t.start - sent.start].lower())
        if len(words) < 2 or words[-1] not in preps:
            return None
        n = parse_number(words[-2], lex.claims)
        if n is None or n != int(n) or n <= 0:
            return None
        out.append(int(n))
    return out


def _has(words: list[str], phrases: list[tuple[str, ...]]) -> bool:
    return any(tuple(words[i:i + len(p)]) == p for p in phrases for i in range(len(words)))


def _recap_plurals(info: SentInfo, lex: Lexicon, att: Attribution, agents: list[tuple[str, ...]],
                   found: list[Candidate]) -> list[Candidate]:
    """Plural cues that only a recap word made a summary ("its previous tests"): read again with
    the recap words taken out of the summary quantifiers."""
    recap = lex.enumeration.get("recap_words", frozenset())
    quants = lex.modality.get("summary_quantifiers", frozenset())
    if not recap & quants:
        return []
    return [c for c in _read_again(info, lex, "summary_quantifiers", quants - recap, att, agents, found)
            if any(_said(k, recap) for k in info.sent.kids(c.head))]


def _counted_tallies(info: SentInfo, lex: Lexicon, att: Attribution, agents: list[tuple[str, ...]],
                     found: list[Candidate]) -> list[Candidate]:
    """Counted plural cues that the perfect made a tally of events ("has conducted four nuclear tests"):
    read again without it, so that a list of as many dates names each of them ("— in 2006, 2009, 2013 and
    2016"; ``_enumerable`` checks the count)."""
    return [c for c in _read_again(info, lex, "perfect_aux", frozenset(), att, agents, found)
            if any(k.dep == "nummod" for k in info.sent.kids(c.head))]


def _read_again(info: SentInfo, lex: Lexicon, rule: str, words: frozenset[str], att: Attribution,
                agents: list[tuple[str, ...]], found: list[Candidate]) -> list[Candidate]:
    """The sentence's candidates read with the modality word list ``rule`` set to ``words``, those told as
    having happened whose cue no candidate of ``found`` has."""
    relaxed = replace(lex, modality={**lex.modality, rule: words})
    heads = {c.head for c in found}
    return [c for c in sentence_candidates(info, relaxed, att, list(agents))
            if c.head not in heads and c.modality == "happened"]


def _owner(info: SentInfo, first: DocTimex, pool: list[Candidate],
           words: dict[str, frozenset[str]]) -> Candidate | None:
    """The candidate whose cue the first date of a list hangs from, directly or through the verb
    that carries it; None when another cue or verb comes first."""
    sent = info.sent
    idx = sent.tokens_in(first.start, first.end)
    if not idx:
        return None
    heads = {c.head: c for c in pool}
    # "The DPRK test-launched three missiles, two on ...": a verb the parser glued into its object's
    # noun phrase carries that noun's dates
    heads.update({sent.toks[c.head].head: c for c in pool if c.participle and c.verbal
                  and sent.toks[c.head].dep == "amod" and sent.toks[c.head].head not in heads})
    cue_heads = {h for h in (info.head_of(hit) for hit in info.cues) if h is not None}
    instances = words.get("instance_nouns", frozenset())
    for a in sent.ancestors(sent.root_of(idx)):
        if a in idx:
            continue
        if a in heads:
            return heads[a]
        if a in cue_heads or _recalled_instance(sent, a, words):
            return None   # "following two similar incidents on June 9 and 18": those occurrences' (``_occurrences``)
        if sent.toks[a].pos in _VERBAL:
            args = [k.i for k in sent.kids(a) if k.dep in _ARG_DEPS and k.i in heads]
            args += [g.i for k in sent.kids(a) if k.dep in ("prep", "agent")
                     for g in sent.kids(k.i) if g.dep == "pobj" and g.i in heads]
            # "conducted three rounds of cruise missile firings on ...": the cue an occasion noun counts
            # (not a vague quantity: "carried out dozens of missile tests in 2016 and 2017")
            args += [g.i for k in sent.kids(a) if k.dep in _ARG_DEPS and _said(k, instances) for p in sent.kids(k.i)
                     if p.dep == "prep" and p.lemma.lower() == "of"
                     for g in sent.kids(p.i) if g.dep == "pobj" and g.i in heads]
            return heads[args[0]] if len(set(args)) == 1 else None
    return None


def _recalled_instance(sent, i: int, words: dict[str, frozenset[str]]) -> bool:
    """An occurrence noun a recap word modifies ("earlier rounds", "two similar incidents")."""
    return _said(sent.toks[i], words.get("instance_nouns", frozenset())) and any(
        _said(k, words.get("recap_words", frozenset())) for k in sent.kids(i))


def _occurrences(info: SentInfo, first: DocTimex, pool: list[Candidate], before: list[Candidate],
                 words: dict[str, frozenset[str]]) -> Candidate | None:
    """"with earlier rounds held in June and November": an occurrence noun with a recap word that
    the first date hangs from (through the participle that describes it) stands for the event
    its "of" phrase names ("rounds of the exercise") or else the sentence's event; its arguments
    are those of that event's candidate in the sentence, else of the document's last one."""
    sent = info.sent
    idx = sent.tokens_in(first.start, first.end)
    if not idx:
        return None
    nouns, recap = words.get("instance_nouns", frozenset()), words.get("recap_words", frozenset())
    for a in sent.ancestors(sent.root_of(idx))[:6]:
        tok = sent.toks[a]
        if _said(tok, nouns):
            if not any(_said(k, recap) for k in sent.kids(a)):
                return None
            named = {v.type for hit in info.cues if any(i in sent.subtree(a) and i != a for i in info.toks_of(hit))
                     for v in hit.values}
            types = named or {c.type for c in pool}
            src = next((c for c in pool if c.type in types), None) or next(
                (c for c in reversed(before) if c.type in types and not c.anaphoric and not c.recap), None)
            if src is None or len(types) != 1:
                return None
            # its evidence starts at its own phrase ("after such incidents on May 2"), not at the host clause
            return replace(src, info=info, head=a, scope=info.scope(a), date=UNKNOWN_DATE,
                           span=sent.char_span(sent.subtree(a)), anaphoric=False, participle=False, reference=None)
        if tok.pos in _VERBAL and tok.dep not in ("acl", "relcl"):
            return None
    return None


def _enumerable(info: SentInfo, owner: Candidate, dates: list[DocTimex], lex: Lexicon,
                counts: list[int] | None = None) -> bool:
    """Does the list name one event per date? A numeral on the cue, or on the weapons it fired,
    must count the dates, or, when the list breaks a total down by day (``counts``), that total;
    the consecutive days of a lasting event are one event."""
    if counts is not None:   # "fired five rockets, three on Monday and two on Thursday"
        return owner.type == "weapons_test" and _total(info, owner, lex) in (None, sum(counts))
    for k in info.sent.kids(owner.head):
        if k.dep == "nummod" and parse_number(k.text, lex.claims) != len(dates):
            return False
    if owner.count and not owner.count_article and owner.count != len(dates):
        return False  # "fired 20 missiles in 2016 and 2017": many launches
    if owner.type in lex.enumeration.get("lasting_types", frozenset()):
        if any(t.precision == _UNRESOLVED for t in dates):
            return False   # consecutive days or not, the text cannot tell
        days = [t.value for t in dates if t.precision == "day"]
        try:
            ds = sorted(date.fromisoformat(d) for d in days)
        except ValueError:
            return False
        if any((b - a).days <= 1 for a, b in zip(ds, ds[1:])):
            return False
    return True


def _total(info: SentInfo, owner: Candidate, lex: Lexicon) -> int | None:
    """The number of weapons the cue fired: its count, else a numeral on its object (or on the noun
    its participle is glued to: "test-launched three missiles")."""
    if owner.count and not owner.count_article:
        return owner.count
    sent = info.sent
    tok = sent.toks[owner.head]
    nouns = [k.i for k in sent.kids(owner.head) if k.dep in ("dobj", "nsubjpass")]
    if tok.dep == "amod" and tok.head != owner.head:
        nouns.append(tok.head)
    for n in nouns:
        for k in sent.kids(n):
            if k.dep == "nummod" and (v := parse_number(k.text, lex.claims)) is not None:
                return int(v)
    return None


def _years_shared(dates: list[DocTimex]) -> list[DocTimex]:
    """"in June and November last year", "in April, July and December last year": a date that names no
    year takes the year of the next date of the list when that one names it, or took it so, and comes
    later in its year."""
    out = list(dates)
    named = [bool(_YEAR.search(t.text) or "year" in t.text.lower()) for t in out]
    for i in range(len(out) - 2, -1, -1):
        t, nxt = out[i], out[i + 1]
        m, n = _ANY_DAY.match(t.value or ""), _ANY_DAY.match(nxt.value or "")
        if not (m and n) or not t.anchored or named[i] or not named[i + 1]:
            continue
        if m.group(2)[:3] <= n.group(2)[:3]:
            out[i] = replace(t, value=n.group(1) + m.group(2))
            named[i] = True
    return out


def _date(t: DocTimex) -> DateValue:
    if not t.value:
        return UNKNOWN_DATE
    return DateValue(t.value, t.precision, "relative" if t.anchored else "explicit", "on", Span(t.start, t.end))


def unresolved_dates(info: SentInfo, timexes: list[DocTimex]) -> list[DocTimex]:
    """The dates of the sentence that the text cannot resolve ("in May and August", "on Wednesday,
    Sunday and Tuesday" with no publication day): the parser's DATE entities no tagged date covers,
    cut at the separators inside them, with no value."""
    sent = info.sent
    out: list[DocTimex] = []
    for e in sent.ents:
        if e.label != "DATE" or any(t.start < e.end and e.start < t.end for t in timexes):
            continue
        part: list = []
        for i in sorted(sent.tokens_in(e.start, e.end)):
            tok = sent.toks[i]
            if tok.text.lower() in _CUTS:
                out += _unresolved(sent, part)
                part = []
            else:
                part.append(tok)
        out += _unresolved(sent, part)
    return out


def _unresolved(sent, toks: list) -> list[DocTimex]:
    if not any(t.tag in ("NNP", "CD") for t in toks):   # a name or a number: "May", "March 2", "Sunday"
        return []
    start, end = toks[0].start, toks[-1].end
    return [DocTimex(start, end, sent.text[start - sent.start:end - sent.start], "", _UNRESOLVED, True)]


def _split(owner: Candidate, dates: list[DocTimex], before: list[Candidate],
           counts: list[int] | None = None) -> list[Candidate]:
    """One candidate per date: the first keeps the clause up to its date, the others their date;
    each with its count when the list breaks a total down by day."""
    start = min(owner.evidence[0], owner.info.sent.toks[owner.head].start)
    if start >= dates[0].start:
        return [owner]
    cls, weapon = owner.weapon_class, owner.weapon
    if owner.anaphoric:  # "the North's previous tests" are of the kind of the test the article leads with
        lead = next((c for c in before if c.type == owner.type and not c.anaphoric and not c.recap), None)
        cls, weapon = (lead.weapon_class, None) if lead else (None, None)
    out = []
    for n, t in enumerate(dates):
        span = (start, t.end) if n == 0 else (t.start, t.end)
        out.append(replace(owner, date=_date(t), span=span, recap=True, anaphoric=False,
                           count=counts[n] if counts else None, count_article=False, weapon_class=cls,
                           weapon=weapon))
    return out


_NOMINAL_DEPS = ("pobj", "conj", "appos", "npadvmod", "nsubj", "dobj")


def ordinal_recaps(info: SentInfo, timexes: list[DocTimex], found: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """The candidates, and one earlier event per ordinal that stands for the event noun of a cue told
    before it ("after the first in October 2006, the second in May 2009"), with the date of its own
    phrase; the cue loses a date it took from one of them and its evidence stops before the first."""
    types = lex.enumeration.get("ordinal_types", frozenset())
    told = [c for c in found if c.type in types and c.modality == "happened" and not c.recap]
    items = _dated_ordinals(info, timexes) if told and timexes else []
    if not items:
        return found
    out = list(found)
    for c in told:
        word = ordinal_modifier(info.sent, c.head)
        own = [(o, t) for o, t in items if o > c.head and word != info.sent.toks[o].text.lower()]
        if not own:
            continue
        nearest = max((x.head for x in found if x.head < own[0][0]), default=None)
        if nearest != c.head:
            continue   # the ordinals stand for the cue told right before them
        out = [x for x in out if x is not c] + [_without(info, c, own)] + [
            replace(c, head=o, date=_date(t), span=_phrase(info, o, t), recap=True, anaphoric=False, count=None,
                    count_article=False, weapon=None, place=None, participle=False, reference=None, kin=False,
                    earlier_than=(c.head,))
            for o, t in own]
    return out


def _dated_ordinals(info: SentInfo, timexes: list[DocTimex]) -> list[tuple[int, DocTimex]]:
    """(ordinal, date) of each ordinal that heads its noun phrase ("the second", not "the second test") with a
    date in a preposition of its own ("the second in May 2009") or of the copula it is the subject of ("the
    third was in February 2013"); a period it counts in ("the third this year") is no date of its own."""
    sent = info.sent
    out = []
    for tok in sent.toks:
        if not is_ordinal(tok.text) or tok.dep not in _NOMINAL_DEPS or tok.pos not in ("ADJ", "NOUN"):
            continue
        if _describes_noun(sent, tok.i) or any(k.dep == "prep" and k.text.lower() == "of" for k in sent.kids(tok.i)):
            continue   # "a test, the first of its kind, on Friday": the test itself
        holders = [tok.i]
        if tok.dep == "nsubj" and sent.toks[tok.head].lemma.lower() == "be":
            holders.append(tok.head)
        pobjs = {g.i for h in holders for k in sent.kids(h) if k.dep == "prep" for g in sent.kids(k.i) if g.dep == "pobj"}
        dated = [t for t in timexes if pobjs & set(sent.tokens_in(t.start, t.end))]
        if len(dated) == 1:
            out.append((tok.i, dated[0]))
    return out


def _describes_noun(sent, i: int) -> bool:
    """Is the ordinal in apposition to a noun that is no ordinal ("the test, the first in the country"),
    through other ordinals ("two missiles, the first at 7 a.m. and the second at 7:20")? (Coordinated with
    the cue noun, "its third launch after the first on Monday and the second on Wednesday", it is another.)"""
    while sent.toks[i].dep in ("appos", "conj") and sent.toks[i].head != i:
        dep, i = sent.toks[i].dep, sent.toks[i].head
        if not is_ordinal(sent.toks[i].text):
            return dep == "appos" and sent.toks[i].pos in ("NOUN", "PROPN")
    return False


def _phrase(info: SentInfo, o: int, t: DocTimex) -> tuple[int, int]:
    """The ordinal's phrase up to its date ("the first in October 2006")."""
    sent = info.sent
    start = min(sent.subtree(o, frozenset({"conj", "cc", "appos", "punct"})))
    return sent.toks[start].start, t.end


def _without(info: SentInfo, c: Candidate, own: list[tuple[int, DocTimex]]) -> Candidate:
    """The cue without the dates of the ordinals that follow it, its evidence ending before the
    preposition or clause that introduces the first of them."""
    sent = info.sent
    dates = [t for _, t in own]
    date_ = c.date
    if date_.evidence and any(t.start <= date_.evidence.start < t.end for t in dates):
        date_ = UNKNOWN_DATE
    first = own[0][0]
    cut = first
    while sent.toks[cut].dep in _NOMINAL_DEPS and sent.toks[cut].head != cut and sent.toks[cut].head > c.head:
        cut = sent.toks[cut].head
    start, end = c.evidence
    cut_at = min(sent.toks[cut].start, sent.toks[first].start)
    if start < cut_at < end:
        keep = [i for i in sent.tokens_in(start, cut_at) if sent.toks[i].dep != "punct"]
        end = sent.toks[max(keep)].end if keep else end
    return replace(c, date=date_, span=(start, end))


def _since(info: SentInfo, timexes: list[DocTimex], found: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"its first launch since March 27": the previous launch, on March 27."""
    words = lex.enumeration
    sent = info.sent
    out = []
    for t in timexes:
        idx = sent.tokens_in(t.start, t.end)
        if not t.value or not idx or min(idx) == 0:
            continue
        since = sent.toks[min(idx) - 1]
        if since.text.lower() not in words.get("since_words", ()):
            continue
        if set(_WORDS.findall(t.text.lower())) & words.get("since_not", frozenset()):
            continue
        g = since.head
        if sent.toks[g].lemma.lower() == "be":   # "it was its first launch since Nov. 5": the copula's noun
            g = next((k.i for k in sent.kids(g) if k.dep == "attr"), g)
        if not _first(info, g, words.get("first_words", frozenset())):
            continue
        at = g
        owner = next((c for c in found if c.head == g and c.modality == "happened"), None)
        if owner is None:
            types = {v.type for hit in info.cues if info.head_of(hit) == g for v in hit.values}
            owner = next((c for c in found if c.type in types and c.modality == "happened"), None)
        if owner is None:
            owner, at = _described(info, g, found)
        if owner is None:
            continue
        cls = weapon = None
        if owner.type == "weapons_test":
            w = weapon_arg(info, info.scope(at), info.scope(at), lex.claims)
            cls, weapon = w.cls, w.name
        out.append(replace(owner, head=g, date=_date(t), span=(since.start, t.end), recap=True, anaphoric=False,
                           count=None, count_article=False, weapon_class=cls, weapon=weapon, place=None,
                           participle=False, reference=None))
    return out


def _described(info: SentInfo, g: int, found: list[Candidate]) -> tuple[Candidate | None, int]:
    """"the first time since July 2008 that a civilian was shot dead", "the first time since 2017 that
    the North fired an ICBM": the event told by the clause that describes the noun "since" hangs from
    (its relative clause, or the complement of the verb it is the attribute of), and that clause's verb."""
    sent = info.sent
    tok = sent.toks[g]
    clauses = [k.i for k in sent.kids(g) if k.dep in ("relcl", "acl")]
    if tok.dep == "attr" and tok.head != g:
        clauses += [k.i for k in sent.kids(tok.head) if k.dep == "ccomp"]
    for v in clauses:
        inside = sent.subtree(v)
        owner = next((c for c in found if c.head in inside and c.modality == "happened"), None)
        if owner is not None:
            return owner, v
    return None, g


def _first(info: SentInfo, g: int, firsts: frozenset[str]) -> bool:
    """An ordinal "first" on the word "since" hangs from, on the noun its clause describes ("the
    first time North Korea has launched ... since"), on the object of its preposition ("launched
    ... for the first time since"), or on the noun a gerund is parsed as the verb of ("its first
    missile firing since")."""
    sent = info.sent
    tok = sent.toks[g]
    near = {g}
    if tok.dep in ("relcl", "acl") and tok.head != g:
        near.add(tok.head)
    near |= {o.i for k in sent.kids(g) if k.dep == "prep" for o in sent.kids(k.i) if o.dep == "pobj"}
    if tok.tag == "VBG":   # "its first missile firing since": the noun before a gerund read as its subject
        near |= {k.i for k in sent.kids(g) if k.dep == "nsubj" and k.i < g}
    return any(_said(k, firsts) for i in near for k in sent.kids(i))


def _said(tok, words: frozenset[str]) -> bool:
    return tok.text.lower() in words or tok.lemma.lower() in words
