"""Who is speaking, found in the document itself, as canonical actors with the evidence and how it was found.

``identify_speakers(doc)`` fills ``meta.speakers`` when the reader left it empty and records, for every
speaker, ``meta.extras["speakers_found"]``: ``{name, actor, actor_name, role, acting_for, how, evidence}``
(``name`` as in ``meta.speakers``; ``actor`` the gazetteer id or None; ``evidence`` ``[start, end]`` into
the text or None when the name is not in it). ``how`` says where the name came from:
- ``given`` (``--speaker``, a form field, a JSON-lines field), ``front matter``, ``html meta`` (the page's
  author), ``document properties`` (.docx), ``subtitles`` (voices), ``transcript labels`` (turns);
- ``title``: "X's speech on ...", "Remarks by President X at ...", "Statement of the Ministry of ...",
  and an op-ed heading "X: ..." when the body speaks in the first person and never names X;
- ``byline``: "By X"; ``dateline``: "TEHRAN — X said on Tuesday ..." (only without a byline).
A title naming a speech the body only reports ("X's speech: ..." over a text that calls X "he") is not
taken. Transcript labels keep their spelling in ``meta.speakers``; the record resolves them ("KENNEDY" ->
"John F. Kennedy" when the preamble names him). It does not decide whose side "we" is
(``podium.actors.side``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass

from podium.actors.gazetteer import ActorEntry, Gazetteer, load_gazetteer
from podium.actors.matcher import Matcher, default_matcher
from podium.actors.quotes import inside, quote_ranges
from podium.actors.speaker_lines import (
    STOP_WORDS,
    NamePhrase,
    byline_names,
    credit_names,
    dateline_names,
    title_names,
)
from podium.document import Document

EXTRA = "speakers_found"
#: Words of a title or role before (or instead of) a name; the rest of a name phrase is the name.
HONORIFICS = frozenset(
    re.findall(
        r"\S+",
        """president vice prime minister foreign deputy secretary general secretary-general chancellor king
    queen crown prince princess emir sultan sheikh shaykh imam ayatollah grand sayyed sayyid seyyed pope
    cardinal archbishop bishop senator sen rep representative congressman congresswoman governor gov mayor
    speaker leader supreme chairman chairwoman chair commander spokesperson spokesman spokeswoman
    ambassador envoy dr mr mrs ms miss sir dame lord lady h.e his her excellency honourable honorable hon
    defence defense interior finance state former acting chief attorney judge gen lt col colonel sens
    major admiral marshal field first martyr president-elect premier head rev reverend father
    businessman businesswoman candidate nominee the of u.s us""",
    )
)
#: Byline words that name a newsroom, not a person.
NEWSROOM = frozenset(
    {"staff", "reporter", "reporters", "editor", "editors", "news", "desk", "team", "agency"}
)
#: Transcript labels that are not people.
NOT_PEOPLE = frozenset(
    {
        "SYSTEM",
        "AUDIENCE",
        "CROWD",
        "QUESTION",
        "UNIDENTIFIED",
        "UNKNOWN",
        "ANNOUNCER",
        "PARTICIPANT",
        "VOICE",
        "NARRATOR",
        "SPEAKERS",
        "MEMBER",
        "MEMBERS",
        "REPORTER",
    }
)
#: Transcript labels that are headings.
HEADLINE_LABELS = frozenset(
    {
        "WATCH",
        "NEW",
        "FULL",
        "UPDATE",
        "UPDATED",
        "BREAKING",
        "EXCLUSIVE",
        "VIDEO",
        "PHOTO",
        "READ",
        "MORE",
        "RELATED",
        "SOURCE",
        "SOURCES",
        "NOTE",
        "EDITOR'S NOTE",
        "LISTEN",
        "CORRECTION",
    }
)
#: Capitalised words that open a title or sentence before a surname ("The Second Kennedy-Nixon Debate").
_NOT_FIRST_NAMES = frozenset(
    {"if", "so", "and", "but", "first", "second", "third", "fourth", "fifth", "final", "last", "next"}
)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|[Ww]e|[Oo]ur|us)\b")
_FIRST_SINGULAR = re.compile(r"\b(?:I|me|[Mm]y)\b")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+")
_BODY_SENTENCES = 80


@dataclass(slots=True)
class FoundSpeaker:
    """One speaker of the document and how the document names them."""

    name: str
    how: str
    actor: str | None = None
    actor_name: str | None = None
    #: Role words around the name ("Iranian Foreign Minister"), or the gazetteer's role for a known person.
    role: str | None = None
    #: The state or group the speaker acts for, when known.
    acting_for: str | None = None
    evidence: list[int] | None = None
    #: The transcript label this speaker speaks under ("THE PRESIDENT"), when the name came from one.
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    actor: str | None
    actor_name: str | None
    name: str
    role: str | None
    acting_for: str | None
    #: Whether the phrase names a person or body (not only a role, not a headline).
    named: bool


def identify_speakers(
    doc: Document, gazetteer: Gazetteer | None = None, matcher: Matcher | None = None
) -> list[FoundSpeaker]:
    """Find the speakers of a segmented document; set ``meta.speakers`` (if empty) and the records."""
    gazetteer = gazetteer or load_gazetteer()
    matcher = matcher or default_matcher()
    found = _from_meta(doc, gazetteer, matcher)
    if not found or found[0].how == "html meta":
        from_text = _from_text(doc, gazetteer, matcher)
        if from_text:
            found = from_text
            doc.meta.speakers = [f.name for f in found]
    doc.meta.extras[EXTRA] = [asdict(f) for f in found]
    return found


def records(doc: Document) -> list[FoundSpeaker]:
    """The records ``identify_speakers`` left in ``meta.extras`` (none when it has not run)."""
    return [FoundSpeaker(**r) for r in doc.meta.extras.get(EXTRA) or [] if isinstance(r, dict)]


def resolve_phrase(phrase: str, gazetteer: Gazetteer, matcher: Matcher) -> Resolved:
    """What a name phrase names: a gazetteer person first, then a body, else the words left after the
    honorifics (a state adjective among them gives whom the person acts for)."""
    matches = [m for m in matcher.find(phrase) if m.alias.actor is not None]
    entries = [(m, gazetteer.actors[m.alias.actor]) for m in matches if m.alias.actor in gazetteer.actors]
    people = [(m, e) for m, e in entries if e.type == "person"]
    if people:
        m, entry = people[0]
        before = _name_words(phrase[: m.start], matches)
        if not before or not phrase[: m.start].endswith(f"{before[-1]} "):  # "Melania Trump" is not Trump
            role = _role_words(phrase[: m.start]) or entry.role
            return Resolved(entry.id, entry.name, entry.name, role, entry.state or entry.id, True)
        entries = [(x, e) for x, e in entries if e.type != "person"]
        matches = [x for x in matches if x is not m]
    words = [w for w in re.split(r"\s+", phrase.strip()) if w]
    plain = _name_words(phrase, matches)
    acting = next((_acting_for(e) for _, e in entries), None)
    if entries and not plain:
        m, entry = entries[0]
        whole = m.start <= 4 and m.end >= len(phrase.rstrip()) - 1
        if whole or entry.type != "state":
            return Resolved(entry.id, entry.name, entry.name, None, _acting_for(entry), True)
        return Resolved(None, None, _strip_the(phrase), None, acting, True)  # "the Ministry of ... of Iran"
    if not plain:
        return Resolved(None, None, phrase, _role_words(phrase), acting, False)
    name = " ".join(plain)
    role = " ".join(w for w in words if w not in plain) or None
    return Resolved(None, None, name, role, acting, True)


def _strip_the(phrase: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", phrase.strip())


def _role_words(text: str) -> str | None:
    words = [w for w in text.split() if w.strip(".,").lower() in HONORIFICS or w[:1].isupper()]
    return " ".join(words).strip() or None


def _name_words(phrase: str, matches: list) -> list[str]:  # type: ignore[type-arg]
    """The words of ``phrase`` that are neither honorifics nor inside a gazetteer match."""
    out = []
    for m in re.finditer(r"\S+", phrase):
        word = m.group().strip(",")
        if any(x.start <= m.start() < x.end for x in matches):
            continue
        if word.strip(".").lower() in HONORIFICS or word.lower() == "of":
            continue
        out.append(word)
    return out


def _acting_for(entry: ActorEntry) -> str:
    if entry.type in ("person", "military", "organisation") and entry.state:
        return entry.state
    return entry.id


def _from_meta(doc: Document, gazetteer: Gazetteer, matcher: Matcher) -> list[FoundSpeaker]:
    """Records for the speakers the caller, the reader or the transcript's labels give (none when there
    are none). A transcript's resolved labels become canonical names in ``meta.speakers`` ("THE
    PRESIDENT" -> "Ronald Reagan"); the record keeps the label."""
    previous = records(doc)
    given = [r.name for r in previous if r.how == "given"]
    if given and given == doc.meta.speakers:
        out = []
        for name in given:
            res = _resolve_name(name, gazetteer, matcher)
            out.append(FoundSpeaker(name, "given", res.actor, res.actor_name, res.role, res.acting_for, None))
        return out
    if doc.turns:
        labels = list(dict.fromkeys(t.speaker for t in doc.turns))
        known = {r.label: r for r in previous if r.label}
        order = [s for s in doc.meta.speakers if s in labels] + [
            s for s in labels if s not in doc.meta.speakers
        ]
        bogus = _headline_labels(doc)
        out = [
            known.get(label) or _label_record(doc, label, gazetteer, matcher)
            for label in order
            if label not in bogus
        ]
        doc.meta.speakers = list(dict.fromkeys(r.name for r in out))
        return out
    if not doc.meta.speakers:
        return []
    how = _provenance(doc)
    out = []
    for name in doc.meta.speakers:
        res = _resolve_name(name, gazetteer, matcher)
        out.append(FoundSpeaker(name, how, res.actor, res.actor_name, res.role, res.acting_for, None))
    return out


