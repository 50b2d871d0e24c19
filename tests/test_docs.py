"""Docs are checked: every command and long option of the CLI is mentioned in the README."""

from __future__ import annotations

import click
import pytest

from podium.cli import main
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def options(command: click.Command) -> list[str]:
    return [o for p in command.params if isinstance(p, click.Option) for o in p.opts if o.startswith("--")]


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_and_option_is_in_the_readme(name: str) -> None:
    command = main.commands[name]
    assert f"podium {name}" in README
    missing = [o for o in options(command) if o not in README and o != "--help"]
    assert missing == [], f"README does not mention {missing} of `podium {name}`"
    assert command.help, f"`podium {name}` has no help text"


def _subcommands() -> list[tuple[str, click.Command]]:
    return [
        (f"{name} {sub}", command)
        for name, group in sorted(main.commands.items())
        if isinstance(group, click.Group)
        for sub, command in sorted(group.commands.items())
    ]


@pytest.mark.parametrize(("name", "command"), _subcommands(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_subcommand_and_option_is_in_the_readme(name: str, command: click.Command) -> None:
    assert f"podium {name}" in README
    missing = [o for o in options(command) if o not in README and o != "--help"]
    assert missing == [], f"README does not mention {missing} of `podium {name}`"
    assert command.help, f"`podium {name}` has no help text"
