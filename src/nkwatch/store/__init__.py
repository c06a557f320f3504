"""The store: documents, mentions and claims in a SQL database. The only package that speaks SQL.

``Store.open(settings)`` connects to ``settings.db_url`` and migrates the schema to head.
"""
from .alerts import AlertVersion, Delivery
from .errors import AmbiguousKey, SearchSyntaxError, SearchUnavailable, StoreError
from .events import DocumentRef, EventCount, EventResolver, EventRow, FactRecord, ResolutionContext, StoredEvent
from .rows import AddResult, DocumentRow, SearchHit, StoredClaim, StoredDocument, StoredMention, StoredText
from .store import Store
from .watch import SeenItem, WatchSource

__all__ = [
    "AddResult", "AlertVersion", "AmbiguousKey", "Delivery", "DocumentRef", "DocumentRow", "EventCount",
    "EventResolver", "EventRow", "FactRecord", "ResolutionContext", "SearchHit", "SearchSyntaxError",
    "SearchUnavailable", "SeenItem", "Store", "StoreError", "StoredClaim", "StoredDocument", "StoredEvent",
    "StoredMention", "StoredText", "WatchSource",
]
