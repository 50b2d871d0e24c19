"""``podium audit …``: audits of podium's own behaviour on the user's texts (``neutrality`` so far).

A thin click layer: it reads the inputs as ``podium analyze`` does (same readers, same errors), calls
``podium.audit.neutrality.audit`` and writes the report whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

import click

from podium.cli_support import _guarded

NEUTRALITY_EXAMPLES = """
\b
Examples:
  podium audit neutrality speech.txt -o audit.html
  podium audit neutrality debates/ -f json -o audit.json --tolerance 0.01
  podium audit neutrality speech.txt --pairs my-pairs.tsv -f md
"""


@click.group()
def audit() -> None:
    """Audits of podium itself, run on your own texts."""


@audit.command(epilog=NEUTRALITY_EXAMPLES)
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--pairs",
    "pairs_file",
    type=click.Path(path_type=Path),
    help="Extra name pairs (kind<TAB>name<TAB>name lines); they replace default pairs sharing a name.",
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(("html", "json", "md")), default="html", show_default=True
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file. Default: stdout.")
@click.option(
    "--tolerance",
    type=click.FloatRange(0, 1),
    default=0.02,
    show_default=True,
    help="A score change larger than this counts against neutrality.",
)
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Refuse inputs larger than this.")
@click.option("-q", "--quiet", is_flag=True, help="No verdict line on stderr.")
@_guarded
def neutrality(
    sources: tuple[str, ...],
    pairs_file: Path | None,
    fmt: str,
    output: Path | None,
    tolerance: float,
    max_bytes: int | None,
    quiet: bool,
) -> None:
    """Analyse documents and their twins with names swapped (Israel <-> Iran, Democrats <-> Republicans,
    Clinton <-> Trump, ...) and report every score and label that moved."""
    from podium.analyze import analyze_document
    from podium.audit.neutrality import audit as run_audit
    from podium.audit.pairs import default_pairs, merged, read_pairs_file
    from podium.audit.report import render
    from podium.ingest import DEFAULT_MAX_BYTES, collect_inputs, load
    from podium.pipeline import Pipeline
    from podium.writing import refuse_unsafe_target, write_atomic

    inputs = collect_inputs(sources)
    pairs = merged(read_pairs_file(pairs_file)) if pairs_file is not None else default_pairs()
    if output is not None and str(output) == "-":
        output = None
    if output is not None:
        refuse_unsafe_target(output, inputs)  # before any work: never overwrite an input
    limit = max_bytes or DEFAULT_MAX_BYTES
    docs = [(source, load(source, max_bytes=limit)) for source in inputs]  # every input read before any work
    pipeline = Pipeline.from_names()
    report = run_audit(docs, pairs, lambda doc: analyze_document(doc, pipeline), tolerance)
    text = render(report, fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
    if not quiet:
        verdict = "neutral" if report["passed"] else "NOT neutral"
        counts = f"{report['sentences']} sentences, {report['swaps']} swaps"
        click.echo(f"podium: audit: {verdict} ({counts})", err=True)
