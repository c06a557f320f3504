"""Who a sentence attributes its report to: the subject of a reporting verb ("the KCNA reported",
"South Korea's military said") or the object of "according to"; normalized through the alias table
of data/sources.toml, with the person an office is held by ("Japan's Defense Minister X said": Japan's
defense ministry and X); a negated reporting verb names no source. Pronouns and anaphoric subjects ("it said", "the agency added") take the last
source named through the alias table earlier in the document; unknown subjects are kept by their
entity name (a person, organization or state; canonical through the actor table when listed)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon
from .sentinfo import SentInfo

_ENTITY_SOURCES = {"PERSON", "ORG", "NORP", "GPE"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_CLAUSE_END = {",", ";", ".", ":", "(", ")", "—", "–"}


@dataclass
class Attribution:
    sources: list[str] = field(default_factory=list)
    reporting: set[int] = field(default_factory=set)       # token indices of reporting verbs
    subject_tokens: set[int] = field(default_factory=set)  # tokens naming the sources
    aliased: list[str] = field(default_factory=list)       # sources found through the alias table


def _resolve(info: SentInfo, start: int, end: int, idx: set[int], lex: Lexicon,
             memory: list[str]) -> tuple[list[str], list[str]]:
    """Sources named in [start, end): (names, those found through the alias table). A person
    named with a title ("Japan's Defense Minister X") is a source beside the office's alias;
    with no alias, the entity that heads the phrase ("the Vienna-based Commission" is the
    Commission), else a person or organization before a place, else the first entity."""
    names = list(dict.fromkeys(h.values[0].name for h in info.sources if start <= h.start < end))
    if names:
        people = [e.text for e in info.sent.ents if e.label == "PERSON" and start <= e.start and e.end <= end
                  and not any(h.start < e.end and e.start < h.end for h in info.sources)
                  ] if _beside_sources(info, start, end) else []
        return names + [p for p in people if p not in names], names
    text = " ".join(info.sent.toks[i].text for i in sorted(idx)).lower().strip()
    pronoun = any(info.sent.toks[i].pos == "PRON" for i in idx) and len(idx) <= 2
    if (text in lex.anaphoric_sources or pronoun) and memory:
        return [_antecedent(text, memory)], []  # (the entities are not looked for)
    ents = [e for e in info.sent.ents if e.label in _ENTITY_SOURCES and start <= e.start and e.end <= end]
    head = info.sent.root_of(sorted(idx))
    at = info.sent.toks[head] if head is not None else None
    heading = [e for e in ents if at is not None and e.start <= at.start < e.end]
    if not heading and not any(e.label in ("PERSON", "ORG") for e in ents) and (
            phrase := _reporter_phrase(info, head, lex)):
        return [phrase], []
    if not ents:
        return [], []
    ent = (heading or [e for e in ents if e.label in ("PERSON", "ORG")] or ents)[0]
    actor = [h.values[0].name for h in info.actors if ent.start <= h.start < ent.end]
    return [actor[0] if actor else ent.text], []


def _beside_sources(info: SentInfo, start: int, end: int) -> bool:
    """Does a word in [start, end) lie outside the names of the alias table? Only then can an entity
    there (a run of words) lie outside them."""
    return any(not any(h.start < t.end and t.start < h.end for h in info.sources)
               for t in info.sent.toks if start <= t.start and t.end <= end)


def _sources_before(info: SentInfo, verb: int) -> list[str]:
    """The sources of the alias table named right before a reporting verb the parser left without a
    subject ("... into the South, news agency Yonhap reported", "... off the coast, the JCS said"
    read as one phrase with what precedes), with those listed with them (:func:`_listed_before`)."""
    if verb == 0:
        return []
    end = info.sent.toks[verb - 1].end
    hit = next((h for h in info.sources if h.end == end), None)
    if hit is None:
        return []
    return list(dict.fromkeys(_listed_before(info, hit.start) + [hit.values[0].name]))


def _listed_before(info: SentInfo, start: int) -> list[str]:
    """The sources of the alias table listed before the phrase at ``start`` by "and" (then commas):
    "the JCS and Japan's defense ministry said", "Seoul, Tokyo and Washington said" (the parser often
    hangs the first of them on the reported clause). A comma alone joins nothing ("... toward Japan,
    Tokyo said")."""
    text, base = info.sent.text, info.sent.start
    out, joints = [], (" and",)
    while True:
        gap = text[:start - base].rstrip()
        joint = next((j for j in joints if gap.lower().endswith(j)), None)
        if joint is None:
            return out
        gap = gap[:-len(joint)].rstrip()
        gap = gap[:-4].rstrip() if gap.lower().endswith(" the") else gap
        hit = next((h for h in info.sources if h.end == base + len(gap)), None)
        if hit is None:
            return out
        out.insert(0, hit.values[0].name)
        start, joints = hit.start, (",",)


def _addressed_outlets(info: SentInfo, verb: int) -> list[str]:
    """News outlets of the alias table a reporting verb addresses ("an official told Yonhap", "a
    spokesman told the state news agency TASS", "officials briefed Yonhap"): they carried the report,
    so they are its sources too."""
    sent = info.sent
    idx = {i for k in sent.kids(verb) if k.dep in ("dobj", "dative") for i in sent.subtree(k.i)}
    return [h.values[0].name for h in info.hits_in(info.sources, idx) if "media" in h.values[0].kind]


def _antecedent(anaphor: str, memory: list[str]) -> str:
    """The source an anaphoric subject refers to: the last one whose name holds its noun ("the
    ministry" -> "Japan's defense ministry"), else the last one named (a reporter after whom it cited)."""
    noun = anaphor.split()[-1]
    named = [m for m in memory if noun in m.lower().split()]
    return named[-1] if named and len(anaphor.split()) > 1 else memory[-1]


def _reporter_phrase(info: SentInfo, head: int | None, lex: Lexicon) -> str | None:
    """The words of a reporting subject headed by a reporter noun, from its first modifier to the noun
    ("a top South Korean official" -> "top South Korean official", "Russian news agencies", "military
    officials"); None for other heads."""
    if head is None:
        return None
    sent = info.sent
    tok = sent.toks[head]
    if tok.pos not in ("NOUN", "PROPN") or tok.lemma.lower() not in lex.reporter_nouns \
            and tok.text.lower() not in lex.reporter_nouns:
        return None
    first = head
    for k in sorted((k for k in sent.kids(head) if k.i < head), key=lambda k: k.i):
        if k.dep in ("amod", "compound", "nmod", "npadvmod") or (k.dep == "poss" and k.pos == "PROPN"):
            first = min(first, min(sent.subtree(k.i)))
    if first == head:
        return None  # "officials said", "a source said": a bare noun names no one
    return info.sent.text[sent.toks[first].start - sent.start:tok.end - sent.start]


def _negated(info: SentInfo, head: int) -> bool:
    kids = info.sent.kids(head)
    if any(k.dep == "neg" for k in kids):
        return True
    subjects = [k for k in kids if k.dep in _SUBJECT_DEPS]
    return any(g.dep in ("preconj", "det") and g.lemma.lower() in ("neither", "no")
               for s in subjects for g in info.sent.kids(s.i))


def attribute(info: SentInfo, lex: Lexicon, memory: list[str]) -> Attribution:
    """Sources of one sentence. ``memory`` (the document's alias-found sources so far) is read for
    anaphora and extended with this sentence's alias-found sources."""
    sent = info.sent
    att = Attribution()
    for hit in info.reporting:
        head = info.head_of(hit)
        if head is None:
            continue
        tok = sent.toks[head]
        if not (tok.pos in ("VERB", "AUX") or tok.tag.startswith("VB")):
            continue
        att.reporting.add(head)
        if _negated(info, head):
            continue  # "neither Moscow nor Pyongyang has confirmed": they are not the source
        subjects = [k for k in sent.kids(head) if k.dep in _SUBJECT_DEPS and k.pos != "DET"]
        agents = [g for k in sent.kids(head) if k.dep == "agent" for g in sent.kids(k.i) if g.dep == "pobj"]
        if not subjects and not agents and (adjacent := _sources_before(info, head)):
            att.sources += adjacent
            att.aliased += adjacent
        outlets = _addressed_outlets(info, head)
        att.sources += outlets
        att.aliased += outlets
        for subj in subjects + agents:
            if subj.dep == "nsubjpass":
                continue  # "the test was reported": the subject is what was reported
            idx = sent.subtree(subj.i)
            start, end = sent.char_span(idx)
            names, aliased = _resolve(info, start, end, idx, lex, memory)
            listed = _listed_before(info, start) if aliased else []
            att.sources += listed + names
            att.subject_tokens |= idx
            att.aliased += listed + aliased
    reporters = list(att.aliased)   # the subjects of reporting verbs, before those cited
    for hit in info.source_preps:
        after = [t for t in sent.toks if t.start >= hit.end]
        idx = set()
        for t in after:
            if t.text in _CLAUSE_END:
                break
            idx.add(t.i)
        if not idx:
            continue
        start, end = sent.char_span(idx)
        names, aliased = _resolve(info, start, end, idx, lex, memory)
        att.sources += names
        att.subject_tokens |= idx
        att.aliased += aliased
    att.sources = list(dict.fromkeys(att.sources))
    # the reporter, not whom it cites, is what a later "it said" / "the report said" refers to
    # ("Yonhap reported, citing the JCS. The report said ..."): its sources go last in the memory
    memory.extend([s for s in att.aliased if s not in reporters] + reporters)
    return att


def statement_author(info: SentInfo, lex: Lexicon) -> list[str]:
    """The author of a statement the document reproduces ("Kim Yo Jong ... issued the following
    press statement"): canonical source names and the person named, else the subject's words."""
    sent = info.sent
    for hit in info.find(lex.statement_verbs):
        head = info.head_of(hit)
        if head is None:
            continue
        kids = sent.kids(head)
        # the statement noun right after the verb (quoted titles often break the parse of the object)
        after = [t for t in sent.toks if hit.end <= t.start][:5]
        objects = [t for t in after if t.lemma.lower() in lex.statement_nouns and t.pos == "NOUN"]
        subjects = [k for k in kids if k.dep == "nsubj"]
        if not objects or not subjects:
            continue
        idx = sent.subtree(subjects[0].i)
        start, end = sent.char_span(idx)
        names = [h.values[0].name for h in info.sources if start <= h.start < end]
        names += [e.text for e in sent.ents if e.label == "PERSON" and start <= e.start and e.end <= end][:1]
        if not names:
            words = [sent.toks[i].text for i in sorted(idx) if sent.toks[i].pos != "DET"]
            names = [" ".join(words)]
        return list(dict.fromkeys(names))
    return []
