"""The CheckThat! matching file formats: query files, debate transcripts (as context) and run files.

- queries: ``id<TAB>text`` per line, an optional header line (an empty id or ``id``/``query_id``/
  ``qid``/``tweet_id``), fields optionally CSV-quoted (``"…""…"``) as in CheckThat! 2020;
- transcripts: ``line<TAB>speaker<TAB>text[<TAB>label]``, the date in the file name (``YYYYMMDD_…``);
- run lines: ``query_id<TAB>Q0<TAB>vclaim_id<TAB>rank<TAB>score<TAB>podium``.

Parsing raises :class:`ValueError` with the line number; the CLI turns it into a coded error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from podium.factchecks.matcher import Match, Query

HEADER_IDS = frozenset({"", "id", "query_id", "qid", "tweet_id"})
TAG = "podium"
_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?=_|$)")
_QUERY_ID = re.compile(r"^(?P<prefix>.+)_(?P<line>\d+)$")


def unquote(field: str) -> str:
    """A CSV-quoted field unquoted (outer quotes dropped, doubled quotes single); anything else as is."""
    if len(field) >= 2 and field[0] == field[-1] == '"':
        inner = field[1:-1]
        if '"' not in inner.replace('""', ""):
            return inner.replace('""', '"')
    return field


def parse_queries(text: str) -> list[tuple[str, str]]:
    """``(id, text)`` of every query, in file order; a line repeating an earlier one (CheckThat! 2022
    lists a query once per relevant fact-check) is passed over. Raises ValueError on a malformed line
    or on an id given two different texts."""
    out: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        qid, tab, body = line.partition("\t")
        qid = unquote(qid.strip())
        if number == 1 and qid.lower() in HEADER_IDS:
            continue
        if not tab:
            raise ValueError(f"line {number} has no tab: expected 'id<TAB>text'")
        body = unquote(body.strip())
        if not qid:
            raise ValueError(f"line {number} has an empty query id")
        if not body:
            raise ValueError(f"line {number} (query {qid!r}) has no text")
        if qid in seen:
            if seen[qid] == body:
                continue
            raise ValueError(f"line {number} gives the query id {qid!r} a second, different text")
        seen[qid] = body
        out.append((qid, body))
    return out


@dataclass(frozen=True)
class Transcript:
    """One CheckThat! debate file: its lines by number (speaker, text) in file order, and its date."""

    name: str
    lines: dict[int, tuple[str, str]]
    date: str | None

    def query(self, line: int, text: str, width: int = 2) -> Query:
        """The query for line ``line`` (its own text as given), with ``width`` neighbouring lines each side,
        the line's speaker and the debate's date."""
        numbers = list(self.lines)
        speaker = self.lines[line][0] if line in self.lines else None
        if line in self.lines:
            at = numbers.index(line)
            before = tuple(self.lines[n][1] for n in numbers[max(0, at - width) : at])
            after = tuple(self.lines[n][1] for n in numbers[at + 1 : at + 1 + width])
        else:
            before = after = ()
        return Query(text=text, before=before, after=after, speaker=speaker or None, date=self.date)


def parse_transcript(name: str, text: str) -> Transcript:
    """A transcript from its file name and text; raises ValueError on a malformed line."""
    lines: dict[int, tuple[str, str]] = {}
    for number, row in enumerate(text.splitlines(), 1):
        if not row.strip():
            continue
        fields = row.split("\t")
        if len(fields) < 3 or not fields[0].strip().isdigit():
            raise ValueError(f"line {number}: expected 'line<TAB>speaker<TAB>text[<TAB>label]'")
        lines[int(fields[0])] = (fields[1].strip(), fields[2].strip())
    match = _DATE.match(name)
    date = f"{match[1]}-{match[2]}-{match[3]}" if match and _valid(match) else None
    return Transcript(name=name, lines=lines, date=date)


def _valid(match: re.Match[str]) -> bool:
    return 1 <= int(match[2]) <= 12 and 1 <= int(match[3]) <= 31


def split_query_id(qid: str) -> tuple[str, int] | None:
    """``("<prefix>", n)`` of a query id ``<prefix>_<n>``, or None."""
    match = _QUERY_ID.match(qid)
    return (match["prefix"], int(match["line"])) if match else None


def find_transcript(prefix: str, names: Sequence[str]) -> str | None:
    """The file name in ``names`` that starts with ``prefix`` (the longest such prefix match wins ties by
    the shortest name), or None."""
    found = [n for n in names if n.startswith(prefix) and n[len(prefix) : len(prefix) + 1] in ("", ".", "_")]
    return min(found, key=len) if found else None


def run_lines(
    query_ids: Sequence[str], ranked: Sequence[Sequence[Match]], claim_ids: Sequence[str]
) -> Iterable[str]:
    """The run file's lines; ``claim_ids[factcheck_id]`` is the archive's own id of a fact-check."""
    for qid, matches in zip(query_ids, ranked, strict=True):
        for m in matches:
            yield f"{qid}\tQ0\t{claim_ids[m.factcheck_id]}\t{m.rank}\t{m.score:.6g}\t{TAG}\n"


def transcript_path(folder: Path, prefix: str) -> Path | None:
    files = sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    name = find_transcript(prefix, files)
    return folder / name if name else None
