"""Property: every reader, fed generated hostile input and options, gives a result or a catalogue error.

About 2,100 cases in all (a bounded time, well under three minutes on two cores): the library is called
in-process with the cheap rule-based analysers and every output format is rendered and validated.
The long campaign is ``python benchmarks/fuzz.py --cases 20000``.
"""

from __future__ import annotations

import io
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.analyze import analyze
from podium.errors import CATALOGUE, PodiumError
from tests.fuzz.cases import FORMATS, HOSTILE, READERS, Case, bom_variants, make_case
from tests.fuzz.harness import cheap_pipeline, check_output, run_case

EXAMPLES_PER_READER = 200
FUZZ = settings(
    max_examples=EXAMPLES_PER_READER,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
FEWER = settings(FUZZ, max_examples=60)
#: Text hypothesis draws, biased towards what breaks parsers: controls, surrogate-adjacent and markup.
TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("\x00\x0b\x0c\r\t\n<>&\"'=+-@:\ufeff\ufffe\uffff\u2028\u00a0"),
    ),
    max_size=120,
) | st.sampled_from(HOSTILE)


@pytest.mark.slow
@pytest.mark.parametrize("reader", READERS)
@FUZZ
@given(rng=st.randoms(use_true_random=False), extra=TEXT)
def test_every_reader_gives_a_result_or_a_catalogue_error(
    reader: str, rng: random.Random, extra: str
) -> None:
    case = make_case(rng, reader, extra)
    assert run_case(case) in {"ok", *CATALOGUE}


@pytest.mark.slow
@settings(FUZZ, max_examples=150)
@given(
    title=st.none() | TEXT,
    speakers=st.none() | st.lists(TEXT, max_size=3),
    date=st.none() | TEXT | st.dates().map(str),
    side=st.none() | TEXT,
    language=st.none() | TEXT,
    fmt=st.sampled_from(FORMATS),
    max_bytes=st.integers(min_value=1, max_value=2**64),
)
def test_meta_options_give_a_result_or_a_catalogue_error(
    title: str | None,
    speakers: list[str] | None,
    date: str | None,
    side: str | None,
    language: str | None,
    fmt: str,
    max_bytes: int,
) -> None:
    text = b"In 2020, 3,000 people fled, according to the UN. It happened 75 years ago."
    try:
        doc = analyze(
            "-",
            cheap_pipeline(),
            max_bytes,
            io.BytesIO(text),
            30.0,
            title=title,
            speakers=speakers,
            date=date,
            side=side,
            language=language,
        )
    except PodiumError as err:
        assert err.code in CATALOGUE
        return
    from podium.outputs import render

    check_output(render(doc, fmt), fmt)


@pytest.mark.slow
@pytest.mark.parametrize("encoding_index", range(3))
@FEWER
@given(text=TEXT)
def test_text_with_a_bom_in_every_unicode_form(encoding_index: int, text: str) -> None:
    data = bom_variants(text + " We will rebuild 40 schools.")[encoding_index]
    assert run_case(Case("stdin", data, "", {}, "json")) in {"ok", *CATALOGUE}
