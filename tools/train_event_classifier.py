"""Train, cross-validate and measure a trained event-sentence component beside the rules.

    python tools/train_event_classifier.py ceiling            # missed gold events a sentence component could add
    python tools/train_event_classifier.py sentences          # sentence level, out of fold: what it would propose
    python tools/train_event_classifier.py oracle             # rules + the gold's own sentence types (its bound)
    python tools/train_event_classifier.py sweep              # one threshold for all types, on held-out folds
    python tools/train_event_classifier.py cv [--folds 5]     # rules vs rules + component, by held-out document folds

The component (measured here, not part of extraction: it did not beat the rules, see eval/NEWS.md):
a spaCy ``textcat_multilabel`` (bag of words and bigrams, no tok2vec) tells which event types a kept
sentence reports; for a type it is confident about and of which the rules' candidates of the sentence
have none (whatever their modality), it proposes a candidate through the rules' own argument logic
(trigger: the head of a cue word of the type, else the main predicate below a reporting verb; modality,
weapon, conductor, place by the rules' functions; then the extractor's own dating, merging and report
dates). It is put in by wrapping ``extract.sentence_candidates`` for the run (``component``).

Training data: the kept sentences (nkwatch's cleaning, blocks and spaCy sentences: what extraction
sees) of the documents of the dev gold sets -- eval/news.dev.gold.jsonl, eval/kcna_dev.gold.jsonl, the
seeds gold and the fresh dev sets of eval/fresh (DEV_FRESH; texts under --fresh-root, /work/annot by
default); never the test split nor the fresh check sets. A sentence's labels are the types of the gold events whose evidence (or evidence_alt)
overlaps it; every other sentence (gold negatives among them) is a negative.

Cross-validation is by document, documents sharing a gold cid in one fold; each held-out fold is scored
with the real eval (events P/R/F1, per type, dates wrong, conducted_by) for the rules alone and for the
rules with a component trained on the other folds, whose per-type thresholds are chosen on those
training folds (inner out-of-fold scores), never on the held-out one. Fixed seed; one thread.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import os
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from nkwatch.eval.gold import GoldDoc, load_gold, locate  # noqa: E402
from nkwatch.eval.run import gold_documents, name_tables  # noqa: E402
from nkwatch.eval.score import NameTables, prf, score  # noqa: E402
from nkwatch.models import Document  # noqa: E402
from nkwatch.nlp import extract  # noqa: E402
from nkwatch.nlp.attribution import Attribution  # noqa: E402
from nkwatch.nlp.events import Candidate, _clause, _who  # noqa: E402
from nkwatch.nlp.extract import Extractor, blocks_of  # noqa: E402
from nkwatch.nlp.lexicon import Lexicon  # noqa: E402
from nkwatch.nlp.modality import modality  # noqa: E402
from nkwatch.nlp.places import place_arg  # noqa: E402
from nkwatch.nlp.records import sentences_from_spacy  # noqa: E402
from nkwatch.nlp.sentinfo import SentInfo  # noqa: E402
from nkwatch.nlp.spacy_pipeline import NAMES  # noqa: E402
from nkwatch.nlp.weapons import weapon_arg  # noqa: E402
from nkwatch.pipeline import Pipeline  # noqa: E402
from nkwatch.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" if (REPO.parent / "shared").is_dir() else Path("/work/shared")
SEED = 0
TYPES = ("arms_transfer", "border_incident", "ceremony", "combat_operation", "diplomatic_engagement",
         "military_exercise", "military_inspection", "troop_deployment", "weapons_test")
GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
TARGET = 0.8     # a threshold must give this precision on the training folds' new sentences


# --- the component ---------------------------------------------------------------------------------------
ARCH = "bow"   # or "ensemble" (--arch): bag of words plus a small CNN of its own (not the model's tok2vec)


def blank_pipeline(types: Iterable[str], length: int = 2 ** 15):
    """An untrained blank English pipeline with one multilabel text classifier (ARCH)."""
    import spacy
    nlp = spacy.blank("en")
    bow = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
           "no_output_layer": False, "length": length}
    model = bow if ARCH == "bow" else {
        "@architectures": "spacy.TextCatEnsemble.v2", "linear_model": bow, "nO": None,
        "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                    "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                              "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 1000, 2500, 2500],
                              "include_static_vectors": False},
                    "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64, "depth": 2,
                               "window_size": 1, "maxout_pieces": 3}}}
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": model, "threshold": 0.5})
    for t in sorted(types):
        textcat.add_label(t)
    return nlp


@dataclass
class EventClassifier:
    """The trained pipeline and the score at or above which each type is proposed."""
    nlp: object
    thresholds: dict[str, float]

    def confident(self, text: str) -> list[str]:
        cats = self.nlp(text).cats
        return [t for t, s in cats.items() if t in self.thresholds and s >= self.thresholds[t]]


def trigger(info: SentInfo, type_: str, att: Attribution) -> int:
    """The token a proposed event hangs on: the head of a cue word of its type in the sentence (its
    requirements unmet), else the main predicate, below a reporting verb ("officials said the North
    fired ...": fired) and down its open complements ("plans to send marines to train": train, whose
    modality reads the verbs above it)."""
    for hit in info.cues:
        if any(c.type == type_ for c in hit.values) and (head := info.head_of(hit)) is not None:
            return head
    sent = info.sent
    head = next((t.i for t in sent.toks if t.head == t.i), 0)
    for _ in range(len(sent.toks)):
        deps = ("ccomp", "xcomp") if head in att.reporting else ("xcomp",)
        comp = next((k.i for k in sent.kids(head) if k.dep in deps), None)
        if comp is None:
            break
        head = comp
    return head


def proposed(info: SentInfo, types: list[str], lex: Lexicon, att: Attribution,
             agents: list[tuple[str, ...]], found: list[Candidate], whole_sentence: bool = True) -> list[Candidate]:
    """A candidate for each type of ``types`` the rules' candidates (``found``) lack, with the
    arguments the rules read at its trigger; none where the trigger is told as anything but having
    happened (planned, threatened, denied, a summary). Its evidence: the sentence (``whole_sentence``),
    else the trigger's clause as for a cue."""
    out = []
    have = {c.type for c in found}
    sent = info.sent
    for type_ in types:
        if type_ in have:
            continue
        head = trigger(info, type_, att)
        tok = sent.toks[head]
        if modality(sent, head, lex.modality, att.reporting) != "happened":
            continue
        scope = info.scope(head)
        near = info.near(head, [head]) | scope
        w = weapon_arg(info, scope, near, lex.claims) if type_ == "weapons_test" else None
        who = _who(info, head, None, type_, w.country if w else None, scope, lex, agents, None, tok.lemma, ())
        actors = [h.values[0].name for h in info.actors if not any(i in att.subject_tokens for i in info.toks_of(h))]
        out.append(Candidate(
            type=type_, info=info, head=head, cue="(classifier)", verbal=tok.pos in ("VERB", "AUX"),
            modality="happened", scope=scope, weapon=w.name if w else None, weapon_class=w.cls if w else None,
            count=w.count if w else None, place=place_arg(info, _clause(info, head, scope), lex),
            actors=list(dict.fromkeys(actors)), sources=list(att.sources),
            conducted_by=who.states, conducted_explicit=who.explicit,
            span=(sent.start, sent.end) if whole_sentence else None))
    return out


