"""Names read by the entity reader in a Title Case line (a headline), checked against the body.

In "Louis Farrakhan Refers To U.S. As 'Great Satan'" every word is capitalised, so the entity reader runs
names into the words after them ("Louis Farrakhan Refers") and takes phrases for names ("Orders
Declassification Of"). Such a new actor stands only if the body (the lines that are not Title Case) names
it too; one that starts with a name the body uses is cut to that name; any other is dropped. Gazetteer
matches are not touched. A document that is all Title Case is left as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from podium.actors.mentions import Mention
    from podium.document import Document

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Short words a headline may leave in lower case.
_MINOR = frozenset("a an the and or of to in on at for by with from as vs via is are was be".split())  # noqa: SIM905


def title_case(text: str) -> bool:
    """Whether ``text`` is a Title Case line: four or more words, nearly all capitalised but short ones."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _MINOR]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def headline_names(doc: Document, mentions: list[Mention], make: type[Mention]) -> list[Mention]:
    """``mentions`` with each entity-reader name of a Title Case line kept, cut or dropped by the body."""
    named = {m.sentence for m in mentions if m.kind == "ner"}  # only these lines need reading
    titled = {k: title_case(doc.span_text(doc.sentences[k])) for k in named}
    if not any(titled.values()) or all(title_case(doc.span_text(s)) for s in doc.sentences):
        return mentions
    text = doc.text
    body = {m.actor: text[m.start : m.end] for m in mentions if m.kind == "ner" and not titled[m.sentence]}
    names = sorted(((name, actor) for actor, name in body.items()), key=lambda x: -len(x[0]))
    out = []
    for m in mentions:
        if m.kind != "ner" or not titled[m.sentence] or m.actor in body:
            out.append(m)
            continue
        written = text[m.start : m.end]
        prefix = next(((n, a) for n, a in names if written.startswith(n + " ")), None)
        if prefix is not None:  # "Louis Farrakhan Refers" -> "Louis Farrakhan"
            out.append(make(m.start, m.start + len(prefix[0]), prefix[1], m.kind, m.sentence, m.antecedent))
    return out
