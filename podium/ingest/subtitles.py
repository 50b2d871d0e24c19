"""Read SubRip (.srt) and WebVTT (.vtt) subtitles into running text with the time of every cue.

Cue lines are joined with a space and cues with a space, so a sentence may run across cues; a
blank line (a paragraph break) goes where the silence between cues is at least
``PARAGRAPH_GAP_S`` seconds or the speaker changes (a different ``<v Name>`` voice, or a line
starting with a dash, the subtitlers' mark for a new speaker). Markup is dropped: tags such as
``<i>``, ``<c.colour>``, in-cue timestamps, ``{\\an8}`` position codes, the dash marks, and the
common character entities are decoded. ``meta.extras["cues"]`` holds one entry per cue (or per
voice/dash part of a cue) with its ``[start, end)`` in the final text and its times in seconds, so a
later step can time each sentence; ``<v>`` voices go into ``meta.speakers``.

It does not de-duplicate the rolling, repeated lines of automatic (e.g. YouTube) captions, does not
read ``NAME:`` speaker labels (the transcript reader does), and ignores cue settings, styles and regions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from podium.document import Document, Meta, normalise_text
from podium.errors import PodiumError

#: Silence between two cues, in seconds, that starts a new paragraph.
PARAGRAPH_GAP_S = 3.0

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>|</v\s*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<\d[\d:.]*>")
_ASS_CODE = re.compile(r"\{\\[^{}]*\}")
#: A dash that marks a new speaker: "- Yes." or "-Yes." but not "--" nor "-5 degrees".
_DASH = re.compile(r"^[-‐‑–—](?![-‐‑–—\d])\s*")
_ENTITIES = {
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
    "&quot;": '"',
    "&apos;": "'",
    "&nbsp;": "\u00a0",
    "&lrm;": "\u200e",
    "&rlm;": "\u200f",
}
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|lrm|rlm);|&#(\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});")
_BLOCK_KEYWORDS = ("NOTE", "STYLE", "REGION")
_LANGUAGE = re.compile(r"^language\s*:\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\s*$", re.IGNORECASE)


@dataclass(slots=True)
class Cue:
    """One timed cue as written in the file: times in milliseconds, its raw text lines."""

    index: int
    start_ms: int
    end_ms: int
    lines: list[str]


@dataclass(slots=True)
class _Part:
    """A run of a cue's text by one speaker: the whole cue, or one voice or dash line of it."""

    text: str
    speaker: str | None
    new_speaker: bool


def read(data: bytes, path: str) -> Document:
    """The running text of the subtitle file ``data`` with its cues; E013 when it has none."""
    raw = normalise_text(_decode(data))
    is_vtt = raw.lstrip().startswith("WEBVTT")
    cues, header = parse_cues(raw)

    pieces: list[str] = []
    entries: list[dict[str, Any]] = []
    speakers: list[str] = []
    offset = 0
    previous_end_ms: int | None = None
    previous_speaker: str | None = None
    for cue in cues:
        for number, part in enumerate(_parts(cue.lines)):
            if pieces:
                gap = cue.start_ms - previous_end_ms if number == 0 and previous_end_ms is not None else 0
                changed = part.new_speaker or (
                    part.speaker is not None
                    and previous_speaker is not None
                    and part.speaker != previous_speaker
                )
                separator = "\n\n" if gap >= PARAGRAPH_GAP_S * 1000 or changed else " "
                pieces.append(separator)
                offset += len(separator)
            entries.append(
                {
                    "start": offset,
                    "end": offset + len(part.text),
                    "t_start": cue.start_ms / 1000,
                    "t_end": cue.end_ms / 1000,
                    "speaker": part.speaker,
                    "index": cue.index,
                }
            )
            pieces.append(part.text)
            offset += len(part.text)
            if part.speaker is not None:
                previous_speaker = part.speaker
                if part.speaker not in speakers:
                    speakers.append(part.speaker)
            previous_end_ms = cue.end_ms

    if not entries:
        raise PodiumError("E013", path=path)
    meta = Meta(
        source=path, speakers=speakers, extras={"format": "vtt" if is_vtt else "srt", "cues": entries}
    )
    language = _header_language(header)
    if language:
        meta.language = language
    return Document("".join(pieces), meta)


