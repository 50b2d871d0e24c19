"""Many inputs in one run: one output file per input, a progress bar, and a closing summary.

A failing input is reported and skipped (it leaves no file); the others are still written.
It reuses one pipeline, so models load once. It does not spread work over processes yet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from podium.analyze import analyze
from podium.errors import PodiumError
from podium.outputs import render
from podium.pipeline import Pipeline
from podium.writing import output_name, write_atomic


def run_batch(
    inputs: list[str],
    pipeline: Pipeline,
    fmt: str,
    out_dir: Path,
    max_bytes: int,
    meta: dict[str, Any],
    quiet: bool = False,
) -> list[PodiumError]:
    """Analyse every input into ``out_dir``; return the errors of the inputs that failed."""
    if out_dir.exists() and not out_dir.is_dir():
        raise PodiumError("E202", path=out_dir, reason="it is a file; give a directory for several inputs")
    console = Console(stderr=True)
    taken: set[str] = set()
    rows: list[tuple[str, str, str]] = []
    failures: list[PodiumError] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=quiet, transient=True) as progress:
        task = progress.add_task("analysing", total=len(inputs))
        for source in inputs:
            progress.update(task, description=f"analysing {Path(source).name[:40]}")
            try:
                doc = analyze(source, pipeline, max_bytes=max_bytes, **meta)
                target = out_dir / output_name(source, fmt, taken)
                write_atomic(target, render(doc, fmt))
                rows.append((source, "ok", f"{target} ({len(doc.sentences)} sentences)"))
            except PodiumError as err:
                failures.append(err)
                rows.append((source, "failed", str(err)))
                console.print(f"podium: error: {err}", markup=False, highlight=False)
            progress.advance(task)
    if not quiet:
        table = Table(title=f"{len(inputs) - len(failures)} analysed, {len(failures)} failed")
        for column in ("input", "status", "result"):
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    return failures
