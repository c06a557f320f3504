"""Within-document merging: sentences that report the same event become one mention.

Candidates are taken in document order; each joins the group of the same type whose fields do not
contradict it, reported in the same sentence or else most recently (weapon class and name, date, place, long-running subject, and for
meetings the foreign participants and the foreign states that took part, and for two meetings one
sentence tells apart the persons of either side; an undated report and one
dated well before publication are the news and an earlier event, and so are two undated reports that
each name a time of their own that cannot be the same whatever the publication day ("last month" /
"on Tuesday"), or one told as earlier than the news with a time of its own; a launch is no nuclear
test; an incident and the response to it that one sentence tells together, "fired warning shots after
soldiers crossed the line", are one incident whatever their kinds and sides), otherwise
it starts a group (an anaphoric candidate, "the launch", starts none). A group's fields are the most
specific of its members'; its evidence is its most informative sentence (a date, a weapon, a cue verb,
a source, an actor), a sentence rather than a headline, the earliest on ties."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..dates import MONTH_NAMES, WEEKDAY_NAMES, date_interval
from ..models import DateValue, Place, Span, UNKNOWN_DATE
from .events import (HOME, Candidate, answers, dated_phrase, determined, earlier_clause, foreign_persons, named_persons,
                     prior_clause, prior_days, prior_verb)
from .lexicon import Lexicon
from .modality import past_tense
from .numbers import ordinal_modifier
from .places import precise
from .records import COMPOUND
from .weapons import NOT_FIRED

_DATE_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 4, "year": 5, "decade": 6}
_COARSE = ("month", "season", "quarter", "year")   # dates that may hold a bounding day
_NOUN_MODIFIERS = ("compound", "nummod", "amod", "poss")


@dataclass
class Group:
    members: list[Candidate] = field(default_factory=list)
    chosen: Candidate | None = None   # the evidence member, when ``best`` would repeat another group's
    sides: bool = False               # every side takes part (lex.conductor_all_named): the fullest list wins
    inherited: tuple[str, ...] = ()   # an earlier round's sides: those of the event it is a round of
    doers: frozenset[str] = frozenset()   # verbs of holding an event of its type ([conductors] conduct_verbs)
    answered: frozenset[str] = frozenset()   # kinds of incident a response answers ([dating] incident_kinds)
    prompts: frozenset[str] = frozenset()    # verbs whose object does what their infinitive says ([conductors] control_verbs)

    @property
    def type(self) -> str:
        return self.members[0].type

    @property
    def weapon_class(self) -> str | None:
        return best_class([m.weapon_class for m in self.members])

    @property
    def weapon(self) -> str | None:
        return next((m.weapon for m in self.members if m.weapon), None)

    @property
    def date(self) -> DateValue:
        dated = [m.date for m in self.members if m.date.value]
        if not dated:
            return UNKNOWN_DATE
        best = min(dated, key=lambda d: (d.bound != "on", _DATE_RANK.get(d.precision or "", 9),
                                         d.method != "explicit"))
        # "the fifth launch this year": a coarse date that holds a report's day says less than that day
        held = [d for d in dated if d.bound == "on_or_before" and d.precision == "day"
                and best.precision in _COARSE and _holds(best, d)]
        return held[0] if held else best

    @property
    def place(self) -> Place | None:
        places = [m.place for m in self.members if m.place]
        return min(places, key=precise) if places else None

    @property
    def subject(self) -> str | None:
        return next((m.subject for m in self.members if m.subject), None)

    @property
    def count(self) -> int | None:
        """The first count a numeral gives, else the first one an indefinite article gives."""
        return next((m.count for m in self.members if m.count and not m.count_article),
                    next((m.count for m in self.members if m.count), None))

    @property
    def actors(self) -> list[str]:
        return list(dict.fromkeys(a for m in self.members for a in m.actors))

    @property
    def conducted_by(self) -> list[str]:
        """Those its best member names as agents, else the first member that names any (for a type
        whose every side takes part, the member naming the most sides), else the best member's
        inferred ones, else the first member's that infers any, else those it inherits."""
        best = self.best
        ordered = [best, *(m for m in self.members if m is not best)]
        explicit = [m for m in ordered if m.conducted_explicit]
        if explicit:
            named = max(explicit, key=lambda m: len(m.conducted_by)) if self.sides else explicit[0]
            return list(named.conducted_by)
        inferred = next((m for m in ordered if m.conducted_by), None)
        return list(inferred.conducted_by) if inferred else list(self.inherited)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(s for m in self.members for s in m.sources))

    @property
    def best(self) -> Candidate:
        """The most informative member that reports the event itself: a restatement ("the launch")
        only when the group has nothing else."""
        if self.chosen is not None:
            return self.chosen
        return max(self.members, key=self._rank)

    def _rank(self, m: Candidate) -> tuple:
        """A restatement last; then the most informative member (for a type held by a verb of doing, one
        that tells the sides who held it doing so tells more: "ships from the three navies took part in
        the exercise" rather than "the exercise expresses the will of the allies" or "a paper reported
        the drill"); a sentence rather than a headline; the earliest; last, within one sentence, a member
        told by its own clause before one recalled by a date of another's ("since 2017, when a drone was
        found crashed": the "when" clause, not "since 2017"). Of an incident and the response to it, the
        incident before the response ("fired warning shots after soldiers crossed the line": the crossing)."""
        held = m.conducted_explicit and bool(m.conducted_by) and _held_by_doer(m, self.doers)
        return (not m.anaphoric, not self._responds(m), evidence_score(m) + held, m.info.sent.closed,
                -m.info.sent.start, not m.recap)

    def _responds(self, m: Candidate) -> bool:
        """Is the member a response to an incident the group holds (the warning shots of a crossing), or what
        another member's act prompted ("shelled the island, prompting the South to return fire")?"""
        if _prompted(m, self.prompts) and not all(_prompted(o, self.prompts) for o in self.members):
            return True
        return m.kind not in self.answered and any(o.kind in self.answered for o in self.members)


def _prompted(m: Candidate, prompts: frozenset[str]) -> bool:
    """Is the member's cue what another act prompted ("shelled the island, prompting the South to return fire and
    scramble jets")?"""
    sent = m.info.sent
    for a in [m.head] + sent.ancestors(m.head):   # up the cue's own clause ("to return fire and scramble jets")
        tok = sent.toks[a]
        if tok.dep == "xcomp" and tok.head != tok.i and sent.toks[tok.head].lemma.lower() in prompts:
            return True
        if tok.dep in _CLAUSE_TOPS or tok.head == tok.i:
            return False
    return False


_CLAUSE_TOPS = ("ccomp", "advcl", "relcl", "acl", "parataxis", "csubj")


def _held_by_doer(m: Candidate, doers: frozenset[str]) -> bool:
    """Is the candidate's cue a verb of doing, or the object of one ("took part in the drill", "staged
    an exercise", "engaged in a firing drill")? The nearest verb at or above the cue decides."""
    sent = m.info.sent
    if not doers:
        return False
    verb = sent.verb_above(m.head)
    return verb is not None and (verb == m.head or sent.toks[verb].lemma.lower() in doers
                                 or sent.toks[verb].text.lower() in doers)


