"""``podium corpus …``: the corpus store from the command line, a thin layer over ``Corpus``.

Every command takes ``--db`` (a path, ``sqlite:///PATH`` or ``postgresql://…``; default ``PODIUM_DB`` or
``./podium.db``). Listings print a table, or ``-f json`` / ``-f csv`` for scripts (the JSON is the contract
of DESIGN.md §9).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from podium.cli_support import _guarded, _split, factchecks_options, open_checker, timeout_option, user_meta
from podium.corpus.settings import DEFAULT_LOCK_TIMEOUT, ENV
from podium.engines.cli_options import engine_options
from podium.ingest import DEFAULT_MAX_BYTES

TABLE_FORMATS = ("table", "json", "csv")
SEARCH_HELP = """
\b
Query syntax (the same on SQLite and PostgreSQL; words match by their stem, any case):
  barrels oil            both words             "barrels a day"   the exact phrase
  occup*                 a prefix               Israel OR Iran    either (OR in capitals)
  NOT ceasefire, -truce  exclude                (truce OR ceasefire) -Gaza   grouping
\b
Examples:
  podium corpus search '"barrels a day"' --speaker "A. Minister" --since 2024-01-01
  podium corpus search 'terror*' --layer technique --label Name_Calling --actor ISR -f json
"""


def _db_options(func: Any) -> Any:
    func = click.option(
        "--lock-timeout",
        type=click.FloatRange(min=0),
        default=DEFAULT_LOCK_TIMEOUT,
        show_default=True,
        help="Seconds to wait for another process' write lock (SQLite).",
    )(func)
    return click.option(
        "--db",
        envvar=ENV,
        help="Database: a file path, sqlite:///PATH or postgresql://USER@HOST/NAME. [default: ./podium.db]",
    )(func)


def _open(db: str | None, lock_timeout: float, create: bool = False) -> Any:
    from podium.corpus.store import Corpus

    return Corpus(db, create=create, lock_timeout=lock_timeout)


def _filters(**values: Any) -> Any:
    from podium.corpus.search import Filters

    for option in ("since", "until"):
        _check_date(option, values.get(option))
    return Filters(**values)


def _check_date(option: str, value: str | None) -> None:
    import re

    from podium.errors import PodiumError

    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise PodiumError("E409", option=f"--{option}", value=value, reason="use YYYY, YYYY-MM or YYYY-MM-DD")


def _emit(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...], output: Path | None) -> None:
    from podium.corpus.tables import render_rows
    from podium.writing import write_atomic

    rendered = render_rows(rows, fmt, columns)
    if output is None or str(output) == "-":
        click.echo(rendered, nl=False)
    else:
        write_atomic(output, rendered)


_format = click.option(
    "-f", "--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True
)
_output = click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write to this file (default: stdout)."
)


@click.group()
def corpus() -> None:
    """A store of analysed speeches: add, list, search, recurring claims, timelines, export.

    SQLite by default (./podium.db), PostgreSQL with --db postgresql://… (or PODIUM_DB).
    """


@corpus.command(
    epilog="""
\b
Examples:
  podium corpus add speeches/ --speaker "A. Minister"
  podium corpus add more/ --db postgresql://localhost/newsroom -j 2
  podium corpus add --from-list archive.txt
  podium corpus add dump.jsonl --engine dask --workers 2
  podium corpus add speeches/ --factchecks podium.db   # claims stored with the fact-checks they match
  podium corpus add --from-list archive.txt --engine dask --scheduler tcp://scheduler:8786