@contextlib.contextmanager
def component(types_of: Callable[[SentInfo], list[str]] | None,
              seen: dict[tuple[int, str], list[Candidate]] | None = None, whole_sentence: bool = True):
    """While it is open, extraction adds ``proposed`` candidates for the types ``types_of(info)`` gives
    (None: none); ``seen`` records each sentence's rule candidates ((start, text) -> candidates)."""
    rules = extract.sentence_candidates

    def wrapped(info, lex, att, agents=None):
        found = rules(info, lex, att, agents)
        if seen is not None:
            seen[(info.sent.start, info.sent.text)] = list(found)
        types = types_of(info) if types_of else []
        if not types:
            return found
        return found + proposed(info, types, lex, att, agents if agents is not None else [], found, whole_sentence)
    extract.sentence_candidates = wrapped
    try:
        yield
    finally:
        extract.sentence_candidates = rules


# The fresh sets that are dev sets (rules were written on them, or they were gathered to train on:
# fresh7-*; fresh5-*, fresh6-* since stop 22; fresh8-* since stop 23; fresh10-* since stop 24; fresh12-* since stop 25). The check sets (fresh13-*,
# fresh14-* and later: eval/NEWS.md, tools/fresh_eval.py CHECK_SETS) are never trained or measured on here.
DEV_FRESH = ("fresh3-b", "fresh3-b-check", "fresh3-c", "fresh3-c2", "fresh3-w", "fresh4-k", "fresh4-k-check",
             "fresh4-x", "fresh4-x-check", "fresh5-a", "fresh5-b", "fresh6-c", "fresh6-d", "fresh7-e", "fresh7-f",
             "fresh7-g", "fresh8-x", "fresh8-y", "fresh9-h", "fresh9-i", "fresh10-z", "fresh12-p",
             "fresh12-q", "fresh16-x", "fresh16-y", "fresh18-p", "fresh18-q", "fresh19-a", "fresh19-b", "fresh19-c",
             "fresh19-d", "fresh20-a", "fresh20-b", "fresh21-a", "fresh21-b",
             "fresh22-a", "fresh22-b")


