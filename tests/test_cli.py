"""The command line as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main

ARTICLE = (
    "title: Aid reaches 28 billion euros\nsource: Outlet\npublished: 2024-02-24\n\n"
    "The EU has delivered 28 billion euros in military aid so far, von der Leyen said.\n\n"
    "He posted [bold]nothing[/bold] and [/x] with \x1b[31mred\x1b[0m text in Kyiv on Feb. 24.\n"
)


@pytest.fixture
def run(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    monkeypatch.delenv("WORKBENCH_REVIEWER", raising=False)
    database = str(tmp_path / "cli.db")

    def invoke(*args: str):
        return CliRunner().invoke(main, ["--db", database, *args], catch_exceptions=False)

    return invoke


def claims_json(run) -> list[dict]:
    result = run("claims", "--json", "--limit", "0")
    assert result.exit_code == 0
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_import_summary_and_exit_code(run, write_file) -> None:
    good = write_file("good.txt", ARTICLE)
    bad = write_file("bad.txt", b"")
    result = run("import", str(good), str(bad))
    assert result.exit_code == 1
    assert "imported 1 article(s)" in result.stdout
    assert f"error: {bad}: empty file" in result.stderr
    assert "Traceback" not in result.output
    again = run("import", str(good))
    assert again.exit_code == 0
    assert "imported 0 article(s) with 0 claim(s); 0 revised, 1 unchanged, 0 failed" in again.stdout


def test_claims_json_fields(run, write_file) -> None:
    run("import", str(write_file("good.txt", ARTICLE)))
    rows = claims_json(run)
    expected = {
        "id",
        "text",
        "status",
        "kind",
        "article_id",
        "article_url",
        "article_title",
        "source",
        "published",
        "char_start",
        "char_end",
        "numbers",
        "dates",
        "checkworthiness",
    }
    assert rows and all(expected <= row.keys() for row in rows)
    assert {row["source"] for row in rows} == {"Outlet"}
    assert {row["published"] for row in rows} == {"2024-02-24"}


def test_markup_and_escapes_are_shown_literally(run, write_file) -> None:
    run("import", str(write_file("good.txt", ARTICLE)))
    result = run("claims", "--search", "posted")
    assert "[bold]nothing[/bold] and [/x]" in result.stdout
    assert "\x1b" not in result.stdout
    assert "\\x1b[31mred" in result.stdout
    [row] = claims_json(run)[-1:]
    shown = run("show", str(row["id"]))
    assert "\x1b" not in shown.stdout


def test_mark_show_and_undo(run, write_file) -> None:
    run("import", str(write_file("good.txt", ARTICLE)))
    claim_id = str(claims_json(run)[0]["id"])
    marked = run(
        "--reviewer",
        "ana",
        "mark",
        claim_id,
        "disputed",
        "--note",
        "figure is off",
        "--evidence",
        "https://evidence.example/1",
    )
    assert marked.exit_code == 0, marked.output
    assert claims_json(run)[0]["status"] == "disputed"
    assert len(run("claims", "--status", "disputed", "--json").stdout.splitlines()) == 1
    shown = run("show", claim_id).stdout
    assert "ana: disputed; note figure is off; evidence https://evidence.example/1" in shown
    assert run("undo", claim_id).exit_code == 0
    assert claims_json(run)[0]["status"] == "unreviewed"
    assert "undoes #1" in run("show", claim_id).stdout


def test_user_errors_are_one_line(run, write_file) -> None:
    for args, message in [
        (("show", "999"), "no claim with id 999"),
        (("mark", "999", "confirmed"), "no claim with id 999"),
        (("import",), "name at least one file"),
        (("import", "--published", "someday", str(write_file("x.txt", ARTICLE))), "not a date"),
    ]:
        result = run(*args)
        assert result.exit_code != 0
        assert message in result.output
        assert "Traceback" not in result.output


def test_bad_database_location_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "no" / "x.db"), "stats"])
    assert result.exit_code == 1
    assert "does not exist" in result.output and "Traceback" not in result.output


def test_stats(run, write_file) -> None:
    run("import", str(write_file("good.txt", ARTICLE)))
    result = run("stats")
    assert "articles  1" in result.stdout
    assert "unreviewed" in result.stdout
    assert "\nmatching  " in result.stdout


def test_semantic_matching_can_be_switched_off(run, write_file, tmp_path: Path) -> None:
    (tmp_path / "no-config.toml").write_text("[matching]\nsemantic = false\n")
    run("import", str(write_file("good.txt", ARTICLE)))
    result = run("stats")
    assert "matching  words only ([matching] semantic = false)" in result.stdout


@pytest.fixture
def damaged_model(tmp_path: Path, monkeypatch):
    from workbench.matching import semantic

    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"\x05\x00\x00\x00\x00\x00\x00\x00{not")
    (folder / "tokenizer.json").write_text("{}")
    caches = (semantic.load_encoder, semantic.model_problem, semantic._load_encoder)
    for cache in caches:
        cache.cache_clear()
    monkeypatch.setattr(semantic, "model_directory", lambda: folder)
    yield folder
    monkeypatch.undo()
    for cache in caches:  # the next test sees the real package again
        cache.cache_clear()


def test_a_damaged_model_package_falls_back_to_words_with_one_warning(
    run, write_file, damaged_model
) -> None:
    result = run("import", str(write_file("good.txt", ARTICLE)))
    assert result.exit_code == 0 and "Traceback" not in result.output
    warnings = [line for line in result.stderr.splitlines() if "sentence model" in line]
    assert len(warnings) == 1 and str(damaged_model) in warnings[0]
    assert "matching by words only" in warnings[0]
    assert "words only (model package" in run("stats").stdout
    assert "unreadable" in run("stats").stdout


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('semantic = "yes"', "[matching] semantic must be true or false"),
        ("word_low = 90", "[matching] needs 0 <= word_low <= word_high <= 100"),
        ('high = "x"', "[matching] values must be numbers"),
        ("story_days = 0", "[matching] story_days must be a whole number of days"),
        ("story_days = 1.5", "[matching] story_days must be a whole number of days"),
        ("figure_link = 120", "[matching] figure_link must be 0 to 100"),
    ],
)
def test_bad_matching_settings_are_one_line(run, tmp_path: Path, setting, message) -> None:
    (tmp_path / "no-config.toml").write_text(f"[matching]\n{setting}\n")
    result = run("group")
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(tmp_path / "m.db"), "stats"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "claims    0" in result.stdout


def test_export_and_merge_between_two_databases(run, write_file, tmp_path: Path) -> None:
    article = write_file("good.txt", ARTICLE)
    run("import", str(article))
    claim_id = str(claims_json(run)[0]["id"])
    run("--reviewer", "ana", "mark", claim_id, "confirmed", "--note", "seen, it holds")
    out = tmp_path / "verified.jsonl"
    result = run("export", "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "exported 1 claim(s)" in result.stderr
    other = tmp_path / "other.db"
    merged = CliRunner().invoke(main, ["--db", str(other), "import", str(article), str(out)])
    assert merged.exit_code == 0, merged.output
    assert "merged 1 review(s) into 1 claim(s)" in merged.stdout
    shown = CliRunner().invoke(main, ["--db", str(other), "claims", "--status", "confirmed"])
    assert "confirmed" in shown.stdout


def test_claimreview_without_configuration_is_a_clear_error(run, write_file, tmp_path) -> None:
    run("import", str(write_file("good.txt", ARTICLE)))
    out = tmp_path / "cr.json"
    result = run("export", "--format", "claimreview", "-o", str(out))
    assert result.exit_code == 1
    assert "[claimreview]" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_export_rejects_unknown_status(run) -> None:
    result = run("export", "--status", "maybe")
    assert result.exit_code == 2 and "--status" in result.output


CONTAINED = "Officials said the wildfire near the town was 80-percent contained on Friday."
CONTAINED_LATER = "Officials said the wildfire near the town had reached 100% containment."


def test_reread_brings_stored_claims_up_to_date_and_regroups(run, write_file, tmp_path) -> None:
    import sqlite3

    files = [
        write_file(
            "a.txt", f"source: Alpha\npublished: 2023-08-11\n\nFire update\n\n{CONTAINED}\n"
        ),
        write_file(
            "b.txt", f"source: Beta\npublished: 2023-09-16\n\nFire out\n\n{CONTAINED_LATER}\n"
        ),
    ]
    assert run("import", *map(str, files)).exit_code == 0
    # The reading an earlier release stored: a bare 80, no percentage.
    with sqlite3.connect(tmp_path / "cli.db") as connection:
        connection.execute(
            "UPDATE claim SET numbers = ? WHERE text = ?",
            (json.dumps([{"text": "80", "start": 55, "end": 57, "value": 80.0}]), CONTAINED),
        )
    run("group", "--full")
    assert {c["text"]: c["numbers"] for c in claims_json(run)}[CONTAINED][0].get("unit") is None

    result = run("reread")
    assert result.exit_code == 0
    assert "re-read 4 claim(s): 1 reading(s) changed" in result.stdout
    assert "grouped" in result.stdout  # a full regroup followed
    after = {claim["text"]: claim for claim in claims_json(run)}
    assert after[CONTAINED]["numbers"][0]["unit"] == "percent"
    assert after[CONTAINED]["suggested_outdated"]  # 80% then, a month later, 100%

    again = run("reread")
    assert "0 reading(s) changed" in again.stdout and "grouped" not in again.stdout
