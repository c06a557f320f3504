"""Weapon of an event: the named system or descriptive phrase nearest the cue, its class, and the
number fired. Named systems outrank descriptions; among descriptions the data's `rank` decides
(a range class outranks "hypersonic", which outranks plain "ballistic missile")."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import ClaimRules, Weapon
from .numbers import parse_number
from .phrases import Hit
from .sentinfo import SentInfo

NOT_FIRED = ("nuclear_test", "engine_test")   # tests that fire no weapon


@dataclass(frozen=True)
class WeaponArg:
    name: str | None
    cls: str | None
    count: int | None
    hit: Hit | None
    country: str | None = None    # the state that fields the named system
    count_article: bool = False   # the count is one read from "a"/"an" ("fired a missile"), not a numeral


def _best(hits: list[Hit]) -> tuple[Hit, Weapon] | None:
    ranked = [(w.rank, -h.start, h, w) for h in hits for w in h.values if w.kind != "term"]
    if not ranked:
        return None
    _, _, hit, weapon = max(ranked, key=lambda r: (r[0], r[1]))
    return hit, weapon


def _space_name(hits: list[Hit]) -> str | None:
    """'Malligyong-1 on Chollima-1' when a satellite and its carrier rocket are both named."""
    payload = next((w.name for h in hits for w in h.values if w.role == "payload"), None)
    launcher = next((w.name for h in hits for w in h.values if w.role == "launcher"), None)
    if payload and launcher:
        return f"{payload} on {launcher}"
    return None


def _count(info: SentInfo, hit: Hit, rules: ClaimRules) -> tuple[int, bool] | None:
    """A numeral modifying the weapon noun ("two newly developed antiair missiles"), or one for a
    singular weapon noun with an indefinite article or "single" ("fired a ballistic missile"),
    unless it modifies another noun ("a missile launch") or is coordinated ("a ballistic missile
    and a cruise missile"). Tests that fire nothing (a nuclear test, an engine test) count none.
    (count, from a numeral?)"""
    head = info.head_of(hit)
    if head is None:
        return None
    kids = info.sent.kids(head)
    for k in kids:
        if k.dep == "nummod" and k.start < hit.start:
            value = parse_number(k.text, rules)
            if value is not None and value == int(value) and 0 < value < 1000:
                return int(value), True
    tok = info.sent.toks[head]
    if tok.tag not in ("NN", "NNP") or tok.dep in ("compound", "conj") or any(k.dep == "conj" for k in kids):
        return None
    if any(w.cls in NOT_FIRED for w in hit.values):
        return None
    if any((k.dep == "det" and k.lemma.lower() in ("a", "an")) or (k.dep == "amod" and k.lemma.lower() == "single")
           for k in kids):
        return 1, False
    return None


def _identified_as(info: SentInfo, idx: set[int], verbs: frozenset[str]) -> set[int]:
    """The words of what a weapon among ``idx`` is said to be by a participle of an evidential verb with no
    subject of its own ("rockets, believed to be short-range ballistic missiles", "shells, considered to be
    SRBMs"), on the weapon noun or, as the parser often attaches it, on the verb that fired it."""
    sent = info.sent
    return {j for i in idx for k in sent.kids(i)
            if k.dep in ("acl", "advcl") and k.tag in ("VBN", "VBD") and k.lemma.lower() in verbs
            and not any(g.dep in ("nsubj", "nsubjpass") for g in sent.kids(k.i))
            and any(g.dep == "xcomp" and g.lemma.lower() == "be" for g in sent.kids(k.i))
            for j in sent.subtree(k.i)}


def weapon_arg(info: SentInfo, scope: set[int], near: set[int], rules: ClaimRules,
               identity_verbs: frozenset[str] = frozenset()) -> WeaponArg:
    """The weapon a cue is about: looked for in its scope first, then in the few words around it. What the
    weapon is said to be ("projectiles, believed to be short-range ballistic missiles") outranks how it is
    described."""
    for idx in (scope, near):
        said = _identified_as(info, idx, identity_verbs) if identity_verbs else set()
        said_hits = info.hits_in(info.weapons, said) if said else []
        hits = said_hits if _best(said_hits) is not None else info.hits_in(info.weapons, idx)
        hits = _without_purposes(info, hits)
        best = _best(hits)
        if best is None:
            continue
        hit, weapon = best
        name = _space_name(hits) or weapon.name
        counts = [c for h in hits if (c := _count(info, h, rules)) is not None]
        numeral = next((c for c in counts if c[1]), None)
        count = numeral or (counts[0] if counts else None)
        return WeaponArg(name, weapon.cls, count[0] if count else None, hit, weapon.country,
                         bool(count and not count[1]))
    return WeaponArg(None, None, None, None)


def _without_purposes(info: SentInfo, hits: list[Hit]) -> list[Hit]:
    """The hits but the weapons a test of what fires nothing is for ("tests engine for new ICBM", "a
    solid-fuel motor for its Hwasong-18", "an engine test for a satellite launch vehicle"): the missile an
    engine is built for is not the one tested, the engine is."""
    sent = info.sent
    engines = [info.head_of(h) for h in hits if any(w.cls in NOT_FIRED for w in h.values)]
    purposes = {i for e in engines if e is not None for k in sent.kids(e)
                if k.dep == "prep" and k.text.lower() == "for" for i in sent.subtree(k.i)}
    return [h for h in hits if not purposes & set(info.toks_of(h))] if purposes else hits


def has_weapon(info: SentInfo, idx: set[int]) -> bool:
    return bool(info.hits_in(info.weapons, idx))
