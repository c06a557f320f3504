"""The package's import layers (pyproject.toml, [tool.importlinter]): imports point down, no loops."""
from __future__ import annotations

from pathlib import Path

from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _lint(config: Path) -> int:
    return lint_imports(config_filename=str(config), no_cache=True, no_logo=True)


def test_imports_point_down_the_layers():
    assert _lint(PYPROJECT) == 0


def test_the_check_fails_on_an_import_that_points_up(tmp_path):
    # two of the layers swapped: the CLI imports the store, so a store above the CLI breaks the contract
    swapped = ["nkwatch.store", "nkwatch.cli"]
    config = tmp_path / "layers.ini"
    config.write_text("[importlinter]\nroot_package = nkwatch\n\n[importlinter:contract:swapped]\n"
                      "name = swapped\ntype = layers\nlayers =\n    " + "\n    ".join(swapped) + "\n")
    assert _lint(config) == 1
