"""Join extracted blocks of text (paragraphs, headings) into one text, remembering where each starts.

Shared by the readers of structured formats (HTML, Word). It does not extract blocks itself.
"""

from __future__ import annotations

BLOCK_SEPARATOR = "\n\n"


def join_blocks(blocks: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The blocks joined by blank lines, and the ``(start, end)`` of each block in the result."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    for i, block in enumerate(blocks):
        if i:
            offset += len(BLOCK_SEPARATOR)
        ranges.append((offset, offset + len(block)))
        offset += len(block)
    return BLOCK_SEPARATOR.join(blocks), ranges
