"""Writers that turn an analysed Document into JSON, HTML, Markdown or CSV.

``render(doc, fmt)`` returns the output as a string; writing files is the CLI's job.
"""

from __future__ import annotations

from collections.abc import Callable

from podium.document import Document
from podium.errors import PodiumError

FORMATS = ("html", "json", "md", "csv")


def render(doc: Document, fmt: str) -> str:
    """The analysis of ``doc`` in format ``fmt`` (one of ``FORMATS``)."""
    writers: dict[str, Callable[[Document], str]]
    from podium.outputs import csv_out, html, json_out, markdown

    writers = {"html": html.render, "json": json_out.render, "md": markdown.render, "csv": csv_out.render}
    if fmt not in writers:
        raise PodiumError("E203", fmt=fmt, formats=", ".join(FORMATS))
    return writers[fmt](doc)
