"""Paragraphs and sentences with exact offsets, over the document body only.

Header lines (``meta.header``) and speaker labels (outside ``doc.turns``) never reach a sentence.
Sentences are split by rules tuned for speeches: abbreviations (Mr., U.S., p.m.), initials, quotations,
ellipses, bracketed editorial insertions, scripture references in parentheses after a quotation
("(110:1-3)") and title lines without final punctuation. Segments preset by a reader (CheckThat!
lines, say) are kept as given. It does not tokenise or tag; spaCy does that where an analyser needs it.
"""

from __future__ import annotations

import itertools
import re

from podium.document import Document, Segment
from podium.resources.abbreviations import ABBREVIATIONS, CONTINUATION_WORDS, SENTENCE_STARTERS

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_TERMINAL = re.compile(r"(?:\.{3}|…|[.!?])+[\"'”’»)\]]*")
_CITATION_AFTER = re.compile(r"[ \t]*\((?=[^()\n]{1,48}\))[^()\n]*\d[^()\n]*\)")
_SPACES = re.compile(r"[ \t]*")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]+")
_OPENERS = "\"'“‘«([¿¡"
_END_CHARS = '.!?:;"”’)]…'
#: The longest sentence handed to the analysers; a longer run of text without an end is cut (``split_long``).
MAX_SENTENCE_CHARS = 5_000


def segment(doc: Document) -> Document:
    """Fill ``doc.paragraphs`` and ``doc.sentences`` unless a reader preset them."""
    if not doc.paragraphs:
        doc.paragraphs = [p for a, b in content_regions(doc) for p in split_paragraphs(doc.text, a, b)]
    if not doc.sentences:
        doc.sentences = [
            piece
            for p in doc.paragraphs
            for s in split_sentences(doc.text, p.start, p.end)
            for piece in split_long(doc.text, s)
        ]
    cues = doc.meta.extras.get("cues")
    if cues:
        doc.sentences = with_cue_times(doc.sentences, cues)
    return doc


def content_regions(doc: Document) -> list[tuple[int, int]]:
    """The ranges that hold speech: turns when there are any, else the text after the header."""
    if doc.turns:
        return [(t.start, t.end) for t in doc.turns]
    return [(doc.body_start, len(doc.text))]


def split_paragraphs(text: str, start: int, end: int) -> list[Segment]:
    """Blocks separated by blank lines inside ``[start, end)``, trimmed of surrounding whitespace."""
    out = []
    pos = start
    for m in _BLANK_LINE.finditer(text, start, end):
        out.extend(_trimmed(text, pos, m.start()))
        pos = m.end()
    out.extend(_trimmed(text, pos, end))
    return out


def _trimmed(text: str, start: int, end: int) -> list[Segment]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Segment(start, end)] if end > start else []


def split_sentences(text: str, start: int, end: int) -> list[Segment]:
    """Sentences of the paragraph ``text[start:end]`` as exact, trimmed ranges."""
    cuts = sorted(set(_line_breaks(text, start, end)) | set(_punctuation_breaks(text, start, end)))
    out: list[Segment] = []
    pos = start
    for cut in [*cuts, end]:
        out.extend(_trimmed(text, pos, cut))
        pos = cut
    return out


def _line_breaks(text: str, start: int, end: int) -> list[int]:
    """Newlines that end a sentence: after titles, before list items, and where lines are not wrapped."""
    lines = text[start:end].split("\n")
    if len(lines) < 2:
        return []
    longest = max(len(line.rstrip()) for line in lines)
    cuts = []
    pos = start
    for prev, nxt in itertools.pairwise(lines):
        pos += len(prev) + 1
        if _LIST_ITEM.match(nxt) or not _wraps(prev.rstrip(), nxt.lstrip(), longest, len(lines)):
            cuts.append(pos)
    return cuts


def _wraps(prev: str, nxt: str, longest: int, n_lines: int) -> bool:
    """Does the sentence on line ``prev`` go on in ``nxt`` (a hard-wrapped paragraph)?"""
    if not prev or prev.endswith(tuple(_END_CHARS)):
        return False
    last_word = prev.rsplit(None, 1)[-1].lower()
    if nxt[:1].islower() or prev.endswith((",", "-", "—", "–")) or last_word in CONTINUATION_WORDS:
        return True
    words = [w for w in prev.split() if w[:1].isalpha()]
    title_like = bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.5
    return n_lines >= 3 and longest >= 40 and len(prev) >= 0.6 * longest and not title_like