def _headline_labels(doc: Document) -> set[str]:
    """Turn labels that are headings, not speakers: a "Heading: ..." title line read as a label (its only
    turn opens the text), and words such as "WATCH:" or "UPDATE:"."""
    if not doc.turns:
        return set()
    opening = len(doc.text) - len(doc.text.lstrip())
    checked = doc.meta.extras.get("format") != "checkthat"  # CheckThat! files name speakers by format
    out = set()
    for label in {t.speaker for t in doc.turns}:
        turns = [t for t in doc.turns if t.speaker == label]
        spans = [t.attrs.get("label") for t in turns]
        if label.upper() in HEADLINE_LABELS or (
            len(turns) == 1 and isinstance(spans[0], list) and spans[0][0] <= opening
        ):
            out.add(label)
        elif checked and not label.isupper() and not _known(label) and not is_person_name(label):
            out.add(
                label
            )  # "Present Problems:", "Election Strategy:" (sub-headings), not "Dennis Bernstein:"
    return out


def _known(label: str) -> bool:
    res = _resolve_name(label, load_gazetteer(), default_matcher())
    return res.actor is not None


def _provenance(doc: Document) -> str:
    fmt = doc.meta.extras.get("format")
    if doc.turns:
        return "transcript labels"
    if fmt == "html":
        return "html meta"
    if fmt == "docx":
        return "document properties"
    if fmt in ("srt", "vtt"):
        return "subtitles"
    if any(h.attrs.get("kind") == "front_matter" for h in doc.meta.header):
        return "front matter"
    return "meta"


