"""Modality of an event cue: did the sentence assert that it happened?

Walks from the cue up its chain of syntactic heads and reads the words that change the assertion:
negation and denial verbs (denied), future auxiliaries and plan verbs (planned), threat verbs
(threatened), modal auxiliaries, conditionals, words like "possible" and what a ban forbids
("barred from launching") and what a thing is built for ("designed to launch") (hypothetical). A to-
infinitive reports a fact only under an implicative verb ("continued to provide") or as the purpose
of a past motion ("sent a delegation to meet"); a cue inside a past participle or past relative
clause is presupposed ("territories captured in an offensive launched in August"), a cue verb told in
the past in a relative clause is a fact whatever its noun's clause plans ("a summit with Kim, whom he
last met in 2019"), and so is a past
clause a temporal or causal conjunction opens ("after it fired a rocket", "since a rocket exploded").
An attempt that was made ("tried to launch", "a failed attempt to put a satellite into orbit")
reports the event; so does a "to be" naming it under an evidential verb told in the past ("the tremor
appeared to be a nuclear test"); a hedge on a past report ("possibly fired", "may have fired") does not make it
hypothetical. Habitual adverbs ("has long been") and summary
quantifiers ("numerous tests") make the cue background: ``None``, never emitted; quantifiers of
things fired or sent ("multiple bullets") do not.
For the types of scheduled events, a cue that a verb or noun of cancelling takes as its object
("suspended the drills", "the cancellation of the parade") did not take place, and one still awaited
("ahead of the drills") is planned (``scheduled``).
The walk stops at a reporting verb: attribution is not modality. Word lists: event_cues.toml."""
from __future__ import annotations

from ..dates import MONTH_NAMES, WEEKDAY_NAMES
from .records import Sent

GENERIC = None
_ACTOR_ENTS = ("GPE", "NORP", "PERSON", "ORG")


def _is_infinitive(sent: Sent, i: int) -> bool:
    tok = sent.toks[i]
    return tok.tag == "VB" and any(k.tag == "TO" and k.dep == "aux" for k in sent.kids(i))


def _told_past(sent: Sent, i: int) -> bool:
    """A verb told in the past: "fired", "was fired", "had fired", "has fired", "(appeared) to have fired"."""
    tok = sent.toks[i]
    aux = [k for k in sent.kids(i) if k.dep in ("aux", "auxpass")]
    return tok.tag == "VBD" or (tok.tag == "VBN" and any(
        k.tag in ("VBD", "VBZ", "VBP") or k.lemma.lower() == "have" for k in aux))


def past_tense(sent: Sent, i: int) -> bool:
    """A verb in a past tense: "met", "was signed", "had met", "has met" (not the present passive "are sent")."""
    tok = sent.toks[i]
    aux = [k for k in sent.kids(i) if k.dep in ("aux", "auxpass")]
    return (tok.tag == "VBD" and not aux) or (tok.tag == "VBN" and any(
        k.tag == "VBD" or k.lemma.lower() == "have" for k in aux))


def going_on(sent: Sent, i: int, past_marks: frozenset[str] = frozenset()) -> bool:
    """Is the clause of token ``i`` told as going on now ("are conducting", "is taking place", "has
    been holding")? Read on the nearest verb at or above it: a present progressive; a past one too in a
    clause one of ``past_marks`` opens ("the launch came as the allies were staging their air exercise")."""
    v = sent.verb_above(i)
    if v is None or sent.toks[v].tag != "VBG":
        return False
    aux = [k for k in sent.kids(v) if k.dep in ("aux", "auxpass")]
    past = any(k.dep in ("mark", "advmod") and k.text.lower() in past_marks for k in sent.kids(v))
    tenses = ("VBZ", "VBP", "VBD") if past else ("VBZ", "VBP")
    return any(k.tag in tenses for k in aux) and not any(k.tag == "MD" or (k.tag == "VBD" and not past) for k in aux)


def _absolute_with(sent: Sent, prep: int, below: int) -> bool:
    """Does "with" open a clause of its own, a participle with its own subject ("with Pompeo meeting
    Kim", "with the North firing two missiles")? It asserts what it tells, whatever its host says."""
    tok, verb = sent.toks[prep], sent.toks[below]
    return tok.text.lower() == "with" and verb.dep == "pcomp" and verb.tag == "VBG" \
        and any(k.dep == "nsubj" for k in sent.kids(below))


