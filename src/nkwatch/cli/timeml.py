"""``nkwatch timeml``: re-annotate TimeML documents with the temporal tagger and score it
(TempEval-3 Task A)."""
from __future__ import annotations

import click
from rich.table import Table

from ..nlp.timex import TimexTagger
from ..timeml import NOTATIONS, annotate_dir, evaluate
from .output import cli_console, print_json

COLUMNS = (("strict_f1", "strict F1"), ("relaxed_precision", "rel P"), ("relaxed_recall", "rel R"),
           ("relaxed_f1", "rel F1"), ("type_accuracy", "type acc"), ("value_accuracy", "val acc"),
           ("value_f1", "value F1"), ("value_f1_canonical", "val F1 canon."))


notation_option = click.option(
    "--notation", type=click.Choice(sorted(NOTATIONS)), default="timeml", show_default=True,
    help="Write values in another corpus's notation: 'tweets' = the tweets corpus's weekday, year and "
         "week forms (2015-03-13-WXX-5, 2014-XX-XX, 2013-10-W41). Same expressions, same days.")


@click.group("timeml")
def timeml() -> None:
    """TimeML documents: annotate them with our TIMEX3 tags, score against their gold tags."""


@timeml.command("annotate")
@click.argument("gold_dir", type=click.Path(exists=True))
@click.argument("out_dir", type=click.Path(file_okay=False))
@notation_option
@click.pass_obj
def annotate_cmd(settings, gold_dir: str, out_dir: str, notation: str) -> None:
    """Write each .tml of GOLD_DIR to OUT_DIR with its TIMEX3 tags replaced by ours."""
    written = annotate_dir(gold_dir, out_dir, TimexTagger(settings), notation)
    click.echo(f"{len(written)} documents written to {out_dir}")


@timeml.command("eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True),
              help="Folder of gold .tml files (searched recursively; subfolders reported apart).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--errors", is_flag=True, help="List missed, spurious and wrongly normalized expressions.")
@notation_option
@click.pass_obj
def eval_cmd(settings, gold_dir: str, as_json: bool, errors: bool, notation: str) -> None:
    """Annotate the gold documents in memory and score as TempEval-3 Task A."""
    result = evaluate(gold_dir, TimexTagger(settings), errors=errors, notation=notation)
    result["notation"] = notation
    if as_json:
        print_json(result)
        return
    console = cli_console(min_width=130)
    shown = "" if notation == "timeml" else f", values in the {notation} notation"
    table = Table(title=f"TIMEX3 against {gold_dir} (TempEval-3 Task A{shown})")
    table.add_column("set")
    for _, label in COLUMNS:
        table.add_column(label, justify="right")
    for label in ("gold", "system", "matched"):
        table.add_column(label, justify="right")
    rows = list(result["folders"].items()) if len(result["folders"]) > 1 else []
    for name, s in rows + [("total", result["total"])]:
        table.add_row(name, *(f"{s[k]:.2f}" for k, _ in COLUMNS),
                      str(s["gold"]), str(s["system"]), str(s["matched"]))
    console.print(table)
    by_type = Table(title="by TIMEX3 type (total)")
    for col in ("type", "gold", "system", "matched"):
        by_type.add_column(col, justify="right" if col != "type" else "left")
    for name, c in result["total"]["by_type"].items():
        by_type.add_row(name, str(c["gold"]), str(c["system"]), str(c["matched"]))
    console.print(by_type)
    if errors:
        for e in result["total"]["errors"]:
            console.print(e, markup=False, highlight=False)


commands = [timeml]