def _resolve_name(name: str, gazetteer: Gazetteer, matcher: Matcher) -> Resolved:
    """A speaker name as given: an actor id, a name, or a transcript's capitalised label."""
    if name in gazetteer.actors:
        entry = gazetteer.actors[name]
        return Resolved(entry.id, entry.name, name, entry.role, _acting_for(entry), True)
    res = resolve_phrase(name, gazetteer, matcher)
    if res.actor is None and name.isupper():
        titled = resolve_phrase(name.title(), gazetteer, matcher)
        if titled.actor is not None:
            return titled
    return res


def _label_record(doc: Document, label: str, gazetteer: Gazetteer, matcher: Matcher) -> FoundSpeaker:
    """A transcript label resolved: through the gazetteer, else through a fuller name in the opening of
    the text ("KENNEDY" -> "Senator John F. Kennedy" -> "John F. Kennedy"; "THE PRESIDENT" -> "President
    Reagan" -> "Ronald Reagan"). ``name`` is the canonical name when one is found, else the label."""
    turn = next(t for t in doc.turns if t.speaker == label)
    span = turn.attrs.get("label")
    evidence = list(span) if isinstance(span, list) else None
    words = set(re.findall(r"[A-Z]+", label.upper()))
    if words & NOT_PEOPLE or len(label.split()) > 6:
        return FoundSpeaker(label, "transcript labels", evidence=evidence, label=label)
    name = label.split(",")[0].strip()  # "MARY BETH GAHN, SALES REPRESENTATIVE"
    if not _name_words(name, []):  # only a role: "THE PRESIDENT" is the president the opening names
        holder = _role_holder(doc, name)
        if holder is None:
            return FoundSpeaker(label, "transcript labels", evidence=evidence, label=label)
        evidence = [holder[0], holder[1]]
        name = doc.text[holder[0] : holder[1]]
    res = _person(_resolve_name(name, gazetteer, matcher), name)
    plain = _name_words(name, [])
    if len(plain) == 1:  # a surname: a fuller name in the opening says which person
        fuller = _fuller_name(doc, plain[0])
        if fuller is not None:
            start, end = fuller
            full = _person(resolve_phrase(doc.text[start:end], gazetteer, matcher), doc.text[start:end])
            if full.actor is not None or res.actor is None:
                res, evidence = full, [start, end]
    if res.actor is None and (not res.named or res.name == label):
        return FoundSpeaker(label, "transcript labels", None, None, res.role, res.acting_for, evidence, label)
    canonical = res.actor_name or res.name
    return FoundSpeaker(
        canonical, "transcript labels", res.actor, canonical, res.role, res.acting_for, evidence, label
    )


