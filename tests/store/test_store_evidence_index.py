"""Migration 0005 and the evidence index, on SQLite and PostgreSQL: stored mentions get their
evidence text, the text filter finds the same events after a downgrade and upgrade, a downgrade
loses no stored rows, and the index is what the filter reads."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import func, select

from events.invented import Reports
from nkwatch.resolve_run import Resolver
from nkwatch.settings import Settings
from nkwatch.store import Store, evidence_index, migrate
from nkwatch.store.engine import write_options
from nkwatch.store.schema import documents, mention_sources, mentions

TEXTS = ["tactical ballistic", "Joint Chiefs", "russia", "kcna", "ea", "zzz"]


def _counts(store) -> tuple[int, int]:
    with store.engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(mentions)).scalar(),
                conn.execute(select(func.count()).select_from(mention_sources)).scalar())


def _filtered(store) -> dict[str, list[str]]:
    return {t: [e.id for e in store.events(text=t)] for t in TEXTS}


def test_migration_0005_fills_evidence_texts_and_keeps_every_row(settings):
    with Store.open(settings) as store:
        Reports(store, Resolver.load(settings)).add("jcs", "kcna", "cruise", "troops1", "icbm")
        before, counts = _filtered(store), _counts(store)
        assert before["tactical ballistic"] and not before["zzz"]

        with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
            command.downgrade(migrate.alembic_config(conn), "0004")
        assert _counts(store) == counts  # dropping the column deleted nothing
        assert migrate.upgrade(store.engine) == ("0004", migrate.head())
        assert _counts(store) == counts and _filtered(store) == before
        with store.engine.connect() as conn:
            rows = conn.execute(select(mentions.c.ev_start, mentions.c.ev_end, mentions.c.evidence_text,
                                       documents.c.text).join(documents)).all()
        assert rows and all(r.evidence_text == r.text[r.ev_start:r.ev_end] for r in rows)


@pytest.mark.parametrize("text", ["tactical", "Hwasong-18", 'a "quoted" word', "ab"])
def test_the_filter_reads_the_index(store, text):
    with store.engine.connect() as conn:
        sql = str(evidence_index.matching_mentions(conn, text).compile(
            dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET enable_seqscan = off")
            plan = "\n".join(conn.exec_driver_sql(f"EXPLAIN {sql}").scalars())
            assert evidence_index.PG_INDEX in plan
        else:
            plan = "\n".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
            looked_up = len(text) >= evidence_index.MIN_LOOKUP
            assert (f"SCAN {evidence_index.TABLE} VIRTUAL TABLE INDEX 0:M" in plan) == looked_up


def test_without_the_trigram_tokenizer_the_filter_scans_with_the_same_results(sqlite_settings, tmp_path,
                                                                                 monkeypatch, caplog):
    with Store.open(sqlite_settings) as store:
        Reports(store, Resolver.load(sqlite_settings)).add("jcs", "kcna", "cruise", "troops1")
        indexed = _filtered(store)
    old = Settings(db=str(tmp_path / "old-sqlite.db"))
    monkeypatch.setattr(evidence_index, "SQLITE_TRIGRAM", (99, 0, 0))  # as if SQLite were older than 3.34
    with Store.open(old) as store:
        Reports(store, Resolver.load(old)).add("jcs", "kcna", "cruise", "troops1")
        with store.engine.connect() as conn:
            assert not evidence_index.installed(conn)
        assert _filtered(store) == indexed
    assert "no trigram tokenizer" in caplog.text
