"""The store: documents, mentions and claims in a SQL database. The only package that speaks SQL.

``Store.open(settings)`` connects to ``settings.db_url`` and migrates the schema to head.
"""
from .errors import AmbiguousKey, SearchSyntaxError, SearchUnavailable, StoreError
from .events import DocumentRef, EventCount, EventResolver, EventRow, FactRecord, ResolutionContext, StoredEvent
from .rows import AddResult, DocumentRow, SearchHit, StoredClaim, StoredDocument, StoredMention
from .store import Store

__all__ = [
    "AddResult", "AmbiguousKey", "DocumentRef", "EventCount", "DocumentRow", "EventResolver", "EventRow",
    "FactRecord", "ResolutionContext", "SearchHit", "SearchSyntaxError", "SearchUnavailable",
    "Store", "StoreError", "StoredClaim", "StoredDocument", "StoredEvent",
    "StoredMention",
]
