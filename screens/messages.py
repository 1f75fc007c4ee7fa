"""Messages that workers post back to the screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from workbench.db.views import ClaimDetail, ClaimView, CollectionStats


@dataclass
class ClaimsLoaded(Message):
    claims: list[ClaimView]
    stats: CollectionStats
    offset: int


@dataclass
class ClaimDetailLoaded(Message):
    detail: ClaimDetail
