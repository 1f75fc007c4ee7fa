"""Reading a JSONL export into another database: verdicts restored, disagreements kept."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select, text

from workbench.db.engine import open_database
from workbench.db.models import Claim, Review
from workbench.db.queries import mark_claim
from workbench.export.records import ExportFilter, iter_export_records
from workbench.importers.pipeline import ImportRun

ARTICLE = (
    "source: Alpha\npublished: 2024-02-24\n\nAid report\n\n"
    "The EU has so far delivered 28 billion euros in military aid to Ukraine, officials said.\n\n"
    "The EU will have trained 60,000 Ukrainian soldiers by the summer of 2024, she added.\n"
)


def claim_id(database, fragment: str) -> int:
    with database.session() as session:
        query = select(Claim.id).where(Claim.text.contains(fragment))
        return session.execute(query).scalar_one()


def status(database, fragment: str) -> tuple[str, bool]:
    with database.session() as session:
        claim = session.get(Claim, claim_id(database, fragment))
        return claim.status, claim.disagreement


def export_jsonl(database, path: Path) -> Path:
    with database.session() as session:
        records = list(iter_export_records(session=session, filters=ExportFilter()))
    path.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in records))
    return path


def two_databases(tmp_path: Path, write_file):
    article = write_file("aid.txt", ARTICLE)
    first = open_database(str(tmp_path / "first.db"))
    second = open_database(str(tmp_path / "second.db"))
    ImportRun(first).run([article])
    ImportRun(second).run([article])
    return first, second


def mark(database, fragment: str, verdict: str, reviewer: str, note: str | None = None) -> None:
    with database.session() as session:
        mark_claim(
            session=session,
            claim_id=claim_id(database, fragment),
            verdict=verdict,
            reviewer=reviewer,
            note=note,
        )


def test_round_trip_restores_verdicts(tmp_path: Path, write_file) -> None:
    first, second = two_databases(tmp_path, write_file)
    mark(first, "28 billion", "confirmed", "ana", note="matches the release")
    mark(first, "60,000", "outdated", "ana")
    exported = export_jsonl(first, tmp_path / "first.jsonl")
    report = ImportRun(second).run([exported])
    assert report.failures == [] and report.imported == 0
    [merged] = report.merges
    assert (merged.claims, merged.reviews_added, merged.disagreements) == (2, 2, 0)
    assert status(second, "28 billion") == ("confirmed", False)
    assert status(second, "60,000") == ("outdated", False)
    again = export_jsonl(second, tmp_path / "second.jsonl")
    verdicts = lambda path: sorted(  # noqa: E731
        (r["text"], r["verdict"], r["reviewer"], r["note"])
        for r in map(json.loads, path.read_text().splitlines())
    )
    assert verdicts(again) == verdicts(exported)
    # The same export again adds nothing.
    assert ImportRun(second).run([exported]).merges[0].reviews_added == 0


def test_disagreement_keeps_both_verdicts_and_requeues(tmp_path: Path, write_file) -> None:
    first, second = two_databases(tmp_path, write_file)
    mark(first, "28 billion", "confirmed", "ana")
    mark(second, "28 billion", "disputed", "ben")
    report = ImportRun(second).run([export_jsonl(first, tmp_path / "ana.jsonl")])
    assert report.merges[0].disagreements == 1
    assert status(second, "28 billion") == ("unreviewed", True)
    with second.session() as session:
        log = session.execute(
            select(Review.reviewer, Review.verdict).order_by(Review.created_at)
        ).all()
    assert sorted(log) == [("ana", "confirmed"), ("ben", "disputed")]
    # A reviewer deciding again settles it.
    mark(second, "28 billion", "disputed", "cho")
    assert status(second, "28 billion") == ("disputed", False)


def test_a_later_verdict_by_the_other_side_is_not_a_disagreement(tmp_path, write_file) -> None:
    first, second = two_databases(tmp_path, write_file)
    mark(first, "28 billion", "confirmed", "ana")
    ImportRun(second).run([export_jsonl(first, tmp_path / "one.jsonl")])
    mark(first, "28 billion", "disputed", "ana", note="the release was corrected")
    report = ImportRun(second).run([export_jsonl(first, tmp_path / "two.jsonl")])
    assert report.merges[0].disagreements == 0
    assert status(second, "28 billion") == ("disputed", False)


def test_unknown_claims_and_bad_files_are_reported(tmp_path: Path, write_file) -> None:
    first, second = two_databases(tmp_path, write_file)
    mark(first, "28 billion", "confirmed", "ana")
    exported = export_jsonl(first, tmp_path / "x.jsonl")
    with second.session() as session:
        session.execute(text("UPDATE article SET content_hash = 'changed'"))
    report = ImportRun(second).run([exported])
    assert report.merges[0].claims == 0 and len(report.merges[0].unmatched) == 1
    broken = tmp_path / "broken.jsonl"
    broken.write_text(exported.read_text().splitlines()[0] + "\n{not json\n")
    failed = ImportRun(second).run([broken])
    assert failed.failures and "invalid JSON" in failed.failures[0][1]
    with second.session() as session:  # nothing half-merged from the broken file
        assert session.execute(select(Review)).first() is None
