"""End to end: the tagger scored on the shared TempEval-style tweets set must not fall below its
recorded floor (see the report of issue 4 for how the figure was measured)."""
from __future__ import annotations

import pytest

from nkwatch.nlp.timex import TimexTagger
from nkwatch.settings import Settings
from nkwatch.timeml import evaluate

pytestmark = pytest.mark.e2e

# Achieved when written: tweets value F1 70.78 (strict F1 85.65); floors leave a small margin.
TWEETS_VALUE_F1_FLOOR = 69.5
TWEETS_STRICT_F1_FLOOR = 84.0


def test_tweets_value_f1_floor(shared):
    result = evaluate(shared / "eval" / "timeml" / "tweets", TimexTagger(Settings()))
    total = result["total"]
    assert total["gold"] == 237
    assert total["value_f1"] >= TWEETS_VALUE_F1_FLOOR
    assert total["strict_f1"] >= TWEETS_STRICT_F1_FLOOR
