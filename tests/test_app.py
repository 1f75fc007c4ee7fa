"""The review app driven headless with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static
from textual.worker import WorkerFailed

from workbench.app import create_app
from workbench.importers.pipeline import ImportRun

ARTICLE = (
    "title: Markup test\nsource: Outlet\npublished: 2024-02-24\n\n"
    "He posted [bold]loud[/bold] and [/x] and [link=https://evil.example]click[/link] today, "
    "officials in Kyiv said.\n\n"
    "The EU has delivered 28 billion euros in military aid so far, von der Leyen said.\n"
)


async def test_claim_list_shows_markup_like_text_literally(database, write_file) -> None:
    ImportRun(database).run([write_file("a.txt", ARTICLE)])
    app = create_app(database.url, reviewer="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#claims", DataTable)
        assert table.row_count == 3
        cells = [str(table.get_row_at(index)[4]) for index in range(table.row_count)]
        assert any("[bold]loud[/bold] and [/x] and [link=https://evil.example]" in c for c in cells)
        row = next(i for i, c in enumerate(cells) if "[bold]" in c)
        table.move_cursor(row=row)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        detail = app.screen.query_one("#detail", Static)
        assert "[bold]loud[/bold]" in str(detail.render())


async def test_worker_error_opens_error_dialog(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "e.db"), reviewer="tester")
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        app.database.engine.dispose()
        (tmp_path / "e.db").unlink()
        (tmp_path / "e.db").write_text("garbage " * 1000)
        app.screen.action_reload()  # type: ignore[attr-defined]
        with pytest.raises(WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "ErrorDialog"
        await pilot.press("escape")
        assert type(app.screen).__name__ == "ClaimListScreen"