"""
)
@click.argument("sources", nargs=-1)
@_db_options
@click.option(
    "--from-list",
    "from_list",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A file naming one input (path or URL) per line; blank lines and # comments are skipped.",
)
@click.option("--speaker", "speakers", multiple=True, help="Speaker name; repeat for several.")
@click.option("--date", help="Date of the speeches, YYYY-MM-DD.")
@click.option("--side", help="Whom the speaker's 'we' stands for.")
@click.option("--title", help="Title (for a single input).")
@click.option("--language", help="Language code of the text (default: en).")
@click.option("--only", multiple=True, help="Run only these analysers or layers (comma-separated).")
@click.option("--skip", multiple=True, help="Do not run these analysers or layers (comma-separated).")
@click.option(
    "--max-bytes", type=click.IntRange(min=1, max=2**40), default=DEFAULT_MAX_BYTES, show_default=True
)
@timeout_option
@factchecks_options
@click.option("-j", "--jobs", type=click.IntRange(min=1, max=256), default=1, show_default=True)
@engine_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary table.")
@_guarded
def add(
    sources: tuple[str, ...],
    db: str | None,
    lock_timeout: float,
    from_list: Path | None,
    speakers: tuple[str, ...],
    date: str | None,
    side: str | None,
    title: str | None,
    language: str | None,
    only: tuple[str, ...],
    skip: tuple[str, ...],
    max_bytes: int,
    timeout: float,
    factchecks: str | None,
    match_threshold: float | None,
    jobs: int,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    quiet: bool,
) -> None:
    """Analyse files, folders, URLs or JSONL dumps (a document a line) and store them (the same text is
    stored once: a re-run resumes, skipping what is stored)."""
    import sys

    from podium.corpus.adding import run_add
    from podium.engines import EngineOptions
    from podium.engines.inputs import Inputs

    if not sources and from_list is None:
        raise click.UsageError("give files, folders, URLs or JSONL files to add, or --from-list FILE")
    options = EngineOptions(engine, jobs, scheduler, workers)
    inputs = Inputs(tuple(sources), from_list)
    meta = user_meta(title, speakers, date, language, side)
    selection = (_split(only) or None, _split(skip) or None)
    _same_database(db, factchecks)
    with _open(db, lock_timeout, create=True) as store:
        checker = open_checker(factchecks, match_threshold)  # before any work
        tally = run_add(store, inputs, meta, selection, max_bytes, timeout or None, options, quiet, checker)
    if tally.failures:
        sys.exit(int(tally.failures[0].exit_code))


def _same_database(db: str | None, factchecks: str | None) -> None:
    """``--factchecks`` must name the corpus' own database: stored matches refer to its fact-checks."""
    from podium.corpus.checked_before import same_database
    from podium.corpus.engine import resolve, shown

    url = resolve(db)
    if factchecks is not None and not same_database(factchecks, url):
        from podium.errors import PodiumError

        raise PodiumError("E412", factchecks=shown(resolve(factchecks)), db=shown(url))


@corpus.command(name="list")
@_db_options
@_format
@_output
@_guarded
def list_(db: str | None, lock_timeout: float, fmt: str, output: Path | None) -> None:
    """The stored documents: id, title, speakers, date, words, claims."""
    with _open(db, lock_timeout) as store:
        rows = store.documents()
    columns = ("id", "title", "speakers", "date", "words", "claims", "content_hash", "source")
    _emit(rows, fmt, columns if fmt != "table" else columns[:6], output)


@corpus.command(epilog=SEARCH_HELP)
@click.argument("query")
@_db_options
@click.option("--speaker", help="Only sentences of this speaker (any case).")
@click.option("--since", help="Only documents dated on or after this (YYYY[-MM[-DD]]).")
@click.option("--until", help="Only documents dated on or before this (YYYY[-MM[-DD]]).")
@click.option("--layer", help="Only sentences holding a span of this layer (e.g. technique).")
@click.option("--label", help="... with this label (e.g. Name_Calling).")
@click.option("--actor", help="Only sentences mentioning this actor id (e.g. ISR).")
@click.option("--limit", type=click.IntRange(min=1, max=100_000), default=20, show_default=True)
@_format
@_output
@_guarded
def search(
    query: str,
    db: str | None,
    lock_timeout: float,
    speaker: str | None,
    since: str | None,
    until: str | None,
    layer: str | None,
    label: str | None,
    actor: str | None,
    limit: int,
    fmt: str,
    output: Path | None,
) -> None:
    """Full-text search over every stored sentence; hits with document, offsets and a snippet."""
    filters = _filters(speaker=speaker, since=since, until=until, layer=layer, label=label, actor=actor)
    with _open(db, lock_timeout) as store:
        rows = store.search(query, filters, limit)
    columns = ("document_id", "title", "speakers", "date", "start", "end", "text", "snippet", "score")
    _emit(rows, fmt, ("document_id", "date", "start", "snippet") if fmt == "table" else columns, output)


