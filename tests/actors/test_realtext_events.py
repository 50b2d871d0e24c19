"""Events on real text (issue 19, real-text dev classes): "lift" concedes only a lifted sanction, ban or
siege; "receive" is a meeting only with a named guest or an envoy as object; a possessive before a
nominal trigger is its source and the "of" phrase its target (loads spaCy). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from podium.actors.mentions import first_person
from tests.actors_helpers import PIPELINE, analyse, mentions, triples

pytestmark = pytest.mark.slow


def test_lift_needs_a_sanction_or_a_siege() -> None:
    assert ("USA", "CONCEDE", "CUB") in triples(analyse("The United States lifted the embargo on Cuba."))
    assert not any(t[1] == "CONCEDE" for t in triples(analyse("Canada will lift Peru out of the crisis.")))


def test_receive_is_a_meeting_only_with_a_guest() -> None:
    assert ("XI", "CONSULT", "LULA") in triples(analyse("Xi Jinping received President Lula in Beijing."))
    assert not any(t[1] == "CONSULT" for t in triples(analyse("Ukraine received weapons from Germany.")))


def test_the_owner_of_a_nominal_trigger_is_its_source() -> None:
    found = triples(analyse("Brazil's support of the United Nations never wavered."))
    assert ("BRA", "SUPPORT", "UN") in found
    assert ("UN", "SUPPORT", None) not in found


def test_the_speakers_i_is_the_speaker_in_person() -> None:
    from podium.analyze import analyze_document
    from podium.ingest import read_text

    text = (
        "The Harbour Debate\n\n"
        "MODERATOR: Welcome to the debate between Senator Ana Karsten and President Macron.\n\n"
        "KARSTEN: Thank you. We need new dikes.\n\n"
        "MACRON: I want to thank Canada for its help. In World War I, we lost much.\n\n"
        "KARSTEN: Then let us build them.\n"
    )
    doc = analyze_document(read_text(text.encode("utf-8"), "debate.txt"), PIPELINE)
    assert ("MACRON", "SUPPORT", "CAN") in triples(doc)
    assert not [m for m in mentions(doc) if m[0] == "I"]  # an event argument, not an actor mention
    text = "In World War I, I said “I will go”."
    assert [text[s:e] for s, e in first_person(text)] == ["I"] and first_person(text)[0][0] == 16


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("China charges us 25 percent tariffs on copper.", ("CHN", "SANCTION", "USA")),
        ("Canada made a deal with Mexico last year.", ("CAN", "AGREE", "MEX")),
        ("Brazil pursued negotiations with Argentina.", ("BRA", "CONSULT", "ARG")),
    ],
)
def test_light_verbs_of_trade_and_talks(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(analyse(text, speaker_side="USA"))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Canada will have no choice but to attack Peru.", ("CAN", "ASSAULT", "PER")),
        ("Iran is ready to strike Israel.", ("IRN", "ASSAULT", "ISR")),
        ("Iran is prepared to attack Israel.", ("IRN", "ASSAULT", "ISR")),
        ("Russia stands ready to defend Serbia.", ("RUS", "SUPPORT", "SRB")),
    ],
)
def test_the_subject_controls_an_infinitive_after_an_adjective_or_no_choice_but(
    text: str, event: tuple[str, str, str]
) -> None:
    assert event in triples(analyse(text))


def test_a_noun_before_the_infinitive_does_not_lend_the_subject_otherwise() -> None:
    found = triples(analyse("Brazil condemned the decision to attack Iran."))
    assert ("BRA", "ASSAULT", "IRN") not in found


def test_the_one_seen_does_what_a_witness_saw() -> None:
    found = triples(analyse("I saw an Iraqi plane descending, dropping its bombs on the airport."))
    assert [t[0] for t in found if t[1] == "ASSAULT"] == ["IRQ"]
    text = "We watched a Russian drone circling, then striking Ukraine."
    found = triples(analyse(text, speaker_side="POL"))
    assert ("POL", "ASSAULT", "UKR") not in found


def test_in_support_of_names_the_one_supported() -> None:
    found = triples(analyse("Poland stood up against Russia and in support of Ukraine."))
    assert ("POL", "SUPPORT", "UKR") in found
    assert ("UKR", "SUPPORT", None) not in found


def test_giving_words_is_no_aid() -> None:
    found = triples(analyse("Given the description Canada has provided about the talks, Mexico agreed."))
    assert not [t for t in found if t[1] == "AID"]
    assert not [t for t in triples(analyse("France gave an explanation to Mali.")) if t[1] == "AID"]
    assert ("CAN", "AID", "UKR") in triples(analyse("Canada provided weapons to Ukraine."))


def test_releasing_a_report_concedes_nothing() -> None:
    assert ("IRN", "CONCEDE", "USA") in triples(analyse("Iran released two American sailors on Tuesday."))
    assert ("RUS", "CONCEDE", None) in triples(analyse("Russia released them after a week."))
    for text in (
        "Canada released a record-breaking photograph.",
        "Brazil released a warning that it would act.",
    ):
        assert not [t for t in triples(analyse(text)) if t[1] == "CONCEDE"]


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("North Korea menaces Japan with its missiles.", ("PRK", "THREATEN", "JPN")),
        ("Canada and Mexico will isolate Cuba.", ("CAN", "SANCTION", "CUB")),
        ("Iran moved to shore up Syria.", ("IRN", "AID", "SYR")),
        ("Brazil continues to trade with Venezuela.", ("BRA", "COOPERATE", "VEN")),
        ("Russia enslaved Ukrainian children.", ("RUS", "COERCE", "UKR")),
    ],
)
def test_more_ways_to_say_pressure_and_aid(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(analyse(text))


def test_a_private_persons_nationality_is_no_target_but_a_people_is() -> None:
    assert ("US_ICE", "COERCE", None) in triples(analyse("A Mexican citizen was arrested by ICE in March."))
    assert ("RUS", "COERCE", "UKR") in triples(analyse("Russia deported Ukrainian children to camps."))


def test_officers_with_an_agency_act_for_it() -> None:
    assert ("US_ICE", "COERCE", None) in triples(analyse("Federal officers with ICE arrested 22 people."))


def test_the_one_asked_after_from() -> None:
    assert ("IRN", "REQUEST", "RUS") in triples(analyse("Iran asked for help from Russia."))
    assert ("GRASSLEY", "DEMAND", "US_DOJ") in triples(
        analyse("Chuck Grassley demanded documents from the Justice Department.")
    )
    assert not any(
        t[1] in ("REQUEST", "DEMAND") for t in triples(analyse("Iran received a letter from Russia."))
    )


def _read(text: str) -> set[tuple[str | None, str, str | None]]:
    from podium.analyze import analyze_document
    from podium.ingest import read_text

    return triples(analyze_document(read_text(text.encode("utf-8"), "remarks.txt"), PIPELINE))


def test_the_speakers_subjectless_thanks_and_a_first_name_named_in_full_before() -> None:
    text = (
        "Remarks by President Trump at the harbour rally\n\n"
        "I want to thank Senator John Cornyn for coming. Thank you, John.\n"
    )
    found = _read(text)
    assert ("TRUMP", "SUPPORT", "new:john-cornyn") in found
    assert not any(t[2] == "new:john" for t in found)


def test_a_first_name_that_is_also_a_word_stays_apart() -> None:
    text = (
        "Remarks by President Trump at the harbour rally\n\n"
        "Mark Geist is here. Thank you, Mark. We mark the day.\n"
    )
    found = _read(text)
    assert ("TRUMP", "SUPPORT", "new:mark") in found and ("TRUMP", "SUPPORT", "new:mark-geist") not in found
