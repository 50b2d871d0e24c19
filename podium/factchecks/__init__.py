"""Fact-check archives read into :class:`FactCheck` records (issue 15, part 1: import).

Pure library code: no database, no CLI. Every input item ends up either imported or skipped with a
reason in an :class:`ImportReport`; bad input never raises.

Formats (see :mod:`podium.factchecks.readers`): ClaimReview JSON-LD (``.json``/``.jsonld``), saved
fact-check pages with ``ld+json`` blocks (``.html``/``.htm``), documented CSV, CheckThat! 2020 verified
claims (``.tsv``), the PolitiFact archive of CheckThat! 2022 Task 2B (``.jsonl``/``.jsonl.gz``), and
directories of these.
"""

from podium.factchecks.ratings import RATINGS, normalise_rating
from podium.factchecks.readers import read_path, read_paths
from podium.factchecks.records import FactCheck, ImportReport

__all__ = ["RATINGS", "FactCheck", "ImportReport", "normalise_rating", "read_path", "read_paths"]
