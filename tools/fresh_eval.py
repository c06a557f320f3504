"""Score extraction on the fresh dev sets of eval/fresh/ (gold annotated before any output was seen;
see eval/NEWS.md): one row per set, the figures `nkwatch eval --gold SET --docs FOLDER` gives.

    python tools/fresh_eval.py TEXTS_ROOT [--json] [--with-urls]

TEXTS_ROOT holds the texts as eval/fresh/documents.tsv names them (``fresh3/b/001.txt``: the page the
search tool's ``pages`` corpus returns for the URL beside it, saved as UTF-8); they are not in the
repository. A set is scored over the documents whose texts are there and carry its gold
(``tools/fresh_texts.py verify``: a text fetched again that is off by a character would score as misses), its
gold cut to them; ``docs`` says how many of ``of`` that is, the others are named. The last rows pool the
check sets (``CHECK_SETS``: annotated before any output, never tuned on; eval/NEWS.md): their events
counted together, the estimate of accuracy on unseen news beside the test split; one row for the sets of
each stop that made them (``CHECK_GROUPS``: a stop's figures stay comparable with the next) and one for all;
then the held-out pages in languages other than English (``OTHER_LANGUAGES``), pooled apart; the very last
pools every other set (the dev sets: read and tuned on).

``--with-urls`` reads each set's texts with the URL documents.tsv records for them, in a folder index beside
them (``nkwatch.ingest.folder_index``), as a page fetched from the web carries its URL: the publication day is
then read from the URL where the text names none, as the news corpus's own index gives it. Its dates are
not comparable with the gold's where the annotators, reading the text alone, left a day unknown.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_texts import FRESH, read_index, verify  # noqa: E402

from nkwatch.eval.run import evaluate  # noqa: E402
from nkwatch.eval.score import prf  # noqa: E402
from nkwatch.pipeline import Pipeline  # noqa: E402
from nkwatch.settings import Settings  # noqa: E402

CHECK_GROUPS = {"check sets of stop 23 pooled": ("fresh13-r", "fresh13-s"),
                "check sets of stop 24 pooled": ("fresh14-t", "fresh14-u"),
                "check sets of stop 25 pooled": ("fresh15-v", "fresh15-w"),
                "check sets of stop 26 pooled": ("fresh17-a",),
                "check sets of stop 32 pooled": ("fresh23-a", "fresh23-b")}
# the English check sets of stops 28 and 29 (fresh19-a..d, fresh20-a, -b) became dev sets in stop 30, those of
# stop 30 (fresh21-a, -b) in stop 31, those of stop 31 (fresh22-a, -b) in stop 32, after their figures before any
# tuning were recorded (eval/NEWS.md)
CHECK_SETS = tuple(name for names in CHECK_GROUPS.values() for name in names)
# pages of stop 28's gathering in Spanish, German, French, Arabic, Tagalog and Vietnamese: annotated like
# the rest, held out like the check sets, but pooled apart (extraction reads English: eval/NEWS.md)
OTHER_LANGUAGES = ("fresh19-a-other-languages", "fresh19-b-other-languages", "fresh19-d-other-languages")


def set_folders() -> dict[str, str]:
    """Set name -> the folder of its texts under TEXTS_ROOT (``fresh3-b`` -> ``fresh3/b``)."""
    return {row["set"]: row["text"].rsplit("/", 1)[0] for row in read_index()}


def present_gold(name: str, docs: set[str], folder: Path) -> Path:
    """The gold of set ``name`` cut to the documents ``docs`` (those whose texts are here), written in ``folder``."""
    path = folder / f"{name}.gold.jsonl"
    with (FRESH / f"{name}.gold.jsonl").open(encoding="utf-8") as f:
        path.write_text("".join(line for line in f if json.loads(line)["doc"] in docs), encoding="utf-8")
    return path


def texts_with_urls(texts: Path, names: set[str], urls: dict[str, str], folder: Path) -> Path:
    """``folder`` holding links to the texts ``names`` of ``texts`` and an index.tsv giving each its URL."""
    lines = ["doc\turl"]
    for name in sorted(names):
        (folder / name).symlink_to((texts / name).resolve())
        if urls.get(name):
            lines.append(f"{name}\t{urls[name]}")
    (folder / "index.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def row(name: str, result: dict, of: int) -> dict:
    events, dates, claims, args = result["events"], result["dates"], result["claims"], result["args"]
    return {"set": name, "docs": len(result["per_document"]), "of": of, "P": events["precision"], "R": events["recall"],
            "F1": events["f1"], "tp": events["tp"], "fp": events["fp"], "fn": events["fn"],
            "dates_wrong": dates["wrong"], "dates_matched": dates["matched"],
            "conducted_by": args.get("conducted_by"), "claims_R": claims["recall"], "claims_P": claims["precision"]}


def pooled(rows: list[dict], names: tuple[str, ...] = CHECK_SETS, label: str = "check sets pooled") -> dict | None:
    """One row (``label``) of the events of ``names`` counted together (None when none was scored)."""
    chosen = [r for r in rows if r["set"] in names]
    if not chosen:
        return None
    f = prf(*(sum(r[k] for r in chosen) for k in ("tp", "fp", "fn")))
    return {"set": label, "docs": sum(c["docs"] for c in chosen), "of": sum(c["of"] for c in chosen), "P": f["precision"],
            "R": f["recall"], "F1": f["f1"], "tp": f["tp"], "fp": f["fp"], "fn": f["fn"],
            "dates_wrong": sum(c["dates_wrong"] for c in chosen),
            "dates_matched": sum(c["dates_matched"] for c in chosen),
            "conducted_by": None, "claims_R": None, "claims_P": None}


def pooled_rows(rows: list[dict]) -> list[dict]:
    """The rows pooling the sets' rows: each stop's check sets, all check sets, the pages in other
    languages, and the dev sets (every other set)."""
    dev = tuple(r["set"] for r in rows if r["set"] not in CHECK_SETS + OTHER_LANGUAGES)
    groups = [*CHECK_GROUPS.items(), ("check sets pooled", CHECK_SETS),
              ("pages in other languages pooled", OTHER_LANGUAGES), ("dev sets pooled", dev)]
    return [total for label, names in groups if (total := pooled(rows, names, label)) is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts_root", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--with-urls", action="store_true", help="give each text its URL (module docstring)")
    args = parser.parse_args(argv)
    urls = {(r["set"], r["text"].rsplit("/", 1)[1]): r["url"] for r in read_index()}
    pipeline = Pipeline(Settings())
    rows = []
    for name, folder in sorted(set_folders().items()):
        docs = args.texts_root / folder
        passed, failed, counts = verify(args.texts_root, [name])
        if not passed:
            print(f"{name}: no text of it under {docs}, skipped", file=sys.stderr)
            continue
        if wanting := counts[name, "failed"] + counts[name, "missing"]:
            print(f"{name}: scored without {wanting} documents whose texts are missing or not the annotated "
                  "ones" + "".join(f"\n  {line}" for line in failed), file=sys.stderr)
        with tempfile.TemporaryDirectory() as tmp:
            present = {r["text"].rsplit("/", 1)[1] for r in passed}
            gold = present_gold(name, present, Path(tmp))
            if args.with_urls:
                (linked := Path(tmp) / "texts").mkdir()
                docs = texts_with_urls(docs, present, {d: u for (s, d), u in urls.items() if s == name}, linked)
            rows.append(row(name, evaluate(pipeline, gold, docs).result, len(passed) + wanting))
    rows += pooled_rows(rows)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    fmt = lambda v: "–" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))  # noqa: E731
    print("\t".join(rows[0]) if rows else "no set found")
    for r in rows:
        print("\t".join(fmt(v) for v in r.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
