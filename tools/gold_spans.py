"""Turn a working gold file of quoted substrings into span-based gold lines, and validate gold.

Annotators write a quotes file outside the repository (same structure as a gold line, see
../shared/eval/README.md) where every piece of evidence is an exact substring of the document:
``"evidence": "..."`` (events, claims), ``"evidence_alt": ["...", ...]``, ``"negatives": ["...", ...]``.
A quote that occurs more than once must say which occurrence it means: ``"occurrence": k`` (1-based)
beside ``evidence``, or ``{"text": "...", "occurrence": k}`` in a list. The converted file holds
only offsets: ``"span": [s, e]`` for events and claims, ``{"span": [s, e]}`` in ``evidence_alt`` and
``negatives``; no article text goes into the repository.

Documents are named as the readers name them: ``file.json#12`` is record 12 (0-based) of a JSON
list whose ``story_text`` is the original text; any other name is a text file in the corpus folder.

    python tools/gold_spans.py convert QUOTES.jsonl --corpus-dir DIR -o GOLD.jsonl
    python tools/gold_spans.py check GOLD.jsonl --corpus-dir DIR
    python tools/gold_spans.py quote GOLD.jsonl --corpus-dir DIR -o /tmp/QUOTES.jsonl   # to edit again
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable

from nkwatch.models import BOUNDS, EVENT_TYPES, WEAPON_CLASSES

EVENT_KEYS = ("cid", "type", "weapon_class", "date", "date_alt", "location", "actors", "sources",
              "count", "span", "evidence_alt", "optional")
OPTIONAL_EVENT_KEYS = ("conducted_by",)   # carried when the annotator gives it
_LINE_KEYS = ("doc", "published", "events", "claims", "negatives")
CLAIM_KEYS = ("cid", "property", "value", "value_max", "bound", "period", "source", "span", "optional")
_DATE_FORMS = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), lambda s: date.fromisoformat(s)),
    (re.compile(r"\d{4}-\d{2}"), lambda s: date.fromisoformat(s + "-01")),
    (re.compile(r"\d{4}"), lambda s: None),
    (re.compile(r"\d{4}-W(\d{2})"), lambda s: date.fromisocalendar(int(s[:4]), int(s[6:]), 1)),
    (re.compile(r"\d{4}-(SP|SU|FA|WI)"), lambda s: None),
)


class CorpusTexts:
    """Original texts (and publication dates, where the record has one) by document name."""

    def __init__(self, corpus_dir: str | Path):
        self.dir = Path(corpus_dir)
        self._lists: dict[str, list[dict]] = {}

    def _record(self, name: str) -> dict | None:
        file, _, index = name.partition("#")
        if not index:
            return None
        if file not in self._lists:
            self._lists[file] = json.loads((self.dir / file).read_text(encoding="utf-8"))
        return self._lists[file][int(index)]

    def text(self, name: str) -> str:
        record = self._record(name)
        if record is None:
            return (self.dir / name).read_text(encoding="utf-8")
        return record["story_text"]

    def published(self, name: str) -> str | None:
        """UTC date of the record's ``date`` (epoch milliseconds); None for plain files."""
        record = self._record(name)
        if record is None or record.get("date") is None:
            return None
        return datetime.fromtimestamp(record["date"] / 1000, timezone.utc).date().isoformat()


def _starts(text: str, quote: str) -> list[int]:
    """Every offset where ``quote`` occurs (overlapping occurrences included)."""
    starts, at = [], text.find(quote) if quote else -1
    while at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    return starts


def find_quote(text: str, quote: str, occurrence: int | None, where: str,
               warn: Callable[[str], None]) -> list[int]:
    """[start, end] of the chosen occurrence of ``quote``; warns when it is ambiguous."""
    starts = _starts(text, quote)
    if not starts:
        raise ValueError(f"{where}: quote not found: {quote[:80]!r}")
    if occurrence is None:
        if len(starts) > 1:
            warn(f"{where}: quote occurs {len(starts)} times, first taken "
                 f"(add \"occurrence\": k): {quote[:60]!r}")
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise ValueError(f"{where}: occurrence {occurrence} of {len(starts)}: {quote[:60]!r}")
    start = starts[occurrence - 1]
    return [start, start + len(quote)]


def _quoted(item: Any) -> tuple[str, int | None]:
    if isinstance(item, str):
        return item, None
    return item["text"], item.get("occurrence")


