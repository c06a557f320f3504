"""What only the PostgreSQL store has (the rest of tests/store runs on both backends): the
search query matching and ranking on the stored vector through its GIN index, migration 0004
(which stores that vector) keeping search results as they were, the FTS5 syntax PostgreSQL
refuses, and the advisory lock every write transaction takes."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import event, inspect, text

from nkwatch.models import Document
from nkwatch.store import SearchSyntaxError, Store, fts, migrate
from nkwatch.store.engine import PG_WRITE_LOCK, write_options

pytestmark = pytest.mark.postgresql


@pytest.fixture
def pg_store(pg_settings):
    with Store.open(pg_settings) as opened:
        yield opened


def test_search_matches_and_ranks_on_the_stored_vector(pg_store):
    for n in range(50):
        pg_store.add_document(Document(name=f"{n}.txt", text=f"Filler report number {n} about weather."))
    pg_store.add_document(Document(name="hit.txt", text="Artillery drills resumed near the border."))
    with pg_store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE documents")
    plan = _plan_of_search(pg_store, "artillery drill*")
    assert f"Bitmap Index Scan on {fts.TABLE}" in plan
    assert f"d.{fts.PG_COLUMN} @@" in plan and "ts_rank(" in plan
    # The title + text vector (the only setweight in the statement) is never computed again.
    assert "setweight" not in plan
    assert [h.name for h in pg_store.search("artillery drill*")] == ["hit.txt"]


def _plan_of_search(store, query: str) -> str:
    """EXPLAIN VERBOSE (every expression each node computes) of the statement ``search`` runs;
    a few rows: without a sequential scan PostgreSQL shows the path a large store gets."""
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        store.search(query)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    [(statement, parameters)] = [s for s in seen if "ts_rank" in s[0]]
    with store.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(f"EXPLAIN VERBOSE {statement}", parameters)
        return "\n".join(row[0] for row in cursor.fetchall())


QUERIES = ["missile", "launch", "ballistic missiles", '"foreign ministers"', "title:missile",
           "missile NOT Tokyo", "Kreml*", "short-range OR exercise"]


def test_migration_0004_keeps_search_results(pg_settings, articles):
    """Downgrading 0004 leaves the store as 0003 made it before 0004 existed (the expression
    index, no stored vector); upgrading again stores every document's vector, equal to the
    expression, and search gives the same hits, scores and snippets as before."""
    with Store.open(pg_settings) as store:
        for name, body in articles.items():
            store.add_document(Document(name=f"{name}.txt", text=body))
        store.add_document(Document(name="t.txt", title="Missile launch condemned",
                                    text="Officials in Tokyo and Seoul condemned the launch."))
        before = _results(store)
        assert sum(map(len, before.values())) >= 8

        with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
            command.downgrade(migrate.alembic_config(conn), "0003")
        assert not _has_column(store)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("SET enable_seqscan = off")
            plan = "\n".join(conn.exec_driver_sql(
                f"EXPLAIN SELECT id FROM documents WHERE {fts.PG_VECTOR} @@ to_tsquery('english', 'launch')"
            ).scalars())
        assert fts.TABLE in plan  # the expression index of 0001 as it was

        assert migrate.upgrade(store.engine) == ("0003", migrate.head())
        assert _has_column(store) and _results(store) == before
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql(
                f"SELECT count(*) FROM documents WHERE {fts.PG_COLUMN} IS DISTINCT FROM {fts.PG_VECTOR}"
            ).scalar() == 0
        # New documents get their vector from PostgreSQL, not from the store's code.
        store.add_document(Document(name="late.txt", text="A submarine surfaced near the port."))
        assert [h.name for h in store.search("submarine")] == ["late.txt"]


def _results(store) -> dict[str, list[tuple]]:
    return {q: [(h.name, round(h.score, 6), h.snippet) for h in store.search(q)] for q in QUERIES}


def _has_column(store) -> bool:
    return fts.PG_COLUMN in {c["name"] for c in inspect(store.engine).get_columns("documents")}


@pytest.mark.parametrize("query", ["NEAR(a b)", "^missile", "title:"])
def test_unsupported_syntax_is_a_clear_error(pg_store, query):
    with pytest.raises(SearchSyntaxError, match="cannot search for"):
        pg_store.search(query)


def test_write_transactions_hold_the_advisory_lock(pg_store):
    held = text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "
                "AND ((classid::bigint << 32) | objid::bigint) = :key")
    with pg_store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
        assert conn.execute(held, {"key": PG_WRITE_LOCK}).scalar() == 1
    with pg_store.engine.connect() as conn, conn.begin():
        assert conn.execute(held, {"key": PG_WRITE_LOCK}).scalar() == 0