def _distinct_evidence(groups: list[Group]) -> list[Group]:
    """Two events of one type never share an evidence span (one clause reporting two tests,
    "tests of missile parts and engine tests"): a later group takes its best member with evidence
    of its own, and with none it joins the earlier one."""
    out: list[Group] = []
    for g in groups:
        taken = {m.best.evidence for m in out if m.type == g.type}
        if g.best.evidence in taken:
            own = [m for m in g.members if m.evidence not in taken] or [
                # a noun coordinated into the earlier event's clause with a date of its own: reported by its own phrase
                replace(m, span=span) for m in g.members if not m.verbal and not m.participle
                and (span := dated_phrase(m)) is not None and span not in taken]
            if own:
                g.chosen = max(own, key=g._rank)
            else:
                first = next(o for o in out if o.type == g.type and o.best.evidence == g.best.evidence)
                first.members += g.members
                continue
        out.append(g)
    return out


def evidence_score(c: Candidate) -> int:
    return (2 * bool(c.date.value and c.date.bound == "on") + 2 * bool(c.weapon or c.weapon_class)
            + bool(c.verbal) + bool(c.sources) + bool(c.actors) + bool(c.count and not c.count_article))


def best_class(classes: list[str | None]) -> str | None:
    """The most specific class: a specific class beats 'ballistic_unspecified'/'other'."""
    present = [c for c in classes if c]
    if not present:
        return None
    specific = [c for c in present if c not in ("ballistic_unspecified", "other")]
    return (specific or present)[0]


def _classes_compatible(a: str | None, b: str | None, lex: Lexicon) -> bool:
    if a is None or b is None or a == b:
        return True
    return b in lex.compatible_classes.get(a, ()) or a in lex.compatible_classes.get(b, ())


def _weapons_compatible(a: str | None, b: str | None) -> bool:
    """The same weapon, or one named with what carried it ("Malligyong-1" / "Malligyong-1 on Chollima-1", a
    satellite and the rocket it rode: weapons.toml payloads): the words of one name are the other's first words."""
    if not a or not b or a == b:
        return True
    wa, wb = a.lower().split(), b.lower().split()
    short, long_ = sorted((wa, wb), key=len)
    return long_[:len(short)] == short


def _holds(coarse: DateValue, day: DateValue) -> bool:
    ic, iday = date_interval(coarse.value), date_interval(day.value)
    return bool(ic and iday and ic[0] <= iday[1] <= ic[1])


def _dates_compatible(a: DateValue, b: DateValue, window: int) -> bool:
    ia, ib = date_interval(a.value), date_interval(b.value)
    if ia is None or ib is None:
        return True
    if a.bound == "on_or_before" and b.bound == "on_or_before":
        return True
    if a.bound == "on_or_before":
        a, b, ia, ib = b, a, ib, ia
    if b.bound == "on_or_before":  # a is on; b bounds: a must end by b's end, not long before
        if a.precision in _COARSE and ia[0] <= ib[1] <= ia[1]:
            return True   # "the 15th launch this year" and "fired, Seoul said on Saturday": that year holds the day
        return ia[1] <= ib[1] and ia[0] >= ib[1] - timedelta(days=window)
    return (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1])


def _foreign_people(c: Candidate) -> set[str]:
    """The foreign persons named in the clause that reports the meeting (``events.foreign_persons``)."""
    return foreign_persons(c.info, set(c.info.sent.tokens_in(*c.evidence)))


def _named_people(c: Candidate) -> set[str]:
    """The persons of either side named in the clause that reports the meeting (``events.named_persons``)."""
    return named_persons(c.info, set(c.info.sent.tokens_in(*c.evidence)))


def _also_someone_else(g: Group, c: Candidate) -> bool:
    """Is the candidate a meeting told with "also" whose other party ("also met with his counterpart",
    "also held talks with Choe Son Hui") names none of the persons the group's meeting named? A further
    meeting, with someone else."""
    sent = c.info.sent
    kids = sent.kids(c.head)
    if not c.verbal or not any(k.dep == "advmod" and k.text.lower() == "also" for k in kids):
        return False
    met = {i for k in kids if k.dep == "dobj" or (k.dep == "prep" and k.text.lower() == "with")
           for i in sent.subtree(k.i)}
    return bool(met) and not named_persons(c.info, met) & set().union(*(_named_people(m) for m in g.members))


def _fires(c: Candidate, lex: Lexicon) -> bool:
    """Does the candidate's cue fire something ("fired a rocket", "the launch")? A nuclear or an
    engine test fires nothing."""
    return c.info.sent.toks[c.head].lemma.lower() in lex.firing_cues


def _fired_and_not(g: Group, c: Candidate, lex: Lexicon) -> bool:
    """A launch and a test that fires nothing are two events, even told in one sentence ("it carried
    out a nuclear test, two months after it fired a rocket")."""
    if c.type != "weapons_test":
        return False
    if c.weapon_class in NOT_FIRED:
        return any(_fires(m, lex) for m in g.members)
    return _fires(c, lex) and g.weapon_class in NOT_FIRED


_SERIES_PREPS = ("since", "in", "during", "within", "under")


def _ordinal(c: Candidate) -> str | None:
    """The ordinal modifying the candidate's cue noun ("its third nuclear test"), lower-cased; none when
    the noun says which series it counts in ("its first launch since June", "its fifth launch of 2025",
    "the second test this month": one event can be first of one series and fifth of another)."""
    sent = c.info.sent
    ordinal = ordinal_modifier(sent, c.head)   # before the series: it reads the entities
    if ordinal is None or any(_series(sent, k) for k in sent.kids(c.head)):
        return None
    return ordinal


def _series(sent, k) -> bool:
    """Is the modifier a period or a starting point a count runs over ("since June", "this year", "of 2025",
    "of the year", "in six months")?"""
    if k.dep == "npadvmod" or k.ent == "DATE":
        return True
    if k.dep != "prep":
        return False
    if k.text.lower() in _SERIES_PREPS:
        return True
    return k.text.lower() == "of" and any(g.ent == "DATE" or g.tag == "CD" for g in sent.kids(k.i))


def _other_ordinal(g: Group, c: Candidate) -> bool:
    """The same cue counted with another ordinal ("its third nuclear test" / "its fourth nuclear test",
    "the first launch" / "the second launch"): another event of the series."""
    mine = _ordinal(c)
    return mine is not None and any(m.cue.lower() == c.cue.lower() and (theirs := _ordinal(m)) and theirs != mine
                                    for m in g.members)


def _asset_kind(c: Candidate) -> str | None:
    """For a strategic asset's deployment, whether its clause names a warship ("naval") or only another
    asset, a bomber ("air")."""
    if c.kind != "asset":
        return None
    own = set(c.info.sent.tokens_in(*c.evidence))
    if c.info.hits_in(c.info.context("naval_asset"), own):
        return "naval"
    return "air" if c.info.hits_in(c.info.context("strategic_asset"), own) else None