def _content_clause(sent, i: int) -> bool:
    """Is the clause at ``i``, parsed as a relative one, the content of the noun it hangs on ("possibilities
    that the boat violated the line": "that" opens it as a conjunction, no relative pronoun)?"""
    return any(k.dep == "mark" and k.text.lower() == "that" for k in sent.kids(i))


def _agented_participle(sent: Sent, i: int) -> bool:
    """A past participle describing a noun with who did it ("the treaty signed by the two leaders")."""
    tok = sent.toks[i]
    return tok.dep == "acl" and tok.tag == "VBN" and any(k.dep == "agent" for k in sent.kids(i))


def _first_verb(sent: Sent, chain: list[int], pos: int) -> bool:
    """Is ``chain[pos]`` the first verb above the cue (the cue itself, or the verb of a cue noun)?"""
    return sent.toks[chain[pos]].pos in ("VERB", "AUX") and not any(
        sent.toks[i].pos in ("VERB", "AUX") for i in chain[:pos])


def _factive_clause(sent: Sent, i: int, marks: frozenset[str], ongoing_marks: frozenset[str],
                    concession_marks: frozenset[str] = frozenset()) -> bool:
    """A finite past clause introduced by a temporal or causal conjunction ("after it fired a rocket",
    "since a rocket exploded in May"), or one told as going on that a causal or concurrent one
    introduces ("as it is shipping shells to Russia", "while the North is sending troops"): what it
    tells is given as a fact, whatever the main clause says of its own event ("it has not launched
    another since a rocket exploded", "Kim will not accept talks as he is supplying arms"). A conceded past
    clause ("though its last launch failed") is one too, unless its verb is a copula stating a view ("though
    the first assessment was that it fired an IRBM"). "when" is read as the clause's adverb as often as its
    mark ("agreed when they met last June")."""
    tok = sent.toks[i]
    if tok.dep != "advcl":
        return False
    mark = {k.text.lower() for k in sent.kids(i) if k.dep == "mark" or (k.dep == "advmod" and k.tag == "WRB")}
    going = tok.tag == "VBG" and any(k.dep == "aux" and k.lemma.lower() == "be" for k in sent.kids(i))
    conceded = bool(mark & concession_marks) and tok.lemma.lower() != "be"
    return bool((mark & marks or conceded) and _told_past(sent, i) or mark & ongoing_marks and going)


def _present_after(sent: Sent, i: int, marks: frozenset[str]) -> bool:
    """A clause in the present tense that a conjunction of [modality] future_marks introduces ("before
    Trump arrives", "before the summit opens"): English tells what is still to come that way."""
    tok = sent.toks[i]
    if tok.dep != "advcl" or not any(k.dep == "mark" and k.text.lower() in marks for k in sent.kids(i)):
        return False
    auxes = [k for k in sent.kids(i) if k.dep in ("aux", "auxpass")]
    return (tok.tag in ("VBZ", "VBP") and not auxes) or (bool(auxes) and all(k.tag in ("VBZ", "VBP") for k in auxes))


def _attempt_made(sent: Sent, gov: int, failure: frozenset[str]) -> bool:
    """An attempt that was made: "tried to launch", "attempted to put a satellite into orbit", "a
    failed attempt to launch", "the attempt to launch failed", "made several attempts to jam GPS
    signals": the event happened (if it failed)."""
    tok = sent.toks[gov]
    if tok.pos in ("VERB", "AUX"):
        return _told_past(sent, gov)
    head = sent.toks[tok.head]
    if tok.dep == "dobj" and head.lemma.lower() == "make" and _told_past(sent, head.i):
        return True
    if any(k.dep == "amod" and k.lemma.lower() in failure for k in sent.kids(gov)):
        return True
    # "the attempt failed", "ended in failure", "was unsuccessful"
    said = {head.i} | {k.i for k in sent.kids(head.i) if k.dep in ("acomp", "attr", "prep")}
    said |= {g.i for i in list(said) for g in sent.kids(i) if g.dep == "pobj"}
    return tok.dep in ("nsubj", "nsubjpass") and _told_past(sent, head.i) and any(
        sent.toks[i].lemma.lower() in failure for i in said)


