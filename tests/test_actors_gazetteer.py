"""The actor gazetteer's data and the matcher's case and longest-match rules (no spaCy)."""

from __future__ import annotations

import re

import pytest

from podium.actors.gazetteer import AS_OF, load_gazetteer
from podium.actors.matcher import default_matcher


def found(text: str) -> list[tuple[str, str | None, str]]:
    return [(text[m.start : m.end], m.alias.actor, m.alias.kind) for m in default_matcher().find(text)]


def test_every_un_member_and_observer_is_a_state_with_codes() -> None:
    gaz = load_gazetteer()
    states = [a for a in gaz.actors.values() if a.type == "state"]
    assert len(states) >= 195  # 193 members + the Holy See and Palestine
    for state in states:
        assert re.fullmatch(r"[A-Z]{3}", state.id), state
        assert state.iso2 and re.fullmatch(r"[A-Z]{2}", state.iso2), state
        assert state.wikidata and re.fullmatch(r"Q\d+", state.wikidata), state
    assert {"VAT", "PSE", "USA", "IRN", "ISR", "UKR", "RUS", "CHN", "TWN"} <= set(gaz.actors)
    assert AS_OF.startswith("2025")


def test_wikidata_ids_are_well_formed_and_unique() -> None:
    qids = [a.wikidata for a in load_gazetteer().actors.values() if a.wikidata]
    assert all(re.fullmatch(r"Q\d+", q) for q in qids)
    assert len(qids) == len(set(qids))


def test_people_link_to_the_state_they_lead() -> None:
    actors = load_gazetteer().actors
    assert actors["KHAMENEI"].state == "IRN"
    assert actors["NETANYAHU"].state == "ISR"
    assert actors["TRUMP"].state == "USA"
    assert actors["ZELENSKYY"].state == "UKR"
    assert actors["IDF"].type == "military" and actors["IDF"].state == "ISR"


@pytest.mark.parametrize(
    ("text", "actor", "kind"),
    [
        ("the Zionist regime", "ISR", "epithet"),
        ("the Zionist entity", "ISR", "epithet"),
        ("the Great Satan", "USA", "epithet"),
        ("the mullahs' regime", "IRN", "epithet"),
        ("the mullahs’ regime", "IRN", "epithet"),
        ("the regime in Tehran", "IRN", "epithet"),
        ("the Kremlin regime", "RUS", "epithet"),
        ("the Kyiv regime", "UKR", "epithet"),
        ("the CCP", "CHN", "epithet"),
        ("DAESH", "ISIS", "epithet"),
        ("the Evil Empire", "SUN", "epithet"),
        ("the Axis of Evil", "AXIS_OF_EVIL", "epithet"),
        ("Global Arrogance", "GLOBAL_ARROGANCE", "epithet"),
        ("the West", "THE_WEST", "alias"),
        ("the Resistance Front", "AXIS_OF_RESISTANCE", "alias"),
        ("Hay'at Tahrir al-Sham", "HTS", "alias"),
        ("Ansar Allah", "HOUTHIS", "alias"),
        ("the Kremlin", "RUS", "metonym"),
        ("Washington", "USA", "metonym"),
        ("Downing Street", "GBR", "metonym"),
        ("the Élysée", "FRA", "metonym"),
        ("Beijing", "CHN", "metonym"),
        ("Iranian", "IRN", "adjective"),
        ("Türkiye", "TUR", "alias"),
    ],
)
def test_aliases_epithets_and_metonyms_resolve(text: str, actor: str, kind: str) -> None:
    assert found(f"Yesterday {text} said so.") == [(text, actor, kind)]


def test_a_leading_the_also_matches_capitalised() -> None:
    assert found("The Zionist regime and the US.") == [
        ("The Zionist regime", "ISR", "epithet"),
        ("the US", "USA", "alias"),
    ]


def test_case_rules_keep_common_words_out() -> None:
    assert found("Let us eat turkey in china bowls.") == []
    assert found("Turkey told US officials.") == [("Turkey", "TUR", "name"), ("US", "USA", "alias")]


def test_whole_tokens_and_longest_match() -> None:
    assert found("Iranian and Iran") == [("Iranian", "IRN", "adjective"), ("Iran", "IRN", "name")]
    assert found("Papua New Guinea and Guinea") == [
        ("Papua New Guinea", "PNG", "name"),
        ("Guinea", "GIN", "name"),
    ]
    assert found("the Islamic Republic of Iran") == [("the Islamic Republic of Iran", "IRN", "alias")]


def test_places_are_matched_without_an_actor() -> None:
    assert found("in Rafah and the Red Sea") == [("Rafah", None, "place"), ("the Red Sea", None, "place")]


def test_territories_named_like_states_are_actors_like_states() -> None:
    # issue 20: "Gaza" was a place while "Lebanon" was an actor; comparable places are alike, by data
    assert found("Gaza and the West Bank") == [
        ("Gaza", "GAZA", "name"),
        ("the West Bank", "WEST_BANK", "alias"),
    ]
    assert found("Crimea and Lebanon") == [("Crimea", "CRIMEA", "name"), ("Lebanon", "LBN", "name")]
