"""Reading and writing the Propaganda Techniques Corpus (PTC) files of SemEval-2020 Task 11.

Articles are read exactly as stored: no newline translation (``newline=""``) and no BOM stripping
(a BOM stays character 0), so character offsets in the label files and in what we write are offsets
into the file as stored. This module does no analysis.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from podium.errors import PodiumError

# Codes of this module; they belong in podium/errors.py (registered here until they move there).

_ARTICLE = re.compile(r"^article(\w+)\.txt$")
_LINE = re.compile(r"[^\r\n]+")


@dataclass(frozen=True, slots=True)
class Label:
    """One labelled span: ``technique`` is ``"?"`` when unknown (SI or a gold-span template)."""

    article: str
    technique: str
    start: int
    end: int


def read_article(path: Path) -> str:
    """The article text exactly as stored (UTF-8, line ends and any BOM kept)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def read_articles(directory: Path) -> dict[str, str]:
    """``{article id: text}`` for every ``article<ID>.txt`` in ``directory``, sorted by id."""
    if not directory.is_dir():
        raise PodiumError("E301", path=str(directory), reason="not a directory")
    found = {}
    for path in sorted(directory.iterdir()):
        match = _ARTICLE.match(path.name)
        if match:
            found[match.group(1)] = read_article(path)
    if not found:
        raise PodiumError("E301", path=str(directory), reason="no article<ID>.txt files in it")
    return found


def read_labels(path: Path) -> list[Label]:
    """TC lines ``id<TAB>technique<TAB>start<TAB>end`` or SI lines ``id<TAB>start<TAB>end``."""
    labels = []
    with open(path, encoding="utf-8", newline="") as fh:
        for number, line in enumerate(fh, 1):
            fields = line.rstrip("\r\n").split("\t")
            if fields == [""]:
                continue
            try:
                if len(fields) == 4:
                    labels.append(Label(fields[0], fields[1], int(fields[2]), int(fields[3])))
                elif len(fields) == 3:
                    labels.append(Label(fields[0], "?", int(fields[1]), int(fields[2])))
                else:
                    raise ValueError(f"{len(fields)} fields")
            except ValueError as exc:
                reason = f"not a PTC label line ({exc})"
                raise PodiumError("E302", path=f"{path}:{number}", reason=reason) from exc
    return labels


def read_label_dir(directory: Path, pattern: str = "*.labels") -> list[Label]:
    """All labels from every file matching ``pattern`` in ``directory``."""
    return [label for path in sorted(directory.glob(pattern)) for label in read_labels(path)]


def write_si(path: Path, labels: Iterable[Label]) -> None:
    """``id<TAB>start<TAB>end`` lines, LF line ends."""
    lines = [f"{x.article}\t{x.start}\t{x.end}\n" for x in labels]
    path.write_text("".join(lines), encoding="utf-8", newline="")


def write_tc(path: Path, labels: Iterable[Label]) -> None:
    """``id<TAB>technique<TAB>start<TAB>end`` lines, LF line ends."""
    lines = [f"{x.article}\t{x.technique}\t{x.start}\t{x.end}\n" for x in labels]
    path.write_text("".join(lines), encoding="utf-8", newline="")


def line_segments(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every non-blank line (PTC articles hold one sentence per line)."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
