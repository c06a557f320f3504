"""Full-text search over documents' title and text: the store's only dialect-specific SQL.

SQLite: an FTS5 index with external content (``content='documents'``, rowid = documents.id,
porter stemming, diacritics folded) kept in sync by triggers, so every insert is indexed in the
document's own transaction. Results are ranked by bm25 (title weighted above text).

PostgreSQL: a stored generated column ``search_vector`` holding ``to_tsvector('english', ...)``
of title (weight A) and text (weight D), computed by PostgreSQL on every insert and update, and a
GIN index over it. The query is translated to a ``tsquery``; the index finds the matching rows and
``ts_rank`` ranks them on the stored vector (same title/text weighting), so no vector is computed
at query time except the text's own, for the page of hits only (which field the snippet shows).

On both, ranking is bounded: of the documents that match, the ``RANKED`` stored last (highest
ids) are ranked, so a query costs the same however many documents match (all of them are ranked
when fewer match); the index alone ranks them, and the document rows are read and the snippets
made for the page of hits only. Hits carry a snippet with the matches marked ``**like this**``;
other dialects raise ``SearchUnavailable``.

Query syntax is FTS5's (words, "quoted phrases", AND / OR / NOT, prefix*, parentheses,
``title:`` / ``text:`` column filters), with one convenience: a bare term holding characters
FTS5 would read as syntax (``Hwasong-18``, ``U.S.``) is searched as a phrase. PostgreSQL takes
the same syntax except ``NEAR`` and ``^`` (a clear error), and drops English stop words.
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
RANKED = 1000  # matching documents ranked, the last stored first (never fewer than the page)

def fts5_synced(table: str, content: str, rowid: str, columns: tuple[str, ...],
                tokenize: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """SQLite statements (create, drop) for an FTS5 table over ``columns`` of the table ``content``
    (external content: the text is not stored twice), kept in step with it by triggers; creating
    indexes the rows already there."""
    cols = ", ".join(columns)
    new, old = (", ".join(f"{side}.{c}" for c in columns) for side in ("new", "old"))
    insert = f"INSERT INTO {table}(rowid, {cols}) VALUES (new.{rowid}, {new});"
    delete = f"INSERT INTO {table}({table}, rowid, {cols}) VALUES ('delete', old.{rowid}, {old});"
    create = (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5({cols}, content='{content}', "
        f"content_rowid='{rowid}', tokenize='{tokenize}')",
        f"CREATE TRIGGER IF NOT EXISTS {table}_insert AFTER INSERT ON {content} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_delete AFTER DELETE ON {content} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_update AFTER UPDATE OF {cols} ON {content} BEGIN {delete} {insert} END",
        f"INSERT INTO {table}({table}) VALUES ('rebuild')",
    )
    drop = (*(f"DROP TRIGGER IF EXISTS {table}_{event}" for event in ("update", "delete", "insert")),
            f"DROP TABLE IF EXISTS {table}")
    return create, drop


def owns_fts5_table(table: str, name: str) -> bool:
    """True for an FTS5 table ``table`` and the shadow tables FTS5 makes for it."""
    return name == table or name.startswith(f"{table}_")


_SQLITE_DDL, _SQLITE_DROP = fts5_synced(TABLE, "documents", "id", ("title", "text"),
                                        "porter unicode61 remove_diacritics 2")

# PostgreSQL: the vector is stored (a generated column, PostgreSQL >= 12) rather than only indexed:
# ranking reads it from the row instead of recomputing to_tsvector of every matching document.
PG_CONFIG = "english"
PG_VECTOR = (f"(setweight(to_tsvector('{PG_CONFIG}'::regconfig, coalesce(title, '')), 'A') || "
             f"setweight(to_tsvector('{PG_CONFIG}'::regconfig, text), 'D'))")
PG_COLUMN = "search_vector"
# IF [NOT] EXISTS: install and uninstall may run on a store that already has (or lacks) either.
_PG_DDL = (
    f"ALTER TABLE documents ADD COLUMN IF NOT EXISTS {PG_COLUMN} tsvector "
    f"GENERATED ALWAYS AS {PG_VECTOR} STORED",
    f"CREATE INDEX IF NOT EXISTS {TABLE} ON documents USING gin ({PG_COLUMN})",
)
_PG_DROP = (
    f"DROP INDEX IF EXISTS {TABLE}",
    f"ALTER TABLE documents DROP COLUMN IF EXISTS {PG_COLUMN}",
)
_PG_WEIGHTS = {"title": "A", "text": "D"}

# Messages SQLite gives for a MATCH expression it cannot parse (other errors are not the query's).
_QUERY_ERRORS = ("fts5:", "syntax error", "unterminated string", "no such column", "unknown special query")
_TOKEN = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_OPERATOR = re.compile(r"AND|OR|NOT|NEAR")
_COLUMN = re.compile(r"(title:|text:)?(\^)?(.*?)(\*)?", re.S)
_PLAIN_TERM = re.compile(r"\w+", re.UNICODE)


def owns_index(name: str) -> bool:
    """True for the index PostgreSQL keeps on ``documents`` (over a column schema.py does not hold)."""
    return name == TABLE


def owns_column(name: str) -> bool:
    """True for the column PostgreSQL adds to ``documents`` (a generated tsvector, dialect-specific)."""
    return name == PG_COLUMN


def owns_object(name: str | None, type_: str, parent_names: dict) -> bool:
    """True for what the index adds to a database (an alembic ``include_name`` test, negated):
    schema.py leaves it out, so comparisons with the migrated schema must too."""
    if not name:
        return False
    if type_ == "table":
        return owns_fts5_table(TABLE, name)
    if type_ == "index":
        return owns_index(name)
    return type_ == "column" and parent_names.get("table_name") == "documents" and owns_column(name)


def install(conn: Connection) -> None:
    """Create the index (and, on SQLite, its triggers; on PostgreSQL, its column) over the
    documents already stored; called by the migrations, and after a bulk load done without it."""
    for statement in _ddl(conn, _SQLITE_DDL, _PG_DDL):
        conn.exec_driver_sql(statement)


def uninstall(conn: Connection) -> None:
    """Drop the index and its triggers or column (the migration's downgrade; before a bulk load,
    so that rows are inserted without computing their vectors one by one)."""
    for statement in _ddl(conn, _SQLITE_DROP, _PG_DROP):
        conn.exec_driver_sql(statement)


def _ddl(conn: Connection, sqlite: tuple[str, ...], postgresql: tuple[str, ...]) -> tuple[str, ...]:
    return {"sqlite": sqlite, "postgresql": postgresql}.get(conn.dialect.name, ())


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
    """Documents matching ``query``, best first, each with a marked snippet."""
    if conn.dialect.name == "sqlite":
        return _search_sqlite(conn, query, limit)
    if conn.dialect.name == "postgresql":
        return _search_postgresql(conn, query, limit)
    raise SearchUnavailable(f"full-text search is not available on {conn.dialect.name}")


def _search_sqlite(conn: Connection, query: str, limit: int) -> list[SearchHit]:
    fts_query = prepare_query(query)
    if not fts_query.strip():
        raise SearchSyntaxError(query, "empty query")
    # CROSS JOIN keeps this order: the page of hits first, then the index positioned on each
    # (rowid = and MATCH: its snippet) and its document row.
    sql = text(
        f"WITH candidates AS (SELECT rowid AS id, bm25({TABLE}, :title_weight, :text_weight) AS score "
        f"FROM {TABLE} WHERE {TABLE} MATCH :query ORDER BY rowid DESC LIMIT :ranked), "
        f"hits AS (SELECT id, score FROM candidates ORDER BY score, id LIMIT :limit) "
        f"SELECT d.id, d.name, d.title, d.published, d.revision, hits.score, "
        f"snippet({TABLE}, -1, :mark_start, :mark_end, '…', :tokens) AS snippet "
        f"FROM hits CROSS JOIN {TABLE} CROSS JOIN documents AS d "
        f"WHERE {TABLE} MATCH :query AND {TABLE}.rowid = hits.id AND d.id = hits.id "
        f"ORDER BY hits.score, hits.id").columns(published=Date)
    params = dict(query=fts_query, limit=limit, ranked=max(RANKED, limit), mark_start=MARK_START,
                  mark_end=MARK_END, tokens=SNIPPET_TOKENS, title_weight=TITLE_WEIGHT, text_weight=TEXT_WEIGHT)
    try:
        rows = conn.execute(sql, params).all()
    except Exception as exc:  # the driver's OperationalError, wrapped by SQLAlchemy
        reason = str(getattr(exc, "orig", exc))
        if any(marker in reason for marker in _QUERY_ERRORS):
            raise SearchSyntaxError(query, reason) from None
        raise
    return [SearchHit(document_id=r.id, name=r.name, title=r.title, published=r.published,
                      revision=r.revision, snippet=r.snippet, score=-r.score) for r in rows]


def _search_postgresql(conn: Connection, query: str, limit: int) -> list[SearchHit]:
    tsquery = to_tsquery(query)
    headline = (f"ts_headline('{PG_CONFIG}', {{col}}, q, 'StartSel=\"{MARK_START}\", "
                f"StopSel=\"{MARK_END}\", MaxWords={SNIPPET_TOKENS}, MinWords={SNIPPET_TOKENS // 2}, "
                f"MaxFragments=1, FragmentDelimiter=\" … \"')")
    # The GIN index finds the matching rows (``id + 0``: not by walking the primary key, testing
    # each row), the last RANKED stored are ranked on the stored column; the text's own vector and
    # the headline are computed for the page of hits only.
    sql = text(
        f"SELECT page.id, page.name, page.title, page.published, page.revision, hits.score, "
        f"CASE WHEN to_tsvector('{PG_CONFIG}'::regconfig, page.text) @@ q THEN {headline.format(col='page.text')} "
        f"ELSE {headline.format(col='page.title')} END AS snippet FROM ("
        f"SELECT c.id, q, ts_rank(ARRAY[:text_weight, 0, 0, 1]::float4[], c.{PG_COLUMN}, q) AS score FROM ("
        f"SELECT d.id, d.{PG_COLUMN} FROM documents AS d WHERE d.{PG_COLUMN} @@ to_tsquery('{PG_CONFIG}', :query) "
        f"ORDER BY d.id + 0 DESC LIMIT :ranked) AS c, to_tsquery('{PG_CONFIG}', :query) AS q "
        f"ORDER BY score DESC, c.id LIMIT :limit) AS hits JOIN documents AS page ON page.id = hits.id "
        f"ORDER BY hits.score DESC, hits.id").columns(published=Date)
    rows = conn.execute(sql, dict(query=tsquery, limit=limit, ranked=max(RANKED, limit),
                                  text_weight=TEXT_WEIGHT / TITLE_WEIGHT)).all()
    return [SearchHit(document_id=r.id, name=r.name, title=r.title, published=r.published,
                      revision=r.revision, snippet=r.snippet, score=r.score) for r in rows]


def to_tsquery(query: str) -> str:
    """PostgreSQL ``to_tsquery`` text for an FTS5-syntax ``query``; SearchSyntaxError when the
    query cannot be parsed. Every word or phrase becomes a quoted operand, which PostgreSQL splits
    and stems as it does the indexed text (a phrase's words joined by ``<->``)."""
    tokens = _TOKEN.findall(query)
    if not tokens:
        raise SearchSyntaxError(query, "empty query")
    parser = _TsqueryParser(query, tokens)
    out = parser.expression()
    if parser.pos < len(tokens):
        raise SearchSyntaxError(query, f"syntax error near {tokens[parser.pos]!r}")
    return out


class _TsqueryParser:
    """Recursive descent over FTS5's grammar: OR binds loosest, then AND (or juxtaposition),
    then NOT; a column filter applies to the word, phrase or group that follows it."""

    def __init__(self, query: str, tokens: list[str]) -> None:
        self.query, self.tokens, self.pos = query, tokens, 0

    def _peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _error(self, reason: str) -> SearchSyntaxError:
        return SearchSyntaxError(self.query, reason)

    def expression(self, weight: str = "") -> str:
        parts = [self._conjunction(weight)]
        while self._peek() == "OR":
            self.pos += 1
            parts.append(self._conjunction(weight))
        return " | ".join(parts) if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def _conjunction(self, weight: str) -> str:
        parts = [self._negation(weight)]
        while self._peek() not in (None, ")", "OR"):
            if self._peek() == "AND":
                self.pos += 1
            parts.append(self._negation(weight))
        return " & ".join(parts)

    def _negation(self, weight: str) -> str:
        out = self._primary(weight)
        while self._peek() == "NOT":
            self.pos += 1
            out = f"{out} & !{self._primary(weight)}"
        return f"({out})" if "!" in out else out

    def _primary(self, weight: str) -> str:
        token = self._peek()
        if token is None:
            raise self._error("syntax error: the query ends where a word was expected")
        if token in ("AND", "OR", "NOT", ")"):
            raise self._error(f"syntax error near {token!r}")
        if token == "NEAR" or token.startswith("NEAR("):
            raise self._error("NEAR is not supported on PostgreSQL")
        self.pos += 1
        column, initial, term, star = _COLUMN.fullmatch(token).groups()
        if initial:
            raise self._error("^ (start of column) is not supported on PostgreSQL")
        if column:
            weight = _PG_WEIGHTS[column[:-1]]
        if column and not term:  # "title:" before a phrase or a group
            token = self._peek()
            if token is None or token in (")", "AND", "OR", "NOT"):
                raise self._error(f"{column} must be followed by a word, phrase or group")
            self.pos += 1
            term, star = token, None
        if term == "(":
            inner = self.expression(weight)
            if self._peek() != ")":
                raise self._error("syntax error: unclosed parenthesis")
            self.pos += 1
            return f"({inner})"
        if term.startswith('"'):
            if len(term) < 2 or not term.endswith('"'):
                raise self._error("unterminated string")
            term = term[1:-1]
            if self._peek() == "*":  # "phrase"* : the last word as a prefix
                self.pos += 1
                star = "*"
        return _operand(term, star, weight, self._error)


def _operand(term: str, star: str | None, weight: str, error) -> str:
    """A quoted to_tsquery operand; quotes and backslashes (never part of an indexed word) dropped."""
    words = re.sub(r"['\\]", " ", term).strip()
    if not words:
        raise error("empty phrase")
    label = ("*" if star else "") + weight
    return f"'{words}'" + (f":{label}" if label else "")
