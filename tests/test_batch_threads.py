"""Worker processes share the cores: their math libraries get cores // workers threads each."""

from __future__ import annotations

import os

import pytest

from podium.batch import _worker_threads


def test_workers_get_a_share_of_the_cores_and_the_environment_is_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "3")  # the user's own choice wins
    with _worker_threads(4):
        assert os.environ["OMP_NUM_THREADS"] == "2"
        assert os.environ["MKL_NUM_THREADS"] == "3"
    assert "OMP_NUM_THREADS" not in os.environ
    assert os.environ["MKL_NUM_THREADS"] == "3"


def test_more_workers_than_cores_still_get_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    with _worker_threads(5):
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