def _names_object(sent: Sent, verb: int, below: int) -> bool:
    """Does the verb say what its object is ("called the test a success", "considered the drills a
    provocation": an object predicate) rather than ask for it or plan it ("called for talks")?"""
    said = [k for k in sent.kids(verb) if k.dep == "oprd"]   # an adjective or a whole noun phrase
    return sent.toks[below].dep == "dobj" and any(k.pos == "ADJ" or any(
        g.dep in ("det", "amod", "poss", "compound") for g in sent.kids(k.i)) for k in said)


def _outcome(sent: Sent, event: int, verb: int, outcomes: frozenset[str]) -> bool:
    """Is ``verb`` a past verb of how the event noun, its subject, turned out ("the launch did not
    succeed", "the test may not have worked out", "the rocket launch did not reach orbit"), whose
    negation tells a failure, not that it did not take place?"""
    tok = sent.toks[verb]
    past = _told_past(sent, verb) or any(k.dep == "aux" and k.tag == "VBD" for k in sent.kids(verb))
    said = {tok.lemma.lower()} | {f"{tok.lemma.lower()} {k.text.lower()}" for k in sent.kids(verb)}
    return sent.toks[event].dep == "nsubj" and sent.toks[event].head == verb and past and bool(said & outcomes)


def _held(sent: Sent, noun: int, participles: frozenset[str]) -> bool:
    """An event noun with a bare past participle of holding ("a meeting held in Singapore", "drills
    staged last week", "talks convened on the sidelines"): told as done, whatever governs the noun."""
    if sent.toks[noun].pos not in ("NOUN", "PROPN"):
        return False
    return any(k.dep == "acl" and k.tag == "VBN" and k.lemma.lower() in participles
               and not any(g.dep in ("aux", "auxpass", "neg") for g in sent.kids(k.i)) for k in sent.kids(noun))


_QUANTIFIER_DEPS = ("amod", "det", "nummod", "quantmod", "predet", "compound")


def _told_once(sent: Sent, head: int, phase_verbs: frozenset[str] = frozenset()) -> bool:
    """Is the clause of ``head`` told as one occurrence: in the past ("began", "has held"), as
    going on ("are conducting"), or by a verb of beginning or ending in the present of a headline
    or a lead ("the allies kick off annual drills", [modality] phase_verbs)?"""
    v = sent.verb_above(head)
    if v is None:
        return False
    tok = sent.toks[v]
    aux = [k for k in sent.kids(v) if k.dep in ("aux", "auxpass")]
    return tok.tag in ("VBD", "VBN") or any(k.tag == "VBD" for k in aux) or (
        tok.tag == "VBG" and any(k.lemma.lower() == "be" for k in aux)) or (
        # (VB: a present the tagger reads as a base form, "as the allies begin annual drills")
        tok.tag in ("VBP", "VBZ", "VB") and not aux and tok.lemma.lower() in phase_verbs)


def _occasion(sent, chain: list[int], frame_preps: frozenset[str]) -> bool:
    """Is the cue a definite noun in a phrase a framing preposition opens ("agreed a commitment at their
    summit", "agreed to denuclearise at the talks")? Whatever that phrase hangs on, a past plan made there
    frames the occasion, which was held."""
    if len(chain) < 2 or sent.toks[chain[0]].dep != "pobj":
        return False
    prep = sent.toks[chain[1]]
    return prep.dep == "prep" and prep.text.lower() in frame_preps and any(
        k.dep == "poss" or (k.dep == "det" and k.text.lower() == "the") for k in sent.kids(chain[0]))


def _summary(sent: Sent, head: int, words: frozenset[str], things: frozenset[str],
             frequency: frozenset[str] = frozenset(), phase_verbs: frozenset[str] = frozenset()) -> bool:
    """A plural event noun counted as many ("numerous tests", "a series of launches", "all such
    drills"), or told as a habit ("the allies hold annual drills"); a noun of things fired or sent
    ("multiple bullets", "dozens of balloons") counts the things, not events."""
    tok = sent.toks[head]
    if tok.pos not in ("NOUN", "PROPN") or tok.lemma.lower() in things or tok.text.lower() in things:
        return False
    if tok.tag in ("NNS", "NNPS") and any(k.lemma.lower() in words and k.dep in _QUANTIFIER_DEPS
                                          for k in sent.kids(head)):
        return True
    if tok.tag in ("NNS", "NNPS") and any(k.lemma.lower() in frequency and k.dep in _QUANTIFIER_DEPS
                                          for k in sent.kids(head)):
        return not _told_once(sent, head, phase_verbs)
    gov = sent.toks[tok.head]
    if tok.dep == "pobj" and gov.text.lower() == "of" and gov.head != gov.i:
        noun = sent.toks[gov.head]
        return noun.lemma.lower() in words and not _held_on_a_day(sent, head, phase_verbs)
    return False


