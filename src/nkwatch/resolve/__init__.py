"""Cross-article resolution: mentions -> canonical events (incremental, explainable, with manual
decisions replayed), field reconciliation, claim series, reconciliation with reference databases."""
from .decisions import apply_decisions
from .events import (CanonicalEvent, Decision, FieldChoice, MatchExplanation, Member, ResolutionResult,
                     SourcedValue, event_to_dict)
from .fields import FIELDS_VERSION, reconcile_event
from .intervals import date_interval, precision_of
from .reference_match import Disagreement, MissedDay, ReconcileReport, ReferenceMatch, reconcile
from .resolver import resolve
from .rules import ResolutionRules, load_rules
from .series import SeriesPoint, claim_series, series_dicts, series_table

__all__ = [
    "FIELDS_VERSION", "CanonicalEvent", "Decision", "Disagreement", "FieldChoice", "MatchExplanation", "Member",
    "MissedDay", "ReconcileReport", "ReferenceMatch", "ResolutionResult", "ResolutionRules",
    "SeriesPoint", "SourcedValue", "apply_decisions", "claim_series", "date_interval", "event_to_dict",
    "load_rules", "precision_of", "reconcile", "reconcile_event", "resolve", "series_dicts",
    "series_table",
]
