"""What the matching code knows about a claim: a plain record built from the database row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class MemberClaim:
    """One claim as the grouping and relation code see it."""

    claim_id: int
    text: str
    article_id: int
    source_id: int | None  # None when the outlet is unknown; each such article counts alone
    published: date | None  # the article's publication date
    kind: str  # headline / sentence / quote / list_item
    numbers: list[dict[str, Any]] = field(default_factory=list)  # extract_numbers JSON
    dates: list[dict[str, Any]] = field(default_factory=list)  # extract_dates JSON

    @property
    def source_key(self) -> str:
        """Distinct-source identity: the outlet, or the article when the outlet is unknown."""
        return f"s{self.source_id}" if self.source_id is not None else f"a{self.article_id}"


@dataclass(frozen=True)
class DifferingSpan:
    """A stretch of a claim's text (offsets into the claim) that disagrees with other members."""

    start: int
    end: int
    reason: str  # e.g. "figure differs: 28 million vs 28 billion EUR"


@dataclass(frozen=True)
class GroupAssessment:
    relation: str  # "single" | "repeated" | "conflicting" | "outdated"
    reason: str  # one line for the reviewer, e.g. "28 million EUR vs 28 billion EUR"
    suggested_outdated: frozenset[int] = frozenset()  # claim ids a later report supersedes
    differing: dict[int, list[DifferingSpan]] = field(default_factory=dict)
