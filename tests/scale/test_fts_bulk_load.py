"""A bulk load without the full-text index (as benchmarks/big_store.py does): installing the
index afterwards indexes every stored document, on SQLite and on PostgreSQL."""
from __future__ import annotations

import pytest

from nkwatch.models import Document
from nkwatch.settings import Settings
from nkwatch.store import Store, fts
from nkwatch.store.engine import write_options

from .articles import TEXTS


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def settings(request, tmp_path) -> Settings:
    if request.param == "sqlite":
        return Settings(db=str(tmp_path / "bulk.db"))
    return Settings(db=request.getfixturevalue("pg_db_url"))


def test_index_installed_after_a_load_finds_every_document(settings):
    with Store.open(settings) as store:
        store.add_document(Document(name="before.txt", text=TEXTS["launch"]))
        with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
            fts.uninstall(conn)
        store.add_document(Document(name="during.txt", text=TEXTS["cruise"]))
        with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
            fts.install(conn)
        assert {h.name for h in store.search("missiles")} == {"before.txt", "during.txt"}
        store.add_document(Document(name="after.txt", text=TEXTS["talks"] + " No missiles were shown."))
        assert {h.name for h in store.search("missiles")} == {"before.txt", "during.txt", "after.txt"}