def _role_holder(doc: Document, role: str) -> tuple[int, int] | None:
    """[start, end) of the "<Role> <Name>" named most often in the first 30,000 characters ("President
    Reagan" for the label "THE PRESIDENT"; not "Vice President Bush")."""
    words = [w for w in role.split() if w.lower() != "the"]
    if not words:
        return None
    cased = r"\s+".join(rf"(?:{re.escape(w.title())}|{re.escape(w.upper())})" for w in words)
    pattern = re.compile(rf"(?<!Vice )(?<!VICE )\b{cased}\s+((?:[A-Z][\w.'’-]*\s+){{0,2}}[A-Z][\w'’-]+)")
    seen: dict[str, tuple[int, int]] = {}
    counts: Counter[str] = Counter()
    for m in pattern.finditer(doc.text, 0, min(len(doc.text), 30_000)):
        names = [w for w in m.group(1).split() if w.lower() not in STOP_WORDS]
        if names and len(names) == len(m.group(1).split()):
            counts[names[-1]] += 1
            seen.setdefault(names[-1], (m.start(), m.end()))
    return seen[counts.most_common(1)[0][0]] if counts else None


def _person(res: Resolved, name: str) -> Resolved:
    """A label names a person: a state or body it happens to spell ("WASHINGTON") is no resolution."""
    if res.actor is not None and gazetteer_type(res.actor) != "person":
        return Resolved(None, None, name, None, None, False)
    return res


