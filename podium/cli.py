"""The ``podium`` command: a thin click layer over the library, turning PodiumErrors into exit codes.

Each command parses options, calls library functions and reports; no analysis happens here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from podium import __version__
from podium.audit.cli import audit
from podium.cli_support import _guarded, _split, factchecks_options, open_checker, timeout_option, user_meta
from podium.corpus.cli import corpus
from podium.engines.cli_options import engine_options
from podium.errors import ExitCode, PodiumError
from podium.factchecks.cli import factchecks
from podium.factchecks.match_cli import match
from podium.ingest import DEFAULT_MAX_BYTES, collect_inputs, is_url
from podium.outputs import FORMATS
from podium.web.command import serve
from podium.writing import output_name, refuse_unsafe_target, write_atomic

ANALYZE_EXAMPLES = """
\b
Examples:
  podium analyze samples/speech-harbor-accord.txt -o report.html
  podium analyze speech.pdf --format json -o speech.json
  podium analyze https://example.org/speech.html --format md
  cat speech.txt | podium analyze - --format json --date 2024-12-11
  podium analyze transcripts/ --format json -o out/ -j 2 # one file per input, 2 processes
  podium analyze speech.txt --only entity --format csv
  podium analyze --from-list archive.txt --format parquet -o shards/ --engine dask --workers 2
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="podium")
def main() -> None:
    """podium: structured, evidence-linked analysis of political speeches and debate transcripts.

    Run `podium analyze --help` for the main job and `podium layers` for what is installed.
    """


