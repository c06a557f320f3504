"""Numeric claims of one sentence: a number, what it measures (data/claim_properties.toml), its
value in base units, upper value for ranges ("between 7,961 and 7,973 seconds"), bound ("over" ->
ge, "around"/"some" -> approx) and the period it refers to.

A number measures a property when it modifies one of the property's nouns ("15,000 North Korean
troops"), is joined to one of its verbs ("some 600 killed"), or carries one of its units with a cue
word nearby ("traveled 1,587km" -> range_km; the measure whose cue is nearest wins). Numbers inside dates and weapon names are skipped."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dating import DocTimex
from .lexicon import ClaimRules, CountRule, Lexicon, Measure
from .numbers import multiplier, parse_number
from .phrases import normalize
from .sentinfo import SentInfo

_NUM_DEPS = ("nummod", "quantmod", "compound", "npadvmod", "appos", "dobj", "pobj", "nsubj", "attr", "conj")
_RANGE_JOINERS = {"and", "to", "-", "–", "—", "or"}
_CUE_WINDOW = 60
_GROUP = re.compile(r"^\d{3}(\.\d+)?$")  # characters either side of the number in which a measure's cue counts


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


def _is_number(tok) -> bool:
    return tok.tag == "CD" or tok.pos == "NUM"


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
        return value * m, i + 1
    return value, i


def _measure(info: SentInfo, num_start: int, unit_tok: int, rules: ClaimRules,
             prefix: bool) -> tuple[Measure, float] | None:
    word = info.sent.toks[unit_tok].text.lower()
    at = num_start - info.sent.start
    lo = max(0, at - _CUE_WINDOW)
    window = normalize(info.sent.text[lo:at + _CUE_WINDOW])
    found = []
    for order, m in enumerate(rules.measures):
        if m.prefix != prefix or word not in m.units:
            continue
        if not m.cues.size:
            found.append((_CUE_WINDOW * 2, order, m))
            continue
        dists = [min(abs(lo + h.start - at), abs(lo + h.end - at)) for h in m.cues.find_all(window)]
        if dists:
            found.append((min(dists), order, m))
    if not found:
        return None
    m = min(found, key=lambda f: (f[0], f[1]))[2]
    return m, m.units[word]


def _count_rule(info: SentInfo, tok_idx: int, rules: ClaimRules) -> CountRule | None:
    tok = info.sent.toks[tok_idx]
    for h in info.hits_in(info.find(rules.count_nouns), {tok_idx}):
        if info.head_of(h) == tok_idx or h.end >= tok.end:
            return h.values[0]
    return None


def _verb_rule(info: SentInfo, after: int, rules: ClaimRules) -> tuple[CountRule, int] | None:
    """"600 killed", "600 were killed": a count verb right after the number."""
    sent = info.sent
    if after + 1 >= len(sent.toks):
        return None
    start = sent.toks[after + 1].start - sent.start
    tail = normalize(sent.text[start:start + 40])
    for h in rules.count_verbs.find(tail):
        if h.start == 0:
            return h.values[0], after + 1
    return None


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


def sentence_claims(info: SentInfo, timexes: list[DocTimex], lex: Lexicon) -> list[ClaimCand]:
    rules = lex.claims
    sent = info.sent
    blocked = [(t.start, t.end) for t in timexes]
    blocked += [(h.start, h.end) for h in info.weapons if any(w.kind == "named" for w in h.values)]
    out: list[ClaimCand] = []
    used: set[int] = set()
    hedged: dict[int, str] = {}  # noun token of a count with a bound -> that bound
    toks = sent.toks
    for i, tok in enumerate(toks):
        if i in used or not _is_number(tok) or any(s <= tok.start < e for s, e in blocked):
            continue
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
                used.update(range(i, last + 1))
        bound, first_tok = _bound(info, i, rules)
        if first_tok == i and i > 0 and toks[i - 1].text.lower() == "between":
            first_tok = i - 1
        start = toks[first_tok].start
        # "Mach 10", "magnitude 6.3": the unit comes first
        if i > 0 and (m := _measure(info, tok.start, i - 1, rules, prefix=True)):
            measure, factor = m
            out.append(ClaimCand(measure.property, value * factor, value_max and value_max * factor, bound,
                                 measure.unit or None, toks[i - 1].start, toks[last].end, info, measure.types))
            continue
        if last + 1 < len(toks) and (m := _measure(info, tok.start, last + 1, rules, prefix=False)):
            measure, factor = m
            out.append(ClaimCand(measure.property, value * factor, value_max and value_max * factor, bound,
                                 measure.unit or None, start, toks[last + 1].end, info, measure.types,
                                 _period(info, i, timexes, lex)))
            continue
        verb = _verb_rule(info, last, rules)
        if verb is not None:
            rule, end_tok = verb
            out.append(ClaimCand(rule.property, value, value_max, bound, None, start, toks[end_tok].end, info,
                                 rule.types, _period(info, i, timexes, lex)))
            continue
        head = tok.head if tok.dep in _NUM_DEPS[:3] else i
        while toks[head].dep in ("nummod", "quantmod", "compound") and _is_number(toks[head]) and toks[head].head != head:
            head = toks[head].head
        rule = _count_rule(info, head, rules)
        if rule is None or head < i:
            continue
        verb = _verb_rule(info, head, rules)  # "1,200 soldiers were killed": a casualty figure
        if verb is not None:
            rule, end_tok = verb
            out.append(ClaimCand(rule.property, value, value_max, bound, None, start, toks[end_tok].end, info,
                                 rule.types, _period(info, i, timexes, lex)))
            continue
        if bound == "eq":
            bound = _coordinated_bound(toks, head, i, hedged)
        if bound != "eq":
            hedged[head] = bound
        out.append(ClaimCand(rule.property, value, value_max, bound, None, start, toks[head].end, info, rule.types,
                             _period(info, i, timexes, lex), rule.transfer_property))
    return out


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
