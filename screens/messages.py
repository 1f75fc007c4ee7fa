"""Messages that workers post back to the screens: small dataclasses, one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from workbench.db.views import (
    ClaimDetail,
    ClaimView,
    CollectionStats,
    GroupView,
    QueueFilter,
    SuggestionView,
)


@dataclass
class QueueLoaded(Message):
    """A page of the review queue; `total` and `stats` come with the first page only."""

    claims: list[ClaimView]
    offset: int
    total: int
    stats: CollectionStats | None
    filters: QueueFilter


@dataclass
class ClaimDetailLoaded(Message):
    detail: ClaimDetail
    group: GroupView | None = None


@dataclass
class VerdictSaved(Message):
    """A verdict (or undo) was written; `claim` is the claim as stored now."""

    claim: ClaimView
    action: str  # "confirmed", "disputed", "outdated", "undo", "note", "evidence", "applied"
    applied_to: int = 0  # other members of the group the verdict was also applied to
    # Unreviewed members of a "repeated" group the same verdict could apply to.
    repeats: list[ClaimView] = field(default_factory=list)
    # The detail of the claim the cursor moved on to, loaded by the same worker.
    following: ClaimDetailLoaded | None = None


@dataclass
class VerdictRefused(Message):
    """The claim changed in another window since it was shown; nothing was written."""

    claim: ClaimView
    reason: str


@dataclass
class GroupLoaded(Message):
    group: GroupView
    suggestions: list[SuggestionView]


@dataclass
class GroupChanged(Message):
    """A split, merge or suggestion decision was stored; `summary` says what happened."""

    group_id: int
    summary: str


# --- reading screens (article, overview) ---------------------------------------------------

# The reading views live in their own query module; imported here so this file stays the one
# place for messages.
from workbench.db.reading import ArticleView, OverviewView  # noqa: E402


@dataclass
class ArticleLoaded(Message):
    """An article with its claim spans, for the article screen."""

    article: ArticleView


@dataclass
class OverviewLoaded(Message):
    """Counts per source and today's review activity, for the overview screen."""

    overview: OverviewView
