"""Numeric claims of one sentence: a number, what it measures (data/claim_properties.toml), its
value in base units, upper value for ranges ("between 7,961 and 7,973 seconds"), bound ("over" ->
ge, "around"/"some" -> approx) and the period it refers to.

A number measures a property when it modifies one of the property's nouns ("15,000 North Korean
troops"), is joined to one of its verbs ("some 600 killed"), or carries one of its units with a cue
word nearby ("traveled 1,587km" -> range_km; the measure whose cue is nearest wins, else the one
whose cue is the number's verb: "flew in circles for 1,500 km"). Numbers inside dates and weapon
names are skipped, and so are sizes ("240mm", "4,500-ton") and a conversion in brackets after a measure
("380 km (236 miles)": one claim, in the text's first unit, its evidence holding both).

People counted by a casualty verb are a casualty figure, whatever noun counts them: the object of
an active verb ("killing four civilians", "captured two wounded soldiers"), the subject of a
passive one ("24 people have been killed", "30 are believed to have been killed or wounded").
"Two of the five missiles" gives both figures."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .dating import DocTimex
from .lexicon import ClaimRules, CountRule, Lexicon, Measure
from .numbers import multiplier, parse_number, with_multiplier
from .phrases import Hit, PhraseIndex, normalize
from .records import CONJ
from .sentinfo import SentInfo

_NUM_DEPS = ("nummod", "quantmod", "compound", "npadvmod", "appos", "dobj", "pobj", "nsubj", "attr", "conj")
_RANGE_JOINERS = {"and", "to", "-", "–", "—", "or"}
_MEASURE_PREPS = {"at", "to", "from"}  # "put the magnitude at 5.2", "ranged from 5.8 to 6.3"
_CUE_WINDOW = 60
_GROUP = re.compile(r"^\d{3}(\.\d+)?$")  # characters either side of the number in which a measure's cue counts
_GLUED_PREFIX = re.compile(r"^([^\W\d_]+)-(\d+(?:\.\d+)?)$")  # "magnitude-4.2": a prefix unit glued to its number
_GLUED_SUFFIX = re.compile(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([^\W\d_]+)$")  # "140tf", "1,970kN"
_QUOTES = frozenset('"\u201c\u201d\u2018\u2019\'')
_PARTITIVE = ("out of the", "out of", "of the")  # "two out of the five missiles"
_ADDED = ("as well as", "along with", " and", " plus")  # "were wounded on the island as well as two civilians"
_LOOK = 48  # characters after (before) a number in which its unit is looked for
_NUMERIC = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+\.\d+$")  # "6,248.5": digits the tagger may read as a name
ARTICLES = frozenset({"a", "an"})  # "an hour": an article as the number of a unit
# The words other than numbers a figure can start with ("an hour", "half an hour", "a single"); a token that is
# neither one of them nor holds a digit nor is tagged a number starts none (``_sentence_claims``)
_FIGURE_WORDS = ARTICLES | {"half"}
_DIGIT = re.compile(r"\d")
_DETERMINER = re.compile(r"^(the|its|their|a)\s+", re.IGNORECASE)  # "from the launch site", "from its launch point"
# "2023-04", "2024/05/27", "2024.05.27" (a dotted date only in full: "2000.5 km" is a distance)
_NUMERIC_DATE = re.compile(r"\b(?:19|20)\d\d(?:([-/])[01]?\d(?:\1[0-3]?\d)?|\.[01]\d\.[0-3]\d)\b(?![-/.]?\d)")
_HALF = re.compile(r"^\s*and a half\b", re.IGNORECASE)  # "an hour and a half"


@dataclass
class ClaimCand:
    property: str
    value: float
    value_max: float | None
    bound: str
    unit: str | None
    start: int
    end: int
    info: SentInfo
    types: tuple[str, ...]
    period: str | None = None
    transfer_property: str | None = None
    requires_weapon: bool = False
    definite: bool = False   # "the six missiles": may repeat a figure given before


def _is_number(tok) -> bool:
    return tok.tag == "CD" or tok.pos == "NUM" or bool(_NUMERIC.match(tok.text))


def _bound(info: SentInfo, first: int, rules: ClaimRules) -> tuple[str, int]:
    """The bound the words before the number give, and the first token of those words."""
    toks = info.sent.toks
    for n in (3, 2, 1):
        if first - n < 0:
            continue
        phrase = " ".join(t.text.lower() for t in toks[first - n:first])
        if phrase in rules.bounds:
            return rules.bounds[phrase], first - n
    return "eq", first


def _value_at(info: SentInfo, i: int, rules: ClaimRules) -> tuple[float, int] | None:
    """The number at token i (times a following multiplier word): (value, last token index)."""
    toks = info.sent.toks
    value = parse_number(toks[i].text, rules)
    if value is None:
        return None
    if (spoken := _spoken_decimal(info, i, value, rules)) is not None:
        value, i = spoken  # "one-point-six million": a decimal read out, then its multiplier
    # "Twenty-nine" split by the tokenizer
    if (i + 2 < len(toks) and toks[i + 1].text == "-" and value >= 20 and value % 10 == 0
            and (unit := parse_number(toks[i + 2].text, rules)) is not None and unit < 10):
        return value + unit, i + 2
    # "7 687.5km": groups of three digits separated by single spaces are one number
    while (i + 1 < len(toks) and toks[i].text.isdigit() and _GROUP.match(toks[i + 1].text)
           and toks[i + 1].start == toks[i].end + 1):
        value = value * 1000 + float(toks[i + 1].text)
        i += 1
    if i + 1 < len(toks) and (m := multiplier(toks[i + 1].text, rules)):
        return _and_rest(info, value * m, m, i + 1, rules)
    if i + 2 < len(toks) and toks[i + 1].text == "-" \
            and (joined := with_multiplier(value, toks[i + 2].text, rules)) is not None:
        # "15-hundred"; "four-thousand-100" (the tokenizer leaves "thousand-100" whole)
        m = multiplier(toks[i + 2].text, rules)
        return _and_rest(info, joined, m, i + 2, rules) if m else (joined, i + 2)
    return value, i


def _spoken_decimal(info: SentInfo, i: int, value: float, rules: ClaimRules) -> tuple[float, int] | None:
    """"one-point-six", "two-point-five": a whole number, "point" and digit words joined by hyphens (as
    broadcast scripts write decimals): (the decimal, its last token)."""
    toks = info.sent.toks
    if not (i + 3 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].text.lower() == "point"
            and toks[i + 3].text == "-" and value == int(value)):
        return None
    digits, k = "", i + 4
    while k < len(toks) and (d := parse_number(toks[k].text, rules)) is not None and d < 10 and d == int(d):
        digits += str(int(d))
        if not (k + 2 < len(toks) and toks[k + 1].text == "-"):
            break
        k += 2
    return (float(f"{int(value)}.{digits}"), k) if digits else None


def _and_rest(info: SentInfo, value: float, mult: float, last: int, rules: ClaimRules) -> tuple[float, int]:
    """"two thousand-500", "four-thousand-100": a smaller number joined by a hyphen to a multiplier adds to it."""
    toks = info.sent.toks
    k = last + 1
    if (k + 1 < len(toks) and toks[k].text == "-" and toks[k].start == toks[last].end
            and toks[k + 1].start == toks[k].end and (more := parse_number(toks[k + 1].text, rules)) is not None
            and more < mult):
        return value + more, k + 1
    return value, last


def _lead(index: PhraseIndex | None, text: str) -> Hit | None:
    """The longest phrase of ``index`` the text starts with (offsets into ``text``)."""
    if index is None:
        return None
    nt = normalize(text)
    if not nt.text:
        return None
    first = nt.offset(0)
    hits = [h for h in index.find_all(nt) if h.start == first]
    return max(hits, key=lambda h: h.end) if hits else None


def _units_after(info: SentInfo, end: int, rules: ClaimRules) -> list[tuple[Measure, float, int, int]]:
    """Every (measure, factor, unit end, unit length) whose unit starts the text right after ``end``, unless
    a rate word follows the unit ("9,800 km/h", "6,000 kilometers per hour": a speed)."""
    sent = info.sent
    rel = end - sent.start
    nt = normalize(sent.text[rel:rel + _LOOK])
    text = nt.text
    out = []
    for m in rules.measures:
        if m.prefix:
            continue
        for unit, factor in m.units.items():
            if text.startswith(unit) and (len(text) == len(unit) or not text[len(unit)].isalnum()):
                unit_end = end + nt.original(0, len(unit))[1]
                if not _rate(sent.text[unit_end - sent.start:unit_end - sent.start + 12], rules):
                    out.append((m, factor, unit_end, len(unit)))
    return out


def _rate(after: str, rules: ClaimRules) -> bool:
    """Does the text after a unit start with a rate word ("/h", "per hour", "an hour")?"""
    rest = after.lstrip().lower()
    return any(rest.startswith(w) and (not w[-1].isalnum() or len(rest) == len(w) or not rest[len(w)].isalnum())
               for w in rules.rates)


def _units_before(info: SentInfo, start: int, rules: ClaimRules) -> list[tuple[Measure, float, int, int]]:
    """Every (measure, factor, unit start, unit length) of a prefix unit ending right before ``start``."""
    sent = info.sent
    rel = start - sent.start
    lo = max(0, rel - _LOOK)
    nt = normalize(sent.text[lo:rel])
    text = nt.text.rstrip()
    out = []
    for m in rules.measures:
        if not m.prefix:
            continue
        for unit, factor in m.units.items():
            at = len(text) - len(unit)
            if text.endswith(unit) and (at == 0 or not text[at - 1].isalnum()):
                out.append((m, factor, sent.start + lo + nt.offset(at), len(unit)))
    return out


def _measure(info: SentInfo, num_start: int, found: list[tuple[Measure, float, int, int]],
             num_tok: int) -> tuple[Measure, float, int] | None:
    """Among the measures whose unit the number carries, the one whose cue is nearest (else whose
    cue is the number's governing verb or a verb above it, nearest first: "the drone cruised along a course
    simulating ... for 71 hours"; else one that needs no cue): (measure, factor, unit edge)."""
    if not found:
        return None
    at = num_start - info.sent.start
    lo = max(0, at - _CUE_WINDOW)
    window = normalize(info.sent.text[lo:at + _CUE_WINDOW])
    toks = info.sent.toks
    verbs = [normalize(toks[a].text) for a in info.sent.ancestors(num_tok) if toks[a].pos == "VERB"]
    subject = _copula_subject(info, num_tok)
    modified = _modified_noun(info, num_tok)
    ranked = []
    for order, (m, factor, edge, length) in enumerate(found):
        if not m.cues.size:
            ranked.append((_CUE_WINDOW * 2, -length, order, m, factor, edge))
            continue
        if modified is not None and m.cues.contains_any(normalize(modified)):
            ranked.append((-2, -length, order, m, factor, edge))  # "a 50-km altitude", "a 40-minute flight"
            continue
        if subject is not None and m.cues.contains_any(normalize(subject)):
            ranked.append((-1, -length, order, m, factor, edge))  # "its maximum altitude was 50 km"
            continue
        dists = [min(abs(lo + h.start - at), abs(lo + h.end - at)) for h in m.cues.find_all(window)]
        if dists:
            ranked.append((min(dists), -length, order, m, factor, edge))
        elif (near := next((n for n, v in enumerate(verbs) if m.cues.contains_any(v)), None)) is not None:
            ranked.append((_CUE_WINDOW * 3 + near, -length, order, m, factor, edge))  # the verb, or one it governs
    if not ranked:
        return None
    best = min(ranked, key=lambda r: r[:3])
    return best[3], best[4], best[5]


def _modified_noun(info: SentInfo, tok_idx: int) -> str | None:
    """The noun a measure written as a modifier qualifies ("a 50-km altitude", "a 40-minute flight"): it
    names the measure. None when the number and its unit are no modifier ("flew 600 km")."""
    toks, unit_words = info.sent.toks, info.lex.claims.unit_words
    k = tok_idx
    for _ in range(4):
        if toks[k].dep not in ("nummod", "compound", "amod", "quantmod", "npadvmod") or toks[k].head == k:
            return None
        k = toks[k].head
        if toks[k].pos == "NOUN" and toks[k].text.lower() not in unit_words:
            return toks[k].text
    return None


def _copula_subject(info: SentInfo, tok_idx: int) -> str | None:
    """The head noun of the subject when the number is what a form of "be" says it is ("the maximum
    altitude of their flight was 50 km", "its range is about 1,000 km"): it names the measure."""
    sent, toks = info.sent, info.sent.toks
    for a in sent.ancestors(tok_idx):
        if toks[a].pos in ("VERB", "AUX"):
            if toks[a].lemma.lower() != "be":
                return None
            return next((c.text for c in sent.kids(a) if c.dep == "nsubj" and c.i < tok_idx), None)
    return None


def _place_offset(info: SentInfo, tok_idx: int, measure: Measure, after: str, rules: ClaimRules) -> bool:
    """Do the words ``after`` a distance (past its bracketed conversion) make it where something is, not
    how far a weapon flew: a locator ("150 km off the coast", "72 km (45 miles) south of Seoul"), or "from"
    a place unless the distance was flown ("flew 800 km from Jagang") or the place is the launch site
    ("crashed 2 km from the launch site", "landed 400 km away from its launch point")."""
    after = after[:_LOOK]
    if _lead(rules.locators, after):
        return True
    lead = _lead(rules.place_from, after)
    if lead is None or _flown(info, tok_idx, measure):
        return False
    named = _DETERMINER.sub("", after[lead.end:].lstrip(), count=1)
    toks = info.sent.toks
    verb = next((a for a in info.sent.ancestors(tok_idx) if toks[a].pos in ("VERB", "AUX")), None)
    static = verb is None or toks[verb].lemma.lower() in rules.static_verbs
    return static or _lead(rules.from_launch, named) is None


def _flown(info: SentInfo, tok_idx: int, measure: Measure) -> bool:
    """Is the number's verb one of the measure's cues ("flew 800 km from Jagang")?"""
    verb = _governing_verb(info, tok_idx)
    return verb is not None and measure.cues.contains_any(normalize(verb))


def _governing_verb(info: SentInfo, tok_idx: int) -> str | None:
    toks = info.sent.toks
    return next((toks[a].text for a in info.sent.ancestors(tok_idx) if toks[a].pos == "VERB"), None)


def _unit_repeated(info: SentInfo, unit_end: int, measure: Measure, factor: float,
                   rules: ClaimRules, between: bool) -> tuple[float, int, int] | None:
    """After "N unit": "to" (after "between N unit", "and" too) and a larger number with the same unit
    ("flew 70 km to 200 km", "from 40 km to 60 km", "between 6 kilotons and 9 kilotons"): (the upper number,
    its token, the unit's end)."""
    toks = info.sent.toks
    j = _tok_from(toks, unit_end)
    joiners = ("and", "to") if between else ("to",)
    if j + 1 >= len(toks) or toks[j].text.lower() not in joiners or not _is_number(toks[j + 1]):
        return None
    got = _value_at(info, j + 1, rules)
    if got is None:
        return None
    unit = next(((m, f, e) for m, f, e, _ in _units_after(info, toks[got[1]].end, rules) if m is measure), None)
    if unit is None or unit[1] != factor:
        return None
    return got[0], got[1], unit[2]


def _tok_from(toks, char: int) -> int:
    """Index of the first token that starts at or after ``char`` (len(toks) if none)."""
    return next((t.i for t in toks if t.start >= char), len(toks))


def _conversion(info: SentInfo, unit_end: int, measure: Measure, rules: ClaimRules) -> tuple[int, int] | None:
    """"380 km (236 miles)": the bracketed same quantity in another unit right after a measure:
    (its last token, the end of the evidence)."""
    toks = info.sent.toks
    k = _tok_from(toks, unit_end)
    if k + 1 >= len(toks) or toks[k].text != "(" or not _is_number(toks[k + 1]):
        return None
    got = _value_at(info, k + 1, rules)
    if got is None:
        return None
    units = [u for u in _units_after(info, toks[got[1]].end, rules) if u[0].unit == measure.unit]
    if not units:
        return None
    end = max(u[2] for u in units)
    last = _tok_from(toks, end)
    if last < len(toks) and toks[last].text == ")":
        return last, toks[last].end
    return last - 1, end


def _count_rule(info: SentInfo, tok_idx: int, rules: ClaimRules, depth: int = 0) -> CountRule | None:
    toks = info.sent.toks
    tok = toks[tok_idx]
    for h in info.hits_in(info.find(rules.count_nouns), {tok_idx}):
        if info.head_of(h) == tok_idx or h.end >= tok.end:
            rule = h.values[0]
            if _of_occasions(info, tok_idx, rules):
                return None  # "three rounds of missile firings": occasions, not rounds fired
            if rule.of_defers and depth < 2:  # "3 million rounds of 152 mm artillery shells"
                for prep in info.sent.kids(tok_idx):
                    if prep.dep == "prep" and prep.text.lower() == "of":
                        inner = next((c for c in info.sent.kids(prep.i) if c.dep == "pobj"), None)
                        deferred = _count_rule(info, inner.i, rules, depth + 1) if inner else None
                        if deferred is not None and deferred.property:
                            return deferred
            return rule
    return None


def _of_occasions(info: SentInfo, tok_idx: int, rules: ClaimRules) -> bool:
    """Is the "of" complement of the counted noun an occasion ([occasions]: "rounds of talks")?"""
    sent = info.sent
    for prep in sent.kids(tok_idx):
        if prep.dep == "prep" and prep.text.lower() == "of":
            inner = next((c for c in sent.kids(prep.i) if c.dep == "pobj"), None)
            if inner is not None and sent.toks[inner.i].lemma.lower() in rules.occasions:
                return True
    return False


def _verb_at(info: SentInfo, k: int, rules: ClaimRules) -> tuple[CountRule, int] | None:
    """A count verb starting at token k, past auxiliaries, hedges and quotes ("have been
    “killed or wounded”", "are believed to have been killed"): (its rule, its last token)."""
    sent, toks = info.sent, info.sent.toks
    while k < len(toks):
        if toks[k].text in _QUOTES:
            k += 1
            continue
        skip = _lead(rules.verb_skip, sent.text[toks[k].start - sent.start:toks[k].start - sent.start + _LOOK])
        if skip is None:
            break
        k = _tok_from(toks, toks[k].start + skip.end)
    if k >= len(toks):
        return None
    start = toks[k].start - sent.start
    tail = normalize(sent.text[start:start + 40])
    for h in rules.count_verbs.find(tail):
        if h.start == tail.offset(0):
            last = max(k, _tok_from(toks, toks[k].start + h.end) - 1)
            verbs = [sent.kids(j) for j in range(k, last + 1)]
            passive = any(c.dep == "auxpass" for kids in verbs for c in kids)
            if not passive and any(c.dep == "dobj" and not k <= c.i <= last for kids in verbs for c in kids):
                return None  # "two soldiers killed a smuggler": the counted ones did it (a passive
                # verb has no object: "have been killed or wounded fighting ..."; the verb's own words may hold
                # one: "46 sailors lost their lives")
            return h.values[0], last
    return None


def _verb_rule(info: SentInfo, after: int, rules: ClaimRules) -> tuple[CountRule, int] | None:
    """"600 killed", "600 were killed": a count verb right after the number (or its noun)."""
    return _verb_at(info, after + 1, rules)


def _patient(info: SentInfo, x: int, first: int, rules: ClaimRules) -> tuple[CountRule, int] | None:
    """The casualty verb whose patient the counted people ``x`` are (``_patient_of``); people added "as well as"
    or "and" at the end of a casualty clause (``first``: the figure's first token) that the parser joins to a
    place or to the verb as an adverb ("four soldiers were wounded on the island as well as two civilians") are
    the patients of that clause's verb too."""
    got = _patient_of(info, x, rules)
    sent, toks = info.sent, info.sent.toks
    before = " ".join(t.text.lower() for t in toks[max(0, first - 3):first])
    if got is not None or not before.endswith(_ADDED):
        return got
    top = sent.climb(x, CONJ)
    if top != x and (rule := _count_rule(info, top, rules)) is not None and rule.persons:
        return None  # coordinated people: their own verb decides
    verb = next((a for a in sent.ancestors(top) if toks[a].pos == "VERB"), None)
    if verb is None:
        return None
    kids = sent.kids(verb)
    if any(k.dep == "nsubjpass" for k in kids):
        return _subject_verb(info, verb, "nsubjpass", rules)
    rule = rules.patient_verbs.get(toks[verb].lemma.lower())
    return (rule, verb) if rule is not None and any(k.dep == "dobj" for k in kids) else None


def _patient_of(info: SentInfo, x: int, rules: ClaimRules) -> tuple[CountRule, int] | None:
    """The casualty verb whose patient the counted people ``x`` are: the object of an active verb
    ("killing two marines and two civilians"), the subject of a passive or intransitive one ("24
    people have been killed", "soldiers deployed there are believed to have been killed"), the "of"
    complement of a casualty noun ("the capture of two soldiers", "the deaths of four South Koreans"), the
    object of a verb whose predicate is a casualty word ("left two soldiers dead", "leaving 12 people injured"),
    the "on" complement of a noun of suffering ("inflicted serious injuries on two soldiers"),
    the subject of a verb of suffering whose object is a casualty noun ("two marines sustained injuries").
    Returns (the verb's rule, its token)."""
    toks = info.sent.toks
    x = info.sent.climb(x, CONJ)
    if (got := _relative_patient(info, x, rules)) is not None:
        return got
    dep, v = toks[x].dep, toks[x].head
    if v == x:
        return None
    nouns = {"of": rules.patient_nouns, "on": rules.suffered_nouns}.get(toks[v].text.lower())
    if dep == "pobj" and nouns is not None and toks[v].head < v:  # "the capture of two soldiers", "inflicted
        noun = toks[v].head  # injuries on two soldiers" (the "on" the verb's or its object's)
        if nouns is rules.suffered_nouns and toks[noun].pos == "VERB":
            noun = next((k.i for k in info.sent.kids(noun) if k.dep == "dobj"), noun)
        rule = nouns.get(toks[noun].lemma.lower()) if toks[noun].pos == "NOUN" else None
        return (rule, noun) if rule is not None else None
    if dep == "dobj":
        rule = rules.patient_verbs.get(toks[v].lemma.lower())
        if rule is None:  # "left two soldiers and two civilians dead", "leaving 12 people injured"
            state = next((k.i for k in info.sent.kids(v) if k.dep == "oprd" and k.i > x), None)
            return _verb_at(info, state, rules) if state is not None else None
        return rule, v
    if dep not in ("nsubjpass", "nsubj"):
        return None
    if dep == "nsubj" and toks[v].lemma.lower() in rules.suffer_verbs:  # "three soldiers suffered injuries"
        obj = next((k.i for k in info.sent.kids(v) if k.dep == "dobj"), None)
        rule = rules.suffered_nouns.get(toks[obj].lemma.lower()) if obj is not None else None
        if rule is not None:
            return rule, v
    got = _subject_verb(info, v, dep, rules)
    for conj in info.sent.kids(v):  # "300 soldiers deployed there ... are believed killed": a shared subject
        if got is not None:
            break
        if conj.dep == "conj" and not any(c.dep in ("nsubj", "nsubjpass") for c in info.sent.kids(conj.i)):
            got = _subject_verb(info, conj.i, "nsubjpass", rules)
    return got


def _relative_patient(info: SentInfo, x: int, rules: ClaimRules) -> tuple[CountRule, int] | None:
    """The casualty verb of a relative clause on the counted people ``x``, of which they are the
    patient: its relative pronoun is the passive subject ("two soldiers who were captured", "30
    sailors that were killed"), or its object is left out ("two soldiers Ukraine has captured",
    "the five guards whom the raiders wounded")."""
    sent = info.sent
    for v in (k.i for k in sent.kids(x) if k.dep == "relcl"):
        kids = sent.kids(v)
        if any(k.dep == "nsubjpass" and k.tag in ("WP", "WDT") for k in kids):
            got = _verb_at(info, v, rules)
        elif not any(k.dep == "nsubjpass" or (k.dep == "dobj" and k.tag not in ("WP", "WDT")) for k in kids) \
                and any(k.dep == "nsubj" and k.tag not in ("WP", "WDT") for k in kids):
            rule = rules.patient_verbs.get(sent.toks[v].lemma.lower())
            got = (rule, v) if rule is not None else None
        else:
            got = None
        if got is not None:
            return got
    return None


def _subject_verb(info: SentInfo, v: int, dep: str, rules: ClaimRules) -> tuple[CountRule, int] | None:
    """The count verb a subject's verb ``v`` is, or leads to through open complements."""
    seen = 0
    while seen < 3:  # "are believed to have been killed": the verb of the open complement
        xcomp = next((c.i for c in info.sent.kids(v) if c.dep == "xcomp"), None)
        if xcomp is None:
            break
        v, seen = xcomp, seen + 1
    if dep == "nsubj" and any(c.dep == "dobj" for c in info.sent.kids(v)):
        return None  # "two soldiers killed a civilian": the agents
    return _verb_at(info, v, rules)


def _period(info: SentInfo, tok_idx: int, timexes: list[DocTimex], lex: Lexicon) -> str | None:
    """The date of the number's clause ("over 10,000 troops were deployed last year" -> 2024)."""
    sent = info.sent
    chain = [tok_idx] + sent.ancestors(tok_idx)
    verb = next((a for a in chain if sent.toks[a].pos in ("VERB", "AUX")), None)
    if verb is None:
        return None
    clause = sent.subtree(verb, frozenset({"ccomp", "advcl", "relcl", "conj"}))
    for tx in timexes:
        idx = sent.tokens_in(tx.start, tx.end)
        if not idx or not set(idx) <= clause:
            continue
        prev = sent.toks[min(idx) - 1].text.lower() if min(idx) > 0 else ""
        if prev in lex.span_markers:
            continue
        return tx.value
    return None


def _no_military_figure(c: ClaimCand, rules: ClaimRules, lex: Lexicon) -> bool:
    """A figure that is no claim about a military event: casualties of a natural disaster ("floods
    left 60 people dead"), the size of a standing force ("hosts 28,500 US troops", "an army of 1.2
    million soldiers")."""
    info, sent = c.info, c.info.sent
    if c.property in rules.casualty_properties and rules.disasters is not None and info.find(rules.disasters) \
            and not info.context("military") and not info.context("conflict"):
        return True
    head = sent.root_of(sent.tokens_in(c.start, c.end))
    if head is None:
        return False
    tok, gov = sent.toks[head], sent.toks[sent.toks[head].head]
    if c.property not in rules.stock_properties:
        return False
    return (tok.dep == "dobj" and gov.lemma.lower() in rules.stock_verbs) or (
        tok.dep == "pobj" and gov.text.lower() == "of" and sent.toks[gov.head].lemma.lower() in rules.stock_nouns)


def sentence_claims(info: SentInfo, timexes: list[DocTimex], lex: Lexicon,
                    before: Sequence[SentInfo] = ()) -> list[ClaimCand]:
    """Every figure of one sentence that may be a claim about a military event (``before``: the
    sentences right before it, nearest last, for a count whose own sentence names no weapon)."""
    found = _sentence_claims(info, timexes, lex)
    return [_context_before(c, before, lex.claims) for c in (_in_context(c, found, lex.claims) for c in found)
            if not _no_military_figure(c, lex.claims, lex) and not _capability(c, lex.claims)
            and not _unit_definition(c, lex.claims)]


def _context_before(c: ClaimCand, before: Sequence[SentInfo], rules: ClaimRules) -> ClaimCand:
    """A count whose sentence names none of its context words nor its exceptions takes the property of
    the nearest sentence before that names either ("The artillery units opened fire at noon. They fired 80
    rounds", "the adversary fired from multiple rocket systems ... ordered the units to fire 130 shots"):
    rounds fired in a report of artillery fire are shells, unless small arms come between."""
    if c.property not in rules.in_context:
        return c
    other, words, unless = rules.in_context[c.property]
    if c.info.find(words) or c.info.find(unless):
        return c  # its own sentence decides (_in_context)
    for prev in reversed(before):
        if prev.find(unless):
            return c
        if prev.find(words):
            return replace(c, property=other)
    return c


def _measure_chain(c: ClaimCand) -> list[int]:
    """The head of a measure's words and its ancestors, nearest first (none for a bare count)."""
    return [] if c.unit is None else _chain(c)


def _chain(c: ClaimCand) -> list[int]:
    """The head of a figure's words and its ancestors, nearest first."""
    sent = c.info.sent
    head = sent.root_of(sent.tokens_in(c.start, c.end))
    return [] if head is None else [head] + sent.ancestors(head)


def _unit_definition(c: ClaimCand, rules: ClaimRules) -> bool:
    """A measure in a clause that defines a unit: a definition verb whose subject is a unit word itself
    ("a kiloton is equivalent to 1,000 tons of TNT", "one nautical mile equals 1.852 km")."""
    sent = c.info.sent
    units = rules.unit_words
    for a in _measure_chain(c):
        tok = sent.toks[a]
        if tok.pos in ("VERB", "AUX"):
            return tok.lemma.lower() in rules.definition_verbs and any(
                k.dep == "nsubj" and k.text.lower() in units for k in sent.kids(a))
        if tok.dep == "nsubj" and tok.text.lower() in units:  # "A kiloton" itself
            return sent.toks[tok.head].lemma.lower() in rules.definition_verbs
    return False


def _specification(sent, a: int, rules: ClaimRules) -> bool:
    """Is token ``a`` a specification noun governed by a word of having ("has a range of", "with a range of")?"""
    tok = sent.toks[a]
    return tok.lemma.lower() in rules.spec_nouns and tok.head != a and sent.toks[tok.head].lemma.lower() in rules.spec_heads


def _norm_or_reference(sent, chain: list[int], verb: int, rules: ClaimRules) -> bool:
    """Is a measure's clause (its first verb ``verb`` on ``chain``) a present-tense condition ("is a success when
    it yields 5 kilotons"), or about a reference bomb: a noun below the verb, the verb's subject or the noun its
    relative clause tells of names one ("the bomb dropped on Hiroshima, which was equivalent to 15,000 tons")?"""
    toks = sent.toks
    if toks[verb].tag in ("VBZ", "VBP") and any(k.dep in ("mark", "advmod") and k.text.lower() in rules.conditions
                                                for k in sent.kids(verb)):
        return True
    # the words before a noun on the chain ("the Hiroshima bomb's 15 kilotons"), the subject, the relative's noun
    words = [k for a in chain[:chain.index(verb)] if toks[a].pos in ("NOUN", "PROPN") for k in sent.subtree(a) if k < a]
    words += [k for c in sent.kids(verb) if c.dep in ("nsubj", "nsubjpass") for k in sent.subtree(c.i)]
    if toks[verb].dep == "relcl" and toks[verb].head != verb:
        words += [k for k in sent.subtree(toks[verb].head) if k < verb]
    return any(toks[k].text.lower() in rules.references for k in words)


def _capability(c: ClaimCand, rules: ClaimRules) -> bool:
    """A measure told as what a weapon can do or should do, not as what was measured: its clause has a
    modal without a perfect "have" ("could fly 13,000 km", but "could have flown 1,000 km"), or it
    lies under a capability word ("capable of flying 15,000 km", "the capacity to fly 14,000 km"); a count
    under a capacity word is what a ship or launcher can hold or fire ("capable of carrying 60 aircraft")."""
    sent = c.info.sent
    if c.unit is None:
        return any(sent.toks[a].lemma.lower() in rules.capacity_words for a in _chain(c))
    chain = _measure_chain(c)
    if any(sent.toks[a].lemma.lower() in rules.capability_words or _specification(sent, a, rules) for a in chain):
        return True
    verb = next((a for a in chain if sent.toks[a].pos in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if _norm_or_reference(sent, chain, verb, rules):
        return True
    if sent.toks[verb].lemma.lower() in rules.estimate_verbs:
        return False  # "the data could put the yield at 10 kilotons": an estimate of what was measured
    aux = [k for k in sent.kids(verb) if k.dep in ("aux", "auxpass")]
    return any(k.text.lower() in rules.capability_modals for k in aux) and not any(
        k.lemma.lower() == "have" for k in aux)


def _verb_claim(verb: tuple[CountRule, int], info: SentInfo, value: float, value_max: float | None, bound: str,
                start: int, period: str | None, definite: bool) -> list[ClaimCand]:
    """The figure a count verb gives its number (``_verb_rule``: the rule and the verb's last token), none
    for a rule of people that is no figure of an event ("58 sailors were rescued")."""
    rule, end_tok = verb
    if not rule.property:
        return []
    return [ClaimCand(rule.property, value, value_max, bound, None, start, info.sent.toks[end_tok].end, info,
                      rule.types, period, definite=definite)]


def _sentence_claims(info: SentInfo, timexes: list[DocTimex], lex: Lexicon) -> list[ClaimCand]:
    rules = lex.claims
    sent = info.sent
    blocked = [(t.start, t.end) for t in timexes if not _measured_year(info, t)]
    blocked += [(sent.start + m.start(), sent.start + m.end()) for m in _NUMERIC_DATE.finditer(sent.text)]
    blocked += [(h.start, h.end) for h in info.weapons if any(w.kind == "named" for w in h.values)]
    out: list[ClaimCand] = []
    used: set[int] = set()
    hedged: dict[int, str] = {}  # noun token of a count with a bound -> that bound
    partitive: list[tuple[int, float, str, int, int]] = []  # "two out of the five": (5's token, 2, bound, span)
    toks = sent.toks
    for i, tok in enumerate(toks):
        if not (tok.tag == "CD" or tok.pos == "NUM" or _DIGIT.search(tok.text) or tok.text.lower() in _FIGURE_WORDS):
            continue  # no figure starts here (every reading below needs one of these)
        if i in used or any(s <= tok.start < e for s, e in blocked):
            continue
        article = False  # "an hour", "half an hour": an article as the number of a unit
        glued_units = None  # "140tf": the units glued to the number
        if (suffixed := _glued_suffix(info, i, rules)) is not None:
            (value, glued_units), last, anchor = suffixed, i, i
        elif not _is_number(tok):
            glued = _glued_prefix(info, i, rules)
            if glued is not None:
                out.append(glued)
                continue
            if (got := _article_number(info, i, rules)) is not None:
                (value, last), article = got, True
            elif not (tok.text.lower() in ("a", "an") and i + 1 < len(toks)
                      and f"{tok.text.lower()} {toks[i + 1].text.lower()}" in rules.number_words):
                continue
            else:
                value, last = rules.number_words[f"{tok.text.lower()} {toks[i + 1].text.lower()}"], i + 1  # "a single"
            anchor = last
        else:
            anchor = i
            got = _value_at(info, i, rules)
            if got is None:
                continue
            value, last = got
        used.update(range(i, last + 1))
        value_max = None
        # ranges: "between 7,961 and 7,973", "7,961 to 7,973", "10-12"
        if last + 2 < len(toks) and toks[last + 1].text.lower() in _RANGE_JOINERS and _is_number(toks[last + 2]):
            nxt = _value_at(info, last + 2, rules)
            if nxt is not None and nxt[0] > value:
                value_max, last = nxt[0], nxt[1]
                if value == int(value) and value < 1000 <= value_max / 2 <= value * 1000 < value_max:
                    value *= 1000  # "11 to 12,000": the thousands said once
                used.update(range(i, last + 1))
                if _revised_range(info, i, rules):
                    value, value_max = value_max, None  # "raised the magnitude from 4.8 to 5.1": now 5.1
        bound, first_tok = _bound(info, i, rules)
        if first_tok == i and i > 0 and toks[i - 1].text.lower() == "between":
            first_tok = i - 1
        start = toks[first_tok].start
        definite = first_tok > 0 and toks[first_tok - 1].text.lower() == "the"
        # "two out of the five missiles": the first figure counts what the second counts
        tail = normalize(sent.text[toks[last].end - sent.start:toks[last].end - sent.start + 16]).text
        link = next((p for p in _PARTITIVE if tail.startswith(p + " ")), None)
        if (link and value > 1 and (k := _tok_from(toks, toks[last].end + 1 + len(link))) < len(toks)
                and _is_number(toks[k])):
            partitive.append((k, value, bound, start, toks[last].end))
            continue
        # "Mach 10", "magnitude 6.3", "a magnitude of 5.1": the unit comes first
        if glued_units is None and (m := _measure(info, tok.start, _units_before(info, tok.start, rules), i)):
            measure, factor, unit_start = m
            unit_bound, unit_first = _bound(info, _tok_from(toks, unit_start), rules)  # "about Mach 22"
            if bound == "eq" and unit_bound != "eq":
                bound, unit_start = unit_bound, toks[unit_first].start
            out.append(ClaimCand(measure.property, value * factor, value_max and value_max * factor, bound,
                                 measure.unit or None, unit_start, toks[last].end, info, measure.types,
                                 requires_weapon=measure.requires_weapon, definite=definite))
            continue
        units = glued_units if glued_units is not None else _units_after(info, toks[last].end, rules)
        if (m := _measure(info, tok.start, units, i)):
            measure, factor, unit_end = m
            after = sent.text[unit_end - sent.start:unit_end - sent.start + _LOOK]
            if _lead(measure.offsets, after) or _window(info, first_tok, measure):
                continue  # "three days after the drill", "the second drill in a week": when, not how long
            conv = _conversion(info, unit_end, measure, rules)
            if _place_offset(info, i, measure, sent.text[(conv[1] if conv else unit_end) - sent.start:], rules):
                if conv:
                    used.update(range(i, conv[0] + 1))  # its conversion is no figure either
                continue  # "150 km off the coast", "2,200 km east of Cape Erimo": where, not how far
            end = unit_end
            if (half := _HALF.match(after)):  # "an hour and a half"
                value, end = value + 0.5, unit_end + half.end()
            elif (rest := _smaller_unit(info, unit_end, measure, factor, rules)):  # "2 hours and 50 minutes"
                value, end = value + rest[0] / factor, rest[2]
                used.update(range(i, rest[1] + 1))
            if conv:  # "380 km (236 miles)": one figure
                used.update(range(i, conv[0] + 1))
                end = conv[1]
            elif value_max is None and (upper := _unit_repeated(
                    info, unit_end, measure, factor, rules, toks[first_tok].text.lower() == "between")) is not None \
                    and upper[0] > value:
                value_max, k, end = upper  # "between 6 kilotons and 9 kilotons", "70 km to 200 km"
                used.update(range(i, k + 1))
            out.append(ClaimCand(measure.property, round(value * factor, 6), value_max and value_max * factor, bound,
                                 measure.unit or None, start, end, info, measure.types,
                                 _period(info, i, timexes, lex), requires_weapon=measure.requires_weapon,
                                 definite=definite))
            continue
        if article or glued_units is not None:
            continue  # "a missile" is no count of one; "20kn" with no cue of its measure is no figure
        if _lead(rules.sizes, sent.text[toks[last].end - sent.start:toks[last].end - sent.start + _LOOK]):
            continue  # "240mm", "14.5-millimeter", "4,500-ton": a size, never a count
        head = toks[anchor].head if toks[anchor].dep in _NUM_DEPS[:3] or anchor != i else i
        if i <= head <= last and last > i and toks[last].dep in _NUM_DEPS[:3] and toks[last].head > last:
            head = toks[last].head  # "ten-thousand-200 soldiers", "two-point-five million shells": the noun
            # the number's last word modifies
        while toks[head].dep in ("nummod", "quantmod", "compound") and _is_number(toks[head]) and toks[head].head != head:
            head = toks[head].head
        rule = _count_rule(info, head, rules) if head >= i else None
        if rule is None and head > i and toks[head].dep in ("nmod", "compound") and toks[head].head > head:
            head = toks[head].head  # "50 M-1978 self-propelled howitzers": the noun the model name modifies
            rule = _count_rule(info, head, rules)
        if rule is None and (counted := _participle_object(info, last, rules)) is not None:
            head, rule = counted  # "20 upgraded 240mm rocket launchers" read as "20 upgraded (the) launchers"
        # people a casualty verb counts: "killing four civilians", "24 people have been killed"
        if head == i or (rule is not None and rule.persons):
            patient = _patient(info, head, first_tok, rules)
            if patient is not None and patient[0].patient_of_unnamed and rule is not None and rule.property:
                patient = None  # "deployed 3,000 reinforcements": the noun's own figure
            if patient is not None:
                prule, verb_tok = patient
                if not prule.property:
                    continue  # "rescued 14 soldiers": people, but no figure of an event
                end = toks[max(head, last)].end
                if verb_tok == last + 1 or (head > i and verb_tok == head + 1):
                    end = toks[verb_tok].end
                out.append(ClaimCand(prule.property, value, value_max, bound, None, start, end, info,
                                     prule.types, _period(info, i, timexes, lex), definite=definite))
                continue
        if (verb := _verb_rule(info, last, rules)) is not None:   # "600 killed", "60 were rescued"
            out += _verb_claim(verb, info, value, value_max, bound, start, _period(info, i, timexes, lex), definite)
            continue
        if rule is None and head == i and (prev := _revised(info, i, out, rules)) is not None:
            out.append(ClaimCand(prev.property, value, value_max, bound, None, start, toks[last].end, info,
                                 prev.types))  # "a 5.6 magnitude, later raised it to 6.3"
            continue
        bare = head == i or (last > i and head == last)  # "from an initial 5 to 5.3": the range's head
        if rule is None and bare and (named := _named_measure(info, head, rules)) is not None:
            out.append(ClaimCand(named.property, value, value_max, bound, None, start, toks[last].end, info,
                                 named.types))  # "put the magnitude at 5.2", "estimates ranged from 5.8 to 6.3"
            continue
        if rule is None and (total := _named_count(info, last, rules)) is not None:
            out.append(ClaimCand(total.property, value, value_max, bound, None, start, toks[last].end, info,
                                 total.types, _period(info, i, timexes, lex), total.transfer_property,
                                 definite=definite))  # "the number of troops rose to 11,000"
            continue
        if rule is None and (est := _estimated(info, i, rules)) is not None:  # "put the death toll at 300"
            out.append(ClaimCand(est.property, value, value_max, bound, None, start, toks[last].end, info,
                                 est.types, _period(info, i, timexes, lex), definite=definite))
            continue
        if rule is None or head < i:
            continue
        if (verb := _verb_rule(info, head, rules)) is not None:  # "1,200 soldiers were killed": a casualty figure
            out += _verb_claim(verb, info, value, value_max, bound, start, _period(info, i, timexes, lex), definite)
            continue
        if not rule.property or _part(info, first_tok, rules) or _one_thing(rule, value, value_max, rules):
            continue  # people, but no figure of their own; the rest of a group; one thing itself
        if bound == "eq":
            bound = _coordinated_bound(toks, head, i, hedged)
        if bound != "eq":
            hedged[head] = bound
        out.append(ClaimCand(rule.property, value, value_max, bound, None, start,
                             toks[head].end, info, rule.types, _period(info, i, timexes, lex), rule.transfer_property,
                             definite=definite))
        for k, pvalue, pbound, pstart, pend in partitive:
            if k == i:
                out.append(ClaimCand(rule.property, pvalue, None, pbound, None, pstart, pend, info,
                                     rule.types, _period(info, i, timexes, lex), rule.transfer_property))
    return out


def _participle_object(info: SentInfo, last: int, rules: ClaimRules) -> tuple[int, CountRule] | None:
    """A number the parser split from its noun by a participle ("20 upgraded 240mm rocket launchers" read as
    "20" subject of "upgraded", "delivered 30 refurbished howitzers" as two objects of "delivered") counts the
    object after it when only modifiers (no determiner, preposition, conjunction or comma) come between: (the
    object's token, its count rule)."""
    toks = info.sent.toks
    if last + 1 >= len(toks) or toks[last].head == last:
        return None
    verb = toks[last].head
    if toks[last].dep == "nsubj" and verb == last + 1 and toks[verb].tag in ("VBD", "VBN"):
        after = verb
    elif toks[last].dep == "dobj" and toks[verb].pos == "VERB":
        after = last
    else:
        return None
    obj = next((k.i for k in info.sent.kids(verb) if k.dep == "dobj" and k.i > after), None)
    if obj is None or obj - last > 7 or any(toks[k].pos in ("DET", "PRON", "ADP", "CCONJ") or toks[k].text == ","
                                            for k in range(last + 1, obj)):
        return None
    rule = _count_rule(info, obj, rules)
    return (obj, rule) if rule is not None and rule.property else None


def _window(info: SentInfo, first: int, measure: Measure) -> bool:
    """Do the words right before a figure (of up to three tokens) make it a time window of the measure ("in a
    week", "over the past five days")?"""
    toks = info.sent.toks
    return any(" ".join(t.text.lower() for t in toks[max(0, first - n):first]) in measure.windows for n in (3, 2, 1)
               if first - n >= 0)


def _one_thing(rule: CountRule, value: float, value_max: float | None, rules: ClaimRules) -> bool:
    """"One drone briefly flew over Seoul", "a single shell fell near the post": a figure of one of a count
    that is no launch's nor casualty's ([numbers] one_counts) names the thing itself, no tally."""
    return value == 1 and value_max is None and rule.property not in rules.one_counts \
        and rule.property not in rules.casualty_properties


def _part(info: SentInfo, first: int, rules: ClaimRules) -> bool:
    """Is the count a part of a group told before ("the other two drones ran out of fuel", "the remaining six
    missiles landed", "the first two rounds involved a new missile"): one of [numbers] part_words right before
    the number? ("two other missiles were fired later" counts more.)"""
    toks = info.sent.toks
    return first > 0 and toks[first - 1].text.lower() in rules.part_words


def _revised(info: SentInfo, i: int, found: list[ClaimCand], rules: ClaimRules) -> ClaimCand | None:
    """The dimensionless measure given before in the sentence that a bare number after "to" under a
    revision verb restates ("reported a 5.6 magnitude, but later raised it to 6.3")."""
    toks = info.sent.toks
    prep = toks[i].head
    if toks[i].dep != "pobj" or toks[prep].text.lower() != "to" or toks[toks[prep].head].lemma.lower() \
            not in rules.revision_verbs:
        return None
    return next((c for c in reversed(found) if c.unit is None and c.property and c.end <= toks[i].start
                 and any(m.property == c.property and m.unit == "" for m in rules.measures)), None)


def _revised_range(info: SentInfo, i: int, rules: ClaimRules) -> bool:
    """Is "from N to M" at token ``i`` a figure revised under a revision verb ("upgraded the magnitude from
    an initial 5 to 5.3", "revised the yield from 6 to 8 kilotons"), not a range: the figure is M."""
    sent, toks = info.sent, info.sent.toks
    k = i - 1
    while k >= 0 and toks[k].pos in ("DET", "ADJ"):  # "from an initial 5"
        k -= 1
    if k < 0 or toks[k].text.lower() != "from" or toks[i + 1].text.lower() != "to":
        return False
    return any(toks[a].lemma.lower() in rules.revision_verbs for a in sent.ancestors(k) if toks[a].pos == "VERB")


def _named_measure(info: SentInfo, i: int, rules: ClaimRules) -> Measure | None:
    """The dimensionless measure (no unit of its own: "magnitude") that the subject or object of a bare
    number's verb names ("the survey put the magnitude at 5.2", "magnitude estimates ranged from 5.8 to
    6.3", "the tremor's magnitude was 4.9"): the number is a figure of that measure."""
    sent, toks = info.sent, info.sent.toks
    if not (toks[i].dep == "attr" or toks[i].dep == "pobj" and toks[toks[i].head].text.lower() in _MEASURE_PREPS):
        return None
    verb = next((a for a in sent.ancestors(i) if toks[a].pos in ("VERB", "AUX", "ADJ")), None)  # "varied": ADJ
    if verb is None:
        return None
    words = set()
    for c in sent.kids(verb):
        if c.dep in ("nsubj", "nsubjpass", "dobj") and c.i < i:
            subtree = sent.subtree(c.i)
            if not any(_is_number(toks[k]) for k in subtree):  # "detected a 3.58 magnitude tremor at 10 a.m."
                words |= {toks[k].text.lower() for k in subtree}
    return next((m for m in rules.measures if m.prefix and not m.unit and words & set(m.units)), None)


def _in_context(c: ClaimCand, found: list[ClaimCand], rules: ClaimRules) -> ClaimCand:
    """The property a count takes in its sentence ("rounds" fired from howitzers are shells, troops sent to
    reinforce are reinforcements), unless the sentence counts that property itself (``found``: its figures):
    "9,000 troops, as well as 2,000 reinforcements" keeps its troops."""
    if c.property not in rules.in_context:
        return c
    other, words, unless = rules.in_context[c.property]
    if any(o.property == other for o in found) or not c.info.find(words) or c.info.find(unless):
        return c
    return replace(c, property=other)


def _named_count(info: SentInfo, n: int, rules: ClaimRules) -> CountRule | None:
    """A bare number after "to" or "at" (or what "be" says) whose verb's subject or object is a total
    ([totals] nouns: "the number of troops has grown to 11,000", "the total number of forces could be
    closer to 12,000", "bringing the total to some 10,000" after "the number of troops rose"): the count
    nouns of that total (or of the sentence's "number of ..." before it when the total names none)."""
    sent, toks = info.sent, info.sent.toks
    reached = toks[n].dep == "dobj" and toks[toks[n].head].lemma.lower() in rules.total_verbs
    if not (reached or toks[n].dep == "attr" or toks[n].dep == "pobj" and toks[toks[n].head].text.lower() in ("to", "at")):
        return None
    hits = [h for h in info.find(rules.count_nouns) if h.values[0].property and h.end <= toks[n].start]
    for a in sent.ancestors(n):
        if toks[a].pos not in ("VERB", "AUX"):
            continue
        for c in sent.kids(a):
            if c.dep not in ("nsubj", "nsubjpass", "dobj") or c.i > n:
                continue
            if c.dep != "dobj" and _comes_to(toks, n, a) and (tally := _tally(info, c.i, hits)) is not None:
                return tally  # "the death toll rose to 12", "casualties have reached about 3,000"
            tree = sent.subtree(c.i)
            totals = [k for k in tree if toks[k].lemma.lower() in rules.total_nouns]
            if not totals or any(_is_number(toks[k]) for k in tree):
                continue
            lo, hi = toks[min(tree)].start, toks[max(tree)].end
            inside = [h for h in hits if lo <= h.start and h.end <= hi]
            if not inside:  # "bringing the total to 10,000": the count nouns of a "number of" before it
                inside = [h for h in hits if h.end <= lo and any(
                    toks[k].lemma.lower() in rules.total_nouns and toks[k].end <= h.start
                    for k in sent.ancestors(_tok_from(toks, h.start)))]
            if inside:
                return max(inside, key=lambda h: h.end - h.start).values[0]
    return None


def _comes_to(toks, n: int, verb: int) -> bool:
    """Is the number ``n`` what the verb ``verb`` (no "be") comes to: its object, or after its "to"?"""
    if toks[verb].lemma.lower() == "be":
        return False  # "the missile was a ballistic one", "similar to one of the missiles"
    return toks[n].head == verb or (toks[n].dep == "pobj" and toks[toks[n].head].head == verb)


def _tally(info: SentInfo, subject: int, hits: list[Hit]) -> CountRule | None:
    """The count rule of a subject that is itself a count noun with a figure ("casualties", "death toll",
    "fatalities"): what the number its verb comes to counts."""
    tok = info.sent.toks[subject]
    return next((h.values[0] for h in hits if h.start <= tok.start and tok.end <= h.end), None)


def _estimated(info: SentInfo, i: int, rules: ClaimRules) -> CountRule | None:
    """"Kyiv put the death toll at 300", "the number of troops is estimated at 12,000": a number after
    "at" that an estimate verb gives to its object (or passive subject); the object's words say what
    it counts. Returns the count rule of those words."""
    sent, toks = info.sent, info.sent.toks
    at = toks[i].head
    while toks[at].dep in ("quantmod", "nummod", "advmod") and toks[at].head != at:
        at = toks[at].head
    if toks[i].dep != "pobj" or toks[at].text.lower() != "at":
        return None
    verb = next((a for a in sent.ancestors(at) if toks[a].lemma.lower() in rules.estimate_verbs), None)
    if verb is None:
        return None
    obj = next((c.i for c in sent.kids(verb) if c.dep in ("dobj", "nsubjpass", "nsubj") and c.i < at), None)
    if obj is None:
        return None
    lo = min(sent.subtree(obj))
    span = (toks[lo].start, toks[at].start)  # the object's words before "at"
    hits = [h for h in info.find(rules.count_nouns) + info.find(rules.count_verbs)
            if span[0] <= h.start and h.end <= span[1] and h.values[0].property]
    return max(hits, key=lambda h: h.end - h.start).values[0] if hits else None


def _smaller_unit(info: SentInfo, unit_end: int, measure: Measure, factor: float,
                  rules: ClaimRules) -> tuple[float, int, int] | None:
    """"2 hours and 50 minutes", "one minute 20 seconds": the same measure's smaller unit right after
    a unit: (its amount in base units, its last token, its end)."""
    toks = info.sent.toks
    k = _tok_from(toks, unit_end)
    if k < len(toks) and toks[k].text.lower() == "and":
        k += 1
    if k >= len(toks) or not _is_number(toks[k]) or (got := _value_at(info, k, rules)) is None:
        return None
    units = [u for u in _units_after(info, toks[got[1]].end, rules) if u[0] is measure and u[1] < factor]
    if not units:
        return None
    _, small, end, _ = max(units, key=lambda u: u[3])
    return got[0] * small, _tok_from(toks, end) - 1, end


def _measured_year(info: SentInfo, tx: DocTimex) -> bool:
    """"flew 1000 kilometers": a bare number the temporal tagger read as a year, with a unit after it."""
    return tx.text.strip().isdigit() and bool(_units_after(info, tx.end, info.lex.claims))


def _article_number(info: SentInfo, i: int, rules: ClaimRules) -> tuple[float, int] | None:
    """"an hour", "half an hour", "a minute": an article (after "half") right before a measure's unit
    stands for one (half) of it: (value, last token). Other nouns after an article are no figure."""
    toks = info.sent.toks
    words = [t.text.lower() for t in toks[i:i + 2]]
    if words[:2] == ["half", "an"] or words[:2] == ["half", "a"]:
        value, last = 0.5, i + 1
    elif words[0] in ARTICLES:
        value, last = 1.0, i
    else:
        return None
    if last + 1 >= len(toks) or toks[last + 1].pos != "NOUN":
        return None  # "a second missile": an ordinal, no unit
    # "a magnitude 5.2 tremor": a dimensionless measure's word after an article is no figure of one
    return (value, last) if any(m.unit for m, *_ in _units_after(info, toks[last].end, rules)) else None


def _glued_prefix(info: SentInfo, i: int, rules: ClaimRules) -> ClaimCand | None:
    """"magnitude-4.2": a prefix unit and its number in one token."""
    tok = info.sent.toks[i]
    m = _GLUED_PREFIX.match(tok.text)
    if m is None:
        return None
    unit = m.group(1).lower()
    for measure in rules.measures:
        if measure.prefix and unit in measure.units:
            value = float(m.group(2)) * measure.units[unit]
            return ClaimCand(measure.property, value, None, _bound(info, i, rules)[0], measure.unit or None,
                             tok.start, tok.end, info, measure.types, requires_weapon=measure.requires_weapon)
    return None


def _glued_suffix(info: SentInfo, i: int,
                  rules: ClaimRules) -> tuple[float, list[tuple[Measure, float, int, int]]] | None:
    """"140tf", "60kt", "1,400kN": a number with a unit glued after it, one token for the tokenizer: (the
    number, every (measure, factor, unit end, unit length) of that unit, as ``_units_after`` gives them)."""
    tok = info.sent.toks[i]
    m = _GLUED_SUFFIX.match(tok.text)
    if m is None or (value := parse_number(m.group(1), rules)) is None:
        return None
    unit, rest = m.group(2).lower(), info.sent.text[tok.end - info.sent.start:tok.end - info.sent.start + 12]
    found = [(ms, ms.units[unit], tok.end, len(unit)) for ms in rules.measures
             if not ms.prefix and unit in ms.units and not _rate(rest, rules)]
    return (value, found) if found else None


def _coordinated_bound(toks, head: int, number: int, hedged: dict[int, str]) -> str:
    """A hedge scopes over coordinated quantities: in "about 40 ships and 12 submarines" or "around
    11,000 troops, as well as 3,000 reinforcements" the second figure is approximate too. The
    noun of this number must be coordinated with an earlier hedged count's noun: its conjunct, or a
    sibling with the same role under the same verb with a coordinator between them."""
    tok = toks[head]
    for other, bound in hedged.items():
        if other >= head:
            continue
        if tok.dep == "conj" and tok.head == other:
            return bound
        if (tok.dep == toks[other].dep and tok.head == toks[other].head != head
                and any(t.dep == "cc" for t in toks[other + 1:number])):
            return bound
    return "eq"
