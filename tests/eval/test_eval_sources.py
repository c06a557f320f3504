"""Source names: possessives, punctuation, containment either way, the alias table."""
import pytest

from nkwatch.eval.sources import load_source_aliases, same_source, source_found, words


def test_words():
    assert words("South Korea's military") == ("south", "korea", "military")
    assert words("Ukrainian officials'") == ("ukrainian", "officials")
    assert words("the U.S. Forces Korea") == ("the", "us", "forces", "korea")


@pytest.mark.parametrize("gold, predicted", [
    ("South Korea's military", "South Korea"),
    ("South Korea", "South Korea's military"),
    ("KCNA", "kcna"),
    ("U.S. officials", "US officials"),
    ("Ukrainian officials", "Ukrainian officials’"),
])
def test_same_source_by_string_rules(gold, predicted):
    assert same_source(gold, predicted)


@pytest.mark.parametrize("gold, predicted", [
    ("US officials", "Russia"),       # "us" is not a word of "russia"
    ("KCNA", "Korean Central News Agency"),   # needs the alias table
    ("South Korea's military", "North Korea"),
])
def test_different_sources(gold, predicted):
    assert not same_source(gold, predicted)


def test_alias_table(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('# provenance: test\n'
                    '[[source]]\nname = "KCNA"\naliases = ["Korean Central News Agency", "state media"]\n'
                    '[[source]]\nname = "TASS"\naliases = ["Russian state media"]\n'
                    '[[source]]\nname = "JCS"\naliases = ["Joint Chiefs of Staff"]\n', encoding="utf-8")
    aliases = load_source_aliases(path)
    assert aliases.canonical("South Korea's Joint Chiefs of Staff") == {"JCS"}
    assert same_source("KCNA", "Korean Central News Agency", aliases)
    assert same_source("North Korean state media", "KCNA", aliases)
    assert same_source("South Korea's Joint Chiefs of Staff", "JCS", aliases)
    # the longest alias decides: Russian state media is TASS, not KCNA's "state media"
    assert not same_source("Russian state media", "KCNA", aliases)
    assert same_source("Russian state media", "TASS", aliases)
    assert not same_source("JCS", "KCNA", aliases)
    assert source_found("KCNA", ["Yonhap", "Korean Central News Agency"], aliases)
    assert not source_found("KCNA", [], aliases)


def test_project_alias_table_loads():
    from nkwatch.settings import Settings
    aliases = load_source_aliases(Settings().data_path("sources.toml"))
    if not aliases.entities:
        pytest.skip("data/sources.toml not written yet")
    assert aliases.canonical("Korean Central News Agency") == {"KCNA"}


def test_absent_alias_table(tmp_path):
    aliases = load_source_aliases(tmp_path / "missing.toml")
    assert not same_source("KCNA", "Korean Central News Agency", aliases)
