"""Check that the texts behind eval/fresh/ are the ones the gold was annotated on, and pin them.

The fresh sets' texts are pages the search tool's ``pages`` corpus returned (eval/NEWS.md); they stay
outside the repository (TEXTS_ROOT, as ``documents.tsv`` names them) and a new checkout may not have them.
When they are fetched again, each must be the very text the annotators read, or every span is off.

    python tools/fresh_texts.py verify TEXTS_ROOT [SET ...]      # each text against its gold spans and pin
    python tools/fresh_texts.py pin TEXTS_ROOT                   # write sha256 and length of verified texts

``verify`` reads every present text of the sets named (all sets by default): a text whose ``sha256`` is
pinned in documents.tsv must have it; any other must carry its gold: every span inside the text, and spans
that start and end at a word's edge, claims' spans showing a number (a quarter of them may not: scraped text
glues words, "JONESThis", and a duration says "an hour"; a text shifted by a character fails nearly every
span). One line per text that
fails, a count per set, exit 1 when a text fails. ``pin`` adds ``sha256`` and ``chars`` to the rows of texts
that pass and have none yet, so that the next fetch is checked byte for byte.

Fetching a lost text again (how stop 27 got 374 of 521 back; eval/NEWS.md): the search tool's ``pages`` corpus is
asked for the page's words -- the words of its URL's path, else those of its gold events' ids, else a sentence like
its opening -- and a result whose ``url`` is the row's URL exactly is the stored copy; its ``excerpt`` JSON string
is decoded with ``json.loads`` and written as UTF-8 with nothing added, then ``verify`` decides. The store keeps
some pages twice (a short copy and one with menus; one with a `` date YYYY-MM-DD `` line before the text and one
without): the copy that verifies is the annotated one. A row without ``sha256`` is a text still missing. The
session's look-ups are counted for every helper together (1,000): about 560 rows fit in one session.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

FRESH = Path(__file__).resolve().parents[1] / "eval" / "fresh"
COLUMNS = ("set", "text", "url", "published", "events", "claims", "sha256", "chars")
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
                     r"hundreds?|thousands?|millions?|half|single|first|second|third|fourth|fifth|sixth)\b",
                     re.IGNORECASE)


def read_index() -> list[dict]:
    with (FRESH / "documents.tsv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def write_index(rows: list[dict]) -> None:
    with (FRESH / "documents.tsv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n", extrasaction="raise")
        w.writeheader()
        w.writerows({k: r.get(k) or "" for k in COLUMNS} for r in rows)


def gold_lines(name: str) -> dict[str, dict]:
    """Document name -> its gold line, of the set ``name``."""
    with (FRESH / f"{name}.gold.jsonl").open(encoding="utf-8") as f:
        return {line["doc"]: line for line in map(json.loads, f)}


def spans(line: dict) -> list[tuple[str, tuple[int, int]]]:
    """Every span of a gold line, each with what it belongs to (``event``, ``claim``, ``alt``, ``negative``)."""
    out = []
    for event in line.get("events", []):
        out.append(("event", tuple(event["span"])))
        out += [("alt", tuple(alt["span"])) for alt in event.get("evidence_alt", [])]
    for claim in line.get("claims", []):
        out.append(("claim", tuple(claim["span"])))
    out += [("negative", tuple(neg["span"])) for neg in line.get("negatives", [])]
    return out


def _joint(left: str, right: str) -> bool:
    """Two characters a word's edge lies between: not both letters or digits, or sentences glued by the page
    ("programThe")."""
    return not (left.isalnum() and right.isalnum()) or (left.islower() and right.isupper())


def _edge(text: str, s: int, e: int) -> bool:
    """A span that starts and ends where a word does (what an annotator's quote of the same text gives)."""
    starts = s == 0 or _joint(text[s - 1], text[s])
    ends = e == len(text) or _joint(text[e - 1], text[e])
    return starts and ends and not text[s].isspace() and not text[e - 1].isspace()


def problems(text: str, line: dict) -> list[str]:
    """What in ``text`` contradicts the gold ``line`` annotated on it (empty: the text carries it)."""
    outside, odd = [], []
    all_spans = spans(line)
    for kind, (s, e) in all_spans:
        if not 0 <= s < e <= len(text):
            outside.append(f"{kind} span [{s}, {e}] outside a text of {len(text)} characters")
        elif not _edge(text, s, e):
            odd.append(f"{kind} span [{s}, {e}] cuts a word")
        elif kind == "claim" and not _NUMBER.search(text[s:e]):
            odd.append(f"claim span [{s}, {e}] shows no number")
    return outside + odd if outside or 4 * len(odd) > len(all_spans) else []


def verify(root: Path, names: list[str] | None = None) -> tuple[list[dict], list[str], Counter]:
    """(rows of texts that passed, lines saying what failed, counts by (set, "ok" | "failed" | "missing")) for
    the texts of ``names``."""
    passed, failed, counts = [], [], Counter()
    golds: dict[str, dict[str, dict]] = {}
    for row in read_index():
        if names and row["set"] not in names:
            continue
        path = root / row["text"]
        if not path.is_file():
            counts[row["set"], "missing"] += 1
            continue
        data = path.read_bytes()
        if row.get("sha256"):
            ok = hashlib.sha256(data).hexdigest() == row["sha256"]
            why = [] if ok else [f"sha256 differs from the pinned one ({len(data)} bytes)"]
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                why = [f"not UTF-8 ({exc.reason})"]
            else:
                line = golds.setdefault(row["set"], gold_lines(row["set"])).get(row["text"].rsplit("/", 1)[1])
                why = ["no gold line"] if line is None else problems(text, line)
        counts[row["set"], "failed" if why else "ok"] += 1
        if why:
            failed.append(f"{row['text']}: " + "; ".join(why))
        else:
            passed.append(row)
    return passed, failed, counts


def pin(root: Path) -> int:
    """Pin sha256 and length of every verified text not pinned yet; returns how many were pinned."""
    passed, _, _ = verify(root)
    chosen = {r["text"] for r in passed if not r.get("sha256")}
    rows = read_index()
    for row in rows:
        if row["text"] in chosen:
            data = (root / row["text"]).read_bytes()
            row["sha256"], row["chars"] = hashlib.sha256(data).hexdigest(), str(len(data.decode("utf-8")))
    write_index(rows)
    return len(chosen)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    v = sub.add_parser("verify", help="check present texts against their gold spans and pins")
    v.add_argument("root", type=Path)
    v.add_argument("sets", nargs="*")
    p = sub.add_parser("pin", help="pin sha256 and length of the texts that pass")
    p.add_argument("root", type=Path)
    args = ap.parse_args(argv)
    if args.command == "verify":
        _, failed, counts = verify(args.root, args.sets or None)
        for name in sorted({n for n, _ in counts}):
            print(f"{name}: " + ", ".join(f"{counts[name, k]} {k}" for k in ("ok", "failed", "missing")
                                           if counts[name, k]), file=sys.stderr)
        print("\n".join(failed))
        return 1 if failed else 0
    print(f"pinned {pin(args.root)} texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