def _asset_names(c: Candidate) -> frozenset[str]:
    """The warships its clause names by a [context] ship_prefix and the proper nouns after it ("the USS
    Carl Vinson" -> "carl vinson")."""
    if c.kind != "asset":
        return frozenset()
    sent, own = c.info.sent, set(c.info.sent.tokens_in(*c.evidence))
    names = set()
    for hit in c.info.hits_in(c.info.context("ship_prefix"), own):
        words, i = [], max(c.info.toks_of(hit)) + 1
        while i < len(sent.toks) and sent.toks[i].pos == "PROPN":
            words.append(sent.toks[i].text.lower())
            i += 1
        if words:
            names.add(" ".join(words))
    return frozenset(names)


def _other_asset(g: Group, c: Candidate) -> bool:
    """A bomber landing and a carrier arriving are two deployments, however close in the text; so are
    two warships named apart ("the USS Carl Vinson arrived", "the USS Ronald Reagan visited")."""
    mine = _asset_kind(c)
    if mine is not None and any((theirs := _asset_kind(m)) and theirs != mine for m in g.members):
        return True
    named = _asset_names(c)
    return bool(named) and any((theirs := _asset_names(m)) and not theirs & named for m in g.members)


def _referent(g: Group, c: Candidate) -> bool:
    """Can a sentence without a cue refer to this test? A trace of a nuclear test ("the tremor")
    only to a nuclear test; a weapon noun ("the missile") not to a test that fires none."""
    if c.reference == "weapon":
        return g.weapon_class not in NOT_FIRED
    return g.weapon_class == c.reference


def is_background(d: DateValue, published: date | None, window: int) -> bool:
    """A date that ends more than ``window`` days before the publication day."""
    span = date_interval(d.value) if d.value else None
    return published is not None and span is not None and span[1] < published - timedelta(days=window)


def _news_and_background(g: Group, c: Candidate, published: date | None, lex: Lexicon) -> bool:
    """One side undated (or dated by its report day alone, ``_news``), the other dated well before
    publication: the undated report is the article's news ("it launched a missile over Japan") and the dated one an earlier event it recalls
    ("On August 17, it fired two cruise missiles"), or the other way round. In a text without a
    publication date, a report whose time cannot be resolved ("fired earlier today", "on May 25") is
    not an event dated elsewhere either, whichever of the two is told first."""
    if c.type not in lex.background_types:
        return False
    if published is None:   # "fired earlier today" in an undated text: a day of its own, unknown
        if c.date.value is None:
            return bool(_says_when(c) and g.date.value)
        return any(m.date.value is None and _says_when(m) and not m.anaphoric for m in g.members)  # ... told before the dated one
    window = lex.background_days
    members = [m for m in g.members if m.info.sent.start != c.info.sent.start]
    if c.type in lex.ongoing_types:   # a drill that began weeks ago may still be going on: only one told past
        members = [m for m in members if m.date.value or _told_past(m)]
        if c.date.value is None and not _told_past(c):
            return False
    if _news(c.date, published, window):
        return any(is_background(m.date, published, window) for m in members)
    return is_background(c.date, published, window) and any(_news(m.date, published, window) and not m.anaphoric
                                                             for m in members)


def _news(d: DateValue, published: date, window: int) -> bool:
    """Undated, or bounded only by the day its source reported it, a day of the news ("the military said
    Tuesday that soldiers crossed the line"): the article's news, not an event dated well before it."""
    return d.value is None or (d.method == "report_date" and not is_background(d, published, window))


def _told_past(c: Candidate) -> bool:
    """Is the candidate told in a past tense (the nearest verb at or above its cue: "held", "had held", "has
    begun", "was staged"), not as going on or in the present ("are conducting", "the drills involve")?"""
    v = c.info.sent.verb_above(c.head)
    return v is not None and past_tense(c.info.sent, v)


def _own_kind(g: Group, c: Candidate) -> Group:
    """The members of the group of the candidate's kind (of an incident and its response, the response's sides
    are the other side's, "the South fired warning shots" / "North Korean soldiers crossed": a response of
    either side joins; a crossing joins the crossing of its side)."""
    return Group([m for m in g.members if m.kind == c.kind], sides=g.sides)


def _other_side(g: Group, c: Candidate) -> bool:
    """Named as carried out by states none of whom carried out the group's members ("North Korean
    drones crossed the border" / "the South sent surveillance aircraft into the North"); for a type
    whose every side takes part (a drill), by states none of whom the group names: a side named alone
    ("the drills involve 19,000 South Korean troops", "U.S. bombers took part") is one of the drill's."""
    if not (c.conducted_explicit and c.conducted_by):
        return False
    named = [set(m.conducted_by) for m in g.members if m.conducted_explicit and m.conducted_by]
    if g.sides and named:
        return not set().union(*named) & set(c.conducted_by)
    return any(not sides & set(c.conducted_by) for sides in named)


def _joins_told(c: Candidate, lex: Lexicon) -> bool:
    """Is the candidate a definite noun that a verb of joining takes ("Britain also joined the exercise",
    "Australian troops took part in the drills")? Its side is one more of the event told before."""
    sent = c.info.sent
    if c.verbal or not any(k.dep == "det" and k.lemma.lower() in ("the", "this", "these") for k in sent.kids(c.head)):
        return False
    verb = sent.verb_above(c.head)
    return verb is not None and sent.toks[verb].text.lower() in lex.joining_verbs


def _other_side_in_sentence(g: Group, c: Candidate) -> bool:
    """Named as carried out by states none of whom carried out a member its sentence tells it answers or follows
    ("South Korea fired a missile in response to the North's launch"), in a group no member of which is named as theirs (the
    North's launch told before, the South's firing joined to it: "following the North's launch" is that one)."""
    if not (c.conducted_explicit and c.conducted_by):
        return False
    if any(m.conducted_explicit and set(m.conducted_by) & set(c.conducted_by) for m in g.members):
        return False
    return _other_side(Group([m for m in g.members if m.info is c.info and answers(c.info, m.head, c.head)]), c)


