"""General grammar coverage added after the test-split error review: currencies, demonyms, compound
nouns, multipliers, hours, day ranges, parts of years, fiscal years, citation forms and attribution cues."""

from __future__ import annotations

import pytest

from podium.anatomy.attributions import find_attributions
from podium.anatomy.citations import find_citations
from podium.anatomy.dates import parse_anchor
from podium.anatomy.hedges import find_hedges
from podium.anatomy.quantities import find_quantities
from podium.anatomy.times import find_times

ANCHOR = parse_anchor("2024-06-15")


def quantity(text: str) -> tuple[str, dict[str, object]]:
    (hit,) = find_quantities(text)
    return text[hit.start : hit.end], hit.attrs


def time(text: str) -> tuple[str, object]:
    (hit,) = find_times(text, ANCHOR)
    return text[hit.start : hit.end], hit.iso


@pytest.mark.parametrize(
    ("text", "span", "currency"),
    [
        ("We will invest A$4.5 billion in housing.", "A$4.5 billion", "AUD"),
        ("The budget allocates R$ 12 billion to it.", "R$ 12 billion", "BRL"),
        ("The government paid HUF 300 billion in subsidies.", "HUF 300 billion", "HUF"),
        ("Fuel costs 40 forints more here.", "40 forints", "HUF"),
        ("The minimum wage is 17,002 TL now.", "17,002 TL", "TRY"),
        ("It lost 900 billion Sudanese pounds.", "900 billion Sudanese pounds", "SDG"),
        ("They paid 2 million Hong Kong dollars.", "2 million Hong Kong dollars", "HKD"),
    ],
)
def test_currencies(text: str, span: str, currency: str) -> None:
    got, attrs = quantity(text)
    assert got == span
    assert (attrs["currency"], attrs["unit"], attrs["kind"]) == (currency, currency, "money")


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Some 80,000 Israelis have been forced out.", "Some 80,000 Israelis", "israelis"),
        ("the water of 240 million Pakistanis is at stake", "240 million Pakistanis", "pakistanis"),
        ("220 of its staff members have been killed", "220 of its staff members", "staff members"),
        ("and 18 infantry fighting vehicles.", "18 infantry fighting vehicles", "infantry fighting vehicles"),
        ("shot down four HIMARS rockets overnight", "four HIMARS rockets", "himars rockets"),
    ],
)
def test_counted_nouns(text: str, span: str, unit: str) -> None:
    got, attrs = quantity(text)
    assert (got, attrs["unit"]) == (span, unit)


def test_count_of_pronoun_has_no_noun_and_one_needs_an_approximator() -> None:
    span, attrs = quantity("115 of them remain in captivity.")
    assert (span, attrs["value"], attrs["unit"]) == ("115", 115, None)
    span, attrs = quantity("the loss of at least one fighter jet.")
    assert (span, attrs["value"], attrs["approx"]) == ("at least one fighter jet", 1, ">")
    assert find_quantities("one jet was lost") == []


def test_multipliers_ordinals_rates_and_net_zero() -> None:
    span, attrs = quantity("It spends nearly ten times what we spend.")
    assert (span, attrs["kind"], attrs["multiplier"], attrs["approx"]) == (
        "nearly ten times",
        "multiplier",
        10,
        "<",
    )
    _, attrs = quantity("That is three times the level promised.")
    assert attrs["kind"] == "multiplier"
    _, attrs = quantity("and three times the voters said no.")
    assert attrs["kind"] == "count"  # "three times" counted, not a multiplier
    assert [h.attrs["kind"] for h in find_quantities("in our first four months")] == ["count"]
    span, attrs = quantity(
        "down from 5.2% a year ago",
    )
    assert (span, attrs["rate_per"]) == ("5.2%", None)  # "a year ago" is a time, not a rate
    assert find_quantities("By 2050 we will reach net zero emissions.", [(3, 7)]) == []


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("The convoy crossed in under an hour.", "under an hour", "PT1H"),
        (
            "Within 48 hours, the convoy will cross.",
            "Within 48 hours",
            {"start": "2024-06-15", "end": "2024-06-17"},
        ),
        (
            "On the night of May 6 and 7, they struck.",
            "May 6 and 7",
            {"start": "2024-05-06", "end": "2024-05-07"},
        ),
        (
            "Talks were held on 3-5 March 2023.",
            "3-5 March 2023",
            {"start": "2023-03-03", "end": "2023-03-05"},
        ),
        ("The economy grew in the first half of this year.", "the first half of this year", "2024-H1"),
        ("Exports rose in the third quarter of 2023.", "the third quarter of 2023", "2023-Q3"),
        ("The deficit will be 1.7 per cent in 2025-26.", "2025-26", {"start": "2025", "end": "2026"}),
        ("In mid-2023 the talks collapsed.", "mid-2023", "2023"),
        ("Two weeks from now, parliament votes.", "Two weeks from now", "2024-06-29"),
        ("The floods of summer 2022 were the worst.", "summer 2022", "2022-SU"),
    ],
)
def test_time_forms(text: str, span: str, iso: object) -> None:
    assert time(text) == (span, iso)


