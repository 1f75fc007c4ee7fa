"""Export at scale: seconds, records per second and peak memory of JSONL and CSV exports.

    python bench/export_bench.py                  # 100,000 reviewed claims
    python bench/export_bench.py --claims 20000 --formats jsonl

Claims come from group_bench's generator; groups of one to five and one review per claim are
written with plain SQL (grouping itself is group_bench's subject). Each export streams
iter_export_records into write_export, into a file in a scratch folder; "records only" is
the time to build the records without writing them, so the writers' share is the difference.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from group_bench import fill_database, generate_claims  # noqa: E402

from workbench.db.engine import Database, open_database  # noqa: E402
from workbench.db.models import ClaimGroup  # noqa: E402
from workbench.export.claimreview import ClaimReviewSettings  # noqa: E402
from workbench.export.records import ExportFilter, iter_export_records  # noqa: E402
from workbench.export.writers import write_export  # noqa: E402

RELATIONS = ["repeated"] * 6 + ["conflicting", "outdated"]
SETTINGS = ClaimReviewSettings("Bench Desk", None, "https://bench.example")


def add_groups(database: Database, claims: int) -> None:
    """Consecutive claims in groups of one to five, as the matching would leave them."""
    rng = random.Random(7)
    now = datetime(2024, 1, 1, tzinfo=UTC)
    groups: list[dict[str, Any]] = []
    first = 1
    while first <= claims:
        size = min(rng.randint(1, 5), claims - first + 1)
        relation = "single" if size == 1 else rng.choice(RELATIONS)
        groups.append({"id": len(groups) + 1, "relation": relation, "size": size,
                       "source_count": size, "created_at": now, "first": first})  # fmt: skip
        first += size
    assignments = [
        {"group": group["id"], "claim": claim}
        for group in groups
        for claim in range(group["first"], group["first"] + group["size"])
    ]
    with database.session() as session:
        session.execute(insert(ClaimGroup), [_without_first(group) for group in groups])
        # Keyed by claim id, so the UPDATE below is one lookup per claim, not a scan.
        session.execute(text("CREATE TEMP TABLE assign (claim INTEGER PRIMARY KEY, gid INTEGER)"))
        session.execute(text("INSERT INTO assign VALUES (:claim, :group)"), assignments)
        session.execute(
            text("UPDATE claim SET group_id = (SELECT gid FROM assign WHERE claim = claim.id)")
        )


def _without_first(group: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in group.items() if key != "first"}


def review_everything(database: Database) -> None:
    """One verdict per claim (a third each), with a note on every other one."""
    with database.session() as session:
        session.execute(
            text(
                "INSERT INTO review (claim_id, reviewer, verdict, note, evidence_url, created_at) "
                "SELECT id, 'bench', CASE id % 3 WHEN 0 THEN 'confirmed' WHEN 1 THEN 'disputed' "
                "ELSE 'outdated' END, CASE WHEN id % 2 = 0 THEN 'checked, see source' END, "
                "'https://evidence.example/' || id, '2024-03-01 09:00:00.000000' FROM claim"
            )
        )
        session.execute(
            text(
                "UPDATE claim SET revision = 1, status = CASE id % 3 WHEN 0 THEN 'confirmed' "
                "WHEN 1 THEN 'disputed' ELSE 'outdated' END"
            )
        )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_export(database: Database, fmt: str, target: Path) -> tuple[int, float]:
    started = time.perf_counter()
    with database.session() as session:
        records = iter_export_records(session=session, filters=ExportFilter())
        written = write_export(records=records, fmt=fmt, destination=target, claimreview=SETTINGS)
    return written, time.perf_counter() - started


def time_records_only(database: Database) -> tuple[int, float]:
    """Building the records without writing them: what the writers add is the difference."""
    started = time.perf_counter()
    with database.session() as session:
        count = sum(1 for _ in iter_export_records(session=session, filters=ExportFilter()))
    return count, time.perf_counter() - started


def build(path: Path, claims: int) -> None:
    database = open_database(str(path))
    fill_database(database, generate_claims(claims))
    add_groups(database, claims)
    review_everything(database)
    database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--formats", default="jsonl,csv", help="comma-separated formats")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "export.db"
        started = time.perf_counter()
        # Built in a child process, so the peak memory below is the export's own.
        builder = multiprocessing.get_context("fork").Process(
            target=build, args=(path, args.claims)
        )
        builder.start()
        builder.join()
        print(f"built {args.claims} reviewed claims in {time.perf_counter() - started:.1f} s",
              flush=True)  # fmt: skip
        database = open_database(str(path))
        count, seconds = time_records_only(database)
        print(f"records only: {count} in {seconds:.2f} s ({count / seconds:,.0f}/s); "
              f"peak RSS {peak_mb():.0f} MB", flush=True)  # fmt: skip
        for fmt in args.formats.split(","):
            target = Path(scratch) / f"export.{fmt}"
            written, seconds = time_export(database, fmt, target)
            size = target.stat().st_size / 1e6
            print(f"{fmt}: {written} records, {size:.0f} MB in {seconds:.2f} s "
                  f"({written / seconds:,.0f} records/s); peak RSS {peak_mb():.0f} MB",
                  flush=True)  # fmt: skip
        database.close()


if __name__ == "__main__":
    main()
