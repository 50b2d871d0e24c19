"""Who a document's own lines say is speaking: title, byline and dateline patterns, as name phrases.

Reads a line of text and returns the name phrases it gives as the speaker, with their offsets in that
line and the pattern that found them:
- titles that name whose words the document is: "X's speech on ...", "Remarks by President X at ...",
  "Statement of the Ministry of ...", "Address by X", "Interview with X", "X delivers ...", and the
  op-ed heading "X: ..." (``title_colon``: the caller must check the body before believing it);
- bylines: "By X", "By X and Y", "Written by X", "Author: X", "This article was originally published by X
  at ...", and closing credits ("Article posted with permission from X", a sign-off "— X, Outlet");
- a dateline opening a report of one statement: "TEHRAN — Foreign Minister X said on Tuesday ...".
A name phrase is a run of capitalised words (initials, "al-", "bin", "von", "of the" inside a name
allowed; headline words such as "At", "On", "Full", "Text" stop it). This module does not decide who the
phrase names (``podium.actors.speakers`` resolves it through the gazetteer) and reads no document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Nouns for a text that is one person's or body's words.
SPEECH_NOUNS = (
    "speech",
    "speeches",
    "address",
    "remarks",
    "statement",
    "message",
    "sermon",
    "interview",
    "press conference",
    "news conference",
    "press briefing",
    "briefing",
    "testimony",
    "keynote",
    "lecture",
    "eulogy",
    "declaration",
    "oration",
    "op-ed",
    "letter",
    "open letter",
    "toast",
    "words",
)
_NOUNS = "|".join(sorted((re.escape(n) for n in SPEECH_NOUNS), key=len, reverse=True))
#: "X's [important] speech", "X's State of the Union address" (at most four words between).
_POSSESSIVE = re.compile(rf"['’]s?\s+(?:[\w’'-]+\s+){{0,4}}?(?:{_NOUNS})\b", re.IGNORECASE)
#: "Remarks by X", "Statement of X", "Interview with X", "Address to the nation by X".
_BY = re.compile(
    rf"\b(?:{_NOUNS})\s+(?:(?:as\s+delivered\s+)?(?:by|of|from|with)|(?:[\w’'-]+\s+){{1,6}}?by)\s+",
    re.IGNORECASE,
)
#: "X Speech: ..." / "X Address" right before a colon or the end (the noun capitalised as in a heading).
_NAME_NOUN = re.compile(rf"\s+(?:{_NOUNS})\s*(?::|$|[—–|])", re.IGNORECASE)
#: "X addresses the nation", "X delivers a speech", "X speaks at ...".
_VERB = re.compile(r"\s+(?:addresses|delivers|gives\s+(?:a|an|the|his|her)\s|speaks\s+(?:to|at|on|before))")
_BYLINE = re.compile(
    r"^\s*(?:(?:[Ww]ritten\s+|[Pp]osted\s+)?[Bb]y|BY|[Aa]uthor:|AUTHOR:"
    r"|(?:This|The)\s+(?:report|article|story|piece|post|op-ed|column|essay)\s+(?:was\s+)?(?:originally\s+)?"
    r"(?:published|posted|written)\s+by)\s+"
)
#: An opening dateline: "TEHRAN —", "WASHINGTON, Feb. 9 (Reuters) -", "(Reuters) -".
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?(?:,\s*\d{4})?)?\s*)?"
    r"(?:\([^)\n]{1,40}\)\s*)?[—–-]{1,2}\s*"
)
_SAID = re.compile(
    r"\s*(?:,[^,\n]{1,80},\s*)?(?:said|says|stated|told|declared|announced|warned)\b",
)
#: Words in a capitalised run that end a name (headline words and capitalised prepositions).
STOP_WORDS = frozenset(
    re.findall(
        r"\S+",
        """at on to in into during before after about for with from over regarding upon as amid ahead
    following under against via by and or but is are was were be has have had will would can could
    full text transcript read watch video live exclusive breaking update updated photos new latest
    here why how what when where who which this that these those it its his her their our my your
    speech speeches address remarks statement message interview sermon briefing testimony keynote
    lecture letter op-ed says said tells told delivers addresses""",
    )
)
#: Lower-case words that may sit inside a name ("Ali al-Khamenei", "Ursula von der Leyen").
PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "de", "da", "di", "del", "der", "van", "von", "la", "le", "du"}
)
_TOKEN = re.compile(r"[^\s,;:()\[\]|“”\"—–]+")


@dataclass(frozen=True, slots=True)
class NamePhrase:
    """A name phrase at ``[start, end)`` of the line read, and the pattern that found it."""

    start: int
    end: int
    how: str


def _is_name_word(word: str) -> bool:
    core = word.strip("'’.")
    if not core:
        return False
    if core.lower() in STOP_WORDS:
        return False
    if core.split("-")[0].lower() in PARTICLES and "-" in core:  # "al-Sharaa"
        return True
    return core[0].isupper() or (len(core) == 2 and core[0].isupper() and word.endswith("."))


def _tokens(line: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(line, start, end)]


def name_after(line: str, start: int) -> list[tuple[int, int]]:
    """The name phrases starting at ``start`` (several when joined by "and"/"&"): each a run of name
    words, "of"/"of the" inside allowed, a leading "the" allowed."""
    toks = _tokens(line, start, len(line))
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if toks[i][0] != start and not line[start : toks[i][0]].isspace():
            break  # punctuation between the cue and the name: no name here
        first = i
        if toks[i][2] in ("the", "The") and i + 1 < len(toks):
            i += 1
        last = None
        while i < len(toks):
            s, e, word = toks[i]
            gap = line[toks[i - 1][1] : s] if i > first else ""
            if gap and not gap.isspace():
                break
            bare = word.rstrip(".,")
            if bare.endswith(("'s", "’s")) and _is_name_word(bare[:-2]):
                last = (toks[first][0], s + len(bare) - 2)
                i = len(toks)
                break
            if _is_name_word(word) or (word.lower() in PARTICLES and last is not None):
                last = (toks[first][0], e - (1 if word.endswith(",") else 0))
                i += 1
                continue
            if word.lower() == "of" and last is not None and i + 1 < len(toks):
                nxt = toks[i + 1][2]
                if _is_name_word(nxt) or (nxt.lower() == "the" and i + 2 < len(toks)):
                    i += 2 if nxt.lower() != "the" else 3
                    last = (toks[first][0], toks[i - 1][1])
                    continue
            break
        if last is None:
            break
        out.append((last[0], last[1] - _trailing_period(line, last[0], last[1])))
        if i < len(toks) and toks[i][2] in ("and", "&") and line[last[1] : toks[i][0]].isspace():
            start = toks[i][1] + 1 if i + 1 < len(toks) else len(line)
            i += 1
            if i < len(toks):
                start = toks[i][0]
            continue
        break
    return [(s, e) for s, e in out if e > s]


def _trailing_period(line: str, start: int, end: int) -> int:
    """1 when the phrase ends with a sentence period that is not an initial ("Nick Brown." -> 1)."""
    if (
        end > start
        and line[end - 1] == "."
        and not re.search(r"(?:^|\s)[A-Z]\.$|Jr\.$|Sr\.$", line[start:end])
    ):
        return 1
    return 0


def name_before(line: str, end: int) -> tuple[int, int] | None:
    """The name phrase ending at ``end`` (read backwards: name words, "of" between name words)."""
    toks = [t for t in _tokens(line, 0, end)]
    if not toks or toks[-1][1] != end:
        return None
    first = None
    i = len(toks) - 1
    while i >= 0:
        s, e, word = toks[i]
        if i < len(toks) - 1:
            gap = line[e : toks[i + 1][0]]
            if not gap.isspace():
                break
        if _is_name_word(word) or (word.lower() in PARTICLES and first is not None):
            first = s
            i -= 1
            continue
        if word.lower() == "of" and first is not None and i > 0 and _is_name_word(toks[i - 1][2]):
            i -= 1
            continue
        break
    if first is None:
        return None
    while line[first:end].lower().startswith(("of ", "the ")):
        first = line.index(" ", first) + 1
    return (first, end) if end > first else None


def title_names(line: str) -> list[NamePhrase]:
    """Speaker name phrases a title gives, strongest pattern first."""
    found: list[NamePhrase] = []
    for m in _BY.finditer(line):
        found += [NamePhrase(s, e, "title") for s, e in name_after(line, m.end())]
    for m in _POSSESSIVE.finditer(line):
        span = name_before(line, m.start())
        if span is not None:
            found.append(NamePhrase(*span, "title"))
    for m in list(_NAME_NOUN.finditer(line)) + list(_VERB.finditer(line)):
        span = name_before(line, m.start())
        if span is not None and span[0] <= 2:
            found.append(NamePhrase(*span, "title"))
    if not found:
        colon = re.match(r"\s*([^:]{3,60}):\s+\S", line)
        if colon:
            names = name_after(line, colon.start(1))
            if names and names[0][1] >= colon.end(1) - 1 and len(names) == 1:
                found.append(NamePhrase(names[0][0], names[0][1], "title_colon"))
    return _dedupe(found)


def byline_names(line: str) -> list[NamePhrase]:
    """Names a byline gives ("By Nick Brown", "By A. Writer and B. Writer"), else nothing."""
    m = _BYLINE.match(line)
    if not m:
        return []
    names = name_after(line, m.end())
    if not names:
        return []
    rest = line[names[-1][1] :].strip(" ")
    if rest.strip(".") and not re.match(r"(?:[|,;(—–-]|for\b|and\b|in\b|at\b|on\b|\d)", rest):
        return []  # "By combining data ..." or a sentence that happens to start with "By"
    return [NamePhrase(s, e, "byline") for s, e in names]


#: A closing credit: "Article posted with permission from X", "Reprinted with permission of X".
_CREDIT = re.compile(
    r"^\s*(?:(?:This\s+)?(?:[Aa]rticle|[Rr]eport|[Ss]tory|[Pp]ost|[Cc]olumn)\s+)?(?:was\s+)?"
    r"(?:[Pp]osted|[Rr]eprinted|[Rr]epublished|[Pp]ublished|[Rr]eproduced)\s+with\s+(?:the\s+)?"
    r"(?:kind\s+)?permission\s+(?:from|of)\s+"
)
#: A sign-off closing an article: "— Tracy Wilkinson", "– A. Writer, The Daily Courier".
_SIGN_OFF = re.compile(r"^\s*[—–-]{1,2}\s*(?=[A-Z])")


def credit_names(line: str) -> list[NamePhrase]:
    """The author a closing line credits ("Article posted with permission from X", "— X, Outlet"), else
    nothing; the caller checks that the phrase is a person's name (a credit to a newsroom or a
    foundation names no speaker)."""
    m = _CREDIT.match(line) or _SIGN_OFF.match(line)
    if not m:
        return []
    names = name_after(line, m.end())
    if len(names) != 1:
        return []
    rest = line[names[0][1] :].strip(" ")
    if rest.strip(".") and not re.match(r"[,|(]", rest):
        return []  # a sentence, not a credit
    return [NamePhrase(names[0][0], names[0][1], "byline")]


def dateline_names(line: str) -> list[NamePhrase]:
    """The one who speaks in a report opening with a dateline: "TEHRAN — X said on Tuesday ..."."""
    m = _DATELINE.match(line)
    if not m or m.end() == 0:
        return []
    names = name_after(line, m.end())
    if len(names) != 1:
        return []
    s, e = names[0]
    if not _SAID.match(line, e):
        return []
    return [NamePhrase(s, e, "dateline")]


def _dedupe(found: list[NamePhrase]) -> list[NamePhrase]:
    out: list[NamePhrase] = []
    for f in found:
        if not any(o.start < f.end and f.start < o.end for o in out):
            out.append(f)
    return out
