"""Opening a workbench database: URL resolution, engine settings and schema upgrades.

No engine exists at import time; callers build one with :func:`open_database` and own it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlmodel import Session, create_engine

DEFAULT_DATABASE = "workbench.db"


class DatabaseError(Exception):
    """A database that cannot be opened or upgraded; the message is fit to show a user."""


def database_url(location: str | None) -> str:
    """Turn ``--db`` / ``WORKBENCH_DB`` (a file path or an SQLAlchemy URL) into a URL."""
    location = location or DEFAULT_DATABASE
    if "://" in location:
        try:
            make_url(location)
        except ArgumentError as error:
            raise DatabaseError(f"{location}: not a database URL ({error})") from None
        return location
    return f"sqlite:///{Path(location).expanduser().resolve()}"


def _enable_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets a second terminal read while one writes; foreign keys are off by default in
    # SQLite; the busy timeout makes two writers wait for each other instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # 64 MB of page cache instead of SQLite's 2 MB: a full regroup writes the token index of
    # every claim, and a small cache rereads index pages for every few inserts.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def _load_json(text: str) -> Any:
    # Most claims state no figure or date: skipping the parser for an empty list halves the
    # cost of reading JSON columns in long lists and exports.
    return [] if text == "[]" else json.loads(text)


def create_db_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False}, json_deserializer=_load_json
        )
        event.listen(engine, "connect", _enable_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, json_deserializer=_load_json)


@dataclass
class Database:
    """An open database: its engine and a way to start sessions on it."""

    url: str
    engine: Engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def open_database(location: str | None, *, upgrade: bool = True) -> Database:
    """Open (creating if needed) the database and bring its schema to the latest migration."""
    url = database_url(location)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        folder = Path(url.removeprefix("sqlite:///")).parent
        if not folder.is_dir():
            raise DatabaseError(f"{folder}: folder for the database does not exist")
    try:
        engine = create_db_engine(url)
    except ImportError as error:  # SQLAlchemy imports the driver named by the URL here
        raise DatabaseError(
            f"{_shown(url)}: the database driver {error.name or ''} is not installed "
            "(for PostgreSQL: pip install 'claim-workbench[postgres]')"
        ) from None
    except NoSuchModuleError:
        raise DatabaseError(f"{_shown(url)}: not a kind of database SQLAlchemy knows") from None
    database = Database(url=url, engine=engine)
    if upgrade:
        try:
            upgrade_schema(engine)
        except SQLAlchemyDatabaseError as error:
            engine.dispose()
            reason = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else ""
            raise DatabaseError(f"{_shown(url)}: cannot open database ({reason})") from None
    return database


def _shown(url: str) -> str:
    # A URL may carry a password; messages show it masked.
    return make_url(url).render_as_string(hide_password=True)


def upgrade_schema(engine: Engine) -> None:
    # Importing Alembic costs about 0.3 s, so quick commands on an up-to-date database skip it.
    from workbench.db.migrations import HEAD_REVISION

    if current_revision(engine) == HEAD_REVISION:
        return
    from workbench.db.migrations.runner import upgrade_to_head

    upgrade_to_head(engine)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:
            return None
        except Exception:  # other backends raise their own "no such table" errors
            return None
