"""The relevance cascade on invented blocks (the packaged lexicon, no spaCy model): what can yield
a mention or a claim is parsed, with the blocks that change what those yield; a document whose
words can yield nothing is not parsed at all and has an empty extraction."""
from __future__ import annotations

import pytest

from nkwatch.models import Document, Span
from nkwatch.nlp.cascade import Cascade, Parse
from nkwatch.nlp.lexicon import load_lexicon
from nkwatch.nlp.phrases import normalize
from nkwatch.settings import Settings


@pytest.fixture(scope="module")
def cascade() -> Cascade:
    return Cascade(load_lexicon(Settings()))


def parse(cascade: Cascade, *blocks: str) -> list[bool]:
    return [bool(p) for p in cascade.blocks_to_parse([normalize(b) for b in blocks], list(blocks))]


@pytest.mark.parametrize("block", [
    "The missile flew 600 km before it fell into the sea.",
    "The missile flew 600km.",                      # unit glued to its number
    "It flew some twenty-nine kilometres.",          # a number word
    "It reached 1.5 million km.",                    # a multiplier between number and unit
    "The glider reached Mach 10 on its descent.",    # a prefix unit before the number
    "About 12,000 North Korean troops remain there.",  # a count noun after its number
    "Some 600 were killed in the fighting.",         # a count verb after the number
])
def test_a_claim_word_with_its_number_is_parsed(cascade, block):
    assert parse(cascade, block) == [True]


@pytest.mark.parametrize("block", [
    "The country's workers met their targets ahead of schedule.",  # a count noun, no number
    "On March 5, 2024 the newspaper's editors wrote about it.",    # numbers, no claim word ("'s" is no unit)
    "Workers of 12 factories met their targets.",                  # a number after, not before, the noun
])
def test_claim_words_without_a_number_for_them_are_not(cascade, block):
    assert parse(cascade, block) == [False]


def test_a_cue_needs_the_words_its_requirements_name(cascade):
    assert parse(cascade, "A ceremony was held at the theatre.") == [False]
    assert parse(cascade, "A ceremony was held for the army unit.") == [True]
    # "weapon" can be waived ("the launch" restates an event), so it never stops a cue
    assert parse(cascade, "The launch was watched by officials.") == [True]


def test_context_blocks_are_parsed_only_beside_a_block_that_can_yield(cascade):
    source = "The Joint Chiefs of Staff said more details would follow."
    assert parse(cascade, source, "The weather was mild.") == [False, False]
    assert parse(cascade, source, "The missile flew 600 km.", "The weather was mild.") == [True, True, False]


def test_after_the_last_block_that_can_yield_a_source_counts_only_with_a_day(cascade):
    """There, what attribution remembers is read by no block that can yield: only a report date
    (a day named in the block) is left to change."""
    blocks = ["The missile flew 600 km.", "The Joint Chiefs of Staff said more details would follow."]
    nts = [normalize(b) for b in blocks]
    assert cascade.blocks_to_parse(nts, blocks, lambda i: False) == [Parse.FULL, Parse.NO]
    assert cascade.blocks_to_parse(nts, blocks, lambda i: i == 1) == [Parse.FULL, Parse.SYNTAX]
    assert cascade.blocks_to_parse(nts[::-1], blocks[::-1], lambda i: False) == [Parse.SYNTAX, Parse.FULL]


def test_a_block_that_refers_back_is_parsed_wherever_it_is(cascade):
    """A reported sentence about a weapon lends its sources to a test told before it
    (``events.references``): parsed in full, without a day, and the sources before it with it
    (it reads what attribution remembers)."""
    refers = "The JCS said the projectile was a Hwasong-12."
    source = "The Joint Chiefs of Staff said more details would follow."
    blocks = ["The missile flew 600 km.", source, refers]
    nts = [normalize(b) for b in blocks]
    assert cascade.blocks_to_parse(nts, blocks, lambda i: False) == [Parse.FULL, Parse.SYNTAX, Parse.FULL]
    assert cascade.blocks_to_parse(nts[:2], blocks[:2], lambda i: False) == [Parse.FULL, Parse.NO]


def test_a_statement_verb_counts_in_the_first_block_only(cascade):
    """The author of a reproduced statement is read from the lead sentence."""
    statement = "The ministry issued a press statement on the matter."
    nts = [normalize(b) for b in (statement, "The missile flew 600 km.")]
    assert cascade.blocks_to_parse(nts, [statement, "The missile flew 600 km."]) == [Parse.FULL, Parse.FULL]
    assert parse(cascade, "The missile flew 600 km.", statement) == [True, False]


def test_blocks_parsed_for_others_are_parsed_without_named_entities(cascade):
    """What attribution remembers and report dates come from the syntax and the lexicon."""
    source = "The Joint Chiefs of Staff said more details would follow."
    blocks = [source, "The missile flew 600 km."]
    assert cascade.blocks_to_parse([normalize(b) for b in blocks], blocks) == [Parse.SYNTAX, Parse.FULL]


@pytest.mark.model
def test_a_document_that_can_yield_nothing_is_not_parsed(monkeypatch):
    from nkwatch.nlp.extract import Extractor
    extractor = Extractor(Settings())
    parsed: list[str] = []
    pipe = extractor.nlp.pipe
    monkeypatch.setattr(extractor.nlp, "pipe", lambda items, **kw: pipe(
        [item for item in items if not parsed.append(item[0])], **kw))
    text = "Farmers brought in the rice harvest.\nThe newspaper's editors praised the workers."
    doc = Document(name="farm.txt", text=text, kept=[Span(0, len(text))])
    result = extractor.extract(doc)
    assert parsed == [] and result.mentions == [] and result.claims == []


def test_a_pronoun_meeting_is_parsed_once_a_state_was_named(cascade):
    # "they" may stand for the states named before (events._foreign_by_pronoun), never when none was
    assert parse(cascade, "Kim Jong Un met Vladimir Putin in Moscow.", "They first met in Vladivostok in 2019.") \
        == [True, True]
    assert parse(cascade, "They first met in Vladivostok in 2019.") == [False]


def test_nationals_a_number_may_count_are_troops_to_the_cascade_too(cascade):
    # the words SentInfo.context counts as troops when a number counts them ([context] counted_troops)
    found = cascade.scan.scan(normalize("Moscow has deployed some 8,000 North Koreans."))
    assert cascade._possible("troops", found) and cascade._possible("troops_obj", found)
    assert not cascade._possible("troops", cascade.scan.scan(normalize("The weather was mild.")))
