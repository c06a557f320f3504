"""Event candidates of one sentence: cue words of the nine types (data/event_cues.toml) that have the
context their type requires, with their arguments (weapon, place, actors, sources) and modality.

A cue counts only as the head of its phrase: a noun cue used as a modifier ("launch pad", "attack
forces"), a noun cue tagged as an adjective ("offensive weapons") or a past participle describing a
noun ("US troops stationed in South Korea") is not an event. A definite launch or test with no weapon
named ("it detected the launch") is kept as an anaphoric candidate: it can only join an event
reported before it. A verb the parser glued into the weapon's noun phrase ("North Korea test-fired new
cruise missiles", a headline's "N. Korea fires missile") is still the verb; a relative clause whose
object is the weapon ("the KN-23, which it tested in 2019") and a free relative as the object
("launched what appeared to be a ballistic missile") give the cue its weapon; a projectile that flew,
landed or crashed was launched ("the missile flew": of a launch told before)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial

from ..dates import MONTH_NAMES, WEEKDAY_NAMES
from ..models import DateValue, Place, UNKNOWN_DATE
from .attribution import Attribution
from .conductors import Conductors, act_noun, agent_states, by_phrase, conductors, conjoined, guest_abroad, pronoun_states
from .lexicon import Cue, Lexicon
from .numbers import ordinal_modifier, parse_number
from .modality import awaited, going_on, modality, scheduled
from .phrases import Hit
from .places import at_test_site, place_arg
from .records import COMPOUND, CONJ
from .sentinfo import CLAUSE_DEPS, SentInfo
from .weapons import NOT_FIRED, has_weapon, weapon_arg

_VERBAL = ("VERB", "AUX")
HOME = "North Korea"   # whose persons are no foreign side of a meeting
_NOMINAL = ("NOUN", "PROPN")
_MODIFIER_DEPS = ("compound", "amod", "nmod")
# requirements met only in the cue's own clause, outside its active subject
_OBJECT_CONTEXTS = frozenset({"troops", "arms", "heavy_arms", "barrier", "border_structure", "gps", "victim", "other_side",
                              "fishing_boat"})
_OTHER_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc"})


@dataclass
class Candidate:
    """One event reported by one sentence, before within-document merging."""
    type: str
    info: SentInfo
    head: int                       # cue head token (sentence index)
    cue: str                        # the cue text
    verbal: bool
    modality: str
    scope: set[int]
    weapon: str | None = None
    weapon_class: str | None = None
    count: int | None = None
    place: Place | None = None
    actors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    date: DateValue = UNKNOWN_DATE
    subject: str | None = None
    conducted_by: tuple[str, ...] = ()  # the state(s) whose forces did it (nlp.conductors)
    conducted_explicit: bool = False    # named as the agent, not inferred
    kind: str | None = None         # kind of event within the type (data: cue `kind`)
    anaphoric: bool = False         # refers to an event reported before; never founds a mention
    count_article: bool = False     # count 1 read from an indefinite article, weaker than a numeral
    participle: bool = False        # a participle on the weapon noun ("the missile fired on Monday")
    reference: str | None = None    # no cue: a weapon noun or a test's trace referring back (``references``)
    recap: bool = False             # an earlier event recalled by its own date (``enumerations``)
    span: tuple[int, int] | None = None  # its own part of a clause that reports several events
    apart: bool = False             # one of two meetings its sentence reports apart (``_another_meeting``, ``own_dated``)
    phase: str | None = None        # for kinds switched on and off: on | off | removal (data: [phases])
    earlier_than: tuple[int, ...] = ()  # heads of its sentence's events of its type it came before (``merge.mark_prior``)
    joined: bool = False            # requires what it acts on (troops, arms): its evidence holds the coordinated nouns
    kin: bool = False               # "another launch", "a similar test": one more of the kind told (``_kin``)
    timed: bool = False             # told apart by its own clause's time from its sentence's first of its kind (``_timed_apart``)

    @property
    def evidence(self) -> tuple[int, int]:
        """The clause reporting the event: the nearest verb governing the cue with its arguments,
        without the other clauses hanging from it (relative, adverbial, coordinated); for a noun cue
        the verb reaches through a phrase of time or response ("in retaliation for a mine blast"),
        the noun's own phrase without its relative clauses. A phrase of response on the clause tells
        the event it answers, not this one: it stays out ("resumed broadcasts in response to a mine blast")."""
        if self.span is not None:
            return self.span
        sent = self.info.sent
        if not self.verbal and not self.participle and _apart(self.info, self.head):
            # the noun's own phrase, not what a relative clause in it says of its place or weapon
            return sent.char_span(sent.subtree(self.head, frozenset({"conj", "cc", "relcl"})))
        # a participle on a weapon noun reports through the clause of that noun
        start = sent.toks[self.head].head if self.participle else self.head
        verb = next((a for a in [start] + sent.ancestors(start)
                     if sent.toks[a].pos in _VERBAL or sent.toks[a].tag.startswith("VB")), None)
        if verb is None:
            return sent.start, sent.end
        on_path = {self.head, start, *sent.ancestors(start)}
        idx, stack = set(), [verb]
        while stack:
            k = stack.pop()
            idx.add(k)
            # for a cue that requires what it sends, the nouns coordinated with it are part of the report
            # ("sent troops and weapons"); clauses are not
            stack += [c.i for c in sent.kids(k) if c.i in on_path
                      or (c.dep not in _OTHER_CLAUSES and not (c.dep == "punct" and k == verb)
                          and not response_phrase(self.info, c.i))
                      or (self.joined and c.dep in ("conj", "cc") and k != verb and sent.toks[k].pos in _NOMINAL)]
        # the clause ends where a phrase of response after the cue begins: what follows tells of what it
        # answers ("resumed broadcasts in response to a mine blast, allegedly by the North's soldiers")
        cut = min((c.i for k in idx for c in sent.kids(k) if c.i > self.head and c.i not in on_path
                   and response_phrase(self.info, c.i)), default=len(sent.toks))
        # a comma hanging from the object would stretch the span over the clause left out before it
        # ("captured two soldiers fighting alongside Russian troops, Kyiv said": not the fighting)
        return sent.char_span({i for i in idx if sent.toks[i].dep != "punct" and i < cut} | {self.head})


def dated_phrase(c: Candidate) -> tuple[int, int] | None:
    """A noun cue's own phrase when it is coordinated with what comes before it and holds a date of its own ("its
    fourth nuclear test in January and long-range rocket launch in February", "January" read by the parser as a
    modifier of "launch"; not "captured during an offensive launched in August": a part of it): its words without
    what is coordinated with it, its relative clauses and a noun before it hung on it from the phrase before."""
    sent = c.info.sent
    skip = frozenset({"conj", "cc", "relcl", "punct"})
    words = {i for k in sent.kids(c.head) if not (k.dep == "nmod" and k.i < c.head) and k.dep not in skip
             for i in sent.subtree(k.i, skip)} | {c.head}
    after = max(words) + 1   # "launch in October" with "in October" hung on the verb: the date right after it
    if after < len(sent.toks) and sent.toks[after].dep == "prep":
        date = sent.subtree(after, skip) - {after}
        words |= {after, *date} if date and all(_dated(sent.toks[i]) for i in date) else set()
    opens = min(words) - 1   # coordinated with what comes before it ("... in January and <it>"), not a phrase
    coordinated = opens >= 0 and (sent.toks[opens].dep == "cc" or sent.toks[opens].text.lower() in ("and", "or"))
    return sent.char_span(words) if coordinated and any(_dated(sent.toks[i]) for i in words) else None


def response_phrase(info: SentInfo, i: int) -> bool:
    """Is token ``i`` a preposition opening a phrase of response ("in response to", "in retaliation for")?"""
    sent = info.sent
    return sent.toks[i].dep == "prep" and any(
        g.dep == "pobj" and g.lemma.lower() in info.lex.response_nouns for g in sent.kids(i))


def prior_clause(sent, head: int, lex: Lexicon) -> set[int] | None:
    """The tokens of the clause that holds the cue at ``head`` when a [dating] prior marker opens it and
    a unit of time measures it ("two days after it fired", "a day after the drills prompted") or a [dating]
    prior_heads verb governs it ("the launch came after it test-fired"), if any."""
    verb = prior_verb(sent, head, lex)
    return None if verb is None else sent.subtree(verb)


def prior_verb(sent, head: int, lex: Lexicon) -> int | None:
    """The verb of that clause (``prior_clause``), when the cue is that clause's own event: its verb, or
    its subject or object ("a day after the North's drills prompted ...", "after Seoul reported the
    North's launch") or the clause it reports ("three months after Pyongyang said it had test-fired an
    ICBM"), not a noun further down ("a day after it voiced opposition to the drills")."""
    tok = sent.toks[head]
    for a in [head] + sent.ancestors(head):
        if sent.toks[a].dep == "advcl" and (_prior_measure(sent, a, lex) is not None or _prior_head(sent, a, lex)):
            own = a == head or (tok.head == a and tok.dep in ("nsubj", "nsubjpass", "dobj", "ccomp"))
            return a if own else None
    return None


def _prior_measure(sent, verb: int, lex: Lexicon):
    """The unit of time ("days" of "two days after") measuring the clause of ``verb`` that a prior marker opens."""
    kids = sent.kids(verb)
    marks = [k for k in kids if k.dep == "mark" and k.text.lower() in lex.prior_markers]
    if not marks:
        return None
    return next((k for k in kids + sent.kids(marks[0].i)
                 if k.dep == "npadvmod" and k.lemma.lower() in lex.prior_units), None)


def _prior_head(sent, verb: int, lex: Lexicon) -> bool:
    """Does a [dating] prior marker open the clause of ``verb`` that hangs on a prior_heads verb ("the test
    came after the North fired", "the drills come after Seoul held")?"""
    head = sent.toks[sent.toks[verb].head]
    return head.lemma.lower() in lex.prior_heads and any(
        k.dep == "mark" and k.text.lower() in lex.prior_markers for k in sent.kids(verb))


def prior_days(sent, verb: int, lex: Lexicon) -> int | None:
    """How many days before the rest of the sentence the clause of ``verb`` tells ("a day after",
    "two days after"); None for other units ("weeks after")."""
    unit = _prior_measure(sent, verb, lex)
    if unit is None or unit.lemma.lower() != "day":
        return None
    for k in sent.kids(unit.i):
        if k.dep == "nummod":
            n = parse_number(k.text, lex.claims)
            return int(n) if n and n == int(n) else None
        if k.dep == "det" and k.text.lower() in ("a", "one"):
            return 1
    return None


def _other_side_than(who: Conductors | None, told: list[tuple[str, ...]]) -> bool:
    """Named as carried out by states none of the sentence's earlier cues of its kind named."""
    return bool(who and who.explicit and who.states) and all(s and not set(s) & set(who.states) for s in told)


def answered_phrases(info: SentInfo, head: int) -> set[int]:
    """The words of the phrases in a firing verb's clause that tell another event, the one it answers or follows
    ("fired two missiles in response to the North's launch of an ICBM", "fired missiles into the sea after
    the North's ICBM launch", "as a show of force following the North's launch"): that event's weapon is
    not the verb's."""
    sent = info.sent
    events = {info.head_of(h) for h in info.cues}
    return {i for k in info.scope(head) if sent.toks[k].dep == "prep" and k != head and (
                response_phrase(info, k) or (sent.toks[k].text.lower() in info.lex.apart_preps and any(
                    g.dep in ("pobj", "dobj") and g.i in events for g in sent.kids(k))))   # "following" read as a verb
            for i in sent.subtree(k)}


def answers(info: SentInfo, a: int, b: int) -> bool:
    """Does one of two cues of a sentence stand in a phrase of response or of sequence on the other, a firing
    verb ("fired a missile in response to the North's launch", "fired missiles after the North's ICBM launch")?"""
    return b in answered_phrases(info, a) or a in answered_phrases(info, b)


def _apart(info: SentInfo, head: int) -> bool:
    """A noun cue that the clause's verb reaches through a phrase of time or response ("resumed
    broadcasts in retaliation for a mine blast", "fired warning shots after the incursion"): it names
    an event apart from the verb's, reported by its own phrase."""
    sent = info.sent
    for a in sent.ancestors(head):
        tok = sent.toks[a]
        if tok.pos in _VERBAL or tok.tag.startswith("VB"):
            return False
        if (tok.dep == "prep" and tok.text.lower() in info.lex.apart_preps) or (
                tok.pos in _NOMINAL and tok.lemma.lower() in info.lex.response_nouns):
            return True
    return False


def _phase(info: SentInfo, head: int, lex: Lexicon) -> str:
    """Whether a cue of a kind that is switched on and off reports its switching off ("stopped the
    broadcasts", "turned off the loudspeakers", "the cessation of broadcasts"), its removal
    ("dismantled the loudspeakers") or, by default, its running ("resumed the broadcasts")."""
    sent = info.sent
    tok = sent.toks[head]
    if tok.dep == "pobj" and sent.toks[tok.head].text.lower() == "of" and \
            sent.toks[sent.toks[tok.head].head].lemma.lower() in lex.quantity_nouns:   # "banks of loudspeakers"
        tok = sent.toks[sent.toks[tok.head].head]
        head = tok.i
    if tok.dep == "pobj" and sent.toks[tok.head].head != tok.head:   # "a halt to the broadcasts"
        noun = sent.toks[sent.toks[tok.head].head]
        if noun.pos in _NOMINAL and noun.lemma.lower() in lex.phase_nouns:
            return lex.phase_nouns[noun.lemma.lower()]
    verb = head if tok.pos in _VERBAL else tok.head if tok.dep in ("dobj", "nsubjpass", "nsubj") else None
    if verb is None or sent.toks[verb].pos not in _VERBAL:
        return lex.phase_default
    word = sent.toks[verb].lemma.lower()
    parts = [k.text.lower() for k in sent.kids(verb) if k.dep in ("prt", "prep", "advmod", "acomp")]
    for phrase in [f"{word} {p}" for p in parts] + [word]:
        if phrase in lex.phase_verbs:
            return lex.phase_verbs[phrase]
    return lex.phase_default


_NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")


def _applicable(cue: Cue, pos: str, tag: str, dep: str = "") -> bool:
    """A verb cue on a verb, a noun cue on a noun, or on a word the tagger took for a verb that
    stands where only a noun can ("wrapped up their springtime drills": drills/VBZ as an object)."""
    if cue.pos == "verb":
        return pos in _VERBAL or tag.startswith("VB")
    return pos in _NOMINAL or (pos not in _VERBAL and not tag.startswith("VB") and pos != "ADJ") or (
        tag in ("VBZ", "NNS") and dep in _NOMINAL_DEPS)


def _requirement(name: str, info: SentInfo, hit: Hit, head: int, near: set[int], scope: set[int]) -> bool:
    if name == "fired_weapon":   # read on the weapon the cue takes (sentence_candidates)
        return True
    if name == "sentence_weapon":   # "put a satellite into orbit after two failed attempts"
        sent = info.sent   # not an attempt to do something else ("a failed attempt to cross the border",
        # "attempts to curb it failed") unless what it tries to do is done to a weapon ("attempts to put
        # satellites into orbit"); nor an attempt at something else ("the previous attempt at diplomacy")
        tried = [head] + [k.i for k in sent.kids(head) if k.dep == "nsubj"]
        aims = [_objects(info, k.i) for t in tried for k in sent.kids(t)
                if k.dep in ("acl", "xcomp") and any(g.tag == "TO" for g in sent.kids(k.i))]
        aims += [{g.i for g in sent.kids(k.i) if g.dep == "pobj"} for t in tried for k in sent.kids(t)
                 if k.dep == "prep" and k.text.lower() in ("at", "toward", "towards")]
        weapons = {info.head_of(h) for h in info.weapons}
        return bool(weapons) and all(aim & weapons for aim in aims)
    if name == "weapon":   # or a site that exists to test weapons: "a test took place at the Sohae site"
        return has_weapon(info, near) or (_definite(info, head) and bool(info.weapons)) \
            or at_test_site(info, near | _clause(info, head, scope), info.lex)
    if name.endswith("_given"):  # "supplied Russia with troops", not "provided the troops with rifles"
        return bool(_given(info, head) & {info.head_of(h) for h in info.context(name[:-6])})
    if name in _OBJECT_CONTEXTS:  # what is sent, not who sends: the active subject does not count
        sent = info.sent
        subject = set().union(*(sent.subtree(k.i) for k in sent.kids(head) if k.dep == "nsubj"))
        # a relative clause whose verb has a subject of its own sends the noun it describes ("the soldiers that
        # Kim has sent to help Russia")
        told = sent.subtree(sent.toks[head].head, frozenset({"relcl"})) \
            if sent.toks[head].dep == "relcl" and subject and not any(
                k.dep == "dobj" and k.tag not in ("WDT", "WP") for k in sent.kids(head)) else set()
        return bool(info.hits_in(info.context(name), ((scope | conjoined(info, scope)) - subject) | told, exclude=hit))
    if name == "weapon_subject":
        return _projectile_subject(info, head) is not None and _one_past_flight(info, head)
    if name == "answering":   # "fired missiles in response to the North's launch", "after the North's launch"
        return bool(answered_phrases(info, head))
    if name == "border_any":
        return bool([h for h in info.context("border") + info.context("border_line")
                     if not (h.start < hit.end and hit.start < h.end)])
    if name == "border_line":
        return bool(info.hits_in(info.context(name), scope, exclude=hit))
    if name == "cargo":  # what is seized: the object itself, not a word deeper in it
        objs = {k.i for k in info.sent.kids(head) if k.dep in ("dobj", "nsubjpass")} | {
            g.i for k in info.sent.kids(head) if k.dep == "prep" and k.text.lower() == "of"
            for g in info.sent.kids(k.i) if g.dep == "pobj"}
        return any(info.head_of(h) in objs for h in info.context(name) if not (h.start < hit.end and hit.start < h.end))
    if name in ("asset_visitor", "not_asset_visitor"):  # "the carrier visited Busan", not "Kim visited a submarine"
        return bool(info.hits_in(info.context("strategic_asset"), _visitor(info, head))) == (name == "asset_visitor")
    if name.endswith("_object"):  # "deployed the aircraft carrier USS George Washington": in the object's phrase
        sent = info.sent
        phrase = set().union(set(), *(sent.subtree(i, CLAUSE_DEPS) for i in _objects(info, head)))
        return bool(info.hits_in(info.context(name[:-7]), phrase, exclude=hit))
    if name.endswith("_side"):  # "naval patrol boats exchanged fire": a word of the context in who acts
        sent = info.sent
        doers = {i for k in sent.kids(head) if k.dep in ("nsubj", "nsubjpass", "agent") for i in sent.subtree(k.i)}
        if sent.toks[head].pos in _NOMINAL:   # "an exchange of fire with a warship", "the navies' exchange of fire"
            doers |= {i for k in sent.kids(head) if k.dep == "poss" for i in sent.subtree(k.i)}
            doers |= {i for k in sent.kids(head) if k.dep == "prep" and k.text.lower() in ("with", "between", "by")
                      for i in sent.subtree(k.i)}
        return bool(info.hits_in(info.context(name[:-5]), doers, exclude=hit))
    if name.endswith("_subj"):  # "North Korean troops are moving toward Kursk": who moves
        subjects = {k.i for k in info.sent.kids(head) if k.dep in ("nsubj", "nsubjpass")}
        return bool(subjects & {info.head_of(h) for h in info.context(name[:-5])})
    if name == "no_person_doer":  # "President Moon crossed the line to greet Kim": a visit, no incursion
        return not _person_in(info, _doers(info, head))
    if name.startswith("no_") and name.endswith("_doer"):  # "balloons flew south after crossing the border"
        doers = _doers(info, head)   # ... or their modifiers ("Ukrainian forces")
        doers |= {k.i for d in doers for k in info.sent.kids(d) if k.dep in ("amod", "compound")}
        return not ({info.head_of(h) for h in info.context(name[3:-5])} & doers
                    or info.hits_in(info.context(name[3:-5]), doers))
    if name == "military_works":
        return _military_works(info, head)
    if name == "not_recorded":   # "captured on video", "captured in drone footage": filmed, not taken
        return not _recorded(info, head)
    if name == "not_fired_at":   # "fired at the loudspeakers": the target of a shot, no event of its kind
        return not _fired_at_noun(info, head)
    if name.endswith("_at"):   # "fired at the loudspeakers", "opened fire on them": what the firing aims at
        return bool(_aimed_at(info, head) & {info.head_of(h) for h in info.context(name[:-3])})
    if name.endswith("_goal"):  # "fired shells toward the Yellow Sea": where the act is aimed
        return bool(info.hits_in(info.context(name[:-5]), _goal(info, head), exclude=hit))
    if name == "weapon_obj":  # "inspected a new ICBM": a weapon is what the cue acts on
        return bool(_objects(info, head) & {info.head_of(h) for h in info.weapons})
    if name.endswith("_obj"):  # "launched a destroyer", "the launch of the submarine": what the cue acts on
        return bool(_objects(info, head) & {info.head_of(h) for h in info.context(name[:-4])
                                            if not (h.start < hit.end and hit.start < h.end)})
    if name == "not_infinitive":  # "deployed to fight": a purpose, not a report of fighting
        tok = info.sent.toks[head]
        return not (tok.tag == "VB" and any(k.tag == "TO" and k.dep == "aux" for k in info.sent.kids(head)))
    if name == "finite":  # "shelled the island, killing two marines": a bare participle tells another event
        tok = info.sent.toks[head]
        return tok.dep != "acl" and not (
            tok.tag in ("VBG", "VBN") and not any(k.dep in ("aux", "auxpass") for k in info.sent.kids(head)))
    if name == "belligerent_agent":  # "missiles that Russia fired", "launched by Russian forces"
        sent = info.sent
        agent = {i for k in sent.kids(head) if k.dep in ("nsubj", "agent") for i in sent.subtree(k.i)}
        return bool(info.hits_in(info.context("belligerent"), agent))
    if name == "strategic_asset":  # the carrier that arrives: its subject counts
        return bool(info.hits_in(info.context(name), near | _clause(info, head, scope), exclude=hit))
    if name == "state_agent":
        return bool(agent_states(info, head, info.lex))
    if name.endswith("_mod"):  # "joint air drills": a word of the context modifies the noun itself
        mods = {i for k in info.sent.kids(head) if k.dep in _MODIFIER_DEPS + ("poss",) for i in info.sent.subtree(k.i)}
        return bool(info.hits_in(info.context(name[:-4]), mods, exclude=hit))
    if name.startswith("no_") and name.endswith("_near"):
        return not info.hits_in(info.context(name[3:-5]), near | _clause(info, head, scope), exclude=hit)
    if name.startswith("no_"):
        return not [h for h in info.context(name[3:]) if not (h.start < hit.end and hit.start < h.end)]
    if name.endswith("_any"):
        name = name[:-4]
    if name == "military_near":   # "troops, some of whom began engaging in combat": the relative's noun too
        reach = near | _clause(info, head, scope) | _antecedent(info, head) | _taker_part(info, head)
        named = info.find(info.lex.exercises) if info.lex.exercises is not None else []
        return bool(info.hits_in(info.context("military"), reach, exclude=hit) or info.hits_in(info.weapons, reach)
                    or info.hits_in(named, reach))
    if name == "facility":
        return bool(info.hits_in(info.context(name), near, exclude=hit))
    if name == "not_facility":
        return not info.hits_in(info.context("facility"), scope, exclude=hit)
    if name == "not_correspondence":  # "received a message from X": a thing received, no one met
        objs = {k.i for k in info.sent.kids(head) if k.dep == "dobj"}
        verb = info.sent.toks[info.sent.climb(head, CONJ)]   # "delivered to Kim and received by him"
        if verb.dep == "acl":   # "the letter received by Kim": the noun the participle describes
            objs.add(verb.head)
        return not any(info.head_of(h) in objs for h in info.context("correspondence"))
    if name == "not_civil_works":  # not sent to domestic works (flood relief, construction), unless to a war
        return not info.context("civil_works") or bool(info.context("conflict"))
    if name == "not_conflict":  # no theatre of war named in the sentence
        return not info.context("conflict")
    if name == "foreign":
        countries = info.countries()
        return len(countries) >= 2 or (len(countries) == 1 and bool(info.context("diplomatic_party"))) \
            or bool(info.context("bilateral"))  \
            or bool(info.context("both_parties"))  # "inter-Korean talks", "the two sides met": both named
    if name == "not_internal":
        return not _internal(info, head)
    if name == "not_met_by_thing":
        return not _met_by_thing(info, head)
    if name == "not_upcoming":
        return not awaited(info.sent, head, info.lex.modality.get("upcoming_preps", frozenset()))
    if name == "not_cancelled":
        return not _cancelled(info, head)
    if name == "counterpart":
        return _counterpart(info, head, scope | near | {info.sent.toks[head].head})
    if name == "counterpart_with":
        return _counterpart_with(info, head)
    if name == "parties_together":
        return _persons_together(info, head) or _parties_subject(info, head)
    if name == "person_called":
        return _counterpart_obj(info, head)
    if name == "military":
        return bool([h for h in info.context("military") if not (h.start < hit.end and hit.start < h.end)]) \
            or bool(info.weapons)
    return bool([h for h in info.context(name) if not (h.start < hit.end and hit.start < h.end)])


_DOER_CLIMB = frozenset({"pcomp", "pobj", "prep", "advcl", "xcomp", "conj"})


def _doers(info: SentInfo, head: int) -> set[int]:
    """Who does what the verb cue says: its subject, else that of the verb its phrase hangs on ("flew
    south after crossing the border": what flew), else the noun a participle describes ("balloons
    crossing the border")."""
    sent, i = info.sent, head
    for _ in range(4):
        subjects = {k.i for k in sent.kids(i) if k.dep == "nsubj"}
        subjects |= sent.prep_objects(list(subjects), ("of",))   # "dozens of balloons crossed"
        tok = sent.toks[i]
        if subjects or tok.dep == "acl":
            return subjects or {tok.head}
        if tok.dep not in _DOER_CLIMB or tok.head == i:
            return set()
        i = tok.head
    return set()


def _person_in(info: SentInfo, idx: set[int]) -> bool:
    """A person among the tokens: a PERSON entity, a person of actors.toml, a diplomatic party or a
    dignitary word ("the North Korean leader", "a delegation")."""
    sent = info.sent
    return bool(info.hits_in(info.context("diplomatic_party") + info.context("dignitary"), idx)) or any(
        v.kind == "person" for h in info.hits_in(info.actors, idx) for v in h.values[:1]) or bool(idx) and any(
        e.label == "PERSON" and any(i in idx for i in sent.tokens_in(e.start, e.end)) for e in sent.ents)


def _counterpart(info: SentInfo, head: int, reach: set[int]) -> bool:
    """Who arrives, leaves or is received is a person or a party: the subject or object of the cue
    verb when it has one other than a pronoun ("the flight left Pyongyang" is no visit), else anyone
    in ``reach`` (the clause, a few words away, the noun a participle describes)."""
    sent = info.sent
    core = set().union(*(sent.subtree(k.i, frozenset({"relcl"})) for k in sent.kids(head)
                         if k.dep in ("nsubj", "nsubjpass", "dobj") and k.pos != "PRON"))
    return _person_in(info, core if core else reach)


def _counterpart_obj(info: SentInfo, head: int) -> bool:
    """Whom the cue verb acts on is a person or a party, and nothing is said of them ("Obama called the leaders
    of South Korea and Japan", "Biden called Yoon on Tuesday"; not "called Kim a madman", "called on Seoul to",
    "called off the talks")."""
    sent = info.sent
    kids = sent.kids(head)
    if any(k.dep in ("oprd", "ccomp", "prt", "attr") or (k.dep == "advmod" and k.text.lower() in ("home", "back"))
           for k in kids) or sent.toks[head].dep in ("acl", "amod"):   # "called its ambassador home": recalled
        return False
    objs = [k.i for k in kids if k.dep == "dobj" and k.pos != "PRON"]
    return bool(objs) and not any(k.dep in ("oprd", "attr", "appos") and k.pos == "NOUN"
                                  for o in objs for k in sent.kids(o)) \
        and _person_in(info, set().union(*(sent.subtree(o, frozenset({"relcl", "acl"})) for o in objs)))


def _counterpart_with(info: SentInfo, head: int) -> bool:
    """Whom the cue verb was done with is a person or a party: "discussed the crisis with her Russian
    counterpart", "with him", "exchanged views with the delegation" (not "with concern"); the phrase
    may hang on the verb's object ("discussed aid with Pak", "exchanged views with Choe", "discussed aid
    and other issues of interest with Pak")."""
    sent = info.sent
    holders = {head} | {i for k in sent.kids(head) if k.dep == "dobj"
                        for i in sent.subtree(k.i, frozenset({"relcl", "acl"}))}
    objs = {g.i for h in holders for k in sent.kids(h) if k.dep == "prep" and k.text.lower() == "with"
            for g in sent.kids(k.i) if g.dep == "pobj"}
    phrase = set().union(set(), *(sent.subtree(i, frozenset({"relcl"})) for i in objs))
    return _person_in(info, phrase) or any(sent.toks[i].text.lower() in _PERSONAL for i in objs) \
        or _persons_together(info, head)


def _met_by_thing(info: SentInfo, head: int) -> bool:
    """A meeting told with the press ("his first meeting with reporters", "met the press": [context] press), a verb
    cue whose object is a thing met ("meeting the interests of both countries": [context] met_things), or a verb
    cue told in the passive with "with" ("the vessel was met with warning shots": what greeted it): no engagement."""
    sent = info.sent
    phrases = set().union(set(), *(sent.subtree(k.i) for k in sent.kids(head)
                                   if k.dep == "prep" and k.text.lower() == "with"))
    objects = {k.i for k in sent.kids(head) if k.dep == "dobj"} if sent.toks[head].pos in _VERBAL else set()
    if info.hits_in(info.context("press"), phrases | set().union(set(), *(sent.subtree(o) for o in objects))) \
            or {info.head_of(h) for h in info.context("met_things")} & objects:
        return True
    return sent.toks[head].pos in _VERBAL and bool(phrases) and any(k.dep == "auxpass" for k in sent.kids(head))


def _persons_together(info: SentInfo, head: int) -> bool:
    """Is the subject of the cue verb persons of two states joined ("Kim and Shoigu discussed matters of
    mutual concern"; not "Seoul and Tokyo discussed how to respond", "Yoon and his defence minister discussed")?"""
    sent = info.sent
    for subject in (k.i for k in sent.kids(head) if k.dep == "nsubj"):
        members = [sent.subtree(i, frozenset({"conj", "cc", "relcl"}))
                   for i in [subject] + [k.i for k in sent.kids(subject) if k.dep == "conj"]]
        states = {v.country for idx in members for h in info.hits_in(info.actors, idx) for v in h.values[:1]
                  if v.country}
        if len(members) > 1 and len(states) > 1 and all(_person_in(info, idx) for idx in members):
            return True
    return False


def _parties_subject(info: SentInfo, head: int) -> bool:
    """Is the subject of the cue verb a word standing for two parties ("the two leaders convened")?"""
    sent = info.sent
    subject = set().union(set(), *(sent.subtree(k.i) for k in sent.kids(head) if k.dep == "nsubj"))
    return bool(info.hits_in(info.context("both_parties"), subject))


_PERSONAL = ("him", "her", "them")


def _internal(info: SentInfo, head: int) -> bool:
    """A meeting of one government's own body ("a meeting of the National Security Council", "the
    Foreign Ministry held an emergency meeting", "a Politburo meeting", "the security council met"): whose it
    is (its modifiers, its "of" phrase, the subject of the verb it is the object of, a verb cue's subject) is
    an [context] internal_body, and no "with"/"between" phrase names another party."""
    sent = info.sent
    tok = sent.toks[head]
    kids = sent.kids(head)
    # "held talks with the North's defence minister": the phrase may hang on the verb's object
    holders = kids + [g for k in kids if k.dep == "dobj" and tok.pos not in _NOMINAL for g in sent.kids(k.i)]
    if any(k.dep == "prep" and k.text.lower() in info.lex.conductor_preps and k.text.lower() not in ("by", "from")
           for k in holders):
        return False
    own: set[int] = set()
    if tok.pos not in _NOMINAL:   # "South Korea's National Security Council met", "the Politburo convened"
        # (not a body in a phrase of its own or naming a person's office: "a delegation, including a Politburo
        # member, visited", "Security Council Secretary Shoigu held talks")
        own = {i for k in kids if k.dep == "nsubj"
               for i in sent.subtree(k.i, frozenset({"relcl", "acl", "appos", "prep"}))}
        return any(not _office_of_person(info, info.head_of(h)) for h in info.hits_in(info.context("internal_body"), own))
    for k in kids:
        if k.dep in ("compound", "poss", "amod", "nmod"):
            own |= sent.subtree(k.i)
        elif k.dep == "prep" and k.text.lower() == "of":
            own |= sent.subtree(k.i)
    if tok.dep in ("dobj", "nsubjpass") and tok.head != head:
        own |= {i for k in sent.kids(tok.head) if k.dep == "nsubj" for i in sent.subtree(k.i)}
    return bool(info.hits_in(info.context("internal_body"), own))


def _office_of_person(info: SentInfo, i: int | None) -> bool:
    """Does the word modify, through a chain of compounds, a person or a party ("Security Council Secretary
    Shoigu", "Politburo member Li")?"""
    sent = info.sent
    if i is None or sent.toks[i].dep != "compound":
        return False
    return _person_in(info, {sent.climb(i, COMPOUND)})


def _cancelled(info: SentInfo, head: int) -> bool:
    """A meeting called off, postponed, suspended or walked out of did not take place ("canceled the
    meeting", "the postponement of the talks", "pulled out of the summit", "the suspended talks"):
    a [modality] cancel word on the way from the cue up to its clause's verb, or modifying the cue; not
    one the cue is the time of ("the broadcasts were halted after the 2018 summit": [heads] apart_preps)."""
    sent = info.sent
    words = info.lex.modality.get("cancel_words", frozenset())

    def said(i: int) -> bool:
        tok = sent.toks[i]
        lemma, text = tok.lemma.lower(), tok.text.lower()
        # a participle the tagger reads as an adjective ("halting negotiations", "the suspended talks")
        stems = {text[:-3], text[:-4]} if text.endswith("ing") else {text[:-1], text[:-2], text[:-3]} \
            if text.endswith("ed") else set()
        return bool({lemma, text} & words) or bool(stems & words) or any(
            f"{lemma} {k.text.lower()}" in words for k in sent.kids(i) if k.dep in ("prt", "prep"))

    if any(said(k.i) for k in sent.kids(head) if k.dep in ("amod", "compound")):
        return True
    for a in sent.ancestors(head):
        if said(a):
            return True
        if sent.toks[a].pos in _VERBAL or (sent.toks[a].dep == "prep" and sent.toks[a].text.lower() in info.lex.apart_preps):
            return False
    return False


def _antecedent(info: SentInfo, head: int) -> set[int]:
    """The noun that the relative clause holding the cue describes, with its modifiers ("troops" in
    "troops, some of whom began fighting"; when the parser hangs the clause elsewhere, the nearest
    plural noun before its relative pronoun); empty outside a relative clause."""
    sent = info.sent
    clause = next((a for a in [head] + sent.ancestors(head) if sent.toks[a].dep == "relcl"), None)
    if clause is not None:
        noun = sent.toks[clause].head
    else:
        verbs = [a for a in [head] + sent.ancestors(head) if sent.toks[a].pos in _VERBAL]
        pronoun = next((i for v in verbs for k in sent.kids(v) if k.dep in ("nsubj", "nsubjpass")
                        for i in sorted(sent.subtree(k.i)) if sent.toks[i].tag == "WP"), None)
        noun = next((i for i in range(pronoun - 1, -1, -1) if sent.toks[i].tag in ("NNS", "NNPS")), None) \
            if pronoun is not None else None
        if noun is None:
            return set()
    return {noun} | {k.i for k in sent.kids(noun) if k.dep in _MODIFIER_DEPS}


def _names_by_head(info: SentInfo, lex: Lexicon) -> dict[int, tuple[str, ...]]:
    """The sides of the named exercises of the sentence, by the head of the event each names."""
    out: dict[int, tuple[str, ...]] = {}
    for h in info.find(lex.exercises) if lex.exercises is not None else []:
        head = info.head_of(h)
        if head is not None:
            head = _named_head(info, h, head)
            out[head] = tuple(dict.fromkeys(out.get(head, ()) + h.values[0]))
    return out


def _named_head(info: SentInfo, hit: Hit, head: int) -> int:
    """The head of the cue phrase an event's name modifies ("the Freedom Shield exercise", "Ulchi
    Freedom Shield drills") or names ("exercises, dubbed Freedom Shield, scheduled for March",
    "Titled Freedom Edge, the exercise began"): the name reports that event, as told there."""
    sent = info.sent
    others = {i for h in info.cues if not (h.start < hit.end and hit.start < h.end) for i in info.toks_of(h)}
    tok = sent.toks[head]
    if tok.dep in _MODIFIER_DEPS and tok.head != head and sent.toks[tok.head].pos in _NOMINAL:
        if tok.head not in others:
            return head
        head = tok.head   # "exercises, dubbed the Freedom Shield exercise": on to the noun it names
    naming = next((a for a in sent.ancestors(head)[:2] if sent.toks[a].lemma.lower() in info.lex.naming_verbs), None)
    if naming is None:
        return head
    verb = sent.toks[naming]
    if verb.dep == "acl":                      # "exercises, dubbed Freedom Shield"
        named = verb.head
    else:                                      # "Titled Freedom Edge, the exercise began"; "the drills were dubbed X"
        clause = verb.head if verb.dep == "advcl" else naming
        named = next((k.i for k in sent.kids(clause) if k.dep in ("nsubj", "nsubjpass")), head)
    return named if named in others else head


def _noun_head(info: SentInfo, hit: Hit, head: int) -> int:
    """A noun cue the parser read as a gerund and its object ("held firing drills": firing/VBG ->
    drills; "led to warning shots": warn + shots) is headed by its last noun; one modifying an occasion
    noun ([heads] occasion_heads: "joint training sessions") by that noun."""
    toks = info.toks_of(hit)
    last = info.sent.toks[toks[-1]]
    if info.sent.toks[head].tag == "VBG" and last.i != head and last.head in toks and last.pos in _NOMINAL:
        return last.i
    tok = info.sent.toks[head]
    if tok.dep == "compound" and info.sent.toks[tok.head].lemma.lower() in info.lex.occasion_heads:
        return tok.head   # "joint training sessions": the sessions, with their modifiers and their verb
    return head


def _military_works(info: SentInfo, head: int) -> bool:
    """Is what the cue visits a works ([context] works: factory, plant, enterprise) that makes or
    holds military things ("a plant that manufactures fighter jets", "a number of military
    factories", "an enterprise producing artillery shells")?"""
    sent = info.sent
    places = {k.i for k in sent.kids(head) if k.dep == "dobj"} | {
        g.i for k in sent.kids(head) if k.dep == "prep" for g in sent.kids(k.i) if g.dep == "pobj"}
    for i in list(places):   # "a number of factories": the factories
        if sent.toks[i].lemma.lower() in info.lex.quantity_nouns:
            places |= {g.i for k in sent.kids(i) if k.dep == "prep" and k.text.lower() == "of"
                       for g in sent.kids(k.i) if g.dep == "pobj"}
    works = places & {info.head_of(h) for h in info.context("works")}
    reach = {j for i in works for j in sent.subtree(i)}
    return bool(info.hits_in(info.context("military"), reach) or info.hits_in(info.weapons, reach)
                or info.hits_in(info.context("arms"), reach))


def _objects(info: SentInfo, head: int) -> set[int]:
    """What a cue acts on: the object or passive subject of a verb, the noun its past participle describes
    ("the drone discovered in Paju"), the "of" complement of a noun, else its possessor ("the submarine's
    launch", but not "the submarine's launch of a missile")."""
    sent = info.sent
    out = {k.i for k in sent.kids(head) if k.dep in ("dobj", "nsubjpass")} | _named_in_free_relative(info, head)
    tok = sent.toks[head]
    if tok.dep == "acl" and tok.tag == "VBN":
        out.add(tok.head)
    of = sent.prep_objects([head], ("of",))
    out |= of or {k.i for k in sent.kids(head) if k.dep == "poss"}
    return out | _wholes(info, out)


def _wholes(info: SentInfo, parts: set[int]) -> set[int]:
    """The things whose parts these are ("sections of the roads", "a stretch of the railway": the roads, the railway)."""
    sent = info.sent
    return sent.prep_objects([i for i in parts if sent.toks[i].lemma.lower() in info.lex.partitive_nouns], ("of",))


def _named_in_free_relative(info: SentInfo, head: int) -> set[int]:
    """What a free relative that stands as the verb's object calls the thing acted on: "unveiled what it
    claimed was its first submarine", "launched what state media called a new destroyer", "christened
    what it described as a submarine" (the noun said to be it, not one of its other phrases: "what it
    called a missile from a destroyer" acts on the missile)."""
    sent = info.sent
    return {i for clause in _free_relatives(sent, head) for i in clause
            if sent.toks[i].pos in _NOMINAL and sent.toks[i].tag != "WP" and (
                sent.toks[i].dep in ("attr", "oprd", "dobj")
                or (sent.toks[i].dep == "pobj" and sent.toks[sent.toks[i].head].text.lower() == "as"))}


def _given(info: SentInfo, head: int) -> set[int]:
    """The nouns a cue of giving hands over: those of its "with" phrase ("supplied Moscow with troops": the
    object is who receives, "provided the soldiers with rations"), else what it acts on ("provided troops
    to Russia", "the supply of troops"), with the nouns coordinated with them; the heads of those phrases,
    not their modifiers ("supplied infantry rockets") nor their clauses ("in exchange for sending troops")."""
    sent = info.sent
    given = sent.prep_objects([head], ("with",)) or _objects(info, head)
    quantity = info.lex.quantity_nouns
    given |= sent.prep_objects([i for i in given if {sent.toks[i].lemma.lower(), sent.toks[i].text.lower()} & quantity],
                               ("of",))   # "thousands of"
    return given | {i for i in conjoined(info, given) if sent.toks[i].dep == "conj"}


def _goal(info: SentInfo, head: int) -> set[int]:
    """The phrase a preposition of aim ([heads] goal_preps) opens on the cue or on its object: where the
    act is aimed ("fired shells toward the Yellow Sea", "fired rounds into the waters off the coast")."""
    sent = info.sent
    holders = [head] + [k.i for k in sent.kids(head) if k.dep == "dobj"]
    return {i for h in holders for k in sent.kids(h) if k.dep == "prep" and k.text.lower() in info.lex.goal_preps
            for i in sent.subtree(k.i)}


def _visitor(info: SentInfo, head: int) -> set[int]:
    """Who visits, lands or arrives: the subject of a verb cue ("the carrier visited"), of the verb
    whose object a noun cue is ("the bomber made its first landing"), else the noun cue's "of"
    complement or possessor ("the carrier's visit", "the visit of the strike group")."""
    sent = info.sent
    tok = sent.toks[head]
    verb = head if tok.pos in _VERBAL or tok.tag.startswith("VB") else tok.head if tok.dep == "dobj" else None
    doers = [k.i for k in sent.kids(verb) if k.dep == "nsubj"] if verb is not None else []
    if not doers and verb != head:
        doers = [g.i for k in sent.kids(head) if k.dep == "prep" and k.text.lower() == "of"
                 for g in sent.kids(k.i) if g.dep == "pobj"] or [k.i for k in sent.kids(head) if k.dep == "poss"]
    return set().union(*(sent.subtree(i, CLAUSE_DEPS) for i in doers)) if doers else set()


def _before_time(info: SentInfo, head: int) -> bool:
    """Is the noun cue hung on the time phrase that follows it, with a determiner or possessor of its own
    ("since the troops' deployment last autumn", "after its launch last week": the time tells when the
    event was; a modifier noun takes no determiner, "the launch site")?"""
    sent = info.sent
    tok = sent.toks[head]
    return tok.head > head and any(k.dep in ("det", "poss") for k in sent.kids(head)) \
        and sent.toks[tok.head].ent in ("DATE", "TIME")   # the entities last: read only when needed


def _hyphenated(info: SentInfo, head: int, cue_toks: list[int]) -> bool:
    """A verb cue glued by a hyphen to a word outside the cue ("ground-launched", but not
    "test-fired") is part of a compound modifier."""
    tok = info.sent.toks[head]
    if head < 2 or not tok.tag.startswith("VB") or head - 1 in cue_toks:
        return False
    prev = info.sent.toks[head - 1]
    return prev.text in ("-", "‐", "–") and prev.end == tok.start


def _fired_weapon(info: SentInfo, head: int) -> bool:
    """A past participle on a weapon noun with a date or an agent: "the missile fired on Monday",
    "a rocket launched by North Korea"."""
    sent = info.sent
    gov = sent.toks[head].head
    if not any(gov in info.toks_of(h) for h in info.weapons):
        return False
    return any(k.dep == "agent" for k in sent.kids(head)) or _dated_participle(info, head)


def _dated_participle(info: SentInfo, head: int) -> bool:
    """Does a date or a time stand in the participle's own phrase ("discovered March 24 in Paju")?"""
    sent = info.sent
    under = sent.subtree(head, frozenset({"relcl", "advcl", "conj"})) - {head}
    return any(sent.toks[i].ent in ("DATE", "TIME") for i in under)


def _fired_at_target(info: SentInfo, head: int, lex: Lexicon) -> bool:
    """Does the weapon a firing verb takes as its object have a relative clause telling what it hit
    ([heads] impact_verbs: "fired a torpedo that sank the warship")? Then the firing is that attack
    (outside a war: there a firing by a belligerent is a strike already)."""
    sent = info.sent
    if info.context("conflict"):
        return False   # in a war, the firing is a strike ([[retype]] belligerent_agent)
    return any(k.dep == "dobj" and any(g.dep == "relcl" and g.lemma.lower() in lex.impact_verbs
                                       for g in sent.kids(k.i)) for k in sent.kids(head))


def _firing(sent, i: int) -> bool:
    """Is the word a verb of firing ("fired", "shot", "opened fire")?"""
    tok = sent.toks[i]
    lemma = tok.lemma.lower()
    return tok.pos in ("VERB", "AUX") and (lemma in ("fire", "shoot") or lemma == "open" and any(
        k.dep == "dobj" and k.lemma.lower() == "fire" for k in sent.kids(i)))


def _what_hit(info: SentInfo, head: int) -> bool:
    """Is the participle on what its sentence says hit something ([heads] impact_verbs: "shots fired from the North
    hit a guard post")? The sentence tells the firing."""
    sent = info.sent
    fired = sent.toks[sent.toks[head].head]
    return fired.dep == "nsubj" and sent.toks[fired.head].lemma.lower() in info.lex.impact_verbs


def _aimed_at(info: SentInfo, head: int) -> set[int]:
    """What a firing verb's "at"/"on"/"against" phrase aims at (on the verb or on what it fires); for a participle
    on what was fired, what that hit ([heads] impact_verbs: "shots fired from the North hit a guard post")."""
    sent = info.sent
    if not _firing(sent, head):
        return set()
    aimed = sent.prep_objects([head] + [k.i for k in sent.kids(head) if k.dep == "dobj"], ("at", "on", "against"))
    tok = sent.toks[head]
    if tok.dep == "acl" and _what_hit(info, head):
        aimed |= {k.i for k in sent.kids(sent.toks[tok.head].head) if k.dep == "dobj"}
    return aimed


def _recorded(info: SentInfo, head: int) -> bool:
    """Does the verb's "on" or "in" phrase, or its subject, name a recording ([context] recording: "captured on
    video", "captured North Korean troops on camera", "were captured in drone footage", "a video captured the
    moment")? Then what is captured is filmed, no one taken."""
    objs = info.sent.prep_objects([head] + [k.i for k in info.sent.kids(head) if k.dep == "dobj"], ("on", "in"))
    objs |= {k.i for k in info.sent.kids(head) if k.dep == "nsubj"}
    return bool(objs & {info.head_of(h) for h in info.context("recording")})


def _fired_at_noun(info: SentInfo, head: int) -> bool:
    """Is the noun what a firing aims at ("fired at the loudspeakers", "opened fire on the balloons")?"""
    sent = info.sent
    tok = sent.toks[head]
    if tok.dep != "pobj":
        return False
    prep = sent.toks[tok.head]
    verb = sent.toks[prep.head] if sent.toks[prep.head].dep != "dobj" else sent.toks[sent.toks[prep.head].head]
    return head in _aimed_at(info, verb.i)


def _fired_at(info: SentInfo, head: int) -> bool:
    """Does a firing verb's "at", "against" or "into" phrase name what the weapon was aimed at ([context]
    fire_target or conflict: "fired shots at the drones", "missiles fired at Kharkiv", "rockets fired into
    the city")? Then the firing is an attack or a shot told with its target, not a test (which flies into
    the sea or hits "a target"). A belligerent's firing in a war is read apart (_war_firing)."""
    sent = info.sent
    tok = sent.toks[head]
    fired = [head] + [k.i for k in sent.kids(head) if k.dep == "dobj"] + (
        [tok.head] if tok.dep in ("amod", "acl") else [])   # "shots at the drones", "The North fired rockets at"
    aimed_at = sent.prep_objects(fired, ("at", "against", "into"))
    return bool(aimed_at & {info.head_of(h) for h in info.context("fire_target") + info.context("conflict")})


def _shot_down(info: SentInfo, head: int, lex: Lexicon) -> bool:
    """Does the firing verb take a particle of interception ([heads] interception_particles: "shot down two
    missiles")? Then a weapon was intercepted, none launched."""
    return any(k.dep in ("prt", "advmod") and k.text.lower() in lex.interception_particles for k in info.sent.kids(head))


def _war_firing(info: SentInfo, head: int, lemma: str, lex: Lexicon) -> bool:
    """Is the cue (of lemma ``lemma``) a plain firing verb ([heads] war_fire_verbs) whose subject or "by" phrase names a party of
    another war ([context] war_party), in a sentence that names that war ([context] conflict)? "Russia fired
    missiles at six regions across Ukraine", "missiles fired by Russian forces hit Kharkiv": a strike of that
    war, no test (its North Korean weapons make it one: [[retype]] belligerent_agent, read before)."""
    sent = info.sent
    if lemma.lower() not in lex.war_fire_verbs or not info.context("conflict"):
        return False
    doers = {i for k in sent.kids(head) if k.dep in ("nsubj", "agent") for i in sent.subtree(k.i)}
    return bool(info.hits_in(info.context("war_party"), doers))


def _glued_verb(info: SentInfo, head: int, cue_toks: list[int], verb_form: bool) -> bool:
    """A verb the parser took for a modifier of the weapon noun, its subject glued on before it:
    "North Korea test-fired new cruise missiles", "The North launched two rockets" (an adjective), a
    headline's "N. Korea fires short-range missile" (a plural noun), read as one noun phrase whose
    head is the weapon. A name before the verb is its subject. ``verb_form``: the word is an
    inflected form of a verb cue."""
    sent = info.sent
    tok = sent.toks[head]
    if not any(tok.head in info.toks_of(h) for h in info.weapons) or tok.head == head:
        return False
    if tok.dep == "amod" and tok.tag in ("VBD", "VBN"):
        return any(k.i < head and k.pos == "PROPN" and k.dep in ("compound", "nmod") for k in sent.kids(tok.head))
    if verb_form and tok.dep in ("nmod", "compound") and tok.tag == "NNS":
        before = sent.toks[min(cue_toks) - 1] if min(cue_toks) > 0 else None
        return before is not None and before.pos in _NOMINAL and before.text[:1].isupper()
    return False


def _antecedent_object(info: SentInfo, head: int) -> set[int]:
    """The weapon noun a relative clause hangs on, when it is the clause's object: "the KN-23, which North
    Korea last tested in 2019", "a Hwasong-15 that the North launched in 2017", "the missile it fired
    on Monday". Empty when the clause has an object of its own ("the base from which it fired missiles")."""
    sent = info.sent
    tok = sent.toks[head]
    if tok.dep != "relcl" or not tok.tag.startswith("VB"):
        return set()
    if any(k.dep in ("dobj", "nsubjpass") and k.tag not in ("WDT", "WP") and k.text.lower() != "that"
           for k in sent.kids(head)):
        return set()
    if any(k.dep == "nsubj" and k.tag in ("WDT", "WP") for k in sent.kids(head)):
        return set()  # "the country which launched": the antecedent is the subject
    weapon = next((h for h in info.weapons if tok.head in info.toks_of(h)), None)
    return {tok.head} if weapon is not None else set()


def _projectile_subject(info: SentInfo, head: int) -> int | None:
    """The subject of a verb when it is a missile, a rocket or another projectile (weapons.toml
    [projectiles], or a class-less weapon word): "a North Korean missile flew over Japan"."""
    for k in info.sent.kids(head):
        if k.dep != "nsubj":
            continue
        for h in info.weapons:
            if k.i in info.toks_of(h) and any(w.kind == "term" or w.cls in info.lex.projectile_classes
                                              for w in h.values):
                return k.i
    return None


def _one_past_flight(info: SentInfo, head: int) -> bool:
    """A flight told as one past event: "flew", "has landed", "had crashed"; not what missiles do
    ("cruise missiles fly low") nor what they have done over the years ("missiles have landed there
    several times")."""
    tok = info.sent.toks[head]
    aux = {k.text.lower() for k in info.sent.kids(head) if k.dep == "aux"}
    return tok.tag == "VBD" or (tok.tag == "VBN" and bool(aux & {"has", "had"}))


def _free_relative(info: SentInfo, head: int) -> set[int]:
    """The weapon words of a clause that stands as the cue's object, or as the "of" phrase of a
    quantity that is its object: "launched what appeared to be a ballistic missile", "fired what Seoul
    called a cruise missile", "tested what state media described as a hypersonic missile", "fired a
    pair of what are believed to be short-range missiles", "fired two of what appeared to be ..."."""
    return {i for clause in _free_relatives(info.sent, head)
            for h in info.hits_in(info.weapons, clause) for i in info.toks_of(h)}


def _free_relatives(sent, head: int) -> list[set[int]]:
    """The clauses opening with "what" that stand as the cue's object, or as the "of" phrase of a
    quantity that is its object, each with the copula the parser cut off it (``_copula_after``)."""
    objects = [k for k in sent.kids(head) if k.dep in ("ccomp", "xcomp", "dobj")]
    objects += [g for k in objects if k.dep == "dobj" for p in sent.kids(k.i) if p.dep == "prep" and p.lemma.lower() == "of"
                for g in sent.kids(p.i) if g.dep in ("pcomp", "pobj")]
    out = []
    for k in objects:
        clause = sent.subtree(k.i)
        first = sent.toks[min(clause)]
        if first.tag == "WP" and first.text.lower() == "what":
            out.append(clause | _copula_after(sent, head, clause))
    return out


def _copula_after(sent, head: int, clause: set[int]) -> set[int]:
    """The copula that ends a free relative the parser cut off it ("fired what it claimed were two
    missiles", "launched what it claimed was the Hwasong-17": "were", "was" read as the cue's own
    clause, conjunct or adverbial, or as the root whose clause the cue is, right after "what it
    claimed"): its phrase from the copula on, part of the free relative."""
    nxt = max(clause) + 1
    if nxt >= len(sent.toks) or sent.toks[nxt].lemma.lower() != "be":
        return set()
    cop = sent.toks[nxt]
    cut = (cop.head == head and cop.dep in ("ccomp", "conj", "advcl")) or (
        sent.toks[head].head == nxt and sent.toks[head].dep == "ccomp")
    return {i for i in sent.subtree(nxt) if i >= nxt} if cut else set()


def _free_relative_host(info: SentInfo, head: int) -> int | None:
    """The verb whose object is a free relative that holds the cue ("conducted what it claimed to be a
    nuclear test", "carried out what it called a successful test", "staged what state media described
    as a drill"): the event is told as that verb tells it, not as the naming inside the clause."""
    sent = info.sent
    for a in sent.ancestors(head):
        tok = sent.toks[a]
        if tok.dep in ("ccomp", "xcomp", "dobj") and tok.head != a and sent.toks[tok.head].pos in ("VERB", "AUX"):
            first = sent.toks[min(sent.subtree(a))]
            if first.tag == "WP" and first.text.lower() == "what":
                return tok.head
    return None


def _said_of_it(info: SentInfo, head: int) -> bool:
    """A weapon noun said of "it" or "this", the thing told before: "it was likely an intermediate-range
    ballistic missile", "it appeared to be a short-range ballistic missile"."""
    sent = info.sent
    tok = sent.toks[head]
    if tok.dep not in ("attr", "oprd"):
        return False
    verbs = [tok.head] + [a for a in sent.ancestors(tok.head) if sent.toks[a].dep in ("xcomp", "ccomp")][:1]
    verbs += [sent.toks[v].head for v in verbs if sent.toks[v].dep == "xcomp"]
    return any(k.dep in ("nsubj", "nsubjpass") and k.text.lower() in ("it", "this")
               for v in verbs for k in sent.kids(v))


def _names_year(info: SentInfo, head: int) -> bool:
    """Does the clause of ``head`` name a year ("in 2019", "in November 2017")?"""
    sent = info.sent
    return any(sent.toks[i].ent == "DATE" and sent.toks[i].text.isdigit() and len(sent.toks[i].text) == 4
               for i in sent.subtree(head, frozenset({"relcl", "advcl", "ccomp"})))


def _definite(info: SentInfo, head: int) -> bool:
    """A noun cue with a definite determiner or a possessive: it refers to an event named nearby."""
    tok = info.sent.toks[head]
    return tok.pos in _NOMINAL and any(
        k.dep == "poss" or (k.dep == "det" and k.lemma.lower() in ("the", "this", "that")) for k in info.sent.kids(head))


def _counted(sent, head: int) -> bool:
    """Is the noun counted by an ordinal, from no starting point ("its first test in October 2006"; not "the
    first incursion since June 9, 2017", whose date is that of another event)?"""
    return ordinal_modifier(sent, head) is not None and not any(
        k.dep == "prep" and k.text.lower() == "since" for k in sent.kids(head))


def _bare_definite_subject(info: SentInfo, head: int) -> bool:
    """A noun cue that is its clause's subject with nothing but "the" or "this" ("The visit was part of the
    alliance's commitment", "The talks came a day after the launch"): what it says is about a meeting (or a
    warship's port call) told before, which it can join, not one of its own."""
    tok = info.sent.toks[head]
    kids = info.sent.kids(head)
    return tok.pos in _NOMINAL and tok.dep in ("nsubj", "nsubjpass") and bool(kids) and all(
        k.dep == "det" and k.lemma.lower() in ("the", "this") for k in kids)


def _kin(info: SentInfo, head: int, lex: Lexicon) -> bool:
    """A noun cue modified by a word of kinship ([heads] kin_modifiers: "another launch", "a similar
    test", "the previous launch", "an earlier test") or counted by an ordinal (``_counted``: "its first
    test in October 2006", "the first test was held in September"): one more event of the kind the
    document told, not that one again (kept only when its clause dates it: ``own_dated``). (A plural,
    "its previous tests in 2006 and 2009", is a recap the enumerations read with the weapon of the tests
    told.) So does an indefinite one in a sentence naming no weapon ([heads] kin_articles: "when the North carried
    out a test in 2009"), and a verb cue an [dating] earlier adverb modifies ("the type was last test-launched on
    Nov. 29, 2017", "it had previously fired one in May")."""
    tok = info.sent.toks[head]
    if tok.pos in _VERBAL:
        return any(k.dep in ("advmod", "amod") and k.text.lower() in lex.earlier_adverbs for k in info.sent.kids(head))
    words = lex.kin_modifiers | (lex.kin_articles if not info.weapons else frozenset())
    return tok.pos in _NOMINAL and tok.tag != "NNS" and (_counted(info.sent, head) or any(
        k.dep in ("det", "amod") and k.text.lower() in words for k in info.sent.kids(head)))


def _describes_told(info: SentInfo, head: int, ctype: str) -> bool:
    """Is the verb cue a relative clause or participle describing a definite noun cue of its type ("the
    treaty that was signed today", "according to the agreement signed by Putin and Kim")? It tells of
    the event that noun names, told before: it joins it and never founds an event of its own."""
    tok = info.sent.toks[head]
    if tok.dep not in ("relcl", "acl") or tok.head == head or not _definite(info, tok.head):
        return False
    return any(info.head_of(h) == tok.head and any(c.type == ctype and c.pos == "noun" for c in h.values)
               for h in info.cues)


def _part_of_told(info: SentInfo, head: int, ctype: str, lex: Lexicon) -> bool:
    """A cue whose "during"/"throughout" phrase ([heads] part_of_preps) names, with a definite
    determiner, an event of the same type ("civil defense training during the exercises", "the
    landings throughout the drills"): a part of that event, told again."""
    if ctype not in lex.part_of_types:
        return False
    sent = info.sent
    objs = {g.i for k in sent.kids(head) if k.dep == "prep" and k.text.lower() in lex.part_of_preps
            for g in sent.kids(k.i) if g.dep == "pobj" and _definite(info, g.i)}
    return any(info.head_of(h) in objs and any(c.type == ctype for c in h.values) for h in info.cues)


def _contrasted_away(info: SentInfo, head: int, lex: Lexicon) -> bool:
    """A noun cue set against what did happen ([heads] contrast_negations: "was for training
    exercises, not combat", "sent for logistics rather than combat", "not for combat"): the words
    just before it, past a preposition, negate it."""
    sent = info.sent
    tok = sent.toks[head]
    if tok.pos not in _NOMINAL:
        return False
    i = head - 1
    while i >= 0 and sent.toks[i].dep in ("det", "amod", "compound") and sent.toks[i].head == head:
        i -= 1
    if i >= 0 and sent.toks[i].tag == "IN" and sent.toks[i].dep == "prep":
        i -= 1   # "not for combat"
    words = [t.text.lower() for t in sent.toks[max(0, i - 1):i + 1]]
    return any(words[-len(p):] == list(p) for p in lex.contrast_negations if len(p) <= len(words))


def _purpose(info: SentInfo, head: int, lex: Lexicon) -> bool:
    """A noun of [heads] activity_purpose_nouns with no determiner of its own, the object of a preposition of
    purpose or topic on a verb ("sent to Russia for training", "they were there for training", "spoke
    about training"): why someone went or what was talked of, not a drill held; not with a "with"
    phrase naming the other side ("for joint training with the US navy")."""
    sent = info.sent
    tok = sent.toks[head]
    if tok.lemma.lower() not in lex.activity_purpose_nouns or tok.dep != "pobj" or tok.head == head:
        return False
    prep = sent.toks[tok.head]
    if prep.text.lower() not in lex.purpose_preps or prep.head == prep.i or sent.toks[prep.head].pos not in _VERBAL:
        return False
    return not any(k.dep in ("det", "poss", "nummod") or (k.dep == "prep" and k.text.lower() == "with")
                   for k in sent.kids(head))


def _load(info: SentInfo, head: int, lex: Lexicon) -> bool:
    """Is the cue what something carries ("balloons carrying leaflets", "bags containing rubbish")?"""
    tok = info.sent.toks[head]
    return tok.dep == "dobj" and info.sent.toks[tok.head].lemma.lower() in lex.load_verbs


def _of_non_event(info: SentInfo, head: int, lex: Lexicon) -> bool:
    """"the exercise of the right to self-defence": an ambiguous noun with an "of" complement that
    is not a military thing."""
    for k in info.sent.kids(head):
        if k.dep == "prep" and k.text.lower() == "of":
            objs = [g for g in info.sent.kids(k.i) if g.dep == "pobj"]
            if objs and objs[0].lemma.lower() in lex.of_non_events:
                return True
    return False


def _in_title(info: SentInfo, head: int, lex: Lexicon) -> bool:
    """"Wu, chairman of the six-party talks", "the envoy to the nuclear talks": a noun cue in the phrase
    of a [heads] role noun names a person's office, no event; so it does when the parser hangs the phrase on
    a noun coordinated with the role noun ("its foreign minister and delegate to the six-party talks")."""
    sent = info.sent
    tok = sent.toks[head]
    if tok.dep != "pobj" or tok.head == head:
        return False
    prep = sent.toks[tok.head]
    if prep.text.lower() not in lex.role_preps or prep.head == prep.i:
        return False
    holders = [sent.toks[prep.head]] + [k for k in sent.kids(prep.head) if k.dep == "conj"]
    return any(h.lemma.lower() in lex.role_nouns for h in holders)


def _names_other_event(info: SentInfo, head: int, ctype: str) -> bool:
    """A launch or firing verb whose object is another type's event noun is a light verb for that
    event: "launched artillery drills", "fired off a joint exercise", "launched an offensive"
    report the drill or the offensive, not a launch."""
    objs = {k.i for k in info.sent.kids(head) if k.dep in ("dobj", "nsubjpass")}
    return any(info.head_of(h) in objs and any(c.type != ctype and c.pos == "noun" for c in h.values)
               for h in info.cues)


def _generic(info: SentInfo, head: int, lex: Lexicon, acts: bool = False) -> bool:
    """A bare noun cue after a preposition that depends on a noun or adjective ("hostile to joint
    military drills", "policy on training"): a kind of event, not one event. A name ("Freedom Shield
    drills"), a determiner or a date of its own ("the scene of naval clashes in 1999 and 2002") makes it one; so
    does, for ``acts`` (cues of [heads] act_types), a noun of the act done to it ("the launch of balloons")."""
    tok = info.sent.toks[head]
    if tok.pos not in _NOMINAL or tok.dep != "pobj":
        return False
    prep = info.sent.toks[tok.head]
    gov = info.sent.toks[prep.head]
    if prep.head == prep.i or gov.pos not in ("NOUN", "ADJ", "PROPN"):
        return False  # "was in Pyongyang for talks": the phrase tells what happened there
    if gov.lemma.lower() in lex.quantity_nouns or gov.text.lower() in lex.quantity_nouns:
        return False  # "a lot of rubbish", "hundreds of balloons"
    if acts and prep.text.lower() == "of" and (gov.lemma.lower() in lex.act_nouns or gov.text.lower() in lex.act_nouns):
        return False  # "the launch of balloons", "the resumption of broadcasts": what the act was done to
    sent = info.sent
    if gov.lemma.lower() in lex.event_part_nouns and prep.text.lower() == "of" and _part_done(info, gov.i, lex):
        return False  # "flew as part of joint drills", "sailed in the final phase of combined exercises": one
    kids = sent.kids(head)
    if any(k.dep in ("det", "poss", "nummod") or (k.dep == "compound" and k.pos == "PROPN") for k in kids):
        return False   # read before the entities: they are recognised only when a rule asks
    if by_phrase(sent, head):
        return False   # "on Tuesday during drills staged by the US and Japan": who held them makes them one
    return not any(k.ent for k in kids) and not any(
        k.dep == "prep" and any(sent.toks[i].ent == "DATE" for i in sent.subtree(k.i)) for k in kids)


def _begun(sent, head: int, lex: Lexicon) -> bool:
    """Does a relative clause or participle on the noun cue tell it began in the past ("the war games,
    which started on Monday, will last until March 20", "the drills, which began Monday, will run through
    Friday", "the exercise, launched on Monday, will continue for 11 days")? Then it is going on, whatever
    the main verb's future says of its end."""
    for k in sent.kids(head):
        if k.dep not in ("relcl", "acl") or k.tag not in ("VBD", "VBN"):
            continue
        starts = k.lemma.lower() in lex.modality.get("begun_verbs", frozenset())
        if starts and not any(g.dep in ("aux", "auxpass") and g.tag == "MD" for g in sent.kids(k.i)):
            return True
    return False


def _part_done(info: SentInfo, part: int, lex: Lexicon) -> bool:
    """Is the partitive noun at ``part`` the phrase of an active verb that reports something done ("flew
    over the peninsula as part of joint drills", "sailed in the last phase of the exercise"), not of a verb
    of judging ("is seen as part of military drills", "considered part of annual exercises")?"""
    sent = info.sent
    tok = sent.toks[part]
    prep = sent.toks[tok.head]
    if tok.dep != "pobj" or prep.dep != "prep" or prep.head == prep.i:
        return False
    verb = sent.toks[prep.head]
    evidential = lex.modality.get("evidential_verbs", frozenset())
    return verb.pos in _VERBAL and verb.lemma.lower() not in evidential \
        and not any(k.dep in ("auxpass", "nsubjpass") for k in sent.kids(verb.i))


def _taker_part(info: SentInfo, head: int) -> set[int]:
    """Who takes part in what a noun cue names through a preposition of its verb: the subject of that verb
    ("warships from the three navies took part in the drill", "marines participated in the exercise",
    "fighter jets joined in the drills"); empty elsewhere."""
    sent = info.sent
    tok = sent.toks[head]
    if tok.pos not in _NOMINAL or tok.dep != "pobj":
        return set()
    verb = sent.toks[tok.head].head
    if sent.toks[tok.head].dep != "prep" or sent.toks[verb].pos not in _VERBAL:
        return set()
    return {i for k in sent.kids(verb) if k.dep == "nsubj" for i in info.scope(k.i)}


def _clause(info: SentInfo, head: int, scope: set[int]) -> set[int]:
    """Scope of the cue, widened to the verb it is the subject or object of ("conducted a test
    launch ... in the Yellow Sea")."""
    tok = info.sent.toks[head]
    if tok.pos in _NOMINAL and tok.dep in ("dobj", "nsubj", "nsubjpass", "attr") and tok.head != head:
        # ... but not into another event's own phrase: in "the test coincided with the president's
        # visit to Tokyo", Tokyo is where the visit went, not where the test was.
        others = {h for h in (info.head_of(hit) for hit in info.cues) if h is not None and h not in (head, tok.head)}
        widened = info.scope(tok.head)
        # ... nor into what the verb is told after ("the launch came nine days after the North test-fired
        # cruise missiles off its west coast": [heads] apart_preps)
        for k in info.sent.kids(tok.head):
            if (k.dep == "prep" and k.text.lower() in info.lex.apart_preps) or (k.dep == "advcl" and any(
                    m.dep == "mark" and m.text.lower() in info.lex.apart_preps for m in info.sent.kids(k.i))):
                widened -= info.sent.subtree(k.i)
        for other in others & widened:
            widened -= info.scope(other)
        return scope | widened
    return scope


def _another_meeting(info: SentInfo, head: int, scope: set[int], before: list[Candidate]) -> bool:
    """A meeting cue outside the clauses of the meetings its sentence reported before it, and they
    outside its own, neither told as the other's occasion (``_occasion_of``): another meeting ("His talks
    with Kim followed a meeting with Choe", "the visit follows the summit of September")."""
    sent = info.sent
    region = _clause(info, head, scope) | {head}

    def joined(a: int, b: int) -> bool:   # "visited Russia and met Putin", "visited Russia and signed a treaty":
        # one visit (not "X met Choe on Monday, and Y discussed the crisis with her on Tuesday": a clause with a
        # subject of its own)
        va, vb = sent.verb_above(a), sent.verb_above(b)
        return va is not None and sent.toks[va].dep == "conj" and sent.toks[va].head in (b, vb) and not any(
            k.dep in ("nsubj", "nsubjpass") for k in sent.kids(va))
    return all(c.head not in region and head not in _clause(info, c.head, c.scope) | {c.head}
               and not joined(head, c.head) and not joined(c.head, head)
               and not _occasion_of(info, head, c.head) and not _occasion_of(info, c.head, head) for c in before)


_CORE_DEPS = ("dobj", "nsubj", "nsubjpass", "attr")


def _occasion_of(info: SentInfo, a: int, b: int) -> bool:
    """Is the meeting cue at ``a`` told as the occasion of the one at ``b`` (a verb, or the subject or object of
    one): in a phrase a [heads] occasion_preps word opens on the verb of ``b`` ("the accord was signed during the 2018 summit"), or in a clause a [heads]
    occasion_marks word opens on it ("signed a treaty when Putin made a visit to Pyongyang")?"""
    sent, lex = info.sent, info.lex
    vb = sent.verb_above(b)
    if vb is None or (vb != b and (sent.toks[b].head != vb or sent.toks[b].dep not in _CORE_DEPS)):
        return False   # "announced at the summit and at the ministerial meeting": the occasions of another verb
    for k in [a] + sent.ancestors(a):
        tok = sent.toks[k]
        if tok.head == vb and k != vb:
            if tok.dep == "prep":
                return tok.text.lower() in lex.occasion_preps
            return tok.dep == "advcl" and any(w.text.lower() in lex.occasion_marks for w in sent.kids(k)
                                              if w.dep in ("mark", "advmod"))
        if k == vb:
            return False
    return False


def _foreign_by_pronoun(info: SentInfo, head: int, meeting: bool, agents: list[tuple[str, ...]]) -> bool:
    """Does a pronoun subject of the cue's clause (or the cue noun's possessor) stand for a state other than
    those its sentence names (``pronoun_states``)? Then two states take part: the act is foreign. Persons
    meet ("A year earlier, he met Trump in Singapore", "his visit to China"); states send arms ("It sent
    shells to Moscow": "he gave thanks to the munitions workers" is no transfer)."""
    states = pronoun_states(info, head, agents, _PERSONS if meeting else _STATES)
    return bool(states) and len(set(states) | info.countries()) >= 2


_PERSONS = frozenset({"he", "she", "his", "her", "they", "their"})
_STATES = frozenset({"it", "its", "they", "their"})
FOREIGN_PRONOUNS = _PERSONS | _STATES   # the pronouns that can make an act foreign (the cascade reads them)


def _actors(info: SentInfo, skip: set[int]) -> list[str]:
    names = []
    for h in info.actors:
        if any(i in skip for i in info.toks_of(h)):
            continue
        names.append(h.values[0].name)
    return list(dict.fromkeys(names))


def _who(info: SentInfo, head: int, host: int | None, ctype: str, country: str | None, scope: set[int],
         lex: Lexicon, agents: list[tuple[str, ...]], kind: str | None, cue: str,
         named: tuple[str, ...]) -> Conductors:
    """Who carried out the event of the cue at ``head``; when the cue names no one and stands in a
    free relative ("the North staged what it called a drill", "Seoul held what its navy termed a
    drill"), the subject of the verb that takes the free relative (``host``)."""
    who = conductors(info, head, ctype, country, scope, lex, agents, kind, cue, named)
    if who.states or host is None:
        return who
    hosted = conductors(info, host, ctype, country, scope, lex, [], kind, cue, named)
    return hosted if hosted.explicit and hosted.states else who


def _subject(ctype: str, actors: list[str], place: Place | None, info: SentInfo, lex: Lexicon) -> str | None:
    places = {h.values[0].name for h in info.places} | ({place.name} if place else set())
    countries = {h.values[0].name for h in info.actors}
    for subj in lex.subjects:
        if subj.type == ctype and subj.actors & (set(actors) | countries) and subj.places & (places | countries):
            return subj.slug
    return None


def _bare_plural_summary(sent, head: int, periods: frozenset[str]) -> bool:
    """A plural event noun with no article, numeral or demonstrative, not the object of a verb ("North
    Korea's missile launches have raised tensions", "a moratorium on missile tests"), in a clause naming no
    day or month of its own: many events summarised, none told on its own (it founds no event; ``anaphoric``)."""
    tok = sent.toks[head]
    plural = tok.tag == "NNS" or (tok.tag == "VBZ" and tok.dep == "pobj")   # "launches" read as a verb
    if not plural or any(k.dep in ("det", "nummod", "quantmod", "predet") for k in sent.kids(head)):
        return False
    if tok.dep not in _SUMMARY_DEPS or (tok.dep == "conj" and sent.toks[tok.head].dep not in _SUMMARY_DEPS):
        return False   # "conducting nuclear tests": what a verb of doing did; a headline's "test-fires" read as a
        # noun modifying the weapon ("NK fires missile") is its verb
    clause = sent.verb_above(head)
    span = sent.subtree(clause) if clause is not None else sent.subtree(head)
    return not any(_dated(sent.toks[i]) and sent.toks[i].text.lower() not in periods for i in span)


_SUMMARY_DEPS = ("nsubj", "nsubjpass", "pobj", "conj", "appos")   # a noun's places as an argument, not an object
_CALENDAR_WORDS = frozenset(WEEKDAY_NAMES + MONTH_NAMES + tuple(m[:3] for m in MONTH_NAMES))


def _dated(tok) -> bool:
    """A word of a date: in a DATE or TIME entity, a weekday or month name, or a year (the entities of a block
    parsed without them are unknown)."""
    text = tok.text.lower().rstrip(".")
    calendar = text in _CALENDAR_WORDS and (text != "may" or tok.tag == "NNP")   # not the modal "may"
    return calendar or (text.isdigit() and len(text) == 4) or tok.ent in ("DATE", "TIME")


def sentence_candidates(info: SentInfo, lex: Lexicon, att: Attribution,
                        agents: list[tuple[str, ...]] | None = None) -> list[Candidate]:
    """Every event candidate of one sentence (any modality; background cues dropped).
    ``agents``: the states found as agents or subjects earlier in the document (``conductors``), extended here."""
    agents = [] if agents is None else agents
    sent = info.sent
    out: list[Candidate] = []
    seen: dict[tuple, list[tuple[str, ...]]] = {}
    firsts: dict[tuple, Candidate] = {}   # the candidate of each key (``_retold_by_verb``)
    named = _names_by_head(info, lex)
    for hit in info.cues:
        head = info.head_of(hit)
        if head is None:
            continue
        cue_toks = info.toks_of(hit)
        if any(c.named for c in hit.values):
            head = _named_head(info, hit, head)
        elif all(c.pos == "noun" for c in hit.values):
            head = _noun_head(info, hit, head)
        tok = sent.toks[head]
        gov = sent.toks[tok.head]
        glued = _glued_verb(info, head, cue_toks, any(c.pos == "verb" for c in hit.values))
        if not glued and tok.dep in _MODIFIER_DEPS and tok.pos in _NOMINAL and gov.pos in _NOMINAL \
                and tok.head not in cue_toks and gov.lemma.lower() not in lex.event_nouns and not _before_time(info, head):
            continue
        if tok.dep == "amod" and tok.tag == "VBG":
            continue  # "a defecting soldier", "the advancing troops": a participle describing a noun
        if tok.dep == "relcl" and all(c.pos == "verb" and c.kind in lex.describing_kinds for c in hit.values) \
                and any(k.dep == "nsubj" and k.tag in ("WP", "WDT") for k in sent.kids(head)):
            continue  # "troops who fought alongside Russian forces were shown training": who the troops are
        # "swapping captured soldiers", "a shelled village": a past participle before its noun names no doer
        described = tok.dep == "amod" and tok.tag == "VBN" and not glued
        if _hyphenated(info, head, cue_toks):
            continue  # "shoulder-launched rockets", "submarine-launched": a kind of weapon, not an event
        fired, agented = False, False
        if tok.dep == "acl" and tok.tag == "VBN":
            # a participle describing a noun ("US troops stationed in ...") reports nothing, unless it
            # tells when or by whom a weapon was fired ("the missile launched today by North Korea"),
            # or by whom an act of its kind was done ("soldiers captured by Ukrainian forces")
            # (the entities, which a date in the participle's phrase is read from, last)
            fired = any(c.type == "weapons_test" for c in hit.values) and _fired_weapon(info, head)
            agented = any(k.dep == "agent" for k in sent.kids(head)) or (
                any(c.type in lex.dated_participle_types for c in hit.values) and _dated_participle(info, head)) \
                or _what_hit(info, head)
            if not (fired or agented):
                continue
        acts = all(c.type in lex.act_types for c in hit.values)
        if _generic(info, head, lex, acts) or _of_non_event(info, head, lex) or _contrasted_away(info, head, lex) \
                or _in_title(info, head, lex) or _purpose(info, head, lex):
            continue
        scope = info.scope(head)
        if glued:   # "North Korea test-fired new cruise missiles" parsed as one noun phrase
            scope |= info.scope(tok.head)
            fired = True
        if acts and (act := act_noun(sent, tok, lex)) is not None:
            scope |= info.scope(act.i)   # "the North's launch of balloons on Thursday": the act's phrase dates it
        antecedent = _antecedent_object(info, head)
        if agented and not fired:   # "shells shipped by Pyongyang": what the participle describes is what it acts on
            antecedent |= {tok.head}
        scope |= antecedent | _free_relative(info, head)
        near = info.near(head, cue_toks) | scope
        for cue in hit.values:
            if not (_applicable(cue, tok.pos, tok.tag, tok.dep) or (glued and cue.pos == "verb")) \
                    or (fired and cue.type != "weapons_test") \
                    or (agented and not fired and cue.type not in lex.participle_types) \
                    or (described and cue.type in lex.participle_types):
                continue
            if cue.type == "weapons_test" and cue.pos == "verb" and (
                    _names_other_event(info, head, cue.type) or _fired_at_target(info, head, lex)):
                continue
            # the words of a phrase telling the event a firing answers or follows are that event's
            answered = answered_phrases(info, head) if cue.type == "weapons_test" and cue.pos == "verb" else set()
            unmet = [r for r in cue.requires if not _requirement(r, info, hit, head, near - answered, scope - answered)]
            if unmet == ["foreign"] and _foreign_by_pronoun(info, head, cue.type in lex.meeting_types, agents):
                unmet = []   # "he met Trump in Singapore": the pronoun's state is the other side
            # "the launch", "the test" with no weapon named: a restatement of an event told before
            # "the treaty that was signed today": the treaty told again (the noun's own candidate, when its
            # sentence asserts it, says as much: the participle is then no other one)
            told = _describes_told(info, head, cue.type)
            # (so is "Monday's failed launch" in a sentence naming no weapon: a launch that needs its
            # sentence's weapon, not an attempt of its own kind)
            weaponless = unmet == ["weapon"] or (unmet == ["sentence_weapon"] and cue.kind is None)
            # "the allies conducted a similar drill": a noun of the field made one by its kin word, unless another
            # cue of its type reads the noun without it ("the North conducted a similar drill": a state holds it)
            kin_only = bool(unmet) and not weaponless and set(unmet) <= lex.kin_met_requirements and not any(
                o.type == cue.type and o is not cue and _applicable(o, tok.pos, tok.tag, tok.dep)
                and all(_requirement(r, info, hit, head, near - answered, scope - answered) for r in o.requires)
                for o in hit.values)
            kin = (weaponless or kin_only) and _kin(info, head, lex)
            anaphoric = (weaponless and _definite(info, head) and not kin) \
                or _part_of_told(info, head, cue.type, lex) or told \
                or (cue.type in lex.meeting_types and _bare_definite_subject(info, head)) \
                or (cue.kind in lex.load_kinds and _load(info, head, lex))
            if unmet and not anaphoric and not kin:
                continue
            flown = "weapon_subject" in cue.requires   # "the missile flew": of a launch told before
            anaphoric = anaphoric or (flown and _definite(info, _projectile_subject(info, head)))
            host = _free_relative_host(info, head)   # "conducted what it claimed to be a test": conducted's
            mod = modality(sent, head if host is None else host, lex.modality, att.reporting,
                           presupposed=_definite(info, head), own=frozenset(cue_toks))
            if mod is None:
                continue
            # many launches summarised found no event, but may still be the one the text tells
            anaphoric = anaphoric or (mod == "happened" and cue.type in lex.modality.get("bare_plural_summary_types", ())
                                      and _bare_plural_summary(sent, head, lex.modality.get("summary_period_words",
                                                                                              frozenset())))
            if mod == "planned" and cue.type in lex.ongoing_types and _begun(sent, head, lex):
                mod = "happened"   # "the war games, which started on Monday, will last until March 20"
            if mod == "happened" and cue.type in lex.modality.get("scheduled_types", ()):
                mod = scheduled(sent, head, lex.modality) or mod   # "suspended the drills", "ahead of the drills"
            w = weapon_arg(info, scope - answered, near - answered, lex.claims,
                           lex.modality.get("evidential_verbs", frozenset())) if cue.type == "weapons_test" else None
            if w is not None and w.cls is None and "sentence_weapon" in cue.requires:
                # "put a satellite into orbit after two failed attempts": the attempt is of the sentence's weapon
                w = replace(weapon_arg(info, set(range(len(sent.toks))), set(), lex.claims), count=None)
            if "fired_weapon" in cue.requires and w is not None and w.cls is not None \
                    and (w.cls in NOT_FIRED or w.cls not in lex.projectile_classes):
                # "the rocket's engine exploded in flight": the launch failing, no engine test; a drone, an
                # aircraft, a shell that takes off or explodes ("the aircraft crashed while taking off", "a drone
                # exploded near the border", "an artillery shell exploded") is no launch of a missile or rocket
                continue
            ctype, kind = cue.type, cue.kind
            # artillery fired at the border is a border incident; fire exchanged between warships is combat
            for r in lex.retypes:
                weapon_fits = (w is not None and (not r.classes or w.cls in r.classes)) if ctype == "weapons_test" \
                    else not r.classes
                if r.source == ctype and weapon_fits \
                        and (not r.cues or cue.lemma in r.cues) \
                        and all(_requirement(q, info, hit, head, near, scope) for q in r.requires):
                    ctype, kind = r.type, r.kind
                    break
            if ctype == "weapons_test" and cue.pos == "verb" and (
                    (cue.lemma.isalpha() and _fired_at(info, head)) or _shot_down(info, head, lex)
                    or _war_firing(info, head, cue.lemma, lex)):
                continue   # "fired shots at the drones": no test (a shot at the border is retyped above); "test-fired
                # a torpedo at a target ship" is one
            # an event told after a prior marker is apart from its sentence's other one (merge.mark_prior)
            key = (ctype, w.cls if w else None, kind, mod, anaphoric and not told,
                   ctype in lex.prior_types and prior_clause(sent, head, lex) is not None)
            sides_named = named.get(head, ())
            # each side's broadcasts told in one sentence: two incidents (read once, when it is needed)
            read_who = partial(_who, info, head, host, ctype, w.country if w else None, scope, lex, agents, kind,
                               cue.lemma, sides_named)
            who = read_who() if ctype in lex.sided_types or (
                key in seen and ctype in lex.sentence_sided_types and answers(info, firsts[key].head, head)) else None
            apart = key in seen and (
                (ctype in lex.meeting_types and _another_meeting(info, head, scope, [
                    c for c in out if (c.type, c.modality) == (ctype, mod)]))
                or (ctype in lex.relative_apart_types and _another_clause(info, head, [
                    c for c in out if (c.type, c.modality) == (ctype, mod)]))
                or (ctype in lex.earlier_clause_types and earlier_clause(info, head) is not None))
            timed = False
            if key in seen and not apart and not _other_side_than(who, seen[key]):
                if _timed_apart(info, head, firsts[key].head):
                    timed = apart = True   # "held drills on Tuesday; on Saturday, it staged a naval drill"
                elif not _retold_by_verb(sent, head, cue, firsts[key]):
                    continue
                else:
                    out.remove(firsts[key])   # "including the capture of ..., and said Ukraine captured two on Thursday"
            place = place_arg(info, _clause(info, head, scope), lex, head, ctype)
            actors = _actors(info, att.subject_tokens)
            if who is None:
                who = read_who()
            if ctype in lex.between_sides_types and who.states and not set(who.states) & set(lex.border_sides):
                continue   # "a similar NLL crossing by a Chinese fishing boat": no incident between the two sides
            seen.setdefault(key, []).append(who.states)
            if ctype in lex.conductor_all_named:   # every side of a drill takes part in it ("including Iron Mace")
                actors = list(dict.fromkeys(actors + list(who.states)))
            out.append(Candidate(
                type=ctype, info=info, head=head, cue=sent.text[hit.start - sent.start:hit.end - sent.start],
                verbal=cue.pos == "verb", modality=mod, scope=scope,
                weapon=w.name if w else None, weapon_class=w.cls if w else None, count=w.count if w else None,
                place=place, actors=actors, sources=list(att.sources),
                subject=_subject(ctype, actors, place, info, lex), kind=kind, anaphoric=anaphoric,
                phase=_phase(info, head, lex) if kind in lex.phased_kinds else None,
                count_article=bool(w and w.count_article), participle=fired,
                # "the Hwasong-15, which it launched in November 2017": a weapon described by an earlier test
                # (read only for a candidate kept: the year is read from the entities)
                recap=bool(antecedent) and _names_year(info, head),
                reference="weapon" if flown else None,
                conducted_by=who.states, conducted_explicit=who.explicit, apart=apart, kin=kin, timed=timed,
                joined=bool(_OBJECT_CONTEXTS & set(cue.requires))))
            firsts[key] = out[-1]
            if ctype in lex.guest_types and (sides := guest_abroad(info, head, scope, lex)):
                # "Kim attended a military parade in Moscow": the host's ceremony and the North's visit
                out.append(replace(out[-1], type="diplomatic_engagement", kind=None, phase=None,
                                   conducted_by=sides, conducted_explicit=True, subject=None))
    return _coordinated_own(info, out)


def _coordinated_own(info: SentInfo, out: list[Candidate]) -> list[Candidate]:
    """Noun cues of one type coordinated in one phrase ("exacerbated by the North's rocket launch in December and
    its third nuclear test in February"; the second a conjunct of the first or of a word after it, as the parser
    hangs it on "December"): each is reported by its own conjunct, not by the clause they share."""
    sent = info.sent
    nouns = [(c, c.evidence) for c in out if not c.verbal and not c.participle and c.span is None]
    split = {id(m) for c, span in nouns for o, other in nouns
             if o.head > c.head and o.type == c.type and sent.toks[o.head].dep == "conj"
             and c.head <= sent.climb(o.head, CONJ) < o.head and other == span for m in (c, o)}
    own = frozenset({"conj", "cc", "relcl"})
    return [replace(c, span=sent.char_span(sent.subtree(c.head, own))) if id(c) in split else c for c in out]


def _retold_by_verb(sent, head: int, cue, first: Candidate) -> bool:
    """Does a finite verb tell again what its sentence's noun of the same word told ("including the capture
    of soldiers ... confirmed that Ukraine captured two on Thursday", "described the test in detail and said
    the North tested the engine on Monday")? The verb's clause (its doer, its time) tells the event better."""
    tok = sent.toks[head]
    finite = tok.tag in ("VBD", "VBZ", "VBP") or any(k.dep in ("aux", "auxpass") and k.tag != "TO"
                                                     for k in sent.kids(head))
    return cue.pos == "verb" and finite and not first.verbal \
        and sent.toks[first.head].lemma.lower() == tok.lemma.lower()


def relative_clause(sent, head: int) -> int | None:
    """The verb of the relative clause the cue is told in ("Yeonpyeong, which the North shelled",
    "since 2017, when a drone was found crashed"), or None in its sentence's main clauses."""
    return next((a for a in [head] + sent.ancestors(head) if sent.toks[a].dep == "relcl"), None)


def earlier_clause(info: SentInfo, head: int) -> int | None:
    """The word of the cue's sentence that opens the cue's clause or phrase with a [dating] since_preps or
    prior_markers word ("its first launch since it fired a Hwasong-15 in 2017", "since the launch of a
    Hwasong-17 in March", "the second failure this year after a missile crashed on January 14", "its second
    test after its maiden flight in January"), if any: what it tells came before the event of the rest of the
    sentence (told apart only when a date of its own dates it: ``own_dated``). A prior marker's bare noun names
    a stage of the event told ("exploded shortly after liftoff on Monday", "broke up after launch"), no other;
    so does its noun on what a projectile did ("the rocket exploded after its takeoff from Sohae on Monday")."""
    sent = info.sent
    marks = info.lex.since_preps | info.lex.prior_markers
    for a in [head] + sent.ancestors(head):
        tok = sent.toks[a]
        if tok.dep == "advcl" and any(k.dep == "mark" and k.text.lower() in marks for k in sent.kids(a)):
            return a
        if tok.dep == "prep" and a != head and (tok.text.lower() in info.lex.since_preps or (
                tok.text.lower() in marks and determined(sent, a) and _projectile_subject(info, tok.head) is None)):
            return a
    return None


def determined(sent, prep: int) -> bool:
    """Does the noun a preposition opens have a determiner or a possessor ("after the launch of ...", "after
    its first flight"), or is it plural ("after launches in October and December": events, no stage of one)?"""
    return any(g.tag in ("NNS", "NNPS") or any(k.dep in ("det", "poss") for k in sent.kids(g.i))
               for g in sent.kids(prep) if g.dep == "pobj")


def _subject_clause(sent, head: int) -> int | None:
    """The verb of the clause that tells the cue at ``head`` (itself, or the verb it is the subject or
    object of), when that clause has a subject of its own."""
    tok = sent.toks[head]
    verb = tok.head if tok.pos in _NOMINAL and tok.dep in ("dobj", "nsubj", "nsubjpass") else sent.verb_above(head)
    if verb is None or sent.toks[verb].pos not in _VERBAL or sent.toks[verb].lemma.lower() == "be":
        return None   # "the other is Ulchi Freedom Shield, held in August": what it is, no event told
    return verb if any(k.dep in ("nsubj", "nsubjpass") for k in sent.kids(verb)) else None


def _clause_times(sent, verb: int, other: int) -> frozenset[str]:
    """The time words of the clause of ``verb`` without the clause of ``other`` hanging from it."""
    own = sent.subtree(verb)
    if other in own:
        own -= sent.subtree(other)
    return frozenset(t.text.lower() for t in sent.toks if t.i in own and t.ent in ("DATE", "TIME"))


def _timed_apart(info: SentInfo, head: int, first: int) -> bool:
    """Two cues of one kind in two clauses of a sentence, each with a subject and a time of its own, the
    times different ("held artillery drills on Tuesday; on Saturday, it staged a naval drill", "soldiers
    crossed the border on Tuesday, and on Friday drones crossed it"), the later one no definite noun ("and Japan
    joined the drills on Tuesday": those told), or two verbs of one subject, each with a time of its own ("first
    tested it in April and launched it again in July"): two events, each of its own clause."""
    sent = info.sent
    if _definite(info, head):
        return False   # "Japan joined the drills on Tuesday": the drills told before
    a, b = _subject_clause(sent, head), _subject_clause(sent, first)
    tok = sent.toks[head]
    if a is None and b is not None and tok.pos in _VERBAL and tok.dep == "conj" and sent.climb(head, CONJ) == b:
        a = head   # "first tested the Hwasong-18 in April and launched it again in July": one subject, two times
    if a is None or b is None or a == b:
        return False
    ta, tb = _clause_times(sent, a, b), _clause_times(sent, b, a)
    return bool(ta) and bool(tb) and not ta & tb


def _another_clause(info: SentInfo, head: int, before: list[Candidate]) -> bool:
    """Is the cue told in another clause than the candidates of its kind before it, one of them a
    relative clause ("The shelling occurred near Yeonpyeong, which the North attacked in 2010")?"""
    own = relative_clause(info.sent, head)
    told = {relative_clause(info.sent, c.head) for c in before}
    return bool(told) and own not in told and (own is not None or told != {None})


def _dated_in(c: Candidate, toks: set[int], undated: bool = False) -> bool:
    """Is the candidate dated by an expression among ``toks``? In a text with no publication day
    (``undated``), a time the text names there but cannot resolve ("when they met last June", "since the
    visit in October": a DATE entity holding a name or a number) dates it too, to a day unknown."""
    ev = c.date.evidence
    if c.date.value and ev is not None and any(i in toks for i in c.info.sent.tokens_in(ev.start, ev.end)):
        return True
    return undated and not c.date.value and any(
        (t := c.info.sent.toks[i]).ent == "DATE" and t.tag in ("NNP", "CD") for i in toks)


def own_dated(cands: list[Candidate], undated: bool = False) -> list[Candidate]:
    """After dating: another meeting its sentence reports apart is kept only when a date of its own
    phrase dates it ("the first such summit in Singapore last year"), as an earlier event recalled
    by that date (``recap``: it joins only a mention of that date), or when its foreign sides are none
    of those of the meetings told before it ("Lavrov's visit to Pyongyang comes ..., with Pompeo
    meeting Kim Yong Chol in New York"), or its named persons none of theirs ("his talks with Kim followed
    a meeting with Choe Son Hui"): another meeting, dated or not. An event told apart by a relative clause
    (``_another_clause``) is kept likewise when a date of that clause, or the date the clause describes
    ("since 2017, when ..."), dates it; its host clause's event, told after a relative one, when a date of
    its own phrase does, its evidence its clause. A kin noun cue (``_kin``: "a similar launch in 2009") is
    kept only when its clause dates it, as the earlier event of that date. ``undated``: the text has no
    publication day (a time it names then dates to a day unknown: ``_dated_in``)."""
    out: list[Candidate] = []
    for c in cands:
        if c.kin:   # "a similar launch in 2009": kept as the earlier event its clause dates
            if _dated_in(c, _clause(c.info, c.head, c.scope) | c.info.sent.subtree(c.head), undated):
                out.append(replace(c, recap=True))
            continue
        if not c.apart:
            out.append(c)
            continue
        sent = c.info.sent
        own = sent.subtree(c.head)
        if c.timed:   # its clause, without the clause of its kind's first event
            verb = _subject_clause(sent, c.head)
            others = {v for o in out if o.type == c.type and o.info is c.info
                      and (v := _subject_clause(sent, o.head)) is not None and v != verb}
            own = {i for i in sent.subtree(verb) - set().union(set(), *(sent.subtree(v) for v in others))
                   if sent.toks[i].dep != "punct"} if verb is not None else own
        if (rel := relative_clause(sent, c.head)) is not None:   # its relative clause, dated by the word it describes
            own = sent.subtree(rel)
        since = earlier_clause(c.info, c.head) if rel is None else None
        if since is not None:   # "since it fired a Hwasong-15 in 2017"
            own = sent.subtree(since)
        # (a relative clause describing a cue noun of its type tells that event, not another one: "an agreement
        # that he and Kim signed during his visit in June", in a text with no publication day)
        told = rel is not None and any(o.type == c.type and o.head == sent.toks[rel].head for o in cands)
        dated = _dated_in(c, own | ({sent.toks[rel].head} if rel is not None else set()), undated and not told)
        # a clause of its own that tells what came before ("his first visit since he met Kim Jong Il"): another one
        before = since is not None and sent.toks[since].dep == "advcl"
        if not (dated or before or _other_counterparts(c, out)):
            continue
        host = rel is None and any(o.type == c.type and o.info is c.info and relative_clause(sent, o.head) is not None
                                   for o in out)
        if host:   # the main clause's event after a relative one: its own clause, as told
            out.append(replace(c, recap=c.recap or dated))
            continue
        span = sent.char_span(own)   # its own phrase: "the first such summit in Singapore last year"
        sides = c.conducted_by
        # the meeting reported before it in the sentence ends where this one starts; a meeting that names one
        # side only ("followed a meeting with Choe") was held by the visitor of that one too
        for n, o in enumerate(out):
            if o.type == c.type and o.info is c.info and o.evidence[0] < span[0] < o.evidence[1]:
                out[n] = replace(o, span=(o.evidence[0], span[0]), apart=True)
                if len(sides) < 2 and c.type in c.info.lex.meeting_types:
                    sides = tuple(dict.fromkeys(sides + o.conducted_by))
        out.append(replace(c, recap=c.recap or dated, span=span, conducted_by=sides))
    return out


def split_counterparts(cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """A meeting verb whose counterparts are persons of different states ("met Xi Jinping and Vladimir
    Putin", "held talks with Lavrov and Wang Yi", "received the presidents of Belarus and Vietnam"): one
    meeting per counterpart, each with its own part of the clause as evidence (the first from the clause's
    start, the last to its end) and the clause's sides but the other counterparts' states; not a meeting
    its sentence tells as held with them at once ([conductors] joint_meeting_words: "together", "trilateral")."""
    out: list[Candidate] = []
    for c in cands:
        parts = _counterparts(c, lex) if c.type in lex.meeting_types and c.verbal and c.span is None else []
        if len(parts) < 2:
            out.append(c)
            continue
        sent, start, end = c.info.sent, *c.evidence
        states = {state for _, state in parts}
        names = [{v.name for h in c.info.hits_in(c.info.actors, own) for v in h.values[:1]} for own, _ in parts]
        for n, (own, state) in enumerate(parts):
            first, last = sent.char_span(own)
            span = (start if n == 0 else first, max(last, end) if n == len(parts) - 1 else last)
            others = set().union(*(names[:n] + names[n + 1:])) - names[n]
            out.append(replace(c, span=span, actors=[a for a in c.actors if a not in others],
                               conducted_by=tuple(dict.fromkeys([s for s in c.conducted_by if s not in states] + [state]))))
    return out


def _counterparts(c: Candidate, lex: Lexicon) -> list[tuple[set[int], str]]:
    """The coordinated persons the meeting verb acts on (its object, or the object of its "with" phrase or
    of its object's), each with its own phrase and its one state; none unless each names a person of one
    state and no two the same."""
    info, sent = c.info, c.info.sent
    if any(t.text.lower() in lex.joint_meeting_words for t in sent.toks):
        return []
    objs = [k.i for k in sent.kids(c.head) if k.dep == "dobj"]
    firsts = objs + [g.i for h in [c.head, *objs] for k in sent.kids(h) if k.dep == "prep" and k.text.lower() == "with"
                     for g in sent.kids(k.i) if g.dep == "pobj"]
    for first in firsts:
        chain = [first]
        for i in chain:
            chain += [k.i for k in sent.kids(i) if k.dep == "conj"]
        if len(chain) < 2:
            continue
        parts = []
        for i in chain:
            own = sent.subtree(i, frozenset({"conj", "cc"}))
            states = {v.country for h in info.hits_in(info.actors, own) for v in h.values[:1] if v.country}
            if len(states) != 1 or not _person_in(info, own):
                return []
            parts.append((own, states.pop()))
        return parts if len({s for _, s in parts}) == len(parts) else []
    return []


def _other_counterparts(c: Candidate, before: list[Candidate]) -> bool:
    """Are the foreign persons of the phrase of ``c`` none of those of the phrases of the meetings of its
    sentence and modality told before it (each naming some), or else its named persons of either side
    none of theirs?"""
    sent = c.info.sent
    own = sent.subtree(c.head)
    told = [sent.subtree(o.head) - own for o in before
            if o.info is c.info and (o.type, o.modality) == (c.type, c.modality)]
    for persons in (foreign_persons, named_persons):
        people = persons(c.info, own)
        if people and told and all((t := persons(c.info, idx)) and not t & people for idx in told):
            return True
    return False


def foreign_persons(info: SentInfo, idx: set[int]) -> set[str]:
    """The persons named among the tokens who are not North Korean: those of actors.toml, and the
    other persons the parser finds there, named in full ("Deputy Defense Minister Alexander Fomin met
    ..."; a surname alone, "Moon is on a trip", may be anyone named in full before: not counted)."""
    sent = info.sent
    people = {v.name for h in info.hits_in(info.actors, idx) for v in h.values[:1]
              if v.kind == "person" and v.country != HOME}
    for e in sent.ents:
        name = sent.text[e.start - sent.start:e.end - sent.start].lower()
        if e.label == "PERSON" and len(name.split()) > 1 and any(i in idx for i in sent.tokens_in(e.start, e.end)) \
                and not any(h.start < e.end and e.start < h.end for h in info.actors):
            people.add(name)
    return people


def named_persons(info: SentInfo, idx: set[int]) -> set[str]:
    """The persons named among the tokens, of any state: ``foreign_persons`` and the North Korean
    persons of actors.toml."""
    home = {v.name for h in info.hits_in(info.actors, idx) for v in h.values[:1] if v.kind == "person"}
    return foreign_persons(info, idx) | home


_DEMONSTRATIVES = ("the", "this", "that", "these", "those")


def restates_unheld(c: Candidate, before: Candidate | None, lex: Lexicon) -> bool:
    """Does ``c`` ("these exercises are seen as vital", "the drills involve 20,000 troops") only
    restate a scheduled event that the text, when it last named one of that type (``before``),
    reported as still planned or called off? A restatement is a noun cue with a determiner that
    points back and no date of its own."""
    if before is None or before.modality not in ("planned", "denied") or c.date.value \
            or c.type not in lex.modality.get("scheduled_types", ()) or before.info.sent.start >= c.info.sent.start:
        return False
    return not c.verbal and any(k.dep == "det" and k.lemma.lower() in _DEMONSTRATIVES
                                for k in c.info.sent.kids(c.head))


def restates_test(c: Candidate, found: list[Candidate], last: dict[str, Candidate], lex: Lexicon) -> bool:
    """Does ``c`` ("the audacious military exercise by the North came as ...", "involved in the drill
    were its artillery units", "what it said was a drill") only re-describe the weapons test told
    last? A noun cue of [modality] test_restatement_types, definite or said of a pronoun by a copula,
    with no date and no name of its own, not told as going on ("as the allies are holding their drills"),
    told in or after the sentence of a test with no event of its own type told since, naming no side
    that the test's did not."""
    if c.type not in lex.modality.get("test_restatement_types", ()) or c.verbal or c.date.value:
        return False
    sent, tok = c.info.sent, c.info.sent.toks[c.head]
    if any(sent.toks[i].ent == "DATE" and (sent.toks[i].text.isdigit() or sent.toks[i].text.lower() in lex.day_words)
           for i in sent.tokens_in(*c.evidence)):
        return False   # "started their war games on March 7" in a text with no day to count from: a day of its own
    if any(k.dep == "compound" and k.tag.startswith("NNP") for k in sent.kids(c.head)):
        return False   # "the Freedom Edge exercise": a drill of its own
    if going_on(sent, c.head, lex.modality.get("factive_ongoing_marks", frozenset())):
        return False   # "the launch came as the allies are (were) holding their drills": a drill going on
    if not (_definite(c.info, c.head) or _said_of_pronoun(sent, tok)):
        return False
    tests = [x for x in found if x.type == "weapons_test" and x.modality == "happened"]
    test = tests[0] if tests else last.get("weapons_test")
    if test is None or test.modality != "happened":
        return False
    own = last.get(c.type)
    if own is not None and own.info.sent.start >= test.info.sent.start:
        return False
    return not (c.conducted_explicit and set(c.conducted_by) - set(test.conducted_by))


def _said_of_pronoun(sent, tok) -> bool:
    """"what it said was a drill", "it was an exercise": the noun a copula predicates of a pronoun."""
    if tok.dep != "attr":
        return False
    return any(k.dep == "nsubj" and k.pos == "PRON" for k in sent.kids(tok.head))


_REFERENCE_SKIP = frozenset({"relcl", "advcl", "conj", "parataxis", "cc", "ccomp"})


def references(info: SentInfo, lex: Lexicon, att: Attribution, found: list[Candidate]) -> list[Candidate]:
    """A sentence with no test cue of its own that an attributed source says about a test told
    before: "the missile flew 1,000 km, the JCS said", "the USGS said the tremor measured 5.2".
    A definite weapon noun ("the missile", "the projectile") or a word of weapons.toml
    [references] yields an anaphoric candidate (it joins a test reported before, never founds
    one) with the sentence's sources and the weapon class its clause names ("the projectile is
    believed to be a Hwasong-12"); a trace of a nuclear test refers to a nuclear test only."""
    if not att.sources or any(c.type == "weapons_test" for c in found):
        return []
    sent = info.sent
    hits = [(h, None) for h in info.weapons]
    if lex.references is not None:
        hits += [(h, h.values[0]) for h in info.find(lex.references)]
    for hit, cls in sorted(hits, key=lambda x: x[0].start):
        head = info.head_of(hit)
        if head is None or head in att.subject_tokens or sent.toks[head].pos not in _NOMINAL:
            continue
        if cls is None and not (_definite(info, head) or _said_of_it(info, head)):
            continue
        if modality(sent, head, lex.modality, att.reporting, presupposed=True) != "happened":
            continue
        verb = next((a for a in sent.ancestors(head) if sent.toks[a].pos in _VERBAL), head)
        clause = sent.subtree(verb, _REFERENCE_SKIP)
        w = weapon_arg(info, clause, info.near(head, info.toks_of(hit)), lex.claims)
        return [Candidate(
            type="weapons_test", info=info, head=head, cue=sent.text[hit.start - sent.start:hit.end - sent.start],
            verbal=False, modality="happened", scope=clause, weapon=w.name, weapon_class=cls or w.cls,
            sources=list(att.sources), anaphoric=True, reference=cls or "weapon")]
    return []
