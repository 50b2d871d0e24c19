"""The catalogue of podium's errors: one code per failure a user can meet, each saying what to do.

Tests assert on the code (``err.code``), never on the prose. The exit code of the CLI comes from the
error's category, so scripts can tell a bad input from a bad option or a network failure.
It does not hold warnings or internal bugs: those surface as ordinary exceptions.
"""

from __future__ import annotations

import re
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the ``podium`` command (documented in the README)."""

    OK = 0
    INTERNAL = 1
    USAGE = 2
    INPUT = 3
    NETWORK = 4
    OUTPUT = 5
    PIPELINE = 6
    DATABASE = 7


# code -> (exit category, message template). Templates use str.format fields.
CATALOGUE: dict[str, tuple[ExitCode, str]] = {
    "E001": (ExitCode.INPUT, "{path}: no such file or directory. Check the path, or pass '-' to read stdin."),
    "E002": (
        ExitCode.INPUT,
        "{path}: the directory holds no supported files ({suffixes}). "
        "Point podium at a speech file or a folder of them.",
    ),
    "E003": (
        ExitCode.INPUT,
        "{path}: the file is empty (no text after removing whitespace). Pass a file with text.",
    ),
    "E004": (
        ExitCode.INPUT,
        "{path}: this looks like a binary file ({kind}), not a text, HTML, PDF or Word document. "
        "Convert it to one of those formats first.",
    ),
    "E005": (
        ExitCode.INPUT,
        "{path}: the file is {size} bytes, over the limit of {limit} bytes. "
        "Split it, or raise the limit with --max-bytes.",
    ),
    "E006": (
        ExitCode.INPUT,
        "{path}: the text cannot be decoded in any common encoding. "
        "Re-save it as UTF-8 (most editors offer 'Save with encoding').",
    ),
    "E007": (
        ExitCode.INPUT,
        "{path}: no main text was found in this HTML page (only navigation or boilerplate). "
        "Save the article text itself as a .txt file and analyse that.",
    ),
    "E008": (
        ExitCode.INPUT,
        "{path}: the PDF has no text layer (it is probably a scan). "
        "Run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`), then analyse the result.",
    ),
    "E009": (
        ExitCode.INPUT,
        "{path}: the file cannot be read as {kind}: {reason}. Check that it is not damaged.",
    ),
    "E010": (
        ExitCode.NETWORK,
        "{url}: could not fetch the page ({reason}). Check the address and your connection, "
        "or save the page and analyse the file.",
    ),
    "E012": (
        ExitCode.INPUT,
        "{path}: line {line} is not a CheckThat! line "
        "(expected line_number<TAB>speaker<TAB>text[<TAB>label]). "
        "Fix that line or pass the file as plain text.",
    ),
    "E013": (
        ExitCode.INPUT,
        "{path}: no subtitle cues found. Check that it is a valid .srt or .vtt file.",
    ),
    "E014": (ExitCode.INPUT, "the meta value {field}={value!r} is invalid: {reason}."),
    "E015": (
        ExitCode.INPUT,
        "{path}: the analysis took longer than the limit of {seconds} s. "
        "Split the input, skip slow analysers with --skip, or raise the limit with --timeout.",
    ),
    "E016": (
        ExitCode.INPUT,
        "{path}: the {kind} file expands to {size} bytes when decompressed, over the limit of {limit} bytes. "
        "Remove large pictures or embedded files from it, save the text alone, or raise --max-bytes.",
    ),
    "E017": (
        ExitCode.INPUT,
        "{path}: the worker process analysing this input ended unexpectedly (out of memory, or killed); "
        "the inputs after it in the same run were not analysed either. Analyse it alone, or split it.",
    ),
    "E101": (
        ExitCode.PIPELINE,
        "analyser '{name}' requires layer '{layer}', which no earlier analyser assigns. "
        "Add an analyser that assigns it ({providers}) before '{name}', or drop '{name}'.",
    ),
    "E102": (
        ExitCode.PIPELINE,
        "no analyser named '{name}' is installed. Installed: {installed} (see `podium layers`).",
    ),
    "E103": (
        ExitCode.PIPELINE,
        "analyser '{name}' from entry point '{entry}' could not be loaded: {reason}. "
        "Reinstall the package that provides it or uninstall it.",
    ),
    "E104": (
        ExitCode.PIPELINE,
        "analyser '{name}' produced a span outside the text in layer '{layer}' ({start}, {end}); "
        "the text has {length} characters. This is a bug in that analyser.",
    ),
    "E105": (
        ExitCode.PIPELINE,
        "analysers '{a}' and '{b}' depend on each other's layers; podium cannot order them.",
    ),
    "E106": (
        ExitCode.PIPELINE,
        "analysers {names} all assign layer '{layer}'; keep only one with --only or --skip.",
    ),
    "E107": (
        ExitCode.PIPELINE,
        "analyser '{a}' uses layer '{layer}' when present, so it must run after '{b}', which assigns it. "
        "Put '{b}' first.",
    ),
    "E401": (
        ExitCode.USAGE,
        "{url}: not a database podium can use ({reason}). Give a file path, sqlite:///PATH or "
        "postgresql://USER@HOST/NAME with --db (or PODIUM_DB).",
    ),
    "E402": (
        ExitCode.DATABASE,
        "{url}: the database cannot be opened ({reason}). {hint}",
    ),
    "E403": (
        ExitCode.DATABASE,
        "{url}: the database has schema revision {revision}, newer than this podium knows ({known}). "
        "Upgrade podium (pip install -U podium) to use it; nothing was changed.",
    ),
    "E404": (
        ExitCode.DATABASE,
        "{url}: the database stayed locked by another process for {seconds} s. "
        "Wait for the other podium to finish, or raise the wait with --lock-timeout.",
    ),
    "E405": (
        ExitCode.DATABASE,
        "{url}: cannot connect to the PostgreSQL server ({reason}). "
        "Check that it is running, the host, port, user and password (or ~/.pgpass).",
    ),
    "E406": (
        ExitCode.INPUT,
        "{url}: no document with id {id} in the corpus. `podium corpus list` shows the ids.",
    ),
    "E407": (
        ExitCode.USAGE,
        'the search query {query!r} is not valid: {reason}. Write words, "a phrase", prefix*, '
        "OR, NOT or -word, and (parentheses); see `podium corpus search --help`.",
    ),
    "E408": (
        ExitCode.USAGE,
        "{feature} needs the Python package '{package}', which is not installed. "
        "Install it with: pip install 'podium[{extra}]'.",
    ),
    "E409": (ExitCode.USAGE, "the option {option}={value!r} is invalid: {reason}."),
    "E410": (
        ExitCode.INPUT,
        "{paths}: no fact-checks found ({reason}). Give ClaimReview JSON-LD (.json, .jsonld, or saved "
        "fact-check pages .html), a CSV with a claim column, or the CheckThat! archives (.tsv, .jsonl[.gz]).",
    ),
    "E411": (
        ExitCode.INPUT,
        "{url}: claims cannot be matched against this database ({reason}). {hint}",
    ),
    "E412": (
        ExitCode.USAGE,
        "--factchecks {factchecks} is not the corpus database {db}: stored matches refer to the corpus' own "
        "fact-checks. Import the archive into the corpus (`podium factchecks import FILES --db {db}`) and "
        "give --factchecks {db}.",
    ),
    "E501": (
        ExitCode.USAGE,
        "refusing to serve on {host}: other machines could reach every document and review there. "
        "Set a token with --token or PODIUM_TOKEN (each visitor must then give it), "
        "or keep --host 127.0.0.1.",
    ),
    "E502": (
        ExitCode.USAGE,
        "cannot listen on {host}:{port} ({reason}). Choose another --port, or stop the program using it.",
    ),
    "E503": (
        ExitCode.INPUT,
        "nothing to analyse: {reason}. Paste a text, choose a file or give an http(s) URL (one of them).",
    ),
    "E504": (ExitCode.INPUT, "the review field {field}={value!r} is invalid: {reason}."),
    "E505": (
        ExitCode.INPUT,
        "{url}: no {what} with id {id!r} in the corpus. The claims, search and actors pages list them.",
    ),
    "E506": (
        ExitCode.INPUT,
        "no analysis job {id!r} on this server (finished jobs are kept for {hours} hours, and none survive "
        "a restart). The document pages and GET /api/documents list what was stored.",
    ),
    "E507": (
        ExitCode.INPUT,
        "the server already has {count} analyses waiting. Try again in a few minutes, or ask its operator "
        "to start it with more --workers.",
    ),
    "E508": (
        ExitCode.PIPELINE,
        "{path}: the analysis failed unexpectedly ({reason}). The server's log has the details; "
        "try `podium analyze` on the same input to see whether it is the input or the server.",
    ),
    "E509": (
        ExitCode.USAGE,
        "the request is not allowed: {reason}. Reload the page and submit the form again.",
    ),
    "E510": (
        ExitCode.USAGE,
        "this server asks for its token. Sign in at /login, "
        "or send the header 'Authorization: Bearer TOKEN'.",
    ),
    "E520": (
        ExitCode.INPUT,
        "{path}: not a query file ({reason}). Write one query a line as id<TAB>text (a header line is "
        "allowed), UTF-8.",
    ),
    "E521": (
        ExitCode.INPUT,
        "{path}: no fact-checks to match against ({reason}). Give the CheckThat! 2020 verified claims "
        "(.tsv: vclaim_id, vclaim, title) or PolitiFact JSON lines (.jsonl or .jsonl.gz).",
    ),
    "E522": (
        ExitCode.INPUT,
        "{path}: the query context cannot be read ({reason}). --context takes a folder of CheckThat! "
        "transcripts (line<TAB>speaker<TAB>text[<TAB>label]) named <prefix>…, for query ids <prefix>_<line>.",
    ),
    "E601": (
        ExitCode.NETWORK,
        "cannot reach the Dask scheduler at {address} ({reason}). Check that `dask scheduler` runs there and "
        "the address and port, or leave out --scheduler to start a local cluster (--workers N).",
    ),
    "E602": (
        ExitCode.PIPELINE,
        "{path}: the analysis raised {error}. This is a bug in podium or in an analyser plugin; the other "
        "inputs went on. Run `podium analyze` on this input alone to see the traceback, and report it.",
    ),
    "E603": (
        ExitCode.INPUT,
        "{path}: the worker analysing this input ended unexpectedly ({count}x: out of memory, or killed), so "
        "it was given up; the other inputs went on. Give the workers more memory, or analyse it alone.",
    ),
    "E604": (
        ExitCode.INPUT,
        "{path}: line {line} is not a document ({reason}). Each line of a JSONL input must be a JSON object "
        'with a non-empty "text" string and, optionally, title, speakers, date, language, side, source.',
    ),
    "E605": (
        ExitCode.INPUT,
        "{path}: not a folder of podium Parquet shards ({reason}). Give the -o folder of "
        "`podium analyze --format parquet` or of `podium corpus export -f parquet`.",
    ),
    "E606": (
        ExitCode.OUTPUT,
        "{path}: the folder already holds Parquet shards. Pass --resume to add only the documents missing "
        "from them, or choose an empty folder with -o.",
    ),
    "E607": (
        ExitCode.PIPELINE,
        "the workers could not set podium up ({reason}). On a cluster, install the same podium, with the "
        "same analyser plugins, on every worker (pip install 'podium[dask]').",
    ),
    "E608": (ExitCode.USAGE, "{option} {reason}."),
    "E701": (
        ExitCode.INPUT,
        "{path}: line {line} of the name-pair table is not usable: {reason}. "
        "Write one pair a line as kind<TAB>name<TAB>name (UTF-8 text, '#' starts a comment).",
    ),
    "E702": (
        ExitCode.INPUT,
        "{path}: the name {name!r} on line {line} is already in the pair on line {first}. "
        "Keep each name in one pair only, so that swapping twice gives the text back.",
    ),
    "E301": (ExitCode.INPUT, "{path}: {reason}. Give a directory holding PTC files named article<ID>.txt."),
    "E302": (
        ExitCode.INPUT,
        "{path}: {reason}. Label lines are id<TAB>technique<TAB>start<TAB>end (or id<TAB>start<TAB>end).",
    ),
    "E201": (
        ExitCode.USAGE,
        "{count} inputs were given but no output directory. Pass -o DIR to write one report per input.",
    ),
    "E202": (ExitCode.OUTPUT, "{path}: cannot write the output ({reason}). Choose another path with -o."),
    "E203": (ExitCode.USAGE, "unknown output format '{fmt}'. Use one of: {formats}."),
    "E204": (
        ExitCode.OUTPUT,
        "{path}: refusing to write the output there: it is {what} of this run, which would be overwritten. "
        "Choose another path with -o.",
    ),
    "E205": (
        ExitCode.OUTPUT,
        "{path}: refusing to write the output there: it is {what}, not a regular file. "
        "Give a plain file name with -o (or '-o -' for standard output).",
    ),
    "E206": (
        ExitCode.USAGE,
        "'-o -' (standard output) takes the output of one input, but {count} inputs were given. "
        "Pass -o DIR to write one file per input.",
    ),
}


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(message: str) -> str:
    """``message`` on one line and safe for a terminal: line breaks, control characters (an escape
    sequence in a file name) and lone surrogates are shown as escapes (``\\n``, ``\\x1b``)."""
    return _UNPRINTABLE.sub(
        lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), message
    )


class PodiumError(Exception):
    """An error with a catalogue code, an actionable message and a CLI exit code."""

    def __init__(self, code: str, **fields: object) -> None:
        exit_code, template = CATALOGUE[code]
        self.code = code
        self.fields = fields
        self.exit_code = exit_code
        super().__init__(one_line(f"[{code}] " + template.format(**fields)))

    def __reduce__(self) -> tuple[object, ...]:  # so errors cross process boundaries intact
        return (_rebuild, (self.code, self.fields))


def _rebuild(code: str, fields: dict[str, object]) -> PodiumError:
    return PodiumError(code, **fields)