def _punctuation_breaks(text: str, start: int, end: int) -> list[int]:
    cuts = []
    depth = 0
    pos = start
    for m in _TERMINAL.finditer(text, start, end):
        depth = _bracket_depth(text, pos, m.start(), depth)
        inside = depth > 0
        depth = _bracket_depth(text, m.start(), m.end(), depth)
        pos = m.end()
        if inside:
            continue
        cut = m.end()
        cite = _CITATION_AFTER.match(text, cut, end)
        if cite:
            cut = cite.end()
        if _is_boundary(text, m.start(), m.group(), cut, end):
            cuts.append(cut)
    return cuts


def _bracket_depth(text: str, start: int, end: int, depth: int) -> int:
    for ch in text[start:end]:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth > 0:
            depth -= 1
    return depth


def _is_boundary(text: str, punct_start: int, punct: str, cut: int, end: int) -> bool:
    """Is the terminal punctuation at ``punct_start`` (ending the sentence at ``cut``) a sentence end?"""
    gap = _SPACES.match(text, cut, end).end()  # type: ignore[union-attr]
    if gap >= end:
        return True
    if gap == cut or text[gap] == "\n":
        return False  # no space after: "3.5", "U.S.-led"; newlines are judged by _line_breaks
    stripped = text[gap : min(end, gap + 200)]  # enough for the next word; never the paragraph's rest
    nxt = stripped.lstrip(_OPENERS)[:1]
    if not (nxt.isupper() or nxt.isdigit()):
        return False
    if punct[0] != ".":
        return True
    word = _word_before(text, punct_start)
    next_word = re.match(r"[\"'“‘«(\[]*([\w’']+)", stripped)
    starter = bool(next_word) and next_word.group(1) in SENTENCE_STARTERS  # type: ignore[union-attr]
    lower = word.lower()
    if punct.startswith("...") or punct.startswith("…"):
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return starter  # U.S., U.N., a.m., p.m.: a sentence end only before a clear sentence start
    if lower + "." in ABBREVIATIONS:
        return starter and lower in ("etc", "jr", "sr", "inc", "ltd", "co")
    if re.fullmatch(r"[A-Z]", word):
        return starter  # an initial ("John F. Kennedy") unless a clear sentence start follows
    return True


def _word_before(text: str, pos: int) -> str:
    start = pos
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:pos]


def split_long(text: str, sentence: Segment, max_chars: int = MAX_SENTENCE_CHARS) -> list[Segment]:
    """``sentence`` cut into pieces of at most ``max_chars`` characters (after a comma, semicolon or
    colon in the second half of a piece where there is one, else at the last space, else anywhere), so
    no model ever gets more than it can take (spaCy stops at 1,000,000 characters); a sentence that
    fits is returned as it is."""
    if sentence.end - sentence.start <= max_chars:
        return [sentence]
    out: list[Segment] = []
    pos, end = sentence.start, sentence.end
    while end - pos > max_chars:
        limit = pos + max_chars
        half = pos + max_chars // 2
        cut = max(text.rfind(", ", half, limit), text.rfind("; ", half, limit), text.rfind(": ", half, limit))
        cut = cut + 1 if cut > 0 else max(text.rfind(" ", half, limit), text.rfind("\n", half, limit))
        if cut <= pos:
            cut = limit
        out.extend(_trimmed(text, pos, cut))
        pos = cut
    out.extend(_trimmed(text, pos, end))
    return [Segment(s.start, s.end, dict(sentence.attrs)) for s in out]


def with_cue_times(sentences: list[Segment], cues: list[dict[str, float]]) -> list[Segment]:
    """Each sentence with the time of the first and last subtitle cue it overlaps (``time_start``,
    ``time_end``); one sweep over sentences and cues, both in text order."""
    out = []
    first = 0
    n = len(cues)
    for sentence in sentences:
        while first < n and cues[first]["end"] <= sentence.start:  # cues are in text order
            first += 1
        hits = []
        k = first
        while k < n and cues[k]["start"] < sentence.end:
            if cues[k]["end"] > sentence.start:
                hits.append(cues[k])
            k += 1
        if not hits:
            out.append(sentence)
            continue
        attrs = {**sentence.attrs, "time_start": hits[0]["t_start"], "time_end": hits[-1]["t_end"]}
        out.append(Segment(sentence.start, sentence.end, attrs))
    return out