def _held_on_a_day(sent: Sent, head: int, phase_verbs: frozenset[str]) -> bool:
    """Is the clause of ``head`` told once and dated to one day by a weekday or a month and its day ("held a
    series of joint drills on Sunday", "staged a string of exercises on March 3"): one outing, not a summary."""
    v = sent.verb_above(head)
    if v is None or not _told_once(sent, head, phase_verbs):
        return False
    toks = [sent.toks[i] for i in sorted(sent.subtree(v))]
    return any(t.text.lower() in WEEKDAY_NAMES or (
        t.text.lower().rstrip(".") in MONTH_NAMES and t.i + 1 < len(sent.toks) and sent.toks[t.i + 1].text.isdigit())
        for t in toks)


def _tally(sent: Sent, head: int, perfect: frozenset[str], things: frozenset[str],
           recency: frozenset[str] = frozenset()) -> bool:
    """A plural event noun counted by a numeral above one, the object of a verb in the perfect ("has
    conducted six nuclear tests since 2006", "had staged three launches"): a count of events, none
    reported (a noun of things fired, "has fired two missiles", counts things: ``things``), unless an
    apposition tells one of them, or a word of ``recency`` on the verb with a date in its phrase ("has
    carried out six nuclear tests, most recently in September 2017", "..., the latest in 2017")."""
    tok = sent.toks[head]
    if tok.pos != "NOUN" or tok.tag != "NNS" or tok.lemma.lower() in things or tok.text.lower() in things:
        return False
    kids = sent.kids(head)
    if not any(k.dep == "nummod" and k.tag == "CD" and k.text.lower() not in ("one", "1") for k in kids):
        return False
    if any(k.dep == "appos" for k in kids):
        return False   # "has conducted five tests, the latest in September": one of them told
    verb = tok.head
    if tok.dep not in ("dobj", "nsubjpass") or verb == head or sent.toks[verb].tag != "VBN":
        return False
    if _latest_told(sent, verb, recency):
        return False
    return any(k.dep in ("aux", "auxpass") and k.text.lower() in perfect for k in sent.kids(verb))


def _latest_told(sent: Sent, verb: int, recency: frozenset[str]) -> bool:
    """Does a word of recency on the verb ("most recently", "the latest", "the last") come with a date in its
    own phrase or in a phrase of the verb right after it ("most recently in September 2017")?"""
    for k in sent.kids(verb):
        if k.dep not in ("advmod", "npadvmod") or k.text.lower() not in recency:
            continue
        after = [j for j in sent.kids(verb) if j.dep == "prep" and j.i > k.i] + [j for j in sent.kids(k.i) if j.dep == "prep"]
        if any(sent.toks[i].ent == "DATE" or (sent.toks[i].text.isdigit() and len(sent.toks[i].text) == 4)
               for j in after[:1] for i in sent.subtree(j.i)):
            return True
    return False


def _absolute(sent: Sent, i: int) -> bool:
    """A gerund clause with its own subject under a preposition ("ties have deepened in recent years,
    with the North sending troops", "despite Moscow firing North Korean missiles"): it tells its own
    event, which the habit or long period of the clause above ("in recent years") does not summarise."""
    tok = sent.toks[i]
    return tok.dep == "pcomp" and tok.tag == "VBG" and any(k.dep == "nsubj" for k in sent.kids(i))


def _lasting(sent: Sent, head: int, periods: frozenset[str]) -> bool:
    """A noun cue an adjective of length in [modality] campaign_periods modifies ("its three-year-long
    offensive", "the years-long fighting"): a campaign as a whole."""
    if sent.toks[head].pos not in ("NOUN", "PROPN"):
        return False
    return any(k.dep == "amod" and k.lemma.lower() == "long" and any(
        g.dep == "npadvmod" and (g.lemma.lower() in periods or g.text.lower() in periods) for g in sent.kids(k.i))
        for k in sent.kids(head))


