"""Plain view objects handed to the CLI and the screens instead of live ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class ClaimView:
    id: int
    text: str
    status: str
    kind: str
    article_id: int
    article_url: str | None
    article_title: str | None
    source: str | None
    published: date | None
    published_precision: str | None
    char_start: int
    char_end: int
    numbers: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    checkworthiness: float
    reasons: list[str]
    speaker: str | None
    context: str | None
    group_id: int | None
    group_relation: str | None = None
    group_size: int = 1
    group_sources: int = 1
    suggested_outdated: bool = False
    differing_spans: list[dict[str, Any]] = field(default_factory=list)
    revision: int = 0
    disagreement: bool = False

    def to_json(self) -> dict[str, Any]:
        # Field by field: dataclasses.asdict deep-copies every nested list, which was most of
        # the time of a 100,000-claim export.
        data = {name: getattr(self, name) for name in _CLAIM_VIEW_FIELDS}
        data["published"] = self.published.isoformat() if self.published else None
        return data


_CLAIM_VIEW_FIELDS = tuple(item.name for item in fields(ClaimView))


@dataclass(frozen=True)
class QueueFilter:
    """What the review queue shows; None means no restriction."""

    status: str | None = "unreviewed"
    source: str | None = None
    relation: str | None = None
    published_from: date | None = None
    published_to: date | None = None
    search: str | None = None

    def describe(self) -> str:
        parts = [
            f"status {self.status}" if self.status else "any status",
            f"source ~ {self.source}" if self.source else "",
            f"relation {self.relation}" if self.relation else "",
            f"from {self.published_from}" if self.published_from else "",
            f"to {self.published_to}" if self.published_to else "",
            f"text ~ {self.search}" if self.search else "",
        ]
        return " · ".join(part for part in parts if part)


@dataclass(frozen=True)
class GroupView:
    id: int
    relation: str
    reason: str | None
    size: int
    source_count: int
    members: list[ClaimView]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "relation": self.relation,
            "reason": self.reason,
            "size": self.size,
            "sources": self.source_count,
            "members": [member.to_json() for member in self.members],
        }


@dataclass(frozen=True)
class SuggestionView:
    id: int
    score: float
    claim: ClaimView
    other: ClaimView


@dataclass(frozen=True)
class ReviewView:
    id: int
    reviewer: str
    verdict: str
    note: str | None
    evidence_url: str | None
    created_at: datetime
    reverts_review_id: int | None


@dataclass(frozen=True)
class ClaimDetail:
    claim: ClaimView
    article_text: str
    reviews: list[ReviewView] = field(default_factory=list)

    def surrounding(self, sentences_chars: int = 300) -> tuple[str, str]:
        """The article text just before and just after the claim."""
        start, end = self.claim.char_start, self.claim.char_end
        before = self.article_text[max(0, start - sentences_chars) : start]
        after = self.article_text[end : end + sentences_chars]
        return before, after


@dataclass(frozen=True)
class CollectionStats:
    sources: int
    articles: int
    claims: int
    by_status: dict[str, int]
    by_kind: dict[str, int]
    articles_without_date: int
    groups: int  # groups of two or more claims
    largest_group: int
    groups_by_relation: dict[str, int] = field(default_factory=dict)
    ungrouped: int = 0