def mark_prior(found: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """An event told in a clause or phrase a [dating] prior marker opens came before the events of its
    type that the rest of its sentence reports ("the launch comes two days after it fired an ICBM",
    "held drills on Saturday, a day after its similar exercises"): it is marked ``earlier_than`` them,
    and counted back from their day when the clause counts days and it names no date of its own."""
    out = []
    for c in found:
        verb = prior_verb(c.info.sent, c.head, lex) if c.type in lex.prior_types else None
        clause = c.info.sent.subtree(verb) if verb is not None else set()
        later = [o for o in found if o is not c and o.type == c.type and clause and o.head not in clause]
        if not later:
            out.append(c)
            continue
        out.append(replace(c, earlier_than=tuple(o.head for o in later), date=_counted_back(c, verb, later, lex)))
    return out


def _counted_back(c: Candidate, verb: int, later: list[Candidate], lex: Lexicon) -> DateValue:
    """"conducted drills on Saturday, a day after ...": the day the clause counts back from its
    sentence's one dated event of its type; else the candidate's own date."""
    days = prior_days(c.info.sent, verb, lex)
    dated = {o.date.value for o in later if o.date.value and o.date.bound == "on" and o.date.precision == "day"}
    if c.date.value or days is None or len(dated) != 1:
        return c.date
    day = date.fromisoformat(dated.pop()) - timedelta(days=days)
    sent = c.info.sent
    span = sent.char_span({k.i for k in sent.kids(verb) if k.dep in ("mark", "npadvmod")} | {verb})
    return DateValue(day.isoformat(), "day", "relative", "on", Span(*span))


def _one_before_other(g: Group, c: Candidate) -> bool:
    """Told in one sentence, one before the other ("two days after"): two events."""
    at = c.info.sent.start
    return any(m.info.sent.start == at and (m.head in c.earlier_than or c.head in m.earlier_than) for m in g.members)


def _new_beside_prior(g: Group, c: Candidate) -> bool:
    """An undated report with an indefinite article ("coupled the detonation with a test of a short-range
    missile") and a group told only in clauses of earlier events of other sentences ("less than two months
    after it fired a rocket", ``mark_prior``): a new event, not that earlier one told again."""
    if c.date.value or not _indefinite(c):
        return False
    return all(m.earlier_than and m.info.sent.start != c.info.sent.start for m in g.members)


def _indefinite(c: Candidate) -> bool:
    """Is the cue noun, or the verb cue's object, introduced by "a"/"an"?"""
    sent = c.info.sent
    nouns = [c.head] if sent.toks[c.head].pos in ("NOUN", "PROPN") else [
        k.i for k in sent.kids(c.head) if k.dep in ("dobj", "nsubjpass")]
    return bool(nouns) and all(any(k.dep == "det" and k.lemma.lower() in ("a", "an") for k in sent.kids(n))
                               for n in nouns)


def _time_tokens(c: Candidate, types: tuple[str, ...] = ("DATE",)) -> list:
    """The tokens of the time entities (of ``types``) in the clause reporting the candidate or in its
    cue's own phrase, where the time tells when rather than describing a thing ("the 1953 armistice")."""
    start, end = c.evidence
    sent = c.info.sent
    own = sent.subtree(c.head, frozenset({"conj", "cc"})) | c.scope
    tok = sent.toks[c.head]
    if tok.dep == "amod":   # "test-fired cruise missiles in January" parsed as a participle on the noun
        own |= sent.subtree(tok.head, frozenset({"conj", "cc", "relcl", "acl"}))
    picked = {t.i for t in sent.toks if t.ent in types and (start <= t.start < end or t.i in own)}
    for i in sorted(picked):   # the whole expression: "between early January and Friday" is one time
        j = i + 1
        while j < len(sent.toks) and sent.toks[j].ent in types:
            picked.add(j)
            j += 1
    return [sent.toks[i] for i in sorted(picked) if not _describes(sent, i)]


def _time_names(c: Candidate) -> frozenset[str]:
    """The names and numbers of the times the clause reporting the candidate (or its cue's own
    phrase) gives ("fired on Thursday", "launched on April 13", "in January"), lower-cased: the words
    of its DATE entities the tagger marks as proper nouns or numerals."""
    return frozenset(t.text.lower().rstrip(".") for t in _time_tokens(c) if t.tag in ("NNP", "CD"))


_RANGE_ENDS = ("and", "to", "through", "until", "till", "-")


def _time_keys(c: Candidate, lex: Lexicon) -> frozenset[tuple]:
    """What the candidate's time expressions say whatever the publication day: the weekdays and months
    they name, their times relative to the publication day ([dating] relative_times: "last month" ->
    ("month", -1)), ("past",) for a month named as the last one of its name ("last June": a month or more
    before publication), and ("range",) for a span from one named time to another ("between late February
    and Sunday", "from March to May")."""
    toks = _after_no_span(c, _time_tokens(c, ("DATE", "TIME")), lex)
    words = [t.text.lower().rstrip(".") for t in toks]
    keys: set[tuple] = {("weekday", w) for w in words if w in WEEKDAY_NAMES}
    months = [(n, m) for n, (w, t) in enumerate(zip(words, toks)) for m in MONTH_NAMES   # "Sept.", not the verb "may"
              if len(w) >= 3 and m.startswith(w) and (w != "may" or t.tag == "NNP")]
    keys |= {("month", m) for _, m in months}
    if any(n > 0 and words[n - 1] == "last" for n, _ in months):
        keys.add(("past",))
    text = " " + " ".join(words) + " "
    keys |= {("rel",) + step for phrase, step in lex.relative_times.items() if f" {phrase} " in text}
    if len([k for k in keys if k[0] in ("weekday", "month")]) > 1 and _spans(c, {t.i for t in toks}, lex):
        keys.add(("range",))
    return frozenset(keys)


def _after_no_span(c: Candidate, toks: list, lex: Lexicon) -> list:
    """The time tokens without the expressions a span marker opens ("since last month", "two days
    after", "over the past week"): they bound the event, they do not say when it was. A range word
    ("from March to May") opens a range instead (``_spans``)."""
    sent, at = c.info.sent, {t.i for t in toks}
    markers = lex.span_markers - lex.enumeration.get("range_words", frozenset())

    def opened(i: int) -> bool:
        while i - 1 in at:
            i -= 1
        before = [sent.toks[j].text.lower() for j in range(max(0, i - 2), i)]
        return bool(before) and (before[-1] in markers or " ".join(before) in markers)
    return [t for t in toks if not opened(t.i)]


def _spans(c: Candidate, times: set[int], lex: Lexicon) -> bool:
    """Do the time tokens hold a span: a range word, a time, a range end, a time ("between late February
    and Sunday", "from March to May")?"""
    toks = c.info.sent.toks
    ranges = lex.enumeration.get("range_words", frozenset())
    for i in times | {i - 1 for i in times}:
        if i < 0 or toks[i].text.lower() not in ranges:
            continue
        j, ended = i + 1, False
        while j < len(toks) and (j in times or toks[j].text.lower() in _RANGE_ENDS):
            ended = ended or (toks[j].text.lower() in _RANGE_ENDS and j + 1 in times)
            j += 1
        if ended:
            return True
    return False


_RECENT = {("rel", "day", 0), ("rel", "day", -1), ("rel", "week", 0)}


def _recent(keys: frozenset[tuple]) -> bool:
    """A weekday, today, yesterday or this week: a time within days of publication."""
    return any(k[0] == "weekday" or k in _RECENT for k in keys)


def _past_period(keys: frozenset[tuple]) -> bool:
    """Last month, last year, last June: a period that ended before the recent days."""
    return any((k[0] == "rel" and k[1] in ("month", "year") and k[2] < 0) or k == ("past",) for k in keys)


def _times_exclusive(a: frozenset[tuple], b: frozenset[tuple]) -> bool:
    """Can the two sets of time keys never name the same time, whatever the publication day?"""
    if not a or not b:
        return False
    if (("range",) in a) != (("range",) in b):
        return True   # a span of times and one time in it: a total and one of its events
    if ("range",) not in a:
        for kind in ("weekday", "month"):
            na, nb = {k for k in a if k[0] == kind}, {k for k in b if k[0] == kind}
            if na and nb and not na & nb:
                return True
    ra, rb = {k[1:] for k in a if k[0] == "rel"}, {k[1:] for k in b if k[0] == "rel"}
    if any(ua == ub and sa != sb for ua, sa in ra for ub, sb in rb):
        return True   # "this week" / "last week"
    return _recent_and_past(a, b)


def _recent_and_past(a: frozenset[tuple], b: frozenset[tuple]) -> bool:
    """One a time within days of publication, the other a past month or year."""
    return (_recent(a) and _past_period(b)) or (_recent(b) and _past_period(a))


def _describes(sent, i: int) -> bool:
    """Is the date a modifier of a noun that is not itself a date ("the 1953 armistice", "the 2018
    summit")?"""
    while sent.toks[i].head != i and sent.toks[sent.toks[i].head].ent in ("DATE", "TIME"):   # "Monday morning"
        i = sent.toks[i].head
    return sent.toks[i].dep in _NOUN_MODIFIERS


def _since_names(c: Candidate, lex: Lexicon) -> frozenset[str]:
    """The names and numbers of the time a [dating] since_preps word opens on the cue noun or on the verb it
    completes ("its first parade since February", "the launch was the first since November"), lower-cased."""
    sent = c.info.sent
    tok = sent.toks[c.head]
    preps = [k.i for i in {c.head, tok.head} for k in sent.kids(i) if k.dep == "prep" and k.text.lower() in lex.since_preps]
    return _names_in(sent, set().union(set(), *(sent.subtree(i) for i in preps)))


def _names_in(sent, toks: set[int]) -> frozenset[str]:
    return frozenset(sent.toks[i].text.lower().rstrip(".") for i in toks
                     if sent.toks[i].ent == "DATE" and sent.toks[i].tag in ("NNP", "CD"))


def _own_time_names(c: Candidate, lex: Lexicon) -> frozenset[str]:
    """``_time_names`` without the times a since_preps word opens anywhere in the sentence."""
    sent = c.info.sent
    opened = set().union(set(), *(sent.subtree(t.i) for t in sent.toks
                                  if t.dep == "prep" and t.text.lower() in lex.since_preps))
    return _names_in(sent, {t.i for t in _time_tokens(c)} - opened)


def _since_other(g: Group, c: Candidate, lex: Lexicon) -> bool:
    """Neither dated, one told as the first since a time, the other told at that time ("its first parade since
    February" / "at a parade in February"): two events. (Dated, their dates tell them apart.)"""
    if c.date.value or g.date.value:
        return False

    def apart(a: Candidate, b: Candidate) -> bool:
        since = _since_names(a, lex)
        return bool(since) and bool(since & _own_time_names(b, lex))
    return any(apart(c, m) or apart(m, c) for m in g.members)


def _after_its_event(g: Group, c: Candidate, lex: Lexicon) -> bool:
    """One told as done after what another's cue names ("He met Putin after the parade" / "attended the
    parade"; [dating] prior_markers): two events, one after the other. (A bare noun there names a stage of
    the event told: "crashed minutes after launch".)"""
    def after(a: Candidate) -> set[str]:
        sent = a.info.sent
        return {o.lemma.lower() for k in sent.kids(a.head) if k.dep == "prep" and k.text.lower() in lex.prior_markers
                and determined(sent, k.i) for o in sent.kids(k.i) if o.dep == "pobj"}

    def cue(a: Candidate) -> str:
        return a.info.sent.toks[a.head].lemma.lower()
    return any(cue(m) in after(c) or cue(c) in after(m) for m in g.members)


def _told_apart_by_time(g: Group, c: Candidate, lex: Lexicon) -> bool:
    """Of a type whose events take one day ([dating] one_day_types), neither dated, each told with
    a time of its own, no word in common ("fired a missile on Thursday" /
    "test-fired an ICBM on April 13" in a text whose publication day is unknown; "on March 2" / "on
    March 21": other days of one month, ``_other_days``), or times that cannot
    be the same (``_times_exclusive``): two events. Of the other types that tell the news apart from
    earlier events ([dating] background_types), a recent time and a past month or year ("met Lavrov on
    Thursday" / "met Xi last month") are two events too."""
    if c.date.value or g.date.value:
        return False
    keys = _time_keys(c, lex)
    if c.type not in lex.one_day_types:
        return c.type in lex.background_types and any(_recent_and_past(keys, _time_keys(m, lex)) for m in g.members)
    mine = _own_time_names(c, lex)   # not the time a "since" opens: "the first launches since September"
    days = _own_days(c)
    return any(((theirs := _own_time_names(m, lex)) and mine and not theirs & mine)
               or _other_days(days, _own_days(m)) or _times_exclusive(keys, _time_keys(m, lex)) for m in g.members)


def _own_days(c: Candidate) -> frozenset[str]:
    """The days of the month the candidate's times name by number ("on March 2" -> "2"), without those of
    a reporting verb above its cue ("on September 13, state media announced the test": the report's day)."""
    sent = c.info.sent
    reporting = {c.info.head_of(h) for h in c.info.reporting}
    return frozenset(t.text for t in _time_tokens(c) if t.text.isdigit() and 0 < int(t.text) <= 31
                     and not ((v := sent.verb_above(t.i)) is not None and v != c.head and v in reporting))


def _other_days(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do both name days of the month by number, none the same ("on March 2" / "on March 21", whatever
    month or year they share)?"""
    return bool(a and b and not a & b)


_OBJECT_DEPS = ("dobj", "xcomp", "nsubjpass", "attr")


def _told_earlier(c: Candidate, lex: Lexicon) -> bool:
    """Is the candidate told as another event than the news: in a clause that tells what came a measured time
    before the rest of its sentence (``events.prior_clause``), an [dating] earlier adverb on its cue or on
    the verb it is the object or complement of ("had earlier met", "Earlier, ... conducted joint drills",
    "last tried to jam"), or an other-event word on its cue noun ("a similar drill", "another meeting"), or on
    the noun its participle describes ("a similar engine tested in September", "an earlier missile launched"), or
    one of [dating] participants_other_words on its cue noun or on its verb cue's subject or object ("another soldier
    walked across the border", "sent such balloons"), or a time told as earlier that owns the noun ("during last
    year's Freedom Shield", "last month's launch")?"""
    sent = c.info.sent
    if prior_clause(sent, c.head, lex) is not None:
        return True   # "the drill came a month after the allies flew bombers in a joint exercise on February 12"
    # the cue noun, or the noun a participle cue describes ("a similar engine tested in September")
    nouns = {c.head} | ({sent.toks[c.head].head} if c.participle or sent.toks[c.head].dep == "acl" else set())
    participants = [p.i for p in sent.kids(c.head) if p.dep in ("nsubj", "nsubjpass", "dobj")] if c.verbal else [c.head]
    marked = [(n, lex.other_event_words) for n in nouns] + [(p, lex.participants_other_words) for p in participants]
    if any(k.dep in ("amod", "det", "predet") and k.text.lower() in words for n, words in marked for k in sent.kids(n)):
        return True
    if _earlier_owner(c, lex):
        return True
    i = c.head
    for _ in range(3):
        if any(k.dep == "advmod" and k.text.lower() in lex.earlier_adverbs for k in sent.kids(i)):
            return True
        tok = sent.toks[i]
        if tok.dep not in _OBJECT_DEPS or tok.head == i:
            return False
        i = tok.head
    return False


def _earlier_owner(c: Candidate, lex: Lexicon) -> frozenset[str]:
    """The words of a time told as earlier that owns the cue noun or the noun it names ("during last year's Freedom
    Shield exercise", "last month's launch"), lower-cased; empty when there is none."""
    sent = c.info.sent
    for k in (k for n in {c.head, sent.climb(c.head, COMPOUND)} for k in sent.kids(n)):
        words = frozenset(sent.toks[w].text.lower() for w in sent.subtree(k.i))
        if k.dep == "poss" and k.ent == "DATE" and words & lex.other_event_words:
            return words
    return frozenset()


def _recalled_apart(g: Group, c: Candidate, lex: Lexicon, published: date | None) -> bool:
    """In a text whose publication day is unknown, neither dated, one of them told as earlier than the
    news (``_told_earlier``) with a time of its own that the other side does not name ("Kim met Putin
    in Vladivostok" / "Kim had earlier met Putin in September"; "a soldier defected on Sunday" / "In August,
    another soldier walked across the border"): two events, of any type. (Where the day is
    known, the dates the times resolve to tell them apart.) Not within one sentence: "its previous test took
    place on October 22, when two missiles were launched" tells the earlier event and what it was."""
    if published is not None or c.date.value or g.date.value:
        return False
    if any(m.info.sent.start == c.info.sent.start for m in g.members):
        return False

    def apart(a: Candidate, others: list[Candidate]) -> bool:
        mine = _time_names(a) or _earlier_owner(a, lex)
        return bool(mine) and _told_earlier(a, lex) and not any(_time_names(o) & mine for o in others)
    return apart(c, g.members) or any(apart(m, [c]) for m in g.members)


def _earlier_beside_news(g: Group, c: Candidate, lex: Lexicon, published: date | None) -> bool:
    """In a text whose publication day is known, an undated report told as earlier than the news
    (``_told_earlier``: "Previously, Pyongyang deployed 12,000 troops", "had previously deployed officers")
    and a group dated as the news (its day, or the day its source reported it, within days of publication):
    two events, not the news told again. (Undated texts: ``_recalled_apart``; one sentence: ``mark_prior``.)"""
    if published is None or c.date.value or any(m.info.sent.start == c.info.sent.start for m in g.members):
        return False
    news = any(m.date.value and not is_background(m.date, published, lex.background_days) and not m.anaphoric
               for m in g.members)
    # told a measured time before its sentence's news ("it comes 40 days after another soldier crossed"), it is
    # no undated report of the group, told as that news, either
    measured = prior_clause(c.info.sent, c.head, lex) is not None and any(
        not m.date.value and not m.anaphoric and not _told_earlier(m, lex) and earlier_clause(m.info, m.head) is None
        for m in g.members)
    return (news or measured) and _told_earlier(c, lex)


def _earlier_in_sentence(g: Group, c: Candidate) -> bool:
    """One told in a clause or phrase of its sentence that tells what came before the rest of it
    (``events.earlier_clause``: "the launch comes two days after North Korea fired an ICBM", "the first meeting
    since Pompeo visited the North"; a phrase only with a time of its own: "the first test since the launch of a
    Hwasong-17 in March"), the other in that rest: two events, dated or not (not an incident and
    the response to it: "fired warning shots after soldiers crossed the line", ``_one_incident``)."""
    def outside(a: Candidate, b: Candidate) -> bool:
        sent = a.info.sent
        opened = earlier_clause(a.info, a.head)
        if opened is None:
            return False
        inside = sent.subtree(opened)
        # (a previous event recalled by "the first shooting since 1984" is told in the phrase: its evidence)
        if b.head in inside or (b.recap and set(sent.tokens_in(*b.evidence)) <= inside):
            return False
        # the other told in the clause the phrase tells the time of, or one that clause hangs in, not in another
        # clause of the sentence ("did not confirm how many missiles were tested but said it tracked missiles
        # after they were launched")
        if not _within_clause(sent, sent.verb_above(sent.toks[opened].head), sent.verb_above(b.head)):
            return False
        # a phrase without a time of its own may name the event told ("debris found shortly after its launch")
        return sent.toks[opened].dep != "prep" or any(sent.toks[i].ent == "DATE" for i in sent.subtree(opened))
    # (both dated, their dates tell them apart or not: "supervised a launch test earlier this month, after the
    # DPRK fired four missiles on March 6" is one launch told loosely)
    return any(m.info is c.info and m.head != c.head and not (m.date.value and c.date.value)
               and (outside(c, m) or outside(m, c)) for m in g.members)


def _within_clause(sent, verb: int | None, host: int | None) -> bool:
    """Is ``verb`` the clause verb ``host`` or in a clause that hangs under it, not through a coordinated,
    reported or loose clause ("the first test conducted since ..." under "would be")?"""
    if verb is None or host is None:
        return False
    for a in [verb] + sent.ancestors(verb):
        if a == host:
            return True
        if sent.toks[a].dep in ("conj", "ccomp", "parataxis"):
            return False
    return False


def _tally(c: Candidate, lex: Lexicon) -> bool:
    """A launch of many weapons dated by a year or more ("has fired more than 30 missiles this year"):
    the tally of many launches."""
    return c.type == "weapons_test" and (c.count or 0) >= lex.tally_min_count and c.date.precision == "year"


def _tally_and_one(g: Group, c: Candidate, lex: Lexicon) -> bool:
    """A tally of a year's launches and a launch dated to its month or day ("In January, it launched an
    ICBM"): one launch among many, not the tally told again (``_tally``)."""
    def one(m: Candidate) -> bool:
        return bool(m.date.value) and m.date.precision in ("day", "week", "month")
    if _tally(c, lex):
        return any(one(m) for m in g.members)
    return one(c) and any(_tally(m, lex) for m in g.members)


def _says_when(c: Candidate) -> bool:
    """Does the clause reporting the candidate name a time (a date the text cannot resolve)?"""
    start, end = c.evidence
    return any(t.ent in ("DATE", "TIME") and start <= t.start < end for t in c.info.sent.toks)


def _incident_kinds(c: Candidate, lex: Lexicon) -> tuple[str, ...]:
    return next((kinds for kinds in lex.incident_kinds if c.kind in kinds), ())


def _response(c: Candidate, lex: Lexicon) -> bool:
    """Is the candidate of a kind that answers another ([dating] incident_kinds: the warning shots, not the
    crossing)?"""
    return c.kind in _incident_kinds(c, lex)[1:]


def _one_incident(g: Group, c: Candidate, lex: Lexicon) -> bool:
    """An incident and the response to it, of kinds of one [dating] incident_kinds list ("fired warning shots
    after North Korean soldiers crossed the MDL", "a patrol boat crossed the NLL before the navy drove it away
    with warning shots", "scrambled fighter jets after drones violated its airspace"): one incident, whatever
    the kinds and the prior marker between them, when one sentence tells the candidate with a member of
    another kind of the list, or when the group already holds two of them and the candidate's kind is one."""
    kinds = {m.kind for m in g.members}
    family = _incident_kinds(c, lex)
    if not family or not kinds <= set(family) or kinds == {c.kind}:
        return False
    return c.kind in kinds or any(m.info is c.info and m.kind != c.kind and _linked(c.info.sent, m.head, c.head)
                                  for m in g.members)


def _linked(sent, a: int, b: int) -> bool:
    """Are the clauses of the two cues one clause, or joined by at most one adverbial clause ("fired warning
    shots after soldiers crossed", "crossed the line but retreated when troops fired warning shots", "drones
    crossed and the South responded by scrambling jets"; not "fired warning shots as soldiers approached the
    line after their comrade defected": an adverbial clause in another)?"""
    def chain(i: int) -> list[tuple[int, int]]:   # the verbs above the cue, each with the subordinate steps to it
        out, subs, v = [], 0, sent.verb_above(i)
        while v is not None:
            out.append((v, subs))
            above = sent.verb_above(sent.toks[v].head) if sent.toks[v].head != v else None
            subs += sent.toks[v].dep == "advcl"
            v = above
        return out
    up_b = dict(chain(b))
    return any(v in up_b and subs + up_b[v] <= 1 for v, subs in chain(a))


def compatible(g: Group, c: Candidate, lex: Lexicon, published: date | None = None) -> bool:
    """Whether ``c`` may join ``g``: of its type, and no rule of ``vetoes`` keeps it out."""
    return g.type == c.type and next(vetoes(g, c, lex, published), None) is None


def vetoes(g: Group, c: Candidate, lex: Lexicon, published: date | None = None) -> Iterator[str]:
    """The names of the rules that keep ``c`` (of ``g``'s type) out of ``g``, lazily, in the order they
    are read: ``compatible`` stops at the first; tools/train_merge_model.py reads them all."""
    one = _one_incident(g, c, lex)
    if _one_before_other(_own_kind(g, c) if one else g, c):
        yield "one_before_other"
    if _new_beside_prior(g, c):
        yield "new_beside_prior"
    if _other_ordinal(g, c):
        yield "other_ordinal"
    if _other_asset(g, c):
        yield "other_asset"
    if g.subject and c.subject and g.subject != c.subject:
        yield "other_subject"
    if c.kind and not one and any(m.kind and m.kind != c.kind for m in g.members):
        yield "other_kind"
    if c.phase and any(m.phase and m.phase != c.phase for m in g.members):
        yield "other_phase"  # the loudspeakers switched on are not the loudspeakers switched off
    if not all(_classes_compatible(m.weapon_class, c.weapon_class, lex) for m in g.members):
        yield "other_class"
    if c.reference and not _referent(g, c):
        yield "not_referent"
    if _fired_and_not(g, c, lex):
        yield "fired_and_not"
    if c.type in lex.sided_types and not (one and _response(c, lex)) and not _joins_told(c, lex) \
            and _other_side(_own_kind(g, c) if one else g, c):
        yield "other_side"  # the North's drones and the South's aircraft; North Korea's flight and the allies' drills
    if c.type in lex.sentence_sided_types and _other_side_in_sentence(g, c):
        yield "other_side_in_sentence"  # the South's missile fired in response to the North's launch
    if c.kind in lex.repeated_kinds and c.date.value and not g.date.value:
        yield "repeated_dated"  # strikes of a war: "struck on Dec. 30" is not the undated salvos told before
    if not _weapons_compatible(g.weapon, c.weapon):
        yield "other_weapon"
    if not all(_dates_compatible(m.date, c.date, lex.report_window_days) for m in g.members):
        yield "other_date"
    if _news_and_background(g, c, published, lex):
        yield "news_and_background"
    if _tally_and_one(g, c, lex):
        yield "tally_and_one"
    if _told_apart_by_time(g, c, lex):
        yield "told_apart_by_time"
    if _since_other(g, c, lex):
        yield "since_other"
    if _after_its_event(g, c, lex):
        yield "after_its_event"
    if _recalled_apart(g, c, lex, published):
        yield "recalled_apart"
    if _earlier_beside_news(g, c, lex, published):
        yield "earlier_beside_news"
    if not one and _earlier_in_sentence(g, c):
        yield "earlier_in_sentence"
    if (c.recap or any(m.recap for m in g.members)) and not (c.date.value and g.date.value):
        yield "recap_undated"  # an event recalled by its date is only the one its date matches
    gp, cp = g.place, c.place
    if gp and cp and gp.precision == cp.precision and gp.precision in ("site", "sea") and gp.name != cp.name \
            and not {gp.name, cp.name} & lex.spanning_waters:
        yield "other_place"
    if c.type == "diplomatic_engagement":
        yield from _other_meeting(g, c)


def _other_meeting(g: Group, c: Candidate) -> Iterator[str]:
    gpeople = set().union(*(_foreign_people(m) for m in g.members))
    cpeople = _foreign_people(c)
    if gpeople and cpeople and not gpeople & cpeople:
        yield "other_people"
    if gpeople and _also_someone_else(g, c):   # "met President Khurelsukh ...; Pak also met his counterpart"
        yield "also_someone_else"
    if c.apart or any(m.apart for m in g.members):   # "his talks with Kim followed a meeting with Choe"
        gnamed = set().union(*(_named_people(m) for m in g.members))
        cnamed = _named_people(c)
        if gnamed and cnamed and not gnamed & cnamed:
            yield "named_apart"
    # Kim's trip to China is not his talks with the United States: the foreign sides differ
    gsides = set().union(*(set(m.conducted_by) for m in g.members)) - {HOME}
    csides = set(c.conducted_by) - {HOME}
    if gsides and csides and not gsides & csides:
        yield "other_sides"


def same_firing(cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """An artillery firing told without its place ("North Korea fired about 200 artillery", "the
    recent artillery firing follows ...") in a document that tells artillery fire of the same state as
    a border incident ([[retype]] entries with `cues`) on a compatible day: that incident, not a weapons
    test, told again (``anaphoric``: it never founds an event nor gives its evidence)."""
    return [c if (r := _incident_firing(c, cands, lex)) is None
            else replace(c, type=r.type, kind=r.kind, anaphoric=True)   # it joins the incident, never founds one
            for c in cands]


def _incident_firing(c: Candidate, cands: list[Candidate], lex: Lexicon):
    if c.type != "weapons_test" or c.weapon_class is None or not c.cue.isalpha():
        return None   # "test-fired a new artillery system": a test
    if c.date.value is None and _says_when(c):
        return None   # "fired artillery rockets earlier this week" / "last month": a firing of its own
    tok = c.info.sent.toks[c.head]
    for r in lex.retypes:
        if r.source != c.type or not r.cues or c.weapon_class not in r.classes:
            continue
        forms = set(r.cues) | {(w[:-1] if w.endswith("e") else w) + "ing" for w in r.cues}   # fire, firing
        if tok.lemma.lower() not in forms and tok.text.lower() not in forms:
            continue
        if any(o is not c and o.type == r.type and o.kind == r.kind and o.weapon_class == c.weapon_class
               and set(o.conducted_by) & set(c.conducted_by) and not o.anaphoric
               and not (c.date.value and not o.date.value)   # a dated firing is no undated incident
               and _dates_compatible(o.date, c.date, lex.report_window_days) for o in cands):
            return r
    return None


def merge(cands: list[Candidate], lex: Lexicon, published: date | None = None) -> list[Group]:
    groups: list[Group] = []
    answered = frozenset(kinds[0] for kinds in lex.incident_kinds)
    # of a sentence's incident and the response to it, the incident first: the response joins the group it joined
    for c in sorted(cands, key=lambda c: (c.info.sent.start, _response(c, lex), c.head)):
        fits = [g for g in groups if compatible(g, c, lex, published)]
        if fits:
            # the group reported in the same sentence, else the one reported last (the referent of
            # "the test" is the launch just mentioned)
            at = c.info.sent.start
            best = max(fits, key=lambda g: (any(m.info.sent.start == at for m in g.members),
                                            max(m.info.sent.start for m in g.members)))
            best.members.append(c)
        elif not c.anaphoric:
            groups.append(Group([c], sides=c.type in lex.conductor_all_named,
                                doers=lex.conduct_verbs if c.type in lex.conduct_verb_types else frozenset(),
                                answered=answered, prompts=lex.control_verbs))
    groups = _distinct_evidence(_responses_join(_absorbed(groups, lex), lex))
    _rounds_inherit(groups)
    _counted_back_across(groups, lex)
    return groups


def _subject_types(info, verb: int) -> set[str]:
    """The event types of the cue the definite subject of ``verb`` is ("the drills came ...", "the summit
    was held ...")."""
    sent = info.sent
    subj = next((k.i for k in sent.kids(verb) if k.dep in ("nsubj", "nsubjpass")), None)
    if subj is None or not any(k.dep == "det" and k.lemma.lower() in ("the", "this", "that") for k in sent.kids(subj)):
        return set()
    return {c.type for hit in info.cues if info.head_of(hit) == subj for c in hit.values}


def _counted_back_across(groups: list[Group], lex: Lexicon) -> None:
    """An undated event told in a clause counting days back from another event of its sentence, whatever
    that event's type ("the drills came two days after the North launched a missile", "the launch came a
    day after the allies wrapped up their drills", "the test came three days after Kim met Putin"): the
    day of the group of that other event (told with its day anywhere in the document) minus those days."""
    for g in groups:
        if g.date.value or g.type not in lex.prior_types:
            continue
        for m in g.members:
            sent = m.info.sent
            verb = prior_verb(sent, m.head, lex)
            days = prior_days(sent, verb, lex) if verb is not None else None
            if days is None:
                continue
            clause = sent.subtree(verb)
            dated = [h for h in groups if h is not g and h.date.bound == "on" and h.date.precision == "day"]
            hosts = {h.date.value for h in dated if any(n.info is m.info and n.head not in clause for n in h.members)}
            if not hosts:   # "the drills came two days after ...": the event its subject names, told last before
                told = [h for h in dated if h.type in _subject_types(m.info, sent.toks[verb].head)
                        and min(n.info.sent.start for n in h.members) < sent.start]
                last = max(told, key=lambda h: max(n.info.sent.start for n in h.members if n.info.sent.start < sent.start),
                           default=None)
                hosts = {last.date.value} if last else set()
            if len(hosts) == 1:
                day = date.fromisoformat(hosts.pop()) - timedelta(days=days)
                span = sent.char_span({k.i for k in sent.kids(verb) if k.dep in ("mark", "npadvmod")} | {verb})
                m.date = DateValue(day.isoformat(), "day", "relative", "on", Span(*span))
                break


def _absorbed(groups: list[Group], lex: Lexicon) -> list[Group]:
    """Events told as parts of another ([[absorb]]: the boat that crossed and the shots of a naval battle,
    the warning shots and jets scrambled against drones) joined to it as restatements: the event of the
    host kind of a side in common reported on the same day, or, for a part with no day, the one reported
    last before it."""
    for a in lex.absorbs:
        for g in [g for g in groups if g.type == a.source]:
            if not all(m.kind in a.kinds for m in g.members) \
                    or not any(m.info.context(r) for m in g.members for r in a.requires):
                continue
            host = _host(g, [h for h in groups if h is not g and h.type == a.type
                             and any(m.kind == a.kind for m in h.members)])
            if host is not None:
                host.members += [replace(m, type=a.type, kind=a.kind, anaphoric=True) for m in g.members]
                groups = [o for o in groups if o is not g]
    return groups


def _host(g: Group, hosts: list[Group]) -> Group | None:
    sides = set(g.conducted_by)
    hosts = [h for h in hosts if not sides or not h.conducted_by or sides & set(h.conducted_by)]
    same_day = [h for h in hosts if h.date.value == g.date.value]
    if g.date.value is not None or not hosts:
        return same_day[0] if same_day else None
    at = min(m.info.sent.start for m in g.members)
    before = [h for h in hosts if min(m.info.sent.start for m in h.members) < at]
    return max(before, key=lambda h: min(m.info.sent.start for m in h.members), default=None) \
        or (same_day[0] if same_day else None)


def _responses_join(groups: list[Group], lex: Lexicon) -> list[Group]:
    """A group that tells a response alone (a headline, "South Korea fires warning shots"; "the jets scrambled
    on Monday") joins the first told incident of the document that holds such a response with what it
    answered ([dating] incident_kinds), when their dates agree; not one told as earlier than the news ("the last
    exchange of gunfire occurred in May 2020": ``_told_earlier``)."""
    out: list[Group] = []
    for g in groups:
        family = _incident_kinds(g.members[0], lex)
        kinds = {m.kind for m in g.members}
        if family and kinds <= set(family[1:]) and not any(_told_earlier(m, lex) for m in g.members):
            paired = [o for o in groups if o is not g and o.type == g.type and family[0] in (ok := {m.kind for m in o.members})
                      and kinds & ok]
            paired = [o for o in paired if all(_dates_compatible(m.date, n.date, lex.report_window_days)
                                               for m in g.members for n in o.members)]
            if paired:   # the first told
                min(paired, key=lambda o: min(m.info.sent.start for m in o.members)).members += g.members
                continue
        out.append(g)
    return out


def _rounds_inherit(groups: list[Group]) -> None:
    """An earlier round recalled by its date ("the third edition of the joint exercise, with earlier
    rounds held in June and November") was held by the sides of the event whose rounds it counts:
    the group that holds the same cue as a report of the event itself, else the event of that type
    reported last before it."""
    for g in groups:
        if not any(m.recap for m in g.members) or g.conducted_by:
            continue
        cues = {(m.info.sent.start, m.head) for m in g.members}
        at = min(m.info.sent.start for m in g.members)
        current = [o for o in groups if o is not g and o.type == g.type and not any(m.recap for m in o.members)]
        owner = next((o for o in current if any((m.info.sent.start, m.head) in cues for m in o.members)), None)
        if owner is None:
            before = [o for o in current if min(m.info.sent.start for m in o.members) <= at]
            owner = max(before, key=lambda o: max(m.info.sent.start for m in o.members if m.info.sent.start <= at),
                        default=None)
        if owner is not None:
            g.inherited = tuple(owner.conducted_by)
