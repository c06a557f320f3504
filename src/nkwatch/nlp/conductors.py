"""Who carried an event out: the state or states whose forces or officials did it (``conducted_by``).

Read from the clause of the event's cue, in this order (the first that names a state decides):
  0. for deployments, the state whose troops the clause names, whoever sends them;
  1. the agent: the subject of the cue verb, or of the verb a cue noun is the object of ("North
     Korea conducted a test"; for drills only a verb of doing, [conductors] conduct_verbs: "North
     Korea condemned the drills" names no side), the "by" phrase of a passive, the possessor or the modifiers of a cue
     noun ("a U.S. Minuteman test", "South Korean-U.S. drills") and its participant phrases
     ("drills between the U.S. and South Korea"); persons and units count as their state;
  2. a pronoun or an anaphoric subject ("it fired", "the country launched"): the state named
     before it in the sentence as a subject, else the last state found as an agent in the document;
  3. the weapon: a named system belongs to the state that fields it (data/weapons.toml `country`,
     North Korea's systems by default); a named exercise to its participants (data/exercises.toml);
  4. for the types where the domain implies it (data/event_cues.toml [conductors] default_types),
     the default state; for meetings, drills and clashes, every state the clause names (all sides,
     also beside an agent: the host of a visit).
What none of these gives stays unknown (an empty list)."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon
from .sentinfo import SentInfo

_SUBJECT_DEPS = ("nsubj", "csubj")
_NOUN_AGENT_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
_VERB_POS = ("VERB", "AUX")
_AGENT_PREPS = ("by", "from")


@dataclass(frozen=True)
class Conductors:
    states: tuple[str, ...] = ()
    explicit: bool = False        # named as the agent (1, 2), not inferred (3, 4)


def _states(info: SentInfo, idx: set[int]) -> list[str]:
    """States of the actor names (countries, persons, units) whose tokens lie in ``idx``, in text order."""
    out = []
    for hit in sorted(info.actors, key=lambda h: h.start):
        if any(i in idx for i in info.toks_of(hit)):
            out += [v.country for v in hit.values[:1] if v.country]
    return list(dict.fromkeys(out))


def _agent_tokens(info: SentInfo, head: int, lex: Lexicon, own_first: bool = False, sides: bool = False,
                  doers: frozenset[str] | None = None, appos: bool = False) -> set[int]:
    """The tokens that name who did what the cue at ``head`` reports. ``own_first``: a cue noun's own
    agent (its possessor, modifiers, "by"/"from" phrase) is preferred to the subject of the verb
    it is the object of (for types whose clause names one side). ``sides``: every side takes part
    (a meeting, a drill), so a list of states the parser reads as an apposition ("South Korea,
    U.S., Japan launch drills") names them all, and so do a "with" phrase of the verb ("held drills
    with Japan") and the object of a verb of participation ("drills involving US forces").
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
        while tok.dep == "conj" and tok.head != tok.i:   # "troops and weapons": as the first conjunct
            tok = sent.toks[tok.head]
        if tok.dep == "pobj" and sent.toks[tok.head].text.lower() == "of":   # "turned off banks of loudspeakers"
            quantity = sent.toks[sent.toks[tok.head].head]
            if quantity.lemma.lower() in lex.quantity_nouns or quantity.text.lower() in lex.quantity_nouns:
                tok = quantity
        own: set[int] = set()
        for k in sent.kids(head):
            if any(sent.toks[i].text.lower() in ("anti", "counter") for i in sent.subtree(k.i)):
                continue   # "anti-Pyongyang broadcasts": the target, not the agent
            if k.dep in _NOUN_AGENT_DEPS or (k.dep == "prep" and k.text.lower() in _AGENT_PREPS):
                own |= sent.subtree(k.i)
            elif k.dep == "prep" and k.text.lower() in lex.conductor_preps:
                idx |= sent.subtree(k.i)
        gov = sent.toks[tok.head]
        if tok.dep != "attr":   # "X became Moscow's supplier": X, whoever Moscow is
            idx |= own
        # "the US condemned the transfer of missiles from North Korea": the noun's own agent decides,
        # else the subject of the verb it depends on
        own_decides = own_first and tok.dep != "attr" and bool(_states(info, own))
        if not own_decides and tok.dep in ("dobj", "attr", "nsubjpass") and tok.head != tok.i and (
                gov.pos in _VERB_POS or gov.tag.startswith("VB")) and _doer(gov, doers):
            verbs.append(tok.head)
        elif not own_decides and tok.dep == "pobj" and gov.dep == "prep" and gov.head != gov.i and (
                sent.toks[gov.head].pos in _VERB_POS) and _doer(sent.toks[gov.head], doers):
            verbs.append(gov.head)   # "X seized the town in a surprise attack", "took part in the drills"
        elif not own_decides and tok.dep == "dobj" and not _doer(gov, doers):
            # "condemned the drills by Seoul and Washington": an active verb has no agent phrase,
            # the parser hung the noun's on it
            idx |= {i for k in sent.kids(gov.i) if k.dep == "prep" and k.text.lower() == "by"
                    for i in sent.subtree(k.i)}
        if sides:
            idx |= _participants(info, tok, lex)
    elif tok.dep == "pcomp" and not any(k.dep in _SUBJECT_DEPS for k in sent.kids(head)):
        # "the North's campaign of sending balloons": whose the campaign is
        prep = sent.toks[tok.head]
        if prep.head != prep.i and sent.toks[prep.head].pos in ("NOUN", "PROPN"):
            idx |= {i for k in sent.kids(prep.head) if k.dep in ("poss", "compound", "amod")
                    for i in sent.subtree(k.i)}
    for v in verbs:
        for k in sent.kids(v):
            if k.dep in _SUBJECT_DEPS:
                idx |= sent.subtree(k.i, skip)
            elif k.dep == "prep" and (k.text.lower() in lex.ally_preps or (sides and k.text.lower() in lex.side_preps)):
                idx |= sent.subtree(k.i)   # "fought alongside Russian forces", "held drills with Japan"
            elif k.dep == "agent":
                idx |= sent.subtree(k.i)
        if not idx:   # "North Korean troops were deployed": whose the passive subject is
            for k in sent.kids(v):
                if k.dep == "nsubjpass":
                    idx |= {g.i for g in sent.kids(k.i) if g.dep in _NOUN_AGENT_DEPS}
        # "it was North Korea that fired": nothing more; a conjoined verb shares its subject, and an
        # infinitive its governing verb's ("Russia used missiles to strike Kharkiv")
        if sent.toks[v].dep in ("conj", "xcomp") and not any(k.dep in _SUBJECT_DEPS for k in sent.kids(v)):
            first = sent.toks[v].head
            for k in sent.kids(first):   # "soldiers were seen building walls": the passive subject
                if k.dep in _SUBJECT_DEPS or (k.dep == "nsubjpass" and sent.toks[v].dep == "xcomp"):
                    idx |= sent.subtree(k.i, frozenset({"relcl", "acl", "appos"}))
        # "soldiers who crossed the line": the noun the relative pronoun stands for
        if sent.toks[v].dep == "relcl" and idx and all(sent.toks[i].tag in ("WP", "WDT") for i in idx):
            noun = sent.toks[v].head
            idx = sent.subtree(noun, frozenset({"relcl", "acl", "appos", "prep", "conj", "cc", "punct"}))
    return idx


def _doer(verb, doers: frozenset[str] | None) -> bool:
    return doers is None or verb.lemma.lower() in doers or verb.text.lower() in doers


def _is(tok, forms: frozenset[str]) -> bool:
    return tok.lemma.lower() in forms or tok.text.lower() in forms


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
        "from", "of", "with")) for i in sent.subtree(k.i)}   # not "in waters off South Korea"


