"""Measure a learned merge decision beside the rules' (``nlp/merge.py``: ``compatible``, ``vetoes``).

    python tools/train_merge_model.py pairs                       # the pairs merge weighs, labelled by the gold
    python tools/train_merge_model.py pairs-cv [--folds 5]        # out-of-fold: which wrong rule decisions a model mends
    python tools/train_merge_model.py cv [--model lr|hgb] [--split P] [--join P]   # extraction scored, held-out folds

Within a document, merge weighs each candidate against the groups of its type told before it. A pair is
labelled from the dev gold: the candidate's gold event (its evidence overlaps the event's evidence or an
``evidence_alt``, same type) against the gold events of the group's members: the same event (1) or
another (0); a pair with a side that overlaps no gold event, or a candidate that overlaps two, is left
out. A pair's features (``pair_features``): every veto of the rules that fires, the type, how far apart
the two are told, how each is dated, the candidate's marks (recalled, another of its kind, a reference
back) and the words of time and order in either's evidence. A model (scikit-learn: logistic regression,
or gradient-boosted trees; fixed seed) overrides the rules where it is confident: a pair the rules
allow is kept apart under ``--split``, one they forbid joins from ``--join`` (above 1: never). It is put
in place of ``merge.compatible`` for the run.

Measured at stop 28 (eval/NEWS.md): it does not beat the rules, so nothing is shipped. scikit-learn is
no dependency of nkwatch: ``pip install scikit-learn`` (1.6.1 was used) to run this tool.

Training data: the dev gold sets of ``tools/train_event_classifier.py`` (news_dev, kcna_dev, seeds and
the fresh dev sets; texts under --fresh-root), never the test split nor the fresh check sets; the pairs
are those the rules' own merging weighs. Cross-validation is by document folds (documents sharing a gold
cid together); each held-out fold is extracted with a model trained on the other folds and scored with
the real eval.
"""
from __future__ import annotations

import argparse
import contextlib
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_event_classifier as tec  # noqa: E402

from nkwatch.eval.gold import load_gold  # noqa: E402
from nkwatch.eval.run import name_tables  # noqa: E402
from nkwatch.nlp import merge as merge_module  # noqa: E402
from nkwatch.nlp.events import Candidate  # noqa: E402
from nkwatch.nlp.lexicon import Lexicon  # noqa: E402
from nkwatch.nlp.merge import Group, _time_tokens, is_background, vetoes  # noqa: E402
from nkwatch.pipeline import Pipeline  # noqa: E402
from nkwatch.settings import Settings  # noqa: E402

SEED = 13
# words of time and order that tell an earlier event from the news ("its previous test", "had fired", "again")
ORDER_WORDS = ("previous", "last", "earlier", "first", "second", "third", "again", "another", "since", "before",
               "after", "ago", "have", "new", "latest", "recent")


def pair_features(g: Group, c: Candidate, lex: Lexicon, published: date | None) -> dict[str, float]:
    f = dict.fromkeys((f"veto:{v}" for v in vetoes(g, c, lex, published)), 1.0)
    f[f"type:{c.type}"] = 1.0
    at = c.info.sent.start
    gap = at - max(m.info.sent.start for m in g.members)
    f["same_sentence" if any(m.info.sent.start == at for m in g.members) else
      "gap:near" if gap < 400 else "gap:mid" if gap < 1500 else "gap:far"] = 1.0
    for who, d in (("c", c.date), ("g", g.date)):
        f[f"{who}_dated:{d.precision}" if d.value else f"{who}_undated"] = 1.0
        if d.value and is_background(d, published, lex.report_window_days):
            f[f"{who}_background"] = 1.0
    marks = {"same_date": bool(c.date.value and c.date.value == g.date.value), "recap": c.recap, "kin": c.kin,
             "reference": bool(c.reference), "verbal": c.verbal, "participle": c.participle,
             "earlier": bool(c.earlier_than), "timed": c.timed, "apart": c.apart, "explicit": c.conducted_explicit,
             "g_recap": any(m.recap for m in g.members), "g_several": len(g.members) > 1,
             "same_cue": c.cue.lower() in {m.cue.lower() for m in g.members},
             "same_class": bool(c.weapon_class and c.weapon_class == g.weapon_class),
             "same_weapon": bool(c.weapon and c.weapon == g.weapon),
             "other_count": bool(c.count and g.count and c.count != g.count),
             "same_doer": bool(set(c.conducted_by) & set(g.conducted_by)),
             "other_doer": bool(c.conducted_by and g.conducted_by and not set(c.conducted_by) & set(g.conducted_by)),
             "c_time_words": bool(_time_tokens(c)), "g_time_words": bool(_time_tokens(g.members[0]))}
    f.update((k, 1.0) for k, v in marks.items() if v)
    for who, m in (("c", c), ("g", g.members[0])):
        s, e = m.evidence
        f.update((f"{who}w:{t.lemma.lower()}", 1.0) for t in m.info.sent.toks
                 if s <= t.start < e and t.lemma.lower() in ORDER_WORDS)
    return f


