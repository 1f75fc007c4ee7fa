"""Export writers: golden files for every format on the demo corpus, the ClaimReview fields,
CSV round trip and formula guard, the JSON Schema, determinism, atomic writes, escaping.

Regenerate the golden files after an intended change with
``UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_export.py`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, update
from sqlmodel import col

from workbench.db.engine import Database, open_database
from workbench.db.models import Claim, Review
from workbench.db.queries import mark_claim
from workbench.demo import demo_corpus_files
from workbench.export.claimreview import (
    CLAIM_REVIEWED_LIMIT,
    ClaimReviewSettings,
    claimreview_settings,
    shorten,
)
from workbench.export.records import ExportFilter, iter_export_records
from workbench.export.writers import (
    CSV_COLUMNS,
    FORMATS,
    ExportError,
    md_escape,
    render_markdown,
    write_export,
)
from workbench.importers.pipeline import ImportRun
from workbench.matching.grouping import GroupingSettings
from workbench.matching.service import regroup_all

REPO_ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
SCHEMA = REPO_ROOT / "workbench" / "export" / "claim_export.schema.json"
GOLDEN_NAMES = {
    "jsonl": "export.jsonl",
    "json": "export.json",
    "csv": "export.csv",
    "md": "export.md",
    "claimreview": "export.claimreview.json",
}
SETTINGS = ClaimReviewSettings(
    organisation="Example Fact Desk",
    organisation_url="https://factdesk.example",
    base_url="https://factdesk.example/checks",
)
TRICKY_NOTE = '=HYPERLINK("x") target, not "trained",\nsecond line'
# (text that picks exactly one claim, verdict, note, evidence URL); one review each, in order.
MARKS = [
    ("delivered 28 million euros in military assistance", "disputed",
     "The Commission's figure is 28 billion, not million.", "https://commission.example/aid"),
    ("the EU had so far delivered 28 billion euros", "confirmed", None,
     "https://commission.example/aid"),
    ("Ammunition production in Europe has risen by 40%", "confirmed", None, None),
    ("Speaking in Kyiv on Saturday", "disputed", "She said 40%, per the transcript.",
     "https://commission.example/transcript"),
    ("EU defence innovation office opens its doors", "confirmed", None, None),
    ("EU to set up defence innovation office in Kyiv", "confirmed", None, None),
    ("EU to set up defence innovation office in Kyiv", "outdated",
     "The office opened in October 2024.", "https://commission.example/office"),
    ("60,000 Ukrainian soldiers by the summer of 2024, she added", "confirmed", TRICKY_NOTE, None),
    ("Before leaving, the Commission president handed over 50", "confirmed", None, None),
    ("she handed over 15 police vehicles", "disputed", "Other reports say 50 vehicles.", None),
    # A claim no other report repeats: the golden files keep one outside any group.
    ("The figure matters in Kyiv at a time when", "confirmed", None, None),
]  # fmt: skip
FIRST_REVIEW = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def claim_id_containing(database: Database, fragment: str) -> int:
    """Claims are picked by text, not id: ids move when the demo corpus changes."""
    with database.session() as session:
        query = select(col(Claim.id)).where(col(Claim.text).contains(fragment))
        ids = list(session.execute(query).scalars())
    assert len(ids) == 1, f"{fragment!r} picks {len(ids)} claims"
    return ids[0]


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("export") / "demo.db"))
    ImportRun(database).run(demo_corpus_files())
    with database.session() as session:
        regroup_all(session=session, settings=GroupingSettings())
    for number, (fragment, verdict, note, evidence) in enumerate(MARKS):
        claim_id = claim_id_containing(database, fragment)
        with database.session() as session:
            review = mark_claim(
                session=session, claim_id=claim_id, verdict=verdict, reviewer="ana",
                note=note, evidence_url=evidence,
            )  # fmt: skip
            # Verdicts are stamped "now"; golden files need the same time on every run.
            fixed = FIRST_REVIEW + timedelta(hours=number)
            session.execute(
                update(Review).where(col(Review.id) == review.id).values(created_at=fixed)
            )
    yield database
    database.close()


@pytest.fixture(scope="module")
def records(demo_database: Database) -> list[dict[str, Any]]:
    with demo_database.session() as session:
        return list(iter_export_records(session=session, filters=ExportFilter()))


def export_bytes(records: list[dict[str, Any]], fmt: str, folder: Path) -> bytes:
    target = folder / f"out.{fmt}"
    write_export(records=iter(records), fmt=fmt, destination=target, claimreview=SETTINGS)
    return target.read_bytes()


def written_reviews(records: list[dict[str, Any]], folder: Path) -> list[dict[str, Any]]:
    reviews = json.loads(export_bytes(records, "claimreview", folder))
    assert isinstance(reviews, list)
    return reviews


# ---- golden files


@pytest.mark.parametrize("fmt", FORMATS)
def test_matches_golden_file(records: list[dict[str, Any]], fmt: str, tmp_path: Path) -> None:
    produced = export_bytes(records, fmt, tmp_path)
    golden = GOLDEN / GOLDEN_NAMES[fmt]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced)
    assert golden.is_file(), f"{golden} missing: run with UPDATE_GOLDEN=1"
    assert produced == golden.read_bytes(), f"{fmt} differs from {golden} (UPDATE_GOLDEN=1?)"


def test_golden_set_is_the_reviewed_claims(records: list[dict[str, Any]]) -> None:
    assert len(records) == len({fragment for fragment, *_ in MARKS})
    assert all(record["verdict"] for record in records)


# ---- JSON Schema


def schema_errors(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str) -> list[str]:
    """A small validator for the JSON Schema keywords claim_export.schema.json uses, for when
    the jsonschema package is not installed."""
    if "$ref" in schema:
        schema = {**root["$defs"][schema["$ref"].rsplit("/", 1)[1]], **schema}
        del schema["$ref"]
    errors: list[str] = []
    if "oneOf" in schema:
        matching = [s for s in schema["oneOf"] if not schema_errors(value, s, root, at)]
        errors += [] if len(matching) == 1 else [f"{at}: matches {len(matching)} of oneOf"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{at}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{at}: {value!r} not in {schema['enum']}")
    if "type" in schema and not has_type(value, schema["type"]):
        return errors + [f"{at}: {value!r} is not {schema['type']}"]
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append(f"{at}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < schema.get("minimum", value) or value > schema.get("maximum", value):
            errors.append(f"{at}: {value} out of range")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{at}: fewer than {schema['minItems']} items")
        for index, item in enumerate(value):
            errors += schema_errors(item, schema.get("items", {}), root, f"{at}[{index}]")
    if isinstance(value, dict):
        errors += object_errors(value, schema, root, at)
    return errors


def object_errors(value: dict[str, Any], schema: dict[str, Any], root: dict[str, Any], at: str):
    properties = schema.get("properties", {})
    errors = [f"{at}: missing {key}" for key in schema.get("required", []) if key not in value]
    if schema.get("additionalProperties") is False:
        errors += [f"{at}: unexpected {key}" for key in value if key not in properties]
    for key, item in value.items():
        if key in properties:
            errors += schema_errors(item, properties[key], root, f"{at}.{key}")
    return errors


def has_type(value: Any, expected: str | list[str]) -> bool:
    checks = {
        "null": lambda v: v is None,
        "boolean": lambda v: isinstance(v, bool),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "string": lambda v: isinstance(v, str),
        "array": lambda v: isinstance(v, list),
        "object": lambda v: isinstance(v, dict),
    }
    names = [expected] if isinstance(expected, str) else expected
    return any(checks[name](value) for name in names)


def jsonl_records(records: list[dict[str, Any]], folder: Path) -> list[dict[str, Any]]:
    lines = export_bytes(records, "jsonl", folder).decode("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_jsonl_matches_schema(records: list[dict[str, Any]], tmp_path: Path) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"] == {"const": 1, **_description(schema)}
    for record in jsonl_records(records, tmp_path):
        assert schema_errors(record, schema, schema, f"claim {record['id']}") == []


def _description(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": schema["properties"]["schema_version"]["description"]}


def test_schema_check_catches_a_bad_record(records: list[dict[str, Any]]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    bad = {**records[0], "schema_version": 2, "surprise": 1, "history": [{"undo": "no"}]}
    errors = schema_errors(bad, schema, schema, "record")
    assert any("schema_version" in error for error in errors)
    assert any("unexpected surprise" in error for error in errors)
    assert any("history[0]" in error for error in errors)


def test_jsonl_matches_schema_with_jsonschema(
    records: list[dict[str, Any]], tmp_path: Path
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for record in jsonl_records(records, tmp_path):
        assert list(validator.iter_errors(record)) == []


# ---- ClaimReview


def test_claimreview_fields(records: list[dict[str, Any]], tmp_path: Path) -> None:
    reviews = written_reviews(records, tmp_path)
    by_url = {review["url"]: review for review in reviews}
    assert len(reviews) == len(records)
    for record in records:
        review = by_url[f"https://factdesk.example/checks/claims/{record['id']}"]
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert review["author"] == {
            "@type": "Organization",
            "name": "Example Fact Desk",
            "url": "https://factdesk.example",
        }
        assert review["datePublished"] == record["reviewed_at"][:10]
        check_rating(review["reviewRating"], record["verdict"])
        check_claim(review, record)


def check_rating(rating: dict[str, Any], verdict: str) -> None:
    expected = {
        "confirmed": (3, "Confirmed"),
        "outdated": (2, "Outdated"),
        "disputed": (1, "Disputed"),
    }
    assert rating["@type"] == "Rating"
    assert (rating["ratingValue"], rating["alternateName"]) == expected[verdict]
    assert (rating["bestRating"], rating["worstRating"]) == (3, 1)


def check_claim(review: dict[str, Any], record: dict[str, Any]) -> None:
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["text"] == record["text"]
    assert len(review["claimReviewed"]) <= CLAIM_REVIEWED_LIMIT
    if len(record["text"]) > CLAIM_REVIEWED_LIMIT:
        assert review["claimReviewed"].endswith("…")
        assert record["text"].startswith(review["claimReviewed"][:-1])
    else:
        assert review["claimReviewed"] == record["text"]
    members = record["group"]["members"] if record["group"] else [own_article(record)]
    sources = {member["source"] or member["url"] for member in members}
    assert len(claim["appearance"]) == len(sources)
    assert all(work["@type"] == "CreativeWork" for work in claim["appearance"])
    earliest = min(member["published"] for member in members)
    assert claim["firstAppearance"]["datePublished"] == earliest
    assert claim["firstAppearance"] in claim["appearance"]


def own_article(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "source": record["source"],
        "url": record["article_url"],
        "published": record["published"],
    }


def test_claimreview_covers_groups_and_long_claims(records: list[dict[str, Any]]) -> None:
    """The golden set exercises what the field checks are about."""
    assert any(record["group"] and record["group_sources"] > 1 for record in records)
    assert any(record["group"] is None for record in records)
    assert any(len(record["text"]) > CLAIM_REVIEWED_LIMIT for record in records)


def test_claimreview_skips_unreviewed_claims(demo_database: Database, tmp_path: Path) -> None:
    with demo_database.session() as session:
        everything = list(
            iter_export_records(session=session, filters=ExportFilter(statuses=frozenset()))
        )
    target = tmp_path / "all.json"
    written = write_export(
        records=everything, fmt="claimreview", destination=target, claimreview=SETTINGS
    )
    assert written == len(json.loads(target.read_text(encoding="utf-8"))) == len(MARKS) - 1


def test_claimreview_settings_from_config() -> None:
    settings = claimreview_settings(
        {"claimreview": {"organisation": "Desk", "base_url": "https://desk.example/"}}
    )
    assert settings == ClaimReviewSettings("Desk", None, "https://desk.example")


@pytest.mark.parametrize(
    "file_values",
    [{}, {"claimreview": {"organisation": "Desk"}}, {"claimreview": {"base_url": "https://x"}}],
)
def test_missing_claimreview_config_is_a_clear_error(file_values: dict[str, Any]) -> None:
    with pytest.raises(ExportError, match=r"set \[claimreview\] organisation and base_url in"):
        claimreview_settings(file_values)


def test_claimreview_without_settings_writes_nothing(
    records: list[dict[str, Any]], tmp_path: Path
) -> None:
    target = tmp_path / "reviews.json"
    with pytest.raises(ExportError, match="organisation and base_url"):
        write_export(records=records, fmt="claimreview", destination=target)
    assert list(tmp_path.iterdir()) == []


def test_bad_claimreview_names_the_claim(records: list[dict[str, Any]], tmp_path: Path) -> None:
    broken = [records[0], {**records[1], "text": "  "}, records[2]]
    target = tmp_path / "reviews.json"
    with pytest.raises(ExportError, match=f"claim {records[1]['id']}: bad ClaimReview"):
        write_export(records=broken, fmt="claimreview", destination=target, claimreview=SETTINGS)
    assert list(tmp_path.iterdir()) == []


@given(st.text(alphabet=st.sampled_from("ab cd\n,é…"), max_size=200))
def test_shorten_keeps_within_the_limit_at_a_word_boundary(text: str) -> None:
    short = shorten(text)
    flat = " ".join(text.split())
    assert len(short) <= CLAIM_REVIEWED_LIMIT
    if len(flat) <= CLAIM_REVIEWED_LIMIT:
        assert short == flat
    else:
        head = short.removesuffix("…")
        assert flat.startswith(head)
        assert " " not in flat[: CLAIM_REVIEWED_LIMIT - 1] or flat[len(head)] in " ,"


# ---- CSV


def read_csv(records: list[dict[str, Any]], folder: Path) -> list[dict[str, str]]:
    raw = export_bytes(records, "csv", folder)
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_reads_back(records: list[dict[str, Any]], tmp_path: Path) -> None:
    rows = read_csv(records, tmp_path)
    assert [int(row["id"]) for row in rows] == [record["id"] for record in records]
    assert [row["verdict"] for row in rows] == [record["verdict"] for record in records]
    notes = [row["note"] for row in rows]
    assert notes == [guarded(record["note"]) for record in records]
    assert "'" + TRICKY_NOTE in notes  # comma, quotes, newline and a leading "=" survive
    row = rows[0]
    assert json.loads(row["history"]) == records[0]["history"]
    assert row["suggested_outdated"] in {"true", "false"}


def guarded(note: str | None) -> str:
    return "" if note is None else ("'" + note if note[:1] in "=+-@" and note else note)


def test_csv_lines_end_with_crlf(records: list[dict[str, Any]], tmp_path: Path) -> None:
    raw = export_bytes(records, "csv", tmp_path)
    assert raw.count(b"\r\n") == len(records) + 1  # the note's own newline stays a bare \n
    assert raw.split(b"\r\n")[0] == ("\ufeff" + ",".join(CSV_COLUMNS)).encode("utf-8")


def test_csv_has_a_column_for_every_record_field(records: list[dict[str, Any]]) -> None:
    flattened = set(records[0]) - {"group"} | {"group_members"}
    assert flattened == set(CSV_COLUMNS)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_guards_formula_cells(records: list[dict[str, Any]], start: str, tmp_path: Path):
    record = {**records[0], "text": f"{start}1+2", "speaker": f"{start}cmd"}
    rows = read_csv([record], tmp_path)
    assert rows[0]["text"] == f"'{start}1+2"
    assert rows[0]["speaker"] == f"'{start}cmd"


# ---- determinism, atomicity, stdout, progress


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_database_same_bytes(demo_database: Database, fmt: str, tmp_path: Path) -> None:
    outputs = []
    for name in ("first", "second"):
        target = tmp_path / name
        with demo_database.session() as session:
            records = iter_export_records(session=session, filters=ExportFilter())
            write_export(records=records, fmt=fmt, destination=target, claimreview=SETTINGS)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


def failing(records: list[dict[str, Any]], error: BaseException) -> Iterator[dict[str, Any]]:
    yield from records[:3]
    raise error


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("error", [RuntimeError("database went away"), KeyboardInterrupt()])
def test_failed_export_leaves_no_file(
    records: list[dict[str, Any]], fmt: str, error: BaseException, tmp_path: Path
) -> None:
    target = tmp_path / "export.out"
    with pytest.raises(type(error)):
        write_export(records=failing(records, error), fmt=fmt, destination=target,
                     claimreview=SETTINGS)  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_failed_export_keeps_the_previous_file(records: list[dict[str, Any]], tmp_path: Path):
    target = tmp_path / "export.jsonl"
    target.write_bytes(b"previous export\n")
    target.chmod(0o640)
    with pytest.raises(RuntimeError):
        write_export(records=failing(records, RuntimeError()), fmt="jsonl", destination=target)
    assert target.read_bytes() == b"previous export\n"
    assert list(tmp_path.iterdir()) == [target]
    write_export(records=records, fmt="jsonl", destination=target)
    assert target.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its permissions


def test_unwritable_destination_is_an_export_error(records: list[dict[str, Any]], tmp_path: Path):
    with pytest.raises(ExportError, match="cannot write"):
        write_export(records=records, fmt="jsonl", destination=tmp_path / "missing" / "x.jsonl")
    with pytest.raises(ExportError, match="is a folder"):
        write_export(records=records, fmt="jsonl", destination=tmp_path)


def test_unknown_format(records: list[dict[str, Any]], tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format 'xml'"):
        write_export(records=records, fmt="xml", destination=tmp_path / "x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_stdout_gets_the_same_bytes(
    records: list[dict[str, Any]], fmt: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture
) -> None:
    assert write_export(records=records, fmt=fmt, destination=None) == len(records)
    assert capsysbinary.readouterr().out == export_bytes(records, fmt, tmp_path)


def test_progress_every_thousand_and_at_the_end(
    records: list[dict[str, Any]], tmp_path: Path
) -> None:
    many = (dict(records[0], id=number) for number in range(2500))
    seen: list[int] = []
    written = write_export(
        records=many, fmt="csv", destination=tmp_path / "many.csv", progress=seen.append
    )
    assert (written, seen) == (2500, [1000, 2000, 2500])


def test_json_lines_stay_lines_whatever_the_text(records: list[dict[str, Any]], tmp_path: Path):
    odd = {**records[0], "text": "one\u2028two\u2029three\x85four\x1b[31m"}
    lines = export_bytes([odd, records[1]], "jsonl", tmp_path).decode("utf-8").splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["text"] == odd["text"]


def test_empty_exports_are_valid(tmp_path: Path) -> None:
    for fmt in ("json", "claimreview"):
        assert json.loads(export_bytes([], fmt, tmp_path)) == []
    assert export_bytes([], "jsonl", tmp_path) == b""


# ---- Markdown


def test_markdown_escapes_markup_in_article_text(records: list[dict[str, Any]]) -> None:
    text = "[bold]Kyiv[/bold] said [link](http://x) and *x* _y_ `z` <b>w</b> # \x1b[31m"
    record = {**records[0], "text": text, "note": "1. not a list | &amp;"}
    report = render_markdown([record])
    assert "\\[bold\\]Kyiv\\[/bold\\]" in report
    assert "\\[link\\](http://x)" in report
    assert "\\*x\\*" in report and "\\_y\\_" in report and "\\`z\\`" in report
    assert "\\<b\\>w\\</b\\>" in report
    assert "\\x1b" in report and "\x1b" not in report
    assert "- Note: 1\\. not a list \\| \\&amp;" in report
    assert "[link](" not in report.replace("\\[link\\](", "")


def test_markdown_escape_blocks_line_start_markup() -> None:
    assert md_escape("1. first") == "1\\. first"
    assert md_escape("- item") == "\\- item"
    assert md_escape("# heading\n\nnext") == "\\# heading next"


def test_markdown_orders_conflicts_first(records: list[dict[str, Any]]) -> None:
    report = render_markdown(records)
    headings = [line for line in report.splitlines() if line.startswith("## ")]
    kinds = [heading.split(" · ")[0] for heading in headings]
    order = [
        "## Conflicting reports",
        "## Outdated by a later report",
        "## Repeated across reports",
        "## Claims reported once",
    ]
    assert kinds == sorted(kinds, key=order.index)
    assert kinds[0] == "## Conflicting reports" and kinds[-1] == "## Claims reported once"
    assert "28 million EUR vs 28 billion EUR elsewhere" in report  # the conflict spelled out
    assert "<https://commission.example/aid>" in report
