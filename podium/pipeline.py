"""Analysers, their registry (entry-point group ``podium.analysers``) and the ordered pipeline.

An analyser is a named callable ``Document -> Document`` declaring the layers it ``requires`` and
``assigns``, and optionally layers it uses ``after`` when they are present (it then runs after
their analyser, but does not fail without them). Built-in analysers are registered through the
same entry-point group as plugins.
Structural layers made by segmentation (``sentences``, ``paragraphs``, ``turns``) are always present.
This module does not ingest or segment text; see ``podium.ingest`` and ``podium.segment``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import entry_points
from typing import ClassVar, Protocol, runtime_checkable

from podium.chunking import run_in_chunks
from podium.document import Document
from podium.errors import PodiumError

ENTRY_POINT_GROUP = "podium.analysers"
STRUCTURAL_LAYERS = frozenset({"sentences", "paragraphs", "turns"})


@runtime_checkable
class Analyser(Protocol):
    """What the pipeline needs from an analyser."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class BaseAnalyser:
    """Convenience base class: subclasses set the class attributes and implement ``__call__``."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    #: Layers used when present: the analyser runs after whoever assigns them, if anyone does.
    after: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = ""
    # An analyser may also define ``prefetch(doc) -> None``: the pipeline calls it on the segmented
    # document before running any analyser, so work that needs only the text and sentences can start
    # elsewhere (another process) while the analysers before it run.

    def __call__(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(frozen=True)
class Registered:
    """An installed analyser as found in the entry points, not yet instantiated."""

    name: str
    entry: str
    factory: Callable[[], Analyser]


@lru_cache(maxsize=1)
def installed() -> dict[str, Registered]:
    """All analysers installed in this environment, by name (built-ins and plugins alike)."""
    found: dict[str, Registered] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found[ep.name] = Registered(ep.name, ep.value, _loader(ep.name, ep.value, ep.load))
    return found


def _loader(name: str, entry: str, load: Callable[[], object]) -> Callable[[], Analyser]:
    def make() -> Analyser:
        try:
            obj = load()
            analyser = obj() if isinstance(obj, type) else obj
        except Exception as exc:
            raise PodiumError("E103", name=name, entry=entry, reason=f"{type(exc).__name__}: {exc}") from exc
        if not isinstance(analyser, Analyser):
            raise PodiumError(
                "E103", name=name, entry=entry, reason="it lacks name/requires/assigns/__call__"
            )
        return analyser

    return make


_instances: dict[str, Analyser] = {}


def get_analyser(name: str) -> Analyser:
    """The shared instance of an installed analyser (heavy models load once per process)."""
    if name not in _instances:
        registry = installed()
        if name not in registry:
            raise PodiumError("E102", name=name, installed=", ".join(sorted(registry)) or "none")
        _instances[name] = registry[name].factory()
    return _instances[name]


class Pipeline:
    """An ordered list of analysers whose requirements were checked when it was built."""

    def __init__(self, analysers: Sequence[Analyser]) -> None:
        check_order(analysers)
        self.analysers = list(analysers)

    @classmethod
    def from_names(cls, only: Iterable[str] | None = None, skip: Iterable[str] | None = None) -> Pipeline:
        """Build from installed analysers; ``only``/``skip`` take analyser or layer names."""
        registry = installed()
        names = select(sorted(registry), _layer_index(), only, skip)
        analysers = [get_analyser(n) for n in names]
        return cls(sort_by_dependencies(analysers))

    @property
    def layers(self) -> list[str]:
        return [layer for a in self.analysers for layer in a.assigns]

    def __call__(self, doc: Document) -> Document:
        """Run the analysers (their ``prefetch`` first); a long document runs piece by piece, in bounded
        memory, with its results merged (``podium.chunking``)."""
        return run_in_chunks(doc, self.analysers)


@lru_cache(maxsize=1)
def _layer_index() -> dict[str, str]:
    """Layer name -> analyser name, for every installed analyser (``--only claim`` means the analyser)."""
    index: dict[str, str] = {}
    for name in sorted(installed()):
        for layer in get_analyser(name).assigns:
            index.setdefault(layer, name)
    return index


def select(
    names: Sequence[str],
    layer_index: dict[str, str],
    only: Iterable[str] | None,
    skip: Iterable[str] | None,
) -> list[str]:
    """Resolve ``--only``/``--skip`` values (analyser or layer names) against the installed names."""

    def resolve(value: str) -> str:
        if value in names:
            return value
        if value in layer_index:
            return layer_index[value]
        raise PodiumError("E102", name=value, installed=", ".join(names) or "none")

    chosen = [resolve(v) for v in only] if only else list(names)
    dropped = {resolve(v) for v in skip} if skip else set()
    return [n for n in dict.fromkeys(chosen) if n not in dropped]


def sort_by_dependencies(analysers: Sequence[Analyser]) -> list[Analyser]:
    """Order analysers so each comes after those assigning what it requires (stable otherwise)."""
    providers: dict[str, Analyser] = {}
    for a in analysers:
        for layer in a.assigns:
            if layer in providers:
                raise PodiumError("E106", names=f"'{providers[layer].name}', '{a.name}'", layer=layer)
            providers[layer] = a
    ordered: list[Analyser] = []
    state: dict[str, int] = {}  # 1 = visiting, 2 = done

    def visit(a: Analyser, parent: Analyser | None) -> None:
        if state.get(a.name) == 2:
            return
        if state.get(a.name) == 1:
            raise PodiumError("E105", a=a.name, b=parent.name if parent else a.name)
        state[a.name] = 1
        for layer in (*a.requires, *getattr(a, "after", ())):
            dep = providers.get(layer)
            if dep is not None and dep is not a:
                visit(dep, a)
        state[a.name] = 2
        ordered.append(a)

    for a in analysers:
        visit(a, None)
    return ordered


def check_order(analysers: Sequence[Analyser]) -> None:
    """Fail with E101 if an analyser requires a layer that no earlier analyser assigns (E107 if an
    analyser runs before the assigner of a layer it wants ``after``)."""
    available = set(STRUCTURAL_LAYERS)
    later = {layer: a.name for a in analysers for layer in a.assigns}
    for a in analysers:
        for layer in getattr(a, "after", ()):
            if layer in later and layer not in available and later[layer] != a.name:
                raise PodiumError("E107", a=a.name, layer=layer, b=later[layer])
        for layer in a.requires:
            if layer not in available:
                providers = [r for r in sorted(installed()) if layer in _assigns_of(r)]
                raise PodiumError(
                    "E101", name=a.name, layer=layer, providers=", ".join(providers) or "none installed"
                )
        available.update(a.assigns)


def _assigns_of(name: str) -> tuple[str, ...]:
    try:
        return get_analyser(name).assigns
    except PodiumError:
        return ()
