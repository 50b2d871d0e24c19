"""Neutrality (DESIGN.md §7): swapping which side is which leaves the anatomy layers unchanged.

Each template names two actors; every pair is run both ways round, and the labels and normalised
attributes of every anatomy layer must be the same once the names are put back as placeholders.
"""

from __future__ import annotations

from typing import Any

import pytest

from podium.analysers.attributions import AttributionAnalyser
from podium.analysers.citations import CitationAnalyser
from podium.analysers.claim_types import ClaimTypeAnalyser
from podium.analysers.hedges import HedgeAnalyser
from podium.analysers.quantities import QuantityAnalyser
from podium.analysers.times import TimeAnalyser
from podium.document import Document, Meta
from podium.pipeline import Pipeline
from podium.segment import segment

PAIRS = [
    ("Israel", "Iran"), ("Russia", "Ukraine"), ("China", "Taiwan"), ("India", "Pakistan"),
    ("the United States", "Venezuela"), ("Hamas", "the Israeli army"), ("Hezbollah", "the IDF"),
    ("the Kremlin", "NATO"), ("Armenia", "Azerbaijan"), ("Ethiopia", "Eritrea"), ("Serbia", "Kosovo"),
    ("the Palestinian Authority", "the Israeli government"), ("Beijing", "Washington"),
    ("Moscow", "Kyiv"), ("Tehran", "Riyadh"), ("the Houthis", "the Saudi-led coalition"),
    ("Morocco", "the Polisario Front"), ("Colombia", "the FARC"), ("Sudan's army", "the RSF"),
    ("North Korea", "South Korea"), ("the European Union", "Hungary"), ("Rwanda", "the Congo"),
    ("Turkey", "the Kurdish militias"), ("the Taliban", "the former Afghan government"),
]  # fmt: skip
TEMPLATES = [
    "{A} has bombed over 300 locations in {B} since 2011, according to reports.",
    "{A} admitted that it fired nearly 40 percent of its missiles at {B} last September.",
    "No one can deny that {A} killed some 12,000 civilians in {B} 75 years ago.",
    "Perhaps {B} will pay $5 billion a year to {A}, the minister of {A} said.",
    "{A} violated Article 51 of the UN Charter and Resolution 2254 when it attacked {B}.",
    "We have evidence that {B} supplied a dozen drones to {A} in the past forty years or so.",
    "The spokesman of {B} warned that {A} undoubtedly plans to send 300 or 400 troops.",
    "{B} claimed that one million barrels a day flowed to {A} between 5 and 7 years ago.",
]
ANALYSERS = [QuantityAnalyser(), TimeAnalyser(), AttributionAnalyser(), HedgeAnalyser(), CitationAnalyser(),
             ClaimTypeAnalyser()]  # fmt: skip
LAYERS = ("quantity", "time", "attribution", "hedge", "citation", "claim_type")


def analysis(template: str, a: str, b: str) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    text = template.format(A=a, B=b)
    doc = Pipeline(ANALYSERS)(segment(Document(text, Meta(date="2024-12-11"))))

    def neutral(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace(a, "{A}").replace(b, "{B}")
        return value

    return {
        layer: [
            (s.label, {k: neutral(v) for k, v in s.attrs.items() if not k.endswith("_span")})
            for s in doc.layer(layer)
        ]
        for layer in LAYERS
    }


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_swapping_sides_changes_nothing(template: str, a: str, b: str) -> None:
    assert analysis(template, a, b) == analysis(template, b, a)


def test_templates_find_parts() -> None:
    """The neutrality test is not vacuous: every template yields anatomy spans."""
    for template in TEMPLATES:
        found = analysis(template, "Israel", "Iran")
        assert sum(len(v) for k, v in found.items() if k != "claim_type") >= 2, template
