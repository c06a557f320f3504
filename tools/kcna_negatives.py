"""Pick ordinary non-military KCNA articles (youth volunteers, letters of thanks, brigades) for the
news test set, by a fixed procedure, before anything is tuned on them.

Universe: records of ../shared/corpus/kcna/kcna_2024.json with a story_text of 300..4,000 characters,
not in eval/kcna_dev.gold.jsonl, exact duplicate texts dropped (lowest index kept), whose headline
names youth, volunteers, a brigade or thanks, and names none of a list of military or diplomatic words.
Half the sample is drawn among those whose *text* holds a military word (the hard ones: "army",
"war", "defence" in a civilian story), half among the others; ``random.Random(SEED)``. A drawn record
whose text is also the text of a KCNA dev record is dropped after the draw (found by the annotator:
the dev set was excluded by record number, and KCNA files one story under several numbers).

    python tools/kcna_negatives.py            # prints the record names, one per line
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = "nkwatch-kcna-negatives-1"
PER_HALF = 7
HEADLINE = re.compile(r"youth|volunteer|brigade|thank", re.I)
NOT_HEADLINE = re.compile(r"army|military|missile|weapon|war|soldier|troop|defen|navy|air force|drill|"
                          r"artillery|nuclear|munition|greeting|congratulat|delegation|ambassador|talks", re.I)
MILITARY_TEXT = re.compile(r"army|military|missile|weapon|war|soldier|troop|defen|navy|drill|artillery|"
                           r"nuclear|munition", re.I)


def candidates(records: list[dict], exclude: set[str]) -> tuple[list[str], list[str]]:
    seen: set[str] = set()
    hard, plain = [], []
    for i, rec in enumerate(records):
        text, name = rec.get("story_text") or "", f"kcna_2024.json#{i}"
        if not 300 <= len(text) <= 4000 or name in exclude or text in seen:
            continue
        seen.add(text)
        headline = rec.get("headline") or ""
        if HEADLINE.search(headline) and not NOT_HEADLINE.search(headline):
            (hard if MILITARY_TEXT.search(text) else plain).append(name)
    return hard, plain


REPO = Path(__file__).resolve().parents[1]


def selected() -> list[str]:
    """The record names the procedure picks, in record order."""
    records = json.loads((REPO / ".." / "shared" / "corpus" / "kcna" / "kcna_2024.json").read_text(encoding="utf-8"))
    exclude = {json.loads(line)["doc"] for line in (REPO / "eval" / "kcna_dev.gold.jsonl").read_text().splitlines()
               if line.strip()}
    hard, plain = candidates(records, exclude)
    rng = random.Random(SEED)
    picked = rng.sample(hard, min(PER_HALF, len(hard))) + rng.sample(plain, min(PER_HALF, len(plain)))
    dev_texts = {records[int(name.partition("#")[2])]["story_text"] for name in exclude}
    picked = [name for name in picked if records[int(name.partition("#")[2])]["story_text"] not in dev_texts]
    print(f"{len(hard)} hard and {len(plain)} plain candidates", file=sys.stderr)
    return sorted(picked, key=lambda n: int(n.partition("#")[2]))


def main() -> int:
    for name in selected():
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