def _fuller_name(doc: Document, label: str) -> tuple[int, int] | None:
    """A name of two to four capitalised words ending with the label's last word ("KENNEDY" -> "Senator
    John F. Kennedy"), else starting with it ("Donald" -> "Donald Trump"), in the first 6,000 characters
    (a debate's preamble or its moderator's introduction)."""
    last = label.split()[-1].strip(".")
    if len(last) < 3 or not last.isalpha():
        return None
    word = re.escape(last.title()) + "|" + re.escape(last.upper())
    limit = min(len(doc.text), 6000)
    in_context = _person_in_context(doc.text, re.compile(rf"\b(?:{word})\b"), limit)
    if in_context is not None:
        return in_context
    ending = re.compile(rf"\b((?:[A-Z][A-Za-z.'’-]*[ \t]+){{1,3}})(?:{word})\b")
    for m in ending.finditer(doc.text, 0, limit):
        words = m.group(1).split()
        while words and (words[0].lower() in STOP_WORDS or words[0].lower() in _NOT_FIRST_NAMES):
            words.pop(0)
        while len(words) > 1 and not is_person_name(" ".join([*words, last.title()])):
            words.pop(0)  # "Fox News Sean Hannity" -> "Sean Hannity"
        full = " ".join([*words, m.group()[m.end(1) - m.start() :]])
        if words and any(w.strip(".").lower() not in HONORIFICS for w in words) and is_person_name(full):
            return m.end() - len(full), m.end()
    starting = re.compile(rf"\b(?:{word})((?:[ \t]+(?:[A-Z]\.|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)){{1,2}})\b")
    for m in starting.finditer(doc.text, 0, limit):
        if all(w.lower() not in STOP_WORDS for w in m.group(1).split()) and is_person_name(m.group()):
            return m.start(), m.end()
    return None


def _person_in_context(text: str, pattern: re.Pattern[str], limit: int) -> tuple[int, int] | None:
    """The first PERSON entity of two or more words that holds a match of ``pattern``, the NER reading
    each match's line (at most the first eight matches)."""
    from podium.nlp import load_spacy

    spans = []
    for m in list(pattern.finditer(text, 0, limit))[:8]:
        lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 300)
        hi = text.find("\n", m.end())
        hi = min(len(text) if hi == -1 else hi, m.end() + 300)
        spans.append((lo, hi, m.start(), m.end()))
    if not spans:
        return None
    nlp = load_spacy()
    off = [p for p in nlp.pipe_names if p != "ner"]
    for (lo, _, start, end), parsed in zip(
        spans, nlp.pipe([text[a:b] for a, b, _, _ in spans], disable=off), strict=True
    ):
        for ent in parsed.ents:
            s, e = lo + ent.start_char, lo + ent.end_char
            words = [w for w in ent.text.split() if w.strip(".").lower() not in HONORIFICS]
            fits = ent.label_ == "PERSON" and s <= start and end <= e and len(words) >= 2
            if fits and words[0].lower() not in _NOT_FIRST_NAMES:
                return s, e
    return None


def _from_text(doc: Document, gazetteer: Gazetteer, matcher: Matcher) -> list[FoundSpeaker]:
    """Speakers named by the title, a byline or a dateline, with the body checked."""
    lines = _opening_lines(doc)
    title = lines[0] if lines and lines[0][2] == "title" else None
    body_start = title[1] if title else doc.body_start
    if title is not None:
        start, end, _ = title
        line = doc.text[start:end]
        found = _accepted(doc, gazetteer, matcher, title_names(line), line, start, body_start)
        if found:
            return found
    elif doc.meta.title:
        found = _accepted(
            doc, gazetteer, matcher, title_names(doc.meta.title), doc.meta.title, None, body_start
        )
        if found:
            return found
    bylines = [n for s, e, _ in lines for n in _shift(byline_names(doc.text[s:e]), s)]
    bylines = bylines or _standalone_byline(doc)
    if bylines:
        return _accepted(doc, gazetteer, matcher, bylines, doc.text, 0, body_start)
    credits = [n for s, e in _closing_lines(doc) for n in _shift(credit_names(doc.text[s:e]), s)]
    credits = [n for n in credits if is_person_name(doc.text[n.start : n.end])]
    if credits and not doc.turns:
        return _accepted(doc, gazetteer, matcher, credits[-1:], doc.text, 0, body_start)
    for s, e, kind in lines:
        if kind == "body" and _statement_like(doc, title):
            names = _shift(dateline_names(doc.text[s:e]), s)
            return _accepted(doc, gazetteer, matcher, names, doc.text, 0, body_start)
    return []


