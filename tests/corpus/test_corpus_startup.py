"""The corpus commands cost `podium analyze` nothing at start-up: the database layer loads on first use."""

from __future__ import annotations

import subprocess
import sys


def test_the_cli_does_not_import_the_database_layer() -> None:
    heavy = "('sqlalchemy', 'alembic', 'psycopg')"
    code = f"import sys, podium.cli; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