def test_weekday_follows_strong_future_only() -> None:
    assert time("The next briefing will take place on Monday.")[1] == "2024-06-17"
    assert time("The IMF approved the next tranche on Friday.")[1] == "2024-06-14"


def test_year_inside_a_citation_is_not_a_time() -> None:
    from podium.analysers.citations import CitationAnalyser
    from podium.analysers.times import TimeAnalyser
    from podium.document import Document, Meta
    from podium.pipeline import Pipeline
    from podium.segment import segment

    doc = Pipeline([TimeAnalyser(), CitationAnalyser()])(
        segment(Document("The Simla Agreement of 1972 binds both sides.", Meta(date="2024-06-15")))
    )
    assert [doc.span_text(s) for s in doc.layer("citation")] == ["Simla Agreement of 1972"]
    assert list(doc.layer("time")) == []


@pytest.mark.parametrize(
    ("text", "span", "kind", "attrs"),
    [
        ("Article 14 of our Constitution protects work.", "Article 14 of our Constitution", "article",
         {"work": "Constitution", "number": "14"}),
        ("We uphold the Constitution of the Republic of China.", "Constitution of the Republic of China",
         "law",
         {"work": "Constitution of the Republic of China"}),
        ("The Minsk agreements of 2015 were a way to buy time.", "Minsk agreements", "treaty",
         {"work": "Minsk agreements"}),
        ("The Jeddah Declaration of May 2023 was ignored.", "Jeddah Declaration", "work",
         {"work": "Jeddah Declaration"}),
        ("As Surah Al-Hujurat, verse 13 reminds us.", "Surah Al-Hujurat, verse 13", "scripture",
         {"work": "Quran", "chapter": 49, "verse": 13}),
        ("Read Surah At-Tawbah, verses 5-6.", "Surah At-Tawbah, verses 5-6", "scripture",
         {"work": "Quran", "chapter": 9, "verse": 5, "verse_end": 6}),
    ],
)  # fmt: skip
def test_citation_forms(text: str, span: str, kind: str, attrs: dict[str, object]) -> None:
    (hit,) = find_citations(text)
    assert (text[hit.start : hit.end], hit.kind) == (span, kind)
    assert {k: hit.attrs.get(k) for k in attrs} == attrs


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Venezuela lost 7.7 million citizens, UN agencies estimate.", "UN agencies", "estimate"),
        ("The International Court of Justice ruled in July that it is illegal.",
         "The International Court of Justice", "ruled"),
        ("A senior official reportedly confirmed the loss of a jet.", "A senior official", "confirmed"),
        ("The prophet Isaiah spoke of a light unto the nations.", "The prophet Isaiah", "spoke"),
        ("The Holy Quran says: be just.", "The Holy Quran", "says"),
        ("The opposition leader keeps saying that the budget is a lie.", "The opposition leader", "saying"),
        ("Human Rights Watch documented that militias hit towns.", "Human Rights Watch", "documented"),
    ],
)  # fmt: skip
def test_attribution_cues(text: str, source: str, cue: str) -> None:
    (hit,) = find_attributions(text)
    assert (hit.attrs["source"], hit.attrs["cue"], hit.label) == (source, cue, "attribution")


def test_attribution_look_alikes_and_unsourced_knowledge() -> None:
    assert find_attributions("The enemy thought that pressure would work.") == []
    assert find_attributions("Police found the weapons that were hidden.") == []
    assert find_attributions("Romans 13:1 tells us to obey.") == []
    (hit,) = find_attributions("Iran funds them, and we know that for a fact.")
    assert (hit.label, hit.attrs["source"], hit.attrs["cue"]) == ("unsourced", "we", "know")
    assert find_attributions("We know what to do.") == []
    assert [h.kind for h in find_hedges("and we know that for a fact.")] == ["booster"]