def _statement_like(doc: Document, title: tuple[int, int, str] | None) -> bool:
    """A report of one statement, where a dateline's "X said" names the speaker: a short text (a press
    release, a wire statement), not a news story quoting many."""
    return len(doc.sentences) <= 15


def _shift(names: list[NamePhrase], offset: int) -> list[NamePhrase]:
    return [NamePhrase(n.start + offset, n.end + offset, n.how) for n in names]


#: A closing line that is neither credit nor text: a rule ("———") or a copyright notice.
_FURNITURE = re.compile(r"^\s*(?:[—–_=*-]{2,}|(?:©|\(c\)|Copyright\b).*)\s*$", re.IGNORECASE)


def _closing_lines(doc: Document, count: int = 3) -> list[tuple[int, int]]:
    """(start, end) of the last ``count`` non-blank lines, when they are short (a credit, a sign-off);
    rules and copyright notices below a sign-off are passed over ("— Tracy Wilkinson / Los Angeles Times /
    ——— / ©2018 Los Angeles Times")."""
    out: list[tuple[int, int]] = []
    end = len(doc.text)
    while end > 0 and len(out) < count:
        start = doc.text.rfind("\n", 0, end) + 1
        line = doc.text[start:end]
        if line.strip() and not _FURNITURE.match(line):
            if len(line) > 160:
                break
            out.append((start, end))
        end = start - 1
    return out[::-1]


def _standalone_byline(doc: Document, within: int = 15) -> list[NamePhrase]:
    """A line of its own that is a byline of a person, further down than the opening lines ("By Jamie
    Glazov" under an editors' note, "By Karista Baldwin, Conservative Tribune November 15, 2018:" in a
    repost): the first such line among the first ``within`` non-blank lines."""
    pos, seen = doc.body_start, 0
    text = doc.text
    while pos < len(text) and seen < within:
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end]
        if line.strip():
            seen += 1
            if len(line) <= 100:
                names = [n for n in byline_names(line) if is_person_name(line[n.start : n.end])]
                if names:
                    return _shift(names, pos)
        pos = end + 1
    return []