def _decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped later by ``normalise_text``), else cp1252, else latin-1."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def parse_cues(text: str) -> tuple[list[Cue], list[str]]:
    """The cues of a normalised .srt/.vtt text, in file order, and the WebVTT header lines.

    Line-based: a timing line ``start --> end [settings]`` opens a cue, the lines up to the next blank
    line are its text. Blocks starting with WEBVTT, NOTE, STYLE or REGION are skipped. A number on the
    line right before a timing line is that cue's id, even when the blank line before it is missing.
    """
    cues: list[Cue] = []
    header: list[str] = []
    current: Cue | None = None
    skipping = False  # inside a header, NOTE, STYLE or REGION block
    in_header = False
    at_block_start = True
    for line in text.split("\n"):
        if not line.strip():
            current, skipping, in_header, at_block_start = None, False, False, True
            continue
        timing = _TIMING.match(line)
        if timing:  # "-->" cannot occur in a header, NOTE, STYLE or REGION block: this is a cue
            skipping = in_header = False
            if current is not None and current.lines and current.lines[-1].strip().isdigit():
                current.lines.pop()  # the next cue's id, its blank line forgotten
            current = Cue(len(cues), _ms(timing.groups()[:4]), _ms(timing.groups()[4:]), [])
            cues.append(current)
            at_block_start = False
            continue
        if at_block_start:
            at_block_start = False
            word = line.strip().split(maxsplit=1)[0] if line.strip() else ""
            if word == "WEBVTT" and not cues:
                skipping = in_header = True
                continue
            if word in _BLOCK_KEYWORDS:
                skipping = True
                continue
        if in_header:
            header.append(line)
        elif current is not None and not skipping:
            current.lines.append(line)
        # anything else is a cue id or a stray line before a timing line: not text
    return cues, header


def _ms(groups: tuple[str | None, ...]) -> int:
    hours, minutes, seconds, fraction = groups
    millis = int((fraction or "0").ljust(3, "0")[:3])
    return ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds or 0)) * 1000 + millis


def _parts(lines: list[str]) -> list[_Part]:
    """Split a cue's lines into speaker runs (``<v>`` voices and dash lines) with clean text."""
    runs: list[tuple[str | None, bool, list[str]]] = [(None, False, [])]
    for line in lines:
        at_line_start = True
        position = 0
        for match in [*_VOICE.finditer(line), None]:
            chunk = _strip_markup(line[position : match.start() if match else len(line)])
            if chunk.strip():
                if at_line_start and _DASH.match(chunk.lstrip()):
                    if runs[-1][2]:  # the run so far has text: the dash opens one by an unnamed speaker
                        runs.append((None, True, []))
                    else:  # a voice tag (or the cue start) right before the dash names this speaker
                        runs[-1] = (runs[-1][0], True, [])
                    chunk = _DASH.sub("", chunk.lstrip(), count=1)
                runs[-1][2].append(chunk)
                at_line_start = False
            if match is None:
                break
            position = match.end()
            if not match.group(0).startswith("</"):
                name = " ".join(_strip_markup(match.group(1) or "").split())
                runs.append((name or None, False, []))
    parts = [_Part(clean_text(" ".join(chunks)), speaker, new) for speaker, new, chunks in runs if chunks]
    return [part for part in parts if part.text]


def _strip_markup(text: str) -> str:
    text = _TAG.sub("", text)
    return _ASS_CODE.sub("", text)


def _entity(match: re.Match[str]) -> str:
    if match.group(1) or match.group(2):
        code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)
    return _ENTITIES[match.group(0)]


def clean_text(text: str) -> str:
    """A cue's text as it appears in the document: markup and entities resolved, spaces collapsed."""
    text = _strip_markup(text)
    text = _ENTITY.sub(_entity, text)
    return " ".join(normalise_text(text).split())


def _header_language(header: list[str]) -> str | None:
    for line in header:
        match = _LANGUAGE.match(line.strip())
        if match:
            return match.group(1).lower()
    return None
