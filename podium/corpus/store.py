"""``Corpus``: the one API over a corpus database, shared by the CLI, the web app and batch engines.

Open one with a ``--db`` value (a path, ``sqlite:///PATH`` or ``postgresql://…``; default ``PODIUM_DB`` or
``./podium.db``). Each stored document is written in one transaction, so a reader never sees half of one;
adding the same text twice stores it once. Every database failure surfaces as a coded PodiumError.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from podium.corpus import schema as t
from podium.corpus.engine import connect, errors, resolve, shown
from podium.corpus.migrate import ensure_schema
from podium.corpus.reader import document_data
from podium.corpus.search import Filters, search
from podium.corpus.settings import DEFAULT_LOCK_TIMEOUT
from podium.corpus.writer import content_hash, delete_document, insert_document
from podium.document import Document
from podium.errors import PodiumError
from podium.outputs.json_in import from_dict
from podium.outputs.json_out import to_dict


class Corpus:
    """A corpus database. ``create=False`` refuses to create a new SQLite file (for read-only commands)."""

    def __init__(
        self, db: str | None = None, *, create: bool = True, lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    ) -> None:
        self.url = resolve(db)
        self.name = shown(self.url)
        self.lock_timeout = lock_timeout
        if self.url.get_backend_name() == "sqlite":
            _check_sqlite_path(Path(self.url.database or ""), self.name, create)
        self.engine = connect(self.url, lock_timeout)
        with self._errors():
            ensure_schema(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        with errors(self.url, self.lock_timeout):
            yield

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads (one consistent snapshot)."""
        with self._errors(), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction: committed as a whole at the end of the block, or not at all."""
        with self._errors(), self.engine.connect().execution_options(podium_write=True) as conn, conn.begin():
            yield conn

    # --- documents -------------------------------------------------------------------------------

    def find(self, text_hash: str) -> int | None:
        """The id of the document with this content hash, if stored."""
        with self.reading() as conn:
            return _find(conn, text_hash)

    def add(
        self,
        doc: Document | dict[str, Any],
        analysers: Sequence[str] = (),
        vectors: Sequence[bytes] | None = None,
    ) -> tuple[int, bool]:
        """Store an analysed document (or its ``to_dict`` data); returns ``(id, added)`` (``added`` False:
        the same text was stored already, and nothing changed). ``vectors``: its claims' vectors
        (``writer.claim_vector_bytes``) where they were computed already."""
        data = doc if isinstance(doc, dict) else to_dict(doc)
        text_hash = content_hash(data["text"])
        try:
            with self.writing() as conn:
                existing = _find(conn, text_hash)
                if existing is not None:
                    return existing, False
                return insert_document(conn, data, analysers, vectors), True
        except PodiumError as err:
            if isinstance(err.__cause__, IntegrityError):  # another writer stored it first
                found = self.find(text_hash)
                if found is not None:
                    return found, False
            raise

    def add_many(
        self, batch: Sequence[tuple[dict[str, Any], Sequence[str], Sequence[bytes] | None]]
    ) -> list[tuple[int, bool]]:
        """``add`` for several analyses ``(data, analysers, vectors)`` in one transaction (a text given
        twice is stored once): all are stored, or none. Cheaper than one transaction each for short
        documents; a caller that must store the others when one fails falls back to ``add``."""
        out: list[tuple[int, bool]] = []
        with self.writing() as conn:
            for data, analysers, vectors in batch:
                existing = _find(conn, content_hash(data["text"]))
                if existing is not None:
                    out.append((existing, False))
                else:
                    out.append((insert_document(conn, data, analysers, vectors), True))
        return out

    def data(self, document_id: int) -> dict[str, Any]:
        """The stored analysis of one document as ``podium analyze -f json`` data (E406 if missing)."""
        return to_dict(self.get(document_id))  # the canonical form: span order, texts, schema version

    def get(self, document_id: int) -> Document:
        """The stored analysis as a Document, rendered by any output format without re-running it."""
        with self.reading() as conn:
            data = document_data(conn, document_id)
        if data is None:
            raise PodiumError("E406", url=self.name, id=document_id)
        return from_dict(data)

    def stored(self, document_id: int) -> tuple[Document, dict[str, Any]]:
        """``get`` and ``data`` of one document at once, read and converted once (E406 if missing)."""
        doc = self.get(document_id)
        return doc, to_dict(doc)

    def ids(self) -> list[int]:
        with self.reading() as conn:
            return list(conn.execute(select(t.documents.c.id).order_by(t.documents.c.id)).scalars())

    def documents(self) -> list[dict[str, Any]]:
        """One summary per document: id, title, speakers, date, words, claims, content_hash, source."""
        d, c = t.documents, t.claims
        claim_counts = select(c.c.document_id, func.count().label("n")).group_by(c.c.document_id).subquery()
        query = (
            select(d.c.id, d.c.title, d.c.date, d.c.words, d.c.content_hash, d.c.source, claim_counts.c.n)
            .outerjoin(claim_counts, claim_counts.c.document_id == d.c.id)
            .order_by(d.c.id)
        )
        with self.reading() as conn:
            rows = conn.execute(query).all()
            speakers = _speakers(conn)
        return [
            {
                "id": r.id,
                "title": r.title,
                "speakers": speakers.get(r.id, []),
                "date": r.date,
                "words": r.words,
                "claims": r.n or 0,
                "content_hash": r.content_hash,
                "source": r.source,
            }
            for r in rows
        ]

    def remove(self, document_id: int) -> None:
        """Delete a document and everything stored with it (E406 if missing)."""
        with self.writing() as conn:
            if conn.execute(select(t.documents.c.id).where(t.documents.c.id == document_id)).first() is None:
                raise PodiumError("E406", url=self.name, id=document_id)
            delete_document(conn, document_id)

    # --- fact-checks ------------------------------------------------------------------------------

    def add_factchecks(
        self, records: Iterable[tuple[Any, str]], progress: Callable[[int], None] | None = None
    ) -> tuple[int, int]:
        """Store ``(FactCheck, source file)`` pairs whose key is new, each batch in one transaction with
        the sentence vectors of its rows (``factcheck_vectors``); a key stored before is left as it is.
        Returns ``(imported, already there)``; ``progress(n)`` hears of every ``n`` records done."""
        from podium.corpus.factcheck_vectors import import_records

        return import_records(self, records, progress)

    def embed_factchecks(self, progress: Callable[[int], None] | None = None) -> int:
        """Embed the stored fact-checks that have no vector of the current model; returns how many."""
        from podium.corpus.factcheck_vectors import embed_missing

        return embed_missing(self, progress)

    def factcheck_index(self, rebuild: bool = False) -> Any:
        """The matching index (``MatchIndex``) of the stored fact-checks that have vectors: the cached
        one when the database has not changed since it was built, else built and cached (factcheck_index)."""
        from podium.corpus.factcheck_index import index_for

        with self.reading() as conn:
            index, _ = index_for(conn, self.url, rebuild)
        return index

    def matcher(self, progress: Callable[[int], None] | None = None, rebuild: bool = False) -> Any:
        """A ``Matcher`` over the stored fact-checks (those still without vectors are embedded first),
        reading candidates from this database; kept while the fact-checks stay the same."""
        from podium.corpus.factcheck_index import current_stamp
        from podium.factchecks.matcher import Matcher

        with self.reading() as conn:
            stamp = current_stamp(conn)
        kept = getattr(self, "_matcher", None)
        if kept is not None and kept[0] == stamp and not rebuild:
            return kept[1]
        index = self.factcheck_index(rebuild)
        if len(index) < stamp.factchecks:  # some rows have no vector yet (an older import): embed them
            if self.embed_factchecks(progress):
                index = self.factcheck_index()
            with self.reading() as conn:
                stamp = current_stamp(conn)
        self._matcher = (stamp, Matcher(index, self.candidates))
        return self._matcher[1]

    def match(self, queries: Sequence[Any], top: int = 3, threshold: float | None = None) -> list[list[Any]]:
        """Per ``Query``, the stored fact-checks that check it (``Match``: id, probability, rank), at most
        ``top`` with probability >= ``threshold`` (the matcher's default), best first. A damaged index
        cache is rebuilt and the match run again."""
        from podium.factchecks.matcher import DEFAULT_THRESHOLD

        limit = DEFAULT_THRESHOLD if threshold is None else threshold
        try:
            return self.matcher().match(queries, top=top, threshold=limit)
        except (IndexError, ValueError, OSError):
            return self.matcher(rebuild=True).match(queries, top=top, threshold=limit)

    def candidates(self, ids: Sequence[int]) -> dict[int, Any]:
        """The fact-checks ``ids`` as the re-ranker reads them (``Candidate``), by id."""
        from podium.corpus.factcheck_store import read_candidates

        with self.reading() as conn:
            return read_candidates(conn, ids)

    def factcheck_details(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """What a match shows of each fact-check (claim, ratings, publisher, date, url…), by id."""
        from podium.corpus.checked_before import details

        with self.reading() as conn:
            return details(conn, list(ids))

    def factchecks(self, **filters: Any) -> list[dict[str, Any]]:
        """Stored fact-checks, newest first (filters: publisher, since, until, rating, limit)."""
        from podium.corpus.factcheck_store import list_factchecks

        with self.reading() as conn:
            return list_factchecks(conn, **filters)

    # --- questions over the corpus -------------------------------------------------------------

    def search(self, query: str, filters: Filters | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Sentence hits for a query in the corpus search syntax (``podium.corpus.query``)."""
        with self.reading() as conn:
            return search(conn, query, filters or Filters(), limit)

    def claims(
        self, filters: Filters | None = None, min_score: float = 0.0, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Stored claims, most check-worthy first."""
        from podium.corpus.claims import list_claims

        with self.reading() as conn:
            return list_claims(conn, filters or Filters(), min_score, limit)

    def recurring(self, filters: Filters | None = None, min_score: float = 0.0) -> list[dict[str, Any]]:
        """Clusters of claims that restate each other across documents, largest first."""
        from podium.corpus.claims import recurring_clusters

        with self.reading() as conn:
            return recurring_clusters(conn, filters or Filters(), min_score)

    def report(self, document_id: int) -> str:
        """The HTML report of a stored document, with an "in the corpus" timeline of its main actors."""
        from podium.outputs import render

        doc = self.get(document_id)
        section = self.corpus_section(doc)
        html = render(doc, "html")
        return html.replace("</main>", section + "</main>", 1) if section else html

    def corpus_section(self, doc: Document) -> str:
        """The "in the corpus" HTML section of a stored document: monthly mentions of its main actors."""
        return self.actors_section([(a.id, a.name, a.mention_count) for a in doc.actors], doc.meta.date)

    def actors_section(self, actors: Sequence[tuple[str, str, int]], date: str | None) -> str:
        """``corpus_section`` from a document's ``(actor id, name, mentions)`` and date."""
        from podium.actors.speaker import PLACEHOLDER
        from podium.corpus.chart import corpus_section
        from podium.corpus.timeline import period_of

        named = [a for a in actors if a[0] != PLACEHOLDER and a[2] > 0]  # not an unknown "we"
        top = sorted(named, key=lambda a: (-a[2], a[0]))[:5]
        rows = {a[0]: self.timeline(by="month", actor=a[0]) for a in top}
        return corpus_section(rows, {a[0]: a[1] for a in top}, period_of(date, "month"))

    def timeline(self, by: str = "month", **what: str | None) -> list[dict[str, Any]]:
        """Counts per period: ``actor=``, ``speaker=`` or ``layer=`` (with ``label=``); see timeline.py."""
        from podium.corpus.timeline import timeline

        with self.reading() as conn:
            return timeline(conn, by=by, **what)

    # --- reviews, actors and sentences (the web app) ---------------------------------------------

    def stamp(self, document_id: int | None = None) -> str | None:
        """A value that changes whenever the stored analysis of ``document_id`` does (replaced, or new
        fact-check matches), or with ``None`` whenever a document is added or removed: for caches of
        rendered pages. None for a missing document."""
        d, m = t.documents, t.claim_matches
        if document_id is None:
            query = select(func.count(), func.max(d.c.id), func.max(d.c.added_at))
        else:
            mine = m.c.document_id == document_id
            query = select(
                d.c.content_hash,
                d.c.added_at,
                select(func.count()).where(mine).scalar_subquery(),
                select(func.max(m.c.id)).where(mine).scalar_subquery(),
            ).where(d.c.id == document_id)
        with self.reading() as conn:
            row = conn.execute(query).first()
        return None if row is None else "/".join(str(v) for v in row)

    def sentence_at(self, document_id: int, offset: int) -> int | None:
        """The index of the document's sentence holding character ``offset`` (None if none does)."""
        s = t.sentences
        query = select(s.c.position).where(
            s.c.document_id == document_id, s.c.char_start <= offset, s.c.char_end > offset
        )
        with self.reading() as conn:
            return conn.execute(query.order_by(s.c.position).limit(1)).scalar_one_or_none()

    def review_queue(
        self,
        filters: Filters | None = None,
        claim_type: str | None = None,
        status: str | None = None,
        min_score: float = 0.0,
        limit: int = 50,
        offset: int = 0,
        document_id: int | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """A page of claims with their review, most check-worthy first, and the number matching in all."""
        from podium.corpus.reviews import review_queue

        with self.reading() as conn:
            f = filters or Filters()
            return review_queue(conn, f, claim_type, status, min_score, limit, offset, document_id)

    def claim(self, claim_id: int) -> dict[str, Any]:
        """One claim with its review, edit history and fact-check matches (E505 if missing)."""
        from podium.corpus.reviews import claim_record

        with self.reading() as conn:
            record = claim_record(conn, claim_id)
        if record is None:
            raise PodiumError("E505", url=self.name, what="claim", id=claim_id)
        return record

    def review(self, claim_id: int, **changes: str | None) -> dict[str, Any]:
        """Change a claim's review (status, verdict, note, review_url, reviewer; E504 for a bad value),
        logging who changed what; returns the claim as ``claim`` does."""
        from podium.corpus.reviews import save_review

        with self.writing() as conn:
            if save_review(conn, claim_id, changes) is None:
                raise PodiumError("E505", url=self.name, what="claim", id=claim_id)
        return self.claim(claim_id)

    def reviewed(
        self, filters: Filters | None = None, statuses: Sequence[str] = ("checked",)
    ) -> list[dict[str, Any]]:
        """Claims whose review status is one of ``statuses`` (for export), latest review first."""
        from podium.corpus.reviews import reviewed_claims

        with self.reading() as conn:
            return reviewed_claims(conn, filters or Filters(), tuple(statuses) or ("checked",))

    def review_summary(self) -> dict[str, Any]:
        """Claims per review status, and the claim types stored (for the review page's filters)."""
        from podium.corpus.reviews import claim_types, status_counts

        with self.reading() as conn:
            return {"statuses": status_counts(conn), "types": claim_types(conn)}

    def actors(self, name: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
        """Actors with mentions in the corpus, most mentioned first (``name``: a part of name or id)."""
        from podium.corpus.actor_profile import list_actors

        with self.reading() as conn:
            return list_actors(conn, name, limit)

    def actor(self, actor_id: str) -> dict[str, Any]:
        """One actor's record, events by and on it, and epithets used for it (E505 if unknown)."""
        from podium.corpus.actor_profile import actor_profile

        with self.reading() as conn:
            profile = actor_profile(conn, actor_id)
        if profile is None:
            raise PodiumError("E505", url=self.name, what="actor", id=actor_id)
        return profile


def _find(conn: Connection, text_hash: str) -> int | None:
    query = select(t.documents.c.id).where(t.documents.c.content_hash == text_hash)
    return conn.execute(query).scalar_one_or_none()


def _speakers(conn: Connection) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    query = select(t.document_speakers.c.document_id, t.document_speakers.c.name).order_by(
        t.document_speakers.c.document_id, t.document_speakers.c.position
    )
    for document_id, name in conn.execute(query):
        out.setdefault(document_id, []).append(name)
    return out


def _check_sqlite_path(path: Path, name: str, create: bool) -> None:
    if path.is_dir():
        raise PodiumError("E402", url=name, reason="it is a directory", hint="Give a file path with --db.")
    if not path.exists():
        if not create:
            raise PodiumError(
                "E402",
                url=name,
                reason="there is no such database",
                hint="Add documents first with `podium corpus add`, or give the right --db.",
            )
        if not path.parent.is_dir():
            raise PodiumError(
                "E402", url=name, reason=f"the folder {path.parent} does not exist", hint="Create it first."
            )
