"""The CheckThat! archives: PolitiFact fact-checks of 2022 Task 2B and the verified claims of 2020 Task 2.

PolitiFact (one JSON object per line): ``vclaim_id``, ``vclaim``, ``title``, ``speaker`` (the claimant),
``truth_label`` (truth-o-meter or flip-o-meter), ``date`` ("stated on October 22, 2019 in a campaign
mailer.:", the date of the *claim*; the review date is not given), ``url`` (site-relative), ``text``.

CheckThat! 2020 verified claims (TSV): ``vclaim_id`` (the header leaves its name empty), ``vclaim``,
``title``. They are Snopes fact-checks without verdicts, so their rating is ``other``.
"""

from __future__ import annotations

from podium.factchecks import fields
from podium.factchecks.dates import politifact_claim_date
from podium.factchecks.ratings import normalise_rating
from podium.factchecks.records import FactCheck, ImportReport, Skip

POLITIFACT = "PolitiFact"
POLITIFACT_SITE = "https://www.politifact.com"
SNOPES = "Snopes"


def is_politifact(obj: dict) -> bool:
    return "vclaim" in obj


def politifact_record(obj: dict, place: str, report: ImportReport) -> FactCheck:
    """One line of the PolitiFact archive; raises :class:`Skip` without a claim."""
    claim = _claim(obj.get("vclaim"))
    label = fields.text(obj.get("truth_label"))
    stated = fields.text(obj.get("date"))
    claim_date = politifact_claim_date(stated)
    if stated and claim_date is None:
        report.warn(place, f"date {stated[:60]!r} holds no date; kept the record without it")
    return FactCheck(
        claim_reviewed=claim,
        rating=normalise_rating(label),
        rating_original=label,
        publisher=POLITIFACT,
        url=politifact_url(obj.get("url")),
        date=None,
        claimant=fields.text(obj.get("speaker")),
        claim_date=claim_date,
        language="en",
        title=fields.text(obj.get("title")),
        text=fields.text(obj.get("text")),
        source_id=source_id(obj.get("vclaim_id")),
    )


def verified_claim_record(values: dict[str, str], place: str, report: ImportReport) -> FactCheck:
    """One row of CheckThat! 2020's ``verified_claims.docs.tsv``, by column name."""
    claim = _claim(values.get("vclaim"))
    return FactCheck(
        claim_reviewed=claim,
        rating="other",
        publisher=SNOPES,
        language="en",
        title=fields.text(values.get("title")),
        source_id=fields.text(values.get("vclaim_id")),
    )


def politifact_url(value: object) -> str | None:
    """An absolute URL: PolitiFact's site-relative paths get ``https://www.politifact.com``."""
    url = fields.text(value)
    if url is None or "://" in url:
        return url
    if url.startswith("//"):
        return "https:" + url
    return POLITIFACT_SITE + ("" if url.startswith("/") else "/") + url


def source_id(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return fields.text(value)


def _claim(value: object) -> str:
    claim = fields.text(value)
    if claim:
        return claim
    if value is None:
        raise Skip("no vclaim")
    raise Skip("vclaim is empty" if isinstance(value, str) else "vclaim is not text")
