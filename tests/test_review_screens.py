"""The review screens driven with Pilot: keys pressed, the database checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from textual.widgets import DataTable, Input
from textual.worker import WorkerCancelled

from workbench.app import WorkbenchApp, create_app
from workbench.config import ReviewOptions
from workbench.db.models import Claim, MatchDecision, Review
from workbench.importers.pipeline import ImportRun
from workbench.matching.grouping import GroupingSettings
from workbench.matching.service import regroup_all
from workbench.screens.content_view import ContentView

AID = [
    "The EU has so far delivered 28 billion euros in military aid to Ukraine, von der Leyen said.",
    "Von der Leyen said the EU had so far delivered 28 billion euros in military aid to Ukraine.",
]
MARKUP = "He posted [bold]loud[/bold] and [/x] and [link=https://evil.example]click[/link] today."
OTHER = "Denmark will invite the first Ukrainian defence company to start production there."


def article(source: str, *sentences: str) -> str:
    body = "\n\n".join(sentences)
    return f"source: {source}\npublished: 2024-02-24\n\nReport from {source}\n\n{body}\n"


@pytest.fixture
def review_db(database, write_file):
    files = [
        write_file("a.txt", article("Alpha", AID[0], MARKUP)),
        write_file("b.txt", article("Beta", AID[1], OTHER)),
    ]
    ImportRun(database).run(files)
    with database.session() as session:
        regroup_all(session=session, settings=GroupingSettings())
    return database


def make_app(database, **options) -> WorkbenchApp:
    return create_app(database.url, reviewer="ana", options=ReviewOptions(**options))


async def settle(app, pilot) -> None:
    """Wait until workers (and the messages they post) are done; exclusive workers that a newer
    one replaced end as cancelled, which is fine here."""
    for _ in range(3):
        await pilot.pause()
        for worker in list(app.workers):
            try:
                await worker.wait()
            except WorkerCancelled:
                pass
    await pilot.pause()


async def move_to(app, pilot, claim_id: int) -> None:
    """Put the queue's cursor on a claim and let its detail load."""
    table = app.screen.query_one("#queue", DataTable)
    table.move_cursor(row=[claim.id for claim in app.screen.claims].index(claim_id))
    await settle(app, pilot)


def current_claim(app) -> int:
    return app.screen.current.id


def status_of(database, claim_id: int) -> str:
    with database.session() as session:
        return session.execute(select(Claim.status).where(Claim.id == claim_id)).scalar_one()


def reviews_of(database, claim_id: int) -> list[Review]:
    with database.session() as session:
        query = select(Review).where(Review.claim_id == claim_id).order_by(Review.id)
        return list(session.execute(query).scalars())


def claim_with(database, text: str) -> int:
    with database.session() as session:
        return session.execute(select(Claim.id).where(Claim.text == text)).scalar_one()


async def test_verdict_is_written_and_cursor_advances(review_db) -> None:
    app = make_app(review_db, apply_to_group="never")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        first = current_claim(app)
        await pilot.press("d")
        await settle(app, pilot)
        assert status_of(review_db, first) == "disputed"
        assert current_claim(app) != first
        [review] = reviews_of(review_db, first)
        assert (review.verdict, review.reviewer) == ("disputed", "ana")


async def test_undo_appends_a_revert(review_db) -> None:
    app = make_app(review_db, apply_to_group="never")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        first = current_claim(app)
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press("u")
        await settle(app, pilot)
        assert status_of(review_db, first) == "unreviewed"
        assert [r.verdict for r in reviews_of(review_db, first)] == ["confirmed", "unreviewed"]
        assert current_claim(app) == first


async def test_note_and_evidence(review_db) -> None:
    app = make_app(review_db, apply_to_group="never")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        claim = current_claim(app)
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press("u")  # back on the claim, unreviewed again
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one(Input).value = "checked against the Commission release"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = "not a link"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = "https://evidence.example/release"
        await pilot.press("enter")
        await settle(app, pilot)
        log = reviews_of(review_db, claim)
        assert log[-1].note == "checked against the Commission release"
        assert log[-1].evidence_url == "https://evidence.example/release"
        assert all(r.evidence_url != "not a link" for r in log)


async def test_verdict_offers_to_apply_to_repeated_members(review_db) -> None:
    app = make_app(review_db)
    first, second = claim_with(review_db, AID[0]), claim_with(review_db, AID[1])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await move_to(app, pilot, first)
        await pilot.press("c")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("y")
        await settle(app, pilot)
    assert (status_of(review_db, first), status_of(review_db, second)) == ("confirmed", "confirmed")


