"""A store of a million documents, and how fast it answers: p50/p95 of the timeline (first page,
filtered and not), event detail, full-text search and claim series, through the library (Store
methods) and through the API (the web app's JSON twins, in-process with FastAPI's TestClient).

    python benchmarks/big_store.py [--n 1000000] [--db /tmp/nkwatch-big/big.db | --db postgresql+psycopg://...]
                                   [--seed SEED.db] [--workers 2] [--repeat 200] [--queries-only]
                                   [--no-api] [--plans] [--json]

The seed is a SQLite store holding the KCNA 2024 texts, ingested, extracted and resolved once
(``--seed`` reuses one; without it, one is built beside the big store, on ``--workers``
processes). The big store is filled with copies of every row of the seed's tables, inserted in
bulk through the store's schema tables: each copy re-keyed (document ids offset; mention, claim
and event ids suffixed ``.k``; each text tagged with its copy number and hashed again) and moved
back ``k % 40`` years, so that dates spread over four decades. Nothing is extracted again. The
full-text index is dropped during the load and built once at the end. Whole copies are made, so
the store holds at least ``--n`` documents. ``--plans`` prints the query plan of every statement
each measured query runs (EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import Date, Integer, event, select

from nkwatch.engines import open_engine
from nkwatch.ingest.run import ingest
from nkwatch.models import content_hash
from nkwatch.pipeline import Pipeline
from nkwatch.resolve_run import Resolver
from nkwatch.settings import Settings
from nkwatch.store import Store, day_counts, evidence_index, fts
from nkwatch.store.engine import write_options
from nkwatch.store.schema import claims, event_members, events, metadata

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "kcna" / "kcna_2024.json"
YEARS_BACK = 40            # copy k is moved back k % YEARS_BACK years
ROWS_PER_INSERT = 2_000
SKIPPED_TABLES = {"decisions", "event_day_counts"}  # human decisions are not copied; the counts are counted again
STRING_KEYS = {"mention_id", "event_id"}  # besides a table's own string id
YEAR_PREFIX = re.compile(r"^\d{4}")
SEARCHES = ["missile", "ballistic missile", '"Supreme People\'s Assembly"', "artillery drill*",
            "Kim Jong Un inspection", "cruise OR hypersonic", "title:exercise", "satellite launch"]
SEARCH_RUNS = 40           # search is slower and reported only: fewer runs
# the timeline's text filter (label, weapon, place, sources, evidence): rare and common strings
FILTER_TEXTS = ["cruise", "Hwasong", "Kim Jong Un", "KCNA", "East Sea", "artillery", "satellite", "no such words"]


def build_seed(path: Path, corpus: Path, workers: int) -> None:
    """``nkwatch ingest --workers N corpus`` into a new SQLite store at ``path``."""
    settings = Settings(db=str(path))
    with Store.open(settings) as store, open_engine(settings, "local", workers) as engine:
        report = ingest([str(corpus)], store, Pipeline(settings), resolver=Resolver.load(settings),
                        engine=engine)
    if not report.ok:
        raise SystemExit(f"seed: {len(report.failures)} failures, {len(report.read_errors)} unreadable")


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
    """Copy ``k`` of every seed row: re-keyed and ``k % YEARS_BACK`` years earlier. A claim
    subject that names an event (a long-running event's id) follows that event's new id."""
    years = k % YEARS_BACK
    offset = k * stride
    event_ids = {r["id"] for r in rows.get("events", [])}
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
            if k:
                for name in string_keys:
                    if row[name] is not None:
                        row[name] = f"{row[name]}.{k}"
                if row.get("subject") in event_ids:
                    row["subject"] = f"{row['subject']}.{k}"
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


def build_big(settings: Settings, rows: dict[str, list[dict]], n: int) -> tuple[int, dict[str, float]]:
    """Fill the (new) store at ``settings`` with copies of ``rows`` until it holds >= n documents;
    (documents, seconds per step)."""
    started = time.perf_counter()
    n_seed = len(rows["documents"])
    stride = max(r["id"] for r in rows["documents"])
    copies = -(-n // n_seed)
    with Store.open(settings) as store:
        if store.stats()["documents"]:
            raise SystemExit(f"{store.url} is not empty: give a new --db, or --queries-only")
        with _writing(store) as conn:
            fts.uninstall(conn)
            evidence_index.uninstall(conn)
            day_counts.uninstall(conn)
        for k in range(copies):
            batch = copy_rows(rows, k, stride)
            with _writing(store) as conn:
                for table in metadata.sorted_tables:
                    table_rows = batch.get(table.name, [])
                    for i in range(0, len(table_rows), ROWS_PER_INSERT):
                        conn.execute(table.insert(), table_rows[i:i + ROWS_PER_INSERT])
            if (k + 1) % 50 == 0 or k + 1 == copies:
                print(f"  {(k + 1) * n_seed:,} documents, {time.perf_counter() - started:.0f} s", flush=True)
        loaded = time.perf_counter()
        with _writing(store) as conn:
            fts.install(conn)
            evidence_index.install(conn)
            day_counts.install(conn)
        indexed = time.perf_counter()
        print(f"  full-text and evidence indexes: {indexed - loaded:.0f} s", flush=True)
        with _writing(store) as conn:
            conn.exec_driver_sql("ANALYZE")  # the planner's statistics (SQLite and PostgreSQL)
        analyzed = time.perf_counter()
    return copies * n_seed, {"load_s": round(loaded - started, 1), "fts_s": round(indexed - loaded, 1),
                             "analyze_s": round(analyzed - indexed, 1), "build_s": round(analyzed - started, 1)}


@contextmanager
def _writing(store: Store) -> Iterator:
    with store.engine.connect().execution_options(**write_options()) as conn, conn.begin():
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MiB of pages for the bulk load
        yield conn


def timed(calls: list[Callable[[], object]]) -> dict:
    """p50/p95 (ms) of running each call once, in order."""
    times = []
    for call in calls:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1), "n": len(times)}


class Queries:
    """The measured queries, each with parameters drawn from the store (same seed: same draws)."""

    def __init__(self, store: Store, repeat: int, seed: int = 7) -> None:
        self.store, self.repeat = store, repeat
        with store.engine.connect() as conn:
            self.event_ids = list(conn.execute(select(events.c.id).order_by(events.c.id)).scalars())
            self.types = sorted(set(conn.execute(select(events.c.type).distinct()).scalars()))
            self.years = sorted({d.year for d in conn.execute(
                select(events.c.date_start).where(events.c.date_start.isnot(None)).distinct()).scalars()})
            by_mention = select(event_members.c.event_id, claims.c.property).join(
                claims, claims.c.mention_id == event_members.c.mention_id)
            by_subject = select(claims.c.subject, claims.c.property).where(claims.c.subject.in_(
                select(events.c.id)))
            self.series = sorted(set(conn.execute(by_mention).all()) | set(conn.execute(by_subject).all()))
        self.rng = random.Random(seed)

    def draws(self) -> dict[str, list[tuple]]:
        """The parameters of every run of every query."""
        rng, n = self.rng, self.repeat
        out = {
            "timeline (type + 3 years, first page)": [
                (rng.choice(self.types), y, y + 2) for y in (rng.choice(self.years) for _ in range(n))],
            "timeline (no filter, first page)": [()] * n,
            "event detail": [(rng.choice(self.event_ids),) for _ in range(n)],
            "search (20 best)": [(rng.choice(SEARCHES),) for _ in range(min(n, SEARCH_RUNS))],
            "timeline (text filter, first page)": [(rng.choice(FILTER_TEXTS),) for _ in range(min(n, SEARCH_RUNS))],
        }
        if self.series:
            out["claim series (event + property)"] = [rng.choice(self.series) for _ in range(n)]
        return out


LIBRARY = {
    "timeline (type + 3 years, first page)":
        lambda s, type_, since, until: s.events(type=type_, since=str(since), until=str(until), limit=50),
    "timeline (no filter, first page)": lambda s: s.events(limit=50),
    "event detail": lambda s, event_id: s.get_event(event_id),
    "search (20 best)": lambda s, query: s.search(query, limit=20),
    "timeline (text filter, first page)": lambda s, text: s.events(text=text, limit=50),
    "claim series (event + property)":
        lambda s, event_id, prop: s.claim_records(event_id=event_id, property=prop),
}

API = {
    "timeline (type + 3 years, first page)":
        lambda c, type_, since, until: c.get("/events.json", params={"type": type_, "since": since,
                                                                       "until": until, "limit": 50}),
    "timeline (no filter, first page)": lambda c: c.get("/events.json", params={"limit": 50}),
    "event detail": lambda c, event_id: c.get(f"/events/{event_id}.json"),
    "search (20 best)": lambda c, query: c.get("/search.json", params={"q": query, "limit": 20}),
    "timeline (text filter, first page)": lambda c, text: c.get("/events.json", params={"q": text, "limit": 50}),
    "claim series (event + property)":
        lambda c, event_id, prop: c.get(f"/claims/series/{event_id}.json", params={"property": prop}),
}


def measure_library(store: Store, draws: dict[str, list[tuple]]) -> dict[str, dict]:
    return {name: timed([(lambda a=args, f=LIBRARY[name]: f(store, *a)) for args in runs])
            for name, runs in draws.items()}


def measure_api(settings: Settings, draws: dict[str, list[tuple]]) -> dict[str, dict]:
    """The same queries through the web app's JSON twins, in-process (no network)."""
    from fastapi.testclient import TestClient

    from nkwatch.web import create_app

    def checked(call):
        def run():
            response = call()
            if response.status_code != 200:
                raise SystemExit(f"API: {response.request.url} answered {response.status_code}: {response.text[:200]}")
        return run

    with TestClient(create_app(settings)) as client:
        return {name: timed([checked(lambda a=args, f=API[name]: f(client, *a)) for args in runs])
                for name, runs in draws.items()}


def query_plans(store: Store, draws: dict[str, list[tuple]]) -> dict[str, list[str]]:
    """For each query, the plan of every statement one run of it executes."""
    statements: list[tuple[str, object]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    plans: dict[str, list[str]] = {}
    event.listen(store.engine, "before_cursor_execute", record)
    try:
        for name, runs in draws.items():
            statements.clear()
            LIBRARY[name](store, *runs[0])
            seen = list(statements)
            plans[name] = [_plan(store, statement, parameters) for statement, parameters in seen]
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    return plans


def _plan(store: Store, statement: str, parameters) -> str:
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection.cursor()
        if conn.dialect.name == "sqlite":
            raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
            lines = [row[-1] for row in raw.fetchall()]
        else:  # run: the rows and buffers each node really read, and where the time went
            raw.execute(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", parameters)
            lines = [row[0] for row in raw.fetchall()]
    first = " ".join(statement.split())[:120]
    return first + "\n      " + "\n      ".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="documents (at least)")
    parser.add_argument("--db", default="/tmp/nkwatch-big/big.db", help="the big store: SQLite path or URL")
    parser.add_argument("--seed", type=Path, help="an extracted SQLite store to copy (default: build one)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2, help="extraction workers for the seed")
    parser.add_argument("--repeat", type=int, default=200, help="runs of each query")
    parser.add_argument("--queries-only", action="store_true", help="measure an existing big store")
    parser.add_argument("--no-api", action="store_true", help="measure the library only")
    parser.add_argument("--plans", action="store_true", help="print the query plans (PostgreSQL: run, with buffers)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    settings = Settings(db=args.db)
    if "://" not in args.db:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    build: dict = {}
    if not args.queries_only:
        seed = args.seed or Path(args.db + ".seed.db" if "://" not in args.db else "big-store.seed.db")
        if not seed.exists():
            started = time.perf_counter()
            build_seed(seed, args.corpus, args.workers)
            build["seed_s"] = round(time.perf_counter() - started, 1)
        documents, seconds = build_big(settings, seed_rows(seed), args.n)
        build |= {"documents": documents, **seconds}
    with Store.open(settings) as store:
        queries = Queries(store, args.repeat)
        draws = queries.draws()
        counts = store.stats() | {"events": len(queries.event_ids)}
        plans = query_plans(store, draws) if args.plans else {}
        library = measure_library(store, draws)
    api = {} if args.no_api else measure_api(settings, draws)
    if args.json:
        print(json.dumps({"build": build, "counts": {k: v for k, v in counts.items() if not isinstance(v, dict)},
                          "library": library, "api": api, "plans": plans}, default=str))
        return
    if build:
        print(f"built {build['documents']:,} documents in {build['build_s']} s (load {build['load_s']} s, "
              f"full-text index {build['fts_s']} s, statistics {build['analyze_s']} s)"
              + (f"; seed extracted in {build['seed_s']} s" if "seed_s" in build else ""))
    print(f"store: {counts['documents']:,} documents, {counts['mentions']:,} mentions, "
          f"{counts['claims']:,} claims, {counts['events']:,} events")
    for name, plan in plans.items():
        print(f"{name}:")
        for line in plan:
            print(f"  {line}")
    for where, figures in (("library", library), ("API", api)):
        for name, f in figures.items():
            print(f"{where:8s} {name:40s} p50 {f['p50_ms']:8.1f} ms   p95 {f['p95_ms']:8.1f} ms   ({f['n']} runs)")


if __name__ == "__main__":
    main()
