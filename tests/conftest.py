from __future__ import annotations

import os
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


@pytest.fixture
def database(tmp_path: Path):
    from workbench.db.engine import open_database

    db = open_database(str(tmp_path / "test.db"))
    yield db
    db.close()


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
