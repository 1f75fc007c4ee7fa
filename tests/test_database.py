from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from workbench.db.engine import (
    Database,
    DatabaseError,
    current_revision,
    database_url,
    open_database,
)
from workbench.db.migrations import HEAD_REVISION
from workbench.db.migrations.runner import head_revision


def test_head_revision_constant_matches_alembic() -> None:
    assert HEAD_REVISION == head_revision()


def test_open_database_creates_schema_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "new.db"))
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    database.close()
    assert version == HEAD_REVISION
    tables = {
        row[0]
        for row in sqlite3.connect(tmp_path / "new.db").execute(
            "SELECT name FROM sqlite_master WHERE type='table'"
        )
    }
    assert {"source", "article", "claim", "claim_group", "review"} <= tables


def test_reopening_keeps_data(tmp_path: Path) -> None:
    path = str(tmp_path / "again.db")
    database = open_database(path)
    with database.engine.begin() as connection:
        connection.execute(text("INSERT INTO source (name) VALUES ('Outlet')"))
    database.close()
    database = open_database(path)
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM source")).scalar() == "Outlet"
    database.close()


def test_database_url_accepts_paths_and_urls(tmp_path: Path) -> None:
    assert database_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    assert database_url("postgresql://user@host/db") == "postgresql://user@host/db"


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(str(tmp_path / "nowhere" / "x.db"))


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not sqlite " * 100)
    with pytest.raises(DatabaseError, match="cannot open database"):
        open_database(str(bogus))


def _upgraded_from(path: Path, revision: str, *statements: str) -> Database:
    """A database file made at `revision`, holding one article, its claim and whatever
    `statements` add, then opened (and so upgraded to the newest schema)."""
    from alembic import command

    from workbench.db.migrations.runner import alembic_config

    engine = open_database(str(path), upgrade=False).engine
    command.upgrade(alembic_config(engine), revision)
    with engine.begin() as connection:
        for statement in (
            "INSERT INTO article (text, content_hash, importer, imported_at) "
            "VALUES ('Body.', 'h', 'text', '2024-01-01 00:00:00')",
            "INSERT INTO claim (article_id, ordinal, text, char_start, char_end, kind, "
            "checkworthiness, reasons, numbers, dates, status) "
            "VALUES (1, 0, 'Body.', 0, 5, 'sentence', 0.5, '[]', '[]', '[]', 'unreviewed')",
            *statements,
        ):
            connection.execute(text(statement))
    engine.dispose()
    return open_database(str(path))


def test_upgrade_from_first_schema_keeps_rows(tmp_path: Path) -> None:
    database = _upgraded_from(
        tmp_path / "old.db", "0001", "INSERT INTO source (name) VALUES ('Outlet')"
    )
    with database.engine.connect() as connection:
        row = connection.execute(
            text("SELECT text, suggested_outdated, differing_spans FROM claim")
        ).one()
    database.close()
    assert tuple(row) == ("Body.", 0, "[]")


def test_token_index_moves_into_its_primary_key_with_its_rows(tmp_path: Path) -> None:
    database = _upgraded_from(
        tmp_path / "tokens.db", "0006", "INSERT INTO claim_token VALUES ('office', 1), ('kyiv', 1)"
    )
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT token, claim_id FROM claim_token")).all()
        schema = connection.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'claim_token'")
        ).scalar_one()
        indexes = connection.execute(text("PRAGMA index_list('claim_token')")).all()
    database.close()
    assert sorted(map(tuple, rows)) == [("kyiv", 1), ("office", 1)]
    assert "WITHOUT ROWID" in schema
    assert "ix_claim_token_claim_id" in {index[1] for index in indexes}


def test_migrations_match_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    import workbench.db.models  # noqa: F401

    database = open_database(str(tmp_path / "sync.db"))
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        differences = compare_metadata(context, SQLModel.metadata)
    database.close()
    assert differences == []


def test_a_percent_sign_in_the_location_is_not_read_as_interpolation(tmp_path: Path) -> None:
    # Alembic reads the URL through configparser, where "%" starts an interpolation; escaped
    # passwords and socket paths in PostgreSQL URLs ("host=%2Ftmp") carry one too.
    database = open_database(str(tmp_path / "review 100%.db"))
    assert current_revision(database.engine) == HEAD_REVISION
    database.close()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql+mysqldb://ana:secret@localhost/claims", "driver MySQLdb is not installed"),
        ("nosuchdb://localhost/claims", "not a kind of database"),
    ],
)
def test_a_database_url_that_cannot_be_used_is_a_clear_error(url: str, message: str) -> None:
    with pytest.raises(DatabaseError, match=message) as raised:
        open_database(url)
    assert "secret" not in str(raised.value)  # a password in the URL is not shown
