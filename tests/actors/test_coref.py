"""Third-person pronouns as sources and targets of events and attributions (issue 19, part 4): resolved to
the nearest agreeing actor, or left explicitly unresolved, never tied to a wrong actor (loads spaCy)."""

from __future__ import annotations

import pytest

from podium.actors.coref import resolver
from podium.actors.records import Event
from podium.analysers.actors import ActorAnalyser
from podium.analysers.attributions import AttributionAnalyser
from podium.analysers.events import EventAnalyser
from podium.document import Document, Meta, Span
from podium.pipeline import Pipeline
from podium.segment import segment

pytestmark = pytest.mark.slow

PIPELINE = Pipeline([ActorAnalyser(), AttributionAnalyser(), EventAnalyser()])


def run(text: str) -> Document:
    doc = Document(text, Meta())
    segment(doc)
    return PIPELINE(doc)


def event(doc: Document, type_: str) -> Event:
    (found,) = [e for e in doc.events if e.type == type_]
    return found


def said(doc: Document, span: list[int] | None) -> str | None:
    return None if span is None else doc.text[span[0] : span[1]]


def attribution(doc: Document, source: str) -> Span:
    (found,) = [s for s in doc.layer("attribution") if s.attrs["source"] == source]
    return found


def test_a_plural_demonym_is_they() -> None:
    doc = run("The Americans finally admitted that they had bombed the dam near Mosul.")
    e = event(doc, "ASSAULT")
    assert e.source == "USA"
    assert said(doc, e.source_span) == "they"
    assert said(doc, e.source_via) == "Americans"


def test_it_is_a_singular_body_in_the_sentence_before() -> None:
    doc = run("The European Union met for two days in Brussels. It imposed new sanctions on Iran.")
    e = event(doc, "SANCTION")
    assert (e.source, e.target) == ("EU", "IRN")
    assert said(doc, e.source_span) == "It"
    assert said(doc, e.source_via) == "The European Union"


def test_a_bracketed_name_after_the_pronoun_is_its_referent() -> None:
    doc = run("Shipping slowed for weeks. They [the Houthis] attacked Israel again in the spring.")
    e = event(doc, "ASSAULT")
    assert (e.source, e.target) == ("HOUTHIS", "ISR")


def test_a_nearer_common_noun_leaves_they_unresolved() -> None:
    doc = run("Hezbollah held the ridge all winter. But the enemy regrouped, and they attacked Lebanon.")
    e = event(doc, "ASSAULT")
    assert e.source is None
    assert [said(doc, s) for s in e.unresolved] == ["they"]
    assert e.target == "LBN"


def test_two_agreeing_actors_make_the_pronoun_ambiguous() -> None:
    doc = run("Putin called Erdogan on Monday, and he threatened Ukraine.")
    e = event(doc, "THREATEN")
    assert e.source is None and e.target == "UKR"
    assert [said(doc, s) for s in e.unresolved] == ["he"]


def test_an_object_pronoun_is_not_its_own_verb_subject() -> None:
    doc = run("Hamas held the line and with great effort forced them to retreat from Gaza.")
    assert not any(e.source == "HAMAS" and e.type == "RETREAT" for e in doc.events)


def test_a_pronoun_is_not_the_events_other_argument() -> None:
    doc = run("Gaza suffered a long winter. They bombed Gaza for months.")
    e = event(doc, "ASSAULT")
    assert e.target == "GAZA" and e.source is None


def test_a_singular_state_is_they_only_in_its_own_sentence() -> None:
    doc = run("Syria closed its northern border in March. They attacked the camps near Idlib.")
    assert all(e.source != "SYR" for e in doc.events if e.type == "ASSAULT")
    doc = run("China warned that they would sanction Taiwan's largest chip makers.")
    assert ("CHN", "SANCTION") in {(e.source, e.type) for e in doc.events}


def test_he_is_the_person_named_before() -> None:
    doc = run("Vladimir Putin spoke for an hour in Moscow. He said that Russia would never attack Finland.")
    span = attribution(doc, "He")
    assert span.attrs["source_actors"] == ["PUTIN"]
    assert said(doc, span.attrs["source_via"]) == "Vladimir Putin"


def test_an_unresolved_pronoun_source_is_marked() -> None:
    doc = run("The harvest was poor this year. They say the rains came too late.")
    span = attribution(doc, "They")
    assert span.attrs["source_actors"] == []
    assert span.attrs["source_unresolved"] is True
    assert span.attrs["sourced"] is False  # "they say": a vague source


def test_a_named_source_names_its_actor() -> None:
    doc = run("The Iranian government admitted that the talks had failed.")
    span = attribution(doc, "The Iranian government")
    assert span.attrs["source_actors"] == ["IRN"]


def test_an_expletive_it_is_never_resolved() -> None:
    doc = run("The United Nations met on Friday. It is clear that the vote failed.")
    link = next(link for link in resolver(doc).links if link.pronoun == "it")
    assert link.actors == () and link.reason == "expletive"


def test_a_chain_of_pronouns_keeps_the_referent() -> None:
    doc = run("The Iranians say they will answer. They claim that the strikes on Isfahan failed.")
    span = attribution(doc, "They")
    assert span.attrs["source_actors"] == ["IRN"]
    assert span.attrs["sourced"] is True  # resolved, so no longer a vague "they"
