"""One evaluation run: the pipeline over a folder, scored against a gold file."""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Document, Extraction, ReadError
from ..pipeline import Pipeline
from ..resolve_run import Resolver, resolve_documents
from ..settings import Settings
from .gate import corpus_sha256
from .gold import GoldError, load_gold
from .score import NameTables, score
from .sources import load_place_aliases, load_source_aliases


@dataclass
class Evaluation:
    result: dict[str, Any]
    corpus_sha256: str
    read_errors: list[ReadError]


def predict(pipeline: Pipeline, docs_dir: str | Path, names: Collection[str]
            ) -> tuple[dict[str, tuple[Document, Extraction]], list[ReadError]]:
    """The documents of ``gold_documents`` with their extractions: (name -> (document,
    extraction), read errors)."""
    docs, errors = gold_documents(pipeline, docs_dir, names)
    return {name: (doc, pipeline.extract(doc)) for name, doc in docs.items()}, errors


def gold_documents(pipeline: Pipeline, docs_dir: str | Path, names: Collection[str]
                   ) -> tuple[dict[str, Document], list[ReadError]]:
    """``Pipeline.prepared`` over ``docs_dir`` restricted to the documents in ``names`` (a gold set
    of 50 records in a 2,000-record JSON file prepares 50).

    A name with a folder part ("news/0001.txt", "kcna/kcna_2024.json#5") is read from that
    subfolder of ``docs_dir`` as if the subfolder alone were read (its own repeated-boilerplate
    statistics), so that one gold file can hold documents of several corpora; each document is
    named as the gold names it. Returns (name -> document, read errors)."""
    by_folder: dict[str, set[str]] = {}
    for name in names:
        folder, _, rest = name.rpartition("/") if "/" in name.partition("#")[0] else ("", "", name)
        by_folder.setdefault(folder, set()).add(rest)
    docs: dict[str, Document] = {}
    errors: list[ReadError] = []
    for folder, wanted in sorted(by_folder.items()):
        for item in pipeline.prepared([str(_folder(Path(docs_dir), folder))], only=wanted):
            if isinstance(item, ReadError):
                errors.append(item)
            else:
                item.name = f"{folder}/{item.name}" if folder else item.name
                docs[item.name] = item
    return docs, errors


def name_tables(settings: Settings) -> NameTables:
    """The alias tables scoring compares sources, actors and places through (the project's own)."""
    data = settings.data_path
    return NameTables(load_source_aliases(data("sources.toml")), load_source_aliases(data("actors.toml"), "actor"),
                      load_place_aliases(data("places.csv")))


def _folder(docs_dir: Path, folder: str) -> Path:
    """Where the gold's folder ``folder`` is: under ``docs_dir``, or ``docs_dir`` itself when it is
    that folder (``--docs ../shared/corpus/news`` for names "news/0001.txt"), or beside it (the same
    ``--docs`` for the "kcna/..." records a news gold holds too)."""
    if not folder or (docs_dir / folder).is_dir():
        return docs_dir / folder
    if docs_dir.resolve().name == folder.split("/")[-1] and docs_dir.is_dir():
        return docs_dir
    if docs_dir.is_dir() and (beside := docs_dir.resolve().parent / folder).is_dir():
        return beside
    raise GoldError(f"the gold names documents under {folder}/, which is not a folder of {docs_dir}: "
                    f"give --docs the folder that holds {folder}/")


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
    result = score(gold, predictions, clusters=clusters, names=name_tables(pipeline.settings))
    texts = {name: doc.text for name, (doc, _) in predictions.items()}
    return Evaluation(result, corpus_sha256(gold_path, texts, names), read_errors)
