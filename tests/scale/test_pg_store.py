"""The store's own tests (tests/store), run again against PostgreSQL, plus what only PostgreSQL
has: the full-text expression index, serving the search query, and the write lock."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from nkwatch.models import Document
from nkwatch.settings import Settings
from nkwatch.store import Store, SearchSyntaxError, fts, migrate
from nkwatch.store.schema import metadata

from .reuse import TESTS, adopt

pytestmark = pytest.mark.postgresql

# SQLite's own settings, paths and FTS5 tables; their PostgreSQL counterparts are below.
SQLITE_ONLY = frozenset({
    "test_sqlite_connection_settings", "test_missing_folder_is_a_clear_error",
    "test_open_migrates_an_empty_database_to_head", "test_migrated_schema_matches_schema_module",
})

adopt(globals(), TESTS / "store" / "conftest.py")
for _module in sorted((TESTS / "store").glob("test_*.py")):
    adopt(globals(), _module, SQLITE_ONLY)


@pytest.fixture
def settings(request) -> Settings:
    """Tests that use the ``store`` fixture share the session's migrated schema (emptied before
    each); the others, which open or migrate the store themselves, get a new empty schema."""
    name = "pg_migrated_url" if "store" in request.fixturenames else "pg_db_url"
    return Settings(db=request.getfixturevalue(name))


def test_pg_open_migrates_to_head_with_the_search_index(settings):
    with Store.open(settings) as store:
        assert store.revision() == migrate.head()
        inspector = inspect(store.engine)
        assert {"documents", "mentions", "mention_sources", "claims"} <= set(inspector.get_table_names())
        assert fts.TABLE in {ix["name"] for ix in inspector.get_indexes("documents")}


def test_pg_migrated_schema_matches_schema_module(settings):
    with Store.open(settings) as store, store.engine.connect() as conn:
        not_fts = lambda name, type_, parents: not (type_ == "index" and fts.owns_index(name))
        context = MigrationContext.configure(conn, opts={"include_name": not_fts})
        assert compare_metadata(context, metadata) == []


def test_pg_search_uses_the_expression_index(store):
    for n in range(50):
        store.add_document(Document(name=f"{n}.txt", text=f"Filler report number {n} about weather."))
    store.add_document(Document(name="hit.txt", text="Artillery drills resumed near the border."))
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE documents")
        conn.exec_driver_sql("SET enable_seqscan = off")
        plan = "\n".join(conn.exec_driver_sql(
            f"EXPLAIN SELECT id FROM documents WHERE {fts.PG_VECTOR} @@ to_tsquery('english', 'artillery')"
        ).scalars())
    assert fts.TABLE in plan
    assert [h.name for h in store.search("artillery drill*")] == ["hit.txt"]


@pytest.mark.parametrize("query", ["NEAR(a b)", "^missile", "title:"])
def test_pg_unsupported_syntax_is_a_clear_error(store, query):
    with pytest.raises(SearchSyntaxError, match="cannot search for"):
        store.search(query)


def test_pg_concurrent_new_texts_at_one_url_form_one_chain(settings):
    url = "https://example.org/wire"

    def write(worker: int) -> list[str]:
        with Store.open(settings) as own:
            return [own.add_document(Document(name="wire", url=url, text=f"Wire {worker}.{i}")).status
                    for i in range(5)]

    with ThreadPoolExecutor(4) as pool:
        statuses = [s for batch in pool.map(write, range(4)) for s in batch]
    assert sorted(statuses) == ["new"] + ["revision"] * 19
