"""The readers over the shared corpus: the seed crawl files and the KCNA JSON dump."""
from __future__ import annotations

import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from nkwatch.ingest import read_paths
from nkwatch.models import Document, ReadError
from nkwatch.settings import Settings

SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared").resolve()
SEEDS = SHARED / "corpus" / "seeds"
KCNA = SHARED / "corpus" / "kcna" / "kcna_2024.json"

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module", autouse=True)
def _shared_present():
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing beside the checkout ({SHARED})")


def test_seeds():
    docs = list(read_paths([str(SEEDS)], Settings()))
    assert all(isinstance(d, Document) for d in docs)
    assert len(docs) == 5
    for doc in docs:  # byte-exact text: gold offsets point into it
        assert doc.text == (SEEDS / doc.name).read_bytes().decode("utf-8")
    dated = {d.name[:3]: d.published for d in docs if d.published_method == "header"}
    assert dated == {"000": date(2025, 4, 6), "002": date(2025, 4, 28), "003": date(2025, 2, 28)}
    assert all(d.published is None for d in docs if d.published_method == "unknown")


def test_kcna_json():
    start = time.perf_counter()
    items = list(read_paths([str(KCNA)], Settings()))
    elapsed = time.perf_counter() - start
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert (len(items), len(docs), len(errors)) == (2111, 1862, 249)
    assert Counter(e.reason for e in errors) == {"no text (empty story_text)": 249}
    assert all(d.title and d.url and d.published_method == "metadata" for d in docs)
    assert all(d.published.isoformat() == d.meta["date_str"] for d in docs)
    assert len({d.name for d in docs}) == len(docs)
    assert elapsed < 2.0
