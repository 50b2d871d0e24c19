"""Every way a corpus database can fail gives one coded error, a non-zero exit and nothing half-written:
an unknown URL scheme, a folder or a corrupt file, a database of a newer schema, a lock held past the
timeout, an unreachable PostgreSQL server, a missing document id."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from podium.cli import main
from podium.corpus import Corpus
from podium.errors import ExitCode, PodiumError


def _code(func: Any) -> str:
    with pytest.raises(PodiumError) as caught:
        func()
    return caught.value.code


def test_unknown_scheme_and_bad_urls() -> None:
    assert _code(lambda: Corpus("mysql://host/db")) == "E401"
    assert _code(lambda: Corpus("sqlite://")) == "E401"


def test_folder_missing_parent_and_corrupt_file(tmp_path: Path) -> None:
    assert _code(lambda: Corpus(str(tmp_path))) == "E402"
    assert _code(lambda: Corpus(str(tmp_path / "no" / "such" / "dir.db"))) == "E402"
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not an SQLite database at all, just text " * 200)
    before = corrupt.read_bytes()
    assert _code(lambda: Corpus(str(corrupt))) == "E402"
    assert corrupt.read_bytes() == before


def test_read_commands_do_not_create_a_database(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["corpus", "list", "--db", str(tmp_path / "new.db")])
    assert result.exit_code == ExitCode.DATABASE and "[E402]" in result.stderr
    assert not (tmp_path / "new.db").exists()


def test_newer_schema_is_refused_untouched(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "future.db"
    Corpus(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    result = runner.invoke(main, ["corpus", "list", "--db", str(path)])
    assert result.exit_code == ExitCode.DATABASE and "[E403]" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_lock_held_past_the_timeout(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    store = Corpus(str(path), lock_timeout=0.3)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        error = _code(lambda: store.add({"text": "x"}))  # never reaches the insert
        assert error == "E404"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.documents() == []


def test_writers_wait_for_each_other_within_the_timeout(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    Corpus(str(path)).close()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, lambda: holder.execute("ROLLBACK")).start()
    with Corpus(str(path), lock_timeout=10) as store, store.writing() as conn:
        conn.exec_driver_sql("SELECT 1")  # got the lock once the holder let go
    holder.close()


def test_unreachable_postgresql(runner: CliRunner) -> None:
    result = runner.invoke(main, ["corpus", "list", "--db", "postgresql://nobody:secret@127.0.0.1:1/none"])
    assert result.exit_code == ExitCode.DATABASE and "[E405]" in result.stderr
    assert "secret" not in result.stderr  # never print a password


def test_missing_document_id(tmp_path: Path, runner: CliRunner) -> None:
    db = str(tmp_path / "c.db")
    Corpus(db).close()
    for args in (["show", "12", "-o", str(tmp_path / "r.html")], ["remove", "12"]):
        result = runner.invoke(main, ["corpus", *args, "--db", db])
        assert result.exit_code == ExitCode.INPUT and "[E406]" in result.stderr, result.output
    assert not (tmp_path / "r.html").exists()


def test_bad_options(tmp_path: Path, runner: CliRunner) -> None:
    db = str(tmp_path / "c.db")
    Corpus(db).close()
    bad = [
        ["search", "NOT war"],
        ["search", '"unclosed'],
        ["search", "war", "--since", "last year"],
        ["timeline", "--by", "month"],
    ]
    for args in bad:
        result = runner.invoke(main, ["corpus", *args, "--db", db])
        assert result.exit_code == ExitCode.USAGE, (args, result.output)
        assert len(result.stderr.strip().splitlines()) == 1


def test_wrong_postgresql_password(pg_url: str, runner: CliRunner) -> None:
    from sqlalchemy.engine import make_url

    wrong = make_url(pg_url).set(password="not-the-password").render_as_string(hide_password=False)
    result = runner.invoke(main, ["corpus", "list", "--db", wrong])
    assert result.exit_code == ExitCode.DATABASE and "[E405]" in result.stderr
    assert "not-the-password" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
