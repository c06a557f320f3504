"""Cleaning: which spans of a document's original text are article content (``Document.kept``)
and which are boilerplate (``Document.boilerplate``, each with the rule that removed it).

The text is never changed: cleaning only marks spans. Everything outside kept and boilerplate
spans is whitespace. The rules (patterns, cue words, thresholds) live in data/boilerplate.toml,
whose comments explain each one; this module applies them line by line, in the order listed
there: header, whole-line rules, parts of lines, repeated sentences, appeals, headlines of
other stories, an appended off-topic story. The pieces of lines left by the first three are
split into sentences once; the later stages take those sentences along.

A batch of documents read together (``BatchCleaning``) is cleaned once without the sentences
repeated across it, which is how they are found; a document holding none of them keeps that
cleaning.
"""
from __future__ import annotations

import math
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from ..models import Boilerplate, Document, Span
from ..settings import Settings
from .sentences import OPENERS, line_spans, sentence_spans, trim

CLOSERS = "\"'”’»)]"
SENTENCE_FINAL = ".!?…"
UNPUNCTUATED_END = ".,;:!?…"  # a headline ends with none of these
TITLE_UNPUNCTUATED_END = ".,;:"


@dataclass(frozen=True)
class LineRule:
    """Whole lines whose start matches ``pattern`` (and, if set, of at most ``max_words`` words)."""
    rule: str
    pattern: re.Pattern[str]
    max_words: int | None = None


@dataclass(frozen=True)
class InlineRule:
    """Parts of a line matched by ``pattern``."""
    rule: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class AppealRule:
    cues: re.Pattern[str]
    min_hits: int
    min_share: float


@dataclass(frozen=True)
class HeadlineRule:
    min_words: int
    max_words: int
    title_max_words: int
    not_last: frozenset[str]  # lowercase words a headline cannot end with
    dated_entry: re.Pattern[str] | None = None  # a chronology's entry: a date, then a dash or colon


@dataclass(frozen=True)
class OffTopicRule:
    transitions: re.Pattern[str]
    domain_terms: re.Pattern[str]
    min_lines: int


@dataclass(frozen=True)
class RepeatRule:
    min_chars: int
    min_words: int
    min_docs: int
    min_share: float


@dataclass(frozen=True)
class CleaningRules:
    """Everything cleaning needs, compiled once from data/boilerplate.toml."""
    header: re.Pattern[str]
    lines: tuple[LineRule, ...]
    inline: tuple[InlineRule, ...]
    appeal: AppealRule
    headline: HeadlineRule
    off_topic: OffTopicRule
    repeated: RepeatRule
    abbreviations: frozenset[str]
    link_list: re.Pattern[str] | None = None   # a bare header of a list of other stories


@dataclass(frozen=True)
class _Piece:
    """A kept part of a line and its sentences (``sentence_spans``)."""
    span: Span
    sentences: tuple[Span, ...]


@dataclass
class _Line:
    """A line of the text that still has kept pieces."""
    pieces: list[_Piece]

    @property
    def view(self) -> Span:
        return Span(self.pieces[0].span.start, self.pieces[-1].span.end)


def load_rules(settings: Settings) -> CleaningRules:
    """Compile data/boilerplate.toml (``settings.data_path("boilerplate.toml")``)."""
    with open(settings.data_path("boilerplate.toml"), "rb") as f:
        return rules_from_dict(tomllib.load(f))


def rules_from_dict(data: dict) -> CleaningRules:
    """Compile the parsed TOML of a boilerplate rules file."""
    agencies = sorted(data["credit"]["agencies"], key=len, reverse=True)
    agency = "(?:" + "|".join(re.escape(a) for a in agencies) + ")"
    lines = tuple(
        LineRule(group["rule"], _alternation(group["patterns"], group["ignore_case"]),
                 group.get("max_words"))
        for group in data["lines"])
    inline = tuple(
        InlineRule(group["rule"], _alternation(
            [p.replace("{agency}", agency) for p in group["patterns"]], group["ignore_case"]))
        for group in data["inline"])
    appeal, headline = data["appeal"], data["headline"]
    off_topic, repeated = data["off_topic"], data["repeated"]
    return CleaningRules(
        header=re.compile(data["header"]["pattern"]),
        lines=lines,
        inline=inline,
        appeal=AppealRule(_alternation(appeal["cues"], True), appeal["min_hits"],
                          appeal["min_share"]),
        headline=HeadlineRule(headline["min_words"], headline["max_words"],
                              headline["title_max_words"],
                              frozenset(w.lower() for w in headline["not_last"]),
                              re.compile(headline["dated_entry"], re.IGNORECASE) if "dated_entry" in headline else None),
        off_topic=OffTopicRule(
            _alternation(off_topic["transitions"], False),
            re.compile(r"\b(?:" + "|".join(f"(?:{t})" for t in off_topic["domain_terms"]) + ")",
                       re.IGNORECASE),
            off_topic["min_lines"]),
        repeated=RepeatRule(repeated["min_chars"], repeated["min_words"], repeated["min_docs"],
                            repeated["min_share"]),
        abbreviations=frozenset(a.lower() for a in data["sentences"]["abbreviations"]),
        link_list=_alternation([data["link_list"]["header"]], True) if "link_list" in data else None,
    )


