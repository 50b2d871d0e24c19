"""Speaker turns: ``NAME: text`` transcripts, and CheckThat!-style TSV debates.

``detect_turns`` finds speaker labels in a plain text and records turns (the label itself stays in the
text but outside the turn, so it never reaches a sentence). ``read_checkthat`` builds a Document from
``line_number<TAB>speaker<TAB>text[<TAB>label]`` lines, one preset sentence per line, as given.
It does not split sentences inside turns; ``podium.segment`` does.
"""

from __future__ import annotations

import re

from podium.document import Document, Meta, Segment, Turn, normalise_text
from podium.errors import PodiumError

_WORD = r"(?:[A-Z][A-Za-z'’\-]*\.?|[A-Z]{2,}|Mc[A-Z][a-z]+|de|al|bin|van|von|la)"
_LABEL = re.compile(
    rf"^[ \t]*(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})(?:[ \t]*\([^)\n]{{1,40}}\))?[ \t]*:[ \t]+"
)
#: Words that start ``Word: text`` lines in speeches without being speakers.
_NOT_SPEAKERS = frozenset(
    [
        "note",
        "source",
        "date",
        "title",
        "article",
        "chapter",
        "section",
        "resolution",
        "verse",
        "question",
        "answer",
        "example",
        "subject",
        "re",
        "warning",
        "update",
        "editor's",
        "editors",
        "summary",
        "transcript",
        "photo",
        "caption",
        "location",
    ]
)
_CHECKTHAT_LINE = re.compile(r"^(\d{1,18})\t([^\t]*)\t([^\t]*)(?:\t([^\t]*))?$")
#: What ``is_checkthat`` looks for: any number of digits, so an absurd line number is E012, not prose.
_CHECKTHAT_LIKE = re.compile(r"^\d+\t[^\t]*\t[^\t]*(?:\t[^\t]*)?$")


def detect_turns(doc: Document, start: int = 0) -> None:
    """Set ``doc.turns`` when the text from ``start`` is a speaker-labelled transcript.

    A text counts as a transcript when at least three lines, by at least two speakers or making up
    a third of the paragraphs, start with a label; one-off ``Note:`` lines do not make a transcript.
    """
    text = doc.text
    labels: list[tuple[int, int, str]] = []
    pos = start
    for line in text[start:].splitlines(keepends=True):
        m = _LABEL.match(line)
        if m and m["name"].split()[0].lower().rstrip(".") not in _NOT_SPEAKERS:
            labels.append((pos + m.start("name"), pos + m.end(), m["name"]))
        pos += len(line)
    paragraphs = max(1, sum(1 for p in re.split(r"\n\s*\n", text[start:]) if p.strip()))
    speakers = {name for _, _, name in labels}
    if len(labels) < 3 or (len(speakers) < 2 and len(labels) / paragraphs < 0.34):
        return
    turns = []
    for i, (label_start, label_end, name) in enumerate(labels):
        end = labels[i + 1][0] if i + 1 < len(labels) else len(text)
        while end > label_end and text[end - 1].isspace():
            end -= 1
        turns.append(Turn(label_end, end, name.strip(), {"label": [label_start, label_end]}))
    doc.turns = turns
    doc.meta.speakers = doc.meta.speakers or list(dict.fromkeys(t.speaker for t in turns))


def is_checkthat(text: str) -> bool:
    """A CheckThat! debate: all or most (80%) of its first 50 lines are ``number<TAB>speaker<TAB>text``
    lines (a bad line among them is then E012 in ``read_checkthat``, not a reason to read prose)."""
    lines = [line for line in text.splitlines() if line.strip()][:50]
    good = sum(1 for line in lines if _CHECKTHAT_LIKE.match(line))
    return good == len(lines) or (good >= 2 and good >= 0.8 * len(lines))


def read_checkthat(text: str, path: str) -> Document:
    """A debate in CheckThat! TSV: turns of consecutive same-speaker lines, one sentence per line."""
    rows: list[tuple[int, str, str, str | None]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _CHECKTHAT_LINE.match(line)
        if not m:
            raise PodiumError("E012", path=path, line=number)
        rows.append((int(m[1]), m[2].strip(), normalise_text(m[3].strip()), m[4]))
    pieces: list[str] = []
    sentences: list[Segment] = []
    turns: list[Turn] = []
    pos = 0
    for i, (line_number, speaker, line_text, label) in enumerate(rows):
        if i and speaker != rows[i - 1][1]:
            pieces.append("\n\n")
            pos += 2
        elif i:
            pieces.append("\n")
            pos += 1
        attrs: dict[str, object] = {"line_number": line_number}
        if label is not None and label.strip():
            attrs["gold_label"] = label.strip()
        sentences.append(Segment(pos, pos + len(line_text), attrs))
        if turns and turns[-1].speaker == speaker and (i and speaker == rows[i - 1][1]):
            last = turns[-1]
            turns[-1] = Turn(last.start, pos + len(line_text), speaker, last.attrs)
        else:
            turns.append(Turn(pos, pos + len(line_text), speaker))
        pieces.append(line_text)
        pos += len(line_text)
    meta = Meta(speakers=list(dict.fromkeys(r[1] for r in rows if r[1])), extras={"format": "checkthat"})
    doc = Document("".join(pieces), meta)
    doc.sentences = sentences
    doc.turns = turns
    return doc
