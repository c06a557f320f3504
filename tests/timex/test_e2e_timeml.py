"""End to end: the tagger scored on the shared TempEval-style sets (TempEval-3 Task A, values
compared as strings) must not fall below the targets of issue 4 (tbaq, wikiwars) or the recorded
floor (tweets, whose gold writes several values in a notation that is not TimeML's: 2014-XX-XX for
a year, 2013-10-W41 for a week, 2011-11-26-WXX-6 for a weekday; see the issue 4 report)."""
from __future__ import annotations

import pytest

from nkwatch.nlp.timex import TimexTagger
from nkwatch.settings import Settings
from nkwatch.timeml import evaluate

pytestmark = pytest.mark.e2e

# (set, gold TIMEX3 count, value F1 floor, strict F1 floor). Achieved when written (issue 4, round
# 2): tbaq value F1 80.24 (strict 86.19), tweets 76.30 (strict 92.90), wikiwars 83.04 (strict 86.85).
FLOORS = [
    ("tbaq", 1822, 80.0, 85.5),
    ("tweets", 237, 75.8, 92.4),
    ("wikiwars", 2636, 82.5, 86.3),
]


@pytest.fixture(scope="module")
def tagger() -> TimexTagger:
    return TimexTagger(Settings())


@pytest.mark.parametrize("name,gold,value_floor,strict_floor", FLOORS, ids=[f[0] for f in FLOORS])
def test_value_f1_floor(shared, tagger, name, gold, value_floor, strict_floor):
    total = evaluate(shared / "eval" / "timeml" / name, tagger)["total"]
    assert total["gold"] == gold
    assert total["value_f1"] >= value_floor
    assert total["strict_f1"] >= strict_floor


def test_tweets_in_their_own_notation(shared, tagger):
    """The same tags with values written as the tweets corpus writes them (86.64 when written):
    the gap to the TimeML-notation figure is notation, not dates."""
    plain = evaluate(shared / "eval" / "timeml" / "tweets", tagger)["total"]
    own = evaluate(shared / "eval" / "timeml" / "tweets", tagger, notation="tweets")["total"]
    assert own["relaxed_f1"] == plain["relaxed_f1"]
    assert own["value_f1"] >= 86.0