def ruled(features: dict[str, float]) -> bool:
    """The rules' own verdict on a pair: no veto fires."""
    return not any(k.startswith("veto:") for k in features)


@dataclass
class Learned:
    """A fitted model and its thresholds: ``joins`` is merge's verdict on one pair."""
    vectorizer: object
    estimator: object
    dense: bool        # the estimator takes dense rows (the trees), not sparse ones
    split: float
    join: float

    def joins(self, features: dict[str, float]) -> bool:
        p = self.estimator.predict_proba(self._x([features]))[0, 1]
        return p >= self.split if ruled(features) else p >= self.join

    def _x(self, rows):
        x = self.vectorizer.transform(rows)
        return x.toarray() if self.dense else x


def fit(pairs: list[tuple[dict[str, float], int]], kind: str, split: float = 0.5, join: float = 2.0) -> Learned:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer()
    x = vec.fit_transform([f for f, _ in pairs])
    y = [label for _, label in pairs]
    est = (LogisticRegression(max_iter=2000, random_state=SEED) if kind == "lr" else
           HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, random_state=SEED))
    est.fit(x if kind == "lr" else x.toarray(), y)
    return Learned(vec, est, kind != "lr", split, join)


@contextlib.contextmanager
def deciding(model: Learned | None, seen: list | None):
    """While open, merging asks ``model`` (None: the rules' verdicts, as ``compatible``) whether a candidate
    may join a group of its type, and ``seen`` receives each candidate with the groups it was weighed
    against ((candidate, [(members, features)])): ``merge.compatible`` is replaced for the run."""
    rules = merge_module.compatible

    def judged(g: Group, c: Candidate, lex: Lexicon, published: date | None = None) -> bool:
        if g.type != c.type:
            return False
        features = pair_features(g, c, lex, published)
        if seen is not None:
            if not seen or seen[-1][0] is not c:
                seen.append((c, []))
            seen[-1][1].append((list(g.members), features))
        return model.joins(features) if model else ruled(features)
    merge_module.compatible = judged
    try:
        yield
    finally:
        merge_module.compatible = rules


def _gold_of(spans: list[tuple[str, list]], c: Candidate) -> set[int]:
    """The gold events (indexes) of ``c``'s type whose evidence its own overlaps."""
    s, e = c.evidence
    return {gi for gi, (type_, ss) in enumerate(spans)
            if type_ == c.type and any(sp.start < e and s < sp.end for sp in ss)}


def labelled(item: tec.Item, seen: list) -> list[tuple[dict[str, float], int]]:
    """(features, label) of every pair merge weighed in ``item`` that the gold decides."""
    spans = tec.gold_spans(item)
    out = []
    for c, weighed in seen:
        mine = _gold_of(spans, c)
        if len(mine) != 1:
            continue
        for members, features in weighed:
            if theirs := set().union(*(_gold_of(spans, m) for m in members)):
                out.append((features, int(bool(mine & theirs))))
    return out


