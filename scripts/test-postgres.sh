#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the tests (Debian's `postgresql`, installed if missing) on
# 127.0.0.1 and export PODIUM_TEST_PG with its URL. Sourced by scripts/test.sh; the cluster is stopped
# and deleted by `podium_pg_stop` (test.sh calls it on exit).
set -euo pipefail

sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  $sudo_cmd apt-get install -y -q postgresql >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update -q >/dev/null && $sudo_cmd apt-get install -y -q postgresql >/dev/null; }
fi
PODIUM_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PODIUM_PG_DIR=$(mktemp -d /tmp/podium-pg.XXXXXX)
PODIUM_PG_PORT=${PODIUM_PG_PORT:-55432}
while (exec 3<>"/dev/tcp/127.0.0.1/$PODIUM_PG_PORT") 2>/dev/null; do  # taken: try the next port
  PODIUM_PG_PORT=$((PODIUM_PG_PORT + 1))
done
as_pg=()
if [ "$(id -u)" -eq 0 ]; then  # initdb refuses to run as root: the cluster belongs to user postgres
  chown postgres "$PODIUM_PG_DIR"
  as_pg=(runuser -u postgres --)
fi
# TCP logins need the password (so a wrong one can be tested); the socket in the cluster's folder trusts.
printf 'podium-test\n' > "$PODIUM_PG_DIR/pw"
chmod 644 "$PODIUM_PG_DIR/pw"
"${as_pg[@]}" "$PODIUM_PG_BIN/initdb" -D "$PODIUM_PG_DIR/data" --auth-local=trust --auth-host=scram-sha-256 \
  --pwfile="$PODIUM_PG_DIR/pw" -U podium -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$PODIUM_PG_BIN/pg_ctl" -D "$PODIUM_PG_DIR/data" -l "$PODIUM_PG_DIR/log" -w \
  -o "-p $PODIUM_PG_PORT -k $PODIUM_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
export PODIUM_TEST_PG="postgresql://podium:podium-test@127.0.0.1:$PODIUM_PG_PORT/postgres"

podium_pg_stop() {
  "${as_pg[@]}" "$PODIUM_PG_BIN/pg_ctl" -D "$PODIUM_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PODIUM_PG_DIR"
}
