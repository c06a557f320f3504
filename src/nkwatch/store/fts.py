"""Full-text search over documents' title and text: the store's only dialect-specific SQL.

SQLite: an FTS5 index with external content (``content='documents'``, rowid = documents.id,
porter stemming, diacritics folded) kept in sync by triggers, so every insert is indexed in the
document's own transaction. Results are ranked by bm25 (title weighted above text) and carry a
snippet with the matches marked ``**like this**``. Other dialects have no index yet: ``search``
raises ``SearchUnavailable``.

Query syntax is FTS5's (words, "quoted phrases", AND / OR / NOT, prefix*, parentheses,
``title:`` / ``text:`` column filters), with one convenience: a bare term holding characters
FTS5 would read as syntax (``Hwasong-18``, ``U.S.``) is searched as a phrase.
"""
from __future__ import annotations

import re

from sqlalchemy import Connection, Date, text

from .errors import SearchSyntaxError, SearchUnavailable
from .rows import SearchHit

TABLE = "documents_fts"
MARK_START, MARK_END = "**", "**"
TITLE_WEIGHT, TEXT_WEIGHT = 5.0, 1.0
SNIPPET_TOKENS = 16

_SQLITE_DDL = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5(title, text, content='documents', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON documents BEGIN "
    f"INSERT INTO {TABLE}(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON documents BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF title, text ON documents BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
    f"INSERT INTO {TABLE}(rowid, title, text) VALUES (new.id, new.title, new.text); END",
)
_SQLITE_DROP = (
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TABLE IF EXISTS {TABLE}",
)

# Messages SQLite gives for a MATCH expression it cannot parse (other errors are not the query's).
_QUERY_ERRORS = ("fts5:", "syntax error", "unterminated string", "no such column", "unknown special query")
_TOKEN = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_OPERATOR = re.compile(r"AND|OR|NOT|NEAR")
_COLUMN = re.compile(r"(title:|text:)?(\^)?(.*?)(\*)?", re.S)
_PLAIN_TERM = re.compile(r"\w+", re.UNICODE)


def owns_table(name: str) -> bool:
    """True for the index's tables (the virtual table and the shadow tables FTS5 makes)."""
    return name == TABLE or name.startswith(f"{TABLE}_")


def install(conn: Connection) -> None:
    """Create the index and its triggers (called by the migration); nothing on other dialects."""
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_DDL:
            conn.exec_driver_sql(statement)


def uninstall(conn: Connection) -> None:
    """Drop the index and its triggers (the migration's downgrade)."""
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_DROP:
            conn.exec_driver_sql(statement)


def prepare_query(query: str) -> str:
    """The FTS5 query for ``query``: bare terms holding syntax characters become phrases."""
    out = []
    for token in _TOKEN.findall(query):
        if token.startswith('"') or token in "()" or _OPERATOR.fullmatch(token):
            out.append(token)
            continue
        column, initial, term, star = _COLUMN.fullmatch(token).groups()
        if term and not _PLAIN_TERM.fullmatch(term):
            term = f'"{term}"'
        out.append(f"{column or ''}{initial or ''}{term}{star or ''}")
    return " ".join(out)


def search(conn: Connection, query: str, limit: int) -> list[SearchHit]:
    """Documents matching ``query``, best first (bm25), each with a marked snippet."""
    if conn.dialect.name != "sqlite":
        raise SearchUnavailable(f"full-text search is not available on {conn.dialect.name} yet")
    fts_query = prepare_query(query)
    if not fts_query.strip():
        raise SearchSyntaxError(query, "empty query")
    sql = text(
        f"SELECT d.id, d.name, d.title, d.published, d.revision, "
        f"snippet({TABLE}, -1, :mark_start, :mark_end, '…', :tokens) AS snippet, "
        f"bm25({TABLE}, :title_weight, :text_weight) AS score "
        f"FROM {TABLE} JOIN documents AS d ON d.id = {TABLE}.rowid "
        f"WHERE {TABLE} MATCH :query ORDER BY score LIMIT :limit").columns(published=Date)
    params = dict(query=fts_query, limit=limit, mark_start=MARK_START, mark_end=MARK_END,
                  tokens=SNIPPET_TOKENS, title_weight=TITLE_WEIGHT, text_weight=TEXT_WEIGHT)
    try:
        rows = conn.execute(sql, params).all()
    except Exception as exc:  # the driver's OperationalError, wrapped by SQLAlchemy
        reason = str(getattr(exc, "orig", exc))
        if any(marker in reason for marker in _QUERY_ERRORS):
            raise SearchSyntaxError(query, reason) from None
        raise
    return [SearchHit(document_id=r.id, name=r.name, title=r.title, published=r.published,
                      revision=r.revision, snippet=r.snippet, score=-r.score) for r in rows]

