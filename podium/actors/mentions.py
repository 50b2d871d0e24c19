"""Actor mentions in a document: gazetteer matches first, then spaCy's entities where the gazetteer is silent,
then first-person plural pronouns for the speaker's side.

- The gazetteer runs before spaCy NER and overrides it: an entity that overlaps a gazetteer match (an actor or
  a known place) is dropped. Unmatched PERSON, ORG, GPE and NORP entities become actors without a Wikidata id
  (ids ``new:<slug>``); a lone surname joins an earlier full name ("Brenn" after "Halvard Brenn"), and is
  that person wherever it stands alone, NER or not (``podium.actors.person_names``).
- A capital or seat of power used as a place ("in Washington", "close to Damascus") is not an actor mention,
  nor is an unknown GPE after a locative preposition ("the town of Drevna").
- "we", "us", "our", "ours", "ourselves", "my country"/"my government" outside quotations resolve to the
  speaker's side (``podium.actors.speaker``); "our friends", "our allies", "our enemies" name others.
  "I" is no actor mention; for events it is the speaker in person (``speaker_persons``, ``first_person``,
  used by ``podium.actors.coref.add_pronoun_mentions``).
- A bracketed editorial insertion inside a name ("[Islamic] Jihad") does not break it: square brackets are
  read as spaces by the gazetteer lookup, so the name matches as a whole (the offsets stay the text's).
- "Mr. President" in a transcript's other speakers' turns names the one (former) president among its speakers.
- A person's name before "administration" ("the Obama administration") is a mention of the state they led.
- Religious and historical figures, scriptures and book titles are not actors (``not_actors.txt``), and holy
  places are places (``places.txt``), whatever spaCy labels them.
- A debate's moderators and panellists (labelled speakers the gazetteer does not know, beside one it knows)
  are no actors, and their "we" (the panel's) names no side; the newsroom after a journalist's job
  ("correspondent for NBC News") is not a political actor either; nor are a dateline ("CHICAGO –"), an
  unknown place by its form ("Park City", "Cook County", "San Diego", "Equateur province", "Md."), a
  university, institute, school or journal, or an ideology ("Marxist", "the Nazis"). A US party-and-state
  tag ("(R-Fla.)") names the party.
It does not resolve other pronouns ("they", "its") and does not link mentions across documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from podium.actors.gazetteer import ActorEntry, Gazetteer, load_gazetteer
from podium.actors.headlines import headline_names
from podium.actors.matcher import Matcher, default_matcher
from podium.actors.person_names import another_person, known_surnames
from podium.actors.quotes import inside, quote_ranges
from podium.actors.regimes import regime_anaphors
from podium.actors.side import RELATIONAL
from podium.actors.speaker import PLACEHOLDER, sentence_sides
from podium.actors.speakers import records
from podium.claims import sentence_speakers
from podium.document import Document
from podium.nlp import sentence_docs

NER_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "gpe", "NORP": "group"}
#: Words before a capital that make it a place rather than the government seated there.
PLACE_BEFORE = {
    "in",
    "at",
    "near",
    "into",
    "across",
    "around",
    "outside",
    "inside",
    "throughout",
    "within",
    "over",
    "toward",
    "towards",
    "reached",
    "entered",
    "besieged",
    "approached",
    "streets",
}
#: For unknown GPEs also these (an unknown name after "of" or "from" is more often a place).
GPE_PLACE_BEFORE = PLACE_BEFORE | {"of", "from", "to", "town", "city", "village", "province", "region"}
PRONOUN = re.compile(r"\b(?:[Ww]e|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves|[Mm]y (?:country|government|nation))\b")
_WORDS = re.compile(r"[\w-]+")
#: A leader's name before "administration" names the government, so the state ("the Obama administration").
_ADMINISTRATION = re.compile(r"\s+(?:[Aa]dministration|[Aa]dmin)\b")
#: How a debate's panel addresses the president among its speakers.
_MR_PRESIDENT = re.compile(r"\bMr\.? President\b")
_PRESIDENT_ROLE = re.compile(r"^(?:former )?President of\b")
#: The two words after a pronoun ("our friends", "our closest allies").
_NEXT_WORDS = re.compile(r"\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?")
#: Square brackets read as spaces for the gazetteer ("[Islamic] Jihad" is "Islamic Jihad"), same length.
_BRACKETS = str.maketrans("[]", "  ")


#: An unknown GPE that reads as a place by its form: a dateline ("CHICAGO –", "BUDAPEST, Hungary") or a
#: municipal name ("Kansas City", "Cook County", "Hoffman Estates").
_DATELINE_AFTER = re.compile(r"\s*(?:[,–—-]|\()")
_TOWN = re.compile(
    r"\b(?:City|County|Township|Estates|Heights|Meadows|Park|Village|Borough|[Pp]rovince|River|Valley|Bay|"
    r"Islands?)$|^(?:San|Santa|Las|Los|Saint|St\.|Fort|Port|Mount|Lake|River)\s"
)
#: US states as the news abbreviates them after a town ("Bethesda, Md.", "Sacramento, Calif."): places.
_STATE_ABBREVIATION = re.compile(
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|"
    r"Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|Wash|W\.Va|Wis|Wyo)\.?"
)
#: Universities, research institutes, schools, hospitals and journals: not political actors.
_ACADEMIC = re.compile(
    r"\b(?:University|Institute|College|School|Academy|Hospital|Laboratory|Journal|Museum|"
    r"Cent(?:re|er) for)\b"
)
#: Words of an unknown group name that make it an ideology, a creed or a language, not a group that acts
#: ("Marxist Nicaragua", "the Communists", "Nazi Germany", "Farsi").
_IDEOLOGY = re.compile(r"(?:ists?|isms?|Nazis?|Farsi|Arabic)$")
#: A newsroom after a journalist's job ("columnist for Universal Press Syndicate", "correspondent for NBC
#: News", "editor of the New Republic magazine"): the journalist's employer, not a political actor.
_MEDIA_JOB = re.compile(
    r"\b(?:columnist|correspondent|editor|reporter|anchor|writer|commentator|contributor|producer|"
    r"journalist|moderator|host)\s+(?:for|of|at|with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Unknown organisation names that are a newsroom ("the Baltimore Sun", "Kyiv Post") by their last word.
_MEDIA_NAME = re.compile(
    r"\b(?:News|Times|Post|Journal|Tribune|Herald|Gazette|Magazine|Telegraph|Chronicle|Daily|Radio|"
    r"Television|TV|Broadcasting|Press|Wire|Newspaper)$"
)
#: Names of laws, treaties and programmes, not of actors ("the Immigration and Nationality Act", "the
#: Constitution", "the Good Friday Agreement").
_LAW_NAME = re.compile(r"\b(?:Act|Constitution|Amendment|Bill|Treaty|Accords?|Agreement|Protocol|Doctrine)$")
#: Companies by their legal form ("Nucor Corp.", "Acme Inc", "JSC Techsnabexport").
_COMPANY = re.compile(
    r"(?:\b(?:Inc|Corp|Corporation|Co|Company|Ltd|LLC|plc|PLC|Holdings|GmbH)\.?$|^(?:JSC|PJSC|OAO|OOO)\b)"
)
#: An acronym in parentheses: "(FCPA)", "(DUI)", "(NRC)".
_ACRONYM_IN_PARENS = re.compile(r"[A-Z][A-Z0-9&.-]*[A-Z0-9]")
#: A demonym that names a language: after a verb of speaking in its clause ("speaks fluent Arabic, French
#: and Italian") or right after "in" ("said in French"), and used as a noun (nothing follows it but
#: punctuation, "and" or "or").
_LANGUAGE_CUE = re.compile(
    r"(?:\b(?:speaks?|spoke|speaking|fluent|translated|interpreted|language)\b[^.;:!?]{0,60}|\bin\s+)$"
)
_NOUN_USE_AFTER = re.compile(r"\s*(?:[,.;:()]|and\b|or\b|$)")
#: A title after a state's name or adjective ("Hungarian Prime Minister", "Iran's Supreme Leader").
_TITLE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?P<title>President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Chancellor|"
    r"King|Queen|Supreme Leader|Emir|Crown Prince|Premier)\b"
)
#: A US party-and-state tag after a name: "(R-Fla.)", "(D-Calif.)", "(R-NY)".
_PARTY_TAG = re.compile(r"\((?P<party>[RD])-(?:[A-Z][a-z]{1,5}\.?|[A-Z]{2})\)")
_PARTY_LETTERS = {"R": "US_GOP", "D": "US_DEM"}
#: The speaker's "I" (not a numeral: "World War I").
_FIRST_PERSON = re.compile(r"(?<![\w.-])I(?![\w-])(?!\.[A-Z])(?<!War I)")
_PARTNER_AFTER = re.compile(r"-([A-Z][a-z]+(?:['’][a-z]+)?)(?![\w-])")
_PARTNER_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+)-$")
_TRIM = re.compile(r"(?:[\s,&-]|and\b)*(.*?)(?:[\s,&-]|\band)*", re.DOTALL)


def _outside(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of the entity ``[start, end)`` that no gazetteer match covers, with joining hyphens,
    commas and "and" trimmed: "Trump-Cheney" keeps "Cheney" when "Trump" is the gazetteer's, where the
    whole entity used to be dropped (and with it, a name the gazetteer does not know)."""
    covered = sorted((max(s, start), min(e, end)) for s, e in taken if s < end and start < e)
    if not covered:
        return [(start, end)]
    pieces, pos = [], start
    for s, e in [*covered, (end, end)]:
        if s > pos:
            m = _TRIM.fullmatch(text, pos, s)
            if m and m.group(1)[:1].isupper() and len(m.group(1)) >= 2:
                pieces.append((m.start(1), m.end(1)))
        pos = max(pos, e)
    return pieces


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor: str
    #: Alias kind (name, alias, adjective, metonym, epithet), "ner", "pronoun" (the speaker's "we"), or
    #: "coref" (a third-person pronoun, ``podium.actors.coref``).
    kind: str
    sentence: int
    #: For "coref": [start, end) of the actor mention the pronoun was resolved through (None: unresolved).
    antecedent: tuple[int, int] | None = None


