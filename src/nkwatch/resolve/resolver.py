"""Incremental cross-article resolution: new mentions join existing canonical events (or found new
ones) without recomputing the rest; manual decisions are replayed afterwards.

Order of one run:
1. a document among the new mentions is taken as re-extracted: its old members that were not
   produced again leave their events (and its old claims with them);
2. a mention already in an event stays there (re-running on unchanged input changes nothing);
3. every other mention, earliest report first, is absorbed by a long-running event if one
   matches, else joins the best-scoring compatible event of another document when the score
   reaches the threshold and clearly beats the runner-up, else founds an event;
4. claims attach to their mention's event (or to the event their subject names);
5. decisions are replayed; changed events are reconciled (fields.reconcile_event).
Mentions of one document never merge with each other: that is the extractor's job.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from ..models import Claim, Mention
from .decisions import apply_decisions
from .events import CanonicalEvent, Decision, MatchExplanation, Member, ResolutionResult
from .features import CandidateIndex, EventProfile, profile, score, tokens
from .fields import reconcile_event
from .intervals import mention_interval
from .rules import LongRunning, ResolutionRules, load_rules


def long_running_match(mention: Mention, text: str | None, subjects: set[str],
                       rules: ResolutionRules) -> LongRunning | None:
    """The long-running event a mention belongs to: named by one of its claims' subjects, or
    naming one alias of every party (in actors, place or evidence text) and no exclusion word."""
    haystack = " | ".join([*mention.actors, mention.place.name if mention.place else "", text or ""])
    for lr in rules.long_running:
        if mention.type not in lr.types:
            continue
        if lr.slug in subjects:
            return lr
        if lr.exclude and text and lr.exclude.search(text):
            continue
        if all(party.search(haystack) for party in lr.parties):
            return lr
    return None


def _copy(event: CanonicalEvent) -> CanonicalEvent:
    return replace(event, members=list(event.members), fields=dict(event.fields), claims=list(event.claims))


def _signature(event: CanonicalEvent) -> tuple:
    return (event.type, tuple(event.member_ids), tuple(sorted(c.id for c in event.claims)))


def _new_id(mention: Mention, events: Mapping[str, CanonicalEvent]) -> str:
    for size in (12, 16):
        candidate = f"ev-{mention.id[:size]}"
        if candidate not in events:
            return candidate
    n = 2
    while f"ev-{mention.id}-{n}" in events:
        n += 1
    return f"ev-{mention.id}-{n}"


def _choose(mention: Mention, mention_tokens: frozenset[str], candidates: list[EventProfile],
            rules: ResolutionRules) -> tuple[EventProfile | None, MatchExplanation]:
    scored = [(s, p) for p in candidates if (s := score(mention, mention_tokens, p, rules)) is not None]
    scored.sort(key=lambda sp: (-sp[0].score, sp[1].event.id))
    if not scored or scored[0][0].score < rules.threshold:
        notes = [f"best candidate {scored[0][1].event.id} scored {scored[0][0].score} "
                 f"< {rules.threshold}"] if scored else ["no compatible event"]
        return None, MatchExplanation("founded", notes=notes)
    best, prof = scored[0]
    if len(scored) > 1 and scored[1][0].score > best.score - rules.ambiguity_margin:
        other, other_prof = scored[1]
        return None, MatchExplanation("founded", notes=[
            f"ambiguous: {prof.event.id} ({best.score}) and {other_prof.event.id} ({other.score})"])
    if len(scored) > 1:
        best.notes.append(f"runner-up {scored[1][1].event.id} ({scored[1][0].score})")
    return prof, best


def resolve(new_mentions: list[Mention], existing: list[CanonicalEvent], decisions: list[Decision],
            doc_dates: Mapping[str, date | None], *, claims: Iterable[Claim] = (),
            evidence_text: Mapping[str, str] | None = None,
            rules: ResolutionRules | None = None) -> ResolutionResult:
    """Assign ``new_mentions`` to canonical events, starting from ``existing`` (not modified).

    doc_dates: document hash -> publication date (orders reports: earliest founds the event);
    claims: the claims of the new documents; evidence_text: mention id -> its evidence sentence
    (for text similarity and long-running patterns; members keep their content words, and
    existing members stored without them get them from here);
    rules: loaded resolution.toml (default: the packaged file).
    """
    rules = rules or load_rules()
    texts = evidence_text or {}
    claims = list(claims)
    events = {e.id: _copy(e) for e in existing}
    before = {e.id: _signature(e) for e in existing}
    result = ResolutionResult()

    new_docs = {m.doc for m in new_mentions}
    new_ids = {m.id for m in new_mentions}
    for event in events.values():
        event.members = [m if m.tokens or m.id not in texts else replace(m, tokens=tokens(texts[m.id], rules))
                         for m in event.members if m.mention.doc not in new_docs or m.id in new_ids]
        event.claims = [c for c in event.claims if c.doc not in new_docs]

    where = {mid: e.id for e in events.values() for mid in e.member_ids}
    subjects: dict[str, set[str]] = {}
    for claim in claims:
        if claim.mention_id and claim.subject:
            subjects.setdefault(claim.mention_id, set()).add(claim.subject)
    index = CandidateIndex()
    for event in events.values():
        if not event.long_running:
            index.add(profile(event, rules))

    def order(m: Mention) -> tuple:
        return (doc_dates.get(m.doc) or date.max, m.doc, m.evidence.start, m.evidence.end, m.type)

    for mention in sorted(new_mentions, key=order):
        if mention.modality != "happened":
            result.skipped[mention.id] = f"modality {mention.modality}: not an event that happened"
            continue
        if mention.id in where:
            event = events[where[mention.id]]
            event.members = [replace(m, mention=mention) if m.id == mention.id else m for m in event.members]
            continue
        text = texts.get(mention.id)
        member_tokens = tokens(text, rules)
        lr = long_running_match(mention, text, subjects.get(mention.id, set()), rules)
        if lr:
            event = events.setdefault(lr.slug, CanonicalEvent(lr.slug, mention.type, long_running=lr.slug,
                                                              label=lr.label))
            event.members.append(Member(mention, MatchExplanation(
                "long_running", notes=[f"matches the definition of {lr.slug}"]), member_tokens))
            where[mention.id] = event.id
            continue
        candidates = index.candidates(mention.type, mention_interval(mention.date, rules.report_window_days))
        prof, explanation = _choose(mention, member_tokens, candidates, rules)
        member = Member(mention, explanation, member_tokens)
        if prof is None:
            event = CanonicalEvent(_new_id(mention, events), mention.type, [member])
            events[event.id] = event
            index.add(profile(event, rules))
        else:
            event = prof.event
            event.members.append(member)
            prof.add(member, rules)
        where[mention.id] = event.id

    for claim in claims:
        target = where.get(claim.mention_id or "") or (claim.subject if claim.subject in events else None)
        if target is None:
            result.unattached_claims.append(claim.id)
        elif claim.id not in {c.id for c in events[target].claims}:
            events[target].claims.append(claim)

    apply_decisions(events, decisions)
    for event_id in [e.id for e in events.values() if not e.members]:
        del events[event_id]

    for event in events.values():
        if event.id not in before:
            result.new_events.append(reconcile_event(event, rules))
        elif _signature(event) != before[event.id] or not event.fields:
            result.updated_events.append(reconcile_event(event, rules))
    result.removed_events = sorted(set(before) - set(events))
    final = {mid: e for e in events.values() for mid in e.member_ids}
    for mention in new_mentions:
        if mention.id in final:
            event = final[mention.id]
            result.assignments[mention.id] = event.id
            result.explanations[mention.id] = next(m.explanation for m in event.members if m.id == mention.id)
    return result
