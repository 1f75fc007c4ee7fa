"""The core (db, importers, matching) must not pull in Textual or Rich."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "workbench.db.models",
    "workbench.db.engine",
    "workbench.db.queries",
    "workbench.importers.pipeline",
    "workbench.importers.readers",
    "workbench.importers.prepare",
    "workbench.matching.grouping",
    "workbench.matching.relations",
    "workbench.matching.service",
    "workbench.matching.semantic",
    "workbench.config",
    "workbench.cli",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "roots = {name.split('.')[0] for name in sys.modules}\n"
        "leaked = sorted(roots & {'textual', 'rich'})\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"


def test_no_engine_is_created_at_import() -> None:
    code = (
        "import sqlalchemy.engine.create as create\n"
        "calls = []\n"
        "original = create.create_engine\n"
        "import sqlalchemy, sqlmodel\n"
        "def spy(*a, **k):\n"
        "    calls.append(a)\n"
        "    return original(*a, **k)\n"
        "sqlalchemy.create_engine = sqlmodel.create_engine = spy\n"
        "import workbench.app, workbench.cli, workbench.db.engine, workbench.importers.pipeline\n"
        "print(len(calls))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0"
