"""Extraction on generated articles (sentences of ../shared's news in any order, repeated, after
wire datelines, with noise; any publication date or none): it never raises, and every fact it
gives points into the text, once stored (``duplicates.merge_duplicates``)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from nkwatch.duplicates import merge_duplicates
from nkwatch.ingest.sentences import sentence_spans
from nkwatch.models import Document
from nkwatch.pipeline import Pipeline
from nkwatch.settings import Settings

pytestmark = [pytest.mark.model, pytest.mark.e2e]

NEWS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "news"
PIPELINE = Pipeline(Settings())
DATELINES = ["SEOUL, South Korea \u2014 ", "Pyongyang, October 31 (KCNA) -- ", "SEOUL, Feb. 26 (Yonhap) -- ",
             "TOKYO (AP) \u2014 ", ""]


def corpus_sentences() -> list[str]:
    out = []
    for path in sorted(NEWS.glob("*.txt"))[:60]:
        doc = PIPELINE.prepare(Document(name=path.name, text=path.read_text(encoding="utf-8")))
        for span in doc.kept:
            out += [doc.text[s.start:s.end] for s in sentence_spans(doc.text, span, PIPELINE.cleaning_rules.abbreviations)]
    return out


SENTENCES = corpus_sentences()
LINES = st.builds(lambda dateline, sents: dateline + " ".join(sents), st.sampled_from(DATELINES),
                  st.lists(st.one_of(st.sampled_from(SENTENCES), st.text(max_size=30)), min_size=1, max_size=4))
DATES = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)))


@given(st.lists(LINES, min_size=1, max_size=6), DATES)
def test_extraction_never_raises(lines, published):
    text = "\n".join(lines + lines[:1])  # the lead again at the end
    doc = PIPELINE.prepare(Document(name="x.txt", text=text, published=published,
                                    published_method="header" if published else "unknown"))
    extraction = merge_duplicates(PIPELINE.extract(doc), text)
    facts = [*extraction.mentions, *extraction.claims]
    assert all(0 <= f.evidence.start < f.evidence.end <= len(text) for f in facts)
    assert len({f.id for f in facts}) == len(facts)
