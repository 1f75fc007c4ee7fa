"""The tables of a workbench database.

Every schema change goes through an Alembic migration in ``workbench.db.migrations``; the app
never calls ``create_all``.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel


class ClaimStatus(StrEnum):
    UNREVIEWED = "unreviewed"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"
    OUTDATED = "outdated"


VERDICTS = (ClaimStatus.CONFIRMED, ClaimStatus.DISPUTED, ClaimStatus.OUTDATED)


class ClaimKind(StrEnum):
    HEADLINE = "headline"
    SENTENCE = "sentence"
    QUOTE = "quote"
    LIST_ITEM = "list_item"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class GroupRelation(StrEnum):
    SINGLE = "single"
    REPEATED = "repeated"
    CONFLICTING = "conflicting"
    OUTDATED = "outdated"


class Source(SQLModel, table=True):
    """An outlet: the publisher an article came from."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    domain: str | None = Field(default=None, index=True)


class Article(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("content_hash", name="uq_article_content_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    title: str | None = None
    url: str | None = Field(default=None, index=True)
    author: str | None = None
    published: date | None = None
    published_precision: str | None = None  # a DatePrecision value, None when unknown
    language: str | None = None
    # The cleaned article text; every claim's char_start/char_end index into it.
    text: str
    # sha256 of the text as read, before our clean-up: the same input is the same article
    # even after the clean-up rules change.
    content_hash: str
    importer: str
    origin: str | None = None  # the file (and record) it came from
    imported_at: datetime
    previous_revision_id: int | None = Field(default=None, foreign_key="article.id")


class ClaimGroup(SQLModel, table=True):
    __tablename__ = "claim_group"

    id: int | None = Field(default=None, primary_key=True)
    relation: str = Field(default=GroupRelation.SINGLE.value, index=True)
    # One line for the reviewer: what disagrees, or what superseded what.
    relation_reason: str | None = None
    size: int = 1
    source_count: int = 1  # distinct outlets; only other sources corroborate a claim
    created_at: datetime
    updated_at: datetime | None = None


class MatchDecisionKind(StrEnum):
    SAME = "same"
    DIFFERENT = "different"


class MatchDecision(SQLModel, table=True):
    """A reviewer's correction of the grouping: a fact no later regrouping may undo.

    Splitting a claim out records "different" against each member it leaves; merging two
    groups or accepting a suggestion records "same"; rejecting a suggestion, "different".
    The latest decision on a pair wins.
    """

    __tablename__ = "match_decision"

    id: int | None = Field(default=None, primary_key=True)
    claim_a_id: int = Field(foreign_key="claim.id", index=True)  # the smaller id
    claim_b_id: int = Field(foreign_key="claim.id", index=True)
    decision: str
    reviewer: str
    created_at: datetime


class SuggestedMatch(SQLModel, table=True):
    """A near miss between two groups, for the reviewer to accept or reject."""

    __tablename__ = "suggested_match"
    __table_args__ = (UniqueConstraint("claim_a_id", "claim_b_id", name="uq_suggested_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_a_id: int = Field(foreign_key="claim.id", index=True)
    claim_b_id: int = Field(foreign_key="claim.id", index=True)
    score: float


class ClaimToken(SQLModel, table=True):
    """Inverted index of claim content words: finds candidates for new claims without
    loading the whole collection."""

    __tablename__ = "claim_token"
    # SQLite keeps the rows in the primary key alone (migration 0007).
    __table_args__ = {"sqlite_with_rowid": False}

    token: str = Field(primary_key=True)
    claim_id: int = Field(primary_key=True, foreign_key="claim.id", index=True)


class ClaimVector(SQLModel, table=True):
    """A claim's sentence vector for semantic matching, stored so that it is computed once
    (the model costs 6-8 ms per claim): float16 values as bytes, with the model's name so
    that a change of model recomputes them."""

    __tablename__ = "claim_vector"

    claim_id: int = Field(primary_key=True, foreign_key="claim.id")
    model: str = Field(index=True)  # a change of model drops the others' rows
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Claim(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("article_id", "ordinal", name="uq_claim_article_ordinal"),
        Index("ix_claim_status_checkworthiness", "status", "checkworthiness"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    ordinal: int
    text: str
    char_start: int
    char_end: int
    kind: str = Field(default=ClaimKind.SENTENCE.value)
    # For a list item, the sentence that introduces the list; it reads as part of the claim.
    context: str | None = None
    checkworthiness: float = 0.0
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    numbers: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    dates: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    speaker: str | None = None
    status: str = Field(default=ClaimStatus.UNREVIEWED.value)
    # Counts review-log entries: a window that shows revision 3 may only write on top of 3,
    # so a verdict made meanwhile in another window is never silently overwritten.
    revision: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # Two reviewers (merged from separate databases) gave different verdicts: back in the
    # queue, both verdicts kept in the log, until someone decides again.
    disagreement: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    group_id: int | None = Field(default=None, foreign_key="claim_group.id", index=True)
    # Set by grouping: a later report in the group supersedes this claim.
    suggested_outdated: bool = False
    # Spans of this claim's text that disagree with other members: [{start, end, reason}].
    differing_spans: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]")
    )


class Review(SQLModel, table=True):
    """One entry of the append-only review log; undo appends a revert, never deletes."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    reviewer: str
    verdict: str  # a verdict, or "unreviewed" for a revert back to no verdict
    note: str | None = None
    evidence_url: str | None = None
    created_at: datetime
    reverts_review_id: int | None = Field(default=None, foreign_key="review.id")
