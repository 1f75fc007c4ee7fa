"""Read stored claims again with this release's extractors.

Figures, dates and check-worthiness are read once, at import, and stored with each claim. When
a release reads them better ("80-percent" as a percentage, "$44bn" as 44 billion dollars), the
claims already stored keep the old reading; `reread_claims` brings them up to date from their
text and their article's publication date, without importing anything again. Claims whose
reading is unchanged are not written. The caller regroups afterwards, since relations are
judged from these readings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlmodel import col

from workbench.db.engine import Database
from workbench.db.models import Article, Claim
from workbench.importers.prepare import read_claim

# Claims read and written per transaction: an interrupted run keeps the batches it finished.
BATCH = 1000


@dataclass
class RereadReport:
    claims: int = 0  # claims read
    changed: int = 0  # claims whose stored reading changed


def reread_claims(
    database: Database, progress: Callable[[int, int], None] | None = None
) -> RereadReport:
    with database.session() as session:
        total = session.scalar(select(func.count()).select_from(Claim)) or 0
    report = RereadReport()
    last_id = 0
    while True:
        with database.session() as session:
            rows = session.execute(_batch_after(last_id)).all()
            if not rows:
                break
            changes = [change for row in rows if (change := _changed_reading(row)) is not None]
            if changes:
                session.execute(update(Claim), changes)
        last_id = rows[-1].id
        report.claims += len(rows)
        report.changed += len(changes)
        if progress is not None:
            progress(report.claims, total)
    return report


def _batch_after(last_id: int) -> Any:
    return (
        select(
            col(Claim.id),
            col(Claim.text),
            col(Claim.kind),
            col(Claim.speaker),
            col(Claim.numbers),
            col(Claim.dates),
            col(Claim.checkworthiness),
            col(Claim.reasons),
            col(Article.published),
        )
        .join(Article, col(Claim.article_id) == col(Article.id))
        .where(col(Claim.id) > last_id)
        .order_by(col(Claim.id))
        .limit(BATCH)
    )


def _changed_reading(row: Any) -> dict[str, Any] | None:
    """The new values of the claim's reading, or None when they equal the stored ones."""
    published = row.published.date() if isinstance(row.published, datetime) else row.published
    reading = read_claim(row.text, row.kind, row.speaker, published)
    new = {
        "numbers": reading.numbers,
        "dates": reading.dates,
        "checkworthiness": reading.checkworthiness,
        "reasons": reading.reasons,
    }
    stored = {
        "numbers": row.numbers,
        "dates": row.dates,
        "checkworthiness": row.checkworthiness,
        "reasons": row.reasons,
    }
    return {"id": row.id, **new} if new != stored else None
