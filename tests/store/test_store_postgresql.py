"""What only the PostgreSQL store has (the rest of tests/store runs on both backends): the
full-text expression index serving the search query, the FTS5 syntax it refuses, and the
advisory lock every write transaction takes."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from nkwatch.models import Document
from nkwatch.store import SearchSyntaxError, Store, fts
from nkwatch.store.engine import PG_WRITE_LOCK, write_options

pytestmark = pytest.mark.postgresql


@pytest.fixture
def pg_store(pg_settings):
    with Store.open(pg_settings) as opened:
        yield opened


def test_search_uses_the_expression_index(pg_store):
    for n in range(50):
        pg_store.add_document(Document(name=f"{n}.txt", text=f"Filler report number {n} about weather."))
    pg_store.add_document(Document(name="hit.txt", text="Artillery drills resumed near the border."))
    with pg_store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE documents")
        conn.exec_driver_sql("SET enable_seqscan = off")
        plan = "\n".join(conn.exec_driver_sql(
            f"EXPLAIN SELECT id FROM documents WHERE {fts.PG_VECTOR} @@ to_tsquery('english', 'artillery')"
        ).scalars())
    assert fts.TABLE in plan
    assert [h.name for h in pg_store.search("artillery drill*")] == ["hit.txt"]


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
