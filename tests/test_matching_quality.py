"""A floor under grouping quality on the labelled development set (bench/matching_eval.py
prints the full figures). Fails when a change makes matching clearly worse."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from workbench.matching.grouping import GroupingSettings
from workbench.matching.service import semantic_matching_available

BENCH = Path(__file__).resolve().parents[1] / "bench" / "matching_eval.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("matching_eval", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(settings: GroupingSettings, tmp_path: Path) -> dict:
    bench = load_bench()
    labels = json.loads(bench.LABELS.read_text(encoding="utf-8"))
    database = bench.build_database(tmp_path)
    gold, source_of = bench.resolve_labels(database, labels)
    result = bench.evaluate(database, settings, gold, source_of, show=False)
    database.close()
    return result


def test_grouping_precision_and_recall_floor(seeds_dir: Path, tmp_path: Path) -> None:
    settings = GroupingSettings()
    if not semantic_matching_available(settings):
        pytest.skip("sentence-embedding model not installed")
    result = evaluate(settings, tmp_path)
    # Measured when the thresholds were calibrated: precision 0.91, recall 0.45.
    assert result["precision"] >= 0.88
    assert result["recall"] >= 0.40


def test_words_only_floor(seeds_dir: Path, tmp_path: Path) -> None:
    result = evaluate(GroupingSettings().without_vectors(), tmp_path)
    # Measured when the thresholds were calibrated: precision 0.91, recall 0.18.
    assert result["precision"] >= 0.85
    assert result["recall"] >= 0.15


def test_every_label_resolves_to_exactly_one_claim(seeds_dir: Path, tmp_path: Path) -> None:
    bench = load_bench()
    labels = json.loads(bench.LABELS.read_text(encoding="utf-8"))
    database = bench.build_database(tmp_path)
    gold, _ = bench.resolve_labels(database, labels)  # exits on any label that does not match
    database.close()
    members = [claim for group in gold for claim in group["ids"]]
    assert len(members) == len(set(members)) >= 200