def _standstill(sent: Sent, head: int, verbs: frozenset[str], states: frozenset[str]) -> bool:
    """A noun cue that is the subject of a clause telling it is at a standstill ("talks have stalled",
    "the negotiations remain deadlocked", "talks show no signs of revival")."""
    tok = sent.toks[head]
    if tok.pos not in ("NOUN", "PROPN") or tok.dep not in ("nsubj", "nsubjpass") or tok.head == head:
        return False
    gov = sent.toks[tok.head]
    if gov.lemma.lower() in verbs:
        return True
    for k in sent.kids(gov.i):
        if k.dep in ("acomp", "attr", "oprd", "prep") and sent.phrase(sent.subtree(k.i)).lower() in states:
            return True
        if k.dep == "dobj" and k.lemma.lower() == "sign" and any(
                g.dep == "det" and g.text.lower() == "no" for g in sent.kids(k.i)):
            return True
    return False


def _none_of(sent: Sent, subj: int, negations: frozenset[str]) -> bool:
    """A subject that "no" quantifies ("no bullets", "no North Korean soldiers"), or "none of" them ("none of the
    shells crossed the line"): none did it."""
    tok = sent.toks[subj]
    if tok.text.lower() == "none" and "none" in negations and any(k.dep == "prep" and k.text.lower() == "of"
                                                                 for k in sent.kids(subj)):
        return True
    return any(k.dep == "det" and k.text.lower() == "no" and "no" in negations for k in sent.kids(subj))


def _everyday(sent: Sent, head: int, words: frozenset[str]) -> bool:
    """A noun cue whose modifiers before it spell an adjective of every day ("their day-to-day
    training", "everyday drills"): a habit, not one event."""
    if sent.toks[head].pos not in ("NOUN", "PROPN"):
        return False
    for k in sent.kids(head):
        if k.i < head and k.dep in ("amod", "nmod", "compound") \
                and sent.phrase(sent.subtree(k.i)).lower().replace(" ", "") in words:
            return True
    return False


def _superlative(sent: Sent, head: int) -> bool:
    """A noun cue ranked against others by a superlative ("their largest drills in recent years", "the
    biggest launch in past decades", "the most extensive exercise in recent years"): a period with it is
    the range of the comparison, not a habit."""
    if sent.toks[head].pos not in ("NOUN", "PROPN"):
        return False
    return any(k.dep == "amod" and (k.tag == "JJS" or any(g.dep == "advmod" and g.tag == "RBS" for g in sent.kids(k.i)))
               for k in sent.kids(head))


def _habitual_period(sent: Sent, prep: int, periods: frozenset[str], recent: frozenset[str]) -> bool:
    """A preposition of a long period: "for decades", "over the years", or "in" a period reaching
    the present ("in recent years", "in past decades"; not "in five years")."""
    word = sent.toks[prep].text.lower()
    for g in sent.kids(prep):
        if g.dep != "pobj" or g.text.lower() not in periods:
            continue
        if word in ("for", "over"):
            return True
        if word == "in" and any(m.dep == "amod" and m.text.lower() in recent for m in sent.kids(g.i)):
            return True
    return False