def _opening_lines(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the first lines: the title ("title": a header title line, or a short
    first line standing alone), then up to six more lines ("line"), and the first body line ("body")."""
    text = doc.text
    out: list[tuple[int, int, str]] = []
    titles = [h for h in doc.meta.header if h.attrs.get("kind") == "title"]
    pos = len(text) - len(text.lstrip())
    if titles:
        out.append((titles[0].start, titles[0].end, "title"))
        pos = doc.body_start
    elif not doc.turns:
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        first = text[pos:end].strip()
        if first and len(first) <= 250 and not first.endswith((".", "?", ",", ";")) and end < len(text):
            out.append((pos, pos + len(text[pos:end].rstrip()), "title"))
            pos = end + 1
    count = 0
    while pos < len(text) and count < 7:
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        if text[pos:end].strip():
            count += 1
            out.append((pos, end, "line" if len(text[pos:end]) < 120 else "body"))
            if len(text[pos:end]) >= 120:
                break
        pos = end + 1
    return out


def _accepted(
    doc: Document,
    gazetteer: Gazetteer,
    matcher: Matcher,
    names: list[NamePhrase],
    source: str,
    base: int | None,
    body_start: int,
) -> list[FoundSpeaker]:
    """The name phrases (offsets into ``source``, which starts at ``base`` in the text, or is not in the
    text when ``base`` is None) that pass their pattern's checks, as records."""
    out = []
    for n in names:
        phrase = source[n.start : n.end]
        evidence = [base + n.start, base + n.end] if base is not None else None
        res = resolve_phrase(phrase, gazetteer, matcher)
        if not res.named or not _believable(doc, n.how, res, phrase, body_start):
            continue
        how = "title" if n.how == "title_colon" else n.how
        out.append(FoundSpeaker(res.name, how, res.actor, res.actor_name, res.role, res.acting_for, evidence))
    return out


def _believable(doc: Document, how: str, res: Resolved, phrase: str, body_start: int) -> bool:
    words = res.name.split()
    if res.actor is None and how in ("byline", "title_colon", "dateline") and len(words) < 2:
        return False
    if how == "byline":
        return not any(w.lower() in NEWSROOM for w in words)
    if how == "title_colon":  # "X: ..." is X's own text only when X is a person, the body says "I", never "X"
        if not _person_like(phrase, res):
            return False
        singular, self_named = _voice(doc, body_start, phrase.split(), _FIRST_SINGULAR)
        return self_named == 0 and singular >= 0.1
    first, self_named = _voice(
        doc, body_start, [w for w in (res.actor_name or res.name).split()[-1:]], _FIRST_PERSON
    )
    if how == "title":  # an article about X's speech calls X by name and seldom says "I"/"we"
        return not (self_named >= 2 and first < 0.15)
    return True


def _person_like(phrase: str, res: Resolved) -> bool:
    """Two to four capitalised words with nothing of the gazetteer but a person, that spaCy's NER reads
    as one person's name ("Newt Gingrich", not "Black Death", "SPECIAL REPORT", "British Labor Party")."""
    if res.actor is not None:
        return gazetteer_type(res.actor) == "person"
    words = phrase.split()
    if not (2 <= len(words) <= 4 and all(_NAME_WORD.fullmatch(w) for w in words)):
        return False
    return not default_matcher().find(phrase) and is_person_name(phrase)


def is_person_name(phrase: str) -> bool:
    """Whether spaCy's NER reads ``phrase`` as one person's name when it heads a line of speech."""
    from podium.nlp import load_spacy

    nlp = load_spacy()
    off = [p for p in nlp.pipe_names if p != "ner"]
    for parsed in nlp.pipe([f"{phrase}: I said it.", f"{phrase} said so."], disable=off):
        if any(e.label_ == "PERSON" and e.start_char == 0 and e.end_char == len(phrase) for e in parsed.ents):
            return True
    return False


def gazetteer_type(actor: str) -> str | None:
    entry = load_gazetteer().actors.get(actor)
    return entry.type if entry is not None else None


def _voice(doc: Document, body_start: int, names: list[str], person: re.Pattern[str]) -> tuple[float, int]:
    """(share of the first body sentences with ``person`` pronouns outside quotations, how many of them
    name any of ``names`` outside quotations)."""
    body = [s for s in doc.sentences if s.start >= body_start][:_BODY_SENTENCES]
    if not body:
        return 0.0, 0
    names = [
        n.strip(".,") for n in names if len(n.strip(".,")) > 2 and n.strip(".,").lower() not in HONORIFICS
    ]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b") if names else None
    first = named = 0
    for sentence in body:
        text = doc.span_text(sentence)
        own = list(person.finditer(text))
        names_here = list(pattern.finditer(text)) if pattern is not None else []
        if not own and not names_here:
            continue
        quotes = quote_ranges(text)
        first += any(not inside(quotes, m.start(), m.end()) for m in own)
        named += any(not inside(quotes, m.start(), m.end()) for m in names_here)
    return first / len(body), named
