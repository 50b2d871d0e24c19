"""``podium checkworthy --checkthat``: score every line of CheckThat! debate files, as given.

Lines are not re-segmented: each TSV line is one item, scored with its speaker and its neighbours.
Writes one ``line_number<TAB>score`` file per input, with the input's name. Training lives elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from podium.analysers.claims import Scorer
from podium.claims import sentence_speakers
from podium.errors import PodiumError
from podium.ingest.decode import decode
from podium.ingest.transcript import read_checkthat
from podium.writing import write_atomic


def checkthat_inputs(source: Path) -> list[Path]:
    """The debate files named by ``source``: the file itself, or the ``.tsv`` files of a directory."""
    if not os.path.exists(source):  # os.path says False for names the system refuses (too long)
        raise PodiumError("E001", path=source)
    if os.path.isdir(source):
        files = sorted(p for p in source.iterdir() if p.is_file() and p.suffix.lower() == ".tsv")
        if not files:
            raise PodiumError("E002", path=source, suffixes=".tsv")
        return files
    return [source]


def score_file(path: Path, scorer: Scorer) -> list[tuple[int, float]]:
    """(line_number, score) for every line of one CheckThat! file, in file order."""
    try:
        data = path.read_bytes()
    except OSError as err:
        reason = err.strerror or str(err)
        raise PodiumError("E009", path=path, kind="a CheckThat! file", reason=reason) from err
    if not data.strip():
        raise PodiumError("E003", path=path)
    text, _ = decode(data, str(path))
    doc = read_checkthat(text, str(path))
    texts = [doc.span_text(s) for s in doc.sentences]
    scores = scorer.score(texts, sentence_speakers(doc))
    return [(s.attrs["line_number"], float(score)) for s, score in zip(doc.sentences, scores, strict=True)]


def write_scores(path: Path, rows: list[tuple[int, float]]) -> None:
    write_atomic(path, "".join(f"{line}\t{score:.10f}\n" for line, score in rows))
