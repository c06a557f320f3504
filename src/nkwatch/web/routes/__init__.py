"""The app's routers, one module per area; ``ROUTERS`` in the order they are mounted."""
from . import claims, documents, events, exports, feeds, search, sources, writes

ROUTERS = [events.router, claims.router, documents.router, search.router, exports.router, writes.router,
           feeds.router, sources.router]
