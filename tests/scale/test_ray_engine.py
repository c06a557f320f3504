"""Extraction as Ray actors on a local Ray (two CPUs): the sequential results, in input order."""
from __future__ import annotations

import pytest

from nkwatch.engines import extract_stream
from nkwatch.models import to_dict
from nkwatch.nlp.extract import Extractor
from nkwatch.settings import Settings

from .articles import documents

pytestmark = [pytest.mark.ray, pytest.mark.model]


def test_ray_actors_equal_one_process_in_input_order(local_ray):
    settings = Settings()
    extractor = Extractor(settings)
    docs = documents()
    expected = [to_dict(extractor.extract(doc)) for doc in docs]
    results = list(extract_stream(docs, settings, engine="ray", workers=2))
    assert [d.name for d, _ in results] == [d.name for d in docs]
    assert [to_dict(r) for _, r in results] == expected
    assert any(r["mentions"] for r in expected)
    assert local_ray.is_initialized()  # the engine leaves a Ray it did not start running