def modality(sent: Sent, head: int, mod: dict[str, frozenset[str]], reporting: set[int],
             presupposed: bool = False, own: frozenset[int] = frozenset()) -> str | None:
    """happened | planned | threatened | denied | hypothetical, or None for background/summaries.
    ``presupposed``: a definite event noun ("the visit") is taken as given inside a to-infinitive
    ("timed to coincide with the visit"); auxiliaries and negation still count. ``own``: the cue's
    other words, which never change it ("warning shots" read as warn + shots is no threat)."""
    get = lambda k: mod.get(k, frozenset())  # noqa: E731
    if _summary(sent, head, get("summary_quantifiers"), get("counted_things"), get("frequency_words"),
                get("phase_verbs")):
        return GENERIC
    if _lasting(sent, head, get("campaign_periods")):
        return GENERIC
    if _tally(sent, head, get("perfect_aux"), get("counted_things"), get("recency_words")):
        return GENERIC
    if _everyday(sent, head, get("everyday")):
        return GENERIC
    if _standstill(sent, head, get("standstill_verbs"), get("standstill_states")):
        return GENERIC
    if _forgone(sent, head, get("forgone_preps")):
        return "denied"
    chain = [head] + [a for a in sent.ancestors(head) if a not in own]
    compared = _superlative(sent, head)   # "their largest drills in recent years": the period compares
    occasion = _occasion(sent, chain, get("frame_preps"))
    absolute = False   # past a clause of its own under a preposition: the habits above are not its own
    for pos, i in enumerate(chain):
        tok = sent.toks[i]
        lemma = tok.lemma.lower()
        absolute = absolute or (pos > 0 and _absolute(sent, chain[pos - 1]))
        if pos > 0 and i in reporting:
            # "X denied that ...": a denial verb can be a reporting verb too
            if lemma in get("denial_verbs"):
                return "denied"
            break
        kids = sent.kids(i)
        for k in kids:
            kl = k.text.lower()
            if k.dep in ("nsubj", "nsubjpass") and k.i not in own and _none_of(sent, k.i, get("negations")):
                return "denied"   # "no bullets crossed the border", "no drones were found to have entered"
            if k.dep == "neg" or (kl in get("negations") and k.dep in ("det", "preconj", "advmod")):
                if pos == 1 and _outcome(sent, head, i, get("outcome_verbs")):
                    continue   # "the launch did not succeed": it was held
                return "denied"
            if k.dep in ("aux", "auxpass") and kl in get("future_aux"):
                return "planned"
            if k.dep in ("aux", "auxpass") and kl in get("hypothetical_aux") and not (
                    kl in get("epistemic_aux") and _first_verb(sent, chain, pos) and _told_past(sent, i)):
                return "hypothetical"   # "may have fired", told in the past, is a hedged report
            if k.dep == "mark" and kl in get("hypothetical_marks"):
                return "hypothetical"
            if k.dep == "advmod" and kl in get("habitual") and not absolute:
                return GENERIC
            if k.dep == "prep" and not absolute and not compared \
                    and _habitual_period(sent, k.i, get("habitual_periods"), get("habitual_recent")):
                return GENERIC  # "for decades has reacted to drills": background, not one event
            if pos == 0 and k.dep in ("poss", "compound", "npadvmod") and any(
                    g.dep == "amod" and g.text.lower() in get("hypothetical_words") for g in sent.kids(k.i)):
                return "planned"  # "next month's summit": a time still to come
            if k.dep in ("amod", "advmod") and kl in get("hypothetical_words") and pos == 0 \
                    and not (k.dep == "advmod" and _told_past(sent, i)):
                return "hypothetical"   # "possibly fired", told in the past, is a hedged report
            if pos == 0 and k.dep == "acl" and k.lemma.lower() in get("schedule_participles") \
                    and not any(g.tag == "VBD" or g.dep == "neg" for g in sent.kids(k.i)):
                return "planned"   # "drills scheduled for March", "the parade set to take place"
        if pos == 0 and _held(sent, i, get("held_participles")):
            break  # "agreed to hold drills during a meeting held in Singapore": the meeting took place
        if pos == 0 and (tok.dep == "relcl" and past_tense(sent, i) and not _content_clause(sent, i)
                         or _agented_participle(sent, i)):
            break  # "plans a summit with Kim, whom he last met in 2019", "the accord, signed by Putin and
            # Kim in June, calls on ...": a past relative clause or a participle with its doer tells a fact
        # "drills that were aimed at testing": a purpose; "a call in which they agreed to joint drills": a plan
        # (not "the envoys who prepared the summit": its object, held)
        if pos > 0 and tok.dep in ("acl", "relcl") and tok.tag in ("VBD", "VBN") \
                and lemma not in get("capability_verbs") \
                and not (lemma in get("planned_verbs") and sent.toks[chain[pos - 1]].dep != "dobj"):
            break  # "territories captured during an offensive launched in August": presupposed fact
        if pos > 0 and tok.dep == "prep" and sent.toks[chain[pos - 1]].dep == "pobj" \
                and _answers(sent, tok, get("response_nouns") | (get("punishment_nouns") if presupposed else frozenset())) \
                and not _asked(sent, chain[pos:], get("hypothetical_marks")):
            break  # "will join drills in response to the shelling": what is answered took place
        if pos > 0 and _absolute_with(sent, i, chain[pos - 1]):
            break  # "talks to organise a summit, with Pompeo also meeting Kim in New York": a clause of its own
        if pos > 0 and tok.text.lower() in get("presupposing_preps") \
                and sent.toks[chain[pos - 1]].dep in ("pobj", "dobj", "pcomp"):
            break  # "sanctions will not be eased following the breakdown of the summit": it broke down; so did
            # "not to launch a provocation after test-launching two ICBMs last month": it tested them
        if pos > 0 and sent.toks[chain[pos - 1]].dep == "conj" and sent.toks[chain[pos - 1]].tag == "VBD" \
                and tok.tag == "VB":
            break  # "threatened to hold a test and fired missiles" parsed with "fired" on "hold": no infinitive's
        if pos > 0 and not _sibling(sent, chain[pos - 1], i):
            below = sent.toks[chain[pos - 1]]
            doer = below.dep in ("nsubj", "csubj")
            if (lemma in get("denial_verbs") or lemma in get("refusal_verbs")) and not doer:
                return "denied"   # "denied firing", "declined to join the drills"
            if lemma in get("threat_verbs") and not doer \
                    and not (below.dep == "prep" and below.text.lower() in get("frame_preps")):
                return "threatened"   # (not "in a phone call with Ishiba, Trump vowed ...": the call frames the vow)
            if lemma in get("prohibition_verbs") and (below.text.lower() == "from" or below.dep == "dobj"):
                return "hypothetical"  # "banned from launching", "prohibits nuclear tests": what is forbidden
            if lemma in get("planned_verbs") and tok.pos in ("VERB", "ADJ", "AUX") and not (
                    lemma in get("attempt_words") and _attempt_made(sent, i, get("failure_words"))) \
                    and not _names_object(sent, i, below.i) \
                    and not (below.dep == "prep" and below.text.lower() in get("frame_preps")) \
                    and not (occasion and tok.tag == "VBD"):
                return "planned"   # (not "during talks, they agreed to ...": the talks frame the plan)
            if lemma in get("willing_adjectives") and tok.pos == "ADJ":
                return "planned"   # "open to meeting Kim", "willing to hold talks": a readiness
            if tok.pos == "NOUN" and lemma in get("hypothetical_words"):
                return "hypothetical"
            if tok.pos == "NOUN" and lemma in get("purpose_nouns") and sent.toks[head].tag == "VBG":
                return "hypothetical"   # "two goals in launching a rocket": why one would do it
            if lemma in get("comparison_adjectives") and tok.pos == "ADJ" and below.text.lower() == "of":
                return GENERIC   # "typical of a satellite launch": a kind of event, none held
            if lemma in get("capability_verbs") and below.dep in ("xcomp", "advcl", "prep"):
                return "hypothetical"   # "a submarine designed to launch missiles": what it can do
        if _present_after(sent, i, get("future_marks")):
            return "planned"   # "days before Trump arrives in Seoul", "before the summit opens": still to come
        if _factive_clause(sent, i, get("factive_marks"), get("factive_ongoing_marks"), get("concession_marks")):
            break  # "is expected to worsen ties, as the North blew up the office": told as a fact
        if _is_infinitive(sent, i) and tok.head == i and any(k.dep == "nsubj" and k.i < i for k in kids):
            return "planned"   # a headline's "North Korea to hold parade": still to come
        if _is_infinitive(sent, i) and tok.head != i and not (presupposed and pos > 0):
            gov = sent.toks[tok.head]
            glemma = gov.lemma.lower()
            if glemma in get("implicative_verbs"):
                continue
            if pos == 1 and identified(sent, chain[0], get("evidential_verbs")):
                continue
            if glemma in get("attempt_words") and _attempt_made(sent, tok.head, get("failure_words")):
                continue
            if pos == 0 and glemma in get("purpose_carriers") and gov.tag in ("VBD", "VBN", "VBZ", "VBP") \
                    and tok.dep in ("advcl", "xcomp", "acl"):
                continue
            if glemma in get("planned_verbs"):
                return "planned"
            if glemma in get("threat_verbs"):
                return "threatened"
            return "hypothetical"
    return "happened"


