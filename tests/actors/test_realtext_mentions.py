"""Actor mentions on real text (issue 19, real-text dev classes): a debate's moderators and panellists and
the newsrooms they work for are no political actors; a dateline, a municipal name and an ideology are no
new actors (loads spaCy). Texts written for these tests."""

from __future__ import annotations

import pytest

from podium.analyze import analyze_document
from podium.document import Document
from podium.ingest import read_text
from tests.actors_helpers import PIPELINE, analyse, mentions

pytestmark = pytest.mark.slow


def _transcript(text: str) -> Document:
    doc = read_text(text.encode("utf-8"), "debate.txt")
    return analyze_document(doc, PIPELINE)


def test_moderators_and_their_newsrooms_are_no_actors() -> None:
    doc = _transcript(
        "The Harbour Debate\n\n"
        "MS. TALVIK: Good evening. I am Greta Talvik, and our panellist is Oskar Brandt, senior "
        "correspondent for Nordwave Radio. The first question goes to President Reagan.\n\n"
        "THE PRESIDENT: Thank you, Ms. Talvik. We will stand with Canada.\n\n"
        "MR. BRANDT: Mr. President, will you talk to Moscow?\n\n"
        "THE PRESIDENT: We will, Mr. Brandt.\n"
    )
    labels = [label for _, label in mentions(doc)]
    assert "REAGAN" in labels and "CAN" in labels
    assert not any("talvik" in label or "brandt" in label or "nordwave" in label for label in labels)


def test_a_moderators_we_names_no_side() -> None:
    doc = _transcript(
        "The Harbour Debate\n\n"
        "MS. TALVIK: Good evening. I am Greta Talvik, and our panellist is Oskar Brandt. We have asked "
        "the panel to be brief. The first question goes to President Reagan.\n\n"
        "THE PRESIDENT: Thank you, Ms. Talvik. We will stand with Canada.\n\n"
        "MR. BRANDT: Mr. President, we keep fighting the last war.\n"
    )
    found = mentions(doc)
    assert ("We", "USA") in found  # the president's "we" is his state
    assert [w for w, _ in found if w.lower() == "we"] == ["We"]  # not the moderator's or panellist's
    assert not [e for e in doc.events if e.source == "SPEAKER_SIDE"]


def test_unknown_speakers_are_actors_when_no_speaker_is_known() -> None:
    doc = _transcript("MS. TALVIK: Welcome, Oskar Brandt.\n\nMR. BRANDT: Thank you, Greta Talvik.\n")
    assert any(label.startswith("new:") for _, label in mentions(doc))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("ORLEBURG, Norland, May 2 (Wire) – The council met on Tuesday.", "new:orleburg"),
        ("Raids were carried out in Maple Heights and Cedar Estates last week.", "new:maple-heights"),
        ("The Marxists and the Fascists marched on the square.", "new:marxists"),
    ],
)
def test_places_and_ideologies_are_no_new_actors(text: str, absent: str) -> None:
    assert absent not in [label for _, label in mentions(analyse(text))]


def test_a_party_and_state_tag_names_the_party() -> None:
    found = mentions(
        analyse("The fund is empty, Rep. Tom Hale (R-Ohio) said, and Sen. Ann Ruiz (D-NY) agreed.")
    )
    assert ("R", "US_GOP") in found and ("D", "US_DEM") in found
    assert not any(label in ("new:ohio", "new:ny") for _, label in found)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The senator told The Hill on Monday that the deal was dead.", "Hill"),
        ("The governor gave an interview to the Kestrel Valley News last week.", "Kestrel Valley News"),
        (
            "They were deported under the Immigration and Nationality Act of 1952.",
            "Immigration and Nationality Act",
        ),
        ("The scheme broke the Foreign Corrupt Practices Act (FCPA), prosecutors said.", "FCPA"),
        ("He has two convictions for driving under the influence (DUI) in Ohio.", "DUI"),
        ("The contract went to Brightwater Holdings and to Norvale Steel Corp.", "Brightwater Holdings"),
    ],
)
def test_newsrooms_laws_companies_and_spelt_out_acronyms_are_no_actors(text: str, absent: str) -> None:
    assert absent not in [name for name, _ in mentions(analyse(text))]


def test_an_acronym_after_an_actor_is_kept() -> None:
    found = mentions(analyse("The Nuclear Regulatory Commission (NRC) wrote to the company in 2011."))
    names = [name for name, _ in found]
    assert "Nuclear Regulatory Commission" in names and "NRC" in names


def test_a_demonym_naming_a_language_is_no_state() -> None:
    found = mentions(
        analyse("Lambert speaks fluent Arabic, along with French and Italian, and met Iranian envoys.")
    )
    labels = [label for _, label in found]
    assert "FRA" not in labels and "ITA" not in labels
    assert "IRN" in labels  # "Iranian envoys": the state


def test_a_state_and_a_title_name_the_holder_the_text_names() -> None:
    found = mentions(
        analyse("Viktor Orbán spoke on Friday. The Hungarian Prime Minister said the border would stay shut.")
    )
    assert ("Hungarian Prime Minister", "ORBAN") in found
    alone = mentions(analyse("The Hungarian Prime Minister said the border would stay shut."))
    assert ("Hungarian", "HUN") in alone  # nobody named: the title could be anyone's who held it
    before_name = mentions(analyse("Cyril Ramaphosa received Ukrainian President Volodymyr Zelenskyy."))
    assert ("Ukrainian", "UKR") in before_name and ("Volodymyr Zelenskyy", "ZELENSKYY") in before_name


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The boy studied at a prep school in Bethesda, Md., in the 1980s.", "new:md"),
        (
            "Researchers at the University of Norland and the Orleburg Institute of Biology met.",
            "new:orleburg",
        ),
        ("Cases were reported in San Marlo and in Equateur province last week.", "new:san-marlo"),
    ],
)
def test_places_and_schools_by_their_form_are_no_actors(text: str, absent: str) -> None:
    labels = [label for _, label in mentions(analyse(text))]
    assert not [label for label in labels if label.startswith(absent)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The outbreak in the Democratic Republic of Congo has spread.",
            ("the Democratic Republic of Congo", "COD"),
        ),
        ("The Dems and the RNC traded blame.", ("The Dems", "US_DEM")),
        ("The Dems and the RNC traded blame.", ("the RNC", "US_GOP")),
    ],
)
def test_party_committees_and_state_names(text: str, found: tuple[str, str]) -> None:
    assert found in mentions(analyse(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [  # congressional leaders of both parties
        ("Vote, or you will be saying 'Speaker Pelosi' for two years.", ("Speaker Pelosi", "PELOSI")),
        ("Mitch McConnell blocked the bill.", ("Mitch McConnell", "MCCONNELL")),
        ("Chuck Schumer praised the deal.", ("Chuck Schumer", "SCHUMER")),
        ("Speaker Johnson scheduled the vote.", ("Speaker Johnson", "MIKE_JOHNSON")),
    ],
)
def test_congressional_leaders_are_known(text: str, found: tuple[str, str]) -> None:
    assert found in mentions(analyse(text))
