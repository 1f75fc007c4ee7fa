"""One export record per claim, built in batches with a handful of queries per batch.

The record is the `claims --json` view plus the review (latest verdict and full history), the
group with every member's source, URL and date, and the article's content hash, which is how
another database recognises the claim when the export is imported there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from workbench.db.models import Article, Claim, ClaimGroup, ClaimStatus, Review, Source
from workbench.db.queries import _claim_view_query, _to_view

SCHEMA_VERSION = 1
BATCH = 2000


@dataclass(frozen=True)
class ExportFilter:
    statuses: frozenset[str] = frozenset({"confirmed", "disputed", "outdated"})  # empty: all
    source: str | None = None
    since: date | None = None  # latest review on or after this day
    relation: str | None = None


def _filtered_ids(session: Session, filters: ExportFilter) -> list[int]:
    query = (
        select(col(Claim.id))
        .join(Article, col(Claim.article_id) == col(Article.id))
        .outerjoin(Source, col(Article.source_id) == col(Source.id))
        .outerjoin(ClaimGroup, col(Claim.group_id) == col(ClaimGroup.id))
    )
    if filters.statuses:
        query = query.where(col(Claim.status).in_(sorted(filters.statuses)))
    if filters.source:
        pattern = f"%{filters.source}%"
        query = query.where(col(Source.name).ilike(pattern) | col(Source.domain).ilike(pattern))
    if filters.relation:
        query = query.where(col(ClaimGroup.relation) == filters.relation)
    if filters.since:
        reviewed_since = select(col(Review.claim_id)).where(
            func.date(col(Review.created_at)) >= filters.since.isoformat()
        )
        query = query.where(col(Claim.id).in_(reviewed_since))
    return list(session.execute(query.order_by(col(Claim.id))).scalars())


def count_export_records(*, session: Session, filters: ExportFilter) -> int:
    return len(_filtered_ids(session, filters))


def iter_export_records(
    *, session: Session, filters: ExportFilter, batch: int = BATCH
) -> Iterator[dict[str, Any]]:
    """Records in claim-id order (so the same database always gives the same file)."""
    ids = _filtered_ids(session, filters)
    for start in range(0, len(ids), batch):
        yield from _records(session, ids[start : start + batch])


def _records(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    rows = list(session.execute(_claim_view_query().where(col(Claim.id).in_(ids))))
    rows.sort(key=lambda row: row[0].id)
    history = _histories(session, ids)
    hashes = _content_hashes(session, {row[0].article_id for row in rows})
    groups = _group_members(session, {row[0].group_id for row in rows if row[0].group_id})
    records = []
    for row in rows:
        view = _to_view(row)
        record = {"schema_version": SCHEMA_VERSION, **view.to_json()}
        record["article_content_hash"] = hashes[view.article_id]
        record.update(_latest(view.status, history.get(view.id, [])))
        record["history"] = history.get(view.id, [])
        group = groups.get(view.group_id) if view.group_id else None
        record["group"] = (
            {"id": view.group_id, "relation": view.group_relation, "members": group}
            if group and len(group) > 1
            else None
        )
        records.append(record)
    return records


def _iso(moment: datetime | date | None) -> str | None:
    return moment.isoformat() if moment else None


def _histories(session: Session, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    history: dict[int, list[dict[str, Any]]] = defaultdict(list)
    query = select(Review).where(col(Review.claim_id).in_(ids)).order_by(col(Review.id))
    for review in session.execute(query).scalars():
        history[review.claim_id].append(
            {
                "reviewer": review.reviewer,
                "verdict": review.verdict,
                "note": review.note,
                "evidence_url": review.evidence_url,
                "created_at": _iso(review.created_at),
                "undo": review.reverts_review_id is not None,
            }
        )
    return history


def _latest(status: str, history: list[dict[str, Any]]) -> dict[str, Any]:
    """The verdict in force and the log entry that set it (the last entry: undo entries
    restore the previous verdict, note and evidence, so the last one always describes it)."""
    last = history[-1] if history and status != ClaimStatus.UNREVIEWED else None
    return {
        "verdict": status if last else None,
        "reviewer": last["reviewer"] if last else None,
        "note": last["note"] if last else None,
        "evidence_url": last["evidence_url"] if last else None,
        "reviewed_at": last["created_at"] if last else None,
    }


def _content_hashes(session: Session, article_ids: set[int]) -> dict[int, str]:
    query = select(col(Article.id), col(Article.content_hash)).where(
        col(Article.id).in_(sorted(article_ids))
    )
    return {article_id: content_hash for article_id, content_hash in session.execute(query)}


def _group_members(session: Session, group_ids: set[int]) -> dict[int, list[dict[str, Any]]]:
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not group_ids:
        return members
    query = (
        select(
            col(Claim.group_id), col(Claim.id), col(Source.name), col(Article.url),
            col(Article.published),
        )
        .join(Article, col(Claim.article_id) == col(Article.id))
        .outerjoin(Source, col(Article.source_id) == col(Source.id))
        .where(col(Claim.group_id).in_(sorted(group_ids)))
        .order_by(col(Article.published), col(Claim.id))
    )  # fmt: skip
    for group_id, claim_id, source, url, published in session.execute(query):
        members[group_id].append(
            {"claim_id": claim_id, "source": source, "url": url, "published": _iso(published)}
        )
    return members


@dataclass
class ExportSummary:
    records: int = 0
    by_verdict: dict[str, int] = field(default_factory=dict)