def _alternation(patterns: list[str], ignore_case: bool) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE if ignore_case else 0)


def clean_document(doc: Document, rules: CleaningRules,
                   repeated: frozenset[str] = frozenset()) -> Document:
    """The document with ``kept`` (sorted, disjoint, trimmed content spans) and ``boilerplate``
    (every removed span with its rule) filled in, and ``title`` set from a headline-like first
    line when it had none. ``repeated``: normalized sentences to remove (see BatchCleaning)."""
    removed, body = _split_lines(doc.text, rules)
    return _finish(doc.text, removed, body, rules, repeated)[0].of(doc)


@dataclass(frozen=True)
class _Cleaned:
    """A text cleaned: its spans and the title its first line gives, if any."""
    kept: tuple[Span, ...]
    boilerplate: tuple[Boilerplate, ...]
    title: str | None

    def of(self, doc: Document) -> Document:
        """``doc`` (of this text) with these spans, and this title unless it has one."""
        return replace(doc, kept=list(self.kept), boilerplate=list(self.boilerplate), title=doc.title or self.title)


class BatchCleaning:
    """The cleaning of documents read together. ``repeated``: kept lines and sentences
    (whitespace normalized, long enough per [repeated]) found verbatim in at least max(2,
    min_docs, min_share x site size) distinct documents of one site, found by cleaning each
    distinct text once without them; ``clean`` hands that cleaning back for a text none of whose
    lines or sentences is repeated, and cleans the others again."""

    def __init__(self, docs: list[Document], rules: CleaningRules) -> None:
        self.rules = rules
        units_by_site: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        docs_by_site: dict[str, set[str]] = defaultdict(set)
        first: dict[str, tuple[_Cleaned, set[str], set[str]]] = {}  # hash -> cleaned, units it holds, kept
        for doc in docs:
            site, key = site_of(doc), doc.hash
            if key in docs_by_site[site]:
                continue  # a text counts once per site
            docs_by_site[site].add(key)
            if key not in first:
                first[key] = self._first_cleaning(doc)
            for unit in first[key][2]:
                units_by_site[site][unit].add(key)
        found: set[str] = set()
        for site, units in units_by_site.items():
            need = max(2, rules.repeated.min_docs,
                       math.ceil(rules.repeated.min_share * len(docs_by_site[site])))
            found.update(unit for unit, keys in units.items() if len(keys) >= need)
        self.repeated = frozenset(found)
        self._cleaned = {key: cleaned for key, (cleaned, held, _) in first.items() if held.isdisjoint(found)}

    def _first_cleaning(self, doc: Document) -> tuple[_Cleaned, set[str], set[str]]:
        """The cleaning without repeated sentences; the units a repeated sentence could remove
        (every piece and sentence before the later stages drop lines) and the kept units."""
        rules, text = self.rules, doc.text
        removed, body = _split_lines(text, rules)
        held = _units(text, [piece for line in body for piece in line.pieces], rules)
        cleaned, kept = _finish(text, removed, body, rules, frozenset())
        return cleaned, held, _units(text, [piece for line in kept for piece in line.pieces], rules)

    def clean(self, doc: Document) -> Document:
        """``clean_document(doc, rules, repeated)``: the first cleaning when it is the same."""
        cleaned = self._cleaned.get(doc.hash)
        return clean_document(doc, self.rules, self.repeated) if cleaned is None else cleaned.of(doc)


def site_of(doc: Document) -> str:
    """The site a document comes from: ``doc.site``, else its URL's host (without www.), else
    the folder of its source file (or of its name)."""
    if doc.site:
        return doc.site
    if doc.url:
        host = urlsplit(doc.url).hostname
        if host:
            return host.removeprefix("www.")
    return str(PurePosixPath((doc.source_path or doc.name).replace("\\", "/")).parent)


