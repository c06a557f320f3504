"""The quicker attribute ruler and lemmatizer, and NumPy's matrix products (nlp/spacy_speed.py), leave
every token exactly what the stock model leaves (tags, lemmas, parse, entities): compared token by
token on invented sentences and on the seeds."""
from __future__ import annotations

import pytest
import spacy
from threadpoolctl import threadpool_info

from nkwatch.nlp.spacy_speed import FastAttributeRuler, FastLemmatizer, speed_up

pytestmark = pytest.mark.model

INVENTED = [
    "North Korea fired two short-range ballistic missiles into the East Sea on Thursday, the JCS said.",
    "The missiles flew about 600 km (373 miles) at an apogee of 50km, officials said.",
    "Kim Jong Un's sister warned the U.S. and S. Korea wouldn't 'dare' to stage the drills.",
    "He's been testing the Hwasong-18 ICBM, which it calls its 'most powerful' weapon, since Apr. 13.",
    "Seoul's JCS: N.K. fires 10+ rounds; 2,000-3,000 troops; 'wasn't' it? — e-mail us @ news.",
    "  Lines\twith   odd   spacing\n\nand   bullets • like these ... and ALL CAPS HEADLINES",
]


def _rows(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture(scope="module")
def models(settings):
    stock = spacy.load(settings.spacy_model)
    quick = speed_up(spacy.load(settings.spacy_model))
    return stock, quick


def test_the_quick_components_are_in_place(models):
    _, quick = models
    kinds = {type(proc) for _, proc in quick.pipeline}
    assert FastAttributeRuler in kinds and FastLemmatizer in kinds


def test_every_layer_multiplies_with_numpy_on_one_blas_thread(models):
    stock, quick = models
    for nlp, blis in ((stock, True), (quick, False)):
        for name in ("tok2vec", "parser", "ner"):
            assert {layer.ops.use_blis for layer in nlp.get_pipe(name).model.walk()} == {blis}, name
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")


def test_blis_products_keep_the_stock_layers(settings):
    nlp = speed_up(spacy.load(settings.spacy_model, exclude=["ner"]), products="blis")
    assert {layer.ops.use_blis for layer in nlp.get_pipe("parser").model.walk()} == {True}


def test_every_token_gets_the_same_values_on_invented_text(models):
    stock, quick = models
    for text in INVENTED:
        assert _rows(quick(text)) == _rows(stock(text)), text


@pytest.mark.e2e
def test_every_token_gets_the_same_values_on_the_seeds(models, shared):
    stock, quick = models
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]
    assert texts
    for text in texts:
        assert _rows(quick(text)) == _rows(stock(text))