def gold_sets(fresh_root: Path) -> list[tuple[str, Path, Path]]:
    """(name, gold file, documents folder) of every dev gold set; neither the test split nor the fresh
    check sets are among them."""
    sets = [("news_dev", REPO / "eval/news.dev.gold.jsonl", SHARED / "corpus"),
            ("kcna_dev", REPO / "eval/kcna_dev.gold.jsonl", SHARED / "corpus/kcna"),
            ("seeds", SHARED / "eval/seeds.gold.jsonl", SHARED / "corpus/seeds")]
    with (REPO / "eval/fresh/documents.tsv").open(encoding="utf-8", newline="") as f:
        folders = {r["set"]: r["text"].rsplit("/", 1)[0] for r in csv.DictReader(f, delimiter="\t")}
    for name, folder in sorted(folders.items()):
        if name in DEV_FRESH and (fresh_root / folder).is_dir():
            sets.append((name, REPO / f"eval/fresh/{name}.gold.jsonl", fresh_root / folder))
    assert not any("test" in g.name for _, g, _ in sets)  # the file name: a checkout may sit in a folder named test
    return sets


@dataclass
class Item:
    """One gold document: its set, gold line, prepared Document and kept sentences with labels."""
    set: str
    gold: GoldDoc
    doc: Document
    sents: list[tuple[int, int, str, bool]] = field(default_factory=list)  # start, end, text, parsed by the cascade
    labels: list[set[str]] = field(default_factory=list)
    rules: object = None   # the rules' Extraction
    candidates: dict = field(default_factory=dict)  # (sentence start, text) -> the rules' candidates

    @property
    def key(self) -> str:
        return f"{self.set}:{self.gold.doc}"


def prepare(pipeline: Pipeline, gold: list[GoldDoc], docs_dir: Path, set_name: str) -> list[Item]:
    """The gold documents read, cleaned and dated as ``nkwatch eval`` does (``eval.run.gold_documents``)."""
    by_name = {g.doc: g for g in gold}
    docs, _ = gold_documents(pipeline, docs_dir, by_name)
    return [Item(set_name, by_name[name], doc) for name, doc in docs.items()]


def gold_spans(item: Item) -> list[tuple[str, list]]:
    """(type, the spans of its evidence and evidence_alt) of each gold event of the item, in gold order."""
    return [(e.type, [locate(ev, item.doc.text, item.gold.doc) for ev in e.evidence]) for e in item.gold.events]


def sentences(ex: Extractor, item: Item) -> None:
    """The item's kept sentences as extraction splits them, with whether the cascade parses them,
    and their gold labels."""
    parsed = ex._without_dateline(blocks_of(item.doc, ex.lex.wrap_words))
    wanted = ex._to_parse(parsed, item.doc.published) if parsed else []
    for sdoc, (b, w) in ex.nlp.pipe([(b.text, (b, w)) for b, w in zip(parsed, wanted)], as_tuples=True,
                                    disable=NAMES):
        for s in sentences_from_spacy(sdoc, b.start, None):
            item.sents.append((s.start, s.end, s.text, bool(w)))
    spans = gold_spans(item)
    for start, end, _, _ in item.sents:
        item.labels.append({t for t, ss in spans if any(sp.start < end and start < sp.end for sp in ss)})