async def test_search_and_filter(review_db) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one(Input).value = "Denmark"
        await pilot.press("enter")
        await settle(app, pilot)
        assert [c.text for c in app.screen.claims] == [OTHER]
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#filter-source", Input).value = "alpha"
        app.screen.query_one("#filter-source", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.claims == []  # Denmark is in Beta's article, not Alpha's
        assert app.screen.filters.source == "alpha"


async def test_markup_like_text_is_shown_literally(review_db) -> None:
    app = make_app(review_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        index = [c.text for c in app.screen.claims].index(MARKUP)
        app.screen.query_one("#queue", DataTable).move_cursor(row=index)
        await settle(app, pilot)
        cell = str(app.screen.query_one("#queue", DataTable).get_row_at(index)[3])
        assert "[bold]loud[/bold] and [/x] and [link=https://evil.example]" in cell
        detail = app.screen.query_one("#detail-pane", ContentView)
        assert "[bold]loud[/bold] and [/x]" in detail.content.plain


async def test_split_and_merge_from_the_group_screen(review_db) -> None:
    app = make_app(review_db)
    first, second = claim_with(review_db, AID[0]), claim_with(review_db, AID[1])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await move_to(app, pilot, first)
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "GroupScreen"
        group_id = app.screen.group_id
        members = app.screen.query_one("#members", DataTable)
        members.move_cursor(row=[m.id for m in app.screen.group.members].index(second))
        await pilot.press("s")
        await settle(app, pilot)
        with review_db.session() as session:
            second_group = session.get(Claim, second).group_id
            decisions = session.execute(select(MatchDecision.decision)).scalars().all()
        assert second_group != group_id and decisions == ["different"]
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one(Input).value = str(second_group)
        await pilot.press("enter")
        await settle(app, pilot)
        with review_db.session() as session:
            assert session.get(Claim, second).group_id == group_id
        assert len(app.screen.group.members) == 2


async def test_two_windows_do_not_lose_a_verdict(review_db) -> None:
    first_window, second_window = (
        make_app(review_db, apply_to_group="never"),
        make_app(review_db, apply_to_group="never"),
    )
    async with second_window.run_test(size=(100, 30)) as second:
        await settle(second_window, second)
        shown = current_claim(second_window)
        async with first_window.run_test(size=(100, 30)) as first:
            await settle(first_window, first)
            assert current_claim(first_window) == shown
            await first.press("c")
            await settle(first_window, first)
        assert status_of(review_db, shown) == "confirmed"
        await second.press("d")  # this window still shows the claim as unreviewed
        await settle(second_window, second)
        assert type(second_window.screen).__name__ == "ConfirmDialog"
        assert status_of(review_db, shown) == "confirmed"
        assert [r.verdict for r in reviews_of(review_db, shown)] == ["confirmed"]
        await second.press("y")  # reload
        await settle(second_window, second)
        assert next(c for c in second_window.screen.claims if c.id == shown).status == "confirmed"


async def test_keys_can_be_remapped(review_db) -> None:
    app = create_app(review_db.url, reviewer="ana", keymap={"queue.confirm": "y"})
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        first = current_claim(app)
        await pilot.press("y")
        await settle(app, pilot)
        assert status_of(review_db, first) == "confirmed"


async def test_worker_error_opens_error_dialog(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "e.db"), reviewer="tester")
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        app.database.engine.dispose()
        (tmp_path / "e.db").unlink()
        (tmp_path / "e.db").write_text("garbage " * 1000)
        app.screen.action_reload()
        with pytest.raises(Exception):  # noqa: B017 - the worker's own error, surfaced by Textual
            await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "ErrorDialog"
        await pilot.press("escape")
        assert type(app.screen).__name__ == "QueueScreen"


async def test_split_from_the_queue(review_db) -> None:
    app = make_app(review_db)
    first, second = claim_with(review_db, AID[0]), claim_with(review_db, AID[1])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await move_to(app, pilot, first)
        await pilot.press("s")
        await settle(app, pilot)
    with review_db.session() as session:
        assert session.get(Claim, first).group_id != session.get(Claim, second).group_id
        assert session.execute(select(MatchDecision.reviewer)).scalars().all() == ["ana"]


async def test_export_from_the_queue(review_db, tmp_path: Path) -> None:
    app = make_app(review_db, apply_to_group="never")
    target = tmp_path / "out" / "verified.csv"
    target.parent.mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#export-format").value = "csv"
        await pilot.pause()
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value == "verified-claims.csv"
        path_input.value = str(target)
        path_input.focus()
        await pilot.press("enter")
        await settle(app, pilot)
    rows = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2 and "confirmed" in rows[1]