@corpus.command()
@_db_options
@click.option("--recurring", is_flag=True, help="Group claims that restate each other across documents.")
@click.option("--speaker", help="Only claims of this speaker.")
@click.option("--since", help="Only documents dated on or after this.")
@click.option("--until", help="Only documents dated on or before this.")
@click.option("--actor", help="Only claims mentioning this actor id.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many claims (not with --recurring).")
@_format
@_output
@_guarded
def claims(
    db: str | None,
    lock_timeout: float,
    recurring: bool,
    speaker: str | None,
    since: str | None,
    until: str | None,
    actor: str | None,
    min_score: float,
    limit: int | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Stored claims by check-worthiness, or (--recurring) the claims made again across documents."""
    filters = _filters(speaker=speaker, since=since, until=until, actor=actor)
    with _open(db, lock_timeout) as store:
        if not recurring:
            rows = store.claims(filters, min_score, limit)
            columns = (
                "claim_id",
                "document_id",
                "title",
                "date",
                "speaker",
                "start",
                "end",
                "text",
                "score",
                "type",
            )
            _emit(rows, fmt, ("document_id", "date", "score", "text") if fmt == "table" else columns, output)
            return
        clusters = store.recurring(filters, min_score)
    from podium.corpus.tables import cluster_rows

    if fmt == "json":
        _emit(clusters, fmt, (), output)
    else:
        columns = ("cluster", "size", "first_seen", "last_seen", "speakers", "quantities", "text")
        _emit(cluster_rows(clusters), fmt, columns, output)


@corpus.command(
    epilog="""
\b
Examples:
  podium corpus timeline --actor ISR --by month -f csv
  podium corpus timeline --speaker "A. Minister" --by week
  podium corpus timeline --layer technique --label Name_Calling --by year -f svg -o chart.svg
"""
)
@_db_options
@click.option(
    "--actor", help="An actor id: its mentions, and the events it does (event_by) or suffers (event_on)."
)
@click.option("--speaker", help="A speaker: claims and techniques per period.")
@click.option("--layer", help="A layer: its spans per label (actor_mention: per actor).")
@click.option("--label", help="With --layer: only this label.")
@click.option("--by", type=click.Choice(("day", "week", "month", "year")), default="month", show_default=True)
@click.option(
    "-f", "--format", "fmt", type=click.Choice((*TABLE_FORMATS, "svg")), default="table", show_default=True
)
@_output
@_guarded
def timeline(
    db: str | None,
    lock_timeout: float,
    actor: str | None,
    speaker: str | None,
    layer: str | None,
    label: str | None,
    by: str,
    fmt: str,
    output: Path | None,
) -> None:
    """Counts per day, week, month or year for an actor, a speaker or a layer."""
    from podium.errors import PodiumError

    if sum(x is not None for x in (actor, speaker, layer)) != 1:
        raise PodiumError(
            "E409", option="timeline", value="", reason="give exactly one of --actor, --speaker, --layer"
        )
    with _open(db, lock_timeout) as store:
        rows = store.timeline(by=by, actor=actor, speaker=speaker, layer=layer, label=label)
    if fmt == "svg":
        from podium.corpus.chart import timeline_svg
        from podium.writing import write_atomic

        what = (
            f"actor {actor}" if actor else f"speaker {speaker}" if speaker else f"layer {layer} {label or ''}"
        )
        svg = timeline_svg(rows, f"Counts per {by}, {what}".strip()) + "\n"
        if output is None or str(output) == "-":
            click.echo(svg, nl=False)
        else:
            write_atomic(output, svg)
        return
    _emit(rows, fmt, ("period", "series", "count"), output)


@corpus.command()
@click.argument("document_id", type=int)
@_db_options
@click.option(
    "-f", "--format", "fmt", type=click.Choice(("html", "json", "md", "csv", "graphml")), default="html"
)
@_output
@_guarded
def show(document_id: int, db: str | None, lock_timeout: float, fmt: str, output: Path | None) -> None:
    """A stored analysis, re-rendered (not re-run), in any format of `podium analyze`."""
    from podium.outputs import render

    with _open(db, lock_timeout) as store:
        rendered = store.report(document_id) if fmt == "html" else render(store.get(document_id), fmt)
    if output is None or str(output) == "-":
        click.echo(rendered, nl=False)
        return
    from podium.writing import write_atomic

    write_atomic(output, rendered)


@corpus.command()
@_db_options
@click.option("-f", "--format", "fmt", type=click.Choice(("jsonl", "csv", "parquet")), required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="File (jsonl, csv) or folder (parquet).",
)
@_guarded
def export(db: str | None, lock_timeout: float, fmt: str, output: Path) -> None:
    """Export the corpus: jsonl (an analysis a line), csv (a span a row), parquet (a shard folder that
    `podium corpus load` reads)."""
    from podium.corpus.export import export as run_export

    with _open(db, lock_timeout) as store:
        count = run_export(store, fmt, output)
    click.echo(f"podium: exported {count} document(s) to {output}", err=True)


@corpus.command(
    epilog="""
\b
Examples:
  podium analyze --from-list archive.txt --format parquet -o shards/ --engine dask --workers 8
  podium corpus load shards/ --db postgresql://localhost/newsroom
  podium corpus export -f parquet -o copy/ && podium corpus load copy/ --db other.db
"""
)
@click.argument("folder", type=click.Path(path_type=Path))
@_db_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@_guarded
def load(folder: Path, db: str | None, lock_timeout: float, quiet: bool) -> None:
    """Store the analyses of a Parquet shard folder (from `podium analyze --format parquet` or `corpus
    export -f parquet`); a text already stored is skipped, so loading twice stores once."""
    import sys

    from podium.corpus.loading import run_load
    from podium.engines import shards

    shards.check_folder(folder)  # before a database is created for nothing
    with _open(db, lock_timeout, create=True) as store:
        tally = run_load(store, folder, quiet)
    if tally.failures:
        sys.exit(int(tally.failures[0].exit_code))


@corpus.command()
@click.argument("document_ids", type=int, nargs=-1, required=True)
@_db_options
@_guarded
def remove(document_ids: tuple[int, ...], db: str | None, lock_timeout: float) -> None:
    """Delete stored documents and everything found in them."""
    with _open(db, lock_timeout) as store:
        for document_id in document_ids:
            store.remove(document_id)
            click.echo(f"podium: removed document {document_id}", err=True)
