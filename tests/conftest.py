from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def _seeds_dir() -> Path:
    configured = os.environ.get("WORKBENCH_SEEDS")
    return Path(configured) if configured else REPO_ROOT.parent / "shared" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The real seed articles beside the checkout; tests that need them skip when absent."""
    path = _seeds_dir()
    if not path.is_dir():
        pytest.skip(f"seed articles not found at {path}")
    return path


@pytest.fixture
def seed_text(seeds_dir: Path):
    def read(prefix: str) -> str:
        matches = sorted(seeds_dir.glob(f"{prefix}*.txt"))
        if not matches:
            pytest.skip(f"seed {prefix} not found in {seeds_dir}")
        return matches[0].read_text(encoding="utf-8")

    return read


# Set to a PostgreSQL server URL (e.g. postgresql://wb@127.0.0.1:5432/postgres) to run every
# test that uses the `database` fixture on PostgreSQL: each gets a fresh database there.
POSTGRES_ENV = "WORKBENCH_TEST_POSTGRES"


@pytest.fixture
def database(tmp_path: Path):
    from workbench.db.engine import open_database

    server = os.environ.get(POSTGRES_ENV)
    if not server:
        db = open_database(str(tmp_path / "test.db"))
        yield db
        db.close()
        return
    with _postgres_database(server) as url:
        db = open_database(url)
        yield db
        db.close()


@contextmanager
def _postgres_database(server: str) -> Iterator[str]:
    from uuid import uuid4

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"workbench_test_{uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def write_file(tmp_path: Path):
    """Write an input file under tmp_path/in; str content is UTF-8, bytes are written as is."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