def normalize(text: str) -> str:
    """Whitespace runs collapsed to one space, ends stripped (the form of repeated units)."""
    return " ".join(text.split())


# --- stages ------------------------------------------------------------------------------------

def _split_lines(text: str, rules: CleaningRules) -> tuple[list[Boilerplate], list[_Line]]:
    """The stages that do not depend on repeated sentences: the header, whole-line rules and
    parts of lines removed; the pieces left, with their sentences."""
    removed: list[Boilerplate] = []
    body: list[_Line] = []
    listing = False   # in a list of other stories that a bare header opened ("Also Read")
    for span in _content_lines(text, rules, removed):
        header = rules.link_list is not None and rules.link_list.fullmatch(text, span.start, span.end)
        listing = bool(header) or (listing and text[span.start:span.end].rstrip(CLOSERS)[-1:] not in SENTENCE_FINAL)
        rule = "link" if listing else _line_rule(text, span, rules)
        if rule:
            removed.append(Boilerplate(span, rule))
            continue
        body.append(_Line([_Piece(p, tuple(sentence_spans(text, p, rules.abbreviations)))
                           for p in _cut_inline(text, span, rules, removed)]))
    return removed, body


def _finish(text: str, removed: list[Boilerplate], body: list[_Line], rules: CleaningRules,
            repeated: frozenset[str]) -> tuple[_Cleaned, list[_Line]]:
    """The later stages, on lines from ``_split_lines`` (neither changed): the text cleaned, and
    its kept lines."""
    removed = list(removed)
    body = [line for line in (_Line(_cut_repeated(text, line.pieces, repeated, removed)) for line in body)
            if line.pieces]
    body = _drop_appeals(text, body, rules, removed)
    title, body = _drop_headlines(text, body, rules, removed)
    body = _drop_off_topic(text, body, rules, removed)
    kept = sorted(piece.span for line in body for piece in line.pieces)
    boilerplate = sorted(removed, key=lambda b: (b.span.start, b.span.end))
    return _Cleaned(tuple(kept), tuple(boilerplate), title), body


def _content_lines(text: str, rules: CleaningRules, removed: list[Boilerplate]) -> list[Span]:
    """The trimmed lines of the text, the first one without its date header (recorded)."""
    lines = line_spans(text)
    header = rules.header.match(text)
    if not header or not lines:
        return lines
    span = trim(text, header.start(), header.end())
    if span:
        removed.append(Boilerplate(span, "header"))
    rest = trim(text, header.end(), lines[0].end)
    return ([rest] if rest else []) + lines[1:]


def _line_rule(text: str, span: Span, rules: CleaningRules) -> str | None:
    for line_rule in rules.lines:
        if line_rule.pattern.match(text, span.start, span.end) and (
                line_rule.max_words is None
                or len(text[span.start:span.end].split()) <= line_rule.max_words):
            return line_rule.rule
    return None


def _cut_inline(text: str, span: Span, rules: CleaningRules,
                removed: list[Boilerplate]) -> list[Span]:
    cuts: list[Span] = []
    for inline in rules.inline:
        for m in inline.pattern.finditer(text, span.start, span.end):
            cut = trim(text, m.start(), m.end())
            if cut and not any(cut.overlaps(c) for c in cuts):
                cuts.append(cut)
                removed.append(Boilerplate(cut, inline.rule))
    return _subtract(text, span, cuts)


def _cut_repeated(text: str, pieces: list[_Piece], repeated: frozenset[str],
                  removed: list[Boilerplate]) -> list[_Piece]:
    """The pieces without their repeated sentences. What is left of a piece is whole sentences,
    which are its sentences: a sentence break depends only on the text up to the next word."""
    if not repeated:
        return pieces
    kept: list[_Piece] = []
    for piece in pieces:
        if normalize(text[piece.span.start:piece.span.end]) in repeated:
            removed.append(Boilerplate(piece.span, "repeated"))
            continue
        cuts = [s for s in piece.sentences if normalize(text[s.start:s.end]) in repeated]
        if not cuts:
            kept.append(piece)
            continue
        removed.extend(Boilerplate(c, "repeated") for c in cuts)
        kept.extend(_Piece(part, tuple(s for s in piece.sentences if part.start <= s.start and s.end <= part.end))
                    for part in _subtract(text, piece.span, cuts))
    return kept


def _drop_appeals(text: str, body: list[_Line], rules: CleaningRules,
                  removed: list[Boilerplate]) -> list[_Line]:
    kept = []
    for line in body:
        if _is_appeal(text, line, rules):
            removed.extend(Boilerplate(p.span, "appeal") for p in line.pieces)
        else:
            kept.append(line)
    return kept


