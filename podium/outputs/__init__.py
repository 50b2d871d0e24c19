"""Writers that turn an analysed Document into JSON, HTML, Markdown or CSV.

``render(doc, fmt)`` returns the output as a string; writing files is the CLI's job.
Each format lives in its own module with a ``render(doc) -> str`` function, imported on first use.
"""

from __future__ import annotations

from importlib import import_module

from podium.document import Document
from podium.errors import PodiumError

MODULES = {"html": "html", "json": "json_out", "md": "markdown", "csv": "csv_out"}
FORMATS = tuple(MODULES)


def render(doc: Document, fmt: str) -> str:
    """The analysis of ``doc`` in format ``fmt`` (one of ``FORMATS``)."""
    if fmt not in MODULES:
        raise PodiumError("E203", fmt=fmt, formats=", ".join(FORMATS))
    return import_module(f"podium.outputs.{MODULES[fmt]}").render(doc)
