"""People's names across a document (``podium.actors.person_names``): another person who shares a known
person's surname, and a bare surname of a person named in full earlier or later. Texts written for these
tests."""

from __future__ import annotations

import pytest

from podium.actors.gazetteer import ActorEntry
from podium.actors.mentions import Mention
from podium.actors.person_names import known_surnames
from podium.document import Document, Meta
from podium.segment import segment
from tests.actors_helpers import analyse, mentions


def _doc(text: str) -> Document:
    doc = Document(text, Meta())
    segment(doc)
    return doc


def _full_name(doc: Document, name: str, actor: str) -> Mention:
    start = doc.text.index(name)
    sentence = next(i for i, s in enumerate(doc.sentences) if s.start <= start < s.end)
    return Mention(start, start + len(name), actor, "ner", sentence)


def _labels_of(doc: Document, found: list[Mention], word: str) -> list[str]:
    return [m.actor for m in found if doc.text[m.start : m.end] == word]


def test_a_bare_surname_is_the_person_named_in_full() -> None:
    doc = _doc("Halvard Brenn, the nominee, denied it. Critics say Brenn lied. Brenn's lawyers appealed.")
    unknown = {"new:halvard-brenn": ActorEntry("new:halvard-brenn", "Halvard Brenn", "person")}
    found = known_surnames(doc, [_full_name(doc, "Halvard Brenn", "new:halvard-brenn")], unknown, Mention)
    assert _labels_of(doc, found, "Brenn") == ["new:halvard-brenn", "new:halvard-brenn"]
    assert [m.sentence for m in found] == [0, 1, 2]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Tomas Price resigned. The price of bread rose. Price left the city.", ["Tomas Price"]),
        ("Lisa Page wrote to Carter Page. Page did not answer.", ["Lisa Page", "Carter Page"]),
        ("Georgie Anne Geyer asked. Georgie Anne was brief. Anne sat down.", ["Georgie Anne"]),
        ("Rolling Meadows voted. Meadows is quiet.", ["Rolling Meadows"]),
    ],
)
def test_no_surname_when_it_is_a_word_shared_or_no_surname(text: str, names: list[str]) -> None:
    doc = _doc(text)
    unknown = {}
    given = []
    for name in names:
        actor = "new:" + name.lower().replace(" ", "-")
        unknown[actor] = ActorEntry(actor, name, "person")
        given.append(_full_name(doc, name, actor))
    assert known_surnames(doc, given, unknown, Mention) == given


@pytest.mark.slow
def test_another_person_with_a_known_persons_surname() -> None:
    found = mentions(analyse("Sarah Sanders told reporters that the briefing was over."))
    assert "SANDERS" not in [label for _, label in found]
    assert ("Senator Sanders", "SANDERS") in mentions(analyse("Senator Sanders said he would vote."))
    assert ("Bernie Sanders", "SANDERS") in mentions(analyse("Bernie Sanders spoke in Vermont."))


@pytest.mark.slow
def test_a_misspelt_first_name_keeps_the_known_person() -> None:
    found = mentions(analyse("Iran props up Basha al-Assad in Syria."))
    assert "ASSAD" in [label for _, label in found]


@pytest.mark.slow
def test_a_prefix_names_no_other_person() -> None:
    found = mentions(analyse("A teen was wearing a pro-Trump hat at the diner."))
    assert "TRUMP" in [label for _, label in found]
