"""Build the news gold files from the reviewed annotation files, and measure inter-annotator agreement.

    python tools/news_gold.py build ANNOT_DIR            # writes eval/news.dev.gold.jsonl, eval/news.test.gold.jsonl
    python tools/news_gold.py agreement ANNOT_DIR        # first annotator vs reviewed, per set

ANNOT_DIR holds, per set S (n1..n6 for ../shared/corpus/news, kcna for records of
../shared/corpus/kcna/kcna_2024.json), the first annotation ``S.quotes.jsonl`` and the reviewed one
``S.reviewed.quotes.jsonl`` (quotes files, see tools/gold_spans.py). The gold keeps only spans; a
document is named by its folder under ../shared/corpus ("news/0001.txt", "kcna/kcna_2024.json#5") and
goes to the split eval/news_split.tsv gives it (KCNA records: the test split, see eval/NEWS.md).

Agreement treats the reviewed line as gold and the first annotation as a prediction, with the
scoring rules of ../shared/eval/README.md: events match on type and overlapping evidence, one to one.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from agreement import HEADER, compare, row  # noqa: E402
from gold_spans import CorpusTexts, convert_line, validate_gold  # noqa: E402
from kcna_negatives import selected  # noqa: E402

from nkwatch.eval.gold import parse_gold_line  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"
FOLDER = {"kcna": "kcna"}          # set -> folder under ../shared/corpus (default: news)
SETS = ("n1", "n2", "n3", "n4", "n5", "n6", "kcna")


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def converted(annot: Path, name: str, reviewed: bool = True) -> list[dict]:
    """The span lines of one set's (reviewed) quotes file; raises on any error."""
    folder = FOLDER.get(name, "news")
    texts = CorpusTexts(CORPUS / folder)
    path = annot / f"{name}.{'reviewed.' if reviewed else ''}quotes.jsonl"
    out, errors = [], []
    for quoted in _read(path):
        text, published = texts.text(quoted["doc"]), texts.published(quoted["doc"])
        line = convert_line(quoted, text, published, lambda message: None)
        errors += validate_gold(line, text, published)
        line["doc"] = f"{folder}/{line['doc']}"
        out.append(line)
    if errors:
        raise SystemExit(f"{path}:\n" + "\n".join(errors))
    return out


def split_of() -> dict[str, str]:
    with (REPO / "eval" / "news_split.tsv").open(encoding="utf-8") as f:
        return {f"news/{row['doc']}": row["split"] for row in csv.DictReader(f, delimiter="\t")}


def build(annot: Path) -> int:
    splits = split_of()
    kcna = {f"kcna/{name}" for name in selected()}
    parts: dict[str, list[dict]] = {"dev": [], "test": []}
    for name in SETS:
        if not (annot / f"{name}.reviewed.quotes.jsonl").is_file():
            raise SystemExit(f"no reviewed file for set {name}")
        for line in converted(annot, name):
            if line["doc"].startswith("kcna/") and line["doc"] not in kcna:
                continue    # annotated, then dropped: its text is a KCNA dev record's
            parts[splits.get(line["doc"], "test")].append(line)
    for part, lines in parts.items():
        lines.sort(key=lambda x: x["doc"])
        path = REPO / "eval" / f"news.{part}.gold.jsonl"
        path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
        events = Counter(e["type"] for x in lines for e in x["events"] if not e["optional"])
        print(f"{path.name}: {len(lines)} documents, {sum(events.values())} required events "
              f"({', '.join(f'{k} {v}' for k, v in sorted(events.items()))}), "
              f"{sum(len(x['claims']) for x in lines)} claims")
    return 0


def agreement(annot: Path) -> int:
    """Events: F1 of the first annotation against the reviewed one (``agreement.compare``); type-agnostic
    counts of changes are in each set's review file."""
    total = Counter()
    print(HEADER)
    for name in SETS:
        if not (annot / f"{name}.reviewed.quotes.jsonl").is_file():
            continue
        first = {x["doc"]: parse_gold_line(x) for x in converted(annot, name, reviewed=False)}
        second = {x["doc"]: parse_gold_line(x) for x in converted(annot, name)}
        c = compare(first, second)
        total.update(c)
        print(row(name, c))
    print(row("all", total))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("build", "agreement"))
    parser.add_argument("annot", type=Path)
    args = parser.parse_args(argv)
    return build(args.annot) if args.action == "build" else agreement(args.annot)


if __name__ == "__main__":
    sys.exit(main())
