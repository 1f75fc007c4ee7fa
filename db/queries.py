"""Queries and writes on a workbench database.

Functions take the session keyword-only; the caller owns the transaction (commit or roll back).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, func, or_, select, update
from sqlmodel import Session, col

from workbench.db.models import (
    VERDICTS,
    Article,
    Claim,
    ClaimGroup,
    ClaimStatus,
    Review,
    Source,
    SuggestedMatch,
)
from workbench.db.views import (
    ClaimDetail,
    ClaimView,
    CollectionStats,
    GroupView,
    QueueFilter,
    ReviewView,
    SuggestionView,
)


class NotFoundError(LookupError):
    """A claim or other row the user named does not exist."""


# Claim columns that a ClaimView takes as they are; selected as columns rather than whole
# Claim objects, because building ORM objects was most of the cost of long lists and exports.
_CLAIM_COLUMNS = (
    "id", "text", "status", "kind", "article_id", "char_start", "char_end", "numbers", "dates",
    "checkworthiness", "reasons", "speaker", "context", "group_id", "suggested_outdated",
    "differing_spans", "revision", "disagreement",
)  # fmt: skip


def _claim_view_query() -> Any:
    return (
        select(
            *(getattr(Claim, name) for name in _CLAIM_COLUMNS),
            col(Article.url).label("article_url"),
            col(Article.title).label("article_title"),
            col(Article.published).label("published"),
            col(Article.published_precision).label("published_precision"),
            col(Source.name).label("source"),
            col(ClaimGroup.relation).label("group_relation"),
            col(ClaimGroup.size).label("group_size"),
            col(ClaimGroup.source_count).label("group_sources"),
        )
        .join(Article, col(Claim.article_id) == col(Article.id))
        .outerjoin(Source, col(Article.source_id) == col(Source.id))
        .outerjoin(ClaimGroup, col(Claim.group_id) == col(ClaimGroup.id))
    )


def claim_values(row: Any) -> dict[str, Any]:
    """A _claim_view_query row as ClaimView's fields (what ClaimView.to_json gives, but for
    the publication date, which stays a date here)."""
    values: dict[str, Any] = row._asdict()
    values["group_size"] = values["group_size"] or 1
    values["group_sources"] = values["group_sources"] or 1
    return values


def _to_view(row: Any) -> ClaimView:
    return ClaimView(**claim_values(row))


def _filtered(query: Any, filters: QueueFilter) -> Any:
    if filters.status:
        query = query.where(col(Claim.status) == filters.status)
    if filters.source:
        pattern = f"%{_escape_like(filters.source)}%"
        query = query.where(
            or_(
                col(Source.name).ilike(pattern, escape="\\"),
                col(Source.domain).ilike(pattern, escape="\\"),
            )
        )
    if filters.relation:
        query = query.where(col(ClaimGroup.relation) == filters.relation)
    if filters.published_from:
        query = query.where(col(Article.published) >= filters.published_from)
    if filters.published_to:
        query = query.where(col(Article.published) <= filters.published_to)
    if filters.search:
        pattern = f"%{_escape_like(filters.search)}%"
        query = query.where(col(Claim.text).ilike(pattern, escape="\\"))
    return query


def review_queue(
    *, session: Session, filters: QueueFilter, offset: int = 0, limit: int = 200
) -> list[ClaimView]:
    """A page of the review queue, in priority order: claims in conflicting groups first,
    then the most check-worthy, then those reported by more sources."""
    conflicting = case((col(ClaimGroup.relation) == "conflicting", 0), else_=1)
    query = _filtered(_claim_view_query(), filters).order_by(
        col(Claim.disagreement).desc(),  # two reviewers disagreed: settle those first
        conflicting,
        col(Claim.checkworthiness).desc(),
        col(ClaimGroup.source_count).desc(),
        col(Claim.id),
    )
    return [_to_view(row) for row in session.execute(query.offset(offset).limit(limit))]


def count_queue(*, session: Session, filters: QueueFilter) -> int:
    query = _filtered(
        select(func.count())
        .select_from(Claim)
        .join(Article, col(Claim.article_id) == col(Article.id))
        .outerjoin(Source, col(Article.source_id) == col(Source.id))
        .outerjoin(ClaimGroup, col(Claim.group_id) == col(ClaimGroup.id)),
        filters,
    )
    return int(session.execute(query).scalar_one())


def list_claims(
    *,
    session: Session,
    status: str | None = None,
    source: str | None = None,
    search: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[ClaimView]:
    """Claims in review order: most check-worthy first, then by article and position."""
    filters = QueueFilter(status=status, source=source, search=search)
    query = (
        _filtered(_claim_view_query(), filters)
        .order_by(
            col(Claim.checkworthiness).desc(),
            col(Claim.article_id),
            col(Claim.ordinal),
        )
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    return [_to_view(row) for row in session.execute(query)]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def get_claim(*, session: Session, claim_id: int) -> ClaimView:
    row = session.execute(_claim_view_query().where(col(Claim.id) == claim_id)).first()
    if row is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    return _to_view(row)


def get_claim_detail(*, session: Session, claim_id: int) -> ClaimDetail:
    view = get_claim(session=session, claim_id=claim_id)
    article_text = session.execute(
        select(col(Article.text)).where(col(Article.id) == view.article_id)
    ).scalar_one()
    return ClaimDetail(
        claim=view,
        article_text=article_text,
        reviews=claim_reviews(session=session, claim_id=claim_id),
    )


def claim_reviews(*, session: Session, claim_id: int) -> list[ReviewView]:
    reviews = session.execute(
        select(Review).where(col(Review.claim_id) == claim_id).order_by(col(Review.id))
    ).scalars()
    return [
        ReviewView(
            id=review.id or 0,
            reviewer=review.reviewer,
            verdict=review.verdict,
            note=review.note,
            evidence_url=review.evidence_url,
            created_at=review.created_at,
            reverts_review_id=review.reverts_review_id,
        )
        for review in reviews
    ]


class StaleClaimError(RuntimeError):
    """The claim changed (in another window or process) since the caller last read it."""


def _advance_claim(
    session: Session,
    claim_id: int,
    status: str,
    expected_revision: int | None,
    **changes: Any,
) -> None:
    """Set the claim's status and bump its revision, only if it is still at the revision the
    caller saw: one UPDATE, so two windows writing at once cannot both succeed."""
    conditions = [col(Claim.id) == claim_id]
    if expected_revision is not None:
        conditions.append(col(Claim.revision) == expected_revision)
    result = session.execute(
        update(Claim)
        .where(*conditions)
        .values(status=status, revision=col(Claim.revision) + 1, **changes)
    )
    if result.rowcount:  # type: ignore[attr-defined]
        return
    if session.execute(select(col(Claim.id)).where(col(Claim.id) == claim_id)).first() is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    raise StaleClaimError(f"claim {claim_id} was changed elsewhere since it was shown")


def _append_review(
    session: Session, claim_id: int, reviewer: str, verdict: str, **fields: Any
) -> Review:
    review = Review(
        claim_id=claim_id,
        reviewer=reviewer,
        verdict=verdict,
        created_at=datetime.now(UTC),
        **fields,
    )
    session.add(review)
    session.flush()
    return review


def mark_claim(
    *,
    session: Session,
    claim_id: int,
    verdict: str,
    reviewer: str,
    note: str | None = None,
    evidence_url: str | None = None,
    expected_revision: int | None = None,
) -> Review:
    """Append a verdict to the review log and make it the claim's status.

    With `expected_revision`, refuse (StaleClaimError) when the claim changed since then.
    """
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict '{verdict}' (use {', '.join(VERDICTS)})")
    # A new verdict settles a disagreement between merged reviews.
    _advance_claim(session, claim_id, verdict, expected_revision, disagreement=False)
    return _append_review(
        session, claim_id, reviewer, verdict, note=note, evidence_url=evidence_url
    )


def annotate_claim(
    *,
    session: Session,
    claim_id: int,
    reviewer: str,
    note: str | None = None,
    evidence_url: str | None = None,
    expected_revision: int | None = None,
) -> Review:
    """Add a note or evidence link to the claim's standing verdict (a new log entry that
    keeps the verdict and carries the other field forward)."""
    standing = _standing_reviews(session=session, claim_id=claim_id)
    latest = standing[-1] if standing else None
    status = latest.verdict if latest else ClaimStatus.UNREVIEWED.value
    _advance_claim(session, claim_id, status, expected_revision)
    return _append_review(
        session,
        claim_id,
        reviewer,
        status,
        note=note if note is not None else (latest.note if latest else None),
        evidence_url=evidence_url
        if evidence_url is not None
        else (latest.evidence_url if latest else None),
    )


def undo_last_review(
    *, session: Session, claim_id: int, reviewer: str, expected_revision: int | None = None
) -> Review:
    """Append a revert of the claim's latest standing verdict; the log keeps both entries."""
    if session.execute(select(col(Claim.id)).where(col(Claim.id) == claim_id)).first() is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    standing = _standing_reviews(session=session, claim_id=claim_id)
    if not standing:
        raise NotFoundError(f"claim {claim_id} has no verdict to undo")
    undone = standing.pop()
    previous = standing[-1] if standing else None
    verdict = previous.verdict if previous else ClaimStatus.UNREVIEWED.value
    _advance_claim(session, claim_id, verdict, expected_revision)
    return _append_review(
        session,
        claim_id,
        reviewer,
        verdict,
        note=previous.note if previous else None,
        evidence_url=previous.evidence_url if previous else None,
        reverts_review_id=undone.id,
    )


