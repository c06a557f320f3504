"""Full-text search over documents' title and text: the store's only dialect-specific SQL.

SQLite: an FTS5 index with external content (``content='documents'``, rowid = documents.id,
porter stemming, diacritics folded) kept in sync by triggers, so every insert is indexed in the
document's own transaction. Results are ranked by bm25 (title weighted above text).

PostgreSQL: a stored generated column ``search_vector`` holding ``to_tsvector('english', ...)``
of title (weight A) and text (weight D), computed by PostgreSQL on every insert and update, and a
GIN index over it (with one over the title's own vector, for ``title:``). The query is translated
to a ``tsquery``. The GIN index gives row addresses, not ids: to know which matches are the
newest, each matching row would be read. So the newest matches are looked for in windows of ids,
from the last stored down (``_pg_newest_matches``), and only the rows of those windows are read;
``ts_rank`` ranks them on the stored vector (same title/text weighting), which also tells which
field the snippet shows: no vector is computed at query time.

On both, ranking is bounded: of the documents that match, the ``RANKED`` stored last (highest
ids) are ranked, so a query costs about the same however many documents match (all of them are
ranked when fewer match); on SQLite the index alone ranks them, and on both the document rows are
read and the snippets made for the page of hits only. Hits carry a snippet with the matches marked ``**like this**``;
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


def _title_vector(column: str = "title") -> str:
    return f"to_tsvector('{PG_CONFIG}'::regconfig, coalesce({column}, ''))"


# The title's own vector (the lexemes of weight A in the stored one, at the same positions),
# indexed as an expression (migration 0011): a ``title:`` part of a query narrows the candidates
# through it, where the stored vector's index finds the word anywhere and every candidate's
# vector would have to be read to see its weight.
PG_TITLE_INDEX = "documents_title_fts"
PG_TITLE_VECTOR = _title_vector()
# IF [NOT] EXISTS: install and uninstall may run on a store that already has (or lacks) either.
_PG_DDL = (
    f"ALTER TABLE documents ADD COLUMN IF NOT EXISTS {PG_COLUMN} tsvector "
    f"GENERATED ALWAYS AS {PG_VECTOR} STORED",
    f"CREATE INDEX IF NOT EXISTS {TABLE} ON documents USING gin ({PG_COLUMN})",
    f"CREATE INDEX IF NOT EXISTS {PG_TITLE_INDEX} ON documents USING gin ({PG_TITLE_VECTOR})",
)
_PG_DROP = (
    f"DROP INDEX IF EXISTS {PG_TITLE_INDEX}",
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
    """True for the indexes PostgreSQL keeps on ``documents`` (over a column schema.py does not
    hold, and over the title's vector)."""
    return name in (TABLE, PG_TITLE_INDEX)


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
    tsquery, title = to_tsqueries(query)
    ranked = max(RANKED, limit)
    ids = _pg_newest_matches(conn, tsquery, title, ranked)
    if not ids:
        return []
    headline = (f"ts_headline('{PG_CONFIG}', {{col}}, q, 'StartSel=\"{MARK_START}\", "
                f"StopSel=\"{MARK_END}\", MaxWords={SNIPPET_TOKENS}, MinWords={SNIPPET_TOKENS // 2}, "
                f"MaxFragments=1, FragmentDelimiter=\" … \"')")
    # The candidates ranked on their stored vectors (read by id), then the page of hits: which
    # field the snippet shows is read from the stored vector too (its text lexemes, weight D,
    # are the text's own vector), and the headline is computed for the page only.
    sql = text(
        f"SELECT page.id, page.name, page.title, page.published, page.revision, hits.score, "
        f"CASE WHEN ts_filter(page.{PG_COLUMN}, '{{d}}') @@ q THEN {headline.format(col='page.text')} "
        f"ELSE {headline.format(col='page.title')} END AS snippet FROM ("
        f"SELECT d.id, q, ts_rank(ARRAY[:text_weight, 0, 0, 1]::float4[], d.{PG_COLUMN}, q) AS score "
        f"FROM documents AS d, to_tsquery('{PG_CONFIG}', :query) AS q WHERE d.id = ANY(CAST(:ids AS integer[])) "
        f"ORDER BY score DESC, d.id LIMIT :limit) AS hits JOIN documents AS page ON page.id = hits.id "
        f"ORDER BY hits.score DESC, hits.id").columns(published=Date)
    rows = conn.execute(sql, dict(query=tsquery, ids=ids, limit=limit, text_weight=TEXT_WEIGHT / TITLE_WEIGHT)).all()
    return [SearchHit(document_id=r.id, name=r.name, title=r.title, published=r.published,
                      revision=r.revision, snippet=r.snippet, score=r.score) for r in rows]


FIRST_WINDOW = 4   # the newest FIRST_WINDOW * RANKED ids are looked at first
MAX_GROWTH = 16    # a window holds at most this many times the ids looked at before it


def _pg_newest_matches(conn: Connection, tsquery: str, title: str | None, ranked: int) -> list[int]:
    """The ids of the ``ranked`` documents stored last that match, newest first. They are looked
    for in windows of ids, from the newest down, each as wide as the matches found so far say the
    missing ones need: in a window PostgreSQL ANDs the GIN index's matches with the id range
    (or, when most documents match, walks the window's ids and tests each), so the rows read are
    those of the window, not every matching row of the table. A ``title:`` part is looked up in
    the title's own index as well (``PG_TITLE_INDEX``): the stored vector's index cannot tell a
    word's weight, and each candidate's vector would be read to see it."""
    bounds = text(f"SELECT min(id) AS bottom, max(id) AS top, numnode(to_tsquery('{PG_CONFIG}', :query)) AS nodes, "
                  f"numnode(to_tsquery('{PG_CONFIG}', :title)) AS title_nodes FROM documents")
    row = conn.execute(bounds, dict(query=tsquery, title=title or "")).one()
    if row.top is None or not row.nodes:  # no documents, or a query of stop words only (matches nothing)
        return []
    where = f"d.{PG_COLUMN} @@ to_tsquery('{PG_CONFIG}', :query)"
    params = dict(query=tsquery)
    if title and row.title_nodes:  # (a title query of stop words only was dropped from the query too)
        where += f" AND {_title_vector('d.title')} @@ to_tsquery('{PG_CONFIG}', :title)"
        params["title"] = title
    # The first window is narrow: walking its ids newest first, testing each row, may be what
    # PostgreSQL picks when many documents match. The next ones are wide and sized on a density
    # measured, not estimated: ``id + 0`` keeps it from walking them in order on the hope that a
    # LIMIT stops it early (it cannot see that each test reads a vector out of line, nor that
    # matches cluster), which left it reading hundreds of thousands of rows.
    windows = [text(f"SELECT d.id FROM documents AS d WHERE {where} AND d.id > CAST(:low AS integer) "
                    f"AND d.id <= CAST(:high AS integer) ORDER BY {order} DESC LIMIT :wanted")
               for order in ("d.id", "d.id + 0")]
    ids: list[int] = []
    high, width, seen = row.top, FIRST_WINDOW * ranked, 0
    while True:
        low = max(high - width, row.bottom - 1)
        ids += conn.execute(windows[bool(seen)], dict(params, low=low, high=high, wanted=ranked - len(ids))).scalars()
        seen += high - low
        if len(ids) >= ranked or low < row.bottom:
            return ids
        # as many ids as the density so far says the missing matches need (a quarter more)
        growth = (ranked - len(ids)) * 1.25 / len(ids) if ids else MAX_GROWTH
        high, width = low, max(ranked, int(seen * min(growth, MAX_GROWTH)))


def to_tsquery(query: str) -> str:
    """PostgreSQL ``to_tsquery`` text for an FTS5-syntax ``query``; SearchSyntaxError when the
    query cannot be parsed. Every word or phrase becomes a quoted operand, which PostgreSQL splits
    and stems as it does the indexed text (a phrase's words joined by ``<->``)."""
    return to_tsqueries(query)[0]


def to_tsqueries(query: str) -> tuple[str, str | None]:
    """``to_tsquery`` of ``query``, and the query every matching document's title alone
    (``PG_TITLE_VECTOR``) matches: its ``title:`` parts that the whole query requires, without
    their weight (None when it requires none)."""
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
    then NOT; a column filter applies to the word, phrase or group that follows it. Each rule
    gives (tsquery, title tsquery it implies or None)."""

    def __init__(self, query: str, tokens: list[str]) -> None:
        self.query, self.tokens, self.pos = query, tokens, 0

    def _peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _error(self, reason: str) -> SearchSyntaxError:
        return SearchSyntaxError(self.query, reason)

    def expression(self, weight: str = "") -> tuple[str, str | None]:
        parts = [self._conjunction(weight)]
        while self._peek() == "OR":
            self.pos += 1
            parts.append(self._conjunction(weight))
        if len(parts) == 1:
            return parts[0]
        titles = [t for _, t in parts]
        return ("(" + " | ".join(q for q, _ in parts) + ")",
                "(" + " | ".join(titles) + ")" if all(titles) else None)  # every branch must imply one

    def _conjunction(self, weight: str) -> tuple[str, str | None]:
        parts = [self._negation(weight)]
        while self._peek() not in (None, ")", "OR"):
            if self._peek() == "AND":
                self.pos += 1
            parts.append(self._negation(weight))
        return " & ".join(q for q, _ in parts), " & ".join(t for _, t in parts if t) or None

    def _negation(self, weight: str) -> tuple[str, str | None]:
        out, title = self._primary(weight)
        while self._peek() == "NOT":
            self.pos += 1
            out = f"{out} & !{self._primary(weight)[0]}"  # what is excluded implies nothing
        return (f"({out})" if "!" in out else out), title

    def _primary(self, weight: str) -> tuple[str, str | None]:
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
            inner, title = self.expression(weight)
            if self._peek() != ")":
                raise self._error("syntax error: unclosed parenthesis")
            self.pos += 1
            return f"({inner})", (f"({title})" if title else None)
        if term.startswith('"'):
            if len(term) < 2 or not term.endswith('"'):
                raise self._error("unterminated string")
            term = term[1:-1]
            if self._peek() == "*":  # "phrase"* : the last word as a prefix
                self.pos += 1
                star = "*"
        return (_operand(term, star, weight, self._error),
                _operand(term, star, "", self._error) if weight == _PG_WEIGHTS["title"] else None)


def _operand(term: str, star: str | None, weight: str, error) -> str:
    """A quoted to_tsquery operand; quotes and backslashes (never part of an indexed word) dropped."""
    words = re.sub(r"['\\]", " ", term).strip()
    if not words:
        raise error("empty phrase")
    label = ("*" if star else "") + weight
    return f"'{words}'" + (f":{label}" if label else "")
