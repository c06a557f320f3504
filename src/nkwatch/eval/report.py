"""Score results as readable tables (rich); the JSON form is the result dict itself."""
from __future__ import annotations

from typing import Any, Mapping

from rich.console import Console
from rich.table import Table
from rich.text import Text

TEXT_WIDTH = 120  # characters of evidence text shown per error row


def fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def summary_rows(result: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(metric, value, detail) rows of the headline figures."""
    ev, dates, args, claims, cl = (result[k] for k in ("events", "dates", "args", "claims", "clusters"))
    n = args["scored"]
    return [
        ("events.precision", fmt(ev["precision"]), f"tp {ev['tp']}  fp {ev['fp']}"),
        ("events.recall", fmt(ev["recall"]), f"tp {ev['tp']}  fn {ev['fn']}"),
        ("events.f1", fmt(ev["f1"]), ""),
        ("events.duplicates", fmt(ev["duplicates"]), "same event said again; neither way"),
        ("events.negatives_fp", fmt(ev["negatives_fp"]), "predictions on negatives (in fp)"),
        ("events.optional_matched", fmt(ev["optional_matched"]), "neither way"),
        ("dates.strict", fmt(dates["strict"]), f"of {dates['matched']} matched"),
        ("dates.relaxed", fmt(dates["relaxed"]), f"of {dates['matched']} matched"),
        ("dates.wrong", fmt(dates["wrong"]), "a value that is not relaxed-right"),
        ("dates.missing", fmt(dates["missing"]), "null where gold has a date"),
        ("args.weapon_class", fmt(args["weapon_class"]), f"of {n['weapon_class']}"),
        ("args.count", fmt(args["count"]), f"of {n['count']}"),
        ("args.sources", fmt(args["sources"]), f"of {n['sources']} gold sources"),
        ("args.conducted_by", fmt(args["conducted_by"]), f"of {n['conducted_by']}"),
        ("args.location", fmt(args["location"]), f"of {n['location']} gold places"),
        ("args.actors", fmt(args["actors"]), f"of {n['actors']} gold actors"),
        ("claims.recall", fmt(claims["recall"]), f"{claims['matched']} of {claims['gold']}"),
        ("claims.precision", fmt(claims["precision"]),
         f"{claims['unmatched_predictions']} unmatched, {claims['duplicates']} duplicates"),
        ("claims.value_accuracy", fmt(claims["value_accuracy"]), f"of {claims['matched']} matched"),
        ("clusters.b3_f1", fmt(cl["b3_f1"]),
         f"P {fmt(cl['b3_precision'])}  R {fmt(cl['b3_recall'])}" if cl["b3_f1"] is not None
         else "no clusters given"),
    ]


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(Text(fmt(v)) for v in row))  # Text: article text is not markup
    return table


def print_report(result: Mapping[str, Any], console: Console | None = None,
                 per_doc: bool = False, errors: bool = False) -> None:
    """The summary and per-type tables; per-document and error tables on request."""
    console = console or Console()
    console.print(_table("Evaluation", ["metric", "value", ""], [list(r) for r in summary_rows(result)]))
    console.print(_table("By event type", ["type", "P", "R", "F1", "tp", "fp", "fn"],
                         [[t, v["precision"], v["recall"], v["f1"], v["tp"], v["fp"], v["fn"]]
                          for t, v in result["per_type"].items()]))
    if per_doc:
        console.print(_table(
            "By document", ["doc", "P", "R", "F1", "tp", "fp", "fn", "dup", "neg fp", "date wrong",
                            "date missing", "claims"],
            [[d, v["precision"], v["recall"], v["f1"], v["tp"], v["fp"], v["fn"], v["duplicates"],
              v["negatives_fp"], v["dates_wrong"], v["dates_missing"],
              f"{v['claims_matched']}/{v['claims_gold']}"] for d, v in result["per_document"].items()]))
    if errors:
        rows = []
        for e in result["errors"]:
            text = (e["text"] or "").replace("\n", " ")
            text = text if len(text) <= TEXT_WIDTH else text[:TEXT_WIDTH - 1] + "…"
            span = f"{e['span'][0]}-{e['span'][1]}" if e["span"] else None
            rows.append([e["kind"], e["doc"], e["type"], span, text, e["detail"]])
        console.print(_table(f"Errors ({len(rows)})", ["kind", "doc", "type", "span", "text", "detail"], rows))
    missing = result["documents"]["missing"]
    if missing:
        console.print(f"[yellow]{len(missing)} gold documents without a prediction:[/] {', '.join(missing)}")
    if unread := result["documents"].get("not_read"):
        console.print(f"[yellow]{len(unread)} gold documents not read:[/] "
                      + "; ".join(f"{name} ({why.split(';')[0]})" for name, why in unread.items()))


SET_COLUMNS = (("events P", "events.precision"), ("R", "events.recall"), ("F1", "events.f1"),
               ("dates strict", "dates.strict"), ("relaxed", "dates.relaxed"), ("wrong", "dates.wrong"),
               ("class", "args.weapon_class"), ("by", "args.conducted_by"), ("sources", "args.sources"),
               ("claims R", "claims.recall"), ("P", "claims.precision"), ("value", "claims.value_accuracy"),
               ("neg fp", "events.negatives_fp"), ("B3", "clusters.b3_f1"))


def _at(result: Mapping[str, Any], path: str) -> Any:
    value: Any = result
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def print_sets(results: Mapping[str, Mapping[str, Any]], console: Console | None = None) -> None:
    """One row per evaluated set (its headline figures and gate), then each failing gate's messages."""
    console = console or Console()
    rows = [[name, *(_at(r, path) for _, path in SET_COLUMNS), "ok" if r["gate"]["ok"] else "FAILED"]
            for name, r in results.items()]
    console.print(_table("Evaluation sets", ["set", *(c for c, _ in SET_COLUMNS), "gate"], rows))
    for name, r in results.items():
        for message in ([] if r["gate"]["ok"] else r["gate"]["messages"]):
            console.print(f"[red]gate {name}:[/] ", end="")
            console.print(message, markup=False, highlight=False)