def agent_states(info: SentInfo, head: int, lex: Lexicon) -> list[str]:
    """The states named as doing what the cue at ``head`` reports, for a type whose every side
    takes part (a drill a state holds): the sides of its agent, nothing inferred."""
    return _states(info, _agent_tokens(info, head, lex, sides=True, doers=lex.conduct_verbs))


def _named_exercise(info: SentInfo, head: int, scope: set[int], lex: Lexicon, named: tuple[str, ...]) -> list[str]:
    """The sides of the named exercise of the cue: a name in its clause, in an apposition or a
    participle of the cue ("the exercise, known as Freedom Shield"), or naming the event ("Titled
    Freedom Edge, the exercise began": ``named``)."""
    sent = info.sent
    reach = scope | sent.subtree(head)
    # "staged nuclear war drills in succession, including Iron Mace": an instance of the drills,
    # wherever in the clause the parser hangs it
    clause = info.scope(sent.toks[head].head) | reach
    reach |= {i for k in clause if sent.toks[k].dep == "prep" and sent.toks[k].text.lower() in lex.instance_preps
              for i in sent.subtree(k)}
    names = info.find(lex.exercises) if lex.exercises is not None else []
    return list(dict.fromkeys([st for h in info.hits_in(names, reach) for st in h.values[0]] + list(named)))


def _passive_subject(info: SentInfo, head: int) -> set[int]:
    sent = info.sent
    return {i for k in sent.kids(head) if k.dep == "nsubjpass" for i in sent.subtree(k.i, frozenset({"relcl", "acl"}))}


