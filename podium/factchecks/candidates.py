"""What the re-ranker reads of a retrieved fact-check (:class:`Candidate`), and how it is fetched.

A :data:`Fetch` maps fact-check ids to candidates; the corpus store implements one over its
``factchecks`` table, :func:`fetch_records` one over in-memory records (benchmarks, ``podium match``).
Only the start of an article is kept (:data:`TEXT_CHARS`): the re-ranker reads no further.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from podium.factchecks.records import FactCheck

TEXT_CHARS = 300  #: characters of the article a candidate carries (the features read it through BM25)


@dataclass(frozen=True)
class Candidate:
    id: int
    claim_reviewed: str
    title: str | None = None
    text: str | None = None  # the first TEXT_CHARS characters of the article
    claimant: str | None = None
    date: str | None = None  # ISO date of the review
    claim_date: str | None = None  # ISO date the claim was made
    rating: str = "other"


Fetch = Callable[[Sequence[int]], dict[int, Candidate]]


def candidate(id: int, record: FactCheck) -> Candidate:
    """The candidate of one imported record."""
    return Candidate(
        id=id,
        claim_reviewed=record.claim_reviewed,
        title=record.title,
        text=record.text[:TEXT_CHARS] if record.text else None,
        claimant=record.claimant,
        date=record.date,
        claim_date=record.claim_date,
        rating=record.rating,
    )


def fetch_records(records: Sequence[FactCheck], ids: Sequence[int] | None = None) -> Fetch:
    """A :data:`Fetch` over records in memory; ``ids[i]`` is the id of ``records[i]`` (default: ``i``)."""
    table = {(ids[i] if ids is not None else i): record for i, record in enumerate(records)}
    made: dict[int, Candidate] = {}

    def fetch(wanted: Sequence[int]) -> dict[int, Candidate]:
        out = {}
        for i in wanted:
            i = int(i)
            if i not in made and i in table:
                made[i] = candidate(i, table[i])
            if i in made:
                out[i] = made[i]
        return out

    return fetch
