"""Ingest + extract throughput and peak memory over a JSON news dump (default: the KCNA 2024
file), against a bare spaCy pass (``nlp.pipe`` over the full texts, same model, same number of
processes) on the same documents. The figure we track is their ratio over distinct texts: a text
the file holds twice is extracted once, so the bare pass is counted for each distinct text once
(its rate prorated by words); the ratio over every text read is reported beside it.

    python benchmarks/throughput.py [--workers N] [--engine local|ray] [--no-cascade]
                                    [--limit N] [--corpus PATH] [--json]

Ingest + extract = what ``nkwatch ingest [--workers N] [--engine ray] FILE`` does into a new
SQLite store: read, clean, date and store every document, then extract them (in this process, on
N worker processes or N Ray actors) and store each extraction with its event resolution (one
writer). A text the file holds twice is stored and extracted once, as ingest always does. Model
loading is timed apart (``startup_s``) and left out of both rates. Memory is the peak resident
set of this process and all its children, sampled every 0.2 s, during each phase. With one local
worker both sides run on one process, whose CPU seconds are reported too (``cpu_s``): on a shared
machine their ratio moves less than the ratio of elapsed times. The sampler reads /proc of every
process from a thread of this process (the bare pass, in a process of its own, has none): its own
CPU seconds (``sampler_cpu_s``, about 6 ms a sample with a hundred processes) are left out of ours.

The headline bare pass is stock spaCy (thinc's BLIS matrix products). nkwatch multiplies with NumPy's
BLAS (``matrix_products`` setting, nlp/spacy_speed.py), which makes the parse itself quicker; the
ratio against a bare pass with NumPy's products too (``ratio_distinct_texts_same_products``, the
share of the work that is not the model's) is reported beside it, and is the fairer measure of
what the rest of the pipeline costs.
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from nkwatch.engines import ENGINES, open_engine
from nkwatch.ingest.run import ingest
from nkwatch.models import Document
from nkwatch.pipeline import Pipeline
from nkwatch.resolve_run import Resolver
from nkwatch.settings import Settings
from nkwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "kcna" / "kcna_2024.json"
SAMPLE_S = 0.2


class TreeMemory:
    """Peak RSS (MB) of this process and its descendants, per named phase (Linux /proc)."""

    def __init__(self) -> None:
        self.phase: str | None = None
        self.peaks: dict[str, float] = {}
        self.cpu_s = 0.0  # CPU seconds the sampling itself has taken (it reads /proc of every process)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            if self.phase is not None:
                mb = tree_rss_mb(os.getpid())
                self.peaks[self.phase] = max(self.peaks.get(self.phase, 0.0), mb)
            self.cpu_s = time.thread_time()  # this thread's own CPU time so far


def tree_rss_mb(root: int) -> float:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields["PPid"]), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total / 1024


def read_documents(source: Path, settings: Settings) -> list[Document]:
    return [d for d in Pipeline(settings).read([str(source)]) if isinstance(d, Document)]


def first_records(corpus: Path, limit: int, folder: Path) -> Path:
    """The first ``limit`` records of a JSON list, as a file of their own."""
    source = folder / f"first-{limit}.json"
    source.write_text(json.dumps(json.loads(corpus.read_text(encoding="utf-8"))[:limit]), encoding="utf-8")
    return source


def ingest_and_extract(source: Path, folder: Path, settings: Settings, args, memory: TreeMemory) -> dict:
    """``nkwatch ingest`` of ``source`` into a new store under ``folder``; model loading timed apart."""
    settings = settings.with_(db=str(args.keep or folder / "bench.db"))
    pipeline = Pipeline(settings)  # reads and cleans; the engine extracts
    memory.phase = "extract"
    started = time.perf_counter()
    # local with one worker extracts in this process, as ``nkwatch ingest`` does
    with open_engine(settings, args.engine, args.workers, cascade=not args.no_cascade) as engine:
        version = engine.version  # every worker has loaded the model once it answers
        startup = time.perf_counter() - started
        started, cpu, sampling = time.perf_counter(), time.process_time(), memory.cpu_s
        with Store.open(settings) as store:
            report = ingest([str(source)], store, pipeline, resolver=Resolver.load(settings), engine=engine)
            stats = store.stats()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        sampling = memory.cpu_s - sampling
    memory.phase = None
    # the memory sampler's thread runs in this process (the bare pass has none): its CPU is not ours
    return {"elapsed_s": elapsed, "cpu_s": cpu - sampling, "sampler_cpu_s": sampling, "startup_s": startup,
            "version": version,
            "stored": report.new + report.revision + report.unchanged, "extracted": report.extracted,
            "failures": len(report.failures) + len(report.read_errors),
            "mentions": stats["mentions"], "claims": stats["claims"]}


def bare_spacy(texts: list[str], settings: Settings, workers: int, numpy_products: bool = False) -> dict:
    """nlp.pipe over the full texts in a fresh process (its model and memory apart from ours); stock
    spaCy, or with NumPy's matrix products as nkwatch uses them."""
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        return pool.submit(_bare_spacy_run, texts, settings.spacy_model, workers, numpy_products).result()


