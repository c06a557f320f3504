"""The app's routers, one module per area; ``ROUTERS`` in the order they are mounted."""
from . import claims, documents, events, exports, search, writes

ROUTERS = [events.router, claims.router, documents.router, search.router, exports.router, writes.router]
