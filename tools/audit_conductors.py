"""Audit who carried events out in a store: print each mention whose ``conducted_by`` names no state
that its sentence names, while the sentence names other states (a sentence that names none is read
with the ones before it: "The U.S. ... It ... conducting sub-critical nuclear tests" stored as North
Korea's). Such a mention is not always
wrong (a pronoun, a default for an unnamed test), but every wrong one the checks of issue 11 found
was of this kind, so the list is where a reader starts.

    python tools/audit_conductors.py STORE.db                       # every type
    python tools/audit_conductors.py STORE.db --type weapons_test --conducted-by "North Korea"
    python tools/audit_conductors.py STORE.db --skip OFF_LIMITS.txt  # leave out these documents

STORE.db is a SQLite store (``nkwatch --db STORE.db ingest ...``). ``--skip``: a file of document
names, one a line ("kcna/kcna_2024.json#12" or "kcna_2024.json#12"), never printed. The last line
counts the mentions looked at and the ones listed.
"""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys

from nkwatch.nlp.lexicon import load_lexicon
from nkwatch.nlp.phrases import normalize
from nkwatch.settings import Settings

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9-])|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence (or line) holding the span [start, end) starts and ends."""
    left = max([0] + [m.end() for m in _SENTENCE_END.finditer(text, 0, start)])
    right = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    return left, right


def context(lex, text: str, start: int, end: int, back: int = 3) -> str:
    """The sentence of the span; with up to ``back`` sentences before it when it names no state
    itself ("They also fired shells": who they are is said before)."""
    left, right = sentence_around(text, start, end)
    for _ in range(back):
        if named_states(lex, text[left:right]) or left == 0:
            break
        left = sentence_around(text, left - 1, left - 1)[0]
    return text[left:right]


def named_states(lex, text: str) -> list[str]:
    return list(dict.fromkeys(v.country for h in lex.actors.find(normalize(text)) for v in h.values[:1]
                              if v.country))


def suspicious(lex, conducted: list[str], sentence: str) -> list[str] | None:
    """The states the sentence names when none of them is a conductor; else None."""
    named = named_states(lex, sentence)
    if conducted and named and not set(conducted) & set(named):
        return named
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("--type")
    ap.add_argument("--conducted-by")
    ap.add_argument("--skip", help="file of document names to leave out")
    args = ap.parse_args(argv)
    skip: set[str] = set()
    if args.skip:
        skip = {line.strip().split("/")[-1] for line in open(args.skip, encoding="utf-8") if line.strip()}
    lex = load_lexicon(Settings())
    con = sqlite3.connect(args.db)
    rows = con.execute("select d.name, d.text, m.type, m.ev_start, m.ev_end, m.conducted_by, m.event_id "
                       "from mentions m join documents d on d.id = m.document_id where d.current_revision = 1 "
                       "order by d.name, m.ev_start")
    seen = listed = 0
    for name, text, etype, start, end, conducted, event in rows:
        states = json.loads(conducted or "[]")
        if name.split("/")[-1] in skip or (args.type and etype != args.type) or (
                args.conducted_by and args.conducted_by.lower() not in (s.lower() for s in states)):
            continue
        seen += 1
        sentence = context(lex, text, start, end)
        named = suspicious(lex, states, sentence)
        if named is None:
            continue
        listed += 1
        print(f"{name}  {etype}  {event}\n  conducted_by {states}; the sentence names {named}\n"
              f"  {' '.join(sentence.split())[:400]}\n")
    print(f"{listed} of {seen} mentions listed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
