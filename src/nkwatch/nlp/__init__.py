"""Extraction: cleaned documents -> event mentions and attributed claims, each with its evidence.

Entry point: ``nkwatch.nlp.extract.Extractor(settings)``. Domain knowledge comes from the data files
(``lexicon``); spaCy is used only in ``spacy_pipeline`` and read only by ``records.sentences_from_spacy``;
the temporal tagger lives in ``timex``."""
