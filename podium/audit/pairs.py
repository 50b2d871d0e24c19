"""The table of interchangeable names for the neutrality audit: read, checked, extended by the user.

The default table is data (``podium/resources/swap_pairs.tsv``: states, demonyms, parties, leaders,
armed groups, epithets); ``--pairs FILE`` adds the user's pairs in the same format
(``kind<TAB>name<TAB>name``, ``#`` comments), and a user's pair replaces a default pair that shares one of
its names. A name may stand in one pair only, so that swapping twice gives the text back. A bad file is
one clear error (E701/E702). No swapping here (``swap``).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from podium.errors import PodiumError

RESOURCE = ("podium.resources", "swap_pairs.tsv")
MAX_PAIRS_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Pair:
    """Two names that can stand in for each other, and what kind of name they are."""

    kind: str
    a: str
    b: str


def parse_pairs(text: str, where: str) -> list[Pair]:
    """The pairs of one table; E701 names the first bad line, E702 a name listed twice."""
    pairs: list[Pair] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) == 2:
            fields = ["name", *fields]
        if len(fields) != 3 or not all(fields):
            raise PodiumError(
                "E701", path=where, line=number, reason="expected kind<TAB>name<TAB>name (or name<TAB>name)"
            )
        kind, a, b = fields
        if a == b:
            raise PodiumError("E701", path=where, line=number, reason=f"{a!r} is paired with itself")
        if not (any(c.isalpha() for c in a) and any(c.isalpha() for c in b)):
            raise PodiumError("E701", path=where, line=number, reason="a name needs at least one letter")
        for name in (a, b):
            if name in seen:
                raise PodiumError("E702", path=where, name=name, line=number, first=seen[name])
            seen[name] = number
        pairs.append(Pair(kind, a, b))
    return pairs


def default_pairs() -> list[Pair]:
    """The table shipped with podium."""
    package, name = RESOURCE
    return parse_pairs(files(package).joinpath(name).read_text(encoding="utf-8"), name)


def read_pairs_file(path: Path) -> list[Pair]:
    """A user's table (E001 when missing, E701 when unreadable or malformed, E702 on a repeated name)."""
    if not path.exists():
        raise PodiumError("E001", path=path)
    try:
        if path.stat().st_size > MAX_PAIRS_BYTES:
            raise PodiumError("E701", path=path, line=0, reason=f"the file is over {MAX_PAIRS_BYTES} bytes")
        text = path.read_text(encoding="utf-8-sig")
    except IsADirectoryError:
        raise PodiumError("E701", path=path, line=0, reason="it is a directory, not a table") from None
    except UnicodeDecodeError:
        raise PodiumError("E701", path=path, line=0, reason="it is not UTF-8 text") from None
    except OSError as exc:
        raise PodiumError("E701", path=path, line=0, reason=exc.strerror or str(exc)) from None
    pairs = parse_pairs(text, str(path))
    if not pairs:
        raise PodiumError("E701", path=path, line=0, reason="it holds no pair")
    return pairs


def merged(user: list[Pair], base: list[Pair] | None = None) -> list[Pair]:
    """The default pairs plus the user's; a default pair sharing a name with a user's pair is dropped."""
    base = default_pairs() if base is None else base
    taken = {n for p in user for n in (p.a, p.b)}
    return [p for p in base if p.a not in taken and p.b not in taken] + list(user)
