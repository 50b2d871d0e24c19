"""Writers that turn an analysed Document into JSON, HTML, Markdown, CSV or GraphML (the actor network).

``render(doc, fmt)`` returns the output as a string (``render_chunks`` in pieces); writing files is the
CLI's job.
Each format lives in its own module with a ``render(doc) -> str`` function, imported on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib import import_module

from podium.document import Document
from podium.errors import PodiumError

MODULES = {
    "html": "podium.outputs.html",
    "json": "podium.outputs.json_out",
    "md": "podium.outputs.markdown",
    "csv": "podium.outputs.csv_out",
    "graphml": "podium.actors.graphml",
}
FORMATS = tuple(MODULES)
_SURROGATES = re.compile("[\ud800-\udfff]")


def render(doc: Document, fmt: str) -> str:
    """The analysis of ``doc`` in format ``fmt`` (one of ``FORMATS``)."""
    return "".join(render_chunks(doc, fmt))


def render_chunks(doc: Document, fmt: str) -> Iterator[str]:
    """The same text as ``render``, in pieces, for writing a long document's output without holding it
    whole (formats whose module has ``chunks(doc)`` stream; the others come as one piece)."""
    if fmt not in MODULES:
        raise PodiumError("E203", fmt=fmt, formats=", ".join(FORMATS))
    module = import_module(MODULES[fmt])
    pieces: Iterable[str] = module.chunks(doc) if hasattr(module, "chunks") else (module.render(doc),)
    for piece in pieces:
        # A lone surrogate (from a file name or metadata that was not valid Unicode) cannot be encoded as
        # UTF-8; one replacement character each keeps every offset into the text as it was.
        yield _SURROGATES.sub("\ufffd", piece)
