"""Chunking and in-order collection shared by the engines (no model, no workers)."""
from __future__ import annotations

from nkwatch.engines.batching import chunked, extract_chunk, ordered
from nkwatch.models import Document, Extraction


def docs(n: int) -> list[Document]:
    return [Document(name=f"{i}.txt", text=f"Text {i}.") for i in range(n)]


def test_chunked():
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []


def test_ordered_keeps_input_order_and_bounds_what_is_in_flight():
    submitted, in_flight = [], []

    def submit(chunk):
        submitted.append(chunk)
        in_flight.append(len(submitted) - collected[0])
        return [d.name.upper() for d in chunk]

    collected = [0]

    def collect(handle):
        collected[0] += 1
        return handle

    out = list(ordered(chunked(docs(7), 2), submit, collect, inflight=2))
    assert [(d.name, r) for d, r in out] == [(f"{i}.txt", f"{i}.TXT") for i in range(7)]
    assert max(in_flight) == 2


def test_a_failed_chunk_fails_only_its_documents():
    def collect(handle):
        if handle == 1:
            raise RuntimeError("worker died")
        return ["ok"] * 2

    handles = iter(range(3))
    out = list(ordered(chunked(docs(6), 2), lambda chunk: next(handles), collect, inflight=1))
    assert [r if isinstance(r, str) else type(r).__name__ for _, r in out] == [
        "ok", "ok", "RuntimeError", "RuntimeError", "ok", "ok"]


class FlakyExtractor:
    """Fails a whole batch when it holds a 'bad' text, and that document alone when single."""

    def extract(self, doc):
        if "bad" in doc.text:
            raise ValueError(f"cannot read {doc.name}")
        return Extraction(doc=doc.hash, pipeline_version="v")

    def extract_many(self, batch):
        return [self.extract(d) for d in batch]


def test_extract_chunk_isolates_the_failing_document():
    batch = [Document(name="a", text="good"), Document(name="b", text="bad"), Document(name="c", text="fine")]
    out = extract_chunk(FlakyExtractor(), batch)
    assert [type(o).__name__ for o in out] == ["Extraction", "ValueError", "Extraction"]
    assert [o.doc for o in out if isinstance(o, Extraction)] == [batch[0].hash, batch[2].hash]
