"""Events on real text (issue 19, real-text dev classes): "lift" concedes only a lifted sanction, ban or
siege; "receive" is a meeting only with a named guest or an envoy as object; a possessive before a
nominal trigger is its source and the "of" phrase its target (loads spaCy). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.actors_helpers import analyse, triples

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
