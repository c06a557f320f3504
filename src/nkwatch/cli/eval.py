"""``nkwatch eval``: score extraction against a gold file; check or update the evaluation gate."""
from __future__ import annotations

import click

from ..eval.gate import (BaselineError, check_baseline, entry_paths, load_baseline, new_floors,
                         relative_to_baseline, save_baseline)
from ..eval.gold import GoldError
from ..eval.report import print_report, print_sets
from ..eval.run import evaluate
from ..pipeline import Pipeline
from .output import cli_console, print_json


@click.command("eval")
@click.option("--gold", "gold_path", type=click.Path(exists=True, dir_okay=False),
              help="Gold JSONL file (default: the baseline entry's).")
@click.option("--docs", "docs_dir", type=click.Path(exists=True),
              help="Folder of the documents the gold names (default: the baseline entry's).")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@click.option("--per-doc", is_flag=True, help="Add a table of figures per document.")
@click.option("--errors", is_flag=True, help="Add a table of false positives, misses and wrong dates/arguments.")
@click.option("--baseline", "baseline_path", default="eval/baseline.json", show_default=True,
              type=click.Path(dir_okay=False), help="Baseline file of the evaluation gate.")
@click.option("--check-baseline", "check_name", metavar="NAME",
              help="Exit 1 when a metric is below its floor in baseline entry NAME.")
@click.option("--update-baseline", "update_name", metavar="NAME",
              help="Write the current figures as the floors of baseline entry NAME.")
@click.option("--allow-lower", is_flag=True, help="With --update-baseline: allow floors to go down.")
@click.option("--no-cascade", is_flag=True,
              help="Parse every block of kept text, not only those that can yield an event or a claim "
                   "(slower; the results must be the same).")
@click.pass_obj
def eval_cmd(settings, gold_path, docs_dir, as_json, per_doc, errors, baseline_path, check_name,
             update_name, allow_lower, no_cascade) -> None:
    """Score extraction of the documents in --docs against --gold (rules: shared/eval/README.md).
    Without --gold, --docs or a baseline entry: every entry of the baseline (seeds, KCNA dev, news
    dev and test), one row each, with its gate."""
    if check_name and update_name:
        raise click.UsageError("use --check-baseline or --update-baseline, not both")
    if allow_lower and not update_name:
        raise click.UsageError("--allow-lower goes with --update-baseline")
    name = check_name or update_name
    if not (gold_path or docs_dir or name):
        _every_entry(settings, baseline_path, as_json, no_cascade)
        return
    try:
        baseline = load_baseline(baseline_path) if name else {}
        entry = baseline.get(name, {}) if name else {}
        if check_name and check_name not in baseline:
            raise click.ClickException(f"no entry {check_name!r} in {baseline_path}")
        if not (gold_path and docs_dir) and entry:
            gold_default, docs_default = entry_paths(baseline_path, entry)
            gold_path, docs_dir = gold_path or gold_default, docs_dir or docs_default
        if not (gold_path and docs_dir):
            raise click.UsageError("--gold and --docs are required (or a baseline entry that names them)")
        run = evaluate(Pipeline(settings, cascade=not no_cascade), gold_path, docs_dir)
    except (GoldError, BaselineError, OSError) as exc:
        raise click.ClickException(str(exc)) from None

    result = dict(run.result, corpus_sha256=run.corpus_sha256,
                  read_errors=[str(e) for e in run.read_errors])
    failed = False
    if check_name:
        gate = check_baseline(entry, run.result, run.corpus_sha256)
        result["gate"] = {"name": check_name, "ok": gate.ok, "messages": gate.messages}
        failed = not gate.ok
    if update_name:
        floors, lowered = new_floors(entry.get("floors") or {}, run.result)
        refused = bool(lowered) and not allow_lower
        if not refused:
            baseline[update_name] = {**entry, "gold": relative_to_baseline(baseline_path, gold_path),
                                     "docs": relative_to_baseline(baseline_path, docs_dir),
                                     "corpus_sha256": run.corpus_sha256, "floors": floors}
            save_baseline(baseline_path, baseline)
        messages = ([f"would lower {m}" for m in lowered] + ["refused: pass --allow-lower to lower floors"]
                    if refused else [f"{len(floors)} floors written to {baseline_path}"]
                    + [f"lowered {m}" for m in lowered])
        result["gate"] = {"name": update_name, "ok": not refused, "messages": messages}
        failed = refused

    if as_json:
        print_json(result)
    else:
        console = cli_console()
        print_report(run.result, console, per_doc=per_doc, errors=errors)
        if run.read_errors:
            shown = run.read_errors if errors else run.read_errors[:3]
            console.print(f"[yellow]{len(run.read_errors)} items in --docs could not be read[/]"
                          + ("" if errors else " (all with --errors)"))
            for err in shown:
                console.print(f"  {err}", markup=False, highlight=False)
        if "gate" in result:
            gate = result["gate"]
            style = "green" if gate["ok"] else "red"
            for message in gate["messages"]:
                console.print(f"[{style}]gate {gate['name']}:[/] ", end="")
                console.print(message, markup=False, highlight=False)
    if failed:
        raise SystemExit(1)


def _every_entry(settings, baseline_path: str, as_json: bool, no_cascade: bool) -> None:
    """Every entry of the baseline scored and gated, one row each; exit 1 when a gate fails."""
    try:
        baseline = load_baseline(baseline_path)
        if not baseline:
            raise click.UsageError(f"no --gold/--docs and no entries in {baseline_path}")
        pipeline = Pipeline(settings, cascade=not no_cascade)
        results = {}
        for name, entry in baseline.items():
            gold, docs = entry_paths(baseline_path, entry)
            run = evaluate(pipeline, gold, docs)
            gate = check_baseline(entry, run.result, run.corpus_sha256)
            results[name] = {**run.result, "gate": {"name": name, "ok": gate.ok, "messages": gate.messages}}
    except (GoldError, BaselineError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        print_json(results)
    else:
        print_sets(results, cli_console())
    if not all(r["gate"]["ok"] for r in results.values()):
        raise SystemExit(1)


commands = [eval_cmd]
