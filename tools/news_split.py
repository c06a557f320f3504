"""Split the news excerpts (../shared/corpus/news) into a dev and a test set, once, before any tuning.

Excerpts that report the same real-world event must fall in the same split. The split is made before
the gold exists, from the corpus index alone: excerpts gathered by one search query report one event
(or one topic), so the unit is the query; queries about the same event are joined by the groups in
``eval/news_split.toml`` (written by reading the queries, before annotation). Within each of the six
collections, whole units are drawn for the test set with a fixed seed until it holds 32 % of the
collection's excerpts; a unit spanning collections goes with its first excerpt's collection.

    python tools/news_split.py --index ../shared/corpus/news/index.tsv -o eval/news_split.tsv

The output lists every excerpt with its unit and split; ``tools/news_gold.py`` cuts the gold by it.
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

SEED = "nkwatch-news-split-1"
TEST_SHARE = 0.32


def read_index(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def units(rows: list[dict[str, str]], joins: list[dict]) -> dict[str, str]:
    """doc -> unit name: the query, or the name of the join whose pattern the query matches."""
    compiled = [(j["name"], re.compile(j["queries"], re.I)) for j in joins]
    out = {}
    for row in rows:
        query = row["query"]
        out[row["doc"]] = next((name for name, rx in compiled if rx.search(query)), query)
    return out


def split(rows: list[dict[str, str]], unit_of: dict[str, str]) -> dict[str, str]:
    """doc -> 'dev' | 'test'."""
    home: dict[str, str] = {}           # unit -> collection of its first excerpt
    size: dict[str, int] = defaultdict(int)
    for row in rows:
        home.setdefault(unit_of[row["doc"]], row["collection"])
        size[unit_of[row["doc"]]] += 1
    by_collection: dict[str, list[str]] = defaultdict(list)
    for unit, coll in home.items():
        by_collection[coll].append(unit)
    test_units: set[str] = set()
    for coll in sorted(by_collection):
        rng = random.Random(f"{SEED}:{coll}")
        pool = sorted(by_collection[coll])
        rng.shuffle(pool)
        total = sum(size[u] for u in pool)
        taken = 0
        for unit in pool:
            if taken >= round(total * TEST_SHARE):
                break
            if taken + size[unit] > round(total * TEST_SHARE) + 1:
                continue    # a big unit would overshoot: try the next one
            test_units.add(unit)
            taken += size[unit]
    return {row["doc"]: "test" if unit_of[row["doc"]] in test_units else "dev" for row in rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, default=Path("../shared/corpus/news/index.tsv"))
    parser.add_argument("--joins", type=Path, default=Path("eval/news_split.toml"))
    parser.add_argument("-o", "--output", type=Path, default=Path("eval/news_split.tsv"))
    args = parser.parse_args(argv)
    rows = read_index(args.index)
    joins = tomllib.loads(args.joins.read_text(encoding="utf-8")).get("join", [])
    unit_of = units(rows, joins)
    which = split(rows, unit_of)
    with args.output.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["doc", "collection", "split", "unit"])
        for row in rows:
            w.writerow([row["doc"], row["collection"], which[row["doc"]], unit_of[row["doc"]]])
    for part in ("dev", "test"):
        docs = [r for r in rows if which[r["doc"]] == part]
        per = defaultdict(int)
        for r in docs:
            per[r["collection"]] += 1
        print(f"{part}: {len(docs)} excerpts, " + ", ".join(f"{c} {n}" for c, n in sorted(per.items())),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
