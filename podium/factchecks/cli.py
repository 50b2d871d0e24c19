"""``podium factchecks …``: import fact-check archives into the corpus database and list them.

A thin layer over ``podium.factchecks.readers`` (reading) and ``Corpus`` (storing); the same ``--db`` as
``podium corpus``. Import is idempotent: a fact-check already stored (same URL, else same publisher,
claim and date) is left as it is.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import click

from podium.cli_support import _guarded

IMPORT_EXAMPLES = """
\b
Examples:
  podium factchecks import checks.jsonld feed.json my-desk.csv pages/ --db podium.db
  podium factchecks import ../shared/data/ct2022-t2b/politifact-vclaims.jsonl.gz
  podium factchecks list --publisher "Example Check" --since 2024-01-01 -f json
"""
#: Skipped items listed one by one before the rest are only counted.
SHOWN_SKIPS = 10


def _db(func: Any) -> Any:
    from podium.corpus.cli import _db_options

    return _db_options(func)


@click.group()
def factchecks() -> None:
    """Fact-checks (ClaimReview and archives): import them into the corpus database, list them."""


@factchecks.command(name="import", epilog=IMPORT_EXAMPLES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_db
@click.option("-q", "--quiet", is_flag=True, help="Only the summary line.")
@_guarded
def import_(paths: tuple[Path, ...], db: str | None, lock_timeout: float, quiet: bool) -> None:
    """Read ClaimReview JSON-LD (objects, arrays, @graph, DataFeeds, saved pages), CSV and the CheckThat!
    archives, and store every fact-check found; prints what was read, imported and skipped and why."""
    from podium.corpus.store import Corpus
    from podium.errors import PodiumError
    from podium.factchecks.readers import read_path

    reports = [(str(path), read_path(path)) for path in paths]
    read = sum(r.read for _, r in reports)
    found = [(record, source) for source, r in reports for record in r.imported]
    skipped = [item for _, r in reports for item in r.skipped]
    warnings = [item for _, r in reports for item in r.warnings]
    if not found:
        reasons = Counter(reason for _, reason in skipped).most_common(1)
        why = f"{read} item(s) read, none usable; e.g. {reasons[0][0]}" if reasons else "nothing readable"
        raise PodiumError("E410", paths=", ".join(str(p) for p in paths), reason=why)
    with Corpus(db, create=True, lock_timeout=lock_timeout) as store:
        imported, present = _store(store, found, quiet)
        name = store.name
    if not quiet:
        for where, reason in skipped[:SHOWN_SKIPS]:
            click.echo(f"podium: skipped {where}: {reason}", err=True)
        if len(skipped) > SHOWN_SKIPS:
            counts = Counter(reason for _, reason in skipped[SHOWN_SKIPS:])
            summary = "; ".join(f"{n} × {reason}" for reason, n in counts.most_common(5))
            click.echo(f"podium: … and {len(skipped) - SHOWN_SKIPS} more skipped ({summary})", err=True)
        if warnings:
            click.echo(
                f"podium: {len(warnings)} warning(s), e.g. {warnings[0][0]}: {warnings[0][1]}", err=True
            )
    click.echo(
        f"podium: read {read}, imported {imported}, already there {present}, skipped {len(skipped)} "
        f"(database {name})",
        err=True,
    )


def _store(store: Any, found: list[tuple[Any, str]], quiet: bool) -> tuple[int, int]:
    """Import with the vectors of the new rows (a progress bar on stderr), embed rows stored without
    one, and rebuild the matching index so that the next match starts at once."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), disable=quiet, transient=True) as progress:
        task = progress.add_task("importing", total=len(found))
        counts = store.add_factchecks(found, lambda n: progress.advance(task, n))
        backfill = progress.add_task("embedding older fact-checks", total=None, visible=False)
        store.embed_factchecks(lambda n: progress.update(backfill, advance=n, visible=True))
        progress.add_task("building the matching index", total=None)
        store.factcheck_index()
    return counts


@factchecks.command(name="list")
@_db
@click.option("--publisher", help="Only this publisher (any case).")
@click.option("--since", help="Only fact-checks published on or after this (YYYY[-MM[-DD]]).")
@click.option("--until", help="Only fact-checks published on or before this.")
@click.option(
    "--rating", type=click.Choice(("false", "mostly_false", "mixed", "mostly_true", "true", "other"))
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "json", "csv")), default="table")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file (default: stdout).")
@_guarded
def list_(
    db: str | None,
    lock_timeout: float,
    publisher: str | None,
    since: str | None,
    until: str | None,
    rating: str | None,
    limit: int,
    fmt: str,
    output: Path | None,
) -> None:
    """Stored fact-checks, newest first."""
    from podium.corpus.cli import _check_date, _emit, _open
    from podium.corpus.factcheck_store import LIST_COLUMNS

    _check_date("since", since)
    _check_date("until", until)
    with _open(db, lock_timeout) as store:
        rows = store.factchecks(publisher=publisher, since=since, until=until, rating=rating, limit=limit)
    columns = ("id", "date", "publisher", "rating", "claim_reviewed") if fmt == "table" else LIST_COLUMNS
    _emit(rows, fmt, columns, output)
