"""What only the PostgreSQL store has (the rest of tests/store runs on both backends): the
search query matching and ranking on the stored vector through its GIN index, window by window
of ids, a ``title:`` part looked up in the title's index (0011), migration 0004 (which stores
that vector) keeping search results as they were, the FTS5 syntax PostgreSQL refuses, and the
advisory lock every write transaction takes."""
from __future__ import annotations

import re

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


def _fillers(store, n: int) -> None:
    """``n`` documents of filler text, inserted in one statement."""
    with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
        conn.exec_driver_sql(
            "INSERT INTO documents (hash, name, fmt, published_method, text, kept, boilerplate, meta, revision, "
            "ingested_at) SELECT md5(n::text), n || '.txt', 'text', 'none', 'Filler report number ' || n || "
            "' about weather.', '[]', '[]', '{}', 1, now() FROM generate_series(1, %(n)s) AS n", {"n": n})


def _analyze(store) -> None:
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE documents")
        conn.commit()  # the statistics are transactional


def test_search_matches_and_ranks_on_the_stored_vector(pg_store):
    _fillers(pg_store, 20_000)
    pg_store.add_document(Document(name="hit.txt", text="Artillery drills resumed near the border."))
    _analyze(pg_store)
    window, ranking = _plans_of_search(pg_store, "artillery drill*", "d.id > ", "ts_rank(")
    # the candidates: read in a window of ids (the first, the newest), through the primary key:
    # the GIN index's matches ANDed with the range, or (short vectors, as here) the range walked
    assert re.search(r"Index Cond: \(\(d\.id > \d+\) AND \(d\.id <= \d+\)\)", window)
    # ranked and shown from the stored vector: the title + text vector (the only setweight in
    # the statements) is never computed again, nor the text's own
    assert f"d.{fts.PG_COLUMN}" in ranking and "ts_rank(" in ranking and "ts_filter(" in ranking
    assert "setweight" not in window + ranking and "to_tsvector" not in ranking
    assert [h.name for h in pg_store.search("artillery drill*")] == ["hit.txt"]


def test_a_title_part_is_looked_up_in_the_title_index(pg_store):
    for n in range(20):
        pg_store.add_document(Document(name=f"{n}.txt", title=f"Report {n}", text="The exercise went on."))
    _fillers(pg_store, 20_000)
    pg_store.add_document(Document(name="hit.txt", title="Exercise ends", text="Troops went home."))
    _analyze(pg_store)
    [window] = _plans_of_search(pg_store, "title:exercise", "d.id > ")
    assert f"Bitmap Index Scan on {fts.PG_TITLE_INDEX}" in window
    assert [h.name for h in pg_store.search("title:exercise")] == ["hit.txt"]
    assert [h.name for h in pg_store.search("weather title:exercise")] == []
    # a title part of stop words only is dropped from the query, as PostgreSQL drops it
    assert {h.name for h in pg_store.search("home title:the")} == {"hit.txt"}


@pytest.mark.parametrize("first_window", [1, 4])
def test_the_newest_matches_are_found_window_by_window(pg_store, monkeypatch, first_window):
    """Matches spread thinly and unevenly over the ids: the windows widen until RANKED are found,
    and those are the newest, whatever the windows were."""
    matching = set()
    for n in range(400):
        hit = n % 97 == 0 or 300 <= n < 304 or n == 399
        text = "Torpedo test." if hit else f"Filler report {n}."
        doc = pg_store.add_document(Document(name=f"{n}.txt", text=text)).document_id
        if hit:
            matching.add(doc)
    monkeypatch.setattr(fts, "FIRST_WINDOW", first_window)
    for ranked in (1, 3, 6, 9, 50):
        monkeypatch.setattr(fts, "RANKED", ranked)
        with pg_store.engine.connect() as conn:
            found = fts._pg_newest_matches(conn, fts.to_tsquery("torpedo"), None, ranked)
        assert found == sorted(matching, reverse=True)[:ranked]
        assert {h.document_id for h in pg_store.search("torpedo", limit=1)} <= set(found)
    assert pg_store.search("the") == []  # stop words only: nothing matches


def _plans_of_search(store, query: str, *markers: str) -> list[str]:
    """EXPLAIN VERBOSE (every expression each node computes) of the statements ``search`` runs
    that hold each of ``markers``."""
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        store.search(query)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    plans = []
    with store.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        for marker in markers:
            statement, parameters = next(s for s in seen if marker in s[0])
            cursor.execute(f"EXPLAIN VERBOSE {statement}", parameters)
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


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
