"""What an import yields: FactCheck records and the ImportReport that accounts for every item."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from podium.factchecks.ratings import RATINGS


@dataclass(frozen=True)
class FactCheck:
    """One published fact-check of one claim, as read from an archive (nothing looked up elsewhere)."""

    claim_reviewed: str  # the claim as the fact-checker states it (non-empty)
    rating: str  # one of RATINGS
    rating_original: str | None = None  # the verdict text, or "value/best" when only numbers were given
    publisher: str | None = None  # the fact-checking organisation
    url: str | None = None  # the fact-check's URL
    date: str | None = None  # ISO date of the review (YYYY-MM-DD, or a prefix YYYY-MM / YYYY)
    claimant: str | None = None  # who made the claim
    claim_date: str | None = None  # ISO date the claim was made / first appeared
    appearances: tuple[str, ...] = ()  # URLs where the claim appeared
    language: str | None = None
    title: str | None = None  # the article's title
    text: str | None = None  # the article's text
    source_id: str | None = None  # the id in the source archive (vclaim_id)

    def __post_init__(self) -> None:
        if not self.claim_reviewed.strip():
            raise ValueError("claim_reviewed must not be empty")
        if self.rating not in RATINGS:
            raise ValueError(f"rating must be one of {RATINGS}, not {self.rating!r}")

    def key(self) -> str:
        """A stable identity for idempotent import: the URL when known, else the archive's own id (the
        CheckThat! 2020 archive repeats some claims under different ids), else a hash of what identifies
        the review (publisher, claim, date)."""
        if self.url:
            return f"url:{self.url}"
        if self.source_id:
            return f"id:{self.publisher or ''}:{self.source_id}"
        parts = (self.publisher or "", self.claim_reviewed, self.date or "")
        digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
        return f"sha256:{digest}"


@dataclass
class ImportReport:
    """What an import read: ``read == len(imported) + len(skipped)`` always holds.

    ``skipped`` and ``warnings`` hold ``(where, reason)`` pairs, e.g. ``("feed.json at /3", "no
    claimReviewed")``. A warning does not drop the record (e.g. an unreadable date, kept as None).
    """

    read: int = 0
    imported: list[FactCheck] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def add(self, record: FactCheck) -> None:
        self.read += 1
        self.imported.append(record)

    def skip(self, where: str, reason: str) -> None:
        self.read += 1
        self.skipped.append((where, reason))

    def warn(self, where: str, message: str) -> None:
        self.warnings.append((where, message))

    def merge(self, other: ImportReport) -> None:
        self.read += other.read
        self.imported.extend(other.imported)
        self.skipped.extend(other.skipped)
        self.warnings.extend(other.warnings)


class Skip(ValueError):
    """Raised inside the package when an item cannot become a FactCheck; caught and recorded as a skip."""
