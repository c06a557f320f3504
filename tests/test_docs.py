"""The README documents every setting (its environment variable) and every command."""
from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from nkwatch.cli import cli
from nkwatch.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme():
    missing = [f.metadata["env"] for f in fields(Settings) if f"`{f.metadata['env']}`" not in README]
    assert missing == []


def test_every_command_is_in_the_readme():
    missing = [name for name in cli.commands if f"nkwatch {name}" not in README]
    assert missing == []
