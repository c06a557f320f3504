"""resolution.toml loads, carries its provenance and is checked against the shared vocabularies."""
import pytest

from nkwatch.models import Place
from nkwatch.resolve import load_rules
from nkwatch.resolve.features import class_relation, place_relation
from nkwatch.settings import Settings


def test_packaged_rules_have_provenance_and_long_running_events(rules):
    assert {"source", "author", "date", "licence"} <= set(rules.provenance)
    assert [lr.slug for lr in rules.long_running] == ["dprk-troops-russia", "dprk-arms-russia"]
    assert rules.reference_classes <= set(rules.general_classes["ballistic_unspecified"]) | {
        "ballistic_unspecified", "space_launch"}


def test_class_and_place_compatibility(rules):
    assert class_relation("ballistic_unspecified", "icbm", rules) == 0.5
    assert class_relation("irbm", "hypersonic", rules) == 0.7  # symmetric pairs
    assert class_relation("cruise", "srbm", rules) is None
    assert class_relation("other", "cruise", rules) == 0.0
    assert place_relation(Place("Yellow Sea", "sea"), Place("West Sea", "sea"), rules) == 1.0
    assert place_relation(Place("Sinpo", "site"), Place("Sea of Japan", "sea"), rules) == 0.7
    assert place_relation(Place("Nampo", "site"), Place("East Sea", "sea"), rules) == -1.0


def test_unknown_classes_are_refused(tmp_path):
    text = Settings().data_path("resolution.toml").read_text(encoding="utf-8")
    bad = tmp_path / "resolution.toml"
    bad.write_text(text.replace('mlrs = ["srbm"]', 'mlrs = ["rocket"]'), encoding="utf-8")
    with pytest.raises(ValueError, match="rocket"):
        load_rules(path=bad)
