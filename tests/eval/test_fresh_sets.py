"""eval/fresh/: every gold line has its row in documents.tsv (and the other way round), the counts of
events and claims there (optional ones included) are the gold's, and no line carries article text (offsets only)."""
from __future__ import annotations

import csv
import json
from pathlib import Path

FRESH = Path(__file__).resolve().parents[2] / "eval" / "fresh"
TEXT_KEYS = {"text", "evidence", "quote"}


def _rows() -> dict[tuple[str, str], dict]:
    with (FRESH / "documents.tsv").open(encoding="utf-8", newline="") as f:
        return {(r["set"], r["text"].rsplit("/", 1)[1]): r for r in csv.DictReader(f, delimiter="\t")}


def _gold() -> dict[tuple[str, str], dict]:
    return {(path.name.removesuffix(".gold.jsonl"), line["doc"]): line
            for path in sorted(FRESH.glob("*.gold.jsonl"))
            for line in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_every_gold_line_has_its_document_row_and_no_other_row_exists():
    assert _gold().keys() == _rows().keys()


def test_the_rows_count_the_events_and_claims_of_the_gold():
    rows = _rows()
    for key, line in _gold().items():
        assert (int(rows[key]["events"]), int(rows[key]["claims"])) == (len(line["events"]),
                                                                       len(line.get("claims", []))), key


def test_no_line_holds_article_text():
    for key, line in _gold().items():
        for fact in line["events"] + line.get("claims", []):
            assert not TEXT_KEYS & fact.keys(), key
            assert isinstance(fact["span"], list), key


def test_a_pinned_text_has_its_sha256_and_length_and_an_unpinned_one_neither():
    for key, row in _rows().items():
        if row["sha256"]:
            assert len(row["sha256"]) == 64 and int(row["sha256"], 16) >= 0 and int(row["chars"]) > 0, key
        else:
            assert not row["chars"], key
