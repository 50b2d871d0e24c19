"""Checked before? Every claim of an analysed Document matched against a corpus database's fact-checks.

``checker_for(db, threshold)`` opens the archive (a podium database holding imported fact-checks; E411
otherwise, before any analysis starts) and its matching model once per process; ``Checker.check(doc)``
turns each claim into a :class:`~podium.factchecks.matcher.Query` (its sentence, the two sentences
before and the one after as context, the sentence's speaker, else the document's, and the document's
date: a check of that very day is a mild cue, one of another day no evidence against, as the re-ranker
is trained) and sets ``claim.matches`` to the fact-checks found at or above the
threshold, best first, as the JSON reports them (DESIGN.md §9). ``meta.extras["factchecks"]`` records
how many fact-checks were searched and the threshold, so an empty ``matches`` list reads as "searched,
nothing found". Every output (JSON, CSV, Markdown, HTML) and the corpus store read the matches from
there.

Stored documents keep their matches in ``claim_matches`` (fact-check id, rank, score): written with the
document (``store_matches``) and read back with the fact-check's current fields (``stored_matches``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, select
from sqlalchemy.engine import URL, Connection

from podium.corpus import schema as t
from podium.document import Document
from podium.errors import PodiumError

if TYPE_CHECKING:
    from podium.corpus.store import Corpus
    from podium.factchecks.matcher import Match, Query

#: The key of ``meta.extras`` saying that (and how) the claims were matched.
EXTRA = "factchecks"
#: Fact-checks kept per claim at most.
TOP = 3
#: The fields of each match in ``claims[].matches`` (DESIGN.md §9), then the claimant and claim date.
FIELDS = ("factcheck_id", "claim_reviewed", "rating", "rating_original", "publisher", "date", "url", "score")
EXTRA_FIELDS = ("claimant", "claim_date")
_HINT = "Import fact-checks first with `podium factchecks import FILES --db DB`, then give that DB."


def open_archive(db: str, lock_timeout: float | None = None) -> Corpus:
    """The corpus database ``db`` for matching: it must exist, be podium's, and hold fact-checks (E411).

    A database that is not podium's is refused before anything is written to it."""
    from podium.corpus.engine import resolve, shown
    from podium.corpus.settings import DEFAULT_LOCK_TIMEOUT
    from podium.corpus.store import Corpus

    url = resolve(db)
    name = shown(url)
    wait = DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if not path.is_file():
            reason = "it is a directory" if path.is_dir() else "there is no such database file"
            raise PodiumError("E411", url=name, reason=reason, hint=_HINT)
        tables = _sqlite_tables(path, name)
    else:
        tables = _tables(url, wait)
    if "factchecks" not in tables:
        reason = "it is empty" if not tables else "it is not a podium database with fact-checks"
        raise PodiumError("E411", url=name, reason=reason, hint=_HINT)
    corpus = Corpus(db, create=False, lock_timeout=wait)
    with corpus.reading() as conn:
        from podium.corpus.factcheck_store import count_factchecks

        count = count_factchecks(conn)
    if not count:
        corpus.close()
        raise PodiumError("E411", url=name, reason="it holds no fact-checks", hint=_HINT)
    return corpus


