"""Event candidates of one sentence: cue words of the nine types (data/event_cues.toml) that have the
context their type requires, with their arguments (weapon, place, actors, sources) and modality.

A cue counts only as the head of its phrase: a noun cue used as a modifier ("launch pad", "attack
forces"), a noun cue tagged as an adjective ("offensive weapons") or a past participle describing a
noun ("US troops stationed in South Korea") is not an event."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import DateValue, Place, UNKNOWN_DATE
from .attribution import Attribution
from .lexicon import Cue, Lexicon
from .modality import modality
from .phrases import Hit
from .places import place_arg
from .sentinfo import SentInfo
from .weapons import has_weapon, weapon_arg

_VERBAL = ("VERB", "AUX")
_NOMINAL = ("NOUN", "PROPN")
_MODIFIER_DEPS = ("compound", "amod", "nmod")


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

    @property
    def evidence(self) -> tuple[int, int]:
        return self.info.sent.start, self.info.sent.end


def _applicable(cue: Cue, pos: str, tag: str) -> bool:
    if cue.pos == "verb":
        return pos in _VERBAL or tag.startswith("VB")
    return pos in _NOMINAL or (pos not in _VERBAL and not tag.startswith("VB") and pos != "ADJ")


def _requirement(name: str, info: SentInfo, hit: Hit, head: int, near: set[int], scope: set[int]) -> bool:
    if name == "weapon":
        return has_weapon(info, near) or (_definite(info, head) and bool(info.weapons))
    if name in ("troops", "arms"):
        return bool(info.hits_in(info.context(name), scope, exclude=hit))
    if name == "facility":
        return bool(info.hits_in(info.context(name), near, exclude=hit))
    if name == "not_facility":
        return not info.hits_in(info.context("facility"), scope, exclude=hit)
    if name == "foreign":
        countries = info.countries()
        return len(countries) >= 2 or (len(countries) == 1 and bool(info.context("diplomatic_party")))
    if name == "counterpart":
        return bool(info.hits_in(info.context("diplomatic_party"), scope)) or any(
            e.label == "PERSON" and any(i in scope for i in info.sent.tokens_in(e.start, e.end))
            for e in info.sent.ents)
    if name == "military":
        return bool([h for h in info.context("military") if not (h.start < hit.end and hit.start < h.end)]) \
            or bool(info.weapons)
    return bool([h for h in info.context(name) if not (h.start < hit.end and hit.start < h.end)])


def _definite(info: SentInfo, head: int) -> bool:
    """A noun cue with a definite determiner or a possessive: it refers to an event named nearby."""
    tok = info.sent.toks[head]
    return tok.pos in _NOMINAL and any(k.dep == "poss" or (k.dep == "det" and k.lemma.lower() in ("the", "this", "that"))
                                       for k in info.sent.kids(head))


def _generic(info: SentInfo, head: int) -> bool:
    """A bare noun cue after a preposition that depends on a noun or adjective ("hostile to joint
    military drills", "policy on training"): a kind of event, not one event. A name ("Freedom Shield drills") or a determiner makes it one."""
    tok = info.sent.toks[head]
    if tok.pos not in _NOMINAL or tok.dep != "pobj":
        return False
    prep = info.sent.toks[tok.head]
    if prep.head == prep.i or info.sent.toks[prep.head].pos not in ("NOUN", "ADJ", "PROPN"):
        return False  # "was in Pyongyang for talks": the phrase tells what happened there
    return not any(k.dep in ("det", "poss", "nummod") or (k.dep == "compound" and k.pos == "PROPN")
                   or k.ent for k in info.sent.kids(head))


def _clause(info: SentInfo, head: int, scope: set[int]) -> set[int]:
    """Scope of the cue, widened to the verb it is the subject or object of ("conducted a test
    launch ... in the Yellow Sea")."""
    tok = info.sent.toks[head]
    if tok.pos in _NOMINAL and tok.dep in ("dobj", "nsubj", "nsubjpass", "attr") and tok.head != head:
        return scope | info.scope(tok.head)
    return scope


def _actors(info: SentInfo, skip: set[int]) -> list[str]:
    names = []
    for h in info.actors:
        if any(i in skip for i in info.toks_of(h)):
            continue
        names.append(h.values[0].name)
    return list(dict.fromkeys(names))


def _subject(ctype: str, actors: list[str], place: Place | None, info: SentInfo, lex: Lexicon) -> str | None:
    places = {h.values[0].name for h in info.places} | ({place.name} if place else set())
    countries = {h.values[0].name for h in info.actors}
    for subj in lex.subjects:
        if subj.type == ctype and subj.actors & (set(actors) | countries) and subj.places & (places | countries):
            return subj.slug
    return None


def sentence_candidates(info: SentInfo, lex: Lexicon, att: Attribution) -> list[Candidate]:
    """Every event candidate of one sentence (any modality; background cues dropped)."""
    sent = info.sent
    out: list[Candidate] = []
    seen: set[tuple] = set()
    for hit in info.cues:
        head = info.head_of(hit)
        if head is None:
            continue
        tok = sent.toks[head]
        cue_toks = info.toks_of(hit)
        if tok.dep in _MODIFIER_DEPS and tok.pos in _NOMINAL and sent.toks[tok.head].pos in _NOMINAL \
                and tok.head not in cue_toks:
            continue
        if tok.dep == "acl" and tok.tag == "VBN":
            continue  # a participle describing a noun ("US troops stationed in ...") reports nothing
        if _generic(info, head):
            continue
        scope = info.scope(head)
        near = info.near(head, cue_toks)
        for cue in hit.values:
            if not _applicable(cue, tok.pos, tok.tag):
                continue
            if not all(_requirement(r, info, hit, head, near, scope) for r in cue.requires):
                continue
            mod = modality(sent, head, lex.modality, att.reporting)
            if mod is None:
                continue
            w = weapon_arg(info, scope, near, lex.claims) if cue.type == "weapons_test" else None
            key = (cue.type, w.cls if w else None, mod)
            if key in seen:
                continue
            seen.add(key)
            place = place_arg(info, _clause(info, head, scope), lex)
            actors = _actors(info, att.subject_tokens)
            out.append(Candidate(
                type=cue.type, info=info, head=head, cue=sent.text[hit.start - sent.start:hit.end - sent.start],
                verbal=cue.pos == "verb", modality=mod, scope=scope,
                weapon=w.name if w else None, weapon_class=w.cls if w else None, count=w.count if w else None,
                place=place, actors=actors, sources=list(att.sources),
                subject=_subject(cue.type, actors, place, info, lex)))
    return out
