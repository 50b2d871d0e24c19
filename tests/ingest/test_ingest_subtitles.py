"""Subtitle reader: .srt and .vtt grammar, paragraph breaks, and cue offsets that slice the text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.document import normalise_text
from podium.errors import PodiumError
from podium.ingest import subtitles

SRT = """1
00:00:01,000 --> 00:00:03,000
<i>Good afternoon.</i> Today we talk
about the ferry.

2
00:00:03,200 --> 00:00:05,000 X1:40 X2:600 Y1:20 Y2:50
{\\an8}It carried nine thousand
passengers last summer.

3
00:00:09,500 --> 00:00:11,000
After a long pause, a new thought.

4
00:00:11,100 --> 00:00:13,000
- Will fares rise?
- Not this year.
"""

VTT = """WEBVTT - council meeting
Kind: captions
Language: cy

NOTE
Transcribed by a volunteer.

STYLE
::cue(v[voice="Chair"]) { color: lime }

opening
00:00:00.500 --> 00:00:02.000 line:0 position:20%
<v Chair>The meeting is open.

00:02.100 --> 00:04.000
<v Chair>First item: the <b>library</b> roof &amp; gutters.</v>

00:00:04.100 --> 00:00:06.000
<v.quiet Member Two>I move that we fund it.

00:00:06.100 --> 00:00:07.000
<v Member Two><00:00:06.500><c>Fully</c> funded.

