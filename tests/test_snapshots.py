"""Snapshots of the main screens at 80x24 and 120x40 (pytest-textual-snapshot).

Refresh after an intended change with `pytest tests/test_snapshots.py --snapshot-update` and
look at the report before committing.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from textual.worker import WorkerCancelled

from workbench.app import create_app
from workbench.config import ReviewOptions
from workbench.db.models import Claim
from workbench.importers.pipeline import ImportRun
from workbench.matching.grouping import GroupingSettings
from workbench.matching.service import regroup_all

SIZES = [(80, 24), (120, 40)]
ARTICLES = {
    "a.txt": (
        "source: Danube Dispatch\npublished: 2024-02-24\n\nEU to open defence office in Kyiv\n\n"
        "The EU has so far delivered 28 billion euros in military aid to Ukraine, "
        "von der Leyen said.\n\nThe EU will have trained 60,000 Ukrainian soldiers by the "
        "summer of 2024, she added.\n\nHe posted [bold]loud[/bold] and [/x] in Kyiv on Feb. 24."
    ),
    "b.txt": (
        "source: Continental Wire\npublished: 2024-02-25\n\nAid figures questioned\n\n"
        "So far the EU has delivered 28 million euros in military aid to Ukraine, "
        "von der Leyen said."
    ),
    "c.txt": (
        "source: Kyiv Morning Post\npublished: 2025-08-29\n\nTraining mission grows\n\n"
        "The EU has trained over 80,000 Ukrainian soldiers so far, Kallas said on Friday."
    ),
}


@pytest.fixture
def snapshot_db(database, write_file):
    ImportRun(database).run([write_file(name, text) for name, text in ARTICLES.items()])
    with database.session() as session:
        regroup_all(session=session, settings=GroupingSettings())
    return database


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        for worker in list(pilot.app.workers):
            try:
                await worker.wait()
            except WorkerCancelled:
                pass
    pilot.app.sub_title = "snapshot.db · ana"  # the real one names a temporary path
    await pilot.pause()


def app_for(database):
    return create_app(database.url, reviewer="ana", options=ReviewOptions(apply_to_group="never"))


@pytest.mark.parametrize("size", SIZES)
def test_queue(snap_compare, snapshot_db, size) -> None:
    assert snap_compare(app_for(snapshot_db), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_group(snap_compare, snapshot_db, size) -> None:
    with snapshot_db.session() as session:
        claim_id = session.execute(
            select(Claim.id).where(Claim.text.contains("28 million"))
        ).scalar_one()

    async def open_group(pilot) -> None:
        await settle(pilot)
        screen = pilot.app.screen
        index = [claim.id for claim in screen.claims].index(claim_id)
        screen.query_one("#queue").move_cursor(row=index)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(app_for(snapshot_db), terminal_size=size, run_before=open_group)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, snapshot_db, size) -> None:
    async def open_help(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app_for(snapshot_db), terminal_size=size, run_before=open_help)
