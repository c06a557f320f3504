"""nkwatch as a package: a wheel built from the checkout declares the dependencies of pyproject
(ranges) and carries the data, templates, static files and migrations; ``pip install`` of the
checkout into a fresh virtual environment (no system site-packages, dependencies resolved and
installed from the configured indexes and pip's cache, never ``--no-deps``) gives a working
``nkwatch`` command and ``python -m nkwatch``; every pin of requirements.txt falls in those ranges."""
from __future__ import annotations

import subprocess
import sys
import tomllib
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement

pytestmark = [pytest.mark.slow]

REPO = Path(__file__).resolve().parents[1]


def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def run(*args: str | Path, timeout: int = 900) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, REPO)  # our wheel alone
    (built,) = out.glob("nkwatch-*.whl")
    return built


def test_the_wheel_declares_the_dependencies_and_carries_its_files(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(z.read(meta_name).decode())
        entry_points = z.read(meta_name.replace("METADATA", "entry_points.txt")).decode()
    declared = pyproject()["project"]["dependencies"]
    required = [r for r in metadata.get_all("Requires-Dist") if "extra ==" not in r]
    assert sorted(map(str, map(Requirement, required))) == sorted(map(str, map(Requirement, declared)))
    assert "nkwatch = nkwatch.cli:main" in entry_points
    for path in ["nkwatch/__main__.py", "nkwatch/data/names.toml", "nkwatch/data/plover.toml",
                 "nkwatch/data/acled.toml", "nkwatch/data/landmarks.toml", "nkwatch/data/timex/rules.toml",
                 "nkwatch/web/templates/timeline.html", "nkwatch/web/static/map.js",
                 "nkwatch/store/migrations/versions/0009_timeline_day.py", "nkwatch/store/migrations/env.py"]:
        assert path in names, path


def test_requirements_pins_fall_in_the_declared_ranges():
    declared = {Requirement(r).name.lower(): Requirement(r)
                for r in [*pyproject()["project"]["dependencies"],
                          *(d for extra in pyproject()["project"]["optional-dependencies"].values() for d in extra)]}
    pins = [Requirement(line.split("#")[0].strip()) for line in
            (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines() if line.split("#")[0].strip()]
    for pin in pins:
        assert pin.name.lower() in declared, f"{pin.name} is pinned but not declared in pyproject"
        (version,) = [s.version for s in pin.specifier]
        assert declared[pin.name.lower()].specifier.contains(version), f"{pin} outside {declared[pin.name.lower()]}"
    assert {p.name.lower() for p in pins} == set(declared)


def test_pip_install_of_the_checkout_in_a_fresh_venv_runs_nkwatch(tmp_path):
    env = tmp_path / "venv"
    venv.create(env, with_pip=True, system_site_packages=False)
    python, nkwatch = env / "bin" / "python", env / "bin" / "nkwatch"
    # every dependency resolved and installed (from the warm cache); no bytecode compiled for them
    run(python, "-m", "pip", "install", "-q", "--no-compile", "--disable-pip-version-check", REPO)
    assert "Usage: nkwatch" in run(nkwatch, "--help").stdout
    assert "ingest" in run(python, "-m", "nkwatch", "--help").stdout
    shown = run(python, "-c", "import nkwatch.web.app, nkwatch.export, importlib.metadata as m; "
                              "print(m.version('nkwatch'), m.version('spacy'), m.version('fastapi'))").stdout.split()
    assert shown[0] == "0.1.0" and shown[1].startswith("3.8.")
