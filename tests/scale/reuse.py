"""Run another folder's test module again under this folder's fixtures (e.g. the CLI tests
against PostgreSQL): its tests and fixtures are adopted into the calling module, where fixtures
defined afterwards override the adopted ones."""
from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

from _pytest.fixtures import getfixturemarker

TESTS = Path(__file__).resolve().parents[1]


def adopt(namespace: dict, path: Path, skip: frozenset[str] = frozenset()) -> None:
    """Add the test functions and fixtures of the module at ``path`` (except those in ``skip``)
    to ``namespace``; a name already bound to something else there is an error, not a shadow."""
    module = _load(path)
    for name, obj in vars(module).items():
        if name in skip or not (name.startswith("test") and callable(obj) or getfixturemarker(obj)):
            continue
        if namespace.get(name, obj) is not obj:
            raise RuntimeError(f"{path.name}: {name} is already defined by another adopted module")
        namespace[name] = obj


def _load(path: Path):
    """The module at ``path``: imported under its package (tests/ is on sys.path, through
    tests/conftest.py) when its folder is one, so that its relative imports work; else by path."""
    if (path.parent / "__init__.py").exists():
        return importlib.import_module(f"{path.parent.name}.{path.stem}")
    module_name = f"adopted_{path.parent.name}_{path.stem}"
    module = sys.modules.get(module_name)
    if module is None:
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # dataclasses look their module up while it is executing
        spec.loader.exec_module(module)
    return module
