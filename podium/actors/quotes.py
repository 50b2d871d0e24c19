"""Ranges of a sentence that sit inside quotation marks (“…”, "…", ‘…’ used as quotes, «…»).

Used so that "we" inside a quotation is not read as the speaker's side, and to flag quoted events.
It does not attribute quotations to anyone.
"""

from __future__ import annotations

import re

_PAIRS = (
    re.compile(r"“[^”]*”?"),
    re.compile(r"«[^»]*»?"),
    re.compile(r'"[^"]*"?'),
    re.compile(r"(?<!\w)‘[^’]*(?:’(?!\w)|$)"),
)


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each quoted stretch of ``text`` (an unclosed quote runs to the end)."""
    ranges: list[tuple[int, int]] = []
    for pattern in _PAIRS:
        for m in pattern.finditer(text):
            if m.end() - m.start() > 2 and not any(s <= m.start() < e for s, e in ranges):
                ranges.append((m.start(), m.end()))
    return sorted(ranges)


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)