def _is_appeal(text: str, line: _Line, rules: CleaningRules) -> bool:
    appeal = rules.appeal
    cues: set[str] = set()
    sentences = with_cue = 0
    for piece in line.pieces:
        for sentence in piece.sentences:
            found = {m.group().lower()
                     for m in appeal.cues.finditer(text, sentence.start, sentence.end)}
            sentences += 1
            with_cue += bool(found)
            cues |= found
    return len(cues) >= appeal.min_hits and with_cue >= appeal.min_share * sentences


def _drop_headlines(text: str, body: list[_Line], rules: CleaningRules,
                    removed: list[Boilerplate]) -> tuple[str | None, list[_Line]]:
    """(the first line if it is a title, the body without other stories' headlines)."""
    if not body:
        return None, body
    title = _title(text, body, rules)
    kept = [body[0]]
    for i in range(1, len(body)):
        line = body[i]
        if _standalone_headline(text, body[i - 1], line, body[i + 1] if i + 1 < len(body) else None,
                                rules):
            removed.extend(Boilerplate(p.span, "headline") for p in line.pieces)
        else:
            kept.append(line)
    return title, kept


def _title(text: str, body: list[_Line], rules: CleaningRules) -> str | None:
    """The first line when it is the article's title (it is never removed as a headline)."""
    if not body:
        return None
    first = text[body[0].view.start:body[0].view.end]
    return first if _title_like(first, rules.headline) else None


def _title_like(s: str, headline: HeadlineRule) -> bool:
    return (len(s.split()) <= headline.title_max_words and _starts_like_heading(s)
            and s.rstrip(CLOSERS)[-1:] not in TITLE_UNPUNCTUATED_END)


def _standalone_headline(text: str, before: _Line, line: _Line, after: _Line | None,
                         rules: CleaningRules) -> bool:
    headline = rules.headline
    view = line.view
    s = text[view.start:view.end]
    words = s.split()
    if not (headline.min_words <= len(words) <= headline.max_words
            and _starts_like_heading(s) and s.rstrip(CLOSERS)[-1:] not in UNPUNCTUATED_END
            and words[-1].strip(CLOSERS).lower() not in headline.not_last):
        return False
    if headline.dated_entry is not None and headline.dated_entry.match(s):
        return False
    if len(sentence_spans(text, view, rules.abbreviations)) != 1:
        return False
    previous = text[before.view.start:before.view.end].rstrip(CLOSERS)
    if previous[-1:] not in SENTENCE_FINAL:
        return False
    return after is None or _starts_like_heading(text[after.view.start:after.view.end])


def _starts_like_heading(s: str) -> bool:
    return bool(s) and (s[0].isupper() or s[0].isdigit() or s[0] in OPENERS)


def _drop_off_topic(text: str, body: list[_Line], rules: CleaningRules,
                    removed: list[Boilerplate]) -> list[_Line]:
    off = rules.off_topic
    opening = [i for i in range(1, len(body) - off.min_lines + 1)
               if off.transitions.match(text, body[i].view.start, body[i].view.end)]
    if not opening:
        return body  # no line opens another story: no need to look for domain terms
    start = len(body)
    while start > 0 and not any(off.domain_terms.search(text, p.span.start, p.span.end)
                                for p in body[start - 1].pieces):
        start -= 1  # body[start:] is the longest trailing run without domain terms
    if start == 0:
        return body  # no line has them: no story before the run
    for i in opening:
        if i >= start:
            removed.extend(Boilerplate(p.span, "off_topic") for line in body[i:] for p in line.pieces)
            return body[:i]
    return body


# --- spans -------------------------------------------------------------------------------------

def _subtract(text: str, span: Span, cuts: list[Span]) -> list[Span]:
    """The trimmed, non-empty parts of ``span`` outside ``cuts`` (disjoint spans within it)."""
    pieces, pos = [], span.start
    for cut in sorted(cuts):
        piece = trim(text, pos, cut.start)
        if piece:
            pieces.append(piece)
        pos = max(pos, cut.end)
    piece = trim(text, pos, span.end)
    if piece:
        pieces.append(piece)
    return pieces


def _units(text: str, pieces: list[_Piece], rules: CleaningRules) -> set[str]:
    """The pieces and their sentences that are long enough to count as repeated."""
    units, least = set(), rules.repeated
    for piece in pieces:
        for span in [piece.span, *piece.sentences]:
            unit = normalize(text[span.start:span.end])
            if len(unit) >= least.min_chars or len(unit.split()) >= least.min_words:
                units.add(unit)
    return units
