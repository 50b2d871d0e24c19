"""podium: structured, evidence-linked analysis of political speeches and transcripts."""

from podium.document import Document, Meta, Segment, Span, Turn

__version__ = "0.1.0"

__all__ = ["Document", "Meta", "Segment", "Span", "Turn", "__version__"]
