"""Read-only views for the reading screens: one article with its claims, and the overview.

Like the other queries, functions take the session keyword-only and return frozen view
objects, never ORM rows. Counts are GROUP BY queries, so the overview stays quick on a
collection of a hundred thousand claims.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from workbench.db.models import (
    Article,
    Claim,
    ClaimGroup,
    ClaimStatus,
    GroupRelation,
    Review,
    Source,
)
from workbench.db.queries import NotFoundError

ALL_SOURCES = "All sources"
UNKNOWN_SOURCE = "(unknown source)"
RECENT_REVIEWS = 20


@dataclass(frozen=True)
class ArticleClaimSpan:
    """Where one claim sits in its article's text, and how far its review has got."""

    claim_id: int
    start: int
    end: int
    status: str
    kind: str
    group_relation: str | None  # None when the claim belongs to no group


@dataclass(frozen=True)
class ArticleView:
    id: int
    title: str | None
    url: str | None
    source: str | None
    published: date | None
    author: str | None
    text: str
    claims: list[ArticleClaimSpan]  # ordered by position in the text


@dataclass(frozen=True)
class SourceCounts:
    source: str
    claims: int
    by_status: dict[str, int]
    # Groups of two or more claims with a member from this source, by relation.
    groups_by_relation: dict[str, int]


@dataclass(frozen=True)
class RecentReview:
    claim_id: int
    verdict: str
    reviewer: str
    created_at: datetime
    claim_text: str
    is_undo: bool  # an undo entry: `verdict` is what the claim went back to


@dataclass(frozen=True)
class OverviewView:
    overall: SourceCounts
    sources: list[SourceCounts]  # most claims first
    reviewed_today: int  # verdicts given today (UTC), undos not counted
    reviewers_today: dict[str, int]
    recent: list[RecentReview] = field(default_factory=list)  # newest first


def get_article_view(*, session: Session, article_id: int) -> ArticleView:
    row = session.execute(
        select(Article, col(Source.name))
        .outerjoin(Source, col(Article.source_id) == col(Source.id))
        .where(col(Article.id) == article_id)
    ).first()
    if row is None:
        raise NotFoundError(f"no article with id {article_id}")
    article, source = row
    return ArticleView(
        id=article_id,
        title=article.title,
        url=article.url,
        source=source,
        published=article.published,
        author=article.author,
        text=article.text,
        claims=_claim_spans(session, article_id),
    )


def _claim_spans(session: Session, article_id: int) -> list[ArticleClaimSpan]:
    rows = session.execute(
        select(
            col(Claim.id),
            col(Claim.char_start),
            col(Claim.char_end),
            col(Claim.status),
            col(Claim.kind),
            col(ClaimGroup.relation),
        )
        .outerjoin(ClaimGroup, col(Claim.group_id) == col(ClaimGroup.id))
        .where(col(Claim.article_id) == article_id)
        .order_by(col(Claim.char_start), col(Claim.id))
    )
    return [
        ArticleClaimSpan(
            claim_id=claim_id, start=start, end=end, status=status, kind=kind, group_relation=rel
        )
        for claim_id, start, end, status, kind, rel in rows
    ]


def get_overview(*, session: Session, today: date) -> OverviewView:
    sources = _source_counts(session)
    reviewers = _reviewers_on(session, today)
    return OverviewView(
        overall=_overall_counts(session),
        sources=sorted(sources, key=lambda counts: (-counts.claims, counts.source)),
        reviewed_today=sum(reviewers.values()),
        reviewers_today=reviewers,
        recent=_recent_reviews(session),
    )


def _empty_status_counts() -> dict[str, int]:
    return {status.value: 0 for status in ClaimStatus}


def _empty_relation_counts() -> dict[str, int]:
    return {relation.value: 0 for relation in GroupRelation}


def _source_counts(session: Session) -> list[SourceCounts]:
    status_rows = session.execute(
        select(col(Source.name), col(Claim.status), func.count())
        .select_from(Claim)
        .join(Article, col(Claim.article_id) == col(Article.id))
        .outerjoin(Source, col(Article.source_id) == col(Source.id))
        .group_by(col(Article.source_id), col(Source.name), col(Claim.status))
    )
    # A group is counted once for every source that has a member in it.
    relation_rows = session.execute(
        select(col(Source.name), col(ClaimGroup.relation), func.count(func.distinct(ClaimGroup.id)))
        .select_from(Claim)
        .join(ClaimGroup, col(Claim.group_id) == col(ClaimGroup.id))
        .join(Article, col(Claim.article_id) == col(Article.id))
        .outerjoin(Source, col(Article.source_id) == col(Source.id))
        .where(col(ClaimGroup.size) >= 2)
        .group_by(col(Article.source_id), col(Source.name), col(ClaimGroup.relation))
    )
    by_status = _tally(status_rows, _empty_status_counts)
    by_relation = _tally(relation_rows, _empty_relation_counts)
    return [
        SourceCounts(
            source=name,
            claims=sum(statuses.values()),
            by_status=statuses,
            groups_by_relation=by_relation.get(name, _empty_relation_counts()),
        )
        for name, statuses in by_status.items()
    ]


def _tally(rows: Iterable[Any], empty: Any) -> dict[str, dict[str, int]]:
    """(source, key, count) rows as counts per source name; a missing name is the unknown source."""
    tally: dict[str, dict[str, int]] = {}
    for name, key, number in rows:
        counts = tally.setdefault(name or UNKNOWN_SOURCE, empty())
        counts[key] = counts.get(key, 0) + number
    return tally


def _overall_counts(session: Session) -> SourceCounts:
    statuses = _empty_status_counts()
    for status, number in session.execute(
        select(col(Claim.status), func.count()).group_by(col(Claim.status))
    ):
        statuses[status] = number
    relations = _empty_relation_counts()
    for relation, number in session.execute(
        select(col(ClaimGroup.relation), func.count())
        .where(col(ClaimGroup.size) >= 2)
        .group_by(col(ClaimGroup.relation))
    ):
        relations[relation] = number
    return SourceCounts(
        source=ALL_SOURCES,
        claims=sum(statuses.values()),
        by_status=statuses,
        groups_by_relation=relations,
    )


def _reviewers_on(session: Session, day: date) -> dict[str, int]:
    # A range on the column (rather than a date() of it) works on every backend.
    start = datetime.combine(day, time.min, tzinfo=UTC)
    rows = session.execute(
        select(col(Review.reviewer), func.count())
        .where(col(Review.created_at) >= start)
        .where(col(Review.created_at) < start + timedelta(days=1))
        .where(col(Review.reverts_review_id).is_(None))
        .group_by(col(Review.reviewer))
        .order_by(func.count().desc(), col(Review.reviewer))
    )
    return {reviewer: number for reviewer, number in rows}


def _recent_reviews(session: Session) -> list[RecentReview]:
    rows = session.execute(
        select(Review, col(Claim.text))
        .join(Claim, col(Review.claim_id) == col(Claim.id))
        .order_by(col(Review.created_at).desc(), col(Review.id).desc())
        .limit(RECENT_REVIEWS)
    )
    return [
        RecentReview(
            claim_id=review.claim_id,
            verdict=review.verdict,
            reviewer=review.reviewer,
            created_at=review.created_at,
            claim_text=text,
            is_undo=review.reverts_review_id is not None,
        )
        for review, text in rows
    ]
