"""The language a document is written in (``Document.meta[TEXT_LANGUAGE]``, an ISO 639 code), found by
py3langid over the text cleaning kept; extraction reads only the languages of the ``languages``
setting and names the others as not read (``Extraction.not_read``).

py3langid (a maintained fork of langid.py; trafilatura's own language filter uses it) ships its model
inside the package: nothing is downloaded. Its probabilities are normalised; a language is taken
only when it is sure of it (``CONFIDENCE``) over enough letters (``MIN_LETTERS``): a short or mixed
text gets none, and a document with none is read.

Most of what nkwatch reads is English, and loading the model costs 0.7 s and 145 MB at its peak: a
text in which spaCy's English stop words make ``ENGLISH_SHARE`` of the words is English without it
(every English text of the seeds, news and fresh corpora: 0.21 or more; the Spanish, French, German,
Tagalog, Arabic and Vietnamese pages of eval/fresh: 0.08 or less)."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..models import TEXT_LANGUAGE, Document

MIN_LETTERS = 60
CONFIDENCE = 0.9
ENGLISH_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier():
    from pathlib import Path

    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_modelpath(Path(MODEL_DIR) / MODEL_FILE, norm_probs=True)


def language_of(text: str) -> str | None:
    """The language ``text`` is written in, or None when it is too short or the model is unsure."""
    words = _WORD.findall(text.lower())
    if sum(map(len, words)) < MIN_LETTERS:
        return None
    if sum(w in STOP_WORDS for w in words) >= ENGLISH_SHARE * len(words):
        return "en"
    code, probability = _identifier().classify(text)
    return str(code) if probability >= CONFIDENCE else None


def detect_language(doc: Document) -> Document:
    """Record the language of the kept text in ``doc.meta[TEXT_LANGUAGE]`` (left out when unknown; what a
    reader declared, an HTML page's "language", is left as it is)."""
    text = "\n".join(doc.text[s.start:s.end] for s in doc.kept) if doc.kept else doc.text
    if lang := language_of(text):
        doc.meta[TEXT_LANGUAGE] = lang
    else:
        doc.meta.pop(TEXT_LANGUAGE, None)
    return doc

