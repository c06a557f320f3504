"""Rounds of entity look-ups (nlp/rounds.py): each document's rules in a coroutine, the blocks the
documents ask for at the same point found together, each document's outcome in its place."""
from datetime import date

import pytest

from nkwatch.nlp.rounds import Rounds


class Finder:
    """A stand-in for the entity components: upper-cases the "Docs" (strings) and records each call."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.calls: list[list[str]] = []
        self.fail_on = fail_on

    def __call__(self, docs: list[str]) -> list[str]:
        self.calls.append(list(docs))
        if self.fail_on in docs:
            raise RuntimeError("no entities")
        return [d.upper() for d in docs]


def reader(rounds: Rounds, log: list, name: str, blocks: list[str]):
    def work():
        log.append(f"{name} starts")
        found = [rounds.find(b) for b in blocks]
        log.append(f"{name} ends")
        return found
    return work


def test_blocks_asked_at_the_same_point_are_found_together():
    finder = Finder()
    rounds = Rounds(finder)
    log: list[str] = []
    out = rounds.run([reader(rounds, log, "a", ["a1", "a2"]), reader(rounds, log, "b", ["b1"]),
                      reader(rounds, log, "c", [])])
    assert out == [["A1", "A2"], ["B1"], []]
    assert finder.calls == [["a1", "b1"], ["a2"]]


def test_documents_take_turns_in_their_order():
    rounds = Rounds(Finder())
    log: list[str] = []
    rounds.run([reader(rounds, log, "a", ["a1"]), reader(rounds, log, "b", ["b1"])])
    assert log == ["a starts", "b starts", "a ends", "b ends"]


def test_a_document_asking_again_waits_for_the_next_round():
    finder = Finder()
    rounds = Rounds(finder)
    out = rounds.run([lambda: [rounds.find(b) for b in ("x", "y", "z")], lambda: rounds.find("w")])
    assert out == [["X", "Y", "Z"], "W"]
    assert finder.calls == [["x", "w"], ["y"], ["z"]]


def test_a_failing_document_fails_alone():
    rounds = Rounds(Finder())

    def broken():
        rounds.find("z")
        raise ValueError("bad rule")
    out = rounds.run([broken, lambda: "fine"])
    assert isinstance(out[0], ValueError) and out[1] == "fine"


def test_a_failing_look_up_fails_the_documents_that_asked():
    rounds = Rounds(Finder(fail_on="bad"))
    out = rounds.run([lambda: rounds.find("bad"), lambda: "no names asked"])
    assert isinstance(out[0], RuntimeError) and out[1] == "no names asked"


def test_outside_a_round_a_block_is_found_at_once():
    finder = Finder()
    assert Rounds(finder).find("x") == "X"
    assert finder.calls == [["x"]]


@pytest.mark.parametrize("n", [0, 1, 70])
def test_every_outcome_in_its_place(n):
    rounds = Rounds(Finder())
    assert rounds.run([lambda k=k: (k, rounds.find(str(k))) for k in range(n)]) == [(k, str(k)) for k in range(n)]


@pytest.mark.model
def test_a_batch_reads_as_its_documents_one_by_one(extractor):
    """The entities found in rounds over a batch give each document what it gets alone."""
    from .helpers import make_doc
    texts = ["North Korea fired two ballistic missiles into the sea off Wonsan on Monday, Seoul's military said.",
             "Kim Jong Un met Russian Defence Minister Andrei Belousov in Pyongyang on Tuesday, state media reported.",
             "The weather in Seoul was mild.",
             "South Korean and US forces began the Freedom Shield exercise on Monday, the Joint Chiefs of Staff said."]
    docs = [make_doc(t, date(2025, 3, 14), name=f"{n}.txt") for n, t in enumerate(texts)]
    alone = [extractor.extract(d) for d in docs]
    together = list(extractor.extract_many(docs))
    assert together == alone
    assert any(x.mentions for x in together)
