"""The built-in demo corpus: short articles in our own words about real events."""

from __future__ import annotations

from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"


def demo_corpus_files() -> list[Path]:
    """Every article file of the demo corpus (its README describes them and is left out)."""
    return sorted(
        path
        for path in CORPUS_DIR.rglob("*")
        if path.is_file() and path.name != "README.md" and not path.name.startswith(".")
    )
