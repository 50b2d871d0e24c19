"""Force, aid and pressure as real speeches say them (issue 19, part 6): idioms, particles and light verbs
from the event lexicon's data file, not from code (loads spaCy)."""

from __future__ import annotations

import pytest

from podium.actors.lexicon import load_lexicon
from tests.actors_helpers import analyse, mentions, triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("The Kurdish fighters broke the back of ISIS near Kobani.", ("KURDS", "ASSAULT", "ISIS")),
        ("Ottawa hit China with steep new tariffs on steel.", ("CAN", "SANCTION", "CHN")),
        ("Congress cut off aid to Egypt after the coup.", ("US_CONGRESS", "SANCTION", "EGY")),
        ("Hamas took over Gaza after a week of fighting.", ("HAMAS", "COERCE", "GAZA")),
        ("The militia drove ISIS out of the old city.", (None, "COERCE", "ISIS")),
        ("Tehran keeps propping up Assad with fuel and cash.", ("IRN", "AID", "ASSAD")),
        ("Brussels must put more pressure on Belarus.", ("EU", "COERCE", "BLR")),
        ("Moscow pressured Armenia to leave the alliance.", ("RUS", "COERCE", "ARM")),
        ("Canada severed ties with Iran in the autumn.", ("CAN", "REJECT", "IRN")),
        ("Hezbollah rained rockets down on Israel for a month.", ("HEZBOLLAH", "ASSAULT", "ISR")),
        ("The army laid siege to Gaza for two years.", (None, "COERCE", "GAZA")),
        ("North Korea poses a grave threat to Japan.", ("PRK", "THREATEN", "JPN")),
        ("Washington levied new sanctions on Venezuela.", ("USA", "SANCTION", "VEN")),
        ("Iraq was overrun by ISIS within weeks.", ("ISIS", "ASSAULT", "IRQ")),
    ],
)
def test_idioms_give_events(text: str, triple: tuple[str | None, str, str | None]) -> None:
    assert triple in triples(analyse(text))


def test_an_idiom_needs_its_object() -> None:
    assert ("USA", "ASSAULT", "IRN") in triples(analyse("The United States hit Iran with cruise missiles."))
    assert not any(t for t in triples(analyse("France broke the record of Germany in the relay.")))


def test_the_noun_inside_an_idiom_is_no_event_of_its_own() -> None:
    found = triples(analyse("Congress cut off aid to Egypt after the coup."))
    assert not any(t[1] == "AID" for t in found)


def test_light_verbs_and_idioms_live_in_the_data_file() -> None:
    lexicon = load_lexicon()
    assert {"launch", "impose", "put", "levy", "lay", "pose"} <= lexicon.light
    (back,) = [t for t in lexicon.lookup("verb", "break") if t.type == "ASSAULT"]
    assert back.objects == frozenset({"back"})


def test_a_conditional_trigger_word_alone_does_not_pick_a_sentence() -> None:
    lexicon = load_lexicon()
    assert not lexicon.may_trigger({"they", "took", "the", "bus", "home"})
    assert lexicon.may_trigger({"hamas", "took", "over", "gaza"})
    assert lexicon.may_trigger({"russia", "attacked", "ukraine"})


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("The FBI took the Estonian envoy into custody on Monday.", ("FBI", "COERCE", "EST")),
        ("The Justice Department charged Russia with hacking the vote.", ("US_DOJ", "ACCUSE", "RUS")),
        ("The WHO is working closely with Nigeria on the outbreak.", ("WHO", "COOPERATE", "NGA")),
        ("Obama pardoned the two ranchers in his last week.", ("OBAMA", "CONCEDE", None)),
        ("Iran appealed the ruling of the tribunal.", ("IRN", "REJECT", None)),
        ("Iran denied the charge at once.", ("IRN", "REJECT", None)),
    ],
)
def test_custody_charges_pardons_and_appeals_from_the_data_file(
    text: str, triple: tuple[str | None, str, str | None]
) -> None:
    assert triple in triples(analyse(text))


def test_an_appeal_to_someone_stays_a_request() -> None:
    assert ("IRN", "REQUEST", "UN") in triples(analyse("Iran appealed to the UN for help."))


def test_the_lexicon_reads_the_mined_rows_after_the_hand_made_ones() -> None:
    from podium.actors.gazetteer import read_resource
    from podium.actors.lexicon import LEXICON_FILES, build_lexicon

    assert LEXICON_FILES == ("plover.csv", "plover_mined.csv")
    mined = "# mined\npos,lemma,type,particle,forms,object,evidence\nverb,lash,ACCUSE,out,,,coded 2 of 2\n"
    lexicon = build_lexicon([read_resource("plover.csv"), mined])
    (row,) = lexicon.lookup("verb", "lash")
    assert (row.type, row.particle) == ("ACCUSE", "out")
    assert lexicon.lookup("verb", "bomb") and not load_lexicon().lookup("verb", "lash")


def test_a_warning_is_a_threat_to_someone_or_of_force_not_of_a_danger() -> None:
    assert ("TRUMP", "THREATEN", "HAMAS") in triples(
        analyse("President Trump warned Hamas to free the hostages.")
    )
    found = triples(
        analyse("Kim Jong Un warned that any attack on Japan would be met with overwhelming force.")
    )
    assert ("KIM_JONG_UN", "THREATEN", None) in found
    assert not any(
        t[1] == "THREATEN" for t in triples(analyse("The WHO warned that the plague could spread."))
    )


def test_thanks_need_someone_named_and_welcoming_a_decision_is_support() -> None:
    assert not any(t[1] == "SUPPORT" for t in triples(analyse("Canada thanks you all for coming tonight.")))
    assert ("CAN", "SUPPORT", "MEX") in triples(analyse("Canada thanked Mexico for its help."))
    assert ("USA", "SUPPORT", None) in triples(analyse("The White House welcomed the ceasefire."))


def test_website_boilerplate_is_no_actor() -> None:
    doc = analyse("By signing up, you agree to the Privacy Policy and Terms of Use.")
    assert not doc.events and not mentions(doc)
