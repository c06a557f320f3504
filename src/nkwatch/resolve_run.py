"""Resolution wired to the store: a document's mentions join canonical events when its extraction
is stored (incrementally: only the events they can touch are loaded, see
``store.events.resolution_context``), manual merges and splits are recorded and applied, stored
documents are re-extracted, and a batch of extractions is resolved in memory (for evaluation).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace

from .engines import ExtractionEngine
from .engines.inprocess import Extracting, InProcessEngine
from .engines.writer import extract_and_save, load
from .models import Claim, Document, Extraction, Mention
from .resolve import (FIELDS_VERSION, CanonicalEvent, Decision, ResolutionResult, ResolutionRules, load_rules,
                      reconcile_event, resolve)
from .resolve.rules import RULES_FILE
from .settings import Settings
from .store import ResolutionContext, Store, StoreError


@dataclass(frozen=True)
class Resolver:
    """Loaded resolution rules and their version (a digest of the rules file and of the fields
    version); what the store calls to resolve one document's mentions and to reconcile an event's
    fields again (``store.EventResolver``)."""
    rules: ResolutionRules
    version: str

    @classmethod
    def load(cls, settings: Settings) -> "Resolver":
        path = settings.data_path(RULES_FILE)
        digest = hashlib.sha256(path.read_bytes() + f"\nfields {FIELDS_VERSION}".encode()).hexdigest()[:12]
        return cls(load_rules(path=path), f"resolve-{digest}")

    def reconcile(self, event: CanonicalEvent) -> CanonicalEvent:
        return reconcile_event(event, self.rules)

    @property
    def report_window_days(self) -> int:
        return self.rules.report_window_days

    @property
    def undated_joins(self) -> bool:
        return self.rules.undated_joins

    def long_running_slugs(self, types: Collection[str]) -> set[str]:
        """Slugs of the long-running events that may absorb mentions of ``types``."""
        return {lr.slug for lr in self.rules.long_running if lr.types & set(types)}

    def __call__(self, mentions: list[Mention], claims: list[Claim],
                 context: ResolutionContext) -> ResolutionResult:
        # Mentions of what did not happen join no event; leaving them out (rather than letting
        # ``resolve`` skip them) also takes a re-extracted mention that became 'planned' out of
        # the event it was in.
        happened = [m for m in mentions if m.modality == "happened"]
        result = resolve(happened, context.existing, context.decisions, context.doc_dates, claims=claims,
                         evidence_text=context.evidence_text, rules=self.rules)
        result.skipped.update({m.id: f"modality {m.modality}: not an event that happened"
                               for m in mentions if m.modality != "happened"})
        silent = context.documents - {m.doc for m in happened}
        if silent:
            _forget(result, context.existing, silent, {c.id for c in claims}, self.rules)
        return result


def _forget(result: ResolutionResult, existing: list[CanonicalEvent], docs: set[str], kept_claims: set[str],
            rules: ResolutionRules) -> None:
    """Take the members and claims of re-extracted documents that now yield no mention (which
    ``resolve`` cannot tell from its mentions) out of their events; events left with no member
    are removed. Changes ``result`` in place."""
    changed = {e.id: e for e in result.events}
    current = [*result.events, *(e for e in existing if e.id not in changed and e.id not in result.removed_events)]
    for event in current:
        members = [m for m in event.members if m.mention.doc not in docs]
        event_claims = [c for c in event.claims if c.doc not in docs or c.id in kept_claims]
        if len(members) == len(event.members) and len(event_claims) == len(event.claims):
            continue
        if event.id not in changed:
            event = replace(event, members=members, claims=event_claims)
            result.updated_events.append(event)
        else:
            event.members, event.claims = members, event_claims
        if not event.members:
            result.new_events = [e for e in result.new_events if e.id != event.id]
            result.updated_events = [e for e in result.updated_events if e.id != event.id]
            if event.id not in changed or event.id in {e.id for e in existing}:
                result.removed_events.append(event.id)
        else:
            reconcile_event(event, rules)


def resolve_documents(pairs: Iterable[tuple[Document, Extraction]], resolver: Resolver,
                      decisions: Iterable[Decision] = ()) -> ResolutionResult:
    """Resolve the mentions of every document at once, from no events (earliest report first);
    nothing is stored. The evidence span of each mention is its text for similarity."""
    mentions: list[Mention] = []
    claims: list[Claim] = []
    context = ResolutionContext(decisions=list(decisions))
    for doc, extraction in pairs:
        context.doc_dates[doc.hash] = doc.published
        mentions += extraction.mentions
        claims += extraction.claims
        context.evidence_text.update({m.id: doc.span_text(m.evidence) for m in extraction.mentions})
    return resolver(mentions, claims, context)


def merge_events(store: Store, resolver: Resolver, event_ids: list[str], note: str | None = None,
                 author: str | None = None) -> ResolutionResult:
    """Merge the events ``event_ids`` (ids or unique prefixes) into the first; recorded as a
    decision, so that it survives re-extraction."""
    ids = [_event_id(store, key) for key in event_ids]
    if len(set(ids)) < 2:
        raise StoreError("a merge needs two different events")
    return store.save_decision(Decision("merge", event_ids=tuple(ids), note=note), resolver, author)


def split_event(store: Store, resolver: Resolver, event_id: str, mention_keys: list[str],
                note: str | None = None, author: str | None = None) -> ResolutionResult:
    """Take the mentions ``mention_keys`` (ids or unique prefixes of members of ``event_id``) out
    into an event of their own; recorded as a decision."""
    stored = store.get_event(event_id)
    if stored is None:
        raise StoreError(f"no such event: {event_id}")
    members = stored.event.member_ids
    chosen = []
    for key in mention_keys:
        found = [m for m in members if m.startswith(key)]
        if len(found) != 1:
            raise StoreError(f"{key!r} names {'no' if not found else 'several'} mention(s) of {stored.event.id}")
        chosen.append(found[0])
    if set(chosen) == set(members):
        raise StoreError(f"a split must leave at least one mention in {stored.event.id}")
    decision = Decision("split", event_ids=(stored.event.id,), mention_ids=tuple(dict.fromkeys(chosen)),
                        note=note)
    return store.save_decision(decision, resolver, author)


def _event_id(store: Store, key: str) -> str:
    stored = store.get_event(key)
    if stored is None:
        raise StoreError(f"no such event: {key}")
    return stored.event.id


@dataclass
class ExtractReport:
    """What one re-extraction did: documents considered, extracted (those not read among them, with
    why), failures with reasons."""
    documents: int = 0
    extracted: int = 0
    events_new: int = 0
    events_updated: int = 0
    events_refreshed: int = 0   # stored events whose fields were reconciled again (new resolver version)
    failures: list[tuple[str, str]] = field(default_factory=list)
    not_read: list[tuple[str, str]] = field(default_factory=list)  # (document name, why): Extraction.not_read
    elapsed: float = 0.0


def reextract(store: Store, pipeline: Extracting, resolver: Resolver, everything: bool = False,
              progress: Callable[[int, int], None] | None = None,
              engine: ExtractionEngine | None = None) -> ExtractReport:
    """Extract again the stored documents whose extraction is missing or from another pipeline
    version (``everything``: all of them), resolving each as it is stored. The stored text and
    kept spans are extracted as they were stored, on ``engine`` (default: ``pipeline``, in this
    process); this process stores each result. A failure is reported; the rest goes on."""
    engine = engine if engine is not None else InProcessEngine(pipeline)
    ids = [d.id for d in store.documents(limit=None)] if everything else store.needs_extraction(engine.version)
    report = ExtractReport(documents=len(ids))

    def save(document_id: int, extraction: Extraction) -> None:
        result = store.save_resolved(document_id, extraction, resolver)
        report.events_new += len(result.new_events)
        report.events_updated += len(result.updated_events)

    done = extract_and_save(engine, load(store, ids), len(ids), save, progress)
    report.events_refreshed = store.refresh_events(resolver)
    report.extracted, report.failures, report.elapsed = done.extracted, done.failures, done.elapsed
    report.not_read = done.not_read
    return report