def _sibling(sent: Sent, below: int, verb: int) -> bool:
    """Is ``below`` a verb coordinated with ``verb`` by a conjunction ("threatened to test a bomb and fired
    two missiles", "denied the report and launched a rocket"): what it did besides, which the verb's own
    meaning does not reach (its auxiliaries and negation still do)? (The active subject of a threat or a
    denial is its doer, not what it threatens: "the launch threatened regional stability".)"""
    tok = sent.toks[below]
    if tok.dep != "conj" or tok.pos not in ("VERB", "AUX") or sent.toks[verb].pos not in ("VERB", "AUX"):
        return False
    near = {verb, below} | {k.i for k in sent.kids(verb)}   # "denied the report and fired": "and" on the object
    return any(t.dep == "cc" and verb < t.i < below and t.head in near for t in sent.toks)


def identified(sent: Sent, cue: int, verbs: frozenset[str]) -> bool:
    """Is the cue what a "to be" under an evidential verb told in the past names of a thing ("the tremor
    appeared to be a nuclear test", "it was presumed to be a sixth nuclear test")? What happened, hedged;
    its subject is what was seen, not who did it. Not of a state or a person ("Russia appeared to be the
    supplier": who they were, not an event)."""
    be = sent.toks[cue].head
    gov = sent.toks[be].head
    if sent.toks[cue].dep != "attr" or sent.toks[be].lemma.lower() != "be" or sent.toks[be].dep != "xcomp" \
            or sent.toks[gov].lemma.lower() not in verbs or not past_tense(sent, gov):
        return False
    subject = {i for k in sent.kids(gov) if k.dep in ("nsubj", "nsubjpass")   # "the quake near Punggye-ri": the quake
               for i in sent.subtree(k.i, frozenset({"prep", "relcl", "acl", "appos"}))}
    return not any(sent.toks[i].ent in _ACTOR_ENTS for i in subject)


