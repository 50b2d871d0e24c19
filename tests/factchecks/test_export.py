"""ClaimReview JSON-LD export of claims reviewed in podium: valid shape, unsafe URLs left out, and what it
writes `podium factchecks import` reads back with the same ratings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium.cli import main
from podium.corpus import Corpus
from podium.factchecks import RATINGS, read_path
from podium.factchecks.export import ReviewedClaim, claimreview

REVIEWS = [
    ReviewedClaim(
        claim="Unemployment fell to 5 percent this year.",
        rating="mostly_true",
        rating_text="Mostly accurate",
        speaker="Alda Brenn",
        claim_date="2024-06-18",
        appearance_url="https://speeches.example/brenn-2024-06-18",
        reviewer="Ines Korr",
        organisation="Valley Fact Desk",
        review_url="https://desk.example/checks/unemployment",
        review_date="2024-06-20",
    ),
    # the reviewer's wording reads as another verdict: the scale's word is used, the wording kept aside
    ReviewedClaim(claim="Our engineers rebuilt 300 bridges.", rating="false", rating_text="Needs context"),
    # wording the importer does not know: it falls back to the number
    ReviewedClaim(claim="The port handles a million barrels a day.", rating="mixed", rating_text="Shaky"),
    ReviewedClaim(claim="The festival starts next week.", rating="other", reviewer="Ines Korr"),
    ReviewedClaim(claim="Crime halved since 2019.", rating="true", review_url="https://desk.example/crime"),
]


def test_graph_of_claimreviews() -> None:
    doc = claimreview(REVIEWS)
    assert doc["@context"] == "https://schema.org" and len(doc["@graph"]) == len(REVIEWS)
    first = doc["@graph"][0]
    assert first["@type"] == "ClaimReview" and first["claimReviewed"] == REVIEWS[0].claim
    assert first["author"] == {"@type": "Organization", "name": "Valley Fact Desk"}
    assert first["creator"] == {"@type": "Person", "name": "Ines Korr"}
    assert first["url"] == "https://desk.example/checks/unemployment"
    assert first["datePublished"] == "2024-06-20"
    assert first["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 4,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly accurate",
    }
    item = first["itemReviewed"]
    assert item["author"]["name"] == "Alda Brenn" and item["datePublished"] == "2024-06-18"
    assert item["appearance"] == [
        {"@type": "CreativeWork", "url": "https://speeches.example/brenn-2024-06-18"}
    ]
    context = doc["@graph"][1]["reviewRating"]
    assert context["alternateName"] == "False" and context["ratingExplanation"] == "Needs context"
    unrated = doc["@graph"][3]
    assert "ratingValue" not in unrated["reviewRating"] and unrated["author"]["@type"] == "Person"
    json.dumps(doc)  # plain JSON data


def test_unsafe_urls_and_bad_dates_are_left_out() -> None:
    review = ReviewedClaim(
        claim="  The river\nflows uphill. ",
        rating="false",
        appearance_url="javascript:alert(1)",
        review_url="data:text/html,<script>alert(1)</script>",
        review_date="next Tuesday",
        claim_date="2024-13-45",
    )
    node = claimreview([review])["@graph"][0]
    assert node["claimReviewed"] == "The river flows uphill."
    assert "url" not in node and "datePublished" not in node
    assert "appearance" not in node["itemReviewed"] and "datePublished" not in node["itemReviewed"]
    spaced = claimreview([ReviewedClaim("x", "true", review_url="https://a.example/a b")])["@graph"][0]
    assert "url" not in spaced


@pytest.mark.parametrize("bad", [{"claim": " ", "rating": "true"}, {"claim": "x", "rating": "pants on fire"}])
def test_invalid_reviews_are_refused(bad: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        ReviewedClaim(**bad)


def test_round_trip_through_import(tmp_path: Path) -> None:
    reviews = [ReviewedClaim(f"Claim number {i} about the valley.", r) for i, r in enumerate(RATINGS)]
    reviews += REVIEWS
    path = tmp_path / "ours.jsonld"
    path.write_text(json.dumps(claimreview(reviews)), encoding="utf-8")
    report = read_path(path)
    assert not report.skipped and len(report.imported) == len(reviews)
    assert [r.rating for r in report.imported] == [r.rating for r in reviews]
    first = report.imported[len(RATINGS)]
    assert first.publisher == "Valley Fact Desk" and first.claimant == "Alda Brenn"
    assert first.rating_original == "Mostly accurate" and first.claim_date == "2024-06-18"
    assert first.appearances == ("https://speeches.example/brenn-2024-06-18",)
    db = str(tmp_path / "f.db")
    result = CliRunner().invoke(main, ["factchecks", "import", str(path), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    with Corpus(db) as store:
        stored = {r["claim_reviewed"]: r["rating"] for r in store.factchecks(limit=100)}
    assert stored == {" ".join(r.claim.split()): r.rating for r in reviews}
