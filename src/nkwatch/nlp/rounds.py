"""The named entities a batch's documents ask for, found in rounds: one call of the entity
components for all the blocks asked at the same point, instead of one call per block.

The rules read a block's entities only when they need them (``records.Names``); run on one short
block at a time, the entity recognizer costs about twice as much per block as on many blocks
together (its transition loop and matrix products run once per call). So each document's rules
run in a greenlet of their own (a coroutine: one thread, nothing runs in parallel): a document that
asks for a block's entities is suspended there (``find``); once every document of the batch is
suspended or done, the entity components run once on all the blocks asked (``find_many``) and the
suspended documents go on, in the batch's order, until the next round. Each document's rules run in
their own order, as they would alone, and a Doc is recognized alone as within a batch (each is its
own sequence to the model): results are those of reading the documents one by one."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from greenlet import getcurrent, greenlet


class _Ask:
    """What a suspended document hands back: the Doc whose entities it needs."""
    __slots__ = ("doc",)

    def __init__(self, doc) -> None:
        self.doc = doc


class _Failed:
    """The answer for a document whose Doc's entities could not be found: the exception, to raise there."""
    __slots__ = ("exc",)

    def __init__(self, exc: Exception) -> None:
        self.exc = exc


class Rounds:
    """``run`` a batch's documents; ``find`` (``records.Names``'s finder) asks for one Doc's entities.
    ``find_many``: the entity components on a list of Docs, the same Docs returned in their order."""

    def __init__(self, find_many: Callable[[list], list]) -> None:
        self._find_many = find_many
        self._readers: set[greenlet] = set()

    def run(self, works: Sequence[Callable[[], Any]]) -> list[Any]:
        """What each of ``works`` returns (or the exception it raises), in their order."""
        readers = [greenlet(work) for work in works]
        self._readers = set(readers)
        outcomes: list[Any] = [None] * len(readers)
        answers: dict[int, Any] = {}
        try:
            waiting = list(range(len(readers)))
            while waiting:
                asked: list[tuple[int, Any]] = []
                for n in waiting:
                    try:
                        got = readers[n].switch(*([answers.pop(n)] if n in answers else []))
                    except BaseException as exc:  # handed to the caller, at this document
                        outcomes[n] = exc
                        continue
                    if isinstance(got, _Ask):
                        asked.append((n, got.doc))
                    else:
                        outcomes[n] = got
                if asked:
                    answers = self._answer(asked)
                waiting = [n for n, _ in asked]
        finally:
            self._readers = set()
        return outcomes

    def _answer(self, asked: list[tuple[int, Any]]) -> dict[int, Any]:
        try:
            found = self._find_many([doc for _, doc in asked])
        except Exception as exc:  # each document that asked fails with it
            return {n: _Failed(exc) for n, _ in asked}
        return {n: doc for (n, _), doc in zip(asked, found)}

    def find(self, doc):
        """``doc`` with its entities: in a document's greenlet, when the round ends; elsewhere, at once."""
        reader = getcurrent()
        if reader not in self._readers:
            return self._find_many([doc])[0]
        answer = reader.parent.switch(_Ask(doc))
        if isinstance(answer, _Failed):
            raise answer.exc
        return answer