def convert_line(quoted: dict, text: str, published: str | None,
                 warn: Callable[[str], None]) -> dict:
    """One quotes-file line as a span-based gold line (fills ``published`` from the corpus)."""
    doc = quoted["doc"]
    out: dict[str, Any] = {"doc": doc, "published": quoted.get("published", published)}
    out.update({k: v for k, v in quoted.items() if k not in _LINE_KEYS})  # topic, note, ...
    out["events"] = []
    for i, ev in enumerate(quoted.get("events", [])):
        where = f"{doc} event {i} ({ev.get('cid')})"
        row = {k: ev.get(k) for k in EVENT_KEYS if k not in ("span", "evidence_alt")}
        row["date_alt"] = ev.get("date_alt") or []
        row["actors"], row["sources"] = ev.get("actors") or [], ev.get("sources") or []
        row["optional"] = bool(ev.get("optional", False))
        for key in OPTIONAL_EVENT_KEYS:
            if key in ev:
                row[key] = ev[key]
        row["span"] = find_quote(text, ev["evidence"], ev.get("occurrence"), where, warn)
        row["evidence_alt"] = [{"span": find_quote(text, *_quoted(a), f"{where} alt", warn)}
                               for a in ev.get("evidence_alt", [])]
        if ev.get("note"):
            row["note"] = ev["note"]
        out["events"].append(row)
    out["claims"] = []
    for i, cl in enumerate(quoted.get("claims", [])):
        where = f"{doc} claim {i} ({cl.get('property')})"
        row = {k: cl.get(k) for k in CLAIM_KEYS if k != "span"}
        row["bound"] = cl.get("bound") or "eq"
        row["optional"] = bool(cl.get("optional", False))
        row["span"] = find_quote(text, cl["evidence"], cl.get("occurrence"), where, warn)
        out["claims"].append(row)
    out["negatives"] = [{"span": find_quote(text, *_quoted(n), f"{doc} negative {i}", warn)}
                        for i, n in enumerate(quoted.get("negatives", []))]
    return out


def _quote_of(span: list[int], text: str) -> Any:
    """The quote for a span: the plain string, or {"text", "occurrence"} when it is ambiguous."""
    quote = text[span[0]:span[1]]
    starts = _starts(text, quote)
    if len(starts) == 1:
        return quote
    return {"text": quote, "occurrence": starts.index(span[0]) + 1}


def quote_line(gold: dict, text: str) -> dict:
    """The inverse of ``convert_line``: a span-based gold line back as a quotes line, for editing."""
    out = {k: v for k, v in gold.items() if k not in ("events", "claims", "negatives")}
    out["events"] = []
    for ev in gold.get("events", []):
        row = {k: v for k, v in ev.items() if k not in ("span", "evidence_alt")}
        row.update(_main_quote(ev["span"], text))
        row["evidence_alt"] = [_quote_of(a["span"], text) for a in ev.get("evidence_alt", [])]
        out["events"].append(row)
    out["claims"] = []
    for cl in gold.get("claims", []):
        row = {k: v for k, v in cl.items() if k != "span"}
        row.update(_main_quote(cl["span"], text))
        out["claims"].append(row)
    out["negatives"] = [_quote_of(n["span"], text) for n in gold.get("negatives", [])]
    return out


def _main_quote(span: list[int], text: str) -> dict:
    quoted = _quote_of(span, text)
    if isinstance(quoted, str):
        return {"evidence": quoted}
    return {"evidence": quoted["text"], "occurrence": quoted["occurrence"]}


def date_ok(value: str) -> bool:
    """True for the gold date forms: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-SP/SU/FA/WI."""
    for pattern, parse in _DATE_FORMS:
        if pattern.fullmatch(value):
            try:
                parse(value)
            except ValueError:
                return False
            return True
    return False


def _span_errors(raw: Any, n: int, where: str) -> list[str]:
    span = raw.get("span") if isinstance(raw, dict) else raw
    if not (isinstance(span, list) and len(span) == 2 and all(type(x) is int for x in span)):
        return [f"{where}: not a [start, end] span: {raw!r}"]
    if not 0 <= span[0] < span[1] <= n:
        return [f"{where}: span {span} outside the text (0..{n}) or empty"]
    return []


