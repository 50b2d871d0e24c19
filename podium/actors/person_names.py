"""People's names across a document: whose surname a bare surname is.

- A one-word gazetteer alias of a person ("Sanders") inside a longer personal name that the gazetteer does
  not give that person ("Sarah Sanders", "Sarah Huckabee Sanders") is another person: the name is left to
  the named-entity reader.
- Once a document names an unknown person in full ("Brett Kavanaugh"), every capitalised occurrence of the
  surname alone ("Kavanaugh denied it", "Kavanaugh's confirmation") is that person, whether or not the
  entity reader noticed it there, unless the document also uses the word in lower case (a surname that is
  a common word: "Price", "Young"), two people share it ("Lisa Page", "Carter Page") or the full name is
  the start of a longer one ("Georgie Anne Geyer").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from podium.actors.gazetteer import ActorEntry, Gazetteer
    from podium.actors.mentions import Mention
    from podium.document import Document

#: Words before a surname that make no other name of it ("Senator Sanders", "Mr. Sanders").
TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "president",
    "governor",
    "gov",
    "vice",
    "secretary",
    "minister",
    "chairman",
    "chairwoman",
    "general",
    "gen",
    "judge",
    "justice",
    "ambassador",
    "mayor",
    "speaker",
    "leader",
    "premier",
    "candidate",
    "former",
    "comrade",
    "colonel",
    "admiral",
    "sheikh",
    "ayatollah",
}
_WORD = re.compile(r"[A-Za-z][\w.'’-]*")
#: Last words of a place, or a day or month, read as a person's name ("Rolling Meadows", "Twitter Saturday").
_NO_SURNAME = re.compile(
    r"^(?:City|County|Township|Estates|Heights|Meadows|Park|Village|Springs|Falls|Hills|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|"
    r"August|September|October|November|December)$"
)


def another_person(
    text: str,
    entities: Iterable[tuple[int, int, str]],
    start: int,
    end: int,
    entry: ActorEntry,
    gaz: Gazetteer,
) -> bool:
    """Whether the one-word alias of ``entry`` at ``[start, end)`` is the surname of a different person: a
    PERSON entity (start, end, label) reaches further left with a name word, and its text is no alias of
    ``entry`` nor starts like one ("Basha al-Assad" is Bashar al-Assad misspelt)."""
    if entry.type != "person" or " " in text[start:end].strip():
        return False
    own: set[str] | None = None
    for e_start, e_end, label in entities:
        if label != "PERSON" or not (e_start < start and end <= e_end):
            continue
        before = text[e_start:start]
        words = [w.lower().rstrip(".") for w in _WORD.findall(before)]
        if (
            not words
            or not before[-1:].isspace()
            or not before[:1].isupper()
            or any(w in TITLES for w in words)
        ):
            continue  # "pro-Trump", "Senator Sanders" name no one else
        if own is None:  # rare: read the person's aliases only when another name reaches left of one
            own = {a.text.lower() for a in gaz.aliases if a.actor == entry.id} | {entry.name.lower()}
        name = re.sub(r"['’]s$", "", text[e_start:e_end]).strip()
        if name.lower() not in own and not any(_variant(words[0], a) for a in own):
            return True
    return False


def _first_names(
    mentions: list[Mention], unknown: dict[str, ActorEntry], text: str
) -> dict[str, tuple[str, int]]:
    """First name -> (actor, where first named in full) for the unknown people the document names in full
    ("Thank you, John" after "Senator John Cornyn"), unless two of them share it or the document also
    uses the word in lower case ("mark", "will")."""
    found: dict[str, tuple[str, int]] = {}
    shared: set[str] = set()
    for m in mentions:
        entry = unknown.get(m.actor)
        words = entry.name.split() if entry is not None and entry.type == "person" else []
        if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 3 or not words[0][0].isupper():
            continue
        if found.setdefault(words[0], (m.actor, m.start))[0] != m.actor:
            shared.add(words[0])
    return {
        first: hit
        for first, hit in found.items()
        if first not in shared and not re.search(rf"\b{re.escape(first.lower())}\b", text)
    }


def _variant(word: str, alias: str) -> bool:
    """Whether ``word`` may be a spelling of the first word of ``alias`` ("Basha" for "Bashar")."""
    first = alias.split()[0] if alias.split() else ""
    return len(word) >= 4 and len(first) >= 4 and word[:4] == first[:4]


def known_surnames(
    doc: Document, mentions: list[Mention], unknown: dict[str, ActorEntry], make: type[Mention]
) -> list[Mention]:
    """``mentions`` plus each bare surname of an unknown person the document names in full; a one-word
    unknown actor that is such a surname becomes that person."""
    full: dict[str, str] = {}
    names: dict[str, str] = {}
    shared: set[str] = set()
    for m in mentions:
        entry = unknown.get(m.actor)
        if entry is not None and entry.type == "person" and len(entry.name.split()) > 1:
            surname = entry.name.split()[-1]
            if (
                len(surname) > 2
                and surname[0].isupper()
                and surname.isalpha()
                and not _NO_SURNAME.search(surname)
            ):
                if full.setdefault(surname, m.actor) != m.actor:
                    shared.add(surname)  # Lisa Page and Carter Page: "Page" alone is either
                names.setdefault(surname, entry.name)
    for surname in shared:
        del full[surname]
    text = doc.text
    firsts = _first_names(mentions, unknown, text)
    for surname in list(full):
        if re.search(rf"\b{re.escape(surname.lower())}\b", text):
            del full[surname]  # also a common word here
        elif re.search(rf"\b{re.escape(names[surname])}\s+[A-Z]", text):
            del full[surname]  # "Georgie Anne" is the start of a longer name: "Anne" is no surname
    if not full and not firsts:
        return mentions
    out = []
    for m in mentions:  # "Kavanaugh’s" read as an organisation: the person
        entry = unknown.get(m.actor)
        name = re.sub(r"['’]s$", "", entry.name) if entry is not None else ""
        if entry is not None and " " not in name and name in full:
            m = make(m.start, m.end, full[name], m.kind, m.sentence, m.antecedent)
        elif entry is not None and name in firsts and firsts[name][1] < m.start:
            m = make(m.start, m.end, firsts[name][0], m.kind, m.sentence, m.antecedent)
        out.append(m)
    if not full:
        return out
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in full) + r")\b")
    for index, sentence in enumerate(doc.sentences):
        for hit in pattern.finditer(text, sentence.start, sentence.end):
            if not any(m.start < hit.end() and hit.start() < m.end for m in out):
                out.append(make(hit.start(), hit.end(), full[hit.group(1)], "ner", index))
    return sorted(out, key=lambda m: (m.start, m.end))
