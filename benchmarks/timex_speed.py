"""Speed of the temporal tagger on one core: sentences per second over the KCNA 2024 texts.

    python benchmarks/timex_speed.py [--limit N] [--corpus PATH]

The tagger is single-threaded: it uses one core. Sentences are split cheaply (end punctuation followed by a space and a capital letter, or a line
break) only to count them; the tagger runs on whole articles, as the pipeline calls it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import time
from pathlib import Path

from nkwatch.nlp.timex import TimexTagger
from nkwatch.settings import Settings

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "kcna" / "kcna_2024.json"
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])|\n+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    args = parser.parse_args()

    records = json.loads(args.corpus.read_text(encoding="utf-8"))
    if args.limit:
        records = records[:args.limit]
    docs = []
    for r in records:
        text = r.get("story_text") or ""
        dct = dt.datetime.fromtimestamp(r["date"] / 1000, dt.timezone.utc).date() if r.get("date") else None
        docs.append((text, dct))
    sentences = sum(len([s for s in SENTENCE.split(t) if s.strip()]) for t, _ in docs)
    chars = sum(len(t) for t, _ in docs)

    t0 = time.perf_counter()
    tagger = TimexTagger(Settings())
    load = time.perf_counter() - t0
    best = best_cpu = float("inf")
    found = 0
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        found = sum(len(tagger.tag(text, dct)) for text, dct in docs)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    print(f"articles            {len(docs)}")
    print(f"sentences           {sentences}")
    print(f"characters          {chars}")
    print(f"timexes found       {found}")
    print(f"load time           {load:.3f} s")
    print(f"tagging time (best) {best:.3f} s wall, {best_cpu:.3f} s CPU, of {args.repeat} runs")
    print(f"sentences/s         {sentences / best:,.0f} (wall)")
    print(f"sentences/s (CPU)   {sentences / best_cpu:,.0f} (one core's CPU time; steady when the machine is busy)")
    print(f"articles/s          {len(docs) / best:,.1f}")
    print(f"characters/s        {chars / best:,.0f}")


if __name__ == "__main__":
    main()