def load(fresh_root: Path) -> tuple[Pipeline, list[tec.Item], dict[str, list]]:
    """Every dev gold document prepared and extracted by the rules, and its labelled pairs by item key."""
    pipeline = Pipeline(Settings())
    items, pairs = [], {}
    for name, gpath, docs in tec.gold_sets(fresh_root):
        for it in tec.prepare(pipeline, load_gold(gpath), docs, name):
            seen: list = []
            with deciding(None, seen):
                it.rules = pipeline.extractor.extract(it.doc)
            pairs[it.key] = labelled(it, seen)
            items.append(it)
    return pipeline, items, pairs


def pairs_table(pairs: dict[str, list]) -> None:
    rows = Counter((ruled(f), label) for ps in pairs.values() for f, label in ps)
    print(f"pairs: {sum(rows.values())} from {len(pairs)} documents")
    for r in (True, False):
        for label in (1, 0):
            print(f"  rules {'join' if r else 'apart'}, gold {'same' if label else 'another'} event: {rows[(r, label)]}")


def pairs_cv(items: list[tec.Item], pairs: dict[str, list], k: int, kind: str) -> None:
    folds = tec.fold_of(items, k)
    scored = []
    for f in range(k):
        model = fit([p for it in items if folds[it.key] != f for p in pairs[it.key]], kind)
        held = [p for it in items if folds[it.key] == f for p in pairs[it.key]]
        if held:
            probs = model.estimator.predict_proba(model._x([x for x, _ in held]))[:, 1]
            scored += [(ruled(x), y, p) for (x, y), p in zip(held, probs)]
    wrong_join = sum(1 for r, y, _ in scored if r and not y)
    wrong_apart = sum(1 for r, y, _ in scored if not r and y)
    right_join = sum(1 for r, y, _ in scored if r and y)
    right_apart = sum(1 for r, y, _ in scored if not r and not y)
    for th in (0.5, 0.3, 0.2, 0.1):
        mended = sum(1 for r, y, p in scored if r and not y and p < th)
        broken = sum(1 for r, y, p in scored if r and y and p < th)
        joined = sum(1 for r, y, p in scored if not r and y and p >= 1 - th)
        wrongly = sum(1 for r, y, p in scored if not r and not y and p >= 1 - th)
        print(f"{kind}: split under {th}: mends {mended} of {wrong_join} wrong joins, breaks {broken} of {right_join} | "
              f"join from {1 - th:.1f}: mends {joined} of {wrong_apart} wrong splits, breaks {wrongly} of {right_apart}")


def cv(pipeline: Pipeline, items: list[tec.Item], pairs: dict[str, list], k: int, kind: str,
       split: float, join: float) -> None:
    ex = pipeline.extractor
    folds = tec.fold_of(items, k)
    found: list = [None] * len(items)
    for f in range(k):
        model = fit([p for it in items if folds[it.key] != f for p in pairs[it.key]], kind, split, join)
        held = [n for n, it in enumerate(items) if folds[it.key] == f]
        with deciding(model, None):
            for n, extraction in zip(held, ex.extract_many([items[n].doc for n in held])):
                found[n] = extraction
    tec.compare(items, found, name_tables(pipeline.settings), f"rules + merge model ({kind}, split {split}, join {join})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("pairs", "pairs-cv", "cv"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--model", choices=("lr", "hgb"), default="lr")
    parser.add_argument("--split", type=float, default=0.5, help="a pair the rules join is kept apart under this")
    parser.add_argument("--join", type=float, default=2.0, help="a pair the rules keep apart joins from this")
    parser.add_argument("--fresh-root", type=Path, default=Path("/work/annot"))
    args = parser.parse_args(argv)
    pipeline, items, pairs = load(args.fresh_root)
    if args.command == "pairs":
        pairs_table(pairs)
    elif args.command == "pairs-cv":
        pairs_cv(items, pairs, args.folds, args.model)
    else:
        cv(pipeline, items, pairs, args.folds, args.model, args.split, args.join)
    return 0


if __name__ == "__main__":
    sys.exit(main())