def _standing_reviews(*, session: Session, claim_id: int) -> list[Review]:
    """The verdicts still in force: the log with reverted entries (and the reverts) removed."""
    log = list(
        session.execute(
            select(Review).where(col(Review.claim_id) == claim_id).order_by(col(Review.id))
        ).scalars()
    )
    reverted = {entry.reverts_review_id for entry in log if entry.reverts_review_id}
    return [entry for entry in log if entry.id not in reverted and not entry.reverts_review_id]


def collection_stats(*, session: Session) -> CollectionStats:
    def count(query: Any) -> int:
        return int(session.execute(query).scalar() or 0)

    by_status = {status.value: 0 for status in ClaimStatus}
    for status, number in session.execute(
        select(col(Claim.status), func.count()).group_by(col(Claim.status))
    ):
        by_status[status] = number
    by_kind: dict[str, int] = {
        kind: number
        for kind, number in session.execute(
            select(col(Claim.kind), func.count()).group_by(col(Claim.kind))
        )
    }
    by_relation = {
        relation: number
        for relation, number in session.execute(
            select(col(ClaimGroup.relation), func.count())
            .where(col(ClaimGroup.size) >= 2)
            .group_by(col(ClaimGroup.relation))
        )
    }
    return CollectionStats(
        sources=count(select(func.count()).select_from(Source)),
        articles=count(select(func.count()).select_from(Article)),
        claims=count(select(func.count()).select_from(Claim)),
        by_status=by_status,
        by_kind=by_kind,
        articles_without_date=count(
            select(func.count()).select_from(Article).where(col(Article.published).is_(None))
        ),
        groups=count(select(func.count()).select_from(ClaimGroup).where(col(ClaimGroup.size) >= 2)),
        largest_group=count(select(func.max(ClaimGroup.size))),
        groups_by_relation=by_relation,
        ungrouped=count(
            select(func.count()).select_from(Claim).where(col(Claim.group_id).is_(None))
        ),
    )