def load_all(fresh_root: Path) -> tuple[Pipeline, Extractor, list[Item]]:
    """Every gold document prepared, split into sentences and extracted by the rules."""
    pipeline = Pipeline(Settings())
    ex = pipeline.extractor
    items = []
    for name, gpath, docs in gold_sets(fresh_root):
        gold = load_gold(gpath)
        got = prepare(pipeline, gold, docs, name)
        for it in got:
            sentences(ex, it)
        for it in got:
            with component(None, it.candidates):
                it.rules = ex.extract(it.doc)
        items += got
        print(f"{name}: {len(got)} documents, {sum(len(i.sents) for i in got)} sentences", file=sys.stderr)
    return pipeline, ex, items


# --- ceiling -------------------------------------------------------------------------------------------
def ceiling(items: list[Item], names: NameTables, listed: list | None = None) -> dict:
    """Missed gold events (fn of the rules) by what their evidence sentences hold: a predicted event of
    their type already (a second event there: only a finer split or merge could add it), else, in the
    best of them, a rule candidate of their type told as having happened (merged into another event or
    dropped after), one told otherwise (planned, hypothetical ...), or none (what a sentence component
    can add), or no sentence the cascade parses. ``listed`` gets (class, document, type, cid) of each."""
    out: dict[str, Counter] = defaultdict(Counter)
    order = ("no rule candidate", "rule candidate, happened", "rule candidate, other modality",
             "same type already", "not parsed")
    for it in items:
        res = score([it.gold], {it.gold.doc: (it.doc, it.rules)}, names=names)
        by_cid = {(e.cid, e.type): e for e in it.gold.events}
        for err in res["errors"]:
            if err["kind"] != "fn":
                continue
            e = by_cid[(err["detail"], err["type"])]
            spans = [locate(ev, it.doc.text) for ev in e.evidence]
            kinds = []
            for start, end, text, parsed in it.sents:
                if not any(sp.start < end and start < sp.end for sp in spans):
                    continue
                cands = [c for c in it.candidates.get((start, text), []) if c.type == e.type]
                if any(m.type == e.type and m.evidence.start < end and start < m.evidence.end
                       for m in it.rules.mentions):
                    kinds.append("same type already")
                elif not parsed:
                    kinds.append("not parsed")
                elif not cands:
                    kinds.append("no rule candidate")
                elif any(c.modality == "happened" for c in cands):
                    kinds.append("rule candidate, happened")
                else:
                    kinds.append("rule candidate, other modality")
            kind = min(kinds, key=order.index) if kinds else "not parsed"
            if listed is not None:
                listed.append((kind, it.key, e.type, e.cid))
            for key in (it.set, "ALL", "ALL:" + e.type):
                out[key][kind] += 1
    return out


# --- training ------------------------------------------------------------------------------------------
def examples_of(items: list[Item]) -> list[tuple[str, set[str]]]:
    return [(text, labels) for it in items for (_, _, text, _), labels in zip(it.sents, it.labels)]


def train(data: list[tuple[str, set[str]]], epochs: int = 8, length: int = 2 ** 15):
    """A multilabel bag-of-words classifier trained on (sentence, labels), fixed seed."""
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch
    fix_random_seed(SEED)
    nlp = blank_pipeline(TYPES, length)
    exs = [Example.from_dict(nlp.make_doc(t), {"cats": {k: float(k in ls) for k in TYPES}}) for t, ls in data]
    optimizer = nlp.initialize(lambda: exs)
    rng = random.Random(SEED)
    for _ in range(epochs):
        rng.shuffle(exs)
        for batch in minibatch(exs, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.1)
    return nlp


def rule_types(it: Item, k: int) -> set[str]:
    s, e = it.sents[k][:2]
    return {m.type for m in it.rules.mentions if m.evidence.start < e and s < m.evidence.end}


def thresholds(items: list[Item], folds: int = 3) -> dict[str, float]:
    """Per type, the lowest threshold of GRID at which the sentences the rules give no event of the
    type and the component would give one are that type's gold sentences in at least TARGET of cases,
    out of fold (inner folds of ``items``); a type no threshold reaches is left out."""
    groups = fold_of(items, folds)
    scored: list[tuple[dict[str, float], set[str], set[str], bool]] = []
    for f in range(folds):
        nlp = train(examples_of([it for it in items if groups[it.key] != f]))
        held = [it for it in items if groups[it.key] == f]
        texts = [s[2] for it in held for s in it.sents]
        cats = [dict(d.cats) for d in nlp.pipe(texts)]
        n = 0
        for it in held:
            for k, labels in enumerate(it.labels):
                scored.append((cats[n], labels, rule_types(it, k), it.sents[k][3]))
                n += 1
    out = {}
    for t in TYPES:
        for th in GRID:
            new = [labels for cats, labels, ruled, parsed in scored if parsed and t not in ruled and cats[t] >= th]
            if len(new) >= 3 and sum(t in ls for ls in new) / len(new) >= TARGET:
                out[t] = th
                break
    return out