def slug(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"^(?:Republic|Kingdom|State|Federation|Empire) of\s+", "", text)
    text = re.sub(r"['’]s$", "", text)
    return "new:" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _words_before(text: str, start: int, n: int = 2) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text[max(0, start - 40) : start])[-n:]]


def _language(text: str, start: int, end: int) -> bool:
    """Whether the demonym at ``[start, end)`` names a language ("speaks fluent French", "in French.")."""
    return bool(_LANGUAGE_CUE.search(text, max(0, start - 80), start) and _NOUN_USE_AFTER.match(text, end))


def _is_place_use(text: str, start: int, before: set[str]) -> bool:
    words = _words_before(text, start)
    if not words:
        return False
    if words[-1] == "to" and len(words) == 2 and words[0] in {"close", "closer", "next", "near"}:
        return True
    return words[-1] in before


class MentionFinder:
    """Finds every actor mention of a document; keeps the actors it made up for unknown entities."""

    def __init__(self, gazetteer: Gazetteer | None = None, matcher: Matcher | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.matcher = matcher or default_matcher()
        self.unknown: dict[str, ActorEntry] = {}
        self.moderators: set[str] = set()

    def find(self, doc: Document) -> list[Mention]:
        self.unknown = {}
        self.moderators = self._moderators(doc)
        sides = sentence_sides(doc, self.gazetteer, self.matcher)
        ner_docs = sentence_docs(doc, "ner")
        addressed = self._addressed_president(doc)
        speakers = sentence_speakers(doc)
        moderated = self._moderator_sentences(doc, speakers)
        mentions: list[Mention] = []
        for index, sentence in enumerate(doc.sentences):
            text = doc.span_text(sentence)
            taken: list[tuple[int, int]] = []
            entities = [(e.start_char, e.end_char, e.label_) for e in ner_docs[index].ents]
            found = self._gazetteer_mentions(text, taken, entities)
            if addressed is not None and addressed[index] is not None:
                for m in _MR_PRESIDENT.finditer(text):
                    if not any(s < m.end() and m.start() < e for s, e in taken):
                        taken.append((m.start(), m.end()))
                        found.append((m.start(), m.end(), addressed[index], "alias"))
            found += self._party_tags(text, taken)
            found += self._ner_mentions(text, ner_docs[index], taken)
            if not moderated[index]:  # a moderator's "we" is the panel, no side in the debate
                found += self._pronoun_mentions(text, sides[index], taken)
            for start, end, actor, kind in sorted(found):
                mentions.append(Mention(sentence.start + start, sentence.start + end, actor, kind, index))
        mentions = headline_names(doc, mentions, Mention)
        mentions = known_surnames(doc, self._merge_surnames(mentions), self.unknown, Mention)
        mentions = self._role_holders(doc.text, mentions)
        spans = [(s.start, s.end) for s in doc.sentences]
        return regime_anaphors(doc.text, spans, speakers, mentions, Mention)

    def _role_holders(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A state's name or adjective before a title ("the Hungarian Prime Minister", "Hungary's Prime
        Minister") is the person the gazetteer gives that role, when the document also names that person:
        a title alone could name an earlier holder, so the text must say who holds it."""
        named = {m.actor for m in mentions if m.kind in ("name", "alias")}
        starts = {m.start: m.actor for m in mentions}
        out = []
        for m in mentions:
            entry = self.gazetteer.actors.get(m.actor)
            title = _TITLE_AFTER.match(text, m.end) if m.kind in ("name", "adjective") else None
            if title is not None and entry is not None and entry.type in ("state", "territory"):
                holders = [
                    p.id
                    for p in self.gazetteer.actors.values()
                    if p.type == "person"
                    and p.state == m.actor
                    and p.id in named
                    and (p.role or "").lower().startswith(title.group("title").lower() + " of")
                ]
                after = title.end() + len(text[title.end() :]) - len(text[title.end() :].lstrip(" ,"))
                if (
                    len(holders) == 1 and starts.get(after) != holders[0]
                ):  # not "Ukrainian President Zelenskyy"
                    m = Mention(m.start, title.end(), holders[0], "alias", m.sentence)
            out.append(m)
        return out

    def _party_tags(self, text: str, taken: list[tuple[int, int]]) -> list[tuple]:
        """A US politician's party-and-state tag, "(R-Fla.)", "(D-NY)": the letter is the party; the state
        is a place (no new actor "Fla.")."""
        out = []
        for m in _PARTY_TAG.finditer(text):
            actor = _PARTY_LETTERS[m.group("party")]
            if actor in self.gazetteer.actors:
                taken.append((m.start(), m.end()))
                out.append((m.start("party"), m.end("party"), actor, "alias"))
        return out

    def _moderators(self, doc: Document) -> set[str]:
        """The full names and surnames of a transcript's labelled speakers that the gazetteer does not know,
        when another labelled speaker is a person it knows: the moderators and panellists of a debate, who
        ask and introduce but are not political actors in it."""
        labelled = [r for r in records(doc) if r.label is not None]
        known = [
            r for r in labelled if (e := self.gazetteer.actors.get(r.actor or "")) and e.type == "person"
        ]
        if not known:
            return set()
        names: set[str] = set()
        for r in labelled:
            if r.actor is None and r.actor_name and len(r.actor_name.split()) > 1:
                names |= {r.actor_name, r.actor_name.split()[-1]}
        return names

    def _moderator_sentences(self, doc: Document, speakers: list[str | None]) -> list[bool]:
        """Per sentence (``speakers``: who speaks each), whether a moderator or panellist (``_moderators``)
        speaks it."""
        labels = {
            r.label
            for r in records(doc)
            if r.label is not None and r.actor is None and r.actor_name and self._moderator(r.actor_name)
        }
        if not labels:
            return [False] * len(doc.sentences)
        return [who in labels for who in speakers]

    def _moderator(self, name: str) -> bool:
        return bool(self.moderators) and (name in self.moderators or name.split()[-1] in self.moderators)

    def _addressed_president(self, doc: Document) -> list[str | None] | None:
        """Per sentence, whom "Mr. President" names: in a transcript whose speakers include one (former)
        president, that president, in the turns of the other speakers (a president's own "Mr. President"
        addresses someone else, such as the chair of an assembly)."""
        presidents = []
        for record in records(doc):
            entry = self.gazetteer.actors.get(record.actor or "")
            if entry is not None and entry.type == "person" and _PRESIDENT_ROLE.search(entry.role or ""):
                presidents.append(record)
        if len(presidents) != 1:
            return None
        president = presidents[0]
        own = {president.name, president.label, president.actor_name} - {None}
        return [None if who in own or who is None else president.actor for who in sentence_speakers(doc)]

    def _gazetteer_mentions(
        self, text: str, taken: list[tuple[int, int]], entities: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str, str]]:
        out = []
        for m in self.matcher.find(text.translate(_BRACKETS)):
            actor = m.alias.actor
            entry = self.gazetteer.actors.get(actor or "")
            if entry is not None and another_person(text, entities, m.start, m.end, entry, self.gazetteer):
                continue  # "Sarah Sanders" is not Bernie Sanders: the entity reader names her
            taken.append((m.start, m.end))
            if actor is None:
                continue
            if m.alias.kind == "metonym" and _is_place_use(text, m.start, PLACE_BEFORE):
                continue
            if m.alias.kind == "adjective" and _language(text, m.start, m.end):
                continue
            government = _ADMINISTRATION.match(text, m.end)
            if government and entry is not None and entry.type == "person" and entry.state:
                out.append((m.start, government.end(), entry.state, m.alias.kind))
                taken.append((m.start, government.end()))
                continue
            out.append((m.start, m.end, actor, m.alias.kind))
        return out

    def _ner_mentions(self, text: str, sdoc: object, taken: list[tuple[int, int]]) -> list[tuple]:
        out = []
        known = list(taken)
        entities = []
        for ent in sdoc.ents:  # type: ignore[attr-defined]
            kind = NER_TYPES.get(ent.label_)
            if kind is not None:
                entities += [(s, e, kind) for s, e in _outside(text, ent.start_char, ent.end_char, known)]
        entities += self._compound_partners(text, known)
        for start, end, kind in entities:
            if any(s < end and start < e for s, e in taken):
                continue
            name = text[start:end]
            if name.lower().startswith("the "):
                start, name = start + 4, name[4:]
            if name.endswith(("'s", "’s")):
                end, name = end - 2, name[:-2]
            if len(name) < 2 or any(c.isdigit() for c in name) or not name[0].isupper():
                continue
            if name in self.gazetteer.not_actors or name.split()[0] in self.gazetteer.not_actors:
                continue
            if (
                name.isupper()
                and len(name) > 3
                and _DATELINE_AFTER.match(text, end)
                and not text[:start].strip()
            ):
                continue  # a dateline: "CHICAGO –", "BUDAPEST, Hungary, May 2"
            if kind == "gpe" and (
                _is_place_use(text, start, GPE_PLACE_BEFORE) or _TOWN.search(name) is not None
            ):
                continue  # "in the town of Drevna", "Park City"
            if _STATE_ABBREVIATION.fullmatch(name) or (kind == "organisation" and _ACADEMIC.search(name)):
                continue  # "Bethesda, Md.", "Oxford University", "the Astrophysical Journal Letters"
            if kind == "group" and _IDEOLOGY.search(name):
                continue
            if kind == "organisation" and (
                _MEDIA_JOB.search(text, max(0, start - 40), start) or _MEDIA_NAME.search(name)
            ):
                continue
            if _LAW_NAME.search(name) or (kind == "organisation" and _COMPANY.search(name)):
                continue  # a law or a company is not a political actor
            if self._acronym_of_nothing(text, start, end, name, out):
                continue
            if kind == "person" and self._moderator(name):
                continue
            actor = slug(name)
            self.unknown.setdefault(actor, ActorEntry(actor, name, kind))
            taken.append((start, end))
            out.append((start, end, actor, "ner"))
        return out

    def _acronym_of_nothing(self, text: str, start: int, end: int, name: str, found: list[tuple]) -> bool:
        """Whether ``name`` is an acronym in parentheses after words that are no actor mention: it spells
        out a law, a programme or an offence ("Foreign Corrupt Practices Act (FCPA)", "driving under the
        influence (DUI)"); after an actor ("Nuclear Regulatory Commission (NRC)") it is that actor's."""
        if not (text[start - 1 : start] == "(" and text[end : end + 1] == ")"):
            return False
        if not _ACRONYM_IN_PARENS.fullmatch(name):
            return False
        before = text[: start - 1].rstrip()
        return not any(e == len(before) for s, e, *_ in found) and not self._ends_a_match(before)

    def _ends_a_match(self, before: str) -> bool:
        """Whether a gazetteer actor's name ends exactly where ``before`` ends."""
        tail = before[-80:]
        return any(m.end == len(tail) and m.alias.actor for m in self.matcher.find(tail))

    def _compound_partners(self, text: str, known: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """Capitalised names hyphenated to a known person ("Biden-Cheney", "Cheney-Obama"): people too,
        whether or not the NER noticed them (it notices "Bush-Cheney" but not "Biden-Cheney")."""
        out = []
        for m in self.matcher.find(text):
            entry = self.gazetteer.actors.get(m.alias.actor or "")
            if entry is None or entry.type != "person":
                continue
            after = _PARTNER_AFTER.match(text, m.end)
            if after:
                out.append((after.start(1), after.end(1), "person"))
            before = _PARTNER_BEFORE.search(text, 0, m.start)
            if before:
                out.append((before.start(1), before.end(1), "person"))
        return [(s, e, k) for s, e, k in out if not any(a < e and s < b for a, b in known)]

    def _pronoun_mentions(self, text: str, side: str, taken: list[tuple[int, int]]) -> list[tuple]:
        quotes = quote_ranges(text)
        out = []
        for m in PRONOUN.finditer(text):
            if m.group() in {"US"} or inside(quotes, m.start(), m.end()):
                continue
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            after = _NEXT_WORDS.match(text, m.end())
            if m.group().lower() == "our" and after and RELATIONAL & {w.lower() for w in after.groups() if w}:
                continue  # "aid to our friends": the friends are others, not the speaker's side
            out.append((m.start(), m.end(), side, "pronoun"))
        return out

    def _merge_surnames(self, mentions: list[Mention]) -> list[Mention]:
        """A one-word unknown person that is the last word of an earlier unknown person is that person."""
        full: dict[str, str] = {}
        merged = []
        for m in mentions:
            entry = self.unknown.get(m.actor)
            if entry is not None and entry.type == "person":
                words = entry.name.split()
                if len(words) == 1 and words[0] in full:
                    m = Mention(m.start, m.end, full[words[0]], m.kind, m.sentence)
                elif len(words) > 1:
                    full.setdefault(words[-1], m.actor)
            merged.append(m)
        return merged

    def entry(self, actor: str) -> ActorEntry:
        if actor in self.gazetteer.actors:
            return self.gazetteer.actors[actor]
        if actor in self.unknown:
            return self.unknown[actor]
        return self.gazetteer.actors[PLACEHOLDER]


def speaker_persons(doc: Document, gazetteer: Gazetteer | None = None) -> list[str | None]:
    """Per sentence, the gazetteer person who speaks it (a transcript turn's or the document's one
    speaker), or None."""
    gazetteer = gazetteer or load_gazetteer()
    by_name: dict[str, str] = {}
    for r in records(doc):
        entry = gazetteer.actors.get(r.actor or "")
        if entry is not None and entry.type == "person":
            for key in (r.label, r.name, r.actor_name):
                if key:
                    by_name[key] = entry.id
    if not by_name:
        return [None] * len(doc.sentences)
    return [by_name.get(who or "") for who in sentence_speakers(doc)]


def first_person(text: str) -> list[tuple[int, int]]:
    """[start, end) of the speaker's "I" in a sentence, outside quotations."""
    if "I" not in text:
        return []
    quotes = quote_ranges(text)
    return [
        (m.start(), m.end()) for m in _FIRST_PERSON.finditer(text) if not inside(quotes, m.start(), m.end())
    ]
