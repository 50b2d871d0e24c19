"""Engine fixtures: a Dask cluster of processes for the session (and one of a test's own, for killing a
worker), torn down afterwards.

Its workers also see a third-party analyser installed the way plugins are (an entry point in the
``podium.analysers`` group) that raises on any text containing "POISON". It runs only where the client's
pipeline names it, which is when the client sees the plugin too (``poison_env``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.corpus.conftest import analysed, db_url, pg_url  # noqa: F401 - the corpus tests' fixtures
from tests.engines.cluster import ENV, POISON_MODULE, Cluster, start_cluster


@pytest.fixture(scope="session")
def poison_plugin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the poison analyser as an installed plugin (module + dist-info entry point)."""
    folder = tmp_path_factory.mktemp("plugin")
    (folder / "podium_poison_test.py").write_text(POISON_MODULE, encoding="utf-8")
    info = folder / "podium_poison_test-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: podium-poison-test\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[podium.analysers]\npoison = podium_poison_test:PoisonAnalyser\n")
    return folder


@pytest.fixture(scope="session")
def poison_env(poison_plugin: Path) -> dict[str, str]:
    """``ENV`` with the poison plugin installed."""
    path = os.pathsep.join(p for p in (str(poison_plugin), ENV.get("PYTHONPATH")) if p)
    return {**ENV, "PYTHONPATH": path}


@pytest.fixture(scope="session")
def cluster(tmp_path_factory: pytest.TempPathFactory, poison_env: dict[str, str]) -> Iterator[Cluster]:
    """One scheduler and two single-threaded workers for the session's tests."""
    pytest.importorskip("distributed")
    running = start_cluster(tmp_path_factory.mktemp("dask-logs"), 2, poison_env)
    yield running
    running.stop()


@pytest.fixture
def new_cluster(tmp_path: Path, poison_env: dict[str, str]) -> Iterator[Callable[[int], Cluster]]:
    """Start a cluster of one's own (for a test that kills a worker); stopped after the test."""
    pytest.importorskip("distributed")
    started: list[Cluster] = []

    def make(workers: int) -> Cluster:
        started.append(start_cluster(tmp_path / "dask-logs", workers, poison_env))
        return started[-1]

    yield make
    for c in started:
        c.stop()
