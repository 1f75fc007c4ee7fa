"""The review app headless (Pilot) on a generated 100,000-claim database.

    python bench/tui_bench.py                 # 100,000 claims, 200 verdicts
    python bench/tui_bench.py --claims 20000 --verdicts 50

Prints time to an interactive queue; median and p95 of verdict-and-advance, from pressing the
verdict key until the verdict is stored and the cursor is on the next claim; the same for a
key bound to nothing (Pilot's own cost per press, measured in the same run, and subtracted);
how long after the key the detail pane shows the next claim (it waits for the cursor to rest
30 ms, so fast movement skips it); and peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from group_bench import fill_database, generate_claims  # noqa: E402

from workbench.app import create_app  # noqa: E402
from workbench.config import ReviewOptions  # noqa: E402
from workbench.db.engine import Database, open_database  # noqa: E402
from workbench.db.models import Claim, ClaimGroup, Review  # noqa: E402

RELATIONS = ["repeated"] * 6 + ["conflicting", "outdated"]


def add_groups(database: Database) -> None:
    """Put claims in groups of one to five with mixed relations (grouping itself is timed by
    group_bench.py; here only realistic data for the queue's ordering is needed)."""
    rng = random.Random(3)
    now = datetime.now(UTC)
    with database.session() as session:
        ids = list(session.execute(select(Claim.id).order_by(Claim.id)).scalars())
        groups, assignments, index = [], [], 0
        while index < len(ids):
            size = rng.randint(1, 5)
            members = ids[index : index + size]
            relation = "single" if len(members) == 1 else rng.choice(RELATIONS)
            groups.append({"id": len(groups) + 1, "relation": relation, "size": len(members),
                           "source_count": len(members), "created_at": now})  # fmt: skip
            assignments += [(len(groups), claim_id) for claim_id in members]
            index += size
        session.execute(insert(ClaimGroup), groups)
        session.execute(text("CREATE TEMP TABLE assign (gid INTEGER, cid INTEGER PRIMARY KEY)"))
        session.execute(
            text("INSERT INTO assign VALUES (:g, :c)"), [{"g": g, "c": c} for g, c in assignments]
        )
        session.execute(
            text("UPDATE claim SET group_id = (SELECT gid FROM assign WHERE cid = claim.id), "
                 "checkworthiness = (claim.id * 7919 % 1000) / 1000.0")
        )  # fmt: skip


async def measure(database: Database, verdicts: int) -> dict[str, float]:
    started = time.perf_counter()
    app = create_app(database.url, reviewer="bench", options=ReviewOptions(apply_to_group="never"))
    results: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        while not getattr(app.screen, "claims", None):
            await asyncio.sleep(0.005)
        results["interactive"] = time.perf_counter() - started
        screen = app.screen
        noop, verdict, detail = [], [], []
        for _ in range(verdicts):
            noop.append(await timed_press(pilot, "f12", lambda: True))
            before = screen.current.id
            started = time.perf_counter()

            def stored_and_moved(before: int = before) -> bool:
                return screen.current.id != before and _verdict_stored(database, before)

            verdict.append(await timed_press(pilot, "c", stored_and_moved))
            while screen.detail_claim_id != screen.current.id:
                await asyncio.sleep(0.001)
            detail.append(time.perf_counter() - started)
        results.update(
            noop_median=statistics.median(noop),
            verdict_median=statistics.median(verdict),
            verdict_p95=statistics.quantiles(verdict, n=20)[-1],
            detail_median=statistics.median(detail),
        )
    return results


def _verdict_stored(database: Database, claim_id: int) -> bool:
    with database.engine.connect() as connection:
        found = connection.execute(select(Review.id).where(Review.claim_id == claim_id)).first()
    return found is not None


async def timed_press(pilot, key: str, done) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    await pilot.press(key)
    while not done():
        await asyncio.sleep(0.001)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--verdicts", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        database = open_database(str(Path(scratch) / "tui.db"))
        fill_database(database, generate_claims(args.claims))
        add_groups(database)
        database.close()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        database = open_database(str(Path(scratch) / "tui.db"))
        figures = asyncio.run(measure(database, args.verdicts))
        database.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ms = {key: value * 1000 for key, value in figures.items()}
    print(f"{args.claims} claims: interactive queue in {figures['interactive']:.2f} s")
    print(
        f"verdict-and-advance over {args.verdicts} verdicts: median {ms['verdict_median']:.1f} ms, "
        f"p95 {ms['verdict_p95']:.1f} ms; a no-op key press costs {ms['noop_median']:.1f} ms, "
        f"so the verdict's own median is {ms['verdict_median'] - ms['noop_median']:.1f} ms"
    )
    print(
        f"the detail pane shows the next claim {ms['detail_median']:.1f} ms after the key (median)"
    )
    print(f"peak RSS {peak:.0f} MB (of which {rss_before:.0f} MB before the app started, "
          "mostly generating the claims)")  # fmt: skip


if __name__ == "__main__":
    main()