00:00:07.100 --> 00:00:08.000
Applause and agreement.
"""


def _cue_slices(doc: object) -> list[str]:
    text = doc.text  # type: ignore[attr-defined]
    return [text[c["start"] : c["end"]] for c in doc.meta.extras["cues"]]  # type: ignore[attr-defined]


def test_srt_text_tags_and_paragraph_breaks() -> None:
    doc = subtitles.read(SRT.encode(), "talk.srt")
    assert doc.text == (
        "Good afternoon. Today we talk about the ferry. "
        "It carried nine thousand passengers last summer."
        "\n\nAfter a long pause, a new thought."
        "\n\nWill fares rise?"
        "\n\nNot this year."
    )
    assert _cue_slices(doc) == [
        "Good afternoon. Today we talk about the ferry.",
        "It carried nine thousand passengers last summer.",
        "After a long pause, a new thought.",
        "Will fares rise?",
        "Not this year.",
    ]
    cues = doc.meta.extras["cues"]
    assert (cues[0]["t_start"], cues[0]["t_end"]) == (1.0, 3.0)
    assert (cues[1]["t_start"], cues[1]["t_end"]) == (3.2, 5.0)
    assert cues[3]["t_start"] == cues[4]["t_start"] == 11.1  # two dash speakers share one cue's time
    assert all(c["speaker"] is None for c in cues)
    assert doc.meta.speakers == []
    assert doc.meta.extras["format"] == "srt"


def test_vtt_header_notes_styles_voices_and_settings() -> None:
    doc = subtitles.read(VTT.encode(), "meeting.vtt")
    assert doc.text == (
        "The meeting is open. First item: the library roof & gutters."
        "\n\nI move that we fund it. Fully funded. Applause and agreement."
    )
    assert _cue_slices(doc) == [
        "The meeting is open.",
        "First item: the library roof & gutters.",
        "I move that we fund it.",
        "Fully funded.",
        "Applause and agreement.",
    ]
    assert [c["speaker"] for c in doc.meta.extras["cues"]] == [
        "Chair",
        "Chair",
        "Member Two",
        "Member Two",
        None,
    ]
    assert doc.meta.speakers == ["Chair", "Member Two"]
    assert doc.meta.language == "cy"
    assert doc.meta.extras["format"] == "vtt"
    assert doc.meta.extras["cues"][1]["t_start"] == 2.1
    assert "Transcribed" not in doc.text and "lime" not in doc.text and "opening" not in doc.text


def test_two_voices_in_one_cue_split_into_paragraphs() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:03.000\n<v Ann>Ready?</v> <v Ben>Ready.</v>\n"
    doc = subtitles.read(data, "x.vtt")
    assert doc.text == "Ready?\n\nReady."
    assert [c["speaker"] for c in doc.meta.extras["cues"]] == ["Ann", "Ben"]


def test_dash_after_voice_keeps_the_voice_and_second_dash_is_unnamed() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:03.000\n<v Ann>- Coming?\n- On my way.\n"
    doc = subtitles.read(data, "d.vtt")
    assert doc.text == "Coming?\n\nOn my way."
    assert [c["speaker"] for c in doc.meta.extras["cues"]] == ["Ann", None]


def test_gap_threshold_is_three_seconds_exactly() -> None:
    srt = (
        "1\n00:00:01,100 --> 00:00:04,100\nOne.\n\n"
        "2\n00:00:07,099 --> 00:00:08,000\nTwo.\n\n"
        "3\n00:00:11,000 --> 00:00:12,000\nThree.\n"
    )
    doc = subtitles.read(srt.encode(), "gap.srt")
    assert doc.text == "One. Two.\n\nThree."


def test_missing_blank_line_before_next_cue_and_crlf_and_bom() -> None:
    srt = (
        "\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nFirst line.\r\n"
        "2\r\n00:00:02,100 --> 00:00:03,000\r\nSecond.\r\n"
    )
    doc = subtitles.read(srt.encode("utf-8"), "tight.srt")
    assert doc.text == "First line. Second."


def test_cp1252_fallback() -> None:
    srt = "1\n00:00:01,000 --> 00:00:02,000\nCaf\u00e9 prices \u2013 up 5%.\n"
    doc = subtitles.read(srt.encode("cp1252"), "old.srt")
    assert doc.text == "Caf\u00e9 prices \u2013 up 5%."


def test_dash_is_kept_when_not_a_speaker_mark() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\n-5 degrees tonight\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\n-- and then\n"
    )
    doc = subtitles.read(srt.encode(), "d.srt")
    assert doc.text == "-5 degrees tonight -- and then"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"WEBVTT\n\nNOTE nothing here\n",
        b"just some text\nwithout timings\n",
        b"1\n00:00:01,000 --> 00:00:02,000\n\n",
    ],
)
def test_no_cues_is_e013(data: bytes) -> None:
    with pytest.raises(PodiumError) as info:
        subtitles.read(data, "empty.srt")
    assert info.value.code == "E013"


def _stamp(ms: int, vtt: bool) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{'.' if vtt else ','}{millis:03d}"


def _build(cues: list[tuple[str, int]], vtt: bool) -> tuple[str, list[tuple[int, int]]]:
    """A subtitle file with the given cue texts, each after a silence of the given milliseconds."""
    blocks = ["WEBVTT"] if vtt else []
    times: list[tuple[int, int]] = []
    clock = 0
    for number, (text, gap) in enumerate(cues, start=1):
        start = clock + gap
        clock = start + 1000
        times.append((start, clock))
        blocks.append(f"{number}\n{_stamp(start, vtt)} --> {_stamp(clock, vtt)}\n{text}")
    return "\n\n".join(blocks) + "\n", times


# Printable text without line breaks and without "-->"; "<", "&" and "{" open markup and are tested above.
_PLAIN = st.text(
    alphabet=st.characters(
        codec="utf-8",
        exclude_categories=("Cc", "Cs", "Zl", "Zp"),
        exclude_characters="<&{\u2028\u2029",
    ),
    max_size=40,
).filter(lambda s: "-->" not in s and s.lstrip()[:1] not in {"-", "‐", "‑", "–", "—"})
_GAPS = st.integers(min_value=0, max_value=5000)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PLAIN, _GAPS), min_size=1, max_size=8), st.booleans())
def test_cue_offsets_slice_back_to_the_normalised_cue_text(cues: list[tuple[str, int]], vtt: bool) -> None:
    source, times = _build(cues, vtt)
    kept = [
        (" ".join(normalise_text(text).split()), time)
        for (text, _), time in zip(cues, times, strict=True)
        if text.strip()
    ]
    kept = [(text, time) for text, time in kept if text]
    if not kept:
        with pytest.raises(PodiumError):
            subtitles.read(source.encode(), "p.srt")
        return
    doc = subtitles.read(source.encode(), "p.vtt" if vtt else "p.srt")
    assert _cue_slices(doc) == [text for text, _ in kept]
    entries = doc.meta.extras["cues"]
    for number in range(1, len(entries)):
        gap = kept[number][1][0] - kept[number - 1][1][1]
        separator = doc.text[entries[number - 1]["end"] : entries[number]["start"]]
        assert separator == ("\n\n" if gap >= 3000 else " ")
        assert entries[number]["t_start"] == kept[number][1][0] / 1000
    assert doc.text == normalise_text(doc.text)


_ANY = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs",), exclude_characters="\r\n\x85\u2028\u2029"
    ),
    max_size=40,
).filter(lambda s: "-->" not in s)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_ANY, _GAPS), min_size=1, max_size=8), st.booleans())
def test_cue_offsets_stay_consistent_for_any_markup(cues: list[tuple[str, int]], vtt: bool) -> None:
    try:
        doc = subtitles.read(_build(cues, vtt)[0].encode(), "any.vtt")
    except PodiumError as err:
        assert err.code == "E013"
        return
    entries = doc.meta.extras["cues"]
    assert entries[0]["start"] == 0 and entries[-1]["end"] == len(doc.text)
    for entry in entries:
        piece = doc.text[entry["start"] : entry["end"]]
        assert piece and piece == piece.strip() and "\n" not in piece
    for previous, entry in itertools.pairwise(entries):
        assert doc.text[previous["end"] : entry["start"]] in {" ", "\n\n"}
