"""What every podium command shares: PodiumErrors turned into one message and an exit code, and
option parsing helpers. Holds no command."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from podium.errors import PodiumError


def _fail(err: PodiumError) -> NoReturn:
    click.echo(f"podium: error: {err}", err=True)
    sys.exit(int(err.exit_code))


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _seconds(value: float) -> float:
    """--timeout: NaN is refused; infinity and huge values mean no practical limit (clamped)."""
    from podium.timelimit import clean_seconds

    try:
        return clean_seconds(value) or 0.0
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a number of seconds (0 means no limit).") from err


def _guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command body, turning PodiumError into one clear message and its exit code."""

    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PodiumError as err:
            _fail(err)

    run.__name__ = func.__name__
    run.__doc__ = func.__doc__
    return run


#: ``--timeout`` of the commands that analyse (``analyze``, ``corpus add``).
timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    callback=lambda ctx, param, value: _seconds(value),
    default=300.0,
    show_default=True,
    help="Give up on an input after this many seconds (0: no limit).",
)


def user_meta(
    title: str | None, speakers: tuple[str, ...], date: str | None, language: str | None, side: str | None
) -> dict[str, Any]:
    """The document meta given on the command line (``--title``, ``--speaker``…), for ``apply_meta``."""
    return {
        "title": title,
        "speakers": list(speakers) or None,
        "date": date,
        "language": language,
        "side": side,
    }


def factchecks_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--factchecks DB`` and ``--match-threshold P`` of the commands that analyse."""
    func = click.option(
        "--match-threshold",
        type=click.FloatRange(0, 1),
        help="With --factchecks: report fact-checks whose match probability is at least this "
        "[default: 0.5, the matcher's].",
    )(func)
    return click.option(
        "--factchecks",
        metavar="DB",
        help="Match every claim against the fact-checks imported into this database "
        "(`podium factchecks import`): claims[].matches, 'Checked before' in the reports.",
    )(func)


def open_checker(db: str | None, threshold: float | None) -> Any:
    """The ``Checker`` of ``--factchecks`` (None without it), opened before any analysis: a database that
    cannot be matched against fails here, with E411."""
    if db is None:
        if threshold is not None:
            raise PodiumError(
                "E409", option="--match-threshold", value=threshold, reason="it needs --factchecks DB"
            )
        return None
    from podium.corpus.checked_before import checker_for

    return checker_for(db, threshold)