def validate_gold(gold: dict, text: str, published: str | None = None) -> list[str]:
    """Problems of one span-based gold line against its document's text (empty list = valid)."""
    doc, n = gold.get("doc"), len(text)
    errors: list[str] = []
    if gold.get("published") is not None and not (date_ok(gold["published"]) and len(gold["published"]) == 10):
        errors.append(f"{doc}: bad published {gold['published']!r}")
    if published is not None and gold.get("published") != published:
        errors.append(f"{doc}: published {gold.get('published')!r}, the corpus says {published}")
    cids: set[str] = set()
    for i, ev in enumerate(gold.get("events", [])):
        where = f"{doc} event {i} ({ev.get('cid')})"
        missing = [k for k in EVENT_KEYS if k not in ev]
        if missing:
            errors.append(f"{where}: missing {missing}")
            continue
        if ev["cid"] in cids:
            errors.append(f"{where}: cid repeated within the document")
        cids.add(ev["cid"])
        if ev["type"] not in EVENT_TYPES:
            errors.append(f"{where}: unknown type {ev['type']!r}")
        if ev["type"] == "weapons_test" and ev["weapon_class"] not in WEAPON_CLASSES:
            errors.append(f"{where}: weapons_test needs a weapon_class from the vocabulary")
        if ev["type"] != "weapons_test" and ev["weapon_class"] is not None:
            errors.append(f"{where}: weapon_class only for weapons_test")
        for value in ([ev["date"]] if ev["date"] is not None else []) + list(ev["date_alt"]):
            if not isinstance(value, str) or not date_ok(value):
                errors.append(f"{where}: bad date {value!r}")
        pub = gold.get("published")
        if (pub and isinstance(ev["date"], str) and len(ev["date"]) == 10
                and date_ok(ev["date"]) and ev["date"] > pub):
            errors.append(f"{where}: date {ev['date']} after the publication date {pub}")
        if ev["count"] is not None and not (type(ev["count"]) is int and ev["count"] > 0):
            errors.append(f"{where}: count must be a positive integer")
        if not all(isinstance(x, list) for x in (ev["actors"], ev["sources"], ev["date_alt"], ev["evidence_alt"])):
            errors.append(f"{where}: actors, sources, date_alt, evidence_alt must be lists")
            continue
        errors += _span_errors(ev["span"], n, where)
        for alt in ev["evidence_alt"]:
            errors += _span_errors(alt, n, f"{where} alt")
    errors += _same_type_overlaps(gold.get("events", []), doc)
    for i, cl in enumerate(gold.get("claims", [])):
        where = f"{doc} claim {i} ({cl.get('property')})"
        missing = [k for k in CLAIM_KEYS if k not in cl]
        if missing:
            errors.append(f"{where}: missing {missing}")
            continue
        if cl["cid"] is not None and cl["cid"] not in cids:
            errors.append(f"{where}: cid {cl['cid']!r} names no event of this document")
        if cl["bound"] not in BOUNDS:
            errors.append(f"{where}: unknown bound {cl['bound']!r}")
        if not isinstance(cl["value"], (int, float)) or (
                cl["value_max"] is not None and not cl["value_max"] >= cl["value"]):
            errors.append(f"{where}: value must be a number and value_max >= value")
        errors += _span_errors(cl["span"], n, where)
    for i, neg in enumerate(gold.get("negatives", [])):
        where = f"{doc} negative {i}"
        span_errors = _span_errors(neg, n, where)
        errors += span_errors
        if not span_errors:
            hits = [ev["cid"] for ev in gold.get("events", [])
                    if any(_overlap(tuple(neg["span"]), sp) for sp in _event_spans(ev))]
            if hits:
                errors.append(f"{where}: overlaps the evidence of {hits}")
    return errors


def _same_type_overlaps(events: list[dict], doc: str) -> list[str]:
    """Two different events of one type must not share evidence: a prediction could not tell them apart."""
    errors = []
    for i, a in enumerate(events):
        for b in events[i + 1:]:
            if a.get("type") == b.get("type") and any(
                    _overlap(x, y) for x in _event_spans(a) for y in _event_spans(b)):
                errors.append(f"{doc}: events {a.get('cid')} and {b.get('cid')} of one type share evidence")
    return errors


def _event_spans(ev: dict) -> list[tuple[int, int]]:
    spans = [ev.get("span")] + [a.get("span") if isinstance(a, dict) else a for a in ev.get("evidence_alt", [])]
    return [tuple(s) for s in spans if isinstance(s, list) and len(s) == 2]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("convert", "check", "quote"))
    parser.add_argument("path", type=Path, help="quotes file (convert) or gold file (check, quote)")
    parser.add_argument("--corpus-dir", type=Path, required=True)
    parser.add_argument("-o", "--output", type=Path,
                        help="file to write: gold (convert) or quotes, outside the repository (quote)")
    args = parser.parse_args(argv)
    corpus = CorpusTexts(args.corpus_dir)
    warnings: list[str] = []
    errors: list[str] = []
    lines: list[dict] = []
    for obj in _read_jsonl(args.path):
        text, published = corpus.text(obj["doc"]), corpus.published(obj["doc"])
        if args.action == "convert":
            try:
                obj = convert_line(obj, text, published, warnings.append)
            except (KeyError, ValueError) as exc:
                errors.append(f"{obj['doc']}: {exc}")
                continue
        errors += validate_gold(obj, text, published)
        lines.append(obj)
    docs = [line["doc"] for line in lines]
    errors += [f"{d}: more than one gold line" for d in sorted({d for d in docs if docs.count(d) > 1})]
    for message in warnings:
        print("warning:", message, file=sys.stderr)
    for message in errors:
        print("error:", message, file=sys.stderr)
    if args.action == "quote":
        lines = [quote_line(line, corpus.text(line["doc"])) for line in lines]
    if args.action in ("convert", "quote") and args.output and not errors:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                               encoding="utf-8")
    print(f"{len(lines)} documents, {sum(len(x.get('events', [])) for x in lines)} events, "
          f"{sum(len(x.get('claims', [])) for x in lines)} claims, {len(errors)} errors, "
          f"{len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
