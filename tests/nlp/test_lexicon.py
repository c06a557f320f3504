"""The domain data files: provenance headers, vocabularies that load and agree with the models."""
import csv
import json
import tomllib

import pytest

from nkwatch.models import EVENT_TYPES, WEAPON_CLASSES
from nkwatch.nlp.lexicon import DATA_FILES, load_lexicon
from nkwatch.nlp.phrases import normalize


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_opens_with_provenance(settings, name):
    path = settings.data_path(name)
    text = path.read_text(encoding="utf-8")
    if name.endswith(".toml"):
        prov = tomllib.loads(text)["provenance"]
        assert {"source", "author", "date", "licence"} <= set(prov)
    elif name.endswith(".jsonl"):
        prov = json.loads(text.splitlines()[0])["provenance"]
        assert {"source", "author", "date", "licence"} <= set(prov)
    else:
        head = [ln for ln in text.splitlines() if ln.startswith("#")]
        assert any("Provenance" in ln for ln in head) and any("Licence" in ln for ln in head)
        rows = list(csv.DictReader([ln for ln in text.splitlines() if ln and not ln.startswith("#")]))
        assert rows and all(r["precision"] in ("site", "area", "sea", "country", "undisclosed") for r in rows)


@pytest.fixture(scope="module")
def lex(settings):
    return load_lexicon(settings)


def _weapon(lex, text):
    hits = lex.weapons.find(normalize(text))
    return [(w.name, w.cls) for h in hits for w in h.values if w.kind != "term"]


@pytest.mark.parametrize("text, name, cls", [
    ("the Hwasongpho-17 ICBM", "Hwasong-17", "icbm"),
    ("a Hwasong 17", "Hwasong-17", "icbm"),
    ("two KN-23s", "KN-23", "srbm"),
    ("the Pukguksong-3", "Pukguksong-3", "slbm"),
    ("Hwasongpho-16B", "Hwasong-16B", "irbm"),
    ("the Pulhwasal-3-31", "Pulhwasal-3-31", "cruise"),
    ("the Haeil-2 system", "Haeil", "torpedo_underwater"),
    ("a 240mm multiple rocket launcher", "240mm MLRS", "mlrs"),
    ("strategic cruise missiles", "strategic cruise missile", "cruise"),
    ("a sniper rifle", "sniper rifle", "small_arms"),
    ("the Chollima-1 rocket", "Chollima-1", "space_launch"),
])
def test_weapon_names_normalize(lex, text, name, cls):
    assert (name, cls) in _weapon(lex, text)


@pytest.mark.parametrize("text, cls", [
    ("a short-range ballistic missile", "srbm"), ("an intercontinental ballistic missile", "icbm"),
    ("anti-aircraft missiles", "anti_air"), ("antiair missiles", "anti_air"), ("a nuclear test", "nuclear_test"),
    ("a solid-fuel engine test", "engine_test"), ("a submarine-launched ballistic missile", "slbm"),
    ("howitzers", "artillery"), ("a torpedo", "torpedo_underwater"), ("an anti-tank missile", "anti_tank"),
])
def test_generic_phrases_give_classes(lex, text, cls):
    assert any(c == cls for _, c in _weapon(lex, text))


def test_vocabularies_use_the_models_vocabularies(settings):
    cues = tomllib.loads(settings.data_path("event_cues.toml").read_text())
    assert {c["type"] for c in cues["cue"]} == set(EVENT_TYPES)
    weapons = tomllib.loads(settings.data_path("weapons.toml").read_text())
    assert {w["class"] for w in weapons["weapon"] + weapons["generic"]} <= set(WEAPON_CLASSES)


def test_sources_alias_to_canonical_names(lex):
    def canon(text):
        return [h.values[0].name for h in lex.sources.find(normalize(text))]
    assert canon("South Korea's spy agency") == ["NIS"]
    assert canon("Seoul’s intelligence agency") == ["NIS"]
    assert canon("the Korean Central News Agency") == ["KCNA"]
    assert canon("Kremlin spokesperson Dmitry Peskov") == ["Kremlin", "Kremlin"]


def test_fingerprint_follows_the_data(tmp_path, settings):
    import shutil
    for name in DATA_FILES:
        shutil.copy(settings.data_path(name), tmp_path / name)
    other = settings.with_(data_dir=str(tmp_path))
    before = load_lexicon(other).fingerprint
    with (tmp_path / "weapons.toml").open("a") as f:
        f.write("\n# changed\n")
    assert load_lexicon(other).fingerprint != before