# Reviewers see disagreements first: conflicting groups, then outdated, then the rest.
_RELATION_ORDER = {"conflicting": 0, "outdated": 1, "repeated": 2, "single": 3}


def list_groups(
    *,
    session: Session,
    relation: str | None = None,
    min_size: int = 2,
    limit: int | None = 50,
) -> list[GroupView]:
    query = select(ClaimGroup).where(col(ClaimGroup.size) >= min_size)
    if relation:
        query = query.where(col(ClaimGroup.relation) == relation)
    groups = list(session.execute(query).scalars())
    groups.sort(key=lambda g: (_RELATION_ORDER.get(g.relation, 9), -g.source_count, -g.size, g.id))
    if limit is not None:
        groups = groups[:limit]
    return [_group_view(session, group) for group in groups]


def get_group(*, session: Session, group_id: int) -> GroupView:
    group = session.get(ClaimGroup, group_id)
    if group is None:
        raise NotFoundError(f"no group with id {group_id}")
    return _group_view(session, group)


def _group_view(session: Session, group: ClaimGroup) -> GroupView:
    rows = session.execute(
        _claim_view_query()
        .where(col(Claim.group_id) == group.id)
        .order_by(col(Article.published), col(Claim.id))
    )
    return GroupView(
        id=group.id or 0,
        relation=group.relation,
        reason=group.relation_reason,
        size=group.size,
        source_count=group.source_count,
        members=[_to_view(row) for row in rows],
    )


def list_suggestions(
    *, session: Session, limit: int | None = 50, group_id: int | None = None
) -> list[SuggestionView]:
    """Suggested matches, best first; with `group_id`, those touching that group's claims."""
    query = select(SuggestedMatch).order_by(
        col(SuggestedMatch.score).desc(), col(SuggestedMatch.id)
    )
    if group_id is not None:
        members = select(col(Claim.id)).where(col(Claim.group_id) == group_id)
        query = query.where(
            or_(
                col(SuggestedMatch.claim_a_id).in_(members),
                col(SuggestedMatch.claim_b_id).in_(members),
            )
        )
    if limit is not None:
        query = query.limit(limit)
    return [
        SuggestionView(
            id=suggestion.id or 0,
            score=suggestion.score,
            claim=get_claim(session=session, claim_id=suggestion.claim_a_id),
            other=get_claim(session=session, claim_id=suggestion.claim_b_id),
        )
        for suggestion in session.execute(query).scalars()
    ]
