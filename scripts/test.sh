#!/usr/bin/env bash
# Install podium with its test extras into .venv (created if needed), make sure Debian's Chromium is
# there for the browser tests, start a throwaway PostgreSQL server for the corpus tests
# (scripts/test-postgres.sh; Debian's postgresql is installed if missing), then run ruff and the whole
# pytest suite. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get install -y -q chromium >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update -q >/dev/null && $sudo_cmd apt-get install -y -q chromium >/dev/null; }
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check podium tests benchmarks scripts training

source scripts/test-postgres.sh
trap podium_pg_stop EXIT
PODIUM_REQUIRE_BROWSER=1 PODIUM_REQUIRE_POSTGRES=1 .venv/bin/python -m pytest -q "$@"
