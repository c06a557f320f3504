"""The cascade loses nothing on real articles: the seeds and the documents of our KCNA dev gold
set extract to exactly the same mentions and claims with the cascade on and off."""
from __future__ import annotations

from pathlib import Path

import pytest

from nkwatch.eval.gold import load_gold
from nkwatch.ingest.clean import BatchCleaning
from nkwatch.models import Document, to_dict
from nkwatch.nlp.extract import Extractor
from nkwatch.pipeline import Pipeline
from nkwatch.settings import Settings

REPO = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.e2e, pytest.mark.model, pytest.mark.slow]


def prepared(folder: Path, only: set[str] | None) -> list[Document]:
    """The documents as ``nkwatch eval`` prepares them (boilerplate found over the whole folder)."""
    pipeline = Pipeline(Settings())
    docs = [d for d in pipeline.read([str(folder)]) if isinstance(d, Document)]
    cleaning = BatchCleaning(docs, pipeline.cleaning_rules)
    return [pipeline.prepare(d, cleaning) for d in docs if only is None or d.name in only]


@pytest.fixture(scope="module")
def extractors() -> tuple[Extractor, Extractor]:
    return Extractor(Settings()), Extractor(Settings(), cascade=False)


@pytest.mark.parametrize("corpus", ["seeds", "kcna"])
def test_cascade_on_and_off_extract_the_same(shared, extractors, corpus):
    only = None if corpus == "seeds" else {g.doc for g in load_gold(REPO / "eval" / "kcna_dev.gold.jsonl")}
    docs = prepared(shared / "corpus" / corpus, only)
    on, off = ([to_dict(e) for e in extractor.extract_many(docs)] for extractor in extractors)
    assert on == off
    assert len(on) == (5 if only is None else len(only))
    assert sum(len(e["mentions"]) for e in on) > 0 and sum(len(e["claims"]) for e in on) > 0
