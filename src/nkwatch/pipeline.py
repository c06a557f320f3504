"""The main cascade: read -> clean -> date -> language -> extract. Each step is a function of its own module;
this file only strings them together (see DESIGN.md "Flow")."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Collection, Iterable, Iterator

from .models import Document, Extraction, ReadError
from .settings import Settings

if TYPE_CHECKING:
    from .ingest.clean import BatchCleaning


@dataclass
class Pipeline:
    """Loaded resources for one run (rules, gazetteers, spaCy model), built once and passed along.
    ``cascade``: the extractor parses only what can yield (results are the same either way)."""
    settings: Settings = field(default_factory=Settings.from_env)
    cascade: bool = True

    @cached_property
    def cleaning_rules(self):
        from .ingest.clean import load_rules
        return load_rules(self.settings)

    @cached_property
    def extractor(self):
        from .nlp.extract import Extractor
        return Extractor(self.settings, cascade=self.cascade)

    @property
    def version(self) -> str:
        return self.extractor.version

    def prepare(self, doc: Document, cleaning: BatchCleaning | None = None) -> Document:
        """Clean (kept spans), date and tell the language of one document; ``cleaning``: that of the
        batch it was read in (which knows the sentences repeated across it), else it is cleaned alone."""
        from .ingest.clean import clean_document
        from .ingest.language import detect_language
        from .ingest.pubdate import date_document
        cleaned = cleaning.clean(doc) if cleaning else clean_document(doc, self.cleaning_rules)
        return detect_language(date_document(cleaned))

    def extract(self, doc: Document) -> Extraction:
        return self.extractor.extract(doc)

    def extract_many(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        """Extract documents together (one spaCy pass over a batch of them), in order; a
        subclass that replaces ``extract`` replaces this too."""
        return self.extractor.extract_many(docs)

    def read(self, paths: Iterable[str]) -> Iterator[Document | ReadError]:
        from .ingest import read_paths
        return read_paths(paths, self.settings)

    def prepared(self, paths: Iterable[str], only: Collection[str] | None = None
                 ) -> Iterator[Document | ReadError]:
        """Read and prepare (clean, date) every document under ``paths``. Every document read counts
        for the repeated-boilerplate statistics; with ``only`` (a set of Document.name), only those
        documents are prepared."""
        from .ingest.clean import BatchCleaning
        items = list(self.read(paths))
        cleaning = BatchCleaning([d for d in items if isinstance(d, Document)], self.cleaning_rules)
        for item in items:
            if isinstance(item, ReadError):
                yield item
            elif only is None or item.name in only:
                yield self.prepare(item, cleaning)

    def analyze(self, paths: Iterable[str], only: Collection[str] | None = None
                ) -> Iterator[tuple[Document, Extraction] | ReadError]:
        """``prepared``, each document with its extraction (no store involved)."""
        for item in self.prepared(paths, only):
            yield item if isinstance(item, ReadError) else (item, self.extract(item))
