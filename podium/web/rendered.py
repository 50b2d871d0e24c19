"""Rendered document pages kept in memory, so a stored document opens fast the second time.

A page analysed from the form is rendered as soon as it is stored (``warm``), while the browser is on
its way to it; a second request for a page being rendered waits for that render. A stored analysis
never changes in place: it is replaced (a new ``Corpus.stamp``) or gains fact-check
matches (also a new stamp). A page is rendered once per stamp with markers where the per-request parts
go (the CSRF token of the sign-out form, the "in the corpus" chart, which changes as documents are
added and is cached by the corpus-wide stamp). At most ``KEEP`` pages are kept, least recently used
first out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from podium.corpus.reader import prepare
from podium.corpus.writer import content_hash
from podium.outputs.html import report_context
from podium.web.pages import environment

KEEP = 24
CSRF_MARK = "\x00csrf\x00"
SECTION_MARK = "\x00corpus-section\x00"


@dataclass(frozen=True)
class Rendered:
    stamp: str
    html: str
    css: str
    style_key: str
    actors: tuple[tuple[str, str, int], ...]
    date: str | None


class RenderedPages:
    def __init__(self) -> None:
        self._pages: OrderedDict[int, Rendered] = OrderedDict()
        self._sections: dict[int, tuple[str, str]] = {}
        self._lock = threading.Lock()
        self._rendering: dict[int, threading.Lock] = {}

    def page(self, corpus: Any, document_id: int, stamp: str, csrf_token: str, signed_in: bool) -> str:
        """The document page's HTML for this request."""
        rendered = self._get(document_id, stamp) or self._render_once(corpus, document_id, stamp, signed_in)
        corpus_stamp = corpus.stamp() or ""
        cached = self._sections.get(document_id)
        if cached is None or cached[0] != corpus_stamp:
            cached = (corpus_stamp, corpus.actors_section(rendered.actors, rendered.date))
            self._sections[document_id] = cached
        html = rendered.html.replace(CSRF_MARK, csrf_token, 1)  # the navigation's, before any text
        before, _, after = html.rpartition(SECTION_MARK)  # the last: after the text
        return before + cached[1] + after

    def css(self, document_id: int, key: str) -> str | None:
        with self._lock:
            rendered = self._pages.get(document_id)
        return rendered.css if rendered is not None and rendered.style_key == key else None

    def _get(self, document_id: int, stamp: str) -> Rendered | None:
        with self._lock:
            rendered = self._pages.get(document_id)
            if rendered is None or rendered.stamp != stamp:
                return None
            self._pages.move_to_end(document_id)
            return rendered

    def prepare(self, corpus: Any) -> None:
        """At start-up: compile the statements that read a stored document and import what the "in the
        corpus" section needs (on no document, keeping nothing), so the first page opened in a fresh
        server does not wait for that."""
        with corpus.reading() as conn:
            prepare(conn)
        corpus.actors_section([], None)

    def warm(self, corpus: Any, document_id: int, signed_in: bool) -> None:
        """Render a document's page ahead of its first view (after an analysis from the form)."""
        stamp = corpus.stamp(document_id)
        if stamp is not None:
            self.page(corpus, document_id, stamp, "", signed_in)

    def _render_once(self, corpus: Any, document_id: int, stamp: str, signed_in: bool) -> Rendered:
        """Render, or wait for the render already under way for this document."""
        with self._lock:
            lock = self._rendering.setdefault(document_id, threading.Lock())
        with lock:
            rendered = self._get(document_id, stamp) or self._render(corpus, document_id, stamp, signed_in)
        with self._lock:
            if not lock.locked():
                self._rendering.pop(document_id, None)
        return rendered

    def _render(self, corpus: Any, document_id: int, stamp: str, signed_in: bool) -> Rendered:
        doc, data = corpus.stored(document_id)
        context = report_context(doc, data)
        key = content_hash(stamp)[:16]
        html = (
            environment()
            .get_template("document.html.j2")
            .render(
                csrf_token=Markup(CSRF_MARK),
                signed_in=signed_in,
                section="documents",
                document_id=document_id,
                style_key=key,
                corpus_section=Markup(SECTION_MARK),
                **context,
            )
        )
        rendered = Rendered(
            stamp,
            html,
            str(context["css"]),
            key,
            tuple((a.id, a.name, a.mention_count) for a in doc.actors),
            doc.meta.date,
        )
        with self._lock:
            self._pages[document_id] = rendered
            self._pages.move_to_end(document_id)
            while len(self._pages) > KEEP:
                self._pages.popitem(last=False)
            self._sections.pop(document_id, None)
        return rendered
