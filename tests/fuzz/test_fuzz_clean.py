"""Cleaning and dating on generated text: kept and boilerplate spans always map back to the
original text (in bounds, trimmed, disjoint, everything else whitespace), the text is never
changed, and a publication date is a real one or none."""
from __future__ import annotations

from datetime import date

from hypothesis import example, given, strategies as st

from nkwatch.ingest.clean import BatchCleaning, clean_document, load_rules
from nkwatch.ingest.pubdate import date_document
from nkwatch.models import Document, Span
from nkwatch.settings import Settings

RULES = load_rules(Settings())
# Pieces the rules look for (captions, credits, appeals, markers, headers, datelines) and line
# breaks of every kind str.splitlines knows.
PIECES = ["open image in gallery", "(AFP via Getty Images)", "(KCNA VIA KNS)", "-0-", " date 2024-05-10 ",
          "Read more:", "Support independent journalism", "donate", "subscribe", "This comes as", "Related:",
          "North Korea fired a missile on Friday, March 21, 2025.", "Saturday's test", "on Friday", "February 30, 2025", "Friday, 29 February 2023", "March 0, 0000",
          "31st of June 2024", "9999", "December 31, 9999", "Sept. 31 2024", "U.S.", "a.m.", "Dr.",
          "SEOUL, Feb. 26 (Yonhap) --", "—", "“", "”", "...", ".", "?", "!", " ", "  ", "\t", "\n", "\n\n",
          "\r\n", "\r", "\v", "\f", "\x1c", "\x85", "\u2028", "\u00a0", "\u3000"]
LINE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=12).map("".join)
TEXTS = st.lists(LINE, min_size=1, max_size=8).map("\n".join)


def check_spans(doc: Document, text: str) -> None:
    assert doc.text == text
    spans = sorted([*doc.kept, *(b.span for b in doc.boilerplate)])
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        piece = text[span.start:span.end]
        assert piece == piece.strip(), piece  # trimmed
    assert doc.kept == sorted(doc.kept)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start, (a, b)  # disjoint
    covered = [False] * len(text)
    for span in spans:
        covered[span.start:span.end] = [True] * (span.end - span.start)
    assert all(c or ch.isspace() for c, ch in zip(covered, text))


@given(TEXTS, st.lists(TEXTS, max_size=3))
@example("Headline\nSEOUL, Feb. 26 (Yonhap) -- North Korea fired.\x1cAnother line\u2028(AFP via Getty Images)", [])
def test_cleaning_spans_map_back_to_the_original_text(text, others):
    docs = [Document(name=f"d{i}.txt", text=t) for i, t in enumerate([text, *others, text])]
    cleaning = BatchCleaning(docs, RULES)
    cleaned = cleaning.clean(docs[0])
    assert cleaned == clean_document(docs[0], RULES, cleaning.repeated)  # the batch's cleaning kept is the same
    check_spans(cleaned, text)
    dated = date_document(cleaned)
    assert dated.text == text and dated.kept == cleaned.kept
    assert dated.published is None or isinstance(dated.published, date)
    assert all(isinstance(s, Span) for s in dated.kept)