def _sqlite_tables(path: Path, name: str) -> set[str]:
    """The tables of an SQLite file, read without changing a byte of it (read-only, no WAL switch)."""
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as raw:
            return {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as err:
        raise PodiumError("E411", url=name, reason="it is not an SQLite database", hint=_HINT) from err


def _tables(url: URL, wait: float) -> set[str]:
    from podium.corpus.engine import connect, errors

    engine = connect(url, wait)
    try:
        with errors(url, wait), engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def same_database(db: str, url: URL) -> bool:
    """Whether ``--factchecks db`` names the database at ``url`` (the same file, or the same server and
    database whatever the password)."""
    from podium.corpus.engine import resolve

    other = resolve(db)
    if other.get_backend_name() != url.get_backend_name():
        return False
    if url.get_backend_name() == "sqlite":
        return Path(other.database or "").resolve() == Path(url.database or "").resolve()
    return other._replace(password=None) == url._replace(password=None)


def queries(doc: Document) -> list[Query]:
    """One query per claim of ``doc``, in the order of ``doc.claims``."""
    claims = [(c.start, c.end, c.sentence, c.speaker) for c in doc.claims]
    sentences = [(s.start, s.end) for s in doc.sentences]
    return _queries(doc.text, sentences, claims, doc.meta.speakers, doc.meta.date)


def data_queries(data: dict[str, Any]) -> list[Query]:
    """``queries`` of an analysis as ``podium analyze -f json`` data."""
    claims = [(c["start"], c["end"], c["sentence"], c.get("speaker")) for c in data["claims"]]
    sentences = [(s["start"], s["end"]) for s in data["sentences"]]
    meta = data["meta"]
    return _queries(data["text"], sentences, claims, meta.get("speakers") or [], meta.get("date"))


def _queries(
    text: str,
    sentences: list[tuple[int, int]],
    claims: list[tuple[int, int, int, str | None]],
    speakers: list[str],
    date: str | None,
) -> list[Query]:
    from podium.factchecks.matcher import Query

    texts = [" ".join(text[a:b].split()) for a, b in sentences]
    fallback = ", ".join(speakers) or None
    return [
        Query(
            text=" ".join(text[start:end].split()),
            before=tuple(x for x in texts[max(0, i - 2) : i] if x),
            after=tuple(x for x in texts[i + 1 : i + 2] if x),
            speaker=speaker or fallback,
            date=date,
        )
        for start, end, i, speaker in claims
    ]


class Checker:
    """Matches the claims of analysed documents against the fact-checks of one database."""

    def __init__(self, corpus: Corpus, threshold: float | None = None, top: int = TOP) -> None:
        from podium.factchecks.matcher import DEFAULT_THRESHOLD

        self.corpus = corpus
        self.threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        self.top = top
        corpus.matcher()  # loaded (and missing vectors made) now, not at the first document

    def check(self, doc: Document) -> Document:
        """Set ``matches`` on every claim of ``doc`` (an empty list where none reaches the threshold)."""
        found = self._find(queries(doc))
        for claim, matches in zip(doc.claims, found, strict=True):
            claim.matches = matches
        doc.meta.extras[EXTRA] = self.extra()
        return doc

    def check_data(self, data: dict[str, Any]) -> dict[str, Any]:
        """``check`` on an analysis as ``podium analyze -f json`` data (changed in place)."""
        found = self._find(data_queries(data))
        for claim, matches in zip(data["claims"], found, strict=True):
            claim["matches"] = matches
        data["meta"].setdefault("extras", {})[EXTRA] = self.extra()
        return data

    def extra(self) -> dict[str, Any]:
        """What ``meta.extras["factchecks"]`` records: fact-checks searched, threshold."""
        return {"searched": len(self.corpus.matcher().index), "threshold": self.threshold}

    def _find(self, wanted: list[Query]) -> list[list[dict[str, Any]]]:
        found = self.corpus.match(wanted, top=self.top, threshold=self.threshold) if wanted else []
        described = self.corpus.factcheck_details({m.factcheck_id for ms in found for m in ms})
        return [[match_record(m, described[m.factcheck_id]) for m in ms] for ms in found]


@cache
def checker_for(db: str, threshold: float | None = None) -> Checker:
    """The checker of ``db``, opened once per process (the analyze workers share nothing else)."""
    return Checker(open_archive(db), threshold)


def match_record(match: Match, fields: dict[str, Any]) -> dict[str, Any]:
    """One entry of ``claims[].matches``."""
    return _record(match.factcheck_id, match.score, fields)


def _record(factcheck_id: int, score: float, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "factcheck_id": factcheck_id,
        **{k: fields.get(k) for k in FIELDS[1:-1]},
        "score": round(float(score), 4),
        **{k: fields.get(k) for k in EXTRA_FIELDS},
    }


def details(conn: Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The fields of the given fact-checks that a match shows, by id."""
    f = t.factchecks.c
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        return {}
    columns = [f.id, *(f[k] for k in FIELDS[1:-1]), *(f[k] for k in EXTRA_FIELDS)]
    return {row.id: dict(row._mapping) for row in conn.execute(select(*columns).where(f.id.in_(wanted)))}


def store_matches(conn: Connection, document_id: int, claims: list[dict[str, Any]]) -> None:
    """Write the ``matches`` of a document's claims (just stored) into ``claim_matches``."""
    if not any(c.get("matches") for c in claims):
        return
    c = t.claims.c
    ids = dict(conn.execute(select(c.claim_key, c.id).where(c.document_id == document_id)).all())
    rows = []
    for claim in claims:
        seen: set[int] = set()
        for match in claim.get("matches") or []:
            factcheck_id = int(match["factcheck_id"])
            if factcheck_id in seen:
                continue
            seen.add(factcheck_id)
            rows.append(
                {
                    "document_id": document_id,
                    "claim_id": ids[claim["id"]],
                    "factcheck_id": factcheck_id,
                    "rank": len(seen),
                    "score": float(match["score"]),
                }
            )
    conn.execute(t.claim_matches.insert(), rows)


def stored_matches(conn: Connection, document_id: int) -> dict[str, list[dict[str, Any]]]:
    """The stored matches of a document's claims, by claim key (``claims[].id``), best first."""
    m, c = t.claim_matches.c, t.claims.c
    query = (
        select(c.claim_key, m.factcheck_id, m.rank, m.score)
        .join(t.claims, t.claims.c.id == m.claim_id)
        .where(m.document_id == document_id)
        .order_by(c.claim_key, m.rank)
    )
    rows = conn.execute(query).all()
    described = details(conn, [r.factcheck_id for r in rows])
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        fields = described.get(row.factcheck_id)
        if fields is not None:
            out.setdefault(row.claim_key, []).append(_record(row.factcheck_id, row.score, fields))
    return out