def new_sentence_table(items: list[Item], k: int) -> None:
    """Sentence level, out of fold: per type, the parsed gold sentences of the type with no predicted
    event of it (missed), and per threshold, of the parsed sentences with no predicted event of the type
    that the component scores at or above it (n), how many are gold sentences of the type (right)."""
    folds = fold_of(items, k)
    scored = []
    for f in range(k):
        nlp = train(examples_of([it for it in items if folds[it.key] != f]))
        held = [it for it in items if folds[it.key] == f]
        cats = [dict(d.cats) for d in nlp.pipe([s[2] for it in held for s in it.sents])]
        n = 0
        for it in held:
            for j, labels in enumerate(it.labels):
                scored.append((cats[n], labels, rule_types(it, j), it.sents[j][3]))
                n += 1
    for t in TYPES:
        missed = sum(1 for _, ls, ruled, parsed in scored if parsed and t in ls and t not in ruled)
        row = []
        for th in GRID:
            new = [ls for cats, ls, ruled, parsed in scored if parsed and t not in ruled and cats[t] >= th]
            row.append(f"{th}: {sum(t in ls for ls in new)}/{len(new)}")
        print(f"{t:22} missed sentences {missed:3}  right/n at " + "  ".join(row))


def fold_of(items: list[Item], k: int) -> dict[str, int]:
    """Document -> fold, documents sharing a gold cid together (union-find), groups dealt by size."""
    parent = {it.key: it.key for it in items}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    owner: dict[str, str] = {}
    for it in items:
        for e in it.gold.events:
            if e.cid in owner:
                parent[find(it.key)] = find(owner[e.cid])
            else:
                owner[e.cid] = it.key
    groups: dict[str, list[str]] = defaultdict(list)
    for it in items:
        groups[find(it.key)].append(it.key)
    order = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
    random.Random(SEED).shuffle(order)
    sizes, out = [0] * k, {}
    for g in sorted(order, key=len, reverse=True):
        f = sizes.index(min(sizes))
        sizes[f] += len(g)
        for key in g:
            out[key] = f
    return out


# --- measuring -----------------------------------------------------------------------------------------
def tally(items: list[Item], extractions: list, names: NameTables) -> dict:
    t = defaultdict(int)
    per_type = defaultdict(lambda: defaultdict(int))
    for it, extraction in zip(items, extractions):
        res = score([it.gold], {it.gold.doc: (it.doc, extraction)}, names=names)
        ev = res["events"]
        for key in ("tp", "fp", "fn"):
            t[key] += ev[key]
        t["dates_wrong"] += res["dates"]["wrong"]
        n = res["args"]["scored"]["conducted_by"]
        t["cb_n"] += n
        t["cb_right"] += round((res["args"]["conducted_by"] or 0) * n)
        for ty, v in res["per_type"].items():
            for key in ("tp", "fp", "fn"):
                per_type[ty][key] += v[key]
    return {"all": dict(t), "per_type": {k: dict(v) for k, v in per_type.items()}}


def figures(t: dict) -> str:
    """P / R / F1 of a tally (``eval.score.prf``), with its counts."""
    f = prf(t["tp"], t["fp"], t["fn"])
    return (f"P {f['precision'] or 0:.3f} R {f['recall'] or 0:.3f} F1 {f['f1'] or 0:.3f} "
            f"(tp {t['tp']} fp {t['fp']} fn {t['fn']})")


def cv(ex: Extractor, items: list[Item], names: NameTables, k: int, whole_sentence: bool = True) -> None:
    folds = fold_of(items, k)
    comp_ex: list = [None] * len(items)
    for f in range(k):
        train_items = [it for it in items if folds[it.key] != f]
        th = thresholds(train_items)
        model = EventClassifier(train(examples_of(train_items)), th)
        held = [n for n, it in enumerate(items) if folds[it.key] == f]
        with component(lambda info: model.confident(info.sent.text), whole_sentence=whole_sentence):
            for n, extraction in zip(held, ex.extract_many([items[n].doc for n in held])):
                comp_ex[n] = extraction
        print(f"fold {f}: {len(held)} documents, thresholds {th}", file=sys.stderr)
    compare(items, comp_ex, names, "rules + component")