def _answers(sent: Sent, prep, nouns: frozenset[str]) -> bool:
    """Does the phrase ``prep`` opens tell what a [modality] response noun answers: the noun's own
    ("in response to the shelling", "sanctions for its test"), or that of the verb whose object the noun
    is ("to impose sanctions for its test", the parser hanging "for" on the verb)?"""
    head = sent.toks[prep.head]
    if head.lemma.lower() in nouns and head.pos == "NOUN":   # (not the verb: "to return to the talks")
        return True
    return head.pos == "VERB" and any(k.dep == "dobj" and k.lemma.lower() in nouns for k in sent.kids(head.i))


def _asked(sent: Sent, chain: list[int], marks: frozenset[str]) -> bool:
    """Does a clause of the chain ask whether it was so ("did not confirm whether it was a response to
    the drills")? Then what it answers is in question too."""
    return any(k.dep == "mark" and k.text.lower() in marks for i in chain for k in sent.kids(i))


def _forgone(sent: Sent, head: int, phrases: frozenset[str]) -> bool:
    """Is the event noun at ``head`` what did not take place, named by a phrase of [modality]
    forgone_preps before its noun phrase ("ended in an armistice rather than a peace treaty", "a
    truce instead of a peace treaty", "the talks ended without an agreement")?"""
    return sent.toks[head].pos in ("NOUN", "PROPN") and awaited(sent, head, phrases)


def _called(tok, sent: Sent) -> str:
    """The lemma of a verb with its particle ("called off" -> "call off")."""
    prt = [k.text.lower() for k in sent.kids(tok.i) if k.dep == "prt"]
    return " ".join([tok.lemma.lower(), *prt])


def awaited(sent: Sent, head: int, phrases: frozenset[str]) -> bool:
    """Is the event at ``head`` still to come because a phrase of [modality] upcoming_preps introduces
    its noun phrase ("fired missiles ahead of the drills", "in the run-up to the summit", "on the eve
    of the parade")?"""
    start = sent.toks[min(sent.subtree(head))].start
    before = " ".join(sent.text[:start - sent.start].lower().split())
    return any(before.endswith(p) for p in phrases)


def scheduled(sent: Sent, head: int, mod: dict[str, frozenset[str]]) -> str | None:
    """What a scheduled event (a drill, a parade) is when the sentence does not report it held:
    "denied" when a word of cancelling calls it off, as the object of "suspend", "cancel", "call
    off" ("the drills were cancelled", "scrapped the parade") or the complement of "suspension",
    "halt" ("a halt to the exercises"); "planned" when it is awaited ("ahead of the drills", "on
    the eve of the parade"); else None."""
    words = mod.get("cancel_words", frozenset())
    tok = sent.toks[head]
    if tok.head == head:
        return None
    gov = sent.toks[tok.head]
    if tok.dep in ("dobj", "nsubjpass") and (_called(gov, sent) in words or gov.text.lower() in words):
        return "denied"
    if awaited(sent, head, mod.get("upcoming_preps", frozenset())):
        return "planned"
    if tok.dep != "pobj" or gov.head == gov.i:
        return None
    before = sent.toks[gov.head]
    if gov.text.lower() in ("of", "to", "on") and (before.lemma.lower() in words or before.text.lower() in words):
        return "denied"
    return None
