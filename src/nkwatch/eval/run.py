"""One evaluation run: the pipeline over a folder, scored against a gold file."""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Document, Extraction, ReadError
from ..pipeline import Pipeline
from ..resolve_run import Resolver, resolve_documents
from .gate import corpus_sha256
from .gold import load_gold
from .score import score
from .sources import load_source_aliases


@dataclass
class Evaluation:
    result: dict[str, Any]
    corpus_sha256: str
    read_errors: list[ReadError]


def predict(pipeline: Pipeline, docs_dir: str | Path, names: Collection[str]
            ) -> tuple[dict[str, tuple[Document, Extraction]], list[ReadError]]:
    """``Pipeline.analyze`` over ``docs_dir`` restricted to the documents in ``names``
    (a gold set of 50 records in a 2,000-record JSON file costs 50 extractions).
    Returns (name -> (document, extraction), read errors)."""
    predictions: dict[str, tuple[Document, Extraction]] = {}
    errors: list[ReadError] = []
    for item in pipeline.analyze([str(docs_dir)], only=set(names)):
        if isinstance(item, ReadError):
            errors.append(item)
        else:
            predictions[item[0].name] = item
    return predictions, errors


def evaluate(pipeline: Pipeline, gold_path: str | Path, docs_dir: str | Path,
             clusters: Mapping[str, str] | None = None) -> Evaluation:
    """Score the pipeline's extractions of the documents in ``docs_dir`` against ``gold_path``.

    ``clusters`` (Mention.id -> canonical event id) defaults to resolving every predicted mention
    in memory, documents in publication-date order (``resolve_run.resolve_documents``)."""
    gold = load_gold(gold_path)
    names = [g.doc for g in gold]
    predictions, read_errors = predict(pipeline, docs_dir, names)
    if clusters is None:
        resolution = resolve_documents(predictions.values(), Resolver.load(pipeline.settings))
        clusters = resolution.assignments
    aliases = load_source_aliases(pipeline.settings.data_path("sources.toml"))
    result = score(gold, predictions, clusters=clusters, sources=aliases)
    texts = {name: doc.text for name, (doc, _) in predictions.items()}
    return Evaluation(result, corpus_sha256(gold_path, texts, names), read_errors)
