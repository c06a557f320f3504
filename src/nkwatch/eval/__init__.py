"""Scoring extraction against gold files (../shared/eval/README.md) and the evaluation gate.

``score`` is pure (gold + predictions in, figures out); ``evaluate`` runs the pipeline over a
folder and scores it; ``gate`` pins floors in eval/baseline.json."""
from .gold import GoldClaim, GoldDoc, GoldError, GoldEvent, load_gold
from .run import Evaluation, evaluate
from .score import score

__all__ = ["Evaluation", "GoldClaim", "GoldDoc", "GoldError", "GoldEvent", "evaluate",
           "load_gold", "score"]