def _bare_spacy_run(texts: list[str], model: str, workers: int, numpy_products: bool) -> dict:
    import spacy

    from nkwatch.nlp.spacy_speed import numpy_products as use_numpy
    started = time.perf_counter()
    nlp = spacy.load(model)
    if numpy_products:
        use_numpy(nlp)
    startup = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64, n_process=workers))
    return {"elapsed_s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu,
            "startup_s": startup, "tokens": tokens}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--workers", type=int, default=1, help="extraction workers (and bare spaCy processes)")
    parser.add_argument("--engine", choices=ENGINES, default="local")
    parser.add_argument("--no-cascade", action="store_true", help="parse every block (pre-filter off)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", type=Path, help="write the store here and keep it (a new SQLite "
                        "file; e.g. the seed of big_store.py)")
    args = parser.parse_args()
    if args.keep and args.keep.exists():
        parser.error(f"{args.keep} exists")
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(name, "1")

    settings = Settings.from_env()
    with tempfile.TemporaryDirectory(prefix="nkwatch-bench-") as name, TreeMemory() as memory:
        folder = Path(name)
        source = first_records(args.corpus, args.limit, folder) if args.limit else args.corpus
        docs = read_documents(source, settings)
        ours = ingest_and_extract(source, folder, settings, args, memory)
        memory.phase = "bare"
        bare = bare_spacy([d.text for d in docs], settings, args.workers)
        memory.phase = None
        same = bare_spacy([d.text for d in docs], settings, args.workers, numpy_products=True)
    words = sum(len(d.text.split()) for d in docs)
    unique = {d.hash: d for d in docs}.values()  # a text read twice is stored and extracted once
    unique_words = sum(len(d.text.split()) for d in unique)
    n, share = len(docs), unique_words / words  # the bare pass over each distinct text once: prorated
    one_process = args.engine == "local" and args.workers == 1  # CPU seconds cover both sides
    result = {
        "ratio_distinct_texts": round(bare["elapsed_s"] * share / ours["elapsed_s"], 2),
        "ratio_distinct_texts_cpu": round(bare["cpu_s"] * share / ours["cpu_s"], 2) if one_process else None,
        "ratio_distinct_texts_same_products": round(same["elapsed_s"] * share / ours["elapsed_s"], 2),
        "ratio_distinct_texts_same_products_cpu": (round(same["cpu_s"] * share / ours["cpu_s"], 2)
                                                   if one_process else None),
        "matrix_products": settings.matrix_products,
        "ratio": round(bare["elapsed_s"] / ours["elapsed_s"], 2),
        "n_docs": n, "unique_texts": len(unique), "words": words, "engine": args.engine,
        "workers": args.workers, "cascade": not args.no_cascade,
        "articles_per_s": round(n / ours["elapsed_s"], 2),
        "words_per_s": round(words / ours["elapsed_s"]),
        "bare_spacy_articles_per_s": round(n / bare["elapsed_s"], 2),
        "bare_spacy_words_per_s": round(words / bare["elapsed_s"]),
        "cpu_s": round(ours["cpu_s"], 1) if one_process else None,
        "sampler_cpu_s": round(ours["sampler_cpu_s"], 2),
        "bare_spacy_cpu_s": round(bare["cpu_s"], 1) if one_process else None,
        "bare_spacy_same_products_cpu_s": round(same["cpu_s"], 1) if one_process else None,
        "bare_spacy_same_products_elapsed_s": round(same["elapsed_s"], 1),
        "peak_rss_mb": round(memory.peaks.get("extract", 0.0)),
        "bare_spacy_peak_rss_mb": round(memory.peaks.get("bare", 0.0)),
        "elapsed_s": round(ours["elapsed_s"], 1), "startup_s": round(ours["startup_s"], 1),
        "bare_spacy_elapsed_s": round(bare["elapsed_s"], 1),
        "bare_spacy_startup_s": round(bare["startup_s"], 1),
        "stored": ours["stored"], "extracted": ours["extracted"], "failures": ours["failures"],
        "mentions": ours["mentions"], "claims": ours["claims"], "pipeline_version": ours["version"],
    }
    if args.json:
        print(json.dumps(result))
        return
    cpu = (f" (CPU seconds: {result['ratio_distinct_texts_cpu']})" if one_process else "")
    same_cpu = (f" (CPU seconds: {result['ratio_distinct_texts_same_products_cpu']})" if one_process else "")
    print(f"ratio over the {len(unique)} distinct texts: {result['ratio_distinct_texts']}{cpu}; "
          f"over all {n} texts read: {result['ratio']}")
    print(f"ratio over the distinct texts against a bare pass with NumPy's matrix products too: "
          f"{result['ratio_distinct_texts_same_products']}{same_cpu}")
    print(f"{n} documents, {words} words, engine {args.engine} x{args.workers}, "
          f"cascade {'on' if result['cascade'] else 'off'}")
    print(f"ingest+extract: {result['articles_per_s']} articles/s, {result['words_per_s']} words/s "
          f"({result['elapsed_s']} s{_cpu(result['cpu_s'])}; model loading {result['startup_s']} s apart), "
          f"peak RSS {result['peak_rss_mb']} MB")
    print(f"bare nlp.pipe:  {result['bare_spacy_articles_per_s']} articles/s, "
          f"{result['bare_spacy_words_per_s']} words/s ({result['bare_spacy_elapsed_s']} s"
          f"{_cpu(result['bare_spacy_cpu_s'])}), peak RSS {result['bare_spacy_peak_rss_mb']} MB")
    print(f"{result['extracted']} extracted, {result['failures']} failures, {result['mentions']} mentions, "
          f"{result['claims']} claims")


def _cpu(seconds: float | None) -> str:
    return "" if seconds is None else f", {seconds} s CPU"


if __name__ == "__main__":
    main()
