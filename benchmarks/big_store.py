"""A store of a million documents, and how fast the library answers on it: p50/p95 of the
timeline (first page, filtered), event detail, full-text search and claim-series queries.

    python benchmarks/big_store.py [--n 1000000] [--db big-store.db | --db postgresql+psycopg://...]
                                   [--seed SEED.db] [--workers N] [--repeat 200] [--queries-only]

The seed is a store holding the KCNA 2024 texts, extracted and resolved (``--seed`` reuses one;
without it, one is built beside ``--db`` with the local engine). The big store is filled by
copying every row of the seed's tables again and again through the store's schema tables, in
bulk inserts: each copy re-keyed (document ids offset; mention, claim and event ids suffixed;
the text tagged with its copy number and hashed again) and moved back by some years, so that
dates spread over decades; nothing is extracted again. The full-text index is dropped during
the load and built once at the end. Whole copies are made: the store holds at least ``--n``
documents.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
from datetime import date
from pathlib import Path

from sqlalchemy import Date, Integer, select

from nkwatch.engines import open_engine
from nkwatch.engines.pending import extract_pending
from nkwatch.ingest_run import ingest
from nkwatch.models import content_hash
from nkwatch.pipeline import Pipeline
from nkwatch.resolve_run import Resolver
from nkwatch.settings import Settings
from nkwatch.store import Store, fts
from nkwatch.store.engine import write_options
from nkwatch.store.schema import claims, events, metadata

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "kcna" / "kcna_2024.json"
YEARS_BACK = 40            # copy k is moved back k % YEARS_BACK years
ROWS_PER_INSERT = 5_000
SKIPPED_TABLES = {"decisions"}  # human decisions are not copied
STRING_KEYS = {"mention_id", "event_id"}
YEAR_PREFIX = re.compile(r"^\d{4}")
SEARCHES = ["missile", "ballistic missile", '"Supreme People\'s Assembly"', "artillery drill*",
            "Kim Jong Un inspection", "cruise OR hypersonic", "title:exercise", "satellite launch"]


def build_seed(path: Path, corpus: Path, workers: int) -> None:
    """Ingest, extract and resolve ``corpus`` into a new SQLite store at ``path``."""
    settings = Settings(db=str(path), workers=workers)
    with Store.open(settings) as store, open_engine(settings, "local", workers) as engine:
        ingest([str(corpus)], store, Pipeline(settings), extract=False)
        resolver = Resolver.load(settings)
        extract_pending(store, engine, save=lambda i, x: store.save_resolved(i, x, resolver))


def seed_rows(seed: Path) -> dict[str, list[dict]]:
    with Store.open(Settings(db=str(seed))) as store, store.engine.connect() as conn:
        return {t.name: [dict(r._mapping) for r in conn.execute(select(t))]
                for t in metadata.sorted_tables if t.name not in SKIPPED_TABLES}


def shifted(value: date | None, years: int) -> date | None:
    if value is None or years == 0:
        return value
    day = 28 if (value.month, value.day) == (2, 29) else value.day
    return value.replace(year=value.year - years, day=day)


def copy_rows(rows: dict[str, list[dict]], k: int, stride: int) -> dict[str, list[dict]]:
    """Copy ``k`` of every seed row: re-keyed and ``k % YEARS_BACK`` years earlier."""
    years = k % YEARS_BACK
    offset = k * stride
    out: dict[str, list[dict]] = {}
    for table in metadata.sorted_tables:
        if table.name not in rows:
            continue
        refs_document = {c.name for c in table.columns
                         if any(fk.column.table.name == "documents" for fk in c.foreign_keys)}
        dates = [c.name for c in table.columns if isinstance(c.type, Date)]
        string_keys = STRING_KEYS & set(table.c.keys())
        if "id" in table.c and not isinstance(table.c.id.type, Integer):
            string_keys.add("id")
        new_rows = []
        for row in rows[table.name]:
            row = dict(row)
            for name in refs_document:
                if row[name] is not None:
                    row[name] += offset
            for name in dates:
                row[name] = shifted(row[name], years)
            for name in ("date_value", "period"):
                if row.get(name) and years:
                    row[name] = YEAR_PREFIX.sub(lambda m: str(int(m.group()) - years), row[name])
            for name in string_keys:
                if row[name] is not None and k:
                    row[name] = f"{row[name]}.{k}"
            if table.name == "documents":
                row["id"] += offset
                if k:
                    row["text"] = f"{row['text']}\n[copy {k}]"
                    row["hash"] = content_hash(row["text"])
                    row["name"] = f"{row['name']}~{k}"
                    row["url"] = f"{row['url']}#copy-{k}" if row["url"] else None
            new_rows.append(row)
        out[table.name] = new_rows
    return out


def build_big(settings: Settings, rows: dict[str, list[dict]], n: int) -> tuple[int, float]:
    """Fill the (new) store at ``settings`` with copies of ``rows`` until it holds >= n documents."""
    started = time.perf_counter()
    n_seed = len(rows["documents"])
    stride = max(r["id"] for r in rows["documents"])
    copies = -(-n // n_seed)
    with Store.open(settings) as store:
        with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
            fts.uninstall(conn)
        for k in range(copies):
            batch = copy_rows(rows, k, stride)
            with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
                for table in metadata.sorted_tables:
                    table_rows = batch.get(table.name, [])
                    for i in range(0, len(table_rows), ROWS_PER_INSERT):
                        conn.execute(table.insert(), table_rows[i:i + ROWS_PER_INSERT])
            if (k + 1) % 50 == 0 or k + 1 == copies:
                print(f"  {(k + 1) * n_seed:,} documents, {time.perf_counter() - started:.0f} s", flush=True)
        index_started = time.perf_counter()
        with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
            fts.install(conn)
            conn.exec_driver_sql("ANALYZE")  # query planner statistics (SQLite and PostgreSQL)
        print(f"  full-text index and statistics: {time.perf_counter() - index_started:.0f} s", flush=True)
    return copies * n_seed, time.perf_counter() - started


def timed(calls) -> dict:
    """p50/p95 (ms) of running each call once, in order."""
    times = []
    for call in calls:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1), "n": len(times)}


def measure(settings: Settings, repeat: int, rng: random.Random) -> tuple[dict[str, dict], dict]:
    """Each query ``repeat`` times (search: at most 40) with parameters drawn from the store."""
    members = metadata.tables["event_members"]
    with Store.open(settings) as store:
        with store.engine.connect() as conn:
            event_ids = list(conn.execute(select(events.c.id)).scalars())
            types = sorted(set(conn.execute(select(events.c.type).distinct()).scalars()))
            series = list(conn.execute(
                select(members.c.event_id, claims.c.property).distinct()
                .join(claims, claims.c.mention_id == members.c.mention_id)).all())
        years = range(2024 - YEARS_BACK, 2025)

        def timeline():
            type_, since = rng.choice(types), rng.choice(years)
            return lambda: store.events(type=type_, since=str(since), until=str(since + 2), limit=50)

        def detail():
            event_id = rng.choice(event_ids)
            return lambda: store.get_event(event_id)

        def search():
            query = rng.choice(SEARCHES)
            return lambda: store.search(query, limit=20)

        def claim_series():
            event_id, prop = rng.choice(series)
            return lambda: store.claim_records(event_id=event_id, property=prop)

        figures = {
            "timeline (type + 3 years, first page)": timed(timeline() for _ in range(repeat)),
            "timeline (no filter, first page)": timed(lambda: store.events(limit=50) for _ in range(repeat)),
            "event detail": timed(detail() for _ in range(repeat)),
            "search (20 best)": timed(search() for _ in range(min(repeat, 40))),
        }
        if series:
            figures["claim series (event + property)"] = timed(claim_series() for _ in range(repeat))
        counts = store.stats() | {"events": len(event_ids)}
    return figures, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="documents (at least)")
    parser.add_argument("--db", default="big-store.db", help="the big store: SQLite path or URL")
    parser.add_argument("--seed", type=Path, help="an extracted SQLite store to copy (default: build one)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2, help="extraction workers for the seed")
    parser.add_argument("--repeat", type=int, default=200, help="runs of each query")
    parser.add_argument("--queries-only", action="store_true", help="measure an existing big store")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    settings = Settings(db=args.db)
    build = {}
    if not args.queries_only:
        seed = args.seed
        if seed is None:
            seed = Path(args.db + ".seed.db" if "://" not in args.db else "big-store.seed.db")
            if not seed.exists():
                started = time.perf_counter()
                build_seed(seed, args.corpus, args.workers)
                build["seed_s"] = round(time.perf_counter() - started, 1)
        documents, seconds = build_big(settings, seed_rows(seed), args.n)
        build |= {"documents": documents, "build_s": round(seconds, 1)}
    figures, counts = measure(settings, args.repeat, random.Random(7))
    if args.json:
        print(json.dumps({"build": build, "counts": counts, "queries": figures}, default=str))
        return
    if build:
        print(f"built {build['documents']:,} documents in {build['build_s']} s"
              + (f" (seed extracted in {build['seed_s']} s)" if "seed_s" in build else ""))
    print(f"store: {counts['documents']:,} documents, {counts['mentions']:,} mentions, "
          f"{counts['claims']:,} claims, {counts['events']:,} events")
    for name, f in figures.items():
        print(f"{name:42s} p50 {f['p50_ms']:8.1f} ms   p95 {f['p95_ms']:8.1f} ms   ({f['n']} runs)")


if __name__ == "__main__":
    main()
