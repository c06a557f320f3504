"""The CI evaluation gate: every entry of eval/baseline.json holds its floors on its corpus."""
from pathlib import Path

import pytest

from nkwatch.eval.gate import check_baseline, entry_paths, load_baseline
from nkwatch.eval.run import evaluate
from nkwatch.pipeline import Pipeline
from nkwatch.settings import Settings

BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"
ENTRIES = load_baseline(BASELINE)


def test_baseline_file_is_well_formed():
    assert {"seeds", "kcna_dev"} <= set(ENTRIES)
    for name, entry in ENTRIES.items():
        assert {"gold", "docs", "corpus_sha256", "floors"} <= set(entry), name
        assert all(isinstance(v, (int, float)) for v in entry["floors"].values()), name


@pytest.fixture(scope="module")
def pipeline():
    """One pipeline (one model load) for every entry."""
    return Pipeline(Settings.from_env())


@pytest.mark.e2e
@pytest.mark.model
@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_gate(name, pipeline, shared):
    entry = ENTRIES[name]
    if not entry["floors"]:
        pytest.skip(f"no floors set for {name} in eval/baseline.json")
    gold, docs = entry_paths(BASELINE, entry)
    run = evaluate(pipeline, gold, docs)
    gate = check_baseline(entry, run.result, run.corpus_sha256)
    print(f"{name}: events.f1 {run.result['events']['f1']}; " + "; ".join(gate.messages))
    assert gate.ok, f"{name}: " + "; ".join(gate.messages)
