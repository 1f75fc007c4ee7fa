"""Reading a JSONL export back in: other reviewers' verdicts join this database's log.

Claims are recognised by their article's content hash and their offsets in it, which do not
depend on either database's ids. A review already in the log (same reviewer, time, verdict,
note and evidence) is not added twice, so importing the same export again changes nothing.
Where the other database's verdict differs from the one in force here, both stay in the log
and the claim goes back to the queue marked as a disagreement: never silently overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlmodel import Session, col

from workbench.db.models import Article, Claim, ClaimStatus, Review

# The keys that tell a review export from a JSONL file of articles.
EXPORT_KEYS = frozenset({"schema_version", "article_content_hash", "char_start", "history"})
SUPPORTED_VERSIONS = frozenset({1})


class MergeError(Exception):
    """The whole file cannot be merged: where (file, or file#line) and why, in one line."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


@dataclass
class MergeReport:
    claims: int = 0  # records whose claim was found
    reviews_added: int = 0
    updated: int = 0  # claims whose status changed
    disagreements: int = 0
    unmatched: list[str] = field(default_factory=list)  # "file#line: reason"


def is_review_export(path: Path) -> bool:
    """True for a JSONL file whose first record is a workbench export record."""
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        return False
    try:
        with path.open("rb") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    return isinstance(record, dict) and EXPORT_KEYS <= record.keys()
    except (OSError, ValueError):
        return False
    return False


def merge_reviews(*, session: Session, path: Path) -> MergeReport:
    report = MergeReport()
    for origin, record in _records(path):
        claim_id = _find_claim(session, record)
        if claim_id is None:
            report.unmatched.append(f"{origin}: no claim at those offsets of that article here")
            continue
        report.claims += 1
        _merge_claim(session, claim_id, record, report)
    return report


def _records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise MergeError(str(path), str(error.strerror or error)) from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:
                raise MergeError(f"{path}#{number}", f"invalid JSON ({error})") from None
            if record.get("schema_version") not in SUPPORTED_VERSIONS:
                version = record.get("schema_version")
                raise MergeError(
                    f"{path}#{number}", f"export schema version {version} not supported"
                )
            yield f"{path}#{number}", record


def _find_claim(session: Session, record: dict[str, Any]) -> int | None:
    query = (
        select(col(Claim.id))
        .join(Article, col(Claim.article_id) == col(Article.id))
        .where(
            col(Article.content_hash) == record.get("article_content_hash"),
            col(Claim.char_start) == record.get("char_start"),
            col(Claim.char_end) == record.get("char_end"),
        )
    )
    return session.execute(query).scalar()


def _merge_claim(
    session: Session, claim_id: int, record: dict[str, Any], report: MergeReport
) -> None:
    claim = session.execute(select(Claim).where(col(Claim.id) == claim_id)).scalar_one()
    ours_latest, known = _local_log(session, claim_id)
    history = record.get("history", [])
    added = [entry for entry in history if _entry_key(entry) not in known]
    if not added:
        return
    session.execute(insert(Review), [_review_row(claim_id, entry) for entry in added])
    report.reviews_added += len(added)
    theirs = record.get("verdict")
    ours = claim.status if claim.status != ClaimStatus.UNREVIEWED else None
    # They saw our latest entry and went on from it: their verdict is the newer decision.
    superseded = ours_latest is not None and ours_latest in {_entry_key(e) for e in history}
    if theirs is None or theirs == ours:
        status, disagreement = claim.status, claim.disagreement
    elif (ours is None and not claim.disagreement) or superseded:
        status, disagreement = theirs, False
    else:
        status, disagreement = ClaimStatus.UNREVIEWED.value, True
        report.disagreements += 1
    report.updated += status != claim.status
    session.execute(
        update(Claim)
        .where(col(Claim.id) == claim_id)
        .values(
            status=status,
            disagreement=disagreement,
            revision=col(Claim.revision) + len(added),
        )
    )


def _entry_key(entry: dict[str, Any]) -> tuple[Any, ...]:
    return (
        entry.get("reviewer"),
        entry.get("verdict"),
        entry.get("note"),
        entry.get("evidence_url"),
        _moment(entry.get("created_at")),
    )


def _local_log(
    session: Session, claim_id: int
) -> tuple[tuple[Any, ...] | None, set[tuple[Any, ...]]]:
    """The key of this database's latest log entry for the claim, and every entry's key."""
    query = select(Review).where(col(Review.claim_id) == claim_id).order_by(col(Review.id))
    keys = [
        (
            review.reviewer,
            review.verdict,
            review.note,
            review.evidence_url,
            _moment(review.created_at),
        )
        for review in session.execute(query).scalars()
    ]
    return (keys[-1] if keys else None), set(keys)


def _moment(value: object) -> str | None:
    """A timestamp compared to the second, with or without a time zone written out."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=None, microsecond=0).isoformat()


def _review_row(claim_id: int, entry: dict[str, Any]) -> dict[str, Any]:
    created = entry.get("created_at")
    return {
        "claim_id": claim_id,
        "reviewer": entry.get("reviewer") or "unknown",
        "verdict": entry.get("verdict") or ClaimStatus.UNREVIEWED.value,
        "note": entry.get("note"),
        "evidence_url": entry.get("evidence_url"),
        # An undo from the other database is kept as the entry it was (what it restored); it
        # cannot point at a log entry of this one.
        "created_at": datetime.fromisoformat(created) if created else datetime.now(),
    }
