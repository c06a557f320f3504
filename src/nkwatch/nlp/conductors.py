"""Who carried an event out: the state or states whose forces or officials did it (``conducted_by``).

Read from the clause of the event's cue, in this order (the first that names a state decides):
  0. for deployments, the state whose troops the clause names, whoever sends them;
  1. the agent: the subject of the cue verb, or of the verb a cue noun is the object of ("North
     Korea conducted a test"; for drills only a verb of doing, [conductors] conduct_verbs: "North
     Korea condemned the drills" names no side), the "by" phrase of a passive, the possessor or the modifiers of a cue
     noun ("a U.S. Minuteman test", "South Korean-U.S. drills") and its participant phrases
     ("drills between the U.S. and South Korea"); persons and units count as their state;
  2. a pronoun or an anaphoric subject ("it fired", "the country launched"): the state named
     before it in the sentence as a subject, else the states last found as an agent or as the
     subject of a sentence in the document ("The ROK army began drills. They also fired shells.");
  3. the weapon: a named system belongs to the state that fields it (data/weapons.toml `country`,
     North Korea's systems by default); a named exercise to its participants (data/exercises.toml);
  4. for the types where the domain implies it (data/event_cues.toml [conductors] default_types),
     the default state (for ceremonies and inspections only when the sentence names no other
     state); for meetings, drills and clashes, every state the clause names (all sides,
     also beside an agent: the host of a visit).
For meetings ([conductors] meeting_types) the sides are read together: the state where two others
met is no side ("Trump and Kim met in Hanoi"), a pronoun side is its antecedent's state ("his talks
with Kim"; a person named before it, never a state named as a place; "this is his first visit": his),
an inter-Korean word names both Koreas, and a ratification is one state's act.
Kinds of event refine this (data/event_cues.toml [conductors]): troops of a coalition's lead state
fighting in a war fight as the coalition; a naval battle is both navies'; a broadcast or a balloon
aimed at one side is the other side's; a shooting's passive subject is its victim; who reacts to an
event ("condemned the shelling") did not carry it out.
What none of these gives stays unknown (an empty list)."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon
from .modality import identified
from .records import CONJ
from .sentinfo import NOUN_SKIP_DEPS, SentInfo

_SUBJECT_DEPS = ("nsubj", "csubj")
_NOUN_AGENT_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
_VERB_POS = ("VERB", "AUX")
_NOUNS = ("NOUN", "PROPN")
_AGENT_PREPS = ("by", "from")


@dataclass(frozen=True)
class Conductors:
    states: tuple[str, ...] = ()
    explicit: bool = False        # named as the agent (1, 2), not inferred (3, 4)


def by_phrase(sent, head: int) -> bool:
    """Does the noun at ``head`` have its own "by" phrase ("joint drills by South Korea and the U.S.")
    or a participle with one ("amid joint drills conducted by South Korean and US forces", "drills
    staged by the allies")?"""
    return any((k.dep == "prep" and k.text.lower() == "by")
               or (k.dep == "acl" and any(g.dep == "agent" for g in sent.kids(k.i))) for k in sent.kids(head))


def _of_movers(sent, prep: int) -> set[int]:
    """Who moved, by the "of" phrase of a noun of moving across: its first object with its modifiers,
    without the phrases that tell where it went ("of a North Korean soldier across the DMZ": "a North
    Korean soldier")."""
    first = next((g.i for g in sent.kids(prep) if g.dep == "pobj"), None)
    return set() if first is None else sent.subtree(first, frozenset({"prep", "relcl", "acl"}))


def act_noun(sent, tok, lex: Lexicon):
    """The noun of the act whose "of" phrase the cue noun is ("the launch of balloons", "the North's sending of
    leaflets", "the resumption of loudspeaker broadcasts", "the release of hundreds of balloons"), else None."""
    for _ in range(2):   # through a quantity noun ("hundreds of balloons")
        if tok.dep != "pobj" or sent.toks[tok.head].text.lower() != "of" or sent.toks[tok.head].head == tok.head:
            return None
        act = sent.toks[sent.toks[tok.head].head]
        if act.lemma.lower() not in lex.quantity_nouns and act.text.lower() not in lex.quantity_nouns:
            break
        tok = act
    return act if act.pos == "NOUN" and (act.lemma.lower() in lex.act_nouns or act.text.lower() in lex.act_nouns) \
        else None


def _subjects(sent, verb: int, skip: frozenset[str]) -> set[int]:
    """The tokens of the subject of ``verb``."""
    return {i for k in sent.kids(verb) if k.dep in _SUBJECT_DEPS for i in sent.subtree(k.i, skip)}


def _act_of(sent, tok, lex: Lexicon):
    """The noun that names the act on the cue noun: an act noun whose "of" phrase it is ("the launch of balloons"),
    or an event noun it modifies ("its GPS jamming attacks", "the balloon launch"); else None."""
    if (act := act_noun(sent, tok, lex)) is not None:
        return act
    gov = sent.toks[tok.head]
    return gov if tok.dep in ("compound", "amod", "nmod") and tok.head != tok.i \
        and gov.lemma.lower() in lex.event_nouns else None


_AGAINST = ("anti", "counter")


def _against(sent, i: int) -> bool:
    """Does the modifier at ``i`` name whom the thing is aimed at: an "anti"/"counter" word in its phrase, or
    just before it, which the parser may hang beside it ("anti-North Korean broadcasts": anti, -, North, Korean)?"""
    phrase = sent.subtree(i)
    if any(sent.toks[j].text.lower().rstrip("-") in _AGAINST for j in phrase):
        return True
    words = [j for j in sorted(phrase) if sent.toks[j].text != "-"]
    j = (words[0] if words else i) - 1
    hyphen = j >= 0 and sent.toks[j].text == "-"
    while j >= 0 and sent.toks[j].text == "-":
        j -= 1
    return j >= 0 and (hyphen and sent.toks[j].text.lower() in _AGAINST or sent.toks[j].text.lower().rstrip("-") in _AGAINST
                       and sent.toks[j].text.endswith("-"))


def _states(info: SentInfo, idx: set[int], persons: bool = False) -> list[str]:
    """States of the actor names (countries, persons, units; ``persons``: persons only) whose tokens lie in
    ``idx``, in text order."""
    out = []
    for hit in sorted(info.actors, key=lambda h: h.start):
        if any(i in idx for i in info.toks_of(hit)):
            out += [v.country for v in hit.values[:1] if v.country and (not persons or v.kind == "person")]
    return list(dict.fromkeys(out))


def _expletive_subject(sent, verb: int) -> bool:
    """Is the subject of the copula ``verb`` a demonstrative or "it" ("This is his first visit to China",
    "It was Kim's third trip to Russia")? Then it names no one: the noun it is said to be tells whose."""
    return any(k.dep == "nsubj" and k.text.lower() in _EXPLETIVES for k in sent.kids(verb))


_EXPLETIVES = frozenset({"this", "that", "it", "these", "those"})


def _pcomp_owner(info: SentInfo, v: int) -> set[int]:
    """"the North's campaign of sending balloons": whose the noun is that a subjectless verb
    complements (empty otherwise)."""
    sent = info.sent
    tok = sent.toks[v]
    if tok.dep != "pcomp" or any(k.dep in _SUBJECT_DEPS for k in sent.kids(v)):
        return set()
    prep = sent.toks[tok.head]
    if prep.head == prep.i or sent.toks[prep.head].pos not in ("NOUN", "PROPN"):
        return set()
    return {i for k in sent.kids(prep.head) if k.dep in ("poss", "compound", "amod") for i in sent.subtree(k.i)}


def _participle_agent(info: SentInfo, v: int, lex: Lexicon) -> set[int]:
    """Who a participle describing a cue noun names as the doer: its "by" phrase ("balloons flown
    by Pyongyang"), or what the event is blamed on ("a mine attack blamed on North Korea")."""
    sent = info.sent
    out: set[int] = set()
    for k in sent.kids(v):
        if k.dep == "agent" or (k.dep == "prep" and k.text.lower() in ("on", "to")
                                and sent.toks[v].lemma.lower() in lex.blame_verbs):
            out |= sent.subtree(k.i)
    return out


def _helpers_of(sent, prep: int, lex: Lexicon) -> set[int]:
    """Who a "with" phrase says helped ([conductors] help_nouns: "with the help of North Korean soldiers"): the
    tokens of the "of" phrase of its help noun; none for another "with" phrase ("with artillery")."""
    return {i for noun in sent.kids(prep) if noun.dep == "pobj" and noun.lemma.lower() in lex.help_nouns
            for of in sent.kids(noun.i) if of.dep == "prep" and of.text.lower() == "of" for i in sent.subtree(of.i)}


def _agent_tokens(info: SentInfo, head: int, lex: Lexicon, own_first: bool = False, sides: bool = False,
                  victim: bool = False, doers: frozenset[str] | None = None, appos: bool = False,
                  load: bool = False, acts: bool = False, helpers: bool = False) -> set[int]:
    """The tokens that name who did what the cue at ``head`` reports. ``own_first``: a cue noun's own
    agent (its possessor, modifiers, "by"/"from" phrase) is preferred to the subject of the verb
    it is the object of (for types whose clause names one side). ``sides``: every side takes part
    (a meeting, a drill), so a list of states the parser reads as an apposition ("South Korea,
    U.S., Japan launch drills") names them all, and so do a "with" phrase of the verb ("held drills
    with Japan") and the object of a verb of participation ("drills involving US forces"). ``victim``:
    the passive subject is who it was done to ("a South Korean was shot dead"), never whose it was. ``load``: the
    cue is a thing carried, whose "with" phrase tells its load ("balloons with leaflets"), no side. ``acts``: the
    doer of the act a noun names on the cue ("Pyongyang's launch of balloons", "its GPS jamming attacks") did it.
    ``helpers``: who helped others do it ([conductors] help_verbs) took part too ("troops helped Russia retake Kursk").
    ``doers``: the verbs whose subject carried out the event their object names ("North Korea
    condemned the drills" is not North Korea's drill); None: any verb. ``appos``: the subject's
    apposition tells its state ("the USS Carl Vinson, a U.S. aircraft carrier, arrived")."""
    sent = info.sent
    skip = frozenset({"relcl", "acl"}) if sides or appos else frozenset({"relcl", "acl", "appos"})
    tok = sent.toks[head]
    # a plural noun the tagger read as a verb stands where only a noun can ("held drills/VBZ")
    verbal = (tok.pos in _VERB_POS or tok.tag.startswith("VB")) and not (
        tok.tag == "VBZ" and tok.dep in ("dobj", "nsubj", "nsubjpass", "pobj"))
    idx: set[int] = set()
    verbs = [head] if verbal else []
    if not verbal:
        tok = sent.toks[sent.climb(tok.i, CONJ)]   # "troops and weapons": as the first conjunct
        if tok.dep == "pobj" and sent.toks[tok.head].text.lower() == "of":   # "turned off banks of loudspeakers"
            quantity = sent.toks[sent.toks[tok.head].head]
            if quantity.lemma.lower() in lex.quantity_nouns or quantity.text.lower() in lex.quantity_nouns:
                tok = quantity
        whole = tok
        tok = _event_of_part(sent, tok, lex)   # "flew over the peninsula as part of joint drills"
        part = tok is not whole
        if part:   # "as part of drills with South Korean jets": the parser hangs the noun's phrase on the part
            idx |= {i for k in sent.kids(tok.i) if k.dep == "prep" and k.text.lower() in lex.conductor_preps
                    for i in sent.subtree(k.i)}
        kids = list(sent.kids(head))
        if acts and (act := _act_of(sent, tok, lex)) is not None:   # "Pyongyang's launch of balloons": the act's doer
            kids += [k for k in sent.kids(act.i) if k.i not in (tok.i, tok.head)]
            tok = act
        own: set[int] = set()
        for k in kids:
            if _against(sent, k.i):
                continue   # "anti-Pyongyang broadcasts": the target, not the agent
            if k.dep in _NOUN_AGENT_DEPS or (k.dep == "prep" and k.text.lower() in _AGENT_PREPS):
                own |= sent.subtree(k.i)
            elif k.dep == "prep" and k.text.lower() == "of" and tok.lemma.lower() in lex.of_agent_nouns:
                own |= _of_movers(sent, k.i)   # "the defection of a North Korean soldier (across the DMZ)"
            elif k.dep == "prep" and k.text.lower() in lex.conductor_preps and not (load and k.text.lower() == "with"):
                idx |= sent.subtree(k.i)   # (not "balloons with leaflets": what they carry)
            elif k.dep == "acl":   # "the test conducted by the DPRK", "an attack blamed on the North"
                own |= _participle_agent(info, k.i, lex)
        if not (_states(info, own) or _anaphoric(info, own, lex) or _non_state(info, own, lex)):
            own = set()   # "sub-critical nuclear tests": modifiers that name no one
        gov = sent.toks[tok.head]
        # "Japan condemned the launch", "Seoul responded to the drills": who reacts did not do it
        reacts = gov.lemma.lower() in lex.non_agent_verbs or (
            gov.dep == "prep" and sent.toks[gov.head].lemma.lower() in lex.non_agent_verbs)
        if tok.dep != "attr" or _expletive_subject(sent, tok.head):
            idx |= own   # "X became Moscow's supplier": X, whoever Moscow is; "this is his visit": his
        # "the US condemned the transfer of missiles from North Korea": the noun's own agent decides,
        # else the subject of the verb it depends on
        # and a "by" phrase of the noun names its doers whatever the type ("drills by Seoul and Washington")
        own_decides = (own_first or by_phrase(sent, head)) and tok.dep != "attr" and bool(_states(info, own))
        # "it was presumed to be a nuclear test": its subject is what was seen, no doer
        seen = identified(sent, tok.i, lex.modality.get("evidential_verbs", frozenset()))
        climb = not (own_decides or reacts or seen)
        if climb and tok.dep in ("dobj", "attr", "nsubjpass") and tok.head != tok.i and (
                gov.pos in _VERB_POS or gov.tag.startswith("VB")) and _doer(gov, doers) \
                and (sides or gov.text.lower() not in lex.apart_preps):   # ("following" read as a verb: of time)
            verbs.append(tok.head)
        elif tok.dep == "pobj" and gov.dep == "prep" and gov.head != gov.i and (
                sent.toks[gov.head].lemma.lower() in lex.blame_verbs):   # "Seoul blamed Pyongyang for the blast"
            idx |= {i for k in sent.kids(gov.head) if k.dep == "dobj" for i in sent.subtree(k.i)}
        elif climb and tok.dep == "pobj" and gov.dep == "prep" and gov.head != gov.i and (
                sent.toks[gov.head].pos in _VERB_POS) and (part or _doer(sent.toks[gov.head], doers)) \
                and sent.toks[gov.head].lemma.lower() != "be" and (sides or gov.text.lower() not in lex.apart_preps):
            # "X seized the town in a surprise attack", "took part in the drills"; a copula does nothing, and a
            # phrase of time tells another event of a one-sided type ("Seoul restarted broadcasts after a mine
            # explosion": not Seoul's; a meeting "after talks with Koizumi" is still the subject's too)
            # ("it would be its third attempt, following two failed launches": no doer of the launches);
            # whoever does a part of it takes part, whatever the verb ("sailed in the last phase of the drills")
            verbs.append(gov.head)
        elif not own_decides and tok.dep == "dobj" and (reacts or not _doer(gov, doers)):
            # "condemned the drills by Seoul and Washington": an active verb has no agent phrase,
            # the parser hung the noun's on it
            idx |= {i for k in sent.kids(gov.i) if k.dep == "prep" and k.text.lower() == "by"
                    for i in sent.subtree(k.i)}
        if sides:
            idx |= _participants(info, tok, lex) | _listed_before(sent, tok)
    elif tok.dep == "pcomp" and not any(k.dep in _SUBJECT_DEPS for k in sent.kids(head)):
        prep = sent.toks[tok.head]
        gov = sent.toks[prep.head]
        if prep.head != prep.i and gov.pos in ("NOUN", "PROPN"):
            idx |= _pcomp_owner(info, head)   # "the North's campaign of sending balloons": whose the campaign is
        elif prep.head != prep.i and gov.pos in _VERB_POS and tok.tag == "VBG" and (
                gov.lemma.lower() not in lex.non_agent_verbs or gov.lemma.lower() in lex.blame_verbs):
            # "the U.S. committed itself to providing arms", "Russia succeeded in launching": the
            # governing verb's subject, or its object when that names a state ("helped Russia in building")
            obj = {i for k in sent.kids(gov.i) if k.dep == "dobj" for i in sent.subtree(k.i)}
            passive = _passive_subject(info, gov.i)   # "after arriving, the minister was greeted by"
            if helpers and _is(gov, lex.help_verbs):   # "troops assisted Russian units in retaking villages": both
                idx |= obj | _subjects(sent, gov.i, skip)
            elif _states(info, obj):
                idx |= obj
            elif passive:
                idx |= passive
            else:
                verbs.append(gov.i)
    for v in verbs:
        above = sent.toks[sent.toks[v].head]
        if helpers and sent.toks[v].dep in ("ccomp", "xcomp") and _is(above, lex.help_verbs):
            idx |= _subjects(sent, above.i, skip)   # "North Korean troops helped Russia recapture Kursk": the helpers too
        for k in sent.kids(v):
            if k.dep in _SUBJECT_DEPS:
                idx |= sent.subtree(k.i, skip)
            elif k.dep == "prep" and (k.text.lower() in lex.ally_preps or (sides and k.text.lower() in lex.side_preps)):
                idx |= sent.subtree(k.i)   # "fought alongside Russian forces", "held drills with Japan"
            elif helpers and k.dep == "prep" and k.text.lower() == "with":
                idx |= _helpers_of(sent, k.i, lex)   # "liberated Kursk with the help of North Korean soldiers"
            elif sides and _cut_off_conjunct(sent, v, k):
                idx |= sent.subtree(k.i)   # "Russia, China stage naval drills": a headline's list cut off
            elif sides and k.dep == "dobj" and v != head and _is(sent.toks[v], lex.companion_verbs):
                idx |= sent.subtree(k.i)   # "US bombers joined South Korean jets in the drill"
            elif k.dep == "agent":
                idx |= sent.subtree(k.i)
        if v == head and tok.dep == "acl" and tok.tag == "VBG" and not any(
                k.dep in _SUBJECT_DEPS for k in sent.kids(v)):
            # "North Korean troops fighting alongside Russian forces": the noun the participle describes
            idx |= sent.subtree(tok.head, frozenset({"acl", "relcl", "appos"}))
        if not idx and not victim:   # "North Korean troops were deployed": whose the passive subject is
            for k in sent.kids(v):
                if k.dep == "nsubjpass":
                    idx |= {g.i for g in sent.kids(k.i) if g.dep in _NOUN_AGENT_DEPS}
        if v != head and tok.dep == "dobj" and not _states(info, idx):   # "the North's campaign of sending balloons"
            idx |= _pcomp_owner(info, v)
        # "it was North Korea that fired": nothing more; a conjoined verb shares its subject, an
        # infinitive its governing verb's ("Russia used missiles to strike Kharkiv"), and so does a
        # participle clause ("a soldier shot while defecting": with a subordinator only when it is the cue)
        cur = v   # up a chain of such verbs ("it is busy developing warheads, conducting tests")
        while _shares_subject(sent, cur, cur == head) and not any(k.dep in _SUBJECT_DEPS for k in sent.kids(cur)):
            below, cur = cur, sent.toks[cur].head
            if sent.toks[below].dep == "pcomp":   # over the preposition to its verb ("responded by broadcasting")
                cur = sent.toks[cur].head
            found = {i for k in sent.kids(cur)   # "soldiers were seen building walls": the passive subject
                     if k.dep in _SUBJECT_DEPS or (k.dep == "nsubjpass" and sent.toks[below].dep != "conj")
                     for i in sent.subtree(k.i, frozenset({"relcl", "acl", "appos"}))}
            if sent.toks[below].dep == "xcomp" and _is(sent.toks[cur], lex.control_verbs):
                # "the balloons prompted the South Korean military to resume broadcasts": its object
                found = {i for k in sent.kids(cur) if k.dep == "dobj"
                         for i in sent.subtree(k.i, frozenset({"relcl", "acl", "appos"}))} or found
            idx |= found
            if found:
                break
        # "soldiers who crossed the line": the noun the relative pronoun stands for
        if sent.toks[v].dep == "relcl" and idx and all(sent.toks[i].tag in ("WP", "WDT") for i in idx):
            noun = sent.toks[v].head
            idx = sent.subtree(noun, frozenset({"relcl", "acl", "appos", "prep", "conj", "cc", "punct"}))
            if _fired_object(info, noun, lex):
                # "fired a torpedo that sank the warship", "Russia launched a North Korean missile which
                # struck Kyiv": whoever fired the weapon, whoever made it
                fired_by = _agent_tokens(info, sent.toks[noun].head, lex)
                idx = fired_by if _states(info, fired_by) else idx
    return idx


def _listed_before(sent, tok) -> set[int]:
    """The names a headline lists before a cue noun the parser made their apposition, its verb read as
    a noun ("S. Korea, US stage joint drills", "Japan, US hold air drills"): every side of the list, not what
    the parser hung on the first name after the cue ("... drills after North's missile launch")."""
    gov = sent.toks[tok.head]
    if tok.dep != "appos" or tok.head == tok.i or gov.pos != "PROPN" or gov.i > tok.i:
        return set()
    return {i for i in sent.subtree(gov.i) - sent.subtree(tok.i) if i < tok.i}


def _cut_off_conjunct(sent, verb: int, kid) -> bool:
    """A name the parser hung on the verb, a comma between it and the verb's subject: the first of a
    headline's list of subjects ("Russia, China stage naval drills", "Seoul, Tokyo hold joint drills")."""
    if kid.dep not in ("dep", "npadvmod") or kid.pos != "PROPN" or kid.i + 2 >= verb \
            or sent.toks[kid.i + 1].text != ",":
        return False
    nxt = sent.toks[kid.i + 2]
    return any(k.dep == "nsubj" and min(sent.subtree(k.i)) == nxt.i for k in sent.kids(verb))


def _event_of_part(sent, tok, lex: Lexicon):
    """The partitive noun a cue noun is the "of" complement of ("as part of joint drills", "the final
    phase of the exercise"): who does the part takes part in the whole; else the cue noun itself."""
    prep = sent.toks[tok.head]
    if tok.dep != "pobj" or prep.text.lower() != "of" or prep.head == prep.i:
        return tok
    part = sent.toks[prep.head]
    return part if part.lemma.lower() in lex.event_part_nouns else tok


def _fired_object(info: SentInfo, noun: int, lex: Lexicon) -> bool:
    """Is ``noun`` a weapon that a firing verb ([projectiles] cues: "fired", "launched") takes as its object?"""
    sent = info.sent
    tok = sent.toks[noun]
    return tok.dep == "dobj" and sent.toks[tok.head].lemma.lower() in lex.firing_cues and any(
        noun in info.toks_of(h) for h in info.weapons)


_GERUND_PREPS = frozenset({"by", "after", "before", "while", "when", "without"})


def _shares_subject(sent, v: int, cue: bool = False) -> bool:
    """A verb (or adjective) with no subject of its own that takes its governing verb's: a conjunct
    ("fired and launched"), an infinitive ("used missiles to strike"), a predicate adjective ("is
    busy developing"), a participle clause with no subordinator ("It stepped up development,
    conducting tests") or, when it is the ``cue`` itself, with one ("a soldier shot while defecting")."""
    tok = sent.toks[v]
    if tok.head == v:
        return False
    if tok.dep in ("conj", "xcomp", "acomp"):   # "it is busy developing": through the adjective
        return True
    if tok.dep == "pcomp" and tok.tag == "VBG":   # "responded by broadcasting", "fired after spotting": a gerund of
        prep = sent.toks[tok.head]                # means or time on a verb takes that verb's subject
        return prep.text.lower() in _GERUND_PREPS and prep.head != prep.i and (
            sent.toks[prep.head].pos in _VERB_POS or sent.toks[prep.head].tag.startswith("VB"))
    if tok.dep != "advcl" or tok.tag not in ("VBG", "VBN", "VB"):
        return False
    return cue or (tok.tag == "VBG" and not any(k.dep == "mark" for k in sent.kids(v)))


def _is(tok, forms: frozenset[str]) -> bool:
    return tok.lemma.lower() in forms or tok.text.lower() in forms


def _doer(verb, doers: frozenset[str] | None) -> bool:
    return doers is None or _is(verb, doers)


def _participants(info: SentInfo, noun, lex: Lexicon) -> set[int]:
    """The object of a verb of participation the noun is the subject of ("the drills involved
    warships of Japan") or that describes it or the name it is given ("the exercise, which included
    US forces", "a drill, called the Hoguk exercise, which included US forces")."""
    sent = info.sent
    verbs = [i for i in sent.subtree(noun.i) if sent.toks[i].dep in ("relcl", "acl")
             and _is(sent.toks[i], lex.participant_verbs)]
    if noun.dep == "nsubj" and noun.head != noun.i and _is(sent.toks[noun.head], lex.participant_verbs):
        verbs.append(noun.head)
    return {i for v in verbs for k in sent.kids(v) if k.dep == "dobj" or (k.dep == "prep" and k.text.lower() in (
        _MEMBER_PREPS)) for i in _members(sent, k.i)}   # not "in waters off South Korea"


_MEMBER_PREPS = ("from", "of", "with")


def _members(sent, i: int) -> set[int]:
    """The phrase at ``i`` without the phrases inside it that tell where ("units near the border, in range
    of the South Korean capital", "warships in waters off Japan"): only "from", "of" and "with" phrases
    name whose the members are ("warships from the three navies", "troops of the US Army")."""
    out, stack = set(), [i]
    while stack:
        k = stack.pop()
        out.add(k)
        stack += [c.i for c in sent.kids(k) if not (c.dep == "prep" and c.i != i and c.text.lower() not in _MEMBER_PREPS)]
    return out


def agent_states(info: SentInfo, head: int, lex: Lexicon) -> list[str]:
    """The states named as doing what the cue at ``head`` reports, for a type whose every side
    takes part (a drill a state holds): the sides of its agent, nothing inferred."""
    return _states(info, _agent_tokens(info, head, lex, sides=True, doers=lex.conduct_verbs))


def _named_exercise(info: SentInfo, head: int, scope: set[int], lex: Lexicon, named: tuple[str, ...],
                    own_clause: bool = False) -> list[str]:
    """The sides of the named exercise of the cue: a name in its clause, in an apposition or a
    participle of the cue ("the exercise, known as Freedom Shield"), or naming the event ("Titled
    Freedom Edge, the exercise began": ``named``). ``own_clause`` (an event that is no drill): not a name
    in a relative clause the cue is not in ("missiles were fired on March 10, the day the allies began
    their Freedom Shield exercise": the allies' exercise is not who fired)."""
    sent = info.sent
    reach = scope | sent.subtree(head)
    # "staged nuclear war drills in succession, including Iron Mace": an instance of the drills,
    # wherever in the clause the parser hangs it
    clause = info.scope(sent.toks[head].head) | reach
    # ... and so does the exercise a drill is part of ("held drills during the Freedom Edge exercise", [heads]
    # part_of_preps)
    preps = lex.instance_preps | lex.part_of_preps
    reach |= {i for k in clause if sent.toks[k].dep == "prep" and sent.toks[k].text.lower() in preps
              for i in sent.subtree(k)}
    names = info.find(lex.exercises) if lex.exercises is not None else []
    if own_clause:
        reach -= {i for t in sent.toks if t.dep == "relcl" and head not in sent.subtree(t.i) for i in sent.subtree(t.i)}
    return list(dict.fromkeys([st for h in info.hits_in(names, reach) for st in h.values[0]] + list(named)))


def _passive_subject(info: SentInfo, head: int) -> set[int]:
    """Who a passive cue was done to: its passive subject, or for a subjectless participle ("was
    questioned before being shot dead") the subject of the clause it hangs from."""
    sent = info.sent
    skip = frozenset({"relcl", "acl"})
    for v in [head] + sent.ancestors(head)[:3]:
        subjects = [k for k in sent.kids(v) if k.dep in ("nsubjpass", "nsubj")]
        if subjects:
            return {i for k in subjects if k.dep == "nsubjpass" or v != head for i in sent.subtree(k.i, skip)}
    return set()


_STRUCK_PREPS = ("of", "on", "against", "at", "toward", "towards", "into")


def _struck(info: SentInfo, head: int) -> set[int]:
    """What a cue of attack struck: the object of its verb, the phrase of its noun or verb that tells the target
    ("the sinking of a warship", "the attack on a guard post", "fired shells at an island"), or the object of the
    verb it is the subject of ("the blast maimed two soldiers")."""
    sent = info.sent
    skip = frozenset({"relcl", "acl", "appos"})
    tok = sent.toks[head]
    out = {i for k in sent.kids(head) if k.dep == "dobj" for i in sent.subtree(k.i, skip)}
    out |= {i for g in sent.prep_objects([head], _STRUCK_PREPS) for i in sent.subtree(g, skip)}
    if tok.dep == "nsubj" and tok.head != head:
        out |= {i for k in sent.kids(tok.head) if k.dep == "dobj" for i in sent.subtree(k.i, skip)}
    return out


def _place_states(info: SentInfo, idx: set[int]) -> list[str]:
    """The states of the gazetteer's sites and areas named in ``idx`` ("shelled Yeonpyeong Island", "the attack on
    Baengnyeong", "rounds fired against Yeonpyeong": South Korea's); not a sea nor a country named as a place."""
    out = [v.country for h in info.places if any(i in idx for i in info.toks_of(h))
           for v in h.values[:1] if v.country and v.precision in ("site", "area")]
    return list(dict.fromkeys(out))


def _targets(info: SentInfo, head: int, lex: Lexicon) -> list[str]:
    """The side a broadcast or a leaflet drop is aimed at ("broadcasts to the North", "loudspeakers
    aimed at the South", "anti-Pyongyang leaflets"): the states after a preposition of direction in
    the cue's own phrase or on the verb it is the object of ("sent balloons to the South"), or after "anti"."""
    sent = info.sent
    idx: set[int] = set()
    tok = sent.toks[head]
    verb = [k.i for k in sent.kids(tok.head) if k.dep == "prep"] if tok.dep in ("dobj", "nsubjpass") else []
    for i in sent.subtree(head, frozenset({"relcl", "conj", "cc", "appos"})) | set(verb):
        tok = sent.toks[i]
        word = sent.toks[i]
        if word.dep == "prep" and word.text.lower() in lex.target_preps:   # its object names a side
            idx |= {o.i for o in sent.kids(i) if o.dep == "pobj"} | {
                g.i for o in sent.kids(i) if o.dep == "pobj" for g in sent.kids(o.i) if g.dep in _NOUN_AGENT_DEPS}
        elif word.text.lower() in ("anti", "anti-") and word.head != word.i:
            idx |= sent.subtree(word.head)
    return [st for st in _states(info, idx) if st in lex.border_sides]


def _non_state(info: SentInfo, idx: set[int], lex: Lexicon) -> bool:
    """The agent is a non-state group ("South Korean activists"): no state carried it out."""
    toks = [info.sent.toks[i] for i in sorted(idx)]
    if any(t.pos in ("NOUN", "PROPN") and (t.lemma.lower() in lex.non_state_agents
                                            or t.text.lower() in lex.non_state_agents) for t in toks):
        return True
    phrase = f" {' '.join(t.text.lower() for t in toks)} "   # "a defector group", "civic groups"
    return any(f" {a} " in phrase for a in lex.non_state_agents if " " in a)


_SPEAKER = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours"})


def _anaphoric(info: SentInfo, idx: set[int], lex: Lexicon) -> bool:
    """A pronoun or an anaphoric noun phrase that stands for a state named before; not the speaker
    or the one spoken to ("When I visited the unit", "we scattered leaflets")."""
    words = [info.sent.toks[i] for i in sorted(idx)]
    if not words or any(t.text.lower() in _SPEAKER for t in words):
        return False
    text = " ".join(t.text.lower() for t in words)
    # "North Korea said its air force staged a drill", "Seoul said its marines held drills": a possessive
    # pronoun owning forces named by a [context] military word, a state the subject before it ("the Marine
    # Corps said its troops fired": whose, the sentence does not say)
    owned = words[0].head   # the noun the pronoun owns: in the phrase, and itself a military word
    owned_forces = words[0].dep == "poss" and words[0].pos == "PRON" and owned in idx \
        and bool(info.hits_in(info.context("military"), {owned})) and bool(_earlier_subject(info, words[0].i))
    return (len(words) <= 2 and any(t.pos == "PRON" for t in words)) or text in lex.anaphoric_conductors \
        or text in lex.allied_anaphoric or owned_forces


_SINGULAR = frozenset({"it", "its", "itself"})
_PLURAL = frozenset({"they", "their", "them"})


class MeetingSides(tuple):
    """Every side of a meeting told (``_meeting_sides``), kept in the memory for a later plural anaphor ("when
    they met", "the two leaders last met"), never read for one person or state ("he met Trump", "it fired")."""


def _antecedent(info: SentInfo, agent: set[int], memory: list[tuple[str, ...]], lex: Lexicon | None = None) -> list[str]:
    """The states found last before the sentence that an anaphoric agent can stand for: for "it",
    the last single state ("Seoul and Washington held talks. It also fired rockets": not the pair); for
    "the allies" ([conductors] allied_anaphoric), the last group of two or more ("North Korea fired a
    missile after Seoul and Washington began drills. The allies ...": the pair, never North Korea)."""
    singular = any(info.sent.toks[i].text.lower() in _SINGULAR for i in agent)
    plural = any(info.sent.toks[i].text.lower() in _PLURAL for i in agent)
    allied = lex is not None and " ".join(info.sent.toks[i].text.lower() for i in sorted(agent)) in lex.allied_anaphoric
    return list(next((m for m in reversed(memory) if (len(m) == 1 or not singular) and (len(m) > 1 or not allied)
                      and (plural or allied or not isinstance(m, MeetingSides))), ()))


def _earlier_subject_tokens(info: SentInfo, before: int) -> set[int]:
    """The subjects of verbs earlier in the sentence ("North Korea said it ...", "a defector group said it ..."),
    but that of a report told after what it reports ("North Korea fired missiles on Thursday, Seoul's military
    said, two days after it launched ...": who said it is the source, "it" the one who fired)."""
    sent = info.sent
    idx: set[int] = set()
    for t in sent.toks[:before]:
        if t.dep in _SUBJECT_DEPS and not _report_after(sent, t.head):
            idx |= sent.subtree(t.i, frozenset({"relcl", "acl", "appos"}))
    return idx


def _report_after(sent, verb: int) -> bool:
    """A verb told after the clause it reports, set off from it ("..., the JCS said, ..."; "..., Seoul said.")."""
    tok = sent.toks[verb]
    return tok.dep == "parataxis" or any(k.dep == "ccomp" and k.i < verb for k in sent.kids(verb))


def _non_state_antecedent(info: SentInfo, agent: set[int], lex: Lexicon) -> bool:
    """Is the agent a pronoun for a non-state group named as a subject before it ("a defector group said it flew
    balloons", "activists said they had sent leaflets", "the campaigners claimed they launched balloons")?"""
    if not _anaphoric(info, agent, lex):
        return False
    subject = _earlier_subject_tokens(info, min(agent))
    return not _states(info, subject) and _non_state(info, subject, lex)


def _earlier_subject(info: SentInfo, before: int) -> list[str]:
    """States named as the subject of a verb earlier in the sentence ("North Korea said it ...")."""
    return _states(info, _earlier_subject_tokens(info, before))


def pronoun_states(info: SentInfo, head: int, memory: list[tuple[str, ...]], words: frozenset[str]) -> list[str]:
    """The states a personal pronoun that is the subject of the cue's clause, or the possessor of the cue
    noun, stands for ("In 2023, he traveled to Russia for talks with Putin", "It sent shells to Moscow",
    "This is his first visit to China"): those of a subject before it in its sentence, else those found
    last before the sentence (``_antecedent``); none when there is no such pronoun among ``words`` (never
    the speaker: "we met them", "our talks")."""
    sent = info.sent
    verb = sent.verb_above(head)
    kids = [k for k in sent.kids(verb) if k.dep == "nsubj"] if verb is not None else []
    kids += [k for k in sent.kids(head) if k.dep == "poss"]
    prons = {k.i for k in kids if k.tag in ("PRP", "PRP$") and k.text.lower() in words}
    if not prons:
        return []
    return _earlier_subject(info, min(prons)) or _antecedent(info, prons, memory)


def _claimant(info: SentInfo, agent: set[int]) -> list[str]:
    """For a pronoun subject of a clause that tells the content of a noun ("the claim by the DPRK that it
    had conducted a test", "Pyongyang's announcement that it had launched a satellite", "North Korea's
    statement that it fired ..."), the one state that owns the noun or is its "by" agent: whoever else the
    sentence names (the UN condemning the claim), the pronoun is the claimant."""
    sent = info.sent
    pron = next((i for i in sorted(agent) if sent.toks[i].pos == "PRON"), None)
    if pron is None or sent.toks[pron].dep != "nsubj":
        return []
    verb = sent.toks[sent.toks[pron].head]
    noun = sent.toks[verb.head] if verb.dep in ("acl", "ccomp") and verb.head != verb.i else None
    if noun is None or noun.pos != "NOUN":
        return []
    owners = {i for k in sent.kids(noun.i) if k.dep == "poss" for i in sent.subtree(k.i)}
    owners |= {i for g in sent.prep_objects([noun.i], ("by",)) for i in sent.subtree(g)}
    states = _states(info, owners)
    return states if len(states) == 1 else []


def _default_before(info: SentInfo, agent: set[int], lex: Lexicon) -> list[str]:
    """The default state, for an anaphoric agent its sentence names that state before ("Tokyo is watching
    North Korea after it fired a missile", "bombers flew to warn North Korea following its nuclear test"),
    unless the agent's clause is what a state other than it said ("after North Korea's launch, Seoul said
    it fired a missile")."""
    sent, first = info.sent, min(agent)
    if lex.conductor_default not in _states(info, set(range(first))):
        return []
    verb = sent.verb_above(first)
    verb = None if verb is None else sent.climb(verb, CONJ)
    if verb is not None and sent.toks[verb].dep == "ccomp" and sent.toks[verb].head != verb:
        speaker = _states(info, {i for k in sent.kids(sent.toks[verb].head) if k.dep in _SUBJECT_DEPS
                                 for i in sent.subtree(k.i)})
        if speaker and lex.conductor_default not in speaker:
            return []
    return [lex.conductor_default]


def _earlier_owner(info: SentInfo, agent: set[int]) -> list[str]:
    """For "its", the state named last as a possessor earlier in the sentence ("after Pyongyang's
    saber-rattling, highlighted by its firing of cruise missiles", "North Korea's provocations, including
    its launch of a missile"): what "its" stands for when no subject before it names a state."""
    sent = info.sent
    if not any(sent.toks[i].text.lower() == "its" for i in agent):
        return []
    # a possessor, or a name with its "'s" the parser read otherwise ("in the wake of Pyongyang's ...")
    owners = [t.i for t in sent.toks[:min(agent)] if (t.dep == "poss" or any(k.dep == "case" for k in sent.kids(t.i)))
              and _states(info, sent.subtree(t.i))]
    return _states(info, sent.subtree(owners[-1])) if owners else []


def main_subject(info: SentInfo, reporting: set[int]) -> tuple[str, ...]:
    """The states a sentence names as the subject of its main clause (of what a reporting verb
    reports: "KCNA said the ROK army fired"): what a pronoun in a later sentence may stand for.
    A pronoun subject names nothing new."""
    sent = info.sent
    root = next((t.i for t in sent.toks if t.dep == "ROOT"), None)
    seen: set[int] = set()
    while root is not None and root in reporting and root not in seen:
        seen.add(root)
        root = next((k.i for k in sent.kids(root) if k.dep == "ccomp"), None)
    if root is None:
        return ()
    idx = {i for k in sent.kids(root) if k.dep in ("nsubj", "nsubjpass")
           for i in sent.subtree(k.i, frozenset({"relcl", "acl", "appos"}))}
    return tuple(_states(info, idx))


def _coalition(info: SentInfo, agent: set[int], states: list[str], lex: Lexicon,
               memory: list[tuple[str, ...]]) -> Conductors | None:
    """Troops of the coalition's lead state fighting in a war fight as the coalition ("North Korean
    troops suffered losses in Kursk": North Korea and Russia): when the agent names the lead state,
    or names no state while the sentence names it (a pronoun standing for another state, "Ukraine
    said it killed North Korean soldiers", is that state), or its pronoun stands for the lead state
    named before ("North Korea confirmed it sent troops. Its soldiers fought alongside Russian forces",
    "... They fought in the Kursk region")."""
    lead = lex.coalition[0]
    if not states and _anaphoric(info, agent, lex):
        states = _earlier_subject(info, min(agent))
    if lead in states or (not states and lead in _states(info, set(range(len(info.sent.toks))))):
        return Conductors(lex.coalition, lead in states)
    prons = {i for i in agent if info.sent.toks[i].tag in ("PRP", "PRP$") and info.sent.toks[i].dep in ("nsubj", "poss")
             and info.sent.toks[i].text.lower() not in _SPEAKER}
    if prons and lead in (_earlier_subject(info, min(prons)) or _antecedent(info, prons, memory, lex)):
        return Conductors(lex.coalition, True)
    return None


def _answered(states: list[str], cue: str, lex: Lexicon) -> Conductors | None:
    """A cue that answers the other side ("South Korean troops fired warning shots"): the side it
    answers carried the incident out."""
    if cue.lower() in lex.response_cues and len(states) == 1 and states[0] in lex.border_sides:
        return Conductors(tuple(s for s in lex.border_sides if s != states[0]), True)
    return None


def _owners(info: SentInfo, scope: set[int], head: int) -> list[str]:
    """States whose troops the clause names ("Russia has deployed North Korean troops": North Korea's),
    not the units a prepositional phrase names as where they went ("stationed at Russian units",
    "deployed as part of Russian airborne units")."""
    sent = info.sent
    where = {i for k in sent.kids(head) if k.dep == "prep" for i in sent.subtree(k.i)}
    idx: set[int] = set()
    for hit in info.hits_in(info.context("troops"), scope - where):
        idx |= set(info.toks_of(hit))
        noun = info.head_of(hit)
        if noun is not None:
            idx |= {k.i for k in info.sent.kids(noun) if k.dep in _NOUN_AGENT_DEPS}
    return _states(info, idx)


def _guest_verb(info: SentInfo, head: int, lex: Lexicon) -> int | None:
    """The verb whose object the cue noun is when its subject is a guest of the event ([conductors]
    guest_verbs: "Shoigu attended a military parade", "Kim watched the parade", "joined Xi at the parade")."""
    sent = info.sent
    tok = sent.toks[head]
    if tok.dep == "pobj" and tok.head != head and sent.toks[tok.head].text.lower() == "at":
        tok = sent.toks[tok.head]   # "joined Xi at a parade", "watched from the stand at the parade"
    elif tok.dep not in ("dobj", "nsubjpass"):   # "attended a parade", "the parade was watched"
        return None
    if tok.head == tok.i:
        return None
    verb = sent.toks[tok.head]
    return verb.i if verb.text.lower() in lex.guest_verbs else None   # every inflected form is listed


def guest_abroad(info: SentInfo, head: int, scope: set[int], lex: Lexicon) -> tuple[str, ...]:
    """The sides of a visit that a guest's presence at a ceremony abroad tells ("Kim attended a military
    parade in Moscow alongside Putin", "Kim and Putin joined Xi at a parade in Beijing"): the default state
    (the guest, when the guest verb's subject names it or no state), the host where it takes place, and
    the states of the guest's company (the subject, the object of the guest verb, a [conductors]
    guest_company_preps phrase in its clause); none when the host is the default state or no place is named."""
    guest = _guest_verb(info, head, lex)
    if guest is None:
        return ()
    host = _states(info, _venue(info, head, scope | info.scope(guest)) | _where(info, guest))
    home = lex.conductor_default
    if not host or host[0] == home:
        return ()
    sent = info.sent
    subject = {i for k in sent.kids(guest) if k.dep == "nsubj" for i in sent.subtree(k.i)}
    guests = _states(info, subject)
    if guests and home not in guests:
        return ()
    company = {i for k in sent.kids(guest) if k.dep == "dobj" and k.i != head for i in sent.subtree(k.i)}
    company |= {i for k in sent.subtree(guest) if sent.toks[k].dep == "prep"
                and sent.toks[k].text.lower() in lex.guest_company_preps for i in sent.subtree(k)}
    return tuple(dict.fromkeys([home, host[0], *guests, *_states(info, company)]))


def _where(info: SentInfo, verb: int) -> set[int]:
    """The place a "where" clause hangs from ("his stay in Beijing, where he watched a parade"): the place
    names of the phrase the relative clause of ``verb`` modifies, outside the clause (the parser may hang
    it on "stay" or "return" rather than on "Beijing")."""
    sent = info.sent
    tok = sent.toks[verb]
    if tok.dep != "relcl" or not any(k.dep == "advmod" and k.text.lower() == "where" for k in sent.kids(verb)):
        return set()
    return {i for i in sent.subtree(tok.head) - sent.subtree(verb) if sent.toks[i].ent in ("GPE", "LOC", "FAC")}


def _venue(info: SentInfo, head: int, scope: set[int]) -> set[int]:
    """Where a meeting took place: a place name after "in"/"at" in its clause (not "at the invitation
    of"), where the trip it is the purpose of went ("traveled to Moscow for talks"), and a lone state or capital
    modifying the cue noun ("their Hanoi summit")."""
    sent = info.sent
    idx = {j for i in scope if sent.toks[i].dep == "prep" and sent.toks[i].text.lower() in ("in", "at")
           for k in sent.kids(i) if k.dep == "pobj" and k.ent in ("GPE", "LOC", "FAC")
           for j in sent.subtree(k.i)}
    idx |= _trip_destination(info, head)
    named = [h for h in info.actors if any(sent.toks[i].dep == "compound" and sent.toks[i].head == head
                                           for i in info.toks_of(h))]
    if len(named) == 1 and named[0].values[0].kind == "country":
        idx |= set(info.toks_of(named[0]))
    return idx


def _trip_destination(info: SentInfo, head: int) -> set[int]:
    """Where the trip a meeting noun is the purpose of went: the place names after "to"/"in"/"at" on the verb
    whose "for" phrase the cue is ("Choe traveled to Moscow for talks", "flew to Beijing for a summit with Xi",
    "arrived in Pyongyang on Tuesday for talks"), or where those sent went ("sent a delegation led by the minister
    to Moscow")."""
    sent = info.sent
    tok = sent.toks[head]
    if tok.pos in _VERB_POS or tok.tag.startswith("VB"):
        # "sent a delegation led by the minister to Moscow": the parser hangs the destination on the participle
        return _places_after(sent, [a.i for o in sent.kids(head) if o.dep == "dobj"
                                    for a in sent.kids(o.i) if a.dep == "acl"], ("to",))
    if tok.dep != "pobj" or sent.toks[tok.head].text.lower() != "for" or sent.toks[tok.head].dep != "prep":
        return set()
    verb = sent.toks[tok.head].head
    if not (sent.toks[verb].pos in _VERB_POS or sent.toks[verb].tag.startswith("VB")):
        return set()
    return _places_after(sent, [verb], ("to", "in", "at", "into"))


def _places_after(sent, heads: list[int], preps: tuple[str, ...]) -> set[int]:
    """The place names after one of ``preps`` on the words ``heads``."""
    return {j for o in sent.prep_objects(heads, preps) if sent.toks[o].ent in ("GPE", "LOC", "FAC")
            for j in sent.subtree(o)}


def _pronoun_side(info: SentInfo, agent: set[int], states: list[str],
                  memory: list[tuple[str, ...]], counterpart: bool = False) -> list[str]:
    """A side named by a personal pronoun ("his talks with Kim", "their summit"): the state (for a
    plural pronoun every state) of the subject before it in the sentence, else of the main clause's
    subject ("On his trip to China, Kim was ..."), else (no subject but the pronoun, singular) the
    last state named before it in the sentence, else found before it in the document, that is not the
    other side. ``counterpart``: the pronoun is whom the subject met ("discussed it with her"), never the
    subject's side: no subject is read for it."""
    sent = info.sent
    prons = [i for i in sorted(agent) if sent.toks[i].tag in ("PRP", "PRP$")
             and sent.toks[i].text.lower() not in ("it", "its", "we", "our", "us")]
    if not prons:
        return []
    # "they", "their summit": every state of the subject they stand for; "his", "she": one
    plural = sent.toks[prons[0]].text.lower() in _PLURAL
    take = None if plural else 1
    earlier = [] if counterpart else [st for st in _earlier_subject(info, prons[0]) if st not in states]
    if earlier:
        return earlier[:take]
    # the main clause's subject, active or passive ("On his trip to China, Kim was accompanied by ...")
    root = next((t.i for t in sent.toks if t.head == t.i), None)
    main = {i for k in sent.kids(root) if k.dep in ("nsubj", "nsubjpass")
            for i in sent.subtree(k.i, frozenset({"relcl", "acl", "appos"}))} if root is not None else set()
    if main and prons[0] not in main and (subject := _states(info, main)) and not counterpart:
        return [st for st in subject if st not in states][:take]
    if plural:   # "when they met in Vladivostok", "their first summit": the sides of a meeting told before
        return _sides_told(memory, states)
    # a person named before it in its sentence ("greeted Putin in Pyongyang, where he and Kim signed"), not
    # a state named as a place ("his first visit to China, when he also traveled to Vietnam")
    before = _states(info, set(range(prons[0])), persons=True)
    if named := [st for st in before if st not in states]:
        return named[-1:]
    return next(([st] for group in reversed(memory) if not isinstance(group, MeetingSides)
                 for st in reversed(group) if st not in states), [])


def _both_parties(info: SentInfo, idx: set[int], memory: list[tuple[str, ...]], known: list[str]) -> list[str]:
    """The two parties a [context] both_parties word stands for ("officials from the two sides met",
    "both leaders met again"): ``_sides_told``."""
    if not info.hits_in(info.context("both_parties"), idx):
        return []
    return _sides_told(memory, known)


def _sides_told(memory: list[tuple[str, ...]], known: list[str]) -> list[str]:
    """The states of the last group found before that names two or more, and every side already ``known``
    ("during a meeting with Shoigu, the two sides agreed": a group with Russia, not the last pair met)."""
    return list(next((g for g in reversed(memory) if len(g) >= 2 and set(known) <= set(g)), ()))


def _ratifier(info: SentInfo, head: int, lex: Lexicon) -> set[int]:
    """Who ratifies an agreement, or signs it into law, acts alone: the subject (or possessor) of a
    [conductors] ratify_words word that governs the cue or is the cue ("Russia's upper house ratified
    the treaty", "Putin signs into law the treaty with North Korea", "the ratification of the pact")."""
    sent = info.sent
    words = lex.ratify_words
    chain = [head] + sent.ancestors(head)
    for n, a in enumerate(chain[:4]):
        tok = sent.toks[a]
        into_law = tok.lemma.lower() == "sign" and any(
            k.dep == "prep" and k.text.lower() == "into"
            and "law" in {sent.toks[i].text.lower() for i in sent.subtree(k.i)} for k in sent.kids(a))
        if tok.lemma.lower() in words or into_law:
            if tok.pos in ("NOUN", "PROPN"):   # "the ratification of the pact": whose, or who finalized it
                own = {i for k in sent.kids(a) if k.dep == "poss" for i in sent.subtree(k.i)}
                if own or tok.dep not in ("dobj", "nsubjpass"):
                    return own
                a = tok.head
            return {i for k in sent.kids(a) if k.dep in ("nsubj", "nsubjpass", "agent")
                    for i in sent.subtree(k.i)}
        if tok.pos in _VERB_POS and n > 0:
            break
    return set()


def conjoined(info: SentInfo, scope: set[int]) -> set[int]:
    """The nouns coordinated with a noun of the cue's scope, with their own phrases ("sent troops and
    weapons", "supplied Moscow with soldiers, shells and missiles"): what the cue acts on too (the scope
    stops at every conjunct, of clauses as of nouns)."""
    sent = info.sent
    out: set[int] = set()
    stack = [i for i in scope if sent.toks[i].pos in _NOUNS]
    while stack:
        i = stack.pop()
        for k in sent.kids(i):
            if k.dep == "conj" and k.pos in _NOUNS and k.i not in out:
                out |= sent.subtree(k.i, NOUN_SKIP_DEPS)
                stack.append(k.i)
    return out


def _meeting_sides(info: SentInfo, head: int, agent: set[int], scope: set[int], lex: Lexicon,
                   memory: list[tuple[str, ...]]) -> list[str]:
    """Every side of a meeting: the states its clause names, the host included ("Lavrov arrived in
    Pyongyang"), but not the state where two others met ("Trump and Kim met in Hanoi"); a side
    named by a pronoun ("his talks with Kim"); both Koreas when an inter-Korean word names them."""
    own_act = _states(info, _ratifier(info, head, lex))
    if own_act:   # "Putin signed the treaty with North Korea into law": Russia's act alone
        memory.append(tuple(own_act))
        return own_act
    scope = scope | conjoined(info, scope)   # "called the leaders of South Korea and Japan"
    topics = _topics(info, head, scope, lex)
    venue = _venue(info, head, scope) - topics   # "discussed the situation in Ukraine": no venue
    sides = _states(info, agent - venue - topics)
    if len(sides) < 2:
        # the pronoun on the cue, on its governor or on the verb of its clause ("he traveled to Russia for talks")
        sent = info.sent
        own = {i for i in agent if sent.toks[i].head in (head, sent.toks[head].head, sent.verb_above(head))}
        sides += [st for st in _pronoun_side(info, own, sides, memory) if st not in sides]
    if len(sides) < 2:
        # the pronoun a "with" phrase of the cue opens ("discussed the situation with her"): the other side, not
        # who the sentence is about
        met = info.sent.prep_objects([head], tuple(lex.side_preps))
        sides += [st for st in _pronoun_side(info, met, sides, memory, counterpart=True) if st not in sides]
    if len(sides) < 2:
        sides += [st for st in _both_parties(info, agent | scope, memory, sides) if st not in sides]
    if sides:
        memory.append(tuple(sides))
    apart = venue | _prior_clauses(info, head, scope) | topics
    sides = list(dict.fromkeys(sides + _states(info, scope - apart)))
    if len(sides) < 2:   # one side named: where it went is the host
        sides = list(dict.fromkeys(sides + _states(info, venue)))
    if set(sides) <= set(lex.border_sides) and info.context("both_koreas"):
        sides = list(dict.fromkeys(sides + list(lex.border_sides)))
    if len(sides) >= 2:
        memory.append(MeetingSides(sides))   # "they", "the two leaders" later stand for every side
    return sides


def _giver(info: SentInfo, head: int, lex: Lexicon) -> list[str] | None:
    """Who handed over what a verb of receiving ([conductors] receiver_verbs) at ``head`` got: the states of its
    "from" phrase in its clause ("Russia has received missiles from North Korea"), none when it names none; None when the cue
    is no such verb."""
    sent = info.sent
    tok = sent.toks[head]
    if not (tok.pos in _VERB_POS or tok.tag.startswith("VB")) or tok.lemma.lower() not in lex.receiver_verbs:
        return None
    # the parser hangs the phrase on the verb or on what was got ("obtained millions of shells from Pyongyang")
    return _states(info, {i for k in info.scope(head) if sent.toks[k].dep == "prep"
                          and sent.toks[k].text.lower() == "from" for i in sent.subtree(k)})


def _topics(info: SentInfo, head: int, scope: set[int], lex: Lexicon) -> set[int]:
    """What a meeting was about: the phrases of a [conductors] topic_preps preposition in the cue's scope ("spoke
    by phone about the North's missile launch", "talks on the North Korean threat"), not "on" a place or a day
    ("on the sidelines of", "on Monday"), and the object of a [conductors] topic_verbs cue ("discussed the
    situation in Ukraine with her"); a side met inside one stays ("talks on cooperation with Japan")."""
    sent = info.sent
    topics = [k.i for k in sent.kids(head) if k.dep == "dobj"] if sent.toks[head].lemma.lower() in lex.topic_verbs \
        else []
    for i in scope:
        tok = sent.toks[i]
        if tok.dep != "prep" or tok.text.lower() not in lex.topic_preps:
            continue
        topics += [k.i for k in sent.kids(i) if k.dep == "pobj" and k.ent not in ("DATE", "TIME", "GPE", "LOC", "FAC")
                   and not (tok.text.lower() == "on" and k.text.lower() in lex.not_topic_nouns)]
    out: set[int] = set()
    side_preps = lex.side_preps | {"between"}
    for k in topics:
        inner = {j for p in sent.subtree(k) if sent.toks[p].dep == "prep"
                 and sent.toks[p].text.lower() in side_preps for j in sent.subtree(p)}
        out |= sent.subtree(k) - inner
    return out


def _inflicted_by(info: SentInfo, head: int, lex: Lexicon) -> list[str]:
    """The states of the strike a loss verb told in the passive names ("were killed in a Ukrainian robot attack",
    "were wounded by Ukrainian artillery"): who inflicted the losses."""
    sent = info.sent
    tok = sent.toks[head]
    if tok.lemma.lower() not in lex.loss_verbs or not any(k.dep in ("nsubjpass", "auxpass") for k in sent.kids(head)):
        return []
    strikes = [g.i for k in sent.kids(head) if k.dep in ("prep", "agent") and k.text.lower() in ("in", "by")
               for g in sent.kids(k.i) if g.dep == "pobj" and g.lemma.lower() in lex.strike_nouns]
    # the strike's own words, not a place its phrase names ("a Ukrainian attack in Russian-occupied territory")
    return _states(info, set(strikes) | {i for g in strikes for k in sent.kids(g)
                                                 if k.dep in ("amod", "compound", "poss", "nmod") for i in sent.subtree(k.i)})


def _prior_clauses(info: SentInfo, head: int, scope: set[int]) -> set[int]:
    """The clauses a preposition opens in the cue's scope ("arrived in Beijing, weeks after accusing Washington",
    "days after threatening to quit talks with the US"): what the visitor did besides, not whom they meet (the
    cue's own clause stays, "with Pompeo also meeting Kim Yong Chol")."""
    sent = info.sent
    return set().union(set(), *(sent.subtree(i) for i in scope if i != head and sent.toks[i].dep == "pcomp"
                                and (sent.toks[i].pos in _VERB_POS or sent.toks[i].tag.startswith("VB"))))


def conductors(info: SentInfo, head: int, type_: str, weapon_country: str | None, scope: set[int],
               lex: Lexicon, memory: list[tuple[str, ...]], kind: str | None = None, cue: str = "",
               named: tuple[str, ...] = ()) -> Conductors:
    """Who carried out the event whose cue heads at ``head``. ``memory``: the states found as agents
    and as the subjects of sentences earlier in the document, one group per finding (read for
    anaphora, extended with what is found here). ``kind`` and
    ``cue``: the kind of event and the cue entry (a seizure stops a transfer that others carried
    out; warning shots answer an incident the other side carried out). ``named``: the sides of the
    exercises whose names name the event (events._names_by_head: "drills, codenamed Invincible Spirit")."""
    guest = _guest_verb(info, head, lex) if type_ in lex.guest_types else None
    if guest is not None and (host := _states(info, _venue(info, head, scope | info.scope(guest)) | _where(info, guest))):
        return Conductors(tuple(host[:1]), False)   # "attended a parade in Pyongyang", "watched a parade in Beijing"
    if type_ in lex.conductor_owner_types and (owners := _owners(info, scope, head)):
        memory.append(tuple(owners))
        return Conductors(tuple(owners), True)
    if type_ in lex.receiver_types and (giver := _giver(info, head, lex)) is not None:
        if giver:
            return Conductors(tuple(giver), True)
        # no "from" phrase ("Moscow has received weapons shipments"): the weapon's maker or the default state,
        # unless that state is the receiver ("North Korea received fighter jets": from whom, the text does not say)
        receiver = _states(info, {i for k in info.sent.kids(head) if k.dep in _SUBJECT_DEPS
                                  for i in info.sent.subtree(k.i)})
        giver = [weapon_country] if weapon_country else [lex.conductor_default] if type_ in lex.conductor_default_types else []
        return Conductors(tuple(st for st in giver if st not in receiver), False)
    agent = _agent_tokens(info, head, lex, own_first=type_ not in lex.conductor_all_named,
                          sides=type_ in lex.conductor_all_named, victim=kind in lex.victim_kinds,
                          doers=lex.conduct_verbs if type_ in lex.conduct_verb_types else None,
                          appos=kind in lex.apposition_kinds, load=kind in lex.load_kinds,
                          acts=type_ in lex.act_types, helpers=type_ in lex.help_types)
    states = _states(info, agent)
    if guest is not None and states and not set(states) & set(lex.border_sides):
        return Conductors((lex.conductor_default,), False)   # a foreign guest, no venue named: the default host
    if kind in lex.coalition_kinds and (inflicted := _inflicted_by(info, head, lex)):
        return Conductors(tuple(inflicted), True)
    if kind in lex.coalition_kinds and lex.coalition and (coalition := _coalition(info, agent, states, lex, memory)):
        return coalition
    if kind in lex.interdiction_kinds:   # the seizing state stopped it: the others named did it
        others = [st for st in _states(info, set(range(len(info.sent.toks)))) if st not in states]
        return Conductors(tuple(others), True) if others else Conductors((lex.conductor_default,), False)
    if not states and agent and info.hits_in(info.context("both_koreas"), agent):
        return Conductors(tuple(lex.border_sides), True)   # "the two Koreas exchanged fire", "both Koreas held drills"
    if agent and (_non_state(info, agent, lex) or _non_state_antecedent(info, agent, lex)):
        return Conductors((), True)
    if (answered := _answered(states, cue, lex)) is not None:
        return answered
    if (cue.lower() in lex.mutual_cues or kind in lex.mutual_kinds) and set(states) <= set(lex.border_sides):
        # fire exchanged, a naval battle: both sides
        return Conductors(tuple(lex.border_sides), bool(states))
    if not states and kind in lex.victim_kinds:   # "a South Korean was shot dead": by the other side
        victims = _states(info, _passive_subject(info, head))
        if len(victims) == 1 and victims[0] in lex.border_sides:
            return Conductors(tuple(s for s in lex.border_sides if s != victims[0]), False)
    if type_ in lex.meeting_types and (states or any(info.sent.toks[i].pos == "PRON" for i in agent)
                                       or info.hits_in(info.context("both_parties"), agent)):
        return Conductors(tuple(_meeting_sides(info, head, agent, scope, lex, memory)), True)
    if states:
        memory.append(tuple(states))
        if type_ in lex.conductor_host_types:   # a meeting: the host as well as the visitor
            states = list(dict.fromkeys(states + _states(info, scope)))
        if type_ in lex.conductor_all_named:    # "last year's UFS involved 19,000 South Korean troops": all its sides
            states = list(dict.fromkeys(states + _named_exercise(info, head, scope, lex, named)))
        return Conductors(tuple(states), True)
    if type_ in lex.meeting_types and info.context("both_koreas"):
        return Conductors(tuple(lex.border_sides), False)   # "an agreement between the two Koreas"
    if kind in lex.target_kinds and len(targets := _targets(info, head, lex)) == 1:
        return Conductors(tuple(s for s in lex.border_sides if s != targets[0]), True)
    if _anaphoric(info, agent, lex):
        # "the military said it fired warning shots": what "it" answered (the document's last agent
        # is no safe referent for an answer: it is as often the side answered)
        answer = cue.lower() in lex.response_cues
        said = _claimant(info, agent) or (type_ in lex.pronoun_default_types and _default_before(info, agent, lex)) \
            or _earlier_subject(info, min(agent)) or _earlier_owner(info, agent)
        earlier = said or ([] if answer else _antecedent(info, agent, memory, lex))
        if said:   # "North Korea confirmed that it had sent troops": what a pronoun after it may stand for
            memory.append(tuple(said))
        if earlier:
            return _answered(earlier, cue, lex) or Conductors(tuple(earlier), True)
    if kind in lex.struck_kinds:   # "the sinking of a South Korean warship": by the other side
        target = _struck(info, head)
        struck = _states(info, target) or _place_states(info, target)
        if len(struck) == 1 and struck[0] in lex.border_sides:
            return Conductors(tuple(s for s in lex.border_sides if s != struck[0]), False)
    if told := _both_parties(info, agent | scope, memory, []):
        return Conductors(tuple(told), True)   # "the three countries held drills", "a drill involving both nations"
    if weapon_country:
        return Conductors((weapon_country,), False)
    named_exercise = _named_exercise(info, head, scope, lex, named,
                                     own_clause=type_ not in lex.conductor_all_named)
    if named_exercise:
        return Conductors(tuple(dict.fromkeys(named_exercise)), False)
    if type_ in lex.conductor_all_named or type_ in lex.conductor_clause_types:
        named = _states(info, scope)
        if named:
            return Conductors(tuple(named), False)
    if type_ in lex.conductor_default_alone:
        named = _states(info, set(range(len(info.sent.toks))))
        if named and lex.conductor_default not in named:
            return Conductors()   # a ceremony abroad, or of the other side: whose, the text does not say
    if type_ in lex.conductor_default_types or kind in lex.conductor_default_kinds:
        return Conductors((lex.conductor_default,), False)
    return Conductors()
