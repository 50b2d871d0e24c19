"""``podium match``: rank fact-checks for the queries of a CheckThat! matching task, write a run file.

Queries ``id<TAB>text`` (a header line allowed); claims as the CheckThat! 2020 verified-claims TSV or the
PolitiFact JSON lines (``.jsonl``/``.jsonl.gz``), read with :func:`podium.factchecks.read_path`; with
``--context DIR``, query ``<prefix>_<n>`` is line ``n`` of the transcript in DIR whose name starts with
``<prefix>``, and its neighbouring lines, speaker and date (``YYYYMMDD_`` in the file name) feed the
matcher. Everything is read and checked before the archive is embedded; the run file is written
atomically, whole or not at all.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from podium.cli_support import _guarded

EXAMPLES = """
\b
Examples:
  podium match --queries tweets.queries.tsv --claims verified_claims.docs.tsv -o run.tsv
  podium match --queries queries.tsv --claims politifact-vclaims.jsonl.gz --context debates/ -o run.tsv
"""


@click.command(name="match", epilog=EXAMPLES)
@click.option(
    "--queries",
    required=True,
    type=click.Path(path_type=Path),
    help="Query file: id<TAB>text per line (a header line is allowed).",
)
@click.option(
    "--claims",
    required=True,
    type=click.Path(path_type=Path),
    help="Fact-checks: CheckThat! 2020 verified claims (.tsv) or PolitiFact JSON lines (.jsonl[.gz]).",
)
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="The run file to write.")
@click.option(
    "--context",
    type=click.Path(path_type=Path),
    help="Folder of CheckThat! transcripts (line<TAB>speaker<TAB>text[<TAB>label]) named <prefix>…",
)
@click.option(
    "--depth",
    type=int,
    default=None,
    help="Fact-checks retrieved by each of cosine and BM25 per query, then re-ranked (default 30).",
)
@_guarded
def match(queries: Path, claims: Path, output: Path, context: Path | None, depth: int | None) -> None:
    """Rank fact-checks for each query; writes query_id<TAB>Q0<TAB>vclaim_id<TAB>rank<TAB>score<TAB>podium."""
    from podium.errors import PodiumError
    from podium.factchecks.index import DEPTH
    from podium.factchecks.matching_run import load_claims, load_queries, run_matching
    from podium.writing import refuse_unsafe_target, write_atomic

    if depth is None:
        depth = DEPTH
    if depth < 1:
        raise PodiumError("E409", option="--depth", value=depth, reason="give a number of 1 or more")
    inputs = [str(queries), str(claims)] + ([str(context)] if context else [])
    refuse_unsafe_target(output, inputs)
    ids, items = load_queries(queries, context)
    records, claim_ids = load_claims(claims)
    start = time.perf_counter()
    click.echo(f"podium: embedding {len(records):,} fact-checks and {len(items):,} queries …", err=True)
    lines = run_matching(items, ids, records, claim_ids, depth)
    write_atomic(output, lines)
    click.echo(
        f"podium: ranked fact-checks for {len(ids):,} queries in {time.perf_counter() - start:.0f}s "
        f"into {output}",
        err=True,
    )
    sys.stdout.flush()