@main.command(epilog=ANALYZE_EXAMPLES)
@click.argument("sources", nargs=-1)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice((*FORMATS, "parquet")),
    default="html",
    show_default=True,
    help="Output format (parquet: a folder of shards for many inputs, see `podium corpus load`).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output file (one input) or directory (several inputs). Default: stdout.",
)
@click.option("--only", multiple=True, help="Run only these analysers or layers (comma-separated).")
@click.option("--skip", multiple=True, help="Do not run these analysers or layers (comma-separated).")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse inputs larger than this.",
)
@click.option("--title", help="Title of the document (overrides what is found in the file).")
@click.option("--speaker", "speakers", multiple=True, help="Speaker name; repeat for several.")
@click.option("--date", help="Date of the speech, YYYY-MM-DD (relative times resolve against it).")
@click.option(
    "--side", help="Whom the speaker's 'we' stands for, e.g. Iran or NATO (default: from --speaker)."
)
@click.option("--language", help="Language code of the text (default: en).")
@timeout_option
@factchecks_options
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for several inputs (each loads the models once).",
)
@click.option(
    "--from-list",
    "from_list",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A file naming one input (path or URL) per line; blank lines and # comments are skipped.",
)
@engine_options
@click.option("--resume", is_flag=True, help="With --format parquet: skip texts already in the -o shards.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@_guarded
def analyze(
    sources: tuple[str, ...],
    fmt: str,
    output: Path | None,
    only: tuple[str, ...],
    skip: tuple[str, ...],
    max_bytes: int,
    title: str | None,
    speakers: tuple[str, ...],
    date: str | None,
    language: str | None,
    side: str | None,
    timeout: float,
    factchecks: str | None,
    match_threshold: float | None,
    jobs: int,
    from_list: Path | None,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    resume: bool,
    quiet: bool,
) -> None:
    """Analyse speeches (files, directories, http(s) URLs, or '-' for stdin; with --format parquet also
    JSONL dumps, a document a line)."""
    from podium.batch import run_batch
    from podium.pipeline import Pipeline

    if not sources and from_list is None:
        raise click.UsageError("give the speeches to analyse (files, folders, URLs or '-'), or --from-list")
    selection = (_split(only) or None, _split(skip) or None)
    if fmt == "parquet" or engine == "dask" or resume:  # archive scale: podium.engines
        from podium.engines import EngineOptions
        from podium.engines.sharding import analyze_command

        options = EngineOptions(engine, jobs, scheduler, workers)
        meta = user_meta(title, speakers, date, language, side)
        tally = analyze_command(
            sources,
            from_list,
            output,
            fmt,
            selection,
            meta,
            max_bytes,
            timeout or None,
            options,
            resume,
            quiet,
            unsupported="--factchecks" if factchecks else None,
        )
        if tally.failures:
            sys.exit(int(tally.failures[0].exit_code))
        return
    if scheduler is not None or workers is not None:
        from podium.engines import EngineOptions

        EngineOptions(engine, jobs, scheduler, workers)  # E608: they need --engine dask
    if from_list is not None:
        from podium.engines.inputs import list_lines

        sources = (*sources, *list_lines(from_list))
    pipeline = Pipeline.from_names(*selection)
    inputs = collect_inputs(sources)
    meta = user_meta(title, speakers, date, language, side)
    single = len(inputs) == 1 and (sources[0] == "-" or is_url(sources[0]) or not Path(sources[0]).is_dir())
    if output is not None and str(output) == "-":  # '-o -' is standard output, never a file named '-'
        if not single:
            raise PodiumError("E206", count=len(inputs))
        output = None
    if single and output is not None:
        refuse_unsafe_target(output, inputs)  # before any work: never overwrite an input, link or pipe
    checker = open_checker(factchecks, match_threshold)  # an unusable archive fails before any work
    if (single or jobs <= 1) and "technique" in pipeline.layers:
        from podium.techniques import background

        background.allow()  # one document at a time: the technique model gets the second core
    if single:
        from podium.analyze import analyze as analyze_one
        from podium.outputs import render_chunks
        from podium.timelimit import hard_stop

        with hard_stop():  # one input: past the limit, the whole run ends even if the analysis is stuck
            doc = analyze_one(inputs[0], pipeline, max_bytes=max_bytes, timeout=timeout, **meta)
        if checker is not None:
            checker.check(doc)
        if output is None:  # whole before the first byte: stdout never gets half an output
            click.echo("".join(render_chunks(doc, fmt)), nl=False)
        else:  # streamed into a temporary file, renamed when complete
            write_atomic(output, render_chunks(doc, fmt))
            if not quiet:
                click.echo(f"podium: wrote {output}", err=True)
        return
    if output is None:
        raise PodiumError("E201", count=len(inputs))
    meta["timeout"] = timeout
    archive = (factchecks, match_threshold) if factchecks else None
    failures = run_batch(inputs, pipeline, fmt, output, max_bytes, meta, quiet, jobs, selection, archive)
    if failures:
        sys.exit(int(failures[0].exit_code))


@main.command(
    epilog="""
\b
Example:
  podium checkworthy --checkthat debates/ -o scores/
"""
)
@click.option(
    "--checkthat",
    "source",
    required=True,
    type=click.Path(path_type=Path),
    help="A CheckThat! debate file (line_number<TAB>speaker<TAB>text[<TAB>label]) or a folder of .tsv files.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Directory for the score files (one per input, same name).",
)
@_guarded
def checkworthy(source: Path, output: Path) -> None:
    """Score every line of CheckThat! debate files as given: writes line_number<TAB>score per line."""
    from podium.checkworthy.checkthat_files import checkthat_inputs, score_file, write_scores
    from podium.checkworthy.model import CheckworthyModel

    inputs = checkthat_inputs(source)
    if output.exists() and not output.is_dir():
        raise PodiumError("E202", path=output, reason="it is a file; give a directory")
    for path in inputs:  # a score file has its input's name: never write it over an input
        refuse_unsafe_target(output / path.name, [str(p) for p in inputs])
    model = CheckworthyModel.load()
    scored = [(path, score_file(path, model)) for path in inputs]  # all read before anything is written
    for path, rows in scored:
        write_scores(output / path.name, rows)
    click.echo(
        f"podium: scored {sum(len(r) for _, r in scored)} lines of {len(scored)} file(s) into {output}",
        err=True,
    )


@main.command(
    epilog="""
\b
Examples:
  podium techniques --ptc ptc/articles/ -o out/
  podium techniques --ptc ptc/articles/ -o out/ --gold-spans ptc/spans.labels
"""
)
@click.option(
    "--ptc",
    "articles",
    required=True,
    type=click.Path(path_type=Path),
    help="Directory of PTC articles (article<ID>.txt).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Directory for si.labels and tc.labels.",
)
@click.option(
    "--gold-spans",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Label these spans (id<TAB>technique<TAB>start<TAB>end) instead of finding spans.",
)
@_guarded
def techniques(articles: Path, output: Path, gold_spans: Path | None) -> None:
    """Find and label persuasion techniques in PTC articles (SemEval-2020 Task 11 formats)."""
    from podium.techniques.ptc_cli import run_ptc

    if gold_spans is not None and not gold_spans.exists():
        raise PodiumError("E001", path=gold_spans)
    for name in ("si.labels", "tc.labels"):
        refuse_unsafe_target(output / name, [str(gold_spans)] if gold_spans else [])
    run_ptc(articles, output, gold_spans)
    click.echo(f"podium: wrote {output / 'si.labels'} and {output / 'tc.labels'}", err=True)


@main.command()
def layers() -> None:
    """List the installed analysers, the layers they assign and what they require."""
    from podium.pipeline import get_analyser, installed

    registry = installed()
    if not registry:
        click.echo("no analysers installed")
        return
    for name in sorted(registry):
        try:
            a = get_analyser(name)
        except PodiumError as err:
            click.echo(f"{name}: unavailable ({err})")
            continue
        description = getattr(a, "description", "")
        click.echo(
            f"{name}  assigns: {', '.join(a.assigns) or '-'}  requires: {', '.join(a.requires) or '-'}"
        )
        click.echo(f"    {description}  [{registry[name].entry}]")


main.add_command(corpus)  # podium corpus …: the corpus store (podium/corpus/cli.py)
main.add_command(factchecks)  # podium factchecks …: fact-check archives (podium/factchecks/cli.py)
main.add_command(serve)  # podium serve: the web app and REST API (podium/web/command.py)
main.add_command(match)  # podium match …: CheckThat! matching run files (podium/factchecks/match_cli.py)
main.add_command(audit)  # podium audit neutrality: name-swap audit (podium/audit/cli.py)

__all__ = ["ExitCode", "main", "output_name"]