def _non_state(info: SentInfo, idx: set[int], lex: Lexicon) -> bool:
    """The agent is a non-state group ("South Korean activists"): no state carried it out."""
    toks = [info.sent.toks[i] for i in idx]
    return any(t.pos in ("NOUN", "PROPN") and (t.lemma.lower() in lex.non_state_agents
                                                or t.text.lower() in lex.non_state_agents) for t in toks)


def _anaphoric(info: SentInfo, idx: set[int], lex: Lexicon) -> bool:
    words = [info.sent.toks[i] for i in sorted(idx)]
    if not words:
        return False
    text = " ".join(t.text.lower() for t in words)
    return (len(words) <= 2 and any(t.pos == "PRON" for t in words)) or text in lex.anaphoric_conductors


def _earlier_subject(info: SentInfo, before: int) -> list[str]:
    """States named as the subject of a verb earlier in the sentence ("North Korea said it ...")."""
    sent = info.sent
    idx: set[int] = set()
    for t in sent.toks[:before]:
        if t.dep in _SUBJECT_DEPS:
            idx |= sent.subtree(t.i, frozenset({"relcl", "acl", "appos"}))
    return _states(info, idx)


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


def conductors(info: SentInfo, head: int, type_: str, weapon_country: str | None, scope: set[int],
               lex: Lexicon, memory: list[str], kind: str | None = None, cue: str = "",
               named: tuple[str, ...] = ()) -> Conductors:
    """Who carried out the event whose cue heads at ``head``. ``memory``: the states found as agents
    earlier in the document (read for anaphora, extended with what is found here). ``kind`` and
    ``cue``: the kind of event and the cue entry (a seizure stops a transfer that others carried
    out; warning shots answer an incident the other side carried out). ``named``: the sides of the
    exercises whose names name the event (events._names_by_head: "drills, codenamed Invincible Spirit")."""
    if type_ in lex.conductor_owner_types and (owners := _owners(info, scope, head)):
        memory.extend(owners)
        return Conductors(tuple(owners), True)
    agent = _agent_tokens(info, head, lex, own_first=type_ not in lex.conductor_all_named,
                          sides=type_ in lex.conductor_all_named,
                          doers=lex.conduct_verbs if type_ in lex.conduct_verb_types else None,
                          appos=kind in lex.apposition_kinds)
    states = _states(info, agent)
    if kind in lex.interdiction_kinds:   # the seizing state stopped it: the others named did it
        others = [st for st in _states(info, set(range(len(info.sent.toks)))) if st not in states]
        return Conductors(tuple(others), True) if others else Conductors((lex.conductor_default,), False)
    if agent and _non_state(info, agent, lex):
        return Conductors((), True)
    if states and cue.lower() in lex.response_cues and len(states) == 1 and states[0] in lex.border_sides:
        return Conductors(tuple(s for s in lex.border_sides if s != states[0]), True)
    if cue.lower() in lex.mutual_cues and set(states) <= set(lex.border_sides):   # fire exchanged: both sides
        return Conductors(tuple(lex.border_sides), bool(states))
    if not states and kind in lex.victim_kinds:   # "a South Korean was shot dead": by the other side
        victims = _states(info, _passive_subject(info, head))
        if len(victims) == 1 and victims[0] in lex.border_sides:
            return Conductors(tuple(s for s in lex.border_sides if s != victims[0]), False)
    if states:
        memory.extend(states)
        if type_ in lex.conductor_host_types:   # a meeting: the host as well as the visitor
            states = list(dict.fromkeys(states + _states(info, scope)))
        if type_ in lex.conductor_all_named:    # "last year's UFS involved 19,000 South Korean troops": all its sides
            states = list(dict.fromkeys(states + _named_exercise(info, head, scope, lex, named)))
        return Conductors(tuple(states), True)
    if _anaphoric(info, agent, lex):
        earlier = _earlier_subject(info, min(agent))
        if earlier:
            return Conductors(tuple(earlier), True)
        if memory:
            return Conductors((memory[-1],), True)
    if weapon_country:
        return Conductors((weapon_country,), False)
    named_exercise = _named_exercise(info, head, scope, lex, named)
    if named_exercise:
        return Conductors(tuple(dict.fromkeys(named_exercise)), False)
    if type_ in lex.conductor_all_named or type_ in lex.conductor_clause_types:
        named = _states(info, scope)
        if named:
            return Conductors(tuple(named), False)
    if type_ in lex.conductor_default_types:
        return Conductors((lex.conductor_default,), False)
    return Conductors()
