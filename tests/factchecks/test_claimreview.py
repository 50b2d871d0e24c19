"""ClaimReview JSON-LD in every form publishers use, and what is skipped with which reason."""

from __future__ import annotations

import json
from pathlib import Path

from podium.factchecks import ImportReport, read_path


def review(claim: str = "The river flows uphill.", **extra: object) -> dict:
    node: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "url": "https://checks.example/river",
        "datePublished": "2021-03-04T09:00:00Z",
        "inLanguage": "en",
        "author": {"@type": "Organization", "name": "River Checkers"},
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                         "alternateName": "False"},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "A. Speaker"},
            "datePublished": "2021-02-28",
            "appearance": [{"@type": "CreativeWork", "url": "https://news.example/a"}, "https://video.example/b"],
            "firstAppearance": {"@type": "CreativeWork", "url": "https://first.example/c"},
        },
    }  # fmt: skip
    node.update(extra)
    return node


def read_json(tmp_path: Path, data: object, name: str = "feed.json") -> ImportReport:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    report = read_path(path)
    assert report.read == len(report.imported) + len(report.skipped)
    return report


def test_single_object_all_fields(tmp_path: Path) -> None:
    report = read_json(tmp_path, review())
    (fc,) = report.imported
    assert fc.claim_reviewed == "The river flows uphill."
    assert (fc.rating, fc.rating_original) == ("false", "False")
    assert fc.publisher == "River Checkers"
    assert fc.url == "https://checks.example/river"
    assert (fc.date, fc.claim_date) == ("2021-03-04", "2021-02-28")
    assert fc.claimant == "A. Speaker"
    assert fc.appearances == ("https://first.example/c", "https://news.example/a", "https://video.example/b")
    assert fc.language == "en"
    assert fc.source_id is None
    assert report.skipped == [] and report.warnings == []


def test_array_graph_and_datafeed(tmp_path: Path) -> None:
    items = [review("One."), review("Two.")]
    assert len(read_json(tmp_path, items).imported) == 2
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "X"}, *items]}
    report = read_json(tmp_path, graph)
    assert [fc.claim_reviewed for fc in report.imported] == ["One.", "Two."]
    assert report.skipped == []  # the Organization is not a fact-check, not an item
    feed = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "dateCreated": "2021-01-01", "item": [items[0]]},
            {"@type": "DataFeedItem", "item": items[1]},
            {"@type": "DataFeedItem", "item": {"name": "not a review"}},
            {"@type": "DataFeedItem", "item": 7},
        ],
    }
    report = read_json(tmp_path, feed)
    assert [fc.claim_reviewed for fc in report.imported] == ["One.", "Two."]
    assert report.skipped == [
        (
            f"{tmp_path / 'feed.json'} at /dataFeedElement/2/item",
            "not a ClaimReview (no @type, no claimReviewed)",
        ),
        (f"{tmp_path / 'feed.json'} at /dataFeedElement/3/item", "not a JSON object (int)"),
    ]


def test_type_as_list_or_iri_and_nested_in_a_page(tmp_path: Path) -> None:
    page = {"@type": "WebPage", "mainEntity": review(**{"@type": ["ClaimReview", "Review"]})}
    assert len(read_json(tmp_path, page).imported) == 1
    iri = review(**{"@type": "http://schema.org/ClaimReview"})
    del iri["claimReviewed"]
    report = read_json(tmp_path, iri)
    assert report.skipped == [(f"{tmp_path / 'feed.json'} at /", "no claimReviewed")]


def test_author_shapes(tmp_path: Path) -> None:
    shapes = [
        ("Checkers", "Checkers"),
        ({"name": "Checkers"}, "Checkers"),
        ([{"name": "Checkers"}, {"name": "Partner"}], "Checkers, Partner"),
        (["Checkers", {"@type": "Organization"}], "Checkers"),
        (42, None),
    ]
    for value, expected in shapes:
        item = {"author": value, "name": "x"}
        (fc,) = read_json(tmp_path, review(author=value, itemReviewed=item)).imported
        assert (fc.publisher, fc.claimant) == (expected, expected)


def test_publisher_falls_back_to_publisher_property(tmp_path: Path) -> None:
    node = review(publisher={"name": "Pub"})
    del node["author"]
    assert read_json(tmp_path, node).imported[0].publisher == "Pub"


def test_numeric_rating_without_text(tmp_path: Path) -> None:
    node = review(reviewRating={"ratingValue": "4", "bestRating": "5", "worstRating": "1"})
    (fc,) = read_json(tmp_path, node).imported
    assert (fc.rating, fc.rating_original) == ("mostly_true", "4/5")
    (fc,) = read_json(tmp_path, review(reviewRating={"ratingValue": 2})).imported
    assert (fc.rating, fc.rating_original) == ("mostly_false", "2")
    (fc,) = read_json(tmp_path, review(reviewRating="False")).imported  # wrong type: no rating
    assert (fc.rating, fc.rating_original) == ("other", None)


def test_bad_date_keeps_the_record_with_a_warning(tmp_path: Path) -> None:
    report = read_json(tmp_path, review(datePublished="last Tuesday"))
    (fc,) = report.imported
    assert fc.date is None
    assert len(report.warnings) == 1 and "last Tuesday" in report.warnings[0][1]


def test_language_object_and_title(tmp_path: Path) -> None:
    node = review(inLanguage={"@type": "Language", "name": "French", "alternateName": "fr"}, name="A title")
    (fc,) = read_json(tmp_path, node).imported
    assert (fc.language, fc.title) == ("fr", "A title")


def test_skip_reasons(tmp_path: Path) -> None:
    report = read_json(tmp_path, [review(""), review(["", 3]), review({"text": "x"}), "text", review()])
    where = str(tmp_path / "feed.json")
    assert report.skipped == [
        (f"{where} at /0", "claimReviewed is empty"),
        (f"{where} at /1", "claimReviewed is not text"),
        (f"{where} at /2", "claimReviewed is not text"),
        (f"{where} at /3", "not a JSON object (str)"),
    ]
    assert len(report.imported) == 1


def test_no_claimreview_at_all_is_one_skip(tmp_path: Path) -> None:
    report = read_json(tmp_path, {"@type": "Organization", "name": "Checkers"})
    assert report.skipped == [(str(tmp_path / "feed.json"), "no ClaimReview in the file")]
    assert read_json(tmp_path, []).skipped == [(str(tmp_path / "feed.json"), "no ClaimReview in the file")]
