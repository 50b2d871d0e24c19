"""Citations of texts, resolved to structured references.

Finds scripture with chapter and verse ("Isaiah 2:4", "(Quran 2:190)", a surah named with its article and
a verse, "(Al-Baqarah 190)", a bare "(110:1-3)" after a quotation in a document that cites the Quran),
named works with sections ("Nahj al-Balaghah, sermon 27"), numbered articles, sections and chapters of
laws and treaties ("Article 51 of the UN Charter", "Article 2(4)"), UN resolutions ("Security Council
Resolution 2254") and named laws and treaties ("the Rome Statute", "the Second Amendment"). It does not
check that a reference exists, nor fetch the cited text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from podium.resources.anatomy_lexicon import ORDINALS
from podium.resources.scripture import (
    AMBIGUOUS_BOOKS,
    BIBLE_BOOKS,
    NAMED_WORKS,
    NUMBERED_WORKS,
    SECTION_WORDS,
    SURAHS,
    TREATY_ACRONYMS,
    WORK_ALIASES,
)

_BOOKS = "|".join(sorted((re.escape(b) for b in BIBLE_BOOKS), key=len, reverse=True))
_QURAN = r"(?:[Hh]oly\s+)?(?:Qur['’]an|Quran|Koran)"
_VERSE = r"(?P<ch>\d{1,3})\s*:\s*(?P<v>\d{1,3})(?:\s*[-–]\s*(?P<ve>\d{1,3}))?"
_WORKS = "|".join(sorted((re.escape(w) for w in NAMED_WORKS), key=len, reverse=True))
_SECTIONS = "|".join(re.escape(s) for s in SECTION_WORDS)
_CAP = r"(?:[A-Z][\w.’'-]*|U\.N\.|UN|EU|of|the|on|for|to|de|al-\w+)"
#: Inside a law's name "and" may join capitalised words ("African Growth and Opportunity Act").
_CAP_AND = rf"(?:{_CAP}|and(?=\s+[A-Z]))"
_TREATY_HEAD = (
    r"Charter|Conventions?|Treaty|Accords?|Agreements?|Statute|Memorandum|Protocol|Declaration|Act|Law|"
    r"Constitution|Covenant|Pact|Code|Consensus|Plan|Bill|Letter|Manifesto|Proclamation"
)
#: An article number, with its paragraphs ("2(4)", "5(1)(a)").
_NUMBER = (
    r"(?P<num>(?:\d+[A-Za-z]?(?:\.\d+)*(?:\s+(?:bis|ter|quater)\b)?|[IVXL]+\b|ES-\d+/\d+)"
    r"(?:\(\d+\)|\([a-z]\))*)"
)

QURAN_REF = re.compile(rf"\b{_QURAN}\s*,?\s*(?:[Ss]ura(?:h)?\s+[\w’'-]+\s*,?\s*)?{_VERSE}")
SURAH_REF = re.compile(
    rf"\b[Ss]ura(?:h)?\s+(?P<name>(?:[Aa][a-z]{{0,2}}-)?[A-Z][\w’'-]*)\s*,?\s*(?:{_VERSE}"
    rf"|(?:verses?|ayah|ayat|aya)\s+(?P<v2>\d{{1,3}})(?:\s*[-–]\s*(?P<ve2>\d{{1,3}}))?)"
)
#: A surah named with its Arabic article and a verse, without "Surah": "(Al-Baqarah 190)", "An-Nisa 4:75".
NAMED_SURAH_REF = re.compile(
    r"\b(?P<name>(?:Al|An|Ar|As|At|Ad|Az|Ash|Ath|Adh)-[A-Z][\w’']*)\s+(?:(?P<ch>\d{1,3})\s*:\s*)?(?P<v>\d{1,3})"
    r"(?:\s*[-–]\s*(?P<ve>\d{1,3}))?\b(?!\s*(?:%|percent|per\s+cent))"
)
BARE_REF = re.compile(rf"[(\[]\s*{_VERSE}\s*[)\]]")  # "(94:6)", "[5:32]"
#: A law cited by its number ("Republic Act No. 11479", "Federal Law No. 5"): the work is the whole name.
#: Also numbered with its year, Spanish-style, and named after it: "Law 12/2023 on the Right to Housing",
#: "Royal Decree-law 7/2024".
LAW_NUMBER = re.compile(
    r"\b(?P<work>(?:[A-Z][a-z]+\s+){0,2}(?:Act|Law|Decree(?:-[Ll]aw)?|Ordinance)\s+"
    r"(?:(?:No\.?|Number)\s*(?P<num>\d+(?:[-/]\d+)?(?:-[A-Z]{1,4}\b)?)|(?P<num3>\d{5,6})\b"
    r"|(?P<num2>\d{1,4}/(?:19|20)\d{2})"
    r"(?:\s+on\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:(?:of|on|for|to|and)\s+(?:the\s+)?)?[A-Z][\w’'-]*)*)?))"
)
#: A named work cited whole, without a section ("Pacem in terris"): the works a bare number can follow.
_WHOLE_WORKS = "|".join(
    sorted((re.escape(w) for w, c in NAMED_WORKS.items() if c in NUMBERED_WORKS), key=len, reverse=True)
)
WHOLE_WORK = re.compile(rf"\b(?P<work>{_WHOLE_WORKS})(?![\w’'])", re.IGNORECASE)
BIBLE_REF = re.compile(
    rf"\b(?P<book>{_BOOKS})\.?\s+(?P<ch>\d{{1,3}})(?:\s*:\s*(?P<v>\d{{1,3}})(?:\s*[-–]\s*(?P<ve>\d{{1,3}}))?)?\b",
    re.IGNORECASE,
)
WORK_SECTION = re.compile(
    rf"(?P<work>\b(?:{_WORKS}))(?:\s*,?\s*(?P<sec>(?:{_SECTIONS})\s*\d+(?:\s*:\s*\d+)?)"
    r"|,\s*(?:n\.\s*|no\.\s*|§\s*)?(?P<bare>\d{1,4})\b(?![.,]\d|\s*(?:%|percent|per\s+cent|hundred|thousand|million|billion|years?|people|times)\b))"
    rf"|(?P<sec2>\b(?:{_SECTIONS})\s*\d+)\s+(?:of|in)\s+(?:the\s+)?(?P<work2>{_WORKS})",
    re.IGNORECASE,
)
#: Israel's Basic Laws are named with a colon: "Basic Law: The Knesset", "Basic Law: Human Dignity and
#: Liberty".
_BASIC_LAW = r"Basic\s+Law:\s+(?:The\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*"
ARTICLE = re.compile(
    rf"\b(?P<kw>Article|Section|Chapter|Paragraph|Clause)s?\s+{_NUMBER}"
    rf"(?:,\s*paragraph\s+(?P<para>\d+),?)?"
    rf"(?:\s+(?:of|in|under)\s+(?P<work>{_BASIC_LAW}|(?:(?:the|our|their|its|this|that)\s+)?"
    rf"(?:{_CAP_AND}[\s-]+){{0,7}}[A-Z][\w.’'-]*))?"
)
BASIC_LAW = re.compile(rf"\b(?P<work>{_BASIC_LAW})")
RESOLUTION = re.compile(
    r"(?P<body>\b(?:(?:UN|U\.N\.|United\s+Nations)\s+)?(?:Security\s+Council|General\s+Assembly|UNSC|UNGA)"
    r"\s+|\bUN\s+|\bU\.N\.\s+)?(?:(?P<owner>(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)['’]s\s+)?\b[Rr]esolution\s+(?:No\.?\s*)?"
    r"(?P<num>ES-\d+/\d+|\d+/\d+|\d+(?:-[A-Z]{1,4}(?:/[A-Z]{1,4})?)?)"
)
#: A UN body named earlier in the sentence adopts the resolution ("the General Assembly adopted Resolution
#: 3379").
_BODY_BEFORE = re.compile(
    r"(?P<b>Security\s+Council|General\s+Assembly|UNSC|UNGA)\b(?!.*(?:Security\s+Council|General\s+Assembly))"
)
AMENDMENT = re.compile(
    rf"\b(?P<ord>{'|'.join(w.capitalize() for w in ORDINALS)}|\d+(?:st|nd|rd|th))\s+Amendment\b"
)
_NOT_MONTH = (
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
_TAIL = (
    rf"(?:\s+(?:of|on)\s+(?:the\s+)?{_NOT_MONTH}[A-Z][\w’'-]*"
    rf"(?:\s+(?:(?:of|on)\s+(?:the\s+)?)?{_NOT_MONTH}[A-Z][\w’'-]*)*)"
)
NAMED_LAW = re.compile(
    rf"\b(?P<work>(?:[A-Z][\w.’'-]*[\s-]+)(?:(?:{_CAP_AND})[\s-]+){{0,6}}?(?:{_TREATY_HEAD})\b(?![\s-]+[A-Z])"
    rf"(?:\s+of\s+(?P<year>\d{{4}})|{_TAIL}(?:\s+of\s+(?P<year2>\d{{4}}))?)?)"
    rf"|\b(?P<work2>(?:Treaty|Charter|Statute|Covenant|Declaration|Convention|Constitution|Protocol){_TAIL})"
    rf"|\b(?P<work4>(?!(?:The|Our|This|That|These|Those|Their|His|Her|Its|Any|All|New|Such|No|An?)\b)"
    rf"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:agreements?|accords?|treaty|protocols?|conventions?))\b"
    rf"|(?<=\b(?:the|The|our|Our)\s)(?P<work3>Constitution|Charter)\b(?!\s+of\b)"
    # "the Law on the Propagation of Virtue and the Prevention of Vice": "and" may join its parts
    rf"|\b(?P<work5>(?:Law|Act)\s+on\s+(?:the\s+)?{_NOT_MONTH}[A-Z][\w’'-]*"
    rf"(?:\s+(?:(?:of|on|for|and)\s+(?:the\s+)?)?{_NOT_MONTH}[A-Z][\w’'-]*)*)"
)
ACRONYM_TREATY = re.compile(rf"\b(?P<work>{'|'.join(TREATY_ACRONYMS)})\b")
_LEADING = re.compile(
    r"(?:(?:The|Our|This|That|Their|His|Her|Its|A|An|Every|Under|In|By|Of|And|But|So|We|They|I|the|our)\s+)+"
)


@dataclass(slots=True)
class CitationHit:
    start: int
    end: int
    kind: str  # scripture | work | article | resolution | law | treaty
    attrs: dict[str, Any] = field(default_factory=dict)


def _surah_key(name: str) -> str:
    """ "Al-Hujurat" -> "hujurat", "At-Tawbah" -> "tawba": the key of ``SURAHS``."""
    key = re.sub(r"[^a-z]", "", re.sub(r"^a[a-z]{0,2}-", "", name.lower()))
    return key[:-1] if key.endswith("ah") or key.endswith("ih") else key


def canonical_work(name: str) -> str:
    """Canonical name of a law or treaty: "the Charter of the United Nations" -> "UN Charter"."""
    clean = re.sub(r"^(?:the|our)\s+", "", " ".join(name.split()), flags=re.IGNORECASE).strip(" ,.")
    low = clean.lower()
    return WORK_ALIASES.get(low) or NAMED_WORKS.get(low) or clean


def _law_kind(work: str) -> str:
    if work.endswith(("Consensus", "Plan", "Declaration", "Letter", "Manifesto", "Proclamation")) or (
        work.lower() in NAMED_WORKS
    ):
        return "work"  # a declaration states principles ("Durban Declaration"); it binds no party
    if re.match(r"(?:[\w-]+\s+)*(?:Declaration|Proclamation|Letter|Manifesto) of\b", work) and (
        "Declaration of Principles" not in work
    ):
        return "work"  # "Declaration of Independence", "Universal Declaration of Human Rights"
    head = re.split(r" (?:of|on) ", work)[0]  # "Constitution of the Republic of China" is a law
    return "law" if re.search(r"\b(?:Act|Law|Constitution|Code|Amendment|Bill)$", head) else "treaty"


def _ints(m: re.Match[str]) -> dict[str, Any]:
    get = m.groupdict()
    return {k: int(get[g]) if get.get(g) else None for k, g in (("chapter", "ch"), ("verse", "v"),
                                                               ("verse_end", "ve"))}  # fmt: skip


def find_citations(text: str, quran_context: bool = False) -> list[CitationHit]:
    """Citations in ``text``; ``quran_context`` makes a bare "(110:1-3)" a Quran reference."""
    hits: list[CitationHit] = []
    for m in QURAN_REF.finditer(text):
        hits.append(CitationHit(m.start(), m.end(), "scripture", {"work": "Quran", **_ints(m)}))
    for m in SURAH_REF.finditer(text):
        attrs = {"work": "Quran", **_ints(m), "surah": m.group("name")}
        if m.group("v2"):
            attrs["chapter"] = SURAHS.get(_surah_key(m.group("name")))
            attrs["verse"] = int(m.group("v2"))
            attrs["verse_end"] = int(m.group("ve2")) if m.group("ve2") else None
        hits.append(CitationHit(m.start(), m.end(), "scripture", attrs))
    for m in NAMED_SURAH_REF.finditer(text):
        number = SURAHS.get(_surah_key(m.group("name")))
        if number is None or (m.group("ch") and int(m.group("ch")) != number):
            continue
        attrs = {"work": "Quran", **_ints(m), "surah": m.group("name")}
        attrs["chapter"] = number
        hits.append(CitationHit(m.start(), m.end(), "scripture", attrs))
    for m in BARE_REF.finditer(text):
        work = "Quran" if quran_context and int(m.group("ch")) <= 114 else None
        hits.append(CitationHit(m.start() + 1, m.end() - 1, "scripture", {"work": work, **_ints(m)}))
    for m in BIBLE_REF.finditer(text):
        book = m.group("book").lower()
        letter = re.search(r"[A-Za-z]", m.group("book")).group()  # type: ignore[union-attr]
        if not letter.isupper() or (book in AMBIGUOUS_BOOKS and not m.group("v")):
            continue
        if not m.group("v") and re.match(r"\s*(?:%|percent|per\s+cent|[-–]\w)", text[m.end() :]):
            continue  # a chapter alone ("Isaiah 58", "1 Corinthians 13"), but not "Genesis 20 percent"
        hits.append(CitationHit(m.start(), m.end(), "scripture", {"work": BIBLE_BOOKS[book], **_ints(m)}))
    for m in WORK_SECTION.finditer(text):
        work = m.group("work") or m.group("work2")
        if m.group("bare") and canonical_work(work) not in NUMBERED_WORKS:
            continue
        sec = " ".join((m.group("sec") or m.group("sec2") or m.group("bare")).lower().split())
        number = re.search(r"\d+", sec).group()  # type: ignore[union-attr]
        attrs = {"work": canonical_work(work), "section": sec, "number": number}
        hits.append(CitationHit(m.start(), m.end(), "work", attrs))
    for m in LAW_NUMBER.finditer(text):
        start, name = m.start(), " ".join(m.group("work").split())
        lead = _LEADING.match(name)
        if lead and lead.end() < len(name):  # "Under Law No. 23548"
            start, name = start + lead.end(), name[lead.end() :]
        attrs = {"work": name, "number": m.group("num") or m.group("num2") or m.group("num3")}
        end = _law_year(text, m.end(), attrs, with_of=True)
        hits.append(CitationHit(start, end, "law", attrs))
    for m in BASIC_LAW.finditer(text):
        hits.append(CitationHit(m.start(), m.end(), "law", {"work": " ".join(m.group("work").split())}))
    for m in WHOLE_WORK.finditer(text):
        hits.append(CitationHit(m.start(), m.end(), "work", {"work": canonical_work(m.group("work"))}))
    for m in ARTICLE.finditer(text):
        name, end = m.group("work"), m.end()
        # "and" joins words of one name ("Charter of Rights and Freedoms"), not two citations
        # ("the UN Charter and Resolution 2254")
        if name and (cut := re.search(rf"\b(?:{_TREATY_HEAD})(?=\s+and\s)", name)):
            name, end = name[: cut.end()], m.start("work") + cut.end()
        work = canonical_work(name) if name else None
        number = m.group("num") + (f"({m.group('para')})" if m.group("para") else "")
        attrs = {"work": work, "number": number, "section": m.group("kw").lower()}
        end = _law_year(text, end, {}) if work and re.search(r"\bAct$", work) else end
        hits.append(CitationHit(m.start(), end, "article", attrs))
    for m in RESOLUTION.finditer(text):
        body = " ".join((m.group("body") or "").split())
        if not body and (earlier := _BODY_BEFORE.search(text[: m.start()])):
            body = earlier.group("b")
        work = (
            "UN General Assembly"
            if re.search(r"General|UNGA", body)
            else "UN Security Council"
            if body
            else _LEADING.sub("", m.group("owner") or "") or None  # "The Politburo's Resolution 57-NQ/TW"
        )
        start = m.start() if m.group("body") else text.index("esolution", m.start()) - 1  # not "Politburo's"
        hits.append(CitationHit(start, m.end(), "resolution", {"work": work, "number": m.group("num")}))
    for m in AMENDMENT.finditer(text):
        o = m.group("ord").lower()
        number = str(ORDINALS[o]) if o in ORDINALS else re.sub(r"\D", "", o)
        hits.append(CitationHit(m.start(), m.end(), "law", {"work": "Constitution", "number": number}))
    for m in NAMED_LAW.finditer(text):
        name = m.group("work") or m.group("work2") or m.group("work3") or m.group("work4") or m.group("work5")
        year = m.group("year") or m.group("year2")
        if year:
            name = name[: name.rindex(" of ")]
        start = m.start()
        lead = _LEADING.match(name)
        if lead and lead.end() < len(name):
            start, name = start + lead.end(), name[lead.end() :]
        if name in ("Bill", "Letter", "Manifesto", "Proclamation"):
            continue  # "The Bill passed": a common noun with a capital, not a name
        attrs = {"work": canonical_work(name)}
        end = m.end()
        if year:
            attrs["year"] = int(year)
        elif attrs["work"].endswith(" Act"):
            end = _law_year(text, end, attrs)  # "the National Security Act 2023"
        hits.append(CitationHit(start, end, _law_kind(attrs["work"]), attrs))
    for m in ACRONYM_TREATY.finditer(text):
        hits.append(CitationHit(m.start(), m.end(), "treaty", {"work": m.group("work")}))
    return _select([_trim(h, text) for h in hits])


def _law_year(text: str, end: int, attrs: dict[str, Any], with_of: bool = False) -> int:
    """End of a law's name with the year that is part of it ("Act 2023", "Law No. 15 of 2024"); the year
    goes to ``attrs["year"]``, not into the work."""
    pattern = r"\s+of\s+(\d{4})\b(?![-–/]\d)" if with_of else r"\s+(\d{4})\b(?![-–/]\d)"
    m = re.match(pattern, text[end:])
    if m is None:
        return end
    attrs["year"] = int(m.group(1))
    return end + m.end()


def _trim(hit: CitationHit, text: str) -> CitationHit:
    """No final full stop, except in an abbreviation ("U.N.")."""
    if text[hit.end - 1] == "." and not re.search(r"(?:[A-Z]\.){2,}$", text[hit.start : hit.end]):
        hit.end -= 1
        if isinstance(hit.attrs.get("work"), str):
            hit.attrs["work"] = hit.attrs["work"].rstrip(".")
    return hit


def _select(hits: list[CitationHit]) -> list[CitationHit]:
    """Longest first; one inside a longer citation ("UN Charter" in "Article 51 of the UN Charter") drops."""
    chosen: list[CitationHit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)
