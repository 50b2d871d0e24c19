"""Corpus settings shared by the command line and the engine, importable without SQLAlchemy (so that
`podium analyze` does not pay for the database layer at start-up)."""

#: Environment variable naming the database when --db is not given.
ENV = "PODIUM_DB"
#: The database when neither --db nor PODIUM_DB is given.
DEFAULT = "podium.db"
#: Seconds a writer waits for another process' lock before giving up (E404).
DEFAULT_LOCK_TIMEOUT = 30.0
