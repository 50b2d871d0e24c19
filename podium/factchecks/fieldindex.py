"""What the re-ranker reads of each fact-check's own fields, indexed once so matching never tokenises them.

:class:`Fields` is one fact-check's claim, title, claimant, date and whether it has an article.
:class:`FieldIndex` holds, for every row of a :class:`~podium.factchecks.index.MatchIndex`, small term
indices (:class:`~podium.factchecks.lexical.Bm25` postings) of the claim, the title, the numbers and
names of claim and title, and the claimant, plus per-row arrays (distinct claim terms, names, flags for
numbers, negation and article, the day of the claim). The features of a query against any set of rows
are then postings look-ups (:meth:`FieldIndex.per_candidate`): the same values that reading the
fields through a fetch gives (:func:`podium.factchecks.features.candidate_values`), without the
per-candidate text work that made a cold match of 76 claims against 100,000 fact-checks take seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from podium.factchecks.lexical import Bm25, terms
from podium.factchecks.records import FactCheck
from podium.factchecks.textbits import content_terms, day_number, name_terms, negated, numbers, person_terms

_PARTS = ("claims", "titles", "numbers", "names", "claimants")
_NUMBERS, _NEGATED, _ARTICLE = 1, 2, 4


@dataclass(frozen=True)
class Fields:
    """One fact-check as the re-ranker reads it (besides the lexical text and the vector)."""

    claim_reviewed: str
    title: str | None = None
    claimant: str | None = None
    date: str | None = None  # ISO date of the claim, else of the review
    has_article: bool = False


def fields_of(record: FactCheck) -> Fields:
    """The :class:`Fields` of an imported record (its claim date, else its review date)."""
    return Fields(
        claim_reviewed=record.claim_reviewed,
        title=record.title,
        claimant=record.claimant,
        date=record.claim_date or record.date,
        has_article=bool(record.text and record.text.strip()),
    )


def headline(claim: str, title: str | None) -> str:
    return f"{claim}\n{title or ''}"


@dataclass
class FieldIndex:
    claims: Bm25  # terms of the claim
    titles: Bm25  # terms of the title
    numbers: Bm25  # numbers of claim and title
    names: Bm25  # name terms of claim and title
    claimants: Bm25  # name terms of the claimant
    claim_terms: np.ndarray  # (n,) int16 distinct content terms of the claim
    name_count: np.ndarray  # (n,) int16 distinct name terms of claim and title
    flags: np.ndarray  # (n,) uint8: 1 numbers in claim/title, 2 negated claim, 4 has an article
    days: np.ndarray  # (n,) int32 day number of the claim date (0: unknown)

    @classmethod
    def build(cls, fields: Sequence[Fields]) -> FieldIndex:
        nums = [sorted(numbers(headline(f.claim_reviewed, f.title))) for f in fields]
        names = [sorted(name_terms(f.claim_reviewed) | name_terms(f.title or "")) for f in fields]
        flags = np.array(
            [
                (_NUMBERS if n else 0)
                | (_NEGATED if negated(f.claim_reviewed) else 0)
                | (_ARTICLE if f.has_article else 0)
                for f, n in zip(fields, nums, strict=True)
            ],
            dtype=np.uint8,
        )
        return cls(
            claims=Bm25.build_terms([terms(f.claim_reviewed) for f in fields]),
            titles=Bm25.build_terms([terms(f.title or "") for f in fields]),
            numbers=Bm25.build_terms(nums),
            names=Bm25.build_terms(names),
            claimants=Bm25.build_terms([sorted(person_terms(f.claimant)) for f in fields]),
            claim_terms=np.array([len(set(content_terms(f.claim_reviewed))) for f in fields], dtype=np.int16),
            name_count=np.array([len(n) for n in names], dtype=np.int16),
            flags=flags.reshape(-1),
            days=np.array([day_number(f.date) or 0 for f in fields], dtype=np.int32),
        )

    def arrays(self) -> dict[str, np.ndarray]:
        out = {
            "fields_claim_terms": self.claim_terms,
            "fields_name_count": self.name_count,
            "fields_flags": self.flags,
            "fields_days": self.days,
        }
        for part in _PARTS:
            for name, array in getattr(self, part).arrays().items():
                out[f"fields_{part}_{name}"] = array
        return out

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> FieldIndex | None:
        """The field index in ``arrays``, or None when they hold none."""
        if "fields_flags" not in arrays:
            return None
        parts = {}
        for part in _PARTS:
            prefix = f"fields_{part}_"
            parts[part] = Bm25.from_arrays(
                {k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)}
            )
        return cls(
            **parts,
            claim_terms=arrays["fields_claim_terms"],
            name_count=arrays["fields_name_count"],
            flags=arrays["fields_flags"],
            days=arrays["fields_days"],
        )

    @property
    def n(self) -> int:
        return len(self.flags)