def sweep(ex: Extractor, items: list[Item], names: NameTables, k: int, whole_sentence: bool = True,
          grid: tuple[float, ...] = (0.2, 0.3, 0.4, 0.5, 0.7)) -> None:
    """One global threshold for every type, each scored on the held-out folds: optimistic (the threshold
    is seen on the held-out folds), so a threshold that does not help here cannot help honestly."""
    folds = fold_of(items, k)
    models = [train(examples_of([it for it in items if folds[it.key] != f])) for f in range(k)]
    for th in grid:
        found: list = [None] * len(items)
        for f, nlp in enumerate(models):
            model = EventClassifier(nlp, {t: th for t in TYPES})
            held = [n for n, it in enumerate(items) if folds[it.key] == f]
            with component(lambda info: model.confident(info.sent.text), whole_sentence=whole_sentence):
                for n, extraction in zip(held, ex.extract_many([items[n].doc for n in held])):
                    found[n] = extraction
        t = tally(items, found, names)["all"]
        cb = t["cb_right"] / t["cb_n"] if t["cb_n"] else 0
        print(f"threshold {th}: {figures(t)}, dates wrong {t['dates_wrong']}, conducted_by {cb:.3f} of {t['cb_n']}")


def oracle(ex: Extractor, items: list[Item], names: NameTables, whole_sentence: bool = True) -> None:
    """Rules + the component with a perfect sentence classifier (the gold's own labels): its bound."""
    found = []
    for it in items:
        labels = {(s[0], s[2]): sorted(ls) for s, ls in zip(it.sents, it.labels)}
        with component(lambda info: labels.get((info.sent.start, info.sent.text), []), whole_sentence=whole_sentence):
            found.append(ex.extract(it.doc))
    compare(items, found, names, "rules + gold sentence types")


def compare(items: list[Item], extractions: list, names: NameTables, title: str) -> None:
    rules = tally(items, [it.rules for it in items], names)
    comp = tally(items, extractions, names)
    report("rules alone", rules)
    report(title, comp)
    for s in sorted({it.set for it in items}):
        idx = [n for n, it in enumerate(items) if it.set == s]
        a = tally([items[n] for n in idx], [items[n].rules for n in idx], names)["all"]
        b = tally([items[n] for n in idx], [extractions[n] for n in idx], names)["all"]
        print(f"  {s:15} rules {figures(a)}  |  with it {figures(b)}")


def report(title: str, t: dict) -> None:
    a = t["all"]
    cb = a["cb_right"] / a["cb_n"] if a["cb_n"] else 0
    print(f"{title}: {figures(a)}, dates wrong {a['dates_wrong']}, conducted_by {cb:.3f} of {a['cb_n']}")
    for ty in sorted(t["per_type"]):
        v = t["per_type"][ty]
        print(f"  {ty:22} tp {v['tp']:3} fp {v['fp']:3} fn {v['fn']:3}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("ceiling", "sentences", "oracle", "sweep", "cv"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--arch", choices=("bow", "ensemble"), default="bow")
    parser.add_argument("--clause", action="store_true", help="a proposed event's evidence: its trigger's clause, "
                        "not its sentence")
    parser.add_argument("--list", action="store_true", help="ceiling: each missed event with its class")
    parser.add_argument("--fresh-root", type=Path, default=Path("/work/annot"))
    args = parser.parse_args(argv)
    global ARCH
    ARCH = args.arch
    pipeline, ex, items = load_all(args.fresh_root)
    names = name_tables(pipeline.settings)
    if args.command == "ceiling":
        listed: list = []
        for key, counts in sorted(ceiling(items, names, listed).items()):
            print(f"{key:32} " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))
        for row in sorted(listed) if args.list else ():
            print("\t".join(row))
    elif args.command == "sentences":
        new_sentence_table(items, args.folds)
    elif args.command == "sweep":
        sweep(ex, items, names, args.folds, not args.clause)
    elif args.command == "oracle":
        oracle(ex, items, names, not args.clause)
    else:
        cv(ex, items, names, args.folds, not args.clause)
    return 0


if __name__ == "__main__":
    sys.exit(main())
